"""An incident's fields and history as text for people: field names, values
(times in the store's zone, codes as labels) and organisation names, in the
language of the user interface."""

from __future__ import annotations

from ..domain import codelist, schema
from ..domain.timeutil import parse_utc
from ..i18n import language, tr
from . import form_config

TIME_FIELDS = ("occurred_from", "occurred_to", "reported_at", "created_at", "updated_at")
TIME_FORMAT = "%Y-%m-%d %H:%M"


def organisation_name(organisations: list[dict], code: str | None) -> str:
    """The name of the organisation ``code`` among the store's ``organisations``."""
    if not code:
        return tr("unknown organisation")
    for org in organisations:
        if org["code"] == code:
            return org["name_sv"] if language() == "sv" else org["name_en"]
    return code


def status_label(code: str) -> str:
    return next((sv if language() == "sv" else en for c, sv, en in codelist.STATUSES if c == code), code)


def field_label(field: str) -> str:
    if field == schema.GEOMETRY_COLUMN:
        return tr("Place")
    names = form_config.ALIASES.get(field)
    return (names[0] if language() == "sv" else names[1]) if names else field


def display_value(field: str, value, tz, organisations: list[dict]) -> str:
    """A stored value (as the history keeps it: text) for people."""
    if value is None or value == "":
        return "–"
    if field in TIME_FIELDS:
        return parse_utc(str(value)).astimezone(tz).strftime(TIME_FORMAT)
    if field in ("category", "subcategory"):
        return codelist.label(str(value), language())
    if field in ("reporting_org", "handling_org"):
        return organisation_name(organisations, str(value))
    if field == "police_reported":
        return tr("yes") if str(value) in ("1", "True", "true") else tr("no")
    if field == "status":
        return status_label(value)
    if field == schema.GEOMETRY_COLUMN:
        return tr("(a point)")
    return str(value)


def history_rows(store, incident_uuid: str, tz) -> list[list[str]]:
    """The incident's history, one row a change: when, by whom, field, from, to."""
    organisations = store.organisations()
    return [[
        entry["changed_at"].astimezone(tz).strftime(TIME_FORMAT),
        organisation_name(organisations, entry["changed_by_org"]),
        field_label(entry["field"]),
        display_value(entry["field"], entry["old_value"], tz, organisations),
        display_value(entry["field"], entry["new_value"], tz, organisations),
    ] for entry in store.history(incident_uuid)]
