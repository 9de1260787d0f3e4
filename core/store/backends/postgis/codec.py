"""The PostGIS codecs: geometries as EWKB (points encoded and decoded many at
a time, in NumPy; PostGIS casts the bytes to its geometry, and hands a
geometry back as hex EWKB text), times as ``timestamptz`` (aware datetimes in
UTC)."""

from __future__ import annotations

import struct
from datetime import datetime, timezone

import numpy as np
from osgeo import ogr

ogr.UseExceptions()

_SRID_FLAG = 0x20000000
_EWKB_POINT = np.dtype([("order", "u1"), ("type", "<u4"), ("srid", "<u4"), ("x", "<f8"), ("y", "<f8")])
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


class GeometryError(ValueError):
    """A value that is not an EWKB geometry."""


def encode_points(x: np.ndarray, y: np.ndarray, srid: int) -> list[bytes]:
    """EWKB (little endian, with SRID) for many points at once."""
    count = len(x)
    records = np.empty(count, dtype=_EWKB_POINT)
    records["order"] = 1
    records["type"] = ogr.wkbPoint | _SRID_FLAG
    records["srid"] = srid
    records["x"] = x
    records["y"] = y
    raw = records.tobytes()
    size = _EWKB_POINT.itemsize
    return [raw[i: i + size] for i in range(0, count * size, size)]


def encode(geometry: ogr.Geometry, srid: int) -> bytes:
    """An OGR geometry (2D) as EWKB with its SRID."""
    wkb = bytes(geometry.ExportToWkb(ogr.wkbNDR))
    kind = struct.unpack_from("<I", wkb, 1)[0]
    return wkb[:1] + struct.pack("<II", kind | _SRID_FLAG, srid) + wkb[5:]


def _wkb(value) -> bytes:
    """ISO/OGC WKB of a stored geometry (hex EWKB text or bytes): the SRID dropped."""
    raw = bytes.fromhex(value) if isinstance(value, str) else bytes(value)
    if len(raw) < 5:
        raise GeometryError("not an EWKB geometry")
    order = "<" if raw[0] == 1 else ">"
    kind = struct.unpack_from(order + "I", raw, 1)[0]
    if not kind & _SRID_FLAG:
        return raw
    return raw[:1] + struct.pack(order + "I", kind & ~_SRID_FLAG) + raw[9:]


def decode(value) -> ogr.Geometry:
    return ogr.CreateGeometryFromWkb(_wkb(value))


def decode_points(values: list) -> tuple[np.ndarray, np.ndarray]:
    """x and y arrays of many stored points; vectorised for the common form."""
    count = len(values)
    if count == 0:
        return np.zeros(0), np.zeros(0)
    size = _EWKB_POINT.itemsize
    if count == 1 and isinstance(values[0], str) and len(values[0]) == 2 * size and values[0].startswith("01"):
        # one incident (every save reads one back): struct, not NumPy's per-call overhead
        kind, _, x, y = struct.unpack("<IIdd", bytes.fromhex(values[0][2:]))
        if kind == ogr.wkbPoint | _SRID_FLAG:
            return np.array([x]), np.array([y])
    if all(isinstance(v, str) and len(v) == 2 * size for v in values):
        records = np.frombuffer(bytes.fromhex("".join(values)), dtype=_EWKB_POINT)
        if np.all(records["order"] == 1) and np.all(records["type"] == (ogr.wkbPoint | _SRID_FLAG)):
            return records["x"].astype(np.float64), records["y"].astype(np.float64)
    coords = []
    for value in values:
        if value is None:
            coords.append((np.nan, np.nan))
            continue
        point = decode(value)
        coords.append((point.GetX(), point.GetY()) if not point.IsEmpty() else (np.nan, np.nan))
    pairs = np.asarray(coords, dtype=np.float64).reshape(count, 2)
    return pairs[:, 0], pairs[:, 1]


# --- times ------------------------------------------------------------------

def encode_time(moment: datetime | None) -> datetime | None:
    """An aware time, as ``timestamptz`` takes it (a naive one is refused
    earlier, by validation)."""
    return None if moment is None else moment.astimezone(timezone.utc)


def decode_time(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.astimezone(timezone.utc)


def time_bound(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)


def encode_epochs(epochs: np.ndarray) -> np.ndarray:
    """UTC epoch seconds as aware datetimes; -1 becomes None."""
    epochs = np.asarray(epochs, dtype=np.int64)
    result = np.empty(epochs.size, dtype=object)
    for index, value in enumerate(epochs.tolist()):
        result[index] = None if value < 0 else datetime.fromtimestamp(value, timezone.utc)
    return result
