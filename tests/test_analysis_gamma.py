"""The incomplete gamma function and the chi-square tail, checked against
SciPy (the independent reference, used here in the tests only)."""

import math

import numpy as np
import pytest

from lagesbild.core.domain.analysis.gamma import chi2_sf, upper_gamma_q

# SciPy comes with Debian's QGIS up to 3.40, not with every QGIS: the
# reference is skipped, never faked, where it is missing
gammaincc = pytest.importorskip("scipy.special").gammaincc
chi2 = pytest.importorskip("scipy.stats").chi2

DEGREES = (1, 2, 3, 4, 5, 6, 7, 10, 11, 23, 24, 50, 100, 167, 500)


def test_chi2_sf_matches_scipy_to_1e_10_relative_on_a_grid():
    checked = 0
    for df in DEGREES:
        # far into both tails, and densely around the switch at x/2 = df/2 + 1
        grid = np.concatenate([np.geomspace(1e-6, 2000, 300), df + 2 + np.linspace(-4, 4, 81)])
        for x in grid[grid > 0]:
            expected = chi2.sf(x, df)
            if expected < 1e-290:  # below this SciPy itself runs into subnormals
                continue
            assert chi2_sf(float(x), df) == pytest.approx(expected, rel=1e-10, abs=0), (df, x)
            checked += 1
    assert checked > 5000


def test_upper_gamma_q_matches_scipy_for_non_integer_shapes():
    for a in (0.1, 0.5, 1.5, 2.75, 11.5, 83.5):
        for x in np.geomspace(1e-8, 800, 200):
            expected = gammaincc(a, x)
            if expected < 1e-290:
                continue
            assert upper_gamma_q(a, float(x)) == pytest.approx(expected, rel=1e-10, abs=0), (a, x)


def test_closed_forms_and_edges():
    # Q(1, x) = e^-x; chi-square with 2 df: sf(x) = e^(-x/2); with 1 df: erfc(sqrt(x/2))
    for x in (1e-9, 0.3, 1.0, 7.5, 40.0, 600.0):
        assert upper_gamma_q(1.0, x) == pytest.approx(math.exp(-x), rel=1e-13)
        assert chi2_sf(x, 2) == pytest.approx(math.exp(-x / 2), rel=1e-13)
        assert chi2_sf(x, 1) == pytest.approx(math.erfc(math.sqrt(x / 2)), rel=1e-12)
    assert upper_gamma_q(3.0, 0.0) == 1.0 and chi2_sf(0.0, 6) == 1.0 and chi2_sf(-1.0, 6) == 1.0
    assert upper_gamma_q(3.0, math.inf) == 0.0
    with pytest.raises(ValueError):
        upper_gamma_q(0.0, 1.0)
    with pytest.raises(ValueError):
        upper_gamma_q(1.0, -1.0)
    with pytest.raises(ValueError):
        chi2_sf(3.0, 0)
