"""Geometries for the store: GeoPackage binary encoding, point decoding into
NumPy, and point-in-polygon tests, with GDAL/OGR (which ships with QGIS).

User input may be an ``(x, y)`` pair, WKT, WKB, an OGR geometry or anything
with ``asWkb()`` (a ``QgsGeometry``), so that core/ needs no QGIS GUI."""

from __future__ import annotations

import struct

import numpy as np
from osgeo import ogr

ogr.UseExceptions()

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_POINT_BLOB = np.dtype(
    [("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"),
     ("order", "u1"), ("wkb_type", "<u4"), ("x", "<f8"), ("y", "<f8")]
)


class GeometryError(ValueError):
    """Input that is not a geometry of the kind asked for."""


def to_ogr(value) -> ogr.Geometry:
    """An OGR geometry from a pair, WKT, WKB, OGR or QGIS geometry."""
    if value is None:
        raise GeometryError("no geometry")
    if isinstance(value, ogr.Geometry):
        return value.Clone()
    if hasattr(value, "asWkb"):  # QgsGeometry
        value = bytes(value.asWkb())
    elif hasattr(value, "x") and hasattr(value, "y") and callable(value.x):  # QgsPointXY
        value = (value.x(), value.y())
    try:
        if isinstance(value, (bytes, bytearray, memoryview)):
            geometry = ogr.CreateGeometryFromWkb(bytes(value))
        elif isinstance(value, str):
            geometry = ogr.CreateGeometryFromWkt(value)
        else:
            x, y = (float(v) for v in value)
            geometry = ogr.Geometry(ogr.wkbPoint)
            geometry.AddPoint_2D(x, y)
    except (RuntimeError, TypeError, ValueError) as error:
        raise GeometryError(f"not a geometry: {error}") from error
    if geometry is None:
        raise GeometryError("not a geometry")
    return geometry


def point_xy(value) -> tuple[float, float]:
    """The coordinates of a point; GeometryError for anything else."""
    geometry = to_ogr(value)
    if ogr.GT_Flatten(geometry.GetGeometryType()) != ogr.wkbPoint or geometry.IsEmpty():
        raise GeometryError("not a point")
    x, y = geometry.GetX(), geometry.GetY()
    if not (np.isfinite(x) and np.isfinite(y)):
        raise GeometryError("not a point")
    return x, y


def multipolygon(value) -> ogr.Geometry:
    """A valid non-empty multipolygon from a polygon or multipolygon."""
    geometry = to_ogr(value)
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if kind == ogr.wkbPolygon:
        geometry = ogr.ForceToMultiPolygon(geometry)
    elif kind != ogr.wkbMultiPolygon:
        raise GeometryError("not a polygon")
    geometry.FlattenTo2D()
    if geometry.IsEmpty():
        raise GeometryError("empty polygon")
    if not geometry.IsValid():
        raise GeometryError("invalid polygon (self-intersecting or unclosed)")
    return geometry


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


def polygon_rings(geometry: ogr.Geometry) -> list[list[np.ndarray]]:
    """Each polygon of a (multi)polygon as a list of rings, each an (n, 2) array."""
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    polygons = [geometry] if kind == ogr.wkbPolygon else [
        geometry.GetGeometryRef(i) for i in range(geometry.GetGeometryCount())
    ]
    return [
        [np.asarray(polygon.GetGeometryRef(r).GetPoints(), dtype=np.float64)[:, :2]
         for r in range(polygon.GetGeometryCount())]
        for polygon in polygons
    ]


def points_in_polygon(x: np.ndarray, y: np.ndarray, geometry: ogr.Geometry) -> np.ndarray:
    """Whether each point lies inside the (multi)polygon: even-odd ray casting,
    vectorised over the points, with a loop over the polygon's edges only."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    inside_any = np.zeros(x.shape, dtype=bool)
    min_x, max_x, min_y, max_y = geometry.GetEnvelope()
    candidates = np.nonzero((x >= min_x) & (x <= max_x) & (y >= min_y) & (y <= max_y))[0]
    if candidates.size == 0:
        return inside_any
    cx, cy = x[candidates], y[candidates]
    for rings in polygon_rings(geometry):
        inside = np.zeros(candidates.shape, dtype=bool)
        for ring in rings:
            x1, y1 = ring[:-1, 0], ring[:-1, 1]
            x2, y2 = ring[1:, 0], ring[1:, 1]
            for ax, ay, bx, by in zip(x1, y1, x2, y2):
                if ay == by:
                    continue
                crosses = (ay > cy) != (by > cy)
                x_cross = ax + (cy - ay) * (bx - ax) / (by - ay)
                inside ^= crosses & (cx < x_cross)
        inside_any[candidates] |= inside
    return inside_any
