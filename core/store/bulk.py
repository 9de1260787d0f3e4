"""Many incidents at once, as NumPy columns: validated as a whole (each
problem with its row number), then turned into rows for one transaction.
Used by the demo data and by imports; the stored forms (geometry, times)
come from the store's backend."""

from __future__ import annotations

import numpy as np

from ..domain import codelist, personal_data, schema, validation
from ..domain.timeutil import now_utc
from ..domain.validation import FUTURE_TOLERANCE, Problem, ValidationError
from ..i18n import tr

REQUIRED = ("x", "y", "category", "occurred_from", "reporting_org")
OPTIONAL = ("subcategory", "occurred_to", "reported_at", "status", "police_reported", "estimated_cost_sek",
            "place_name", "description", "handling_org", "uuid")
MAX_LISTED_PROBLEMS = 100


def _rows_where(mask: np.ndarray) -> np.ndarray:
    return np.nonzero(mask)[0][:MAX_LISTED_PROBLEMS] + 1


def _flag(problems: list, mask: np.ndarray, field: str, code: str, message: str) -> None:
    problems.extend(Problem(field, code, message, int(row)) for row in _rows_where(mask))


def validate_columns(columns: dict, extent, organisations: frozenset[str], now_epoch: int) -> list[Problem]:
    """Every rule of ``validation.validate_incident``, vectorised."""
    problems: list[Problem] = []
    missing = [name for name in REQUIRED if name not in columns]
    unknown = set(columns) - set(REQUIRED) - set(OPTIONAL)
    if missing or unknown:
        return [Problem(n, "required", tr("column is missing")) for n in missing] + [
            Problem(n, "unknown_field", tr("is not a field of an incident")) for n in sorted(unknown)]
    lengths = {len(values) for values in columns.values()}
    if len(lengths) != 1:
        return [Problem("columns", "length", tr("columns differ in length"))]
    x, y = np.asarray(columns["x"], dtype=np.float64), np.asarray(columns["y"], dtype=np.float64)
    xmin, ymin, xmax, ymax = extent
    _flag(problems, ~(np.isfinite(x) & np.isfinite(y)), "geometry", "not_point",
          tr("the place must be a single point"))
    _flag(problems, np.isfinite(x) & np.isfinite(y) & ~((x >= xmin) & (x <= xmax) & (y >= ymin) & (y <= ymax)),
          "geometry", "outside", tr("the place lies outside the store's extent"))

    category = np.asarray(columns["category"]).astype(str)
    _flag(problems, ~np.isin(category, list(codelist.BY_CODE)), "category", "unknown", tr("unknown category"))
    if "subcategory" in columns:
        sub = np.asarray(columns["subcategory"]).astype(str)
        has = sub != ""
        parents = np.asarray([codelist.category_of(s) or "?" for s in sub[has]], dtype=object)
        _flag(problems, has & ~np.isin(sub, list(codelist.SUBCATEGORY_PARENT)), "subcategory", "unknown",
              tr("unknown subcategory"))
        wrong = np.zeros(len(sub), dtype=bool)
        wrong[has] = (parents != "?") & (parents != category[has])
        _flag(problems, wrong, "subcategory", "mismatch", tr("is not a subcategory of its category"))
    for name in ("reporting_org", "handling_org"):
        if name in columns:
            orgs = np.asarray(columns[name]).astype(str)
            bad = ~np.isin(orgs, list(organisations))
            if name == "handling_org":
                bad &= orgs != ""
            _flag(problems, bad, name, "unknown", tr("unknown organisation"))
    if "status" in columns:
        _flag(problems, ~np.isin(np.asarray(columns["status"]).astype(str), codelist.STATUS_CODES),
              "status", "unknown", tr("unknown status"))

    start = np.asarray(columns["occurred_from"], dtype=np.int64)
    limit = now_epoch + int(FUTURE_TOLERANCE.total_seconds())
    _flag(problems, start < 0, "occurred_from", "required", tr("is required"))
    for name in ("occurred_from", "occurred_to", "reported_at"):
        if name in columns:
            _flag(problems, np.asarray(columns[name], dtype=np.int64) > limit, name, "future",
                  tr("lies in the future"))
    if "occurred_to" in columns:
        end = np.asarray(columns["occurred_to"], dtype=np.int64)
        _flag(problems, (end >= 0) & (end < start), "occurred_to", "order",
              tr("is before the start of the incident"))
    if "reported_at" in columns:
        reported = np.asarray(columns["reported_at"], dtype=np.int64)
        _flag(problems, (reported >= 0) & (reported < start), "reported_at", "order",
              tr("is before the incident happened"))
    if "estimated_cost_sek" in columns:
        cost = np.asarray(columns["estimated_cost_sek"], dtype=np.float64)
        _flag(problems, cost < 0, "estimated_cost_sek", "negative", tr("cannot be negative"))
        _flag(problems, np.isinf(cost), "estimated_cost_sek", "not_finite",
              validation.not_finite_message("inf"))
    for name, limit_chars in schema.INCIDENT_TEXT_LIMITS.items():
        if name in columns:
            controlled = np.fromiter((validation.has_control_character(v) for v in columns[name]), dtype=bool,
                                     count=len(columns[name]))
            _flag(problems, controlled, name, "control_character", validation.control_character_message())
            lengths = np.char.str_len(np.asarray(columns[name]).astype(str))
            _flag(problems, lengths > limit_chars, name, "too_long",
                  tr("is longer than {limit} characters").format(limit=limit_chars))
    return problems


def _text_or_none(values) -> np.ndarray:
    array = np.asarray(values).astype(object)
    array[np.asarray(values).astype(str) == ""] = None
    return array


def random_uuids(count: int, rng: np.random.Generator | None = None) -> list[str]:
    """Version 4 UUIDs; reproducible when ``rng`` is seeded."""
    rng = rng or np.random.default_rng()
    raw = rng.integers(0, 256, size=(count, 16), dtype=np.uint8)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    hexes = [bytes(r).hex() for r in raw]
    return [f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}" for h in hexes]


def _texts(values) -> list:
    """A column as a list of Python texts (None and NaN as given, numbers as text)."""
    values = values.tolist() if isinstance(values, np.ndarray) else list(values)
    return [v if v is None or isinstance(v, str) else str(v) for v in values]


def guard_columns(columns: dict, clean: bool = False) -> tuple[dict, list[Problem]]:
    """The personal-data guard over the free-text columns: ``(columns,
    problems)``, the columns cleaned when ``clean`` (personal_data.guard_column)."""
    problems: list[Problem] = []
    columns = dict(columns)
    for name in personal_data.FREE_TEXT_FIELDS:
        if name in columns:
            texts, found = personal_data.guard_column(name, _texts(columns[name]), clean)
            problems += found[:MAX_LISTED_PROBLEMS]
            if clean:
                columns[name] = np.asarray(texts, dtype=object)
    return columns, problems


def incident_rows(columns: dict, store, clean: bool = False) -> tuple[list[str], list[tuple]]:
    """(column names, rows) ready for one INSERT, after validation and the
    personal-data guard (refusing, or cleaning when ``clean``)."""
    now = now_utc()
    columns, problems = guard_columns(columns, clean)
    problems += validate_columns(columns, store.extent, store.organisation_codes(), int(now.timestamp()))
    if problems:
        raise ValidationError(problems)
    count = len(columns["x"])
    start = np.asarray(columns["occurred_from"], dtype=np.int64)
    backend = store.backend
    stamp = backend.encode_time(now)
    reported = np.asarray(columns.get("reported_at", np.full(count, -1)), dtype=np.int64)
    cost = np.asarray(columns.get("estimated_cost_sek", np.full(count, np.nan)), dtype=np.float64)
    cost_values = cost.astype(object)
    cost_values[np.isnan(cost)] = None
    data = {
        schema.GEOMETRY_COLUMN: backend.encode_points(columns["x"], columns["y"], store.srs_id),
        "uuid": list(columns["uuid"]) if "uuid" in columns else random_uuids(count),
        "category": np.asarray(columns["category"]).astype(str).tolist(),
        "subcategory": _text_or_none(columns.get("subcategory", np.full(count, ""))).tolist(),
        "occurred_from": backend.encode_epochs(start).tolist(),
        "occurred_to": backend.encode_epochs(np.asarray(columns.get("occurred_to", np.full(count, -1)),
                                                 dtype=np.int64)).tolist(),
        "reported_at": [stamp if v is None else v for v in backend.encode_epochs(reported).tolist()],
        "reporting_org": np.asarray(columns["reporting_org"]).astype(str).tolist(),
        "police_reported": np.asarray(columns.get("police_reported", np.zeros(count, bool))).astype(int).tolist(),
        "estimated_cost_sek": cost_values.tolist(),
        "status": np.asarray(columns.get("status", np.full(count, "new"))).astype(str).tolist(),
        "place_name": _text_or_none(columns.get("place_name", np.full(count, ""))).tolist(),
        "description": _text_or_none(columns.get("description", np.full(count, ""))).tolist(),
        "handling_org": _text_or_none(columns.get("handling_org", np.full(count, ""))).tolist(),
    }
    data["created_at"] = data["updated_at"] = data["reported_at"]
    data["updated_by_org"] = data["reporting_org"]
    names = list(data)
    return names, list(zip(*(data[n] for n in names)))
