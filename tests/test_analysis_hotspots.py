"""The hotspot core (core/domain/analysis): grids, Gi*, p-values, Benjamini–Hochberg
bins, the automatic parameters and the refusals, each checked against an
independent computation (plain loops, OGR, math.erfc, a worked example)."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest
from osgeo import ogr

from lagesbild.core.domain import demo
from lagesbild.core.domain.analysis import AnalysisError
from lagesbild.core.domain.analysis.autoscale import morans_i, nearest_neighbour_distances
from lagesbild.core.domain.analysis.fdr import bh_threshold, gi_bins
from lagesbild.core.domain.analysis.gistar import gi_star
from lagesbild.core.domain.analysis.grid import cell_of, make_grid, restrict_to_boundary
from lagesbild.core.domain.analysis.hotspots import hotspots, label
from lagesbild.core.domain.analysis.normal import erfc, two_sided_p

# an extent far from the origin, so that rounding in the centres is realistic
EXTENT = (619_013.0, 6_650_007.0, 619_130.0, 6_650_090.0)
CELL = 7.3


def polygon(points) -> ogr.Geometry:
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in list(points) + [points[0]]:
        ring.AddPoint_2D(float(x), float(y))
    result = ogr.Geometry(ogr.wkbPolygon)
    result.AddGeometry(ring)
    return result


def cell_polygon(grid, i) -> ogr.Geometry:
    return polygon([tuple(v) for v in grid.ring(i)[:-1]])


L_SHAPE = polygon(
    [
        (619_020, 6_650_010),
        (619_125, 6_650_015),
        (619_120, 6_650_045),
        (619_060, 6_650_050),
        (619_055, 6_650_085),
        (619_025, 6_650_080),
    ]
)


def reference_gi_star(counts, centres, band):
    """Gi* from an explicit n × n weights matrix, with plain loops."""
    n = len(counts)
    w = [[1.0 if math.dist(centres[i], centres[j]) <= band * (1 + 1e-9) else 0.0 for j in range(n)] for i in range(n)]
    mean = sum(counts) / n
    s = math.sqrt(sum(c * c for c in counts) / n - mean * mean)
    z = []
    for i in range(n):
        wx = sum(w[i][j] * counts[j] for j in range(n))
        w1 = sum(w[i])
        w2 = sum(v * v for v in w[i])
        z.append((wx - mean * w1) / (s * math.sqrt((n * w2 - w1 * w1) / (n - 1))))
    return z


def reference_moran(counts, centres, band):
    """Global Moran's I and its z under randomisation (Cliff & Ord), plain loops."""
    n = len(counts)
    mean = sum(counts) / n
    d = [c - mean for c in counts]
    w = [
        [1.0 if i != j and math.dist(centres[i], centres[j]) <= band * (1 + 1e-9) else 0.0 for j in range(n)]
        for i in range(n)
    ]
    s0 = sum(map(sum, w))
    s1 = 0.5 * sum((w[i][j] + w[j][i]) ** 2 for i in range(n) for j in range(n))
    s2 = sum((sum(w[i]) + sum(w[j][i] for j in range(n))) ** 2 for i in range(n))
    m2 = sum(v * v for v in d)
    moran = n / s0 * sum(w[i][j] * d[i] * d[j] for i in range(n) for j in range(n)) / m2
    b2 = n * sum(v**4 for v in d) / m2**2
    expected = -1 / (n - 1)
    second = (
        n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0) - b2 * ((n * n - n) * s1 - 2 * n * s2 + 6 * s0 * s0)
    ) / ((n - 1) * (n - 2) * (n - 3) * s0 * s0)
    return moran, (moran - expected) / math.sqrt(second - expected**2)


# bands that put lattice neighbours exactly on the band: 2 and √5 sides for
# squares, √3 and 2 spacings (the second and third rings) for hexagons
@pytest.mark.parametrize(
    "shape, band",
    [
        ("square", CELL),
        ("square", 2 * CELL),
        ("square", math.sqrt(5) * CELL),
        ("square", 2.9 * CELL),
        ("hexagon", CELL),
        ("hexagon", math.sqrt(3) * CELL),
        ("hexagon", 2 * CELL),
        ("hexagon", 3.4 * CELL),
    ],
)
@pytest.mark.parametrize("bounded", [False, True])
def test_gi_star_equals_an_explicit_weights_matrix(shape, band, bounded):
    grid = make_grid(shape, EXTENT, CELL)
    if bounded:
        grid = restrict_to_boundary(grid, L_SHAPE)
    counts = np.random.default_rng(7).poisson(1.5, len(grid))
    counts[: len(grid) // 9] += 6  # a cluster
    z, p = gi_star(counts, grid, band)
    expected = reference_gi_star(counts.tolist(), grid.centres.tolist(), band)
    assert 80 < len(grid) < 300
    np.testing.assert_allclose(z, expected, rtol=0, atol=1e-9)
    np.testing.assert_allclose(p, [math.erfc(abs(v) / math.sqrt(2)) for v in expected], rtol=1e-9)


@pytest.mark.parametrize("shape", ["square", "hexagon"])
def test_morans_i_equals_the_randomisation_formula(shape):
    grid = restrict_to_boundary(make_grid(shape, EXTENT, CELL), L_SHAPE)
    counts = np.random.default_rng(3).poisson(2.0, len(grid))
    counts[:20] += 5
    for band in (CELL, 2 * CELL, 3.5 * CELL):
        moran, z = morans_i(counts, grid, band)
        expected_moran, expected_z = reference_moran(counts.tolist(), grid.centres.tolist(), band)
        assert moran == pytest.approx(expected_moran, abs=1e-10)
        assert z == pytest.approx(expected_z, abs=1e-9)


def test_two_sided_p_and_erfc_agree_with_math_erfc():
    # up to 26.5, where erfc ≈ 1e-307: beyond, the results are subnormal numbers with fewer digits
    values = np.concatenate([np.linspace(-7, 26.5, 67_001), [1.999999999, 2.0, 2.000000001, 0.0, -0.0]])
    expected = np.array([math.erfc(v) for v in values])
    assert np.max(np.abs(erfc(values) - expected) / expected) <= 1e-12
    z = np.concatenate([np.linspace(-9, 9, 36_001), [8.0, -8.0, 20.0, 37.0]])
    expected = np.array([math.erfc(abs(v) / math.sqrt(2)) for v in z])
    assert np.max(np.abs(two_sided_p(z) - expected) / expected) <= 1e-12
    assert two_sided_p(np.array([0.0]))[0] == 1.0
    assert two_sided_p(np.array([1.959963984540054]))[0] == pytest.approx(0.05, rel=1e-12)


def test_benjamini_hochberg_bins_on_a_worked_example():
    # n = 10; the p-values sorted, with k·α/n at each level:
    #   k       1     2     3     4     5     6     7     8     9     10
    #   p(k)  .001  .008  .039  .041  .042  .060  .074  .205  .212  .216
    #   α=.10 .010  .020  .030  .040  .050  .060  .070  .080  .090  .100
    #   α=.05 .005  .010  .015  .020  .025  .030  .035  .040  .045  .050
    #   α=.01 .001  .002  .003  .004  .005  .006  .007  .008  .009  .010
    # α = .10: p(k) ≤ kα/n for k = 1, 2, 5, 6 (at k = 6 exactly); largest k = 6: threshold .060
    #          (.039 and .041 fail their own k but pass through the threshold)
    # α = .05: k = 1, 2 pass; threshold .008
    # α = .01: k = 1 passes (exactly); threshold .001
    # levels passed: .001 → 3; .008 → 2; .039 .041 .042 .060 → 1; the rest → 0; bin = sign(z) × levels
    p = np.array([0.060, 0.216, 0.001, 0.041, 0.205, 0.008, 0.039, 0.074, 0.042, 0.212])
    z = np.array([1.9, -1.2, -3.3, 2.0, 1.3, 2.6, -2.1, 1.8, 2.0, -1.3])
    assert bh_threshold(p, 0.10) == 0.060
    assert bh_threshold(p, 0.05) == 0.008
    assert bh_threshold(p, 0.01) == 0.001
    assert gi_bins(z, p).tolist() == [1, 0, -3, 1, 0, 2, -1, 0, 1, 0]
    assert bh_threshold(np.array([0.5, 0.9]), 0.10) == 0.0
    assert gi_bins(np.array([2.0, -2.0]), np.array([0.5, 0.9])).tolist() == [0, 0]


def test_labels():
    assert label(3) == "Hot spot, 99 % confidence"
    assert label(-1) == "Cold spot, 90 % confidence"
    assert label(2) == "Hot spot, 95 % confidence"
    assert label(0) == "Not significant"


@pytest.mark.parametrize("shape", ["square", "hexagon"])
def test_every_point_lies_in_the_ring_of_its_cell(shape):
    grid = make_grid(shape, EXTENT, CELL)
    rng = np.random.default_rng(11)
    x = rng.uniform(EXTENT[0], EXTENT[2], 2_000)
    y = rng.uniform(EXTENT[1], EXTENT[3], 2_000)
    cells = cell_of(grid, x, y)
    assert np.all(cells >= 0)  # the grid covers the extent
    for i in range(0, 2_000, 4):
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(float(x[i]), float(y[i]))
        assert cell_polygon(grid, cells[i]).Intersects(point)
        assert math.dist((x[i], y[i]), grid.centres[cells[i]]) <= grid.circumradius * (1 + 1e-12)
    far = cell_of(grid, np.array([EXTENT[0] - 10 * CELL]), np.array([EXTENT[1]]))
    assert far.tolist() == [-1]


@pytest.mark.parametrize("shape", ["square", "hexagon"])
def test_ring_areas_and_neighbour_distances(shape):
    grid = make_grid(shape, EXTENT, CELL)
    expected_area = CELL**2 if shape == "square" else math.sqrt(3) / 2 * CELL**2
    rings = grid.rings()
    x, y = rings[..., 0] - grid.centres[:, None, 0], rings[..., 1] - grid.centres[:, None, 1]
    shoelace = 0.5 * np.sum(x[:, :-1] * y[:, 1:] - x[:, 1:] * y[:, :-1], axis=1)
    np.testing.assert_allclose(shoelace, expected_area, rtol=1e-9)  # vertices near 6.65e6: ~1e-10
    for i in (0, len(grid) // 2):
        assert cell_polygon(grid, i).GetArea() == pytest.approx(expected_area, rel=1e-9)
    steps = [(1, 0), (0, 1)] if shape == "square" else [(1, 0), (0, 1), (-1, 1)]
    for step in steps:
        neighbours = grid.index_of(grid.lattice + np.array(step))
        has = neighbours >= 0
        distances = np.hypot(*(grid.centres[neighbours[has]] - grid.centres[has]).T)
        np.testing.assert_allclose(distances, CELL, rtol=1e-9)
    if shape == "hexagon":  # neighbours share a whole side: their rings touch along it
        a, b = 0, grid.index_of(grid.lattice[:1] + np.array([1, 0]))[0]
        shared = cell_polygon(grid, a).Intersection(cell_polygon(grid, b))
        assert shared.Length() == pytest.approx(CELL / math.sqrt(3), rel=1e-9)


@pytest.mark.parametrize("shape", ["square", "hexagon"])
def test_restrict_to_boundary_keeps_exactly_the_cells_ogr_says_intersect(shape):
    grid = make_grid(shape, (0.0, 0.0, 100.0, 100.0), 10.0)
    # a triangle whose tip clips one cell's corner region, and a square that only
    # touches the corner point (30, 30) of a square cell
    boundary = ogr.Geometry(ogr.wkbMultiPolygon)
    boundary.AddGeometry(polygon([(52, 52), (97, 53), (81.5, 86.5)]))
    boundary.AddGeometry(polygon([(12, 12), (30, 12), (30, 30), (12, 30)]))
    kept = restrict_to_boundary(grid, boundary)
    expected = [i for i in range(len(grid)) if boundary.Intersects(cell_polygon(grid, i))]
    assert kept.lattice.tolist() == grid.lattice[expected].tolist()
    assert 0 < len(kept) < len(grid)
    if shape == "square":
        corner_only = grid.index_of(np.array([[3, 3]]))[0]  # (30..40)²: touches (30, 30) only
        assert boundary.Intersects(cell_polygon(grid, corner_only))
        assert [3, 3] in kept.lattice.tolist()
        clipped = grid.index_of(np.array([[9, 5]]))[0]  # (90..100, 50..60): the triangle's corner at (97, 53)
        assert [9, 5] in kept.lattice.tolist() and not boundary.Contains(cell_polygon(grid, clipped))
        assert [0, 9] not in kept.lattice.tolist()  # far corner, wholly outside


def vandalism():
    data = demo.generate(20_000, 1, date(2026, 6, 15))
    chosen = data.incidents["category"] == "vandalism"
    return data.incidents["x"][chosen], data.incidents["y"][chosen]


@pytest.mark.parametrize("shape", ["square", "hexagon"])
def test_automatic_parameters_find_the_planted_hotspots(shape):
    x, y = vandalism()
    result = hotspots(x, y, shape, scale="automatic")
    again = hotspots(x, y, shape, scale="automatic")
    assert (again.cell_size, again.band, again.band_rule) == (result.cell_size, result.band, result.band_rule)
    assert np.array_equal(again.bins, result.bins) and np.array_equal(again.z, result.z)
    assert 10 < result.cell_size < 200 and result.cell_size < result.band < 1_500
    for name in ("school", "station"):
        landmark = np.array([[demo.LANDMARKS[name][0]], [demo.LANDMARKS[name][1]]])
        assert result.bins[cell_of(result.grid, *landmark)[0]] == 3, name
    # far from every cluster: the town's corners and edges are not hot
    for corner in [(616_050, 6_647_050), (623_950, 6_647_050), (616_050, 6_652_950), (623_950, 6_652_950)]:
        cell = cell_of(result.grid, np.array([corner[0]]), np.array([corner[1]]))[0]
        if cell >= 0:
            assert result.bins[cell] <= 0
    assert label(3) in {label(b) for b in result.bins}


def test_hotspots_with_a_boundary_analyses_only_the_cells_that_meet_it():
    x, y = vandalism()
    centre = polygon(demo.DISTRICT_RINGS["Centrum"])
    result = hotspots(x, y, "hexagon", cell_size=60.0, band=250.0, boundary=centre)
    assert result.band_rule == "given" and result.cell_size == 60.0
    for i in range(0, len(result.grid), 37):
        assert centre.Intersects(cell_polygon(result.grid, i))
    inside = np.array([centre.Contains(ogr.CreateGeometryFromWkt(f"POINT ({a} {b})")) for a, b in zip(x, y)])
    assert result.counts.sum() >= inside.sum()


def test_nearest_neighbour_distances_equal_brute_force():
    rng = np.random.default_rng(5)
    x = np.concatenate([rng.normal(0, 50, 400), [0.5, 0.5, 5_000.0]])
    y = np.concatenate([rng.normal(0, 50, 400), [0.25, 0.25, -3_000.0]])  # a coincident pair, an outlier
    d = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])
    d[d == 0] = np.inf
    order = np.lexsort((y, x))
    np.testing.assert_allclose(nearest_neighbour_distances(x, y), d.min(axis=1)[order], rtol=1e-12)
    sampled = nearest_neighbour_distances(x, y, sample=50)
    picks = order[np.linspace(0, x.size - 1, 50).round().astype(np.int64)]
    np.testing.assert_allclose(sampled, d.min(axis=1)[picks], rtol=1e-12)


def test_refusals_say_what_to_do():
    x, y = vandalism()
    with pytest.raises(AnalysisError, match="at least 30 incidents, but 29 were given: choose a longer period"):
        hotspots(x[:29], y[:29])
    with pytest.raises(AnalysisError, match="the boundary is empty: choose a boundary layer with polygons"):
        hotspots(x, y, boundary=ogr.Geometry(ogr.wkbMultiPolygon))
    far_away = polygon([(0, 0), (1_000, 0), (1_000, 1_000), (0, 1_000)])
    with pytest.raises(AnalysisError, match="none of the 4367 incidents lies in a cell of the boundary"):
        hotspots(x, y, cell_size=100.0, band=300.0, boundary=far_away)
    # one incident at the centre of each of the 6 × 5 cells: every count is 1
    gx, gy = np.meshgrid(5.0 + 10 * np.arange(6), 5.0 + 10 * np.arange(5))
    with pytest.raises(AnalysisError, match=r"all 30 cells have the same count \(1\), so there is no hot or cold"):
        hotspots(gx.ravel(), gy.ravel(), cell_size=10.0, band=20.0, extent=(0.0, 0.0, 59.0, 49.0))
    with pytest.raises(AnalysisError, match="a cell size of 0.5 m .* gives .* cells .* choose a cell size of at least"):
        hotspots(x, y, cell_size=0.5, band=2.0)


def test_bands_reaching_beyond_a_small_grid():
    """A narrow strip of few incidents: the automatic band tries bands wider
    than the grid is tall, which must count no pairs there, not fail."""
    rng = np.random.default_rng(11)
    x = 620_000 + rng.uniform(0, 3_000, 69)
    y = 6_650_000 + rng.uniform(0, 60, 69)
    x[:20] = 620_100 + rng.uniform(0, 20, 20)  # a cluster, so the counts differ
    result = hotspots(x, y, scale="automatic")
    assert result.band > 0 and len(result.grid) == result.counts.size
    assert int(result.counts.sum()) == 69
