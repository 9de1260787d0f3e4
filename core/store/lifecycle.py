"""A store's life: create, open (migrating an older one), inspect, close and
transactions, the same for every backend; what differs is the backend's."""

from __future__ import annotations

import contextlib

import numpy as np
from osgeo import osr

from ..domain import codelist, schema
from ..domain.timeutil import DEFAULT_TIME_ZONE, format_utc, now_utc, zone
from ..i18n import tr
from ..log import logger
from . import chain, verify
from .backends import backend_for
from .errors import NewerVersionError, NotAStoreError, StoreError
from .location import StoreLocation

DEFAULT_CRS = "EPSG:3006"


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


class StoreLifecycle:
    """Opening, creating, migrating and closing; transactions."""

    def __init__(self, connection, location: StoreLocation, backend):
        self._db = connection
        self.location = location
        self.backend = backend
        meta = dict(self._db.execute("SELECT key, value FROM lagesbild_meta"))
        self.schema_version = int(meta["schema_version"])
        self.crs = meta["crs"]
        self.srs_id = int(meta["srs_id"])
        self.time_zone = meta["time_zone"]
        self.tz = zone(self.time_zone)
        self.extent = tuple(float(v) for v in meta["extent"].split(","))

    @property
    def path(self):
        """The file of a GeoPackage store (``location`` names any store)."""
        return self.location.path

    @classmethod
    def create(cls, location, crs: str = DEFAULT_CRS, time_zone: str = DEFAULT_TIME_ZONE,
               extent: tuple[float, float, float, float] | None = None):
        """Create a new store; refuses a location that is taken."""
        location = StoreLocation.parse(location)
        backend = backend_for(location)
        zone(time_zone)  # raises for an unknown zone
        srs = spatial_reference(crs)
        if extent is None:
            extent = default_extent(srs)
        xmin, ymin, xmax, ymax = (float(v) for v in extent)
        if not (xmin < xmax and ymin < ymax):
            raise StoreError(tr("the extent is empty: {extent}").format(extent=extent))
        connection = backend.create(location)
        try:
            with backend.transaction(connection):
                build_schema(connection, backend, srs, (xmin, ymin, xmax, ymax), time_zone)
                for sql in backend.trigger_statements():
                    connection.execute(sql)
                for sql in backend.access_statements(connection):
                    connection.execute(sql)
        except BaseException:
            backend.discard(location, connection)
            raise
        return cls(connection, location, backend)

    @classmethod
    def open(cls, location, read_only: bool = False):
        """Open a store, migrating an older one inside one transaction. A newer
        store or a location that holds no store is refused and left untouched.
        ``read_only``: for reading alone (analyses, reports, summaries): the
        store is left byte for byte as it was (an older store is migrated
        first, once, as any opening does)."""
        location = StoreLocation.parse(location)
        backend = backend_for(location)
        if backend.name == "gpkg":  # looked at read-only first: a file that is no store is not touched
            version = cls.inspect(location)
        connection = backend.connect(location, read_only=read_only)
        try:
            if backend.name != "gpkg":  # a server: one connection, not one to look and one to work
                version = _checked_version(location, backend.read_meta(location, connection))
            if version < schema.SCHEMA_VERSION:
                if read_only:  # the one write a reader makes: bringing the schema up to date
                    connection.close()
                    cls.open(location).close()
                    return cls.open(location, read_only=True)
                _migrate(connection, backend, version)
            if not read_only:  # a store whose audit is off is refused for writing, not for reading
                verify.refuse_altered_triggers(connection, backend, location)
            return cls(connection, location, backend)
        except BaseException:
            connection.close()
            raise

    @classmethod
    def inspect(cls, location) -> int:
        """The schema version of a store, read without writing anything."""
        location = StoreLocation.parse(location)
        return _checked_version(location, backend_for(location).read_meta(location))

    def check_intact(self) -> None:
        """Refuse a damaged store in words (``DamagedStoreError``) before
        something is published from it: a report of a file with a damaged page
        must not come out looking whole."""
        self.backend.check_intact(self._db, self.location)

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
        data, an import) stay one transaction. The outermost one seals the
        history's new rows (``chain.seal``): before it commits, or on
        PostgreSQL right after, in a short transaction of its own."""
        outermost = not self._db.in_transaction
        after = chain.seals_after_commit(self.backend)
        with self.backend.transaction(self._db) as db:
            yield db
            if outermost and not after:
                chain.seal(db, self.backend)
        if outermost and after:
            try:
                with self.backend.transaction(self._db) as db:
                    chain.seal(db, self.backend)
            except StoreError as error:  # the write stands; its rows are sealed by the next write or verifystore
                logger.warning(tr("the history's new rows could not be sealed yet: {error}").format(error=error))


def _checked_version(location: StoreLocation, meta: dict[str, str]) -> int:
    """The schema version in a store's ``lagesbild_meta``; a store of a newer
    Lägesbild, or no store at all, refused in words."""
    name = location.display
    if meta.get("application") != schema.APPLICATION or "schema_version" not in meta:
        raise NotAStoreError(tr("{path} is a GeoPackage but not a Lägesbild store").format(path=name))
    version = int(meta["schema_version"])
    if version > schema.SCHEMA_VERSION:
        raise NewerVersionError(tr(
            "{path} was made by a newer Lägesbild (schema version {version}); this version reads "
            "up to schema version {supported}: update the plugin"
        ).format(path=name, version=version, supported=schema.SCHEMA_VERSION))
    return version


def build_schema(connection, backend, srs: osr.SpatialReference, extent: tuple[float, float, float, float],
                 time_zone: str) -> None:
    """Inside the new store's open transaction: its tables, code tables,
    default organisations and ``lagesbild_meta``, but not yet its triggers
    (the caller adds ``backend.trigger_statements()`` when the tables are
    filled: a copy inserts its rows before the triggers exist)."""
    authid = f"{srs.GetAuthorityName(None)}:{srs.GetAuthorityCode(None)}"
    for sql, params in backend.create_statements(srs, extent):
        connection.execute(sql, params)
    write_code_tables(connection)
    connection.executemany("INSERT INTO organisations (code, name_sv, name_en) VALUES (?, ?, ?)",
                           codelist.DEFAULT_ORGANISATIONS)
    connection.executemany("INSERT INTO lagesbild_meta (key, value) VALUES (?, ?)", [
        ("application", schema.APPLICATION),
        ("schema_version", str(schema.SCHEMA_VERSION)),
        ("crs", authid),
        ("srs_id", str(int(srs.GetAuthorityCode(None)))),
        ("time_zone", time_zone),
        ("extent", ",".join(repr(float(v)) for v in extent)),
        ("created_at", format_utc(now_utc())),
    ])


def write_code_tables(connection) -> None:
    connection.executemany(
        "INSERT INTO categories (code, parent, label_sv, label_en, colour, icon, sort_order) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET parent = excluded.parent, "
        "label_sv = excluded.label_sv, label_en = excluded.label_en, colour = excluded.colour, "
        "icon = excluded.icon, sort_order = excluded.sort_order",
        schema.code_rows())


def _migrate(connection, backend, version: int) -> None:
    """Bring a store from ``version`` to the current schema in one transaction."""
    try:
        with backend.transaction(connection):
            for sql in backend.drop_trigger_statements(connection):
                connection.execute(sql)
            for migration in schema.MIGRATIONS:
                if migration.from_version >= version:
                    for sql in backend.migration_statements(migration):
                        connection.execute(sql)
            for sql in backend.repair_statements(connection):
                connection.execute(sql)
            for table in schema.TABLES:
                for sql in backend.index_statements(table):
                    connection.execute(sql)
            write_code_tables(connection)
            for sql in backend.trigger_statements():
                connection.execute(sql)
            connection.execute("UPDATE lagesbild_meta SET value = ? WHERE key = 'schema_version'",
                               (str(schema.SCHEMA_VERSION),))
            chain.seal(connection, backend)
    except Exception as error:
        raise StoreError(tr("the store could not be migrated, and was left as it was: {error}").format(
            error=error)) from error
