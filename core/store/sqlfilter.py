"""An ``IncidentFilter`` as SQL: the one renderer behind the store's queries,
the situation picture's layer filter and the report's layers.

It renders a WHERE condition either with ``?`` parameters (the store's own
queries) or with the values inlined as the backend's literals (a provider
filter that QGIS runs), from the same clauses, so the two cannot drift apart.
An area is not an SQL condition here: the store narrows by the area's
bounding box through the spatial index and decides exactly in NumPy; a
provider filter names the fids found that way (``fid_condition``)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from ..i18n import tr
from .errors import StoreError
from .records import TIME_FIELDS, IncidentFilter

# short IN lists keep a provider filter readable in the layer's properties
FID_CHUNK = 500
_VALUE_COLUMNS = (("category", "categories"), ("subcategory", "subcategories"),
                  ("reporting_org", "organisations"), ("status", "statuses"))


def identifier(name: str) -> str:
    """A column name, quoted (standard SQL: SQLite and PostgreSQL alike)."""
    if "\x00" in name:
        raise ValueError("a column name cannot hold a NUL character")
    return '"' + name.replace('"', '""') + '"'


def render(incident_filter: IncidentFilter, backend, tz: ZoneInfo, inline: bool = False,
           area_bounds: tuple[float, float, float, float] | None = None, srid: int = 0) -> tuple[str, list]:
    """(condition, params) for the incidents ``incident_filter`` selects
    (without the exact area test). With ``inline`` the values are literals
    and params is empty; ``area_bounds`` adds the spatial index's box."""
    if incident_filter.time_field not in TIME_FIELDS:
        raise StoreError(tr("not a time field: {name}").format(name=incident_filter.time_field))
    params: list = []

    def value(v) -> str:
        if inline:
            return backend.literal(v)
        params.append(v)
        return "?"

    clauses = []
    if incident_filter.period is not None:
        start, end = incident_filter.period.utc_bounds(tz)
        column = identifier(incident_filter.time_field)
        clauses.append(f"{column} >= {value(backend.time_bound(start))}")
        clauses.append(f"{column} < {value(backend.time_bound(end))}")
    for column, attribute in _VALUE_COLUMNS:
        values = getattr(incident_filter, attribute)
        if values:
            clauses.append(f"{identifier(column)} IN ({', '.join(value(v) for v in values)})")
    if area_bounds is not None:
        condition, box = backend.bbox_condition("incidents", area_bounds, srid)
        if inline:
            for number in box:
                condition = condition.replace("?", backend.literal(float(number)), 1)
        else:
            params += box
        clauses.append(condition)
    return (" AND ".join(clauses) or "1 = 1"), params


def fid_condition(fids) -> str:
    """``fid`` in the given set: runs of consecutive fids as BETWEEN, the
    rest as IN lists of at most ``FID_CHUNK``; "0 = 1" for none."""
    ordered = sorted({int(f) for f in fids})
    if not ordered:
        return "0 = 1"
    fid = identifier("fid")
    runs, singles = [], []
    start = previous = ordered[0]
    for current in ordered[1:] + [None]:
        if current is not None and current == previous + 1:
            previous = current
            continue
        if previous - start >= 2:
            runs.append(f"{fid} BETWEEN {start} AND {previous}")
        else:
            singles += list(range(start, previous + 1))
        if current is not None:
            start = previous = current
    parts = runs + [f"{fid} IN ({', '.join(str(v) for v in singles[i:i + FID_CHUNK])})"
                    for i in range(0, len(singles), FID_CHUNK)]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
