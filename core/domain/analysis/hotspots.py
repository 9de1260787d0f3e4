"""Hotspot analysis (Getis-Ord Gi*) of incident points: the core of
``lagesbild:hotspots``, in NumPy and OGR only.

``hotspots()`` counts the incidents into a square or hexagon grid (only the
cells that intersect ``boundary`` when one is given, empty cells included),
computes Gi* with a binary fixed distance band (``gistar``) and bins the cells
by the Benjamini–Hochberg false discovery rate at 90, 95 and 99 % (``fdr``).
A cell size or band of 0 is chosen automatically (``autoscale``). An incident
counts in the cell that contains it, also where that cell reaches beyond the
boundary; incidents in no analysed cell are left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from osgeo import ogr

from ...i18n import tr
from . import AnalysisError
from .autoscale import auto_cell_size, auto_distance_band
from .fdr import gi_bins
from .fdr import label as bin_label
from .gistar import gi_star
from .grid import Grid, cell_of, make_grid, restrict_to_boundary

MIN_INCIDENTS = 30


@dataclass
class HotspotResult:
    grid: Grid
    counts: np.ndarray  # int64 per cell
    z: np.ndarray
    p: np.ndarray
    bins: np.ndarray  # int64, −3 … 3
    cell_size: float
    band: float
    band_rule: str  # how the band was chosen, one sentence


def label(gi_bin: int) -> str:
    """'Hot spot, 99 % confidence', 'Not significant', 'Cold spot, 90 % confidence', …"""
    return bin_label(gi_bin)


def count_in_cells(grid: Grid, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    cells = cell_of(grid, x, y)
    return np.bincount(cells[cells >= 0], minlength=len(grid)).astype(np.int64)


def hotspots(
    x,
    y,
    shape: str = "square",
    cell_size: float = 0.0,
    band: float = 0.0,
    boundary: ogr.Geometry | None = None,
    extent=None,
) -> HotspotResult:
    """Gi* hot and cold spots of the incidents at (x, y). ``cell_size`` and ``band``
    in CRS units (metres); 0 chooses them automatically. The grid covers ``extent``
    (xmin, ymin, xmax, ymax) if given, else the boundary's envelope, else the
    incidents' extent."""
    x = np.asarray(x, dtype=np.float64).ravel()
    y = np.asarray(y, dtype=np.float64).ravel()
    located = np.isfinite(x) & np.isfinite(y)
    x, y = x[located], y[located]
    if x.size < MIN_INCIDENTS:
        raise AnalysisError(
            tr(
                "a hotspot analysis needs at least {minimum} incidents, but {n} were given: "
                "choose a longer period or a wider filter"
            ).format(minimum=MIN_INCIDENTS, n=x.size)
        )
    if not (math.isfinite(float(cell_size)) and float(cell_size) >= 0):
        raise AnalysisError(
            tr("the cell size must be 0 (automatic) or a positive distance in metres, not {value}").format(
                value=cell_size
            )
        )
    if not (math.isfinite(float(band)) and float(band) >= 0):
        raise AnalysisError(
            tr("the distance band must be 0 (automatic) or a positive distance in metres, not {value}").format(
                value=band
            )
        )
    if boundary is not None and (boundary.IsEmpty() or boundary.Area() == 0):
        raise AnalysisError(tr("the boundary is empty: choose a boundary layer with polygons, or none"))
    if extent is None:
        if boundary is not None:
            min_x, max_x, min_y, max_y = boundary.GetEnvelope()
            extent = (min_x, min_y, max_x, max_y)
        else:
            extent = (x.min(), y.min(), x.max(), y.max())
    if float(cell_size) == 0:
        xmin, ymin, xmax, ymax = extent
        inside = (x >= xmin) & (x <= xmax) & (y >= ymin) & (y <= ymax)
        cell_size = auto_cell_size(x[inside], y[inside]) if inside.sum() >= 2 else auto_cell_size(x, y)
    cell_size = float(cell_size)
    grid = make_grid(shape, extent, cell_size)
    if boundary is not None:
        grid = restrict_to_boundary(grid, boundary)
        if len(grid) == 0:
            raise AnalysisError(
                tr("no cell of the grid intersects the boundary: choose a boundary that covers the incidents")
            )
    counts = count_in_cells(grid, x, y)
    if boundary is not None and counts.sum() == 0:
        raise AnalysisError(
            tr(
                "none of the {n} incidents lies in a cell of the boundary: choose a boundary that covers "
                "the incidents, or check that both layers use the same CRS"
            ).format(n=x.size)
        )
    if np.all(counts == counts[0]):
        raise AnalysisError(
            tr(
                "all {cells} cells have the same count ({count}), so there is no hot or cold spot: "
                "choose a smaller cell size, a larger area or a longer period"
            ).format(cells=len(grid), count=int(counts[0]))
        )
    band = float(band)
    if band == 0:
        band, rule = auto_distance_band(counts, grid)
    else:
        rule = tr("given")
    z, p = gi_star(counts, grid, band)
    return HotspotResult(grid, counts, z, p, gi_bins(z, p), cell_size, band, rule)
