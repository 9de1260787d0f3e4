"""The GeoPackage's bulk read: the incidents a WHERE condition selects, as
NumPy arrays, through OGR's Arrow stream (``GetArrowStreamAsNumPy``, GDAL
3.6 and later) instead of one Python tuple per row.

It gives exactly the arrays of the plain SQL read (``Store._select_arrays``)
or nothing (None), and then the store reads through SQL:

- The rows come from an SQL statement that OGR runs in the GeoPackage's
  SQLite, with the very condition the SQL read uses, so both select the same
  rows. They are put in fid order here (a period read through the time
  index comes in time order).
- A time is read as SQLite's ``julianday`` (a double that holds SQLite's
  integer milliseconds exactly) and turned into epoch seconds as
  ``strftime('%s')`` does: whatever form the text has (``…Z``, an offset, no
  zone, a julian day number), SQLite decodes it for both reads. OGR's own
  DATETIME decoding is not used: GDAL 3.6 drops an offset, makes a julian day
  number 1970 and cuts a fourth digit of fraction off instead of rounding.
  ``coalesce(…, -1.0)`` keeps the column a number when its first row has none.
- Text comes as bytes and is decoded once per distinct value; a REAL column
  with its nulls as NaN. Any other column type, a geometry that is not a 2D
  little-endian point, or a GDAL without the stream: None."""

from __future__ import annotations

import numpy as np

from ....domain import schema

# SQLite's julian day of 1970-01-01T00:00Z, in milliseconds (strftime('%s'))
_EPOCH_JD_MS = 210866760000000
_DAY_MS = 86400000.0
_NO_TIME = -1.0  # no julian day is negative: the stand-in for NULL
_WKB_POINT = np.dtype([("order", "u1"), ("wkb_type", "<u4"), ("x", "<f8"), ("y", "<f8")])
_BATCH = 262144  # rows per Arrow batch: fewer, larger batches cost less per row


VERIFIED_BELOW = 3110000  # GDAL 3.11


def available() -> bool:
    """Whether this GDAL's Python bindings have the Arrow stream as NumPy."""
    try:
        from osgeo import (
            gdal_array,  # noqa: F401 - GetArrowStreamAsNumPy needs it
            ogr,
        )
    except ImportError:
        return False
    if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
        return False
    # verified equal to the SQL read on GDAL 3.6 (QGIS 3.22 on bookworm) and 3.10
    # (QGIS 3.40 on trixie); GDAL 3.13 (sid) reads one time a second off through
    # julianday: newer GDALs read through SQL until verified
    from osgeo import gdal

    return int(gdal.VersionInfo("VERSION_NUM")) < VERIFIED_BELOW


def kind_of(name: str) -> str | None:
    """How the column ``name`` of the incidents is read, or None when not here."""
    field_type = schema.INCIDENTS.field(name).type
    if field_type == schema.DATETIME:
        return "time"
    if field_type == schema.REAL:
        return "real"
    if field_type == schema.TEXT:
        return "text"
    return None


def statement(where: str, columns: tuple[str, ...]) -> str | None:
    """The SQL that OGR runs for ``columns`` of the incidents ``where`` selects."""
    selected = ["fid", schema.GEOMETRY_COLUMN]
    for number, name in enumerate(columns):
        kind = kind_of(name)
        if kind is None:
            return None
        value = f"coalesce(julianday({name}), {_NO_TIME!r})" if kind == "time" else name
        selected.append(f"{value} AS lb_{number}")
    return f"SELECT {', '.join(selected)} FROM incidents WHERE {where}"


def with_values(where: str, params: list, literal) -> str:
    """``where`` with each ``?`` replaced by its value as SQL: a number as
    the very double (``sqlfilter.exact_number``), anything else as
    ``literal`` writes it. The condition comes from ``sqlfilter.render``,
    whose only ``?`` are its parameters."""
    from ...sqlfilter import exact_number

    pieces = where.split("?")
    if len(pieces) != len(params) + 1:
        raise ValueError("a parameter for every ?")
    text = [pieces[0]]
    for value, piece in zip(params, pieces[1:]):
        text += [exact_number(value) if isinstance(value, float) else literal(value), piece]
    return "".join(text)


def read_arrays(path: str, where: str, columns: tuple[str, ...]) -> dict[str, np.ndarray] | None:
    """``fid``, ``x``, ``y`` and ``columns`` of the incidents of the GeoPackage
    at ``path`` that ``where`` (SQLite SQL with its values written in)
    selects, in fid order; None when this read cannot give them exactly."""
    sql = statement(where, columns)
    if sql is None or not available():
        return None
    from osgeo import gdal

    failures = []

    def quietly(error_class, _number, message):  # noted, not printed: the SQL read tells it in words
        if error_class >= gdal.CE_Failure:
            failures.append(message)

    gdal.PushErrorHandler(quietly)
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
        if dataset is None:
            return None
        try:
            if any(kind_of(name) == "time" for name in columns):
                layer = dataset.ExecuteSQL(sql)
                if layer is None:
                    return None
                try:
                    stream = layer.GetArrowStreamAsNumPy(options=[f"MAX_FEATURES_IN_BATCH={_BATCH}"])
                    batches = [_owned(batch) for batch in stream]
                    del stream  # the stream ends before its layer and dataset do (GDAL 3.10 aborts else)
                finally:
                    dataset.ReleaseResultSet(layer)
            else:
                batches = _table_batches(dataset, where, columns)
        finally:
            dataset = None
    except Exception:  # noqa: BLE001 - any trouble here: the SQL read decides, and says it in words
        return None
    finally:
        gdal.PopErrorHandler()
    if failures:  # a stream that met an error (a damaged page) may end early, rows missing: never trusted
        return None
    return _assemble(batches, columns)


def _table_batches(dataset, where: str, columns: tuple[str, ...]) -> list[dict]:
    """Without a time, the incidents layer's own stream, filtered by the same
    WHERE (the GeoPackage driver hands it to SQLite as it is): no SQL result
    layer in between, which costs GDAL 3.6 about half as much again."""
    layer = dataset.GetLayerByName("incidents")
    layer.SetIgnoredFields([f.GetName() for f in layer.schema if f.GetName() not in columns])
    if where != "1 = 1":
        layer.SetAttributeFilter(where)
    batches = []
    stream = layer.GetArrowStreamAsNumPy(options=[f"MAX_FEATURES_IN_BATCH={_BATCH}"])
    for batch in stream:
        batch = _owned(batch)
        renamed = {key: batch[key] for key in ("fid", schema.GEOMETRY_COLUMN) if key in batch}
        renamed.update({f"lb_{number}": batch[name] for number, name in enumerate(columns) if name in batch})
        batches.append(renamed)
    del stream
    return batches


def _owned(batch: dict) -> dict:
    """A batch whose arrays own their memory: a newer GDAL's arrays may be
    views into the stream's buffers, which go with the stream."""
    return {key: value.copy() if hasattr(value, "copy") else value for key, value in batch.items()}  # masks kept


def _assemble(batches: list[dict], columns: tuple[str, ...]) -> dict[str, np.ndarray] | None:
    kinds = [kind_of(name) for name in columns]
    # an empty result comes as one empty batch, its types guessed without a row
    batches = [batch for batch in batches if len(batch.get("fid", ())) > 0]
    if not batches:
        result = {"fid": np.zeros(0, dtype=np.int64), "x": np.zeros(0), "y": np.zeros(0)}
        for name, kind in zip(columns, kinds):
            result[name] = np.zeros(0, dtype=np.int64 if kind == "time" else np.float64 if kind == "real"
                                    else object)
        return result
    keys = ["fid", schema.GEOMETRY_COLUMN] + [f"lb_{number}" for number in range(len(columns))]
    if any(key not in batch for batch in batches for key in keys):
        return None
    fid = np.concatenate([np.asarray(batch["fid"], dtype=np.int64) for batch in batches])
    points = _points([batch[schema.GEOMETRY_COLUMN] for batch in batches])
    if points is None:
        return None
    order = None if fid.size < 2 or bool(np.all(fid[1:] > fid[:-1])) else np.argsort(fid, kind="stable")
    result = {"fid": fid, "x": points[0], "y": points[1]}
    for number, (name, kind) in enumerate(zip(columns, kinds)):
        parts = [batch[f"lb_{number}"] for batch in batches]
        values = _times(parts) if kind == "time" else _reals(parts) if kind == "real" else _texts(parts)
        if values is None:
            return None
        result[name] = values
    if order is not None:
        result = {name: values[order] for name, values in result.items()}
    return result


def _points(parts: list) -> tuple[np.ndarray, np.ndarray] | None:
    """x and y of WKB points (21 bytes each, as OGR hands them over)."""
    raw = []
    for part in parts:
        if np.ma.isMaskedArray(part) and np.ma.getmaskarray(part).any():
            return None  # a row without a geometry: the SQL read says what it is
        part = np.ma.getdata(part)
        if part.dtype.kind == "V" and part.dtype.itemsize == _WKB_POINT.itemsize:
            raw.append(part.tobytes())
        elif part.dtype.kind == "O" and all(isinstance(v, bytes) and len(v) == _WKB_POINT.itemsize for v in part):
            raw.append(b"".join(part.tolist()))
        else:
            return None
    records = np.frombuffer(b"".join(raw), dtype=_WKB_POINT)
    if not (np.all(records["order"] == 1) and np.all(records["wkb_type"] == 1)):
        return None
    return records["x"].astype(np.float64), records["y"].astype(np.float64)


def _times(parts: list) -> np.ndarray | None:
    """Epoch seconds, as ``CAST(strftime('%s', t) AS INTEGER)`` gives them; -1 for none."""
    if any(np.ma.isMaskedArray(p) and np.ma.getmaskarray(p).any() or np.asarray(p).dtype.kind != "f"
           for p in parts):
        return None
    days = np.concatenate([np.ma.getdata(p) for p in parts]).astype(np.float64)
    missing = days < 0
    milliseconds = np.rint(np.where(missing, 0.0, days) * _DAY_MS).astype(np.int64)
    epochs = (milliseconds - _EPOCH_JD_MS) // 1000
    epochs[missing] = -1
    return epochs


def _reals(parts: list) -> np.ndarray | None:
    if any(np.asarray(np.ma.getdata(p)).dtype.kind not in "fiu" for p in parts):
        return None
    return np.concatenate([np.ma.filled(np.ma.asarray(p).astype(np.float64), np.nan) for p in parts])


def _texts(parts: list) -> np.ndarray | None:
    """Text as str objects (None for NULL), each distinct value decoded once."""
    pieces = []
    for part in parts:
        mask = np.ma.getmaskarray(part) if np.ma.isMaskedArray(part) else None
        data = np.ma.getdata(part)
        if data.dtype.kind == "S":
            values = _decoded(data)
        elif data.dtype.kind == "O":
            values = _decoded_objects(data)
        else:
            return None
        if values is None:
            return None
        if mask is not None and mask.any():
            values[mask] = None
        pieces.append(values)
    return np.concatenate(pieces) if len(pieces) > 1 else pieces[0]


def _decoded(data: np.ndarray) -> np.ndarray | None:
    """Fixed-width bytes as str objects: the distinct values found in NumPy
    (a hash of each value's 8-byte words, checked value by value against the
    first of its kind), decoded once each and spread by index."""
    count, width = data.size, data.dtype.itemsize
    if count == 0 or width == 0:
        return np.full(count, "", dtype=object)
    words = -(-width // 8)
    padded = np.zeros(count, dtype=f"S{words * 8}")
    padded[:] = data
    matrix = padded.view("<u8").reshape(count, words)
    key = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for number in range(words):
            key = key * np.uint64(0x9E3779B97F4A7C15) + (matrix[:, number] ^ np.uint64(number + 1))
    # the distinct keys: those of a sample, then of the values the sample missed (codes repeat)
    known = np.unique(key[:: max(1, count // 4096)])
    inverse = np.minimum(np.searchsorted(known, key), known.size - 1)
    missed = known[inverse] != key
    if missed.any():
        known = np.union1d(known, key[missed])
        inverse = np.searchsorted(known, key)
    first = np.empty(known.size, dtype=np.int64)
    first[inverse[::-1]] = np.arange(count - 1, -1, -1)  # the last write wins: each key's first row
    if not np.array_equal(data[first][inverse], data):
        return _decoded_objects(data.astype(object))
    try:
        table = np.array([value.decode("utf-8") for value in data[first].tolist()] + [None], dtype=object)[:-1]
    except UnicodeDecodeError:
        return None
    return table[inverse]


def _decoded_objects(data: np.ndarray) -> np.ndarray | None:
    values = data.tolist()
    try:
        decoded = {v: (v.decode("utf-8") if isinstance(v, bytes) else v) for v in set(values)}
    except UnicodeDecodeError:
        return None
    if any(v is not None and not isinstance(v, str) for v in decoded.values()):
        return None
    result = np.empty(len(values), dtype=object)
    result[:] = [decoded[v] for v in values]
    return result
