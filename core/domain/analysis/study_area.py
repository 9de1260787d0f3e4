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
    (a point, or a line, when they are all at one place or on one line). Only
    the points that can be corners of the hull are handed over
    (``hull_candidates``): at a million incidents, sorting them all for
    ``unique`` and copying them into GEOS took about a second."""
    points = np.column_stack([np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)])
    points = np.unique(hull_candidates(points), axis=0)
    record = np.dtype([("order", "u1"), ("kind", "<u4"), ("xy", "<f8", (2,))])
    body = np.empty(len(points), dtype=record)
    body["order"], body["kind"], body["xy"] = 1, ogr.wkbPoint, points
    header = np.array([(1, ogr.wkbMultiPoint, len(points))], dtype=[("order", "u1"), ("kind", "<u4"), ("n", "<u4")])
    multipoint = ogr.CreateGeometryFromWkb(header.tobytes() + body.tobytes())
    return multipoint.ConvexHull()


def hull_candidates(points: np.ndarray) -> np.ndarray:
    """The points that can be corners of their convex hull: all but those
    strictly inside the polygon of the extreme points in eight directions
    (Akl and Toussaint's filter), which lies inside the hull. A point counts
    as inside only when it is clear of every edge by more than the rounding
    of the test, so the hull of the candidates is the hull of all."""
    if len(points) < 64:
        return points
    x, y = points[:, 0], points[:, 1]
    # west, south-west, south, south-east, east, north-east, north, north-west: anticlockwise
    order = [x.argmin(), (x + y).argmin(), y.argmin(), (x - y).argmax(), x.argmax(), (x + y).argmax(), y.argmax(),
             (x - y).argmin()]
    corners = [order[0]]
    for index in order[1:]:
        if not np.array_equal(points[index], points[corners[-1]]):
            corners.append(index)
    while len(corners) > 1 and np.array_equal(points[corners[-1]], points[corners[0]]):
        corners.pop()
    if len(corners) < 3:
        return points  # on one line or at one place: nothing is inside
    inside = np.ones(len(points), dtype=bool)
    polygon = points[corners]
    for (ax, ay), (bx, by) in zip(polygon, np.roll(polygon, -1, axis=0)):
        dx, dy = bx - ax, by - ay
        px, py = x - ax, y - ay
        cross = dx * py - dy * px  # > 0: left of the edge a→b, inside an anticlockwise polygon
        margin = 8 * np.finfo(np.float64).eps * (abs(dx) * np.abs(py) + abs(dy) * np.abs(px))
        inside &= cross > margin
    return points[~inside]


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
