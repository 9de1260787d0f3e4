"""A store copied into a new one, between the backends (a GeoPackage into
PostgreSQL and back) or within one: every incident with its ``uuid``,
version and bookkeeping times, the areas, measures, code tables and the
whole history, with the same ``fid``s, and the saved QGIS styles
(``copy_styles``).

The copy is one transaction on the output, and the output is new: it is
created with the input's CRS, time zone and extent, filled, and only then
given its audit triggers, so that copying writes no history of its own and
raises no version. A failed, cancelled or killed copy leaves no output: on
PostgreSQL the schema is created inside the copy's one transaction, so that
it exists for others only when the copy commits; a GeoPackage is written to
a hidden file beside the output and gets its name only when complete. The
input is read in one snapshot, and not written."""

from __future__ import annotations

import contextlib
import glob
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import ogr

from ..domain import schema
from ..domain.schema import FID, GEOMETRY_COLUMN
from ..i18n import tr
from . import Store, chain
from .backends import backend_for
from .copy_styles import copy_styles
from .errors import Cancelled, StoreError
from .lifecycle import build_schema, spatial_reference
from .location import StoreLocation

CHUNK_ROWS = 50_000
# the order of the copy: code tables first, incidents before their history
DATA_TABLES = (schema.INCIDENTS, schema.INCIDENT_HISTORY, schema.AREAS, schema.MEASURES)


@dataclass
class CopyResult:
    """What was copied: rows per table, styles copied, styles left out (in words)."""

    rows: dict[str, int] = field(default_factory=dict)
    styles: int = 0
    skipped_styles: list[str] = field(default_factory=list)


def copy_store(source, target, progress=None) -> CopyResult:
    """Copy the store at ``source`` into a new store at ``target`` (which must
    not exist). ``progress(fraction)`` is called between chunks; when it
    returns False the copy is undone and ``Cancelled`` raised."""
    source, target = StoreLocation.parse(source), StoreLocation.parse(target)
    if source == target:
        raise StoreError(tr("a store cannot be copied onto itself: {location}").format(location=target.display))
    out_backend = backend_for(target)
    if out_backend.exists(target):
        raise StoreError(tr(
            "{location} exists already: a copy is never written over a store or a file, and nothing was "
            "changed").format(location=target.display))
    with Store.open(source) as store, _snapshot(store):
        srs = spatial_reference(store.crs)
        total = max(1, sum(_count(store, table.name) for table in DATA_TABLES))
        writing = _partial(target)
        connection = out_backend.create(writing, begin=True) if target.backend == "postgres" else \
            out_backend.create(writing)
        try:
            # on PostgreSQL this joins the transaction that created the schema
            with out_backend.transaction(connection):
                result = _fill(store, connection, out_backend, target, srs, total, progress)
            if connection.in_transaction:
                connection.execute("COMMIT")
            connection.close()
            if writing != target:
                _publish(writing.path, target.path)
        except BaseException:
            if target.backend == "postgres" and connection.in_transaction:
                # the schema was made in this transaction and goes with it; a
                # DROP SCHEMA could hit one that someone else made meanwhile
                with contextlib.suppress(Exception):
                    connection.execute("ROLLBACK")
                connection.close()
            else:
                out_backend.discard(writing, connection)
            raise
    return result


def _partial(target: StoreLocation) -> StoreLocation:
    """Where the copy is written until it is complete: a GeoPackage's hidden
    file beside the output (the same folder, so that it is renamed, not
    copied), or the PostgreSQL schema itself (its transaction hides it)."""
    if target.backend != "gpkg":
        return target
    path = target.path
    _clear_abandoned(path)
    return StoreLocation.geopackage(path.with_name(f".{path.stem}.copying-{os.getpid()}{path.suffix}"))


def _clear_abandoned(path: Path) -> None:
    """Remove what an earlier copy to ``path`` left when its process was
    killed: its hidden file (and SQLite's journals beside it), named by the
    process id, once no such process runs."""
    prefix = f".{path.stem}.copying-"
    for leftover in path.parent.glob(f"{glob.escape(prefix)}*"):
        pid = leftover.name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or a system that cannot tell: keep its file
        return True
    return True


def _publish(written: Path, target: Path) -> None:
    """Give the complete copy its name, never over a file that appeared
    meanwhile: a hard link fails when the name is taken."""
    try:
        os.link(written, target)
    except FileExistsError:
        raise StoreError(tr(
            "{location} appeared while the copy was made: a copy is never written over a file, and nothing "
            "was changed").format(location=target)) from None
    except OSError:  # a file system without hard links
        if target.exists():
            raise StoreError(tr(
                "{location} appeared while the copy was made: a copy is never written over a file, and "
                "nothing was changed").format(location=target)) from None
        os.replace(written, target)
        return
    written.unlink()


def _fill(store, connection, out_backend, target, srs, total, progress) -> CopyResult:
    build_schema(connection, out_backend, srs, store.extent, store.time_zone)
    result = CopyResult()
    for table in (schema.CATEGORIES, schema.ORGANISATIONS):
        connection.execute(f"DELETE FROM {table.name}")
        names = list(table.field_names)
        rows = store._db.execute(f"SELECT {', '.join(names)} FROM {table.name} ORDER BY {table.key}").fetchall()
        connection.executemany(f"INSERT INTO {table.name} ({', '.join(names)}) VALUES "
                               f"({', '.join('?' for _ in names)})", [tuple(r) for r in rows])
        result.rows[table.name] = len(rows)
    done = 0
    for table in DATA_TABLES:
        result.rows[table.name] = 0
        for rows in _chunks(store, table):
            names, values = _converted(table, rows, store, connection, out_backend)
            out_backend.insert_many(connection, table.name, names, values)
            result.rows[table.name] += len(values)
            done += len(values)
            if progress is not None and progress(min(1.0, done / total)) is False:
                raise Cancelled(tr("cancelled: nothing was written"))
        _advance_fids(connection, out_backend, table.name)
    # the triggers come last, so that the copied rows wrote no history of their
    # own; then the roles and policies of a server store (logins are the
    # server's: who reports for which organisation is granted anew there)
    for sql in out_backend.trigger_statements():
        connection.execute(sql)
    chain.record_head(connection)  # the history came with its seals (README "Audit trail")
    for sql in out_backend.access_statements(connection):
        connection.execute(sql)
    result.styles, result.skipped_styles = copy_styles(store, connection, out_backend, target)
    return result


@contextlib.contextmanager
def _snapshot(store):
    """Every table of the input read as of one moment, and nothing written."""
    if store.backend.name == "postgres":
        store._db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    else:
        store._db.execute("BEGIN")
    try:
        yield
    finally:
        store._db.execute("ROLLBACK")


def _count(store, table_name: str) -> int:
    return int(store._db.execute(f"SELECT count(*) FROM {table_name}").fetchone()[0])


def _columns(table: schema.Table) -> list[str]:
    return [FID] + ([GEOMETRY_COLUMN] if table.geometry else []) + list(table.field_names)


def _chunks(store, table: schema.Table):
    """The table's rows in the order of their fids, a chunk at a time."""
    names = _columns(table)
    last = -1
    while True:
        rows = store._db.execute(f"SELECT {', '.join(names)} FROM {table.name} WHERE {FID} > ? "
                                 f"ORDER BY {FID} LIMIT {CHUNK_ROWS}", (last,)).fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _converted(table: schema.Table, rows: list, store, connection, out_backend) -> tuple[list[str], list[tuple]]:
    """(names, rows) in the output's stored forms: geometries, times and dates
    decoded by the input's backend and encoded by the output's."""
    names = _columns(table)
    columns = [list(column) for column in zip(*rows)]
    in_backend = store.backend
    for index, name in enumerate(names):
        values = columns[index]
        if name == GEOMETRY_COLUMN:
            columns[index] = _geometries(values, table, in_backend, out_backend, store.srs_id)
        elif name != FID and table.field(name).type == schema.DATETIME:
            columns[index] = [out_backend.encode_time(in_backend.decode_time(v)) for v in values]
        elif name != FID and table.field(name).type == schema.DATE:
            columns[index] = [None if v is None else (v if isinstance(v, str) else v.isoformat()) for v in values]
        elif name != FID and table.field(name).type == schema.BOOLEAN:
            columns[index] = [None if v is None else int(v) for v in values]
    if table is schema.INCIDENT_HISTORY and in_backend.name != out_backend.name:
        where = names.index("field")
        for name in ("old_value", "new_value"):
            index = names.index(name)
            columns[index] = _geometry_history(columns[index], columns[where], in_backend, out_backend,
                                               connection, store.srs_id)
    return names, list(zip(*columns))


def _geometries(values: list, table: schema.Table, in_backend, out_backend, srs_id: int) -> list:
    if table.geometry == "POINT":  # many points at once, in NumPy
        x, y = in_backend.decode_points(values)
        encoded = out_backend.encode_points(np.asarray(x), np.asarray(y), srs_id)
        return [None if v is None else e for v, e in zip(values, encoded)]
    return [None if v is None else out_backend.encode_geometry(in_backend.decode_geometry(v), srs_id)
            for v in values]


def _geometry_history(values: list, fields: list, in_backend, out_backend, connection, srs_id: int) -> list:
    """A position in the history in the form the output's own triggers write
    it: a GeoPackage keeps the geometry's blob in hex, PostgreSQL its WKT
    (PostGIS's ST_AsText, whose digits give back the same coordinates)."""
    positions = [i for i, (f, v) in enumerate(zip(fields, values)) if f == GEOMETRY_COLUMN and v]
    if not positions:
        return values
    values = list(values)
    if in_backend.name == "gpkg" and out_backend.name == "postgres":
        wkb = []
        for i in positions:
            try:
                geometry = in_backend.decode_geometry(bytes.fromhex(values[i]))
                wkb.append(bytes(geometry.ExportToIsoWkb(ogr.wkbNDR)).hex())
            except (ValueError, RuntimeError):
                wkb.append(None)  # not a geometry: kept as it was
        texts = connection.execute(
            "SELECT CASE WHEN w IS NULL THEN NULL ELSE ST_AsText(ST_GeomFromWKB(decode(w, 'hex'))) END "
            "FROM unnest(?::text[]) WITH ORDINALITY AS t(w, n) ORDER BY n", (wkb,)).fetchall()
        for i, (text,) in zip(positions, texts):
            values[i] = text if text is not None else values[i]
    elif in_backend.name == "postgres" and out_backend.name == "gpkg":
        for i in positions:
            try:
                geometry = ogr.CreateGeometryFromWkt(values[i])
            except RuntimeError:
                continue
            if geometry is not None:
                values[i] = bytes(out_backend.encode_geometry(geometry, srs_id)).hex().upper()
    return values


def _advance_fids(connection, out_backend, table_name: str) -> None:
    """After rows were given their fids: new rows number on from the highest
    (a GeoPackage's AUTOINCREMENT does so by itself)."""
    if out_backend.name == "postgres":
        connection.execute(
            f"SELECT setval(pg_get_serial_sequence('{table_name}', '{FID}'), "
            f"coalesce(max({FID}), 1), max({FID}) IS NOT NULL) FROM {table_name}")
