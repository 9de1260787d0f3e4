"""What the incident form decides without widgets: the value typed in the
cost field, the validation context of a store, and which fields an edit of a
loaded incident changed (only those are written, each one a history entry)."""

from __future__ import annotations

from datetime import datetime

from ..i18n import tr
from .validation import Context, Problem

# A point read back from the store differs from the one shown in the form by
# rounding only: closer than this (in the store's CRS units) is unchanged.
GEOMETRY_TOLERANCE = 1e-6


def parse_cost(text: str) -> tuple[float | None, Problem | None]:
    """The cost in SEK as typed ("12 500", "12500,50"), or a problem; empty is None."""
    cleaned = text.replace(" ", "").replace("\u00a0", "").replace(",", ".").strip()
    if not cleaned:
        return None, None
    try:
        return float(cleaned), None
    except ValueError:
        return None, Problem("estimated_cost_sek", "type", tr("must be a number"))


def validation_context(store) -> Context:
    """What validation needs to know of ``store``: its extent and organisations."""
    return Context(extent=store.extent, organisations=store.organisation_codes())


def same_value(name: str, before, after) -> bool:
    """Whether a field kept its value: times to the second (the form shows no
    fractions), the geometry within ``GEOMETRY_TOLERANCE``."""
    if isinstance(after, datetime) and isinstance(before, datetime):
        return after.replace(microsecond=0) == before.replace(microsecond=0)
    if name == "geometry":
        return after is not None and before is not None and all(
            abs(a - b) < GEOMETRY_TOLERANCE for a, b in zip(after, before))
    return after == before


def changed_fields(loaded: dict, values: dict) -> dict:
    """The entries of the form's ``values`` that differ from the ``loaded`` incident's."""
    return {name: value for name, value in values.items() if not same_value(name, loaded.get(name), value)}
