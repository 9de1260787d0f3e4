"""Geometries for the domain: user input turned into checked OGR points and
polygons, and point-in-polygon tests over NumPy arrays, with GDAL/OGR (which
ships with QGIS). How a backend stores a geometry is its own codec's job
(``store/backends/gpkg/codec.py`` for a GeoPackage).

User input may be an ``(x, y)`` pair, WKT, WKB, an OGR geometry or anything
with ``asWkb()`` (a ``QgsGeometry``), so that core/ needs no QGIS GUI."""

from __future__ import annotations

import numpy as np
from osgeo import ogr

ogr.UseExceptions()


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
