"""A large validated insert into a GeoPackage table, several times faster
than row by row, all inside the caller's one transaction:

- the table's triggers and secondary indexes are lifted while the rows go
  in and restored exactly as they were (a unique index, rebuilt, still
  refuses a duplicate; the reference triggers check what the rows were
  validated against already);
- CHECK constraints are not evaluated again for rows the store validated
  with the same rules (``bulk.validate_columns``);
- the R-tree is written packed in one pass (``rtree.write_packed``) over its
  old entries and the new points, instead of one insertion per row.

A rollback (an error, a cancel, a killed process) takes all of it back."""

from __future__ import annotations

import contextlib

import numpy as np

from ....domain.schema import GEOMETRY_COLUMN
from . import rtree

BULK_CACHE_KIB = -262144  # 256 MiB while bulk loading (negative: KiB, as SQLite reads it)


@contextlib.contextmanager
def bulk_load(connection, table_name: str):
    """Inside an open transaction: lift the table's triggers and indexes,
    ``yield`` a function that takes the new rows' fids, x and y (arrays, one
    call or several), then restore the triggers and indexes and write the
    table's R-tree packed over its old entries and the new points."""
    saved = connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('trigger', 'index') "
        "AND sql IS NOT NULL", (table_name,)).fetchall()
    for kind, name, _sql in saved:
        connection.execute(f"DROP {kind.upper()} {name}")
    # a page cache large enough for the unique index on uuid, whose random
    # keys otherwise cost a page read each at a million rows
    cache_size = connection.execute("PRAGMA cache_size").fetchone()[0]
    connection.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
    connection.execute("PRAGMA ignore_check_constraints = ON")
    try:
        parts: list[tuple[np.ndarray, ...]] = []

        def add_points(fids, x, y):
            parts.append((np.asarray(fids, dtype=np.int64), np.asarray(x, dtype=np.float64),
                          np.asarray(y, dtype=np.float64)))

        yield add_points
        connection.execute("PRAGMA ignore_check_constraints = OFF")
        for _kind, _name, sql in saved:
            connection.execute(sql)
        name = f"rtree_{table_name}_{GEOMETRY_COLUMN}"
        old = rtree.entries(connection, name)
        fids = np.concatenate([old[0]] + [p[0] for p in parts])
        x = [p[1] for p in parts]
        y = [p[2] for p in parts]
        rtree.write_packed(connection, name, fids, np.concatenate([old[1]] + x), np.concatenate([old[2]] + x),
                           np.concatenate([old[3]] + y), np.concatenate([old[4]] + y))
    finally:
        connection.execute("PRAGMA ignore_check_constraints = OFF")
        connection.execute(f"PRAGMA cache_size = {int(cache_size)}")
