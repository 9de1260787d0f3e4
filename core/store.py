"""The store: a GeoPackage (PostGIS later, through the same dialect seam)
holding incidents, areas, measures, the code tables and the history.

Every write is one transaction; every query is parameterised; a user's text
never becomes SQL. Times are written as UTC and read in the store's zone.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid as uuid_module
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path

import numpy as np
from osgeo import osr

from . import codelist, schema
from . import geometry as geom
from .bulk import incident_rows
from .gpkg import GeoPackageDialect
from .i18n import tr
from .timeutil import (
    DEFAULT_TIME_ZONE,
    Period,
    format_utc,
    local_parts,
    now_utc,
    parse_utc,
    sql_bound,
    zone,
)
from .validation import Context, Problem, ValidationError, validate_area, validate_incident, validate_measure

DEFAULT_CRS = "EPSG:3006"
TIME_FIELDS = ("occurred_from", "occurred_to", "reported_at", "created_at", "updated_at")
CODE_GROUPS = ("category", "subcategory", "reporting_org", "handling_org", "status")
TIME_GROUPS = ("hour", "weekday", "day", "week", "month", "year")
BULK_LOAD_MIN_ROWS = 10_000
GROUPS = CODE_GROUPS + TIME_GROUPS + ("area",)
# Fields a caller may set on an incident; the rest belong to the store.
EDITABLE_FIELDS = tuple(
    f.name for f in schema.INCIDENTS.fields if f.name not in ("uuid", "created_at", "updated_at", "version")
) + ("geometry",)


class StoreError(Exception):
    """A store could not be opened, created or written; the message says why."""


class NotAStoreError(StoreError):
    pass


class NewerVersionError(StoreError):
    pass


class NotFoundError(StoreError):
    pass


class Cancelled(StoreError):
    """The user cancelled a long write; it was rolled back."""


class ConflictError(StoreError):
    """Someone else saved the incident after it was loaded; nothing was written."""

    def __init__(self, incident_uuid: str, expected: int, current: int):
        self.incident_uuid, self.expected, self.current = incident_uuid, expected, current
        super().__init__(tr(
            "the incident was changed by someone else after you loaded it (your version {expected}, "
            "now version {current}); reload it and make your change again"
        ).format(expected=expected, current=current))


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


def default_extent(srs: osr.SpatialReference) -> tuple[float, float, float, float]:
    """The CRS's area of use, in its own coordinates."""
    area = srs.GetAreaOfUse()
    if area is None:
        raise StoreError(tr("the CRS has no area of use: give the store an extent"))
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    for s in (wgs84, srs):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(wgs84, srs)
    steps = np.linspace(0.0, 1.0, 21)
    lons = area.west_lon_degree + steps * (area.east_lon_degree - area.west_lon_degree)
    lats = area.south_lat_degree + steps * (area.north_lat_degree - area.south_lat_degree)
    edge = [(lon, lat) for lon in lons for lat in (lats[0], lats[-1])]
    edge += [(lon, lat) for lat in lats for lon in (lons[0], lons[-1])]
    points = np.asarray([transform.TransformPoint(lon, lat)[:2] for lon, lat in edge])
    return (float(points[:, 0].min()), float(points[:, 1].min()),
            float(points[:, 0].max()), float(points[:, 1].max()))


def spatial_reference(crs: str) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    try:
        srs.SetFromUserInput(crs)
    except RuntimeError as error:
        raise StoreError(tr("unknown CRS: {crs}").format(crs=crs)) from error
    if not srs.GetAuthorityName(None) or not srs.GetAuthorityCode(None):
        raise StoreError(tr("the CRS must have an authority code, such as EPSG:3006: {crs}").format(crs=crs))
    if not srs.IsProjected():
        raise StoreError(tr("the CRS must be projected, in metres, such as EPSG:3006: {crs}").format(crs=crs))
    return srs


def _to_sql(name: str, value):
    if value is None:
        return None
    if name in TIME_FIELDS:
        return format_utc(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


class Store:
    """One Lägesbild store. Use ``Store.create`` or ``Store.open``; close it
    (or use it as a context manager) when done."""

    dialect = GeoPackageDialect()

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self._db = connection
        self.path = path
        meta = dict(self._db.execute("SELECT key, value FROM lagesbild_meta"))
        self.schema_version = int(meta["schema_version"])
        self.crs = meta["crs"]
        self.srs_id = int(meta["srs_id"])
        self.time_zone = meta["time_zone"]
        self.tz = zone(self.time_zone)
        self.extent = tuple(float(v) for v in meta["extent"].split(","))

    # --- life cycle ---------------------------------------------------------
    @classmethod
    def create(cls, path, crs: str = DEFAULT_CRS, time_zone: str = DEFAULT_TIME_ZONE,
               extent: tuple[float, float, float, float] | None = None) -> Store:
        """Create a new store; refuses to touch an existing file."""
        path = Path(path)
        if path.exists():
            raise StoreError(tr("{path} exists already: a new store is never written over a file").format(path=path))
        if not path.parent.is_dir():
            raise StoreError(tr("the folder {folder} does not exist").format(folder=path.parent))
        zone(time_zone)  # raises for an unknown zone
        srs = spatial_reference(crs)
        if extent is None:
            extent = default_extent(srs)
        xmin, ymin, xmax, ymax = (float(v) for v in extent)
        if not (xmin < xmax and ymin < ymax):
            raise StoreError(tr("the extent is empty: {extent}").format(extent=extent))
        authid = f"{srs.GetAuthorityName(None)}:{srs.GetAuthorityCode(None)}"
        connection = cls.dialect.create_file(path)
        try:
            connection.execute("BEGIN IMMEDIATE")
            for sql, params in cls.dialect.create_statements(srs, (xmin, ymin, xmax, ymax)):
                connection.execute(sql, params)
            _write_code_tables(connection)
            connection.executemany("INSERT INTO organisations (code, name_sv, name_en) VALUES (?, ?, ?)",
                                   codelist.DEFAULT_ORGANISATIONS)
            for sql in cls.dialect.trigger_statements():
                connection.execute(sql)
            connection.executemany("INSERT INTO lagesbild_meta (key, value) VALUES (?, ?)", [
                ("application", schema.APPLICATION),
                ("schema_version", str(schema.SCHEMA_VERSION)),
                ("crs", authid),
                ("srs_id", str(int(srs.GetAuthorityCode(None)))),
                ("time_zone", time_zone),
                ("extent", ",".join(repr(v) for v in (xmin, ymin, xmax, ymax))),
                ("created_at", format_utc(now_utc())),
            ])
            connection.execute("COMMIT")
        except BaseException:
            connection.close()
            path.unlink(missing_ok=True)
            raise
        return cls(connection, path)

    @classmethod
    def open(cls, path) -> Store:
        """Open a store, migrating an older one inside one transaction. A newer
        store or a file that is not a store is refused and left untouched."""
        path = Path(path)
        if not path.is_file():
            raise StoreError(tr("no such file: {path}").format(path=path))
        version = cls.inspect(path)
        connection = cls.dialect.connect(path)
        try:
            if version < schema.SCHEMA_VERSION:
                _migrate(connection, cls.dialect, version)
            return cls(connection, path)
        except BaseException:
            connection.close()
            raise

    @classmethod
    def inspect(cls, path) -> int:
        """The schema version of a store, read without writing anything."""
        try:
            connection = cls.dialect.connect(path, read_only=True)
        except sqlite3.Error as error:
            raise NotAStoreError(tr("{path} cannot be read: {error}").format(path=path, error=error)) from error
        try:
            try:
                tables = cls.dialect.table_names(connection)
            except sqlite3.DatabaseError as error:
                raise NotAStoreError(tr("{path} is not a GeoPackage").format(path=path)) from error
            if "gpkg_contents" not in tables:
                raise NotAStoreError(tr("{path} is not a GeoPackage").format(path=path))
            if "lagesbild_meta" not in tables:
                raise NotAStoreError(tr("{path} is a GeoPackage but not a Lägesbild store").format(path=path))
            meta = dict(connection.execute("SELECT key, value FROM lagesbild_meta"))
            if meta.get("application") != schema.APPLICATION or "schema_version" not in meta:
                raise NotAStoreError(tr("{path} is a GeoPackage but not a Lägesbild store").format(path=path))
            version = int(meta["schema_version"])
            if version > schema.SCHEMA_VERSION:
                raise NewerVersionError(tr(
                    "{path} was made by a newer Lägesbild (schema version {version}); this version reads "
                    "up to schema version {supported}: update the plugin"
                ).format(path=path, version=version, supported=schema.SCHEMA_VERSION))
            return version
        finally:
            connection.close()

    def close(self):
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextlib.contextmanager
    def transaction(self):
        """One write transaction: all of it lands, or none of it. Inside an
        open transaction it joins that one, so that composite writes (the demo
        data, an import) stay one transaction."""
        if self._db.in_transaction:
            yield self._db
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # --- code tables ----------------------------------------------------------
    def organisation_codes(self, active_only: bool = False) -> frozenset[str]:
        sql = "SELECT code FROM organisations" + (" WHERE active = 1" if active_only else "")
        return frozenset(row[0] for row in self._db.execute(sql))

    def organisations(self) -> list[dict]:
        cursor = self._db.execute("SELECT code, name_sv, name_en, active FROM organisations ORDER BY code")
        return [dict(code=c, name_sv=s, name_en=e, active=bool(a)) for c, s, e, a in cursor]

    def add_organisation(self, code: str, name_sv: str, name_en: str | None = None) -> None:
        problems = _required_texts({"code": code, "name_sv": name_sv}, schema.ORGANISATIONS)
        if code in self.organisation_codes():
            problems.append(Problem("code", "duplicate", tr("the organisation exists already")))
        if problems:
            raise ValidationError(problems)
        with self.transaction() as db:
            db.execute("INSERT INTO organisations (code, name_sv, name_en) VALUES (?, ?, ?)",
                       (code, name_sv, name_en or name_sv))

    def categories(self) -> list[tuple]:
        return list(self._db.execute(
            "SELECT code, parent, label_sv, label_en, colour, icon FROM categories ORDER BY sort_order"))

    # --- incidents ------------------------------------------------------------
    def _context(self) -> Context:
        return Context(extent=self.extent, organisations=self.organisation_codes())

    def add_incident(self, values: dict) -> Incident:
        """Validate and add one incident; returns it as stored."""
        return self.add_incidents([values])[0]

    def add_incidents(self, rows: list[dict]) -> list[Incident]:
        """Validate every row first, then add them all in one transaction.
        A ValidationError names each bad row (1-based) and nothing is written."""
        context = self._context()
        problems = []
        prepared = []
        now = format_utc(now_utc())
        for number, values in enumerate(rows, start=1):
            unknown = set(values) - set(EDITABLE_FIELDS) - {"uuid"}
            row_problems = [Problem(name, "unknown_field", tr("is not a field of an incident"), number)
                            for name in sorted(unknown)]
            row_problems += [Problem(p.field, p.code, p.message, number)
                             for p in validate_incident(values, context)]
            problems += row_problems
            if row_problems:
                continue
            record = {name: _to_sql(name, values.get(name)) for name in EDITABLE_FIELDS if name != "geometry"}
            record["subcategory"] = record["subcategory"] or None
            record["uuid"] = values.get("uuid") or str(uuid_module.uuid4())
            record["police_reported"] = int(bool(values.get("police_reported", False)))
            record["status"] = values.get("status") or "new"
            record["reported_at"] = record["reported_at"] or now
            record["created_at"] = record["updated_at"] = now
            record["updated_by_org"] = values.get("updated_by_org") or values.get("reporting_org")
            x, y = geom.point_xy(values["geometry"])
            record[schema.GEOMETRY_COLUMN] = geom.encode_points(np.array([x]), np.array([y]), self.srs_id)[0]
            prepared.append(record)
        if problems:
            raise ValidationError(problems)
        names = list(prepared[0]) if prepared else []
        sql = (f"INSERT INTO incidents ({', '.join(names)}) "
               f"VALUES ({', '.join('?' for _ in names)})")
        with self.transaction() as db:
            db.executemany(sql, [tuple(r[n] for n in names) for r in prepared])
        return [self.get_incident(r["uuid"]) for r in prepared]

    def add_incident_arrays(self, columns: dict[str, np.ndarray], progress=None,
                            chunk_size: int = 50_000) -> int:
        """Add many incidents given as equal-length NumPy columns (``x``, ``y``,
        times as UTC epoch seconds, NaN cost for unknown, "" for no
        subcategory) in one transaction, validated as a whole first.
        ``progress(fraction)`` is called between chunks; when it returns False
        the transaction is rolled back and ``Cancelled`` raised."""
        names, rows = incident_rows(columns, self)
        sql = f"INSERT INTO incidents ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        with self.transaction() as db:
            existing = self.count()
            # a large load into a small table: lifting triggers and indexes and
            # rebuilding them is several times faster than row by row
            bulk = len(rows) >= BULK_LOAD_MIN_ROWS and len(rows) >= existing
            loader = self.dialect.bulk_load(db, "incidents") if bulk else contextlib.nullcontext()
            with loader as add_points:
                first_fid = db.execute("SELECT coalesce(max(fid), 0) FROM incidents").fetchone()[0]
                for start in range(0, len(rows), chunk_size):
                    db.executemany(sql, rows[start:start + chunk_size])
                    done = min(len(rows), start + chunk_size) / len(rows)
                    if progress is not None and progress(done) is False:
                        raise Cancelled(tr("cancelled: nothing was written"))
                if bulk:
                    fids = [row[0] for row in db.execute("SELECT fid FROM incidents WHERE fid > ? ORDER BY fid",
                                                         (first_fid,))]
                    add_points(zip(fids, np.asarray(columns["x"], dtype=float).tolist(),
                                   np.asarray(columns["y"], dtype=float).tolist()))
        return len(rows)

    def get_incident(self, incident_uuid: str) -> Incident:
        rows = self._select_incidents("uuid = ?", (incident_uuid,))
        if not rows:
            raise NotFoundError(tr("no incident {uuid}").format(uuid=incident_uuid))
        return rows[0]

    def update_incident(self, incident_uuid: str, changes: dict, expected_version: int,
                        by_org: str) -> Incident:
        """Change an incident as ``by_org``. Refused with ConflictError when its
        version is no longer ``expected_version``; nothing is overwritten."""
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValidationError([Problem(name, "not_editable", tr("cannot be changed")) for name in sorted(unknown)])
        with self.transaction() as db:
            current = self.get_incident(incident_uuid)
            if current.version != expected_version:
                raise ConflictError(incident_uuid, expected_version, current.version)
            merged = current.values() | changes | {"updated_by_org": by_org}
            problems = validate_incident(merged, self._context())
            if problems:
                raise ValidationError(problems)
            assignments, params = [], []
            for name, value in changes.items():
                if name == "geometry":
                    x, y = geom.point_xy(value)
                    assignments.append(f"{schema.GEOMETRY_COLUMN} = ?")
                    params.append(geom.encode_points(np.array([x]), np.array([y]), self.srs_id)[0])
                else:
                    assignments.append(f"{name} = ?")
                    params.append(_to_sql(name, value))
            assignments += ["updated_by_org = ?", "updated_at = ?", "version = version + 1"]
            params += [by_org, format_utc(now_utc()), incident_uuid, expected_version]
            cursor = db.execute(
                f"UPDATE incidents SET {', '.join(assignments)} WHERE uuid = ? AND version = ?", params)
            if cursor.rowcount != 1:  # only if a writer bypassed the transaction
                raise ConflictError(incident_uuid, expected_version, self.get_incident(incident_uuid).version)
        return self.get_incident(incident_uuid)

    def history(self, incident_uuid: str) -> list[dict]:
        cursor = self._db.execute(
            "SELECT changed_at, changed_by_org, field, old_value, new_value FROM incident_history "
            "WHERE incident_uuid = ? ORDER BY changed_at, fid", (incident_uuid,))
        return [dict(changed_at=parse_utc(a), changed_by_org=o, field=f, old_value=old, new_value=new)
                for a, o, f, old, new in cursor]

    _COLUMNS = ", ".join(["fid", schema.GEOMETRY_COLUMN] + list(schema.INCIDENTS.field_names))

    def _select_incidents(self, where: str, params: tuple) -> list[Incident]:
        cursor = self._db.execute(f"SELECT {self._COLUMNS} FROM incidents WHERE {where}", params)
        result = []
        for row in cursor:
            fid, blob, *values = row
            record = dict(zip(schema.INCIDENTS.field_names, values))
            for name in TIME_FIELDS:
                record[name] = parse_utc(record[name])
            record["police_reported"] = bool(record["police_reported"])
            x, y = geom.decode_points([blob])
            result.append(Incident(fid=fid, x=float(x[0]), y=float(y[0]), **record))
        return result

    def incidents(self, incident_filter: IncidentFilter = IncidentFilter()) -> list[Incident]:
        where, params = self._where(incident_filter)
        found = self._select_incidents(where, params)
        if incident_filter.area:
            inside = self._inside_area(incident_filter.area, np.array([i.x for i in found]),
                                       np.array([i.y for i in found]))
            found = [i for i, keep in zip(found, inside) if keep]
        return found

    # --- filters and counts ---------------------------------------------------
    def _where(self, f: IncidentFilter) -> tuple[str, list]:
        if f.time_field not in ("occurred_from", "occurred_to", "reported_at", "created_at", "updated_at"):
            raise StoreError(tr("not a time field: {name}").format(name=f.time_field))
        clauses, params = ["1 = 1"], []
        if f.period is not None:
            start, end = f.period.utc_bounds(self.tz)
            clauses.append(f"{f.time_field} >= ? AND {f.time_field} < ?")
            params += [sql_bound(start), sql_bound(end)]
        for column, values in (("category", f.categories), ("subcategory", f.subcategories),
                               ("reporting_org", f.organisations), ("status", f.statuses)):
            if values:
                clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
                params += list(values)
        if f.area:
            min_x, max_x, min_y, max_y = self._area_geometry(f.area).GetEnvelope()
            clauses.append("fid IN (SELECT id FROM rtree_incidents_geom "
                           "WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?)")
            params += [min_x, max_x, min_y, max_y]
        return " AND ".join(clauses), params

    def _area_geometry(self, name: str):
        row = self._db.execute("SELECT geom FROM areas WHERE name = ? ORDER BY fid LIMIT 1", (name,)).fetchone()
        if row is None:
            raise NotFoundError(tr("no area named {name}").format(name=name))
        return geom.decode(row[0])

    def _inside_area(self, name: str, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return geom.points_in_polygon(x, y, self._area_geometry(name))

    def count(self, incident_filter: IncidentFilter = IncidentFilter()) -> int:
        if incident_filter.area:
            return int(self.arrays(incident_filter, ()).get("x").size)
        where, params = self._where(incident_filter)
        return int(self._db.execute(f"SELECT count(*) FROM incidents WHERE {where}", params).fetchone()[0])

    def counts(self, group_by: str, incident_filter: IncidentFilter = IncidentFilter()) -> dict:
        """Counts of the filtered incidents per group, sorted by group. Time
        groups are local to the store's zone: ``hour`` 0–23, ``weekday`` 0
        (Monday)–6, ``day`` a date, ``week`` 'YYYY-Www' (ISO), ``month``
        'YYYY-MM', ``year``; ``area`` counts an incident for every area that
        contains it (districts and focus areas may overlap)."""
        if group_by not in GROUPS:
            raise StoreError(tr("cannot group by {name}").format(name=group_by))
        if group_by in CODE_GROUPS and not incident_filter.area:
            where, params = self._where(incident_filter)
            cursor = self._db.execute(
                f"SELECT {group_by}, count(*) FROM incidents WHERE {where} "
                f"GROUP BY {group_by} ORDER BY {group_by}", params)
            return {key: int(n) for key, n in cursor}
        if group_by == "area":
            data = self.arrays(incident_filter, ())
            return {area.name: int(geom.points_in_polygon(data["x"], data["y"], area.geometry).sum())
                    for area in self.areas()}
        if group_by in CODE_GROUPS:
            data = self.arrays(incident_filter, (group_by,))
            keys = np.asarray([k if k is not None else "" for k in data[group_by]], dtype=object)
            if keys.size == 0:
                return {}
            values, numbers = np.unique(keys.astype(str), return_counts=True)
            return {(v or None): int(n) for v, n in zip(values, numbers)}
        data = self.arrays(incident_filter, (incident_filter.time_field,))
        return _time_counts(data[incident_filter.time_field], group_by, self.tz)

    def arrays(self, incident_filter: IncidentFilter = IncidentFilter(),
               columns: tuple[str, ...] = ("category", "occurred_from")) -> dict[str, np.ndarray]:
        """The filtered incidents as NumPy arrays: ``fid``, ``x``, ``y`` and the
        ``columns`` asked for (times as UTC epoch seconds, -1 for none)."""
        for name in columns:
            if name not in schema.INCIDENTS.field_names:
                raise StoreError(tr("not a field of an incident: {name}").format(name=name))
        where, params = self._where(incident_filter)
        selected = ["fid", schema.GEOMETRY_COLUMN] + [
            f"CAST(strftime('%s', {name}) AS INTEGER)" if name in TIME_FIELDS else name for name in columns]
        rows = self._db.execute(f"SELECT {', '.join(selected)} FROM incidents WHERE {where} ORDER BY fid",
                                params).fetchall()
        parts = list(zip(*rows)) if rows else [()] * len(selected)
        x, y = geom.decode_points(list(parts[1]))
        result = {"fid": np.asarray(parts[0], dtype=np.int64), "x": x, "y": y}
        for name, values in zip(columns, parts[2:]):
            if name in TIME_FIELDS:
                result[name] = np.asarray([-1 if v is None else v for v in values], dtype=np.int64)
            elif schema.INCIDENTS.field(name).type == schema.REAL:
                result[name] = np.asarray([np.nan if v is None else v for v in values], dtype=np.float64)
            else:
                result[name] = np.asarray(values, dtype=object)
        if incident_filter.area:
            keep = self._inside_area(incident_filter.area, x, y)
            result = {name: values[keep] for name, values in result.items()}
        return result

    # --- areas and measures ---------------------------------------------------
    def add_area(self, name: str, kind: str, geometry) -> int:
        problems = validate_area({"name": name, "kind": kind})
        polygon = None
        try:
            polygon = geom.multipolygon(geometry)
        except geom.GeometryError as error:
            problems.append(Problem("geometry", "not_polygon", str(error)))
        if problems:
            raise ValidationError(problems)
        with self.transaction() as db:
            cursor = db.execute("INSERT INTO areas (geom, name, kind) VALUES (?, ?, ?)",
                                (geom.encode(polygon, self.srs_id), name, kind))
            return int(cursor.lastrowid)

    def areas(self, kind: str | None = None) -> list[Area]:
        sql = "SELECT fid, name, kind, geom FROM areas" + (" WHERE kind = ?" if kind else "") + " ORDER BY fid"
        return [Area(fid, name, k, geom.decode(blob))
                for fid, name, k, blob in self._db.execute(sql, (kind,) if kind else ())]

    _MEASURE_FIELDS = schema.MEASURES.field_names

    def add_measure(self, values: dict) -> int:
        problems = validate_measure(values, self.organisation_codes())
        unknown = set(values) - set(self._MEASURE_FIELDS) - {"geometry"}
        problems += [Problem(n, "unknown_field", tr("is not a field of a measure")) for n in sorted(unknown)]
        polygon = None
        try:
            polygon = geom.multipolygon(values.get("geometry"))
        except geom.GeometryError as error:
            problems.append(Problem("geometry", "not_polygon", str(error)))
        if problems:
            raise ValidationError(problems)
        names = [n for n in self._MEASURE_FIELDS if values.get(n) is not None]
        with self.transaction() as db:
            cursor = db.execute(
                f"INSERT INTO measures (geom, {', '.join(names)}) VALUES (?, {', '.join('?' for _ in names)})",
                [geom.encode(polygon, self.srs_id)] + [_to_sql(n, values[n]) for n in names])
            return int(cursor.lastrowid)

    def update_measure(self, fid: int, changes: dict) -> Measure:
        current = self.measure(fid)
        merged = {f.name: getattr(current, f.name) for f in fields(Measure) if f.name not in ("fid",)} | changes
        problems = validate_measure(merged, self.organisation_codes())
        unknown = set(changes) - set(self._MEASURE_FIELDS)
        problems += [Problem(n, "not_editable", tr("cannot be changed")) for n in sorted(unknown)]
        if problems:
            raise ValidationError(problems)
        with self.transaction() as db:
            db.execute(f"UPDATE measures SET {', '.join(f'{n} = ?' for n in changes)} WHERE fid = ?",
                       [_to_sql(n, v) for n, v in changes.items()] + [fid])
        return self.measure(fid)

    def measure(self, fid: int) -> Measure:
        found = [m for m in self.measures() if m.fid == fid]
        if not found:
            raise NotFoundError(tr("no measure {fid}").format(fid=fid))
        return found[0]

    def measures(self) -> list[Measure]:
        cursor = self._db.execute(f"SELECT fid, geom, {', '.join(self._MEASURE_FIELDS)} FROM measures ORDER BY fid")
        result = []
        for fid, blob, *values in cursor:
            record = dict(zip(self._MEASURE_FIELDS, values))
            for name in ("start_date", "end_date", "followup_date"):
                record[name] = date.fromisoformat(record[name]) if record[name] else None
            result.append(Measure(fid=fid, geometry=geom.decode(blob), **record))
        return result


def _required_texts(values: dict, table: schema.Table) -> list[Problem]:
    return [Problem(name, "required", tr("is required")) for name, value in values.items()
            if not isinstance(value, str) or not value.strip()] + [
        Problem(name, "too_long", tr("is too long")) for name, value in values.items()
        if isinstance(value, str) and table.field(name).length and len(value) > table.field(name).length]


def _time_counts(epochs: np.ndarray, group_by: str, tz) -> dict:
    epochs = epochs[epochs >= 0] if epochs.size else epochs
    if epochs.size == 0:
        return {}
    parts = local_parts(epochs, tz)
    if group_by == "hour":
        keys = parts.hour
    elif group_by == "weekday":
        keys = parts.weekday
    elif group_by == "year":
        keys = parts.year
    elif group_by == "month":
        keys = parts.year * 100 + parts.month
    else:  # day and week: count per local day, then name the days
        keys = parts.day
    values, numbers = np.unique(keys, return_counts=True)
    if group_by == "month":
        return {f"{v // 100:04d}-{v % 100:02d}": int(n) for v, n in zip(values, numbers)}
    if group_by in ("day", "week"):
        days = {date.fromordinal(date(1970, 1, 1).toordinal() + int(v)): int(n) for v, n in zip(values, numbers)}
        if group_by == "day":
            return days
        weeks: dict[str, int] = {}
        for day, n in days.items():
            year, week, _ = day.isocalendar()
            key = f"{year:04d}-W{week:02d}"
            weeks[key] = weeks.get(key, 0) + n
        return dict(sorted(weeks.items()))
    return {int(v): int(n) for v, n in zip(values, numbers)}


def _write_code_tables(connection) -> None:
    connection.executemany(
        "INSERT INTO categories (code, parent, label_sv, label_en, colour, icon, sort_order) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET parent = excluded.parent, "
        "label_sv = excluded.label_sv, label_en = excluded.label_en, colour = excluded.colour, "
        "icon = excluded.icon, sort_order = excluded.sort_order",
        schema.code_rows())


def _migrate(connection, dialect, version: int) -> None:
    """Bring a store from ``version`` to the current schema in one transaction."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        for sql in dialect.drop_trigger_statements(connection):
            connection.execute(sql)
        for migration in schema.MIGRATIONS:
            if migration.from_version >= version:
                for sql in dialect.migration_statements(migration):
                    connection.execute(sql)
        for sql in dialect.repair_statements(connection):
            connection.execute(sql)
        for table in schema.TABLES:
            for sql in dialect.index_statements(table):
                connection.execute(sql)
        _write_code_tables(connection)
        for sql in dialect.trigger_statements():
            connection.execute(sql)
        connection.execute("UPDATE lagesbild_meta SET value = ? WHERE key = 'schema_version'",
                           (str(schema.SCHEMA_VERSION),))
        connection.execute("COMMIT")
    except BaseException as error:
        connection.execute("ROLLBACK")
        raise StoreError(tr("the store could not be migrated, and was left as it was: {error}").format(
            error=error)) from error
