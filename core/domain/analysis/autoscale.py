"""Automatic cell size and distance band, after ArcGIS's Optimized Hot Spot
Analysis ("How Optimized Hot Spot Analysis works", "How Incremental Spatial
Autocorrelation works"). What is implemented here:

Cell size (``auto_cell_size``): ArcGIS aggregates incidents into a fishnet or
hexagon grid whose cell size comes from the distances between incidents and
their nearest neighbours, after setting aside locational outliers. Here: the
distance from each incident to its nearest *non-coincident* incident; incidents
whose distance is more than three standard deviations above the mean are
locational outliers and left out; the cell size is the mean of the remaining
distances, rounded to three significant digits. Two guards of our own: the
cell is never smaller than the size that gives 250,000 cells over the
extent of the grid to be analysed (MAX_AUTO_CELLS: a municipality's
boundary, not only where the incidents are), and never smaller than 1 m. The nearest
neighbours are found without SciPy: the points are binned into a square hash
grid of about one point per bin and each query searches the bins around its
own, widening only for points whose neighbour may lie further out, so every
distance is exact. Above 100,000 incidents (NN_SAMPLE) the distances are
measured for a deterministic sample of 100,000 of them (every k-th point in
x, then y order, whatever the input order), still to their nearest neighbour
among all incidents.

Distance band (``auto_distance_band``): Incremental Spatial Autocorrelation,
global Moran's I of the cell counts with binary distance-band weights (no
self-weights) for the bands 1, 2, …, 20 cell sizes (BAND_STEPS; the first
band gives every cell of a whole grid its lattice neighbours; fewer steps
when the grid is so large that the search would be slow), each with its
z-score under the randomisation null hypothesis (as ArcGIS's Spatial
Autocorrelation tool reports it). The band is the first peak: the first band
whose z-score is statistically significant (z > 1.96) and higher than the
bands on either side. Fallback when there is no such peak (ArcGIS: the
average distance to the K nearest neighbours, K = 5 % of the features,
at least 3 and at most 30): the average distance from a cell of the whole
lattice to its K nearest cells, K = round(0.05 n) clipped to 3…30 (edge
effects of the analysed area are ignored, so the rule depends only on K and
the cell size). Both rules are deterministic.
"""

from __future__ import annotations

import math

import numpy as np

from ...i18n import tr
from . import AnalysisError
from .bounds import check_cancel
from .gistar import stencil
from .grid import Grid

NN_SAMPLE = 100_000
MAX_AUTO_CELLS = 250_000
BAND_STEPS = 20
PEAK_Z = 1.96
# the band search does about (half the stencil) × (dense lattice cells) multiply-adds
_SEARCH_BUDGET = 4e8
_PAIR_CHUNK = 4_000_000


def _significant(value: float, digits: int = 3) -> float:
    if value <= 0:
        return value
    return float(round(value, digits - 1 - int(math.floor(math.log10(value)))))


def nearest_neighbour_distances(x: np.ndarray, y: np.ndarray, sample: int = NN_SAMPLE) -> np.ndarray:
    """The distance from each of (a deterministic sample of) the points to the nearest other
    point at a different place; inf where every point lies at the same place."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = x.size
    order = np.lexsort((y, x))
    query = order if n <= sample else order[np.linspace(0, n - 1, sample).round().astype(np.int64)]
    xmin, ymin = x.min(), y.min()
    width, height = x.max() - xmin, y.max() - ymin
    area = width * height if width > 0 and height > 0 else max(width, height) ** 2
    if not area > 0:
        return np.full(query.size, np.inf)
    size = math.sqrt(area / n)
    columns = int(width // size) + 1
    rows = int(height // size) + 1
    bin_x = ((x - xmin) // size).astype(np.int64)
    bin_y = ((y - ymin) // size).astype(np.int64)
    key = bin_y * columns + bin_x
    by_key = np.argsort(key, kind="stable")
    px, py = x[by_key], y[by_key]
    starts = np.searchsorted(key[by_key], np.arange(columns * rows + 1))
    best = np.full(query.size, np.inf)
    pending = np.arange(query.size)
    reach = 1
    while pending.size:
        for chunk in np.array_split(pending, max(1, pending.size * (2 * reach + 1) ** 2 // _PAIR_CHUNK)):
            qx, qy = x[query[chunk]], y[query[chunk]]
            qbx, qby = bin_x[query[chunk]], bin_y[query[chunk]]
            nearest = best[chunk]
            for dy in range(-reach, reach + 1):  # the bins of the search block
                for dx in range(-reach, reach + 1):
                    cx, cy = qbx + dx, qby + dy
                    valid = (cx >= 0) & (cx < columns) & (cy >= 0) & (cy < rows)
                    cell = np.where(valid, cy * columns + cx, 0)
                    count = np.where(valid, starts[cell + 1] - starts[cell], 0)
                    has = count > 0
                    if not np.any(has):
                        continue
                    owner = np.repeat(np.flatnonzero(has), count[has])
                    first = np.cumsum(count[has]) - count[has]
                    position = (
                        np.arange(owner.size) - np.repeat(first, count[has]) + np.repeat(starts[cell[has]], count[has])
                    )
                    d2 = (qx[owner] - px[position]) ** 2 + (qy[owner] - py[position]) ** 2
                    d2[d2 == 0] = np.inf
                    nearest[has] = np.minimum(nearest[has], np.minimum.reduceat(d2, first))
            best[chunk] = nearest
        # exact once the nearest found lies within the block's reach
        searched_all = reach * size >= math.hypot(width, height)
        pending = pending[np.sqrt(best[pending]) > reach * size] if not searched_all else pending[:0]
        reach *= 2
    return np.sqrt(best)


def auto_cell_size(x: np.ndarray, y: np.ndarray, extent: tuple[float, float, float, float] | None = None) -> float:
    """The cell size from the incidents' nearest-neighbour distances (see the
    module), at least the size that puts MAX_AUTO_CELLS cells over ``extent``
    (xmin, ymin, xmax, ymax: the grid's; default the incidents' extent)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.size < 2:
        raise AnalysisError(tr("an automatic cell size needs at least 2 incidents: give a cell size"))
    distances = nearest_neighbour_distances(x, y)
    distances = distances[np.isfinite(distances)]
    if distances.size == 0:
        raise AnalysisError(
            tr("all incidents lie at the same place, so no cell size follows from their spacing: give a cell size")
        )
    limit = distances.mean() + 3 * distances.std()
    size = float(distances[distances <= limit].mean())
    xmin, ymin, xmax, ymax = extent if extent is not None else (x.min(), y.min(), x.max(), y.max())
    area = (xmax - xmin) * (ymax - ymin)
    size = max(size, math.sqrt(area / MAX_AUTO_CELLS), 1.0)
    return _significant(size)


def _moran_profile(counts: np.ndarray, grid: Grid, bands: list[float],
                   cancelled=None) -> tuple[np.ndarray, np.ndarray]:
    """Global Moran's I and its z-score (randomisation) for each band, binary
    weights, no self. ``cancelled``: asked once per band (``bounds.Cancelled``)."""
    x = np.asarray(counts, dtype=np.float64)
    n = x.size
    deviation = x - x.mean()
    m2 = float(np.sum(deviation**2))
    if n < 4 or not m2 > 0:
        raise AnalysisError(tr("global Moran's I needs at least 4 cells with different counts: give a distance band"))
    kurtosis = n * float(np.sum(deviation**4)) / m2**2
    rows, cols = grid.dense_positions()
    height, width = grid.dense_shape
    values = np.zeros((height, width))
    values[rows, cols] = deviation
    mask = np.zeros((height, width))
    mask[rows, cols] = 1.0
    weight = np.zeros((height, width))
    offsets = stencil(grid, max(bands))
    half = offsets[(offsets[:, 1] > 0) | ((offsets[:, 1] == 0) & (offsets[:, 0] > 0))]
    distance2 = grid.squared_lattice_distance(half)
    half = half[np.argsort(distance2, kind="stable")]
    distance2 = np.sort(distance2)
    cross = pairs = 0.0
    moran, z = [], []
    done = 0
    for band in bands:
        check_cancel(cancelled)
        reach = band / grid.cell_size * (1 + 1e-9)
        upto = int(np.searchsorted(distance2, reach * reach, side="right"))
        for a, b in half[done:upto]:  # the stencil's offsets, one half of each symmetric pair
            a, b = int(a), int(b)
            if b >= height or abs(a) >= width:  # reaches beyond the grid: no pair of cells
                continue
            here = (slice(0, height - b), slice(max(0, -a), width - max(0, a)))
            there = (slice(b, height), slice(max(0, a), width - max(0, -a)))
            cross += float(np.sum(values[here] * values[there]))
            pairs += float(np.sum(mask[here] * mask[there]))
            weight[here] += mask[there]
            weight[there] += mask[here]
        done = upto
        s0 = 2 * pairs
        if not s0 > 0:
            moran.append(np.nan)
            z.append(np.nan)
            continue
        s1 = 2 * s0
        s2 = 4 * float(np.sum((weight * mask) ** 2))
        value = n / s0 * 2 * cross / m2
        expected = -1 / (n - 1)
        second = (
            n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0)
            - kurtosis * ((n * n - n) * s1 - 2 * n * s2 + 6 * s0 * s0)
        ) / ((n - 1) * (n - 2) * (n - 3) * s0 * s0)
        variance = second - expected * expected
        moran.append(value)
        z.append((value - expected) / math.sqrt(variance) if variance > 0 else np.nan)
    return np.array(moran), np.array(z)


def morans_i(counts: np.ndarray, grid: Grid, band: float) -> tuple[float, float]:
    """(I, z) of global Moran's I with binary distance-band weights (no self-weights);
    z under the randomisation null hypothesis, as ArcGIS reports it."""
    moran, z = _moran_profile(counts, grid, [float(band)])
    return float(moran[0]), float(z[0])


def _nearest_cells_band(grid: Grid, k: int) -> float:
    offsets = stencil(grid, grid.cell_size * (math.sqrt(k) + 2))
    distances = np.sort(np.sqrt(grid.squared_lattice_distance(offsets)))
    return float(distances[1 : k + 1].mean()) * grid.cell_size


def auto_distance_band(counts: np.ndarray, grid: Grid, cancelled=None) -> tuple[float, str]:
    """(band, how it was chosen): the first peak of incremental spatial autocorrelation,
    or the documented fallback (see the module)."""
    height, width = grid.dense_shape
    steps = BAND_STEPS
    while steps > 2 and (math.pi * steps * steps / 2) * height * width * 5 > _SEARCH_BUDGET:
        steps -= 1
    bands = [grid.cell_size * step for step in range(1, steps + 1)]
    _, z = _moran_profile(counts, grid, bands, cancelled)
    for i in range(1, len(bands) - 1):
        if z[i] > PEAK_Z and z[i] > z[i - 1] and z[i] >= z[i + 1]:
            rule = tr(
                "the first peak of incremental spatial autocorrelation (global Moran's I, z = {z}) "
                "among {count} bands from {first} to {last} m"
            ).format(z=f"{z[i]:.2f}", count=len(bands), first=f"{bands[0]:g}", last=f"{bands[-1]:g}")
            return bands[i], rule
    k = int(min(30, max(3, round(0.05 * len(grid)))))
    band = _nearest_cells_band(grid, k)
    rule = tr(
        "no peak of spatial autocorrelation among {count} bands from {first} to {last} m: "
        "the average distance from a cell to its {k} nearest cells"
    ).format(count=len(bands), first=f"{bands[0]:g}", last=f"{bands[-1]:g}", k=k)
    return band, rule
