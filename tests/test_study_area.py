"""The incidents' convex hull (the default study area of hot spots) is the
hull GEOS makes of every point, to the last bit, although only the points
that can be its corners are handed to GEOS."""

import numpy as np
import pytest
from osgeo import ogr

from lagesbild.core.domain.analysis.study_area import convex_hull, hull_candidates


def every_point_hull(x, y):
    """GEOS's hull of a multipoint of every point, built point by point."""
    multipoint = ogr.Geometry(ogr.wkbMultiPoint)
    for a, b in zip(x.tolist(), y.tolist()):
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(a, b)
        multipoint.AddGeometry(point)
    return multipoint.ConvexHull()


def point_sets():
    rng = np.random.default_rng(7)
    grid_x, grid_y = np.meshgrid(np.arange(0, 300.0, 3) + 660_000, np.arange(0, 200.0, 2) + 6_600_000)
    angles = np.linspace(0, 2 * np.pi, 500, endpoint=False)
    return {
        "a town": (rng.normal(616_000, 900, 20_000), rng.normal(6_648_000, 400, 20_000)),
        "a lattice, many corners on one edge": (grid_x.ravel(), grid_y.ravel()),
        "every point a corner": (np.cos(angles) * 1000 + 500_000, np.sin(angles) * 1000 + 6_000_000),
        "one street": (np.arange(1000.0) + 600_000, np.arange(1000.0) * 2 + 6_500_000),
        "one place": (np.full(100, 616_000.5), np.full(100, 6_648_000.25)),
        "a square, rounded to decimetres": (rng.uniform(0, 1e4, 50_000).round(1), rng.uniform(0, 1e4, 50_000).round(1)),
        "a few": (rng.normal(0, 10, 5), rng.normal(0, 10, 5)),
    }


@pytest.mark.parametrize("name", list(point_sets()))
def test_the_hull_is_geos_hull_of_every_point(name):
    x, y = point_sets()[name]
    hull, reference = convex_hull(x, y), every_point_hull(x, y)
    assert hull.ExportToIsoWkb(ogr.wkbNDR) == reference.ExportToIsoWkb(ogr.wkbNDR)


def test_the_points_well_inside_are_left_out():
    x, y = point_sets()["a town"]
    candidates = hull_candidates(np.column_stack([x, y]))
    assert 8 <= len(candidates) < len(x) / 100
    hull = every_point_hull(x, y)  # held: its ring lives only as long as it does
    corners = hull.GetGeometryRef(0).GetPoints()
    assert set(corners) <= set(map(tuple, candidates.tolist()))
