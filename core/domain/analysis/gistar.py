"""Getis-Ord Gi* over a grid with a binary fixed distance band.

Cell j is a neighbour of cell i (w_ij = 1) when their centres are at most
``band`` apart; a cell is its own neighbour, and a centre exactly at the band
distance counts (within a relative tolerance of 1e-9, so that rounding in the
centres' coordinates cannot drop a lattice neighbour at the band). With x̄ and
S (divisor n) over all n analysed cells and W_i = Σ_j w_ij (= Σ_j w_ij², the
weights being 0 or 1):

    z_i = (Σ_j w_ij x_j − x̄ W_i) / (S √[(n W_i − W_i²)/(n − 1)])

as ArcGIS's Hot Spot Analysis and PySAL's ``esda.G_Local(star=True)`` with
binary weights define it. A cell whose neighbourhood is all n cells has a zero
denominator; its z is set to 0 (p = 1).

On a regular lattice the neighbours within the band are one fixed stencil of
lattice offsets (axial offsets for hexagons). For each row offset of the
stencil the column offsets form one run, so Σ_j w_ij x_j is a sum of
(rows of the stencil) window sums read off a running sum along the rows of a
dense lattice array, in which cells outside the analysed set hold 0.
"""

from __future__ import annotations

import math

import numpy as np

from ...i18n import tr
from . import AnalysisError
from .bounds import check_band, check_cancel
from .grid import Grid
from .normal import two_sided_p

BAND_TOLERANCE = 1e-9


def stencil(grid: Grid, band: float) -> np.ndarray:
    """(k, 2) lattice offsets whose centres lie within ``band`` (the zero offset included)."""
    reach = band / grid.cell_size * (1 + BAND_TOLERANCE)
    radius = int(math.floor(reach * 2 / math.sqrt(3))) + 1
    steps = np.arange(-radius, radius + 1)
    a, b = np.meshgrid(steps, steps)
    offsets = np.column_stack([a.ravel(), b.ravel()])
    return offsets[grid.squared_lattice_distance(offsets) <= reach * reach]


def _row_runs(offsets: np.ndarray) -> list[tuple[int, int, int]]:
    """(row offset, lowest column offset, highest column offset) of a convex stencil."""
    runs = []
    for row in np.unique(offsets[:, 1]):
        columns = offsets[offsets[:, 1] == row, 0]
        runs.append((int(row), int(columns.min()), int(columns.max())))
    return runs


def _dense(grid: Grid, values: np.ndarray) -> np.ndarray:
    dense = np.zeros(grid.dense_shape, dtype=np.float64)
    rows, cols = grid.dense_positions()
    dense[rows, cols] = values
    return dense


def window_sums(grid: Grid, band: float, *values: np.ndarray, cancelled=None) -> list[np.ndarray]:
    """For each array of per-cell values, Σ_j w_ij v_j over the band, per cell.
    ``cancelled``: a callable asked between the stencil's rows (Cancelled when true)."""
    check_band(grid.dense_shape, grid.cell_size, band)
    runs = _row_runs(stencil(grid, band))
    pad = max(max(abs(r), abs(lo), abs(hi)) for r, lo, hi in runs)
    height, width = grid.dense_shape
    rows, cols = grid.dense_positions()
    results = []
    for value in values:
        padded = np.zeros((height + 2 * pad, width + 2 * pad + 1), dtype=np.float64)
        padded[pad : pad + height, pad + 1 : pad + 1 + width] = _dense(grid, value)
        running = np.cumsum(padded, axis=1)  # running[:, k] = Σ of padded[:, :k + 1]
        total = np.zeros((height, width), dtype=np.float64)
        for number, (row, low, high) in enumerate(runs):
            if number % 16 == 0:
                check_cancel(cancelled)
            band_rows = running[pad + row : pad + row + height]
            total += band_rows[:, pad + 1 + high : pad + 1 + high + width]
            total -= band_rows[:, pad + low : pad + low + width]
        results.append(total[rows, cols])
    return results


def gi_star(counts: np.ndarray, grid: Grid, band: float, cancelled=None) -> tuple[np.ndarray, np.ndarray]:
    """(z, p) of Gi* for every cell of ``grid``; p is the two-sided normal
    p-value. ``cancelled``: see ``window_sums``."""
    x = np.asarray(counts, dtype=np.float64)
    n = x.size
    if n != len(grid):
        raise ValueError(f"{n} counts for a grid of {len(grid)} cells")
    if not (math.isfinite(band) and band >= 0):
        raise AnalysisError(tr("the distance band must be a positive distance in metres, not {band}").format(band=band))
    if n < 2:
        raise AnalysisError(tr("a hotspot analysis needs at least 2 cells: choose a smaller cell size"))
    mean = x.mean()
    spread = x.std()
    if not spread > 0:
        raise AnalysisError(
            tr(
                "all {n} cells have the same count, so there is no hot or cold spot: choose a smaller cell size, "
                "a larger area or a longer period"
            ).format(n=n)
        )
    neighbour_sum, weight = window_sums(grid, band, x, np.ones(n), cancelled=cancelled)
    denominator = spread * np.sqrt(np.maximum(n * weight - weight * weight, 0.0) / (n - 1))
    numerator = neighbour_sum - mean * weight
    z = np.zeros(n)
    defined = denominator > 0
    z[defined] = numerator[defined] / denominator[defined]
    return z, two_sided_p(z)
