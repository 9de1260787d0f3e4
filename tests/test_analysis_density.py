"""The quartic kernel density surface, checked against the analytic kernel,
against a plain computation at every pixel, and for the incident count it
must hold."""

import math

import numpy as np
import pytest

from lagesbild.core.domain.analysis import AnalysisError
from lagesbild.core.domain.analysis.density import auto_pixel_size, auto_radius, kernel_density

KM2 = 1e6


def quartic(distance, radius):
    """Silverman's quartic kernel, integrating to 1 over the plane (per m²)."""
    share = np.asarray(distance, dtype=float) ** 2 / radius**2
    return np.where(share < 1, 3 / (math.pi * radius**2) * (1 - share) ** 2, 0.0)


def clustered(n_cluster=600, n_background=1400, seed=1):
    rng = np.random.default_rng(seed)
    x = np.concatenate([rng.normal(6200, 60, n_cluster), rng.uniform(0, 10000, n_background)])
    y = np.concatenate([rng.normal(3100, 60, n_cluster), rng.uniform(0, 8000, n_background)])
    return x, y


def pixel_centres(surface):
    rows, cols = surface.values.shape
    cx = surface.origin_x + (np.arange(cols) + 0.5) * surface.pixel_size
    cy = surface.origin_y - (np.arange(rows) + 0.5) * surface.pixel_size
    return cx, cy


def test_the_surface_integrates_to_the_incident_count():
    """Tolerance 1e-9 relative: the discrete kernel sums to 1 per incident."""
    x, y = clustered()
    for radius, pixel in ((0.0, 0.0), (250.0, 10.0), (35.0, 50.0), (1234.5, 17.3)):
        surface = kernel_density(x, y, radius=radius, pixel_size=pixel)
        assert abs(surface.values.sum() * surface.pixel_size**2 / KM2 - x.size) < 1e-9 * x.size
        assert abs(surface.integral() - x.size) < 1e-9 * x.size
        assert (surface.values >= 0).all()
    weights = np.linspace(0.5, 3.0, x.size)
    surface = kernel_density(x, y, radius=300, pixel_size=20, weights=weights)
    assert abs(surface.integral() - weights.sum()) < 1e-9 * weights.sum()


def test_the_grid_covers_the_extent_padded_by_the_radius_on_round_coordinates():
    x, y = clustered()
    surface = kernel_density(x, y, radius=300, pixel_size=20)
    xmin, ymin, xmax, ymax = surface.extent
    assert xmin <= x.min() - 300 and xmax >= x.max() + 300
    assert ymin <= y.min() - 300 and ymax >= y.max() + 300
    assert xmax - xmin < x.max() - x.min() + 600 + 2 * 20
    assert surface.origin_x % 20 == 0 and surface.origin_y % 20 == 0
    assert surface.geotransform == (surface.origin_x, 20.0, 0.0, surface.origin_y, 0.0, -20.0)
    # nothing beyond the reach of any incident: exact zeros, not rounding noise
    assert surface.values[0, 0] == 0.0 and surface.values[-1, -1] == 0.0


def test_a_given_extent_keeps_the_share_of_incidents_just_outside():
    x, y = clustered()
    full = kernel_density(x, y, radius=300, pixel_size=20)
    part = kernel_density(x, y, radius=300, pixel_size=20, extent=(5000, 2000, 7000, 4000))
    # the same pixels hold the same values: incidents outside still reach in
    col = round((part.origin_x - full.origin_x) / 20)
    row = round((full.origin_y - part.origin_y) / 20)
    rows, cols = part.values.shape
    np.testing.assert_allclose(part.values, full.values[row : row + rows, col : col + cols], rtol=1e-9, atol=1e-9)


def test_the_peak_sits_at_the_cluster():
    x, y = clustered()
    surface = kernel_density(x, y)
    row, col = np.unravel_index(np.argmax(surface.values), surface.values.shape)
    cx, cy = pixel_centres(surface)
    assert math.hypot(cx[col] - 6200, cy[row] - 3100) < 60


def test_a_single_point_matches_the_analytic_quartic_kernel():
    """The point sits on a pixel centre (pixels on multiples of 10 m), so the
    pixel centres lie at exact distances. The discrete kernel is normalised
    to sum to 1, which differs from the analytic 3/(πr²) by the discretisation
    at r/p = 20: within 0.5 % of the peak."""
    radius, pixel = 200.0, 10.0
    surface = kernel_density(np.array([1005.0]), np.array([2005.0]), radius=radius, pixel_size=pixel)
    cx, cy = pixel_centres(surface)
    peak = quartic(0, radius) * KM2
    for dx, dy in ((0, 0), (50, 0), (100, 100), (0, -150), (190, 0), (-120, 150)):
        col = int(np.argmin(abs(cx - (1005 + dx))))
        row = int(np.argmin(abs(cy - (2005 + dy))))
        assert cx[col] == 1005 + dx and cy[row] == 2005 + dy
        expected = quartic(math.hypot(dx, dy), radius) * KM2
        assert abs(surface.values[row, col] - expected) < 0.005 * peak
    # zero at and beyond the radius
    far = np.hypot(*np.meshgrid(cx - 1005, cy - 2005)) >= radius
    assert far.any() and (surface.values[far] == 0).all()
    assert abs(surface.integral() - 1) < 1e-12


def test_every_pixel_matches_a_plain_sum_over_incidents():
    """Independent: each incident moved to its pixel's centre, the discrete
    kernel built by a loop and summed over incidents at every pixel; to 1e-9
    of the peak."""
    rng = np.random.default_rng(9)
    x, y = rng.uniform(0, 1500, 300), rng.uniform(0, 1000, 300)
    radius, pixel = 130.0, 20.0
    surface = kernel_density(x, y, radius=radius, pixel_size=pixel)
    norm = 0.0
    for i in range(-10, 11):
        for j in range(-10, 11):
            d2 = (i * pixel) ** 2 + (j * pixel) ** 2
            if d2 < radius**2:
                norm += (1 - d2 / radius**2) ** 2
    snapped_x = surface.origin_x + (np.floor((x - surface.origin_x) / pixel) + 0.5) * pixel
    snapped_y = surface.origin_y - (np.floor((surface.origin_y - y) / pixel) + 0.5) * pixel
    cx, cy = pixel_centres(surface)
    gx, gy = np.meshgrid(cx, cy)
    expected = np.zeros_like(gx)
    for px, py in zip(snapped_x, snapped_y):
        d2 = (gx - px) ** 2 + (gy - py) ** 2
        expected += np.where(d2 < radius**2, (1 - d2 / radius**2) ** 2, 0.0) / norm
    expected *= KM2 / pixel**2
    np.testing.assert_allclose(surface.values, expected, rtol=0, atol=1e-9 * expected.max())
    # and close to the exact kernel sum at the unmoved positions: moving an
    # incident by at most half a pixel diagonal changes the surface by a few
    # per cent of the peak at r/p = 6.5
    exact = sum(quartic(np.hypot(gx - px, gy - py), radius) for px, py in zip(x, y)) * KM2
    assert np.abs(surface.values - exact).max() < 0.08 * exact.max()


def test_auto_radius_is_arcgis_rule_computed_independently():
    x, y = clustered()
    n = x.size
    distance = np.sqrt((x - x.mean()) ** 2 + (y - y.mean()) ** 2)
    standard_distance = math.sqrt(np.var(x) + np.var(y))
    expected = 0.9 * min(standard_distance, math.sqrt(1 / math.log(2)) * np.median(distance)) * n ** (-0.2)
    radius, rule = auto_radius(x, y)
    assert radius > 0 and abs(radius - expected) < 1e-9 * expected
    assert auto_radius(x, y) == (radius, rule)
    assert f"{radius:.0f} m" in rule
    surface = kernel_density(x, y)
    assert surface.radius == radius and surface.radius_rule == rule
    # integer weights count like repeated incidents
    weights = np.arange(1, 6, dtype=float)
    xs, ys = np.array([0.0, 100, 250, 400, 900]), np.array([0.0, 50, 300, 20, 800])
    repeated = auto_radius(np.repeat(xs, [1, 2, 3, 4, 5]), np.repeat(ys, [1, 2, 3, 4, 5]))[0]
    assert abs(auto_radius(xs, ys, weights)[0] - repeated) < 1e-9 * repeated


def test_auto_pixel_size_is_the_shorter_side_over_250_rounded_down():
    assert auto_pixel_size((0, 0, 12075, 30000)) == 40.0  # 48.3 m
    assert auto_pixel_size((0, 0, 32500, 40000)) == 100.0  # 130 m
    assert auto_pixel_size((500, 500, 3000, 1000)) == 2.0  # 2 m exactly
    assert auto_pixel_size((0, 0, 1000, 230)) == 0.8  # 0.92 m
    x, y = clustered()
    surface = kernel_density(x, y, radius=300)
    assert surface.pixel_size == auto_pixel_size((x.min() - 300, y.min() - 300, x.max() + 300, y.max() + 300))
    assert min(surface.values.shape) >= 250


def test_bad_input_is_refused_with_what_to_do():
    with pytest.raises(AnalysisError, match="at least 2 incidents.*give a radius"):
        kernel_density(np.array([1.0]), np.array([2.0]))
    with pytest.raises(AnalysisError, match="same place.*give a radius"):
        kernel_density(np.full(50, 3.0), np.full(50, 4.0))
    with pytest.raises(AnalysisError, match="radius must be 0"):
        kernel_density(np.array([0.0, 1.0]), np.array([0.0, 1.0]), radius=-5)
    with pytest.raises(AnalysisError, match="pixel size must be 0"):
        kernel_density(np.array([0.0, 1.0]), np.array([0.0, 1.0]), pixel_size=-1)
    with pytest.raises(AnalysisError, match="no incidents"):
        kernel_density(np.array([]), np.array([]), radius=100)
    with pytest.raises(AnalysisError, match="no valid coordinates"):
        kernel_density(np.array([0.0, np.nan]), np.array([0.0, 1.0]))
    with pytest.raises(AnalysisError, match="choose a larger pixel size"):
        kernel_density(np.array([0.0, 1e6]), np.array([0.0, 1e6]), radius=100, pixel_size=0.5)
    with pytest.raises(AnalysisError, match="choose a larger pixel size"):  # refused before the kernel is built
        kernel_density(np.array([0.0, 10.0]), np.array([0.0, 10.0]), radius=1e6, pixel_size=1)
    with pytest.raises(AnalysisError, match="one weight per incident"):
        kernel_density(np.array([0.0, 1.0]), np.array([0.0, 1.0]), weights=np.ones(3))
    with pytest.raises(AnalysisError, match="has no area"):
        auto_pixel_size((0, 0, 0, 100))
