"""The GeoPackage backend: a store in one SQLite file that QGIS, GDAL and
mobile apps open as they are. Its DDL is in ``ddl.py``, its geometry and
time codecs in ``codec.py``; here is what connects them to the store."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from ....i18n import tr
from ...errors import DamagedStoreError, NotAStoreError, StoreError
from ...location import StoreLocation
from .. import sqltext
from . import arrow, codec
from .bulkload import bulk_load
from .connection import BUSY_TIMEOUT_S as BUSY_TIMEOUT_S  # noqa: F401 - the wait, named where the backend is
from .connection import connect, damaged, translate_error
from .ddl import GeoPackageDDL, register_functions

# QGIS 3.40's OGR provider strips "--" and "/* */" comments from a provider
# filter even inside a string literal, which would cut the literal open
_COMMENT_MARKERS = ("--", "/*", "*/")


_SPATIAL_SQL: list[bool] = []  # whether OGR's SQLite has SpatiaLite: found once per process


def has_spatial_sql(location: StoreLocation) -> bool:
    """Whether OGR (the GDAL that QGIS's provider uses too) runs SpatiaLite's
    ``ST_Intersects`` on the GeoPackage's geometries."""
    if not _SPATIAL_SQL:
        from osgeo import gdal, ogr

        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            source = ogr.Open(str(location.path))
            result = source.ExecuteSQL("SELECT ST_Intersects(geom, geom) FROM areas LIMIT 1") if source else None
            if result is not None:
                source.ReleaseResultSet(result)
            if source is not None:
                _SPATIAL_SQL.append(result is not None)
        finally:
            gdal.PopErrorHandler()
    return bool(_SPATIAL_SQL and _SPATIAL_SQL[0])


def _text_literal(value) -> str:
    inner = str(value).replace("'", "''")
    # comment markers become pieces joined with ||: the same string to SQLite
    for marker in _COMMENT_MARKERS:
        while marker in inner:
            inner = inner.replace(marker, marker[0] + "'||'" + marker[1])
    return "'" + inner + "'"


class GeoPackageBackend(GeoPackageDDL):
    name = "gpkg"

    # --- connecting and transactions -------------------------------------------
    @staticmethod
    def exists(location: StoreLocation) -> bool:
        return location.path.exists()

    @staticmethod
    def create(location: StoreLocation) -> sqlite3.Connection:
        path = location.path
        if path.exists():
            raise StoreError(tr("{path} exists already: a new store is never written over a file").format(path=path))
        if not path.parent.is_dir():
            raise StoreError(tr("the folder {folder} does not exist").format(folder=path.parent))
        try:
            connection = connect(str(path), path)
        except sqlite3.Error as error:
            raise StoreError(tr("{path} cannot be written: {error}").format(path=path, error=error)) from error
        register_functions(connection)
        return connection

    @staticmethod
    def discard(location: StoreLocation, connection) -> None:
        connection.close()
        location.path.unlink(missing_ok=True)

    @staticmethod
    def connect(location: StoreLocation, read_only: bool = False) -> sqlite3.Connection:
        """A connection that runs the GeoPackage R-tree triggers (they call
        ST_* functions, which OGR provides to QGIS and ogrinfo) with explicit
        transactions."""
        path = location.path
        if not path.is_file():
            raise StoreError(tr("no such file: {path}").format(path=path))
        uri = Path(path).as_uri() + ("?mode=ro" if read_only else "?mode=rw")
        try:
            connection = connect(uri, path, uri=True)
            register_functions(connection)
            connection.execute("PRAGMA foreign_keys = OFF")
        except (sqlite3.Error, DamagedStoreError) as error:
            raise NotAStoreError(tr("{path} cannot be read: {error}").format(path=path, error=error)) from error
        return connection

    def read_meta(self, location: StoreLocation) -> dict[str, str]:
        path = location.path
        connection = self.connect(location, read_only=True)
        try:
            try:
                tables = self.table_names(connection)
            except DamagedStoreError as error:
                raise NotAStoreError(tr("{path} is not a GeoPackage, or is damaged ({reason})").format(
                    path=path, reason=error.__cause__)) from error
            if "gpkg_contents" not in tables:
                raise NotAStoreError(tr("{path} is not a GeoPackage").format(path=path))
            if "lagesbild_meta" not in tables:
                raise NotAStoreError(tr("{path} is a GeoPackage but not a Lägesbild store").format(path=path))
            return dict(connection.execute("SELECT key, value FROM lagesbild_meta"))
        finally:
            connection.close()

    @contextlib.contextmanager
    def transaction(self, connection: sqlite3.Connection):
        """BEGIN IMMEDIATE takes the write lock at once, so two writers queue
        (up to ``BUSY_TIMEOUT_S``) instead of failing half-way. Inside an open
        transaction it joins that one."""
        if connection.in_transaction:
            yield connection
            return
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self.translate_error(error) from error
        try:
            yield connection
        except sqlite3.Error as error:
            connection.execute("ROLLBACK")
            raise self.translate_error(error) from error
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    @staticmethod
    def translate_error(error: BaseException) -> BaseException:
        return translate_error(error)

    @staticmethod
    def check_intact(connection: sqlite3.Connection, location: StoreLocation, thorough: bool = False) -> None:
        """SQLite's quick check of every page's structure (``thorough``: its
        full integrity check, indexes against their tables too): a damaged
        file is refused in words before anything is published from it."""
        pragma = "integrity_check" if thorough else "quick_check"
        lines = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
        if lines != ["ok"]:
            raise damaged(location.display, "; ".join(lines[:5]))  # the first few of its findings

    # --- who may do what --------------------------------------------------------
    @staticmethod
    def access_statements(connection) -> list[str]:
        return []  # a file has no logins: whoever may write the file may write the store

    @staticmethod
    def grant_access(connection, login: str, organisation: str, role: str) -> None:
        raise StoreError(tr("a GeoPackage store has no logins or roles: whoever may write the file may write "
                            "the store; use a PostgreSQL store for roles per organisation"))

    # --- codecs ----------------------------------------------------------------
    encode_points = staticmethod(codec.encode_points)
    decode_points = staticmethod(codec.decode_points)
    encode_geometry = staticmethod(codec.encode)
    decode_geometry = staticmethod(codec.decode)
    encode_time = staticmethod(codec.encode_time)
    decode_time = staticmethod(codec.decode_time)
    encode_epochs = staticmethod(codec.encode_epochs)
    time_bound = staticmethod(codec.time_bound)

    # --- SQL that differs ----------------------------------------------------------
    @staticmethod
    def epoch_sql(column: str) -> str:
        return f"CAST(strftime('%s', {column}) AS INTEGER)"

    @staticmethod
    def read_arrays(connection, where: str, params: list, columns: tuple[str, ...]):
        """The incidents ``where`` selects as NumPy arrays through OGR's Arrow
        stream (``arrow.py``), or None: then the store reads them through SQL.
        Not inside a write transaction, whose rows OGR's connection cannot see.
        The rows are counted by SQLite too: OGR's stream of a table reads in a
        thread of its own, whose errors (a damaged page) reach no handler here,
        and it may end early without a word; a count that differs (or a count
        SQLite cannot make) leaves the read to SQL, which says what is wrong."""
        path = getattr(connection, "store_path", None)
        if not path or connection.in_transaction:
            return None
        result = arrow.read_arrays(path, arrow.with_values(where, params, GeoPackageBackend.literal), columns)
        if result is not None:
            expected = connection.execute(f"SELECT count(*) FROM incidents WHERE {where}", params).fetchone()[0]
            if int(expected) != result["fid"].size:
                return None
        return result

    @staticmethod
    def bbox_condition(table: str, bounds: tuple[float, float, float, float], srid: int,
                       per_row: bool = False) -> tuple[str, list]:
        """Within ``bounds`` by the table's R-tree: SQLite reads the box's ids
        first and fetches each row by them (the R-tree drives). ``per_row``
        (a period's time index drives): no condition. Asking SQLite's R-tree
        about one row costs about 20 µs, more than reading the row: at a
        million incidents the box made a period's summary by area read every
        row of the box (3.5 s); the period's rows read whole, their area then
        decided in NumPy as always, take a tenth of that."""
        if per_row:
            return "1 = 1", []
        min_x, min_y, max_x, max_y = bounds
        return (f"fid IN (SELECT id FROM rtree_{table}_geom "
                "WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?)", [min_x, max_x, min_y, max_y])

    @staticmethod
    def insert(connection: sqlite3.Connection, table: str, values: dict) -> int:
        names = list(values)
        cursor = connection.execute(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
            [values[n] for n in names])
        return int(cursor.lastrowid)

    @staticmethod
    def insert_many(connection: sqlite3.Connection, table: str, names: list[str], rows: list[tuple]) -> None:
        connection.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})", rows)

    bulk_load = staticmethod(bulk_load)

    @classmethod
    def area_condition(cls, location: StoreLocation, area: str, geometry=None) -> str:
        """Inside the area, for OGR's SQL of a GeoPackage: the R-tree narrows
        to the area's box (read from the file, so the filter's size does not
        grow with the incidents), then SpatiaLite's ``ST_Intersects`` where
        GDAL was built with it (Debian's is), else the store's own even-odd
        test written out over the area's edges (``sqlfilter.inside_polygon``;
        slower for an area with many corners)."""
        from ... import sqlfilter

        first = f"FROM areas a WHERE a.name = {cls.literal(area)} ORDER BY a.fid LIMIT 1"
        shape = f"(SELECT a.geom {first})"
        box = (f"fid IN (SELECT r.id FROM rtree_incidents_geom r, (SELECT a.geom AS g {first}) b "
               "WHERE r.maxx >= ST_MinX(b.g) AND r.minx <= ST_MaxX(b.g) "
               "AND r.maxy >= ST_MinY(b.g) AND r.miny <= ST_MaxY(b.g))")
        if geometry is None or has_spatial_sql(location):
            return f"{box} AND ST_Intersects(geom, {shape})"
        return sqlfilter.inside_polygon(geometry, box, "ST_MinX(geom)", "ST_MinY(geom)")

    @staticmethod
    def literal(value) -> str:
        """``value`` as an SQLite literal: text quoted with its single quotes
        doubled (a backslash is an ordinary character in SQLite, unlike in QGIS
        expressions)."""
        return sqltext.literal(value, _text_literal)

    # --- QGIS -------------------------------------------------------------------
    @staticmethod
    def layer_source(location: StoreLocation, table: str) -> tuple[str, str]:
        """The layer's OGR source. ``DO_NOT_ENABLE_WAL``: QGIS's own marker
        (read by QgsOgrProviderUtils, GDAL >= 3.4.2) that keeps it from
        switching the store to WAL when it reopens the layer (a new filter
        does that): WAL is unsafe on the network shares a shared store lives
        on, and a reader must leave the file byte for byte as it was. GDAL
        warns once that the GPKG driver does not know the option."""
        return f"{location.target}|layername={table}|option:DO_NOT_ENABLE_WAL=ON", "ogr"
