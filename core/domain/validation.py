"""Validation: every rule, returning every problem at once, each tied to its
field, so that a form can show each next to its field and an import can name
each row. Nothing invalid reaches the store."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..i18n import tr
from . import codelist, schema
from .geometry import GeometryError, point_xy
from .timeutil import now_utc, to_utc

# A reporter's clock may run a little ahead of the machine's.
FUTURE_TOLERANCE = timedelta(minutes=5)
INCIDENT_TIMES = ("occurred_from", "occurred_to", "reported_at")


# the fields of an incident that name an organisation
ORGANISATION_FIELDS = ("reporting_org", "handling_org", "updated_by_org")

@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    message: str
    row: int | None = None  # 1-based row of an import

    def __str__(self):
        where = tr("row {row}: ").format(row=self.row) if self.row is not None else ""
        return f"{where}{self.field}: {self.message}"


class ValidationError(ValueError):
    """Raised with every problem found; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def fields(self) -> set[str]:
        return {p.field for p in self.problems}


@dataclass(frozen=True)
class Context:
    """What validation needs to know of the store."""

    extent: tuple[float, float, float, float]  # xmin, ymin, xmax, ymax
    organisations: frozenset[str]
    now: datetime | None = None


# control characters a text may not hold: NUL cuts the text short in QGIS and
# PostgreSQL refuses it; the others are invisible. Tab and line breaks are fine.
_CONTROL_CHARACTERS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r") | {"\x7f"}


def control_character_message() -> str:
    return tr("holds an invisible control character (such as NUL, often left by copying from another program); "
              "remove it and save again")


def not_finite_message(value) -> str:
    return tr("must be a finite number, not {value}").format(value=value)


def has_control_character(text) -> bool:
    """Whether ``text`` holds a character a stored text may not hold."""
    return isinstance(text, str) and not _CONTROL_CHARACTERS.isdisjoint(text)


def _text_problems(values: dict, table: schema.Table) -> list[Problem]:
    """Text fields: text, not too long, no control characters (refused, not
    stripped: nothing typed is changed behind the user's back). Number fields:
    finite (no infinity, no NaN)."""
    problems = []
    for f in table.fields:
        value = values.get(f.name)
        if f.type in (schema.REAL, schema.INTEGER) and isinstance(value, float) and math.isinf(value):
            problems.append(Problem(f.name, "not_finite", not_finite_message(value)))
        if f.type == schema.TEXT and value is not None:
            if not isinstance(value, str):
                problems.append(Problem(f.name, "type", tr("must be text")))
            elif has_control_character(value):
                problems.append(Problem(f.name, "control_character", control_character_message()))
            elif f.length and len(value) > f.length:
                problems.append(Problem(
                    f.name, "too_long",
                    tr("is {length} characters long; at most {limit} are allowed").format(
                        length=len(value), limit=f.length),
                ))
    return problems


def _required(values: dict, names: tuple[str, ...]) -> list[Problem]:
    return [
        Problem(name, "required", tr("is required"))
        for name in names
        if values.get(name) is None or (isinstance(values.get(name), str) and not values[name].strip())
    ]


def validate_incident(values: dict, context: Context) -> list[Problem]:
    """Every problem of an incident's values (a dict of field name → value,
    with ``geometry`` for the place). Times are aware datetimes (or naive UTC)."""
    problems = _required(values, ("category", "occurred_from", "reporting_org"))
    if values.get("geometry") is None:
        problems.append(Problem("geometry", "required", tr("a place on the map is required")))
    problems += _text_problems(values, schema.INCIDENTS)

    category = values.get("category")
    subcategory = values.get("subcategory") or None
    if category and category not in codelist.BY_CODE:
        problems.append(Problem("category", "unknown", tr("unknown category: {code}").format(code=category)))
    if subcategory:
        parent = codelist.category_of(subcategory)
        if parent is None:
            problems.append(Problem("subcategory", "unknown",
                                    tr("unknown subcategory: {code}").format(code=subcategory)))
        elif category in codelist.BY_CODE and parent != category:
            problems.append(Problem(
                "subcategory", "mismatch",
                tr("{sub} is not a subcategory of {category}").format(sub=subcategory, category=category),
            ))

    for name in ORGANISATION_FIELDS:
        org = values.get(name)
        if org and org not in context.organisations:
            problems.append(Problem(name, "unknown", tr("unknown organisation: {code}").format(code=org)))

    status = values.get("status")
    if status is not None and status not in codelist.STATUS_CODES:
        problems.append(Problem("status", "unknown", tr("unknown status: {code}").format(code=status)))

    problems += _time_problems(values, context)

    cost = values.get("estimated_cost_sek")
    if cost is not None:
        if isinstance(cost, bool) or not isinstance(cost, (int, float)) or math.isnan(cost):
            problems.append(Problem("estimated_cost_sek", "type", tr("must be a number")))
        elif not math.isfinite(cost):
            pass  # said by _text_problems: not finite
        elif cost < 0:
            problems.append(Problem("estimated_cost_sek", "negative", tr("cannot be negative")))

    police = values.get("police_reported")
    if police is not None and not isinstance(police, bool):
        problems.append(Problem("police_reported", "type", tr("must be yes or no")))

    if values.get("geometry") is not None:
        problems += _point_problems(values["geometry"], context)
    return problems


def _time_problems(values: dict, context: Context) -> list[Problem]:
    problems = []
    now = context.now or now_utc()
    times = {}
    for name in INCIDENT_TIMES:
        value = values.get(name)
        if value is None:
            continue
        if not isinstance(value, datetime):
            problems.append(Problem(name, "type", tr("must be a date and time")))
            continue
        times[name] = to_utc(value)
        if times[name] > now + FUTURE_TOLERANCE:
            problems.append(Problem(name, "future", tr("lies in the future")))
    if "occurred_from" in times and "occurred_to" in times and times["occurred_to"] < times["occurred_from"]:
        problems.append(Problem("occurred_to", "order", tr("is before the start of the incident")))
    if "reported_at" in times and "occurred_from" in times and times["reported_at"] < times["occurred_from"]:
        problems.append(Problem("reported_at", "order", tr("is before the incident happened")))
    return problems


def _point_problems(value, context: Context) -> list[Problem]:
    try:
        x, y = point_xy(value)
    except GeometryError:
        return [Problem("geometry", "not_point", tr("the place must be a single point"))]
    xmin, ymin, xmax, ymax = context.extent
    if not (xmin <= x <= xmax and ymin <= y <= ymax):
        return [Problem("geometry", "outside", tr("the place lies outside the store's extent"))]
    return []


def validate_area(values: dict) -> list[Problem]:
    problems = _required(values, ("name", "kind")) + _text_problems(values, schema.AREAS)
    kind = values.get("kind")
    if kind and kind not in schema.AREAS.field("kind").allowed:
        problems.append(Problem("kind", "unknown", tr("unknown kind of area: {code}").format(code=kind)))
    return problems


def validate_measure(values: dict, organisations: frozenset[str]) -> list[Problem]:
    problems = _required(values, ("title", "kind", "start_date")) + _text_problems(values, schema.MEASURES)
    for name in ("kind", "status"):
        value = values.get(name)
        allowed = schema.MEASURES.field(name).allowed
        if value is not None and value not in allowed:
            problems.append(Problem(name, "unknown", tr("unknown value: {code}").format(code=value)))
    org = values.get("responsible_org")
    if org and org not in organisations:
        problems.append(Problem("responsible_org", "unknown", tr("unknown organisation: {code}").format(code=org)))
    for name in ("start_date", "end_date", "followup_date"):
        value = values.get(name)
        if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
            problems.append(Problem(name, "type", tr("must be a date")))
    start, end = values.get("start_date"), values.get("end_date")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        problems.append(Problem("end_date", "order", tr("is before the start date")))
    return problems
