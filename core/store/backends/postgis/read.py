"""Incidents into NumPy from PostgreSQL through one binary ``COPY``.

The rows come as PostgreSQL's binary COPY format, and every field is made
fixed width and NOT NULL in the query, so that every tuple has the same size
and one ``np.frombuffer`` over a big-endian structured dtype reads them all:
x and y as ``double precision`` (NaN for none), times as raw ``timestamptz``
(microseconds since 2000-01-01 UTC, ``-infinity`` for none), real numbers as
``double precision`` (NaN for none), and a code (category, organisation,
status) as its 1-based position in the list of codes read from its code table
just before (0 for none), mapped back to the code text once per code, not
once per row. Parsing text per row was most of the time of the plain read.

Whatever does not fit that form (a column without a code list, a code missing
from it, a tuple of another size) is answered with ``None``, and the store
reads the plain way instead: the fast path never guesses."""

from __future__ import annotations

import io

import numpy as np

from ....domain import schema
from ...records import TIME_FIELDS

SIGNATURE = b"PGCOPY\n\xff\r\n\x00"
_EPOCH_2000 = 946_684_800  # 2000-01-01T00:00:00Z, PostgreSQL's own epoch, in Unix seconds
_NO_TIME = np.iinfo(np.int64).min  # -infinity: the query's stand-in for a missing time
_INFINITY = np.iinfo(np.int64).max
# the code table each coded text column takes its values from
CODE_TABLES = {field: table for t, field, table, _ in schema.REFERENCES if t == "incidents"} | {
    "subcategory": "categories"}


def _kind(name: str) -> str | None:
    """How a column travels: 'time', 'real', 'code', or None (not fixed width)."""
    if name in TIME_FIELDS:
        return "time"
    field = schema.INCIDENTS.field(name)
    if field.type == schema.REAL:
        return "real"
    if field.type == schema.TEXT and (name in CODE_TABLES or field.allowed):
        return "code"
    return None


def supports(columns: tuple[str, ...]) -> bool:
    return all(_kind(name) is not None for name in columns)


def _codes(cursor, name: str) -> list[str]:
    """The codes a column may hold, each once, in a fixed order."""
    field = schema.INCIDENTS.field(name)
    if name in CODE_TABLES:
        cursor.execute(f"SELECT code FROM {CODE_TABLES[name]} ORDER BY code")
        found = [row[0] for row in cursor.fetchall()]
    else:
        found = []
    return list(dict.fromkeys(found + list(field.allowed or ())))


def copy_statement(cursor, where: str, params: list, columns: tuple[str, ...]) -> tuple[str, list[list[str]]]:
    """The COPY statement (values inlined by the driver) and each coded
    column's code list. ``where`` has ``?`` placeholders for ``params``."""
    selected = ["i.fid", "COALESCE(ST_X(i.geom), 'NaN')", "COALESCE(ST_Y(i.geom), 'NaN')"]
    joins, arguments, code_lists = [], [], []
    for number, name in enumerate(columns):
        column = f'i."{name}"'
        kind = _kind(name)
        if kind == "time":
            selected.append(f"COALESCE({column}, '-infinity')")
        elif kind == "real":
            selected.append(f"COALESCE({column}, 'NaN')::float8")
        else:
            codes = _codes(cursor, name)
            code_lists.append(codes)
            alias = f"codes_{number}"
            # a code missing from the list becomes -1: the caller reads the plain way then
            selected.append(f"CASE WHEN {column} IS NULL THEN 0 ELSE COALESCE({alias}.number, -1) END::int4")
            joins.append(f"LEFT JOIN unnest(%s::text[]) WITH ORDINALITY AS {alias} (code, number) "
                         f"ON {alias}.code = {column}")
            arguments.append(codes)
    names = ", ".join(dict.fromkeys(["fid", "geom"] + [f'"{name}"' for name in columns]))
    query = (f"SELECT {', '.join(selected)} FROM (SELECT {names} FROM incidents WHERE "
             f"{where.replace('%', '%%').replace('?', '%s')}) i {' '.join(joins)}")
    # the joins' arguments come after the filter's in the text
    statement = cursor.mogrify(query, list(params) + arguments)
    return f"COPY ({statement.decode()}) TO STDOUT (FORMAT binary)", code_lists


def tuple_dtype(columns: tuple[str, ...]) -> np.dtype:
    """One tuple of the COPY: its field count, then each field's length and value."""
    fields = [("count", ">i2"), ("fid_size", ">i4"), ("fid", ">i8"), ("x_size", ">i4"), ("x", ">f8"),
              ("y_size", ">i4"), ("y", ">f8")]
    for number, name in enumerate(columns):
        kind = _kind(name)
        fields += [(f"size_{number}", ">i4"), (f"value_{number}", ">i4" if kind == "code" else ">f8"
                                                if kind == "real" else ">i8")]
    return np.dtype(fields)


def parse(data, columns: tuple[str, ...], code_lists: list[list[str]]) -> dict[str, np.ndarray] | None:
    """The arrays of a binary COPY's bytes, or None where they are not in the
    fixed-width form this reader expects."""
    view = memoryview(data)
    if bytes(view[:len(SIGNATURE)]) != SIGNATURE:
        return None
    extension = int.from_bytes(view[len(SIGNATURE) + 4: len(SIGNATURE) + 8], "big")
    start = len(SIGNATURE) + 8 + extension
    if bytes(view[-2:]) != b"\xff\xff":
        return None
    body = view[start:-2]
    dtype = tuple_dtype(columns)
    if len(body) % dtype.itemsize:
        return None
    records = np.frombuffer(body, dtype=dtype)
    if records.size and (np.any(records["count"] != 3 + len(columns)) or not all(
            np.all(records[name] == dtype[value].itemsize)
            for name, value in zip(dtype.names[1::2], dtype.names[2::2]))):
        return None
    result = {"fid": records["fid"].astype(np.int64), "x": records["x"].astype(np.float64),
              "y": records["y"].astype(np.float64)}
    codes = iter(code_lists)
    for number, name in enumerate(columns):
        values = records[f"value_{number}"]
        kind = _kind(name)
        if kind == "time":
            micros = values.astype(np.int64)
            if np.any(micros == _INFINITY):
                return None
            result[name] = np.where(micros == _NO_TIME, -1, np.floor_divide(micros, 1_000_000) + _EPOCH_2000)
        elif kind == "real":
            result[name] = values.astype(np.float64)
        else:
            positions = values.astype(np.int64)
            if np.any(positions < 0):
                return None
            result[name] = np.asarray([None] + next(codes), dtype=object)[positions]
    fid = result["fid"]
    if fid.size > 1 and not np.all(fid[1:] > fid[:-1]):  # in fid order, as the plain read
        order = np.argsort(fid, kind="stable")
        result = {name: values[order] for name, values in result.items()}
    return result


def read_arrays(cursor, where: str, params: list, columns: tuple[str, ...]) -> dict[str, np.ndarray] | None:
    """``fid``, ``x``, ``y`` and ``columns`` of the incidents ``where`` selects,
    in fid order, as the store's ``arrays`` gives them; None when the plain
    read must answer instead."""
    if not supports(columns):
        return None
    statement, code_lists = copy_statement(cursor, where, params, columns)
    buffer = io.BytesIO()
    cursor.copy_expert(statement, buffer, size=1 << 20)
    return parse(buffer.getbuffer(), columns, code_lists)
