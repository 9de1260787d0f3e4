"""What the store holds and hands out, the same for every backend: the
records (incidents, areas, measures) and the filter that selects incidents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ..domain import schema
from ..domain.timeutil import Period

TIME_FIELDS = ("occurred_from", "occurred_to", "reported_at", "created_at", "updated_at")
CODE_GROUPS = ("category", "subcategory", "reporting_org", "handling_org", "status")
TIME_GROUPS = ("hour", "weekday", "day", "week", "month", "year")
GROUPS = CODE_GROUPS + TIME_GROUPS + ("area",)
# what a login may be in a shared store, for one organisation (a file has no logins)
ROLES = ("reporter", "coordinator", "reader")
# Fields a caller may set on an incident; the rest belong to the store.
EDITABLE_FIELDS = tuple(
    f.name for f in schema.INCIDENTS.fields if f.name not in ("uuid", "created_at", "updated_at", "version")
) + ("geometry",)


@dataclass
class Incident:
    uuid: str
    category: str
    occurred_from: datetime
    reporting_org: str
    x: float
    y: float
    subcategory: str | None = None
    occurred_to: datetime | None = None
    reported_at: datetime | None = None
    place_name: str | None = None
    description: str | None = None
    police_reported: bool = False
    police_report_ref: str | None = None
    estimated_cost_sek: float | None = None
    status: str = "new"
    handling_org: str | None = None
    handling_note: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    updated_by_org: str | None = None
    version: int = 1
    source: str | None = None
    source_id: str | None = None
    location_precision: str = "exact"
    photo: str | None = None
    fid: int | None = None

    def values(self) -> dict:
        """The editable values, as ``add_incident`` and ``update_incident`` take them."""
        result = {name: getattr(self, name) for name in EDITABLE_FIELDS if name != "geometry"}
        result["geometry"] = (self.x, self.y)
        return result


@dataclass
class Area:
    fid: int
    name: str
    kind: str
    geometry: object = field(repr=False)  # an OGR MultiPolygon


@dataclass
class Measure:
    fid: int
    title: str
    kind: str
    start_date: date
    responsible_org: str | None = None
    end_date: date | None = None
    status: str = "planned"
    expected_effect: str | None = None
    followup_date: date | None = None
    followup_result: str | None = None
    geometry: object = field(default=None, repr=False)


@dataclass(frozen=True)
class IncidentFilter:
    """Which incidents a query or count covers; empty means no restriction."""

    period: Period | None = None
    time_field: str = "occurred_from"
    categories: tuple[str, ...] = ()
    subcategories: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()  # reporting organisations
    statuses: tuple[str, ...] = ()
    area: str | None = None  # the name of an area in the store
