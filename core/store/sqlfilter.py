"""An ``IncidentFilter`` as SQL: the one renderer behind the store's queries,
the situation picture's layer filter and the report's layers.

It renders a WHERE condition either with ``?`` parameters (the store's own
queries) or with the values inlined as the backend's literals (a provider
filter that QGIS runs), from the same clauses, so the two cannot drift apart.
An area is not an SQL condition in the store's own queries: the store
narrows by the area's bounding box through the spatial index and decides
exactly in NumPy (a GeoPackage narrows a period's rows by its time index
alone: asking its R-tree row by row costs more than reading the rows). A
provider filter needs the area in SQL (the backend's
``area_condition``): PostGIS, and OGR's GeoPackage SQL where GDAL has
SpatiaLite, have ``ST_Intersects``; for SQL without spatial predicates
``inside_polygon`` writes the very even-odd test of
``geometry.points_in_polygon`` as a join with the area's edges. Either way
the filter's size grows with the area's corners, never with the incidents."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from ..domain import geometry as geom
from ..i18n import tr
from .errors import StoreError
from .records import TIME_FIELDS, IncidentFilter

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
        # with a period its time index drives; the box is the backend's to test per row, or not at all
        condition, box = backend.bbox_condition("incidents", area_bounds, srid,
                                                per_row=incident_filter.period is not None)
        if inline:
            for number in box:
                condition = condition.replace("?", backend.literal(float(number)), 1)
        else:
            params += box
        if condition != "1 = 1":
            clauses.append(condition)
    return (" AND ".join(clauses) or "1 = 1"), params


def exact_number(value: float) -> str:
    """A float as SQL that SQLite turns into exactly the same double (SQLite
    3.40 rounds some 17-digit decimals differently): an integer divided by
    powers of two, each division exact."""
    numerator, denominator = float(value).as_integer_ratio()
    text = str(numerator)
    while denominator > 1:
        step = min(denominator, 1 << 62)
        text = f"{text} / {step}.0"
        denominator //= step
    return f"({text})" if "/" in text else f"{text}.0"


def inside_polygon(geometry, candidates: str, x_sql: str, y_sql: str, table: str = "incidents") -> str:
    """``fid`` of a point of ``table`` inside the (multi)polygon ``geometry``,
    decided by the same even-odd ray casting, with the same arithmetic, as
    ``geometry.points_in_polygon`` (so a layer shows what the store counts):
    a point is inside a polygon when a ray to its right crosses an odd number
    of the polygon's edges. Its work grows with points times edges: for SQL
    without a spatial predicate. ``candidates`` narrows the rows (the
    spatial index), ``x_sql``/``y_sql`` read a row's point."""
    min_x, max_x, min_y, max_y = geometry.GetEnvelope()
    edges = [f"({part}, {', '.join(exact_number(v) for v in (ax, ay, bx, by))})"
             for part, rings in enumerate(geom.polygon_rings(geometry)) for ring in rings
             for (ax, ay), (bx, by) in zip(ring[:-1].tolist(), ring[1:].tolist())
             if ay != by]  # a level edge is never crossed
    if not edges:
        return "0 = 1"
    fid = identifier("fid")
    return (
        f"{fid} IN (WITH lb_edge(part, ax, ay, bx, by) AS (VALUES {', '.join(edges)}), "
        # LIMIT -1 (no limit) keeps SQLite from flattening the points into the
        # join, which would read each point's coordinates once per edge
        f"lb_point(fid, x, y) AS (SELECT {fid}, {x_sql}, {y_sql} FROM {table} WHERE {candidates} LIMIT -1) "
        "SELECT p.fid FROM lb_point p JOIN lb_edge e ON (e.ay > p.y) <> (e.by > p.y) "
        "AND p.x < e.ax + (p.y - e.ay) * (e.bx - e.ax) / (e.by - e.ay) "
        f"WHERE p.x >= {exact_number(min_x)} AND p.x <= {exact_number(max_x)} "
        f"AND p.y >= {exact_number(min_y)} AND p.y <= {exact_number(max_y)} "
        "GROUP BY p.fid, e.part HAVING count(*) % 2 = 1)")
