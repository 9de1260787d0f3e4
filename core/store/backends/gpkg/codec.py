"""The GeoPackage codecs: geometries as GeoPackage binary blobs (points
encoded and decoded many at a time, in NumPy) and times as the UTC text a
GeoPackage DATETIME holds. Only the GeoPackage backend uses them."""

from __future__ import annotations

import struct
from datetime import datetime

import numpy as np
from osgeo import ogr

from ....domain.timeutil import format_utc, parse_utc, sql_bound

ogr.UseExceptions()

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_POINT_BLOB = np.dtype(
    [("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"),
     ("order", "u1"), ("wkb_type", "<u4"), ("x", "<f8"), ("y", "<f8")]
)


class GeometryError(ValueError):
    """A value that is not a GeoPackage geometry."""


def encode_points(x: np.ndarray, y: np.ndarray, srs_id: int) -> list[bytes]:
    """GeoPackage blobs (little endian, no envelope) for many points at once."""
    count = len(x)
    records = np.empty(count, dtype=_POINT_BLOB)
    records["magic"] = b"GP"
    records["version"] = 0
    records["flags"] = 0x01
    records["srs_id"] = srs_id
    records["order"] = 1
    records["wkb_type"] = ogr.wkbPoint
    records["x"] = x
    records["y"] = y
    raw = records.tobytes()
    size = _POINT_BLOB.itemsize
    return [raw[i : i + size] for i in range(0, count * size, size)]


def encode(geometry: ogr.Geometry, srs_id: int) -> bytes:
    """A GeoPackage blob; non-point geometries carry their envelope."""
    wkb = bytes(geometry.ExportToIsoWkb(ogr.wkbNDR))
    if ogr.GT_Flatten(geometry.GetGeometryType()) == ogr.wkbPoint:
        return b"GP\x00\x01" + struct.pack("<i", srs_id) + wkb
    min_x, max_x, min_y, max_y = geometry.GetEnvelope()
    return b"GP\x00\x03" + struct.pack("<i4d", srs_id, min_x, max_x, min_y, max_y) + wkb


def _header(blob: bytes) -> tuple[int, int]:
    """(flags, offset of the WKB) of a GeoPackage blob."""
    if len(blob) < 8 or blob[:2] != b"GP":
        raise GeometryError("not a GeoPackage geometry")
    flags = blob[3]
    return flags, 8 + _ENVELOPE_BYTES[(flags >> 1) & 0x07]


def decode(blob: bytes) -> ogr.Geometry:
    _, offset = _header(blob)
    return ogr.CreateGeometryFromWkb(bytes(blob[offset:]))


def _point_from_blob(blob: bytes) -> tuple[float, float]:
    flags, offset = _header(blob)
    if flags & 0x10:
        return float("nan"), float("nan")
    order = "<" if blob[offset] == 1 else ">"
    return struct.unpack_from(order + "2d", blob, offset + 5)


def decode_points(blobs: list) -> tuple[np.ndarray, np.ndarray]:
    """x and y arrays of many point blobs; vectorised for the common form."""
    count = len(blobs)
    if count == 0:
        return np.zeros(0), np.zeros(0)
    size = _POINT_BLOB.itemsize
    if all(b is not None and len(b) == size for b in blobs):
        records = np.frombuffer(b"".join(blobs), dtype=_POINT_BLOB)
        if np.all(records["flags"] == 0x01) and np.all(records["order"] == 1):
            return records["x"].astype(np.float64), records["y"].astype(np.float64)
    pairs = [(float("nan"), float("nan")) if b is None else _point_from_blob(b) for b in blobs]
    coords = np.asarray(pairs, dtype=np.float64).reshape(count, 2)
    return coords[:, 0], coords[:, 1]


def blob_envelope(blob) -> tuple[float, float, float, float] | None:
    """(min_x, max_x, min_y, max_y) of a blob, or None when empty or NULL."""
    if blob is None:
        return None
    blob = bytes(blob)
    flags, offset = _header(blob)
    if flags & 0x10:
        return None
    if offset > 8:
        return struct.unpack_from("<4d" if flags & 0x01 else ">4d", blob, 8)
    wkb_type = struct.unpack_from("<I" if blob[offset] == 1 else ">I", blob, offset + 1)[0]
    if (wkb_type & 0x0FFFFFFF) % 1000 == ogr.wkbPoint:  # ISO Z/M or EWKB flags
        x, y = _point_from_blob(blob)
        return x, x, y, y
    return decode(blob).GetEnvelope()


# --- times ------------------------------------------------------------------

def encode_time(moment: datetime | None) -> str | None:
    """The stored form of an aware time: UTC text with milliseconds and Z."""
    return None if moment is None else format_utc(moment)


def decode_time(value) -> datetime | None:
    return parse_utc(value)


def time_bound(moment: datetime) -> str:
    """A period bound that compares right, as text, with every stored form."""
    return sql_bound(moment)


def encode_epochs(epochs: np.ndarray) -> np.ndarray:
    """UTC epoch seconds as stored time text; -1 becomes None."""
    text = np.char.add(np.datetime_as_string(epochs.astype("datetime64[s]"), unit="ms"), "Z").astype(object)
    text[epochs < 0] = None
    return text
