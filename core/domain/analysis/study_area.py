"""The study area of a hotspot analysis: the ground the incidents are compared over.

Gi* compares each cell's neighbourhood with the mean of all analysed cells, so
the cells analysed decide what "more than elsewhere" means. A grid over the
incidents' bounding box, or over a whole municipality, adds empty countryside
and makes a whole settlement "hot". By default the study area is therefore the
incidents' convex hull buffered by ``BUFFER_CELLS`` cells (so the cells at the
edge of the settlement still have neighbours around them); a boundary given by
the user replaces it.
"""

from __future__ import annotations

import numpy as np
from osgeo import ogr

BUFFER_CELLS = 3
# OGR's default of 30 segments per quarter circle gives a buffer with hundreds of
# edges; eight is within 2 % of the radius, well under a cell
_QUADRANT_SEGMENTS = 8


def convex_hull(x: np.ndarray, y: np.ndarray) -> ogr.Geometry:
    """The convex hull of the points, by GEOS, from one multipoint built as WKB
    (a point, or a line, when they are all at one place or on one line)."""
    points = np.unique(np.column_stack([np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)]), axis=0)
    record = np.dtype([("order", "u1"), ("kind", "<u4"), ("xy", "<f8", (2,))])
    body = np.empty(len(points), dtype=record)
    body["order"], body["kind"], body["xy"] = 1, ogr.wkbPoint, points
    header = np.array([(1, ogr.wkbMultiPoint, len(points))], dtype=[("order", "u1"), ("kind", "<u4"), ("n", "<u4")])
    multipoint = ogr.CreateGeometryFromWkb(header.tobytes() + body.tobytes())
    return multipoint.ConvexHull()


def default_study_area(
    x: np.ndarray, y: np.ndarray, cell_size: float, hull: ogr.Geometry | None = None
) -> ogr.Geometry:
    """The incidents' convex hull buffered by ``BUFFER_CELLS`` cells. ``hull``:
    the points' convex hull when the caller has it already (it takes a sort
    of all the points, about 0.3 s at a million)."""
    hull = convex_hull(x, y) if hull is None else hull
    return hull.Buffer(BUFFER_CELLS * float(cell_size), _QUADRANT_SEGMENTS)


def envelope(geometry: ogr.Geometry) -> tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax) of an OGR geometry."""
    min_x, max_x, min_y, max_y = geometry.GetEnvelope()
    return min_x, min_y, max_x, max_y
