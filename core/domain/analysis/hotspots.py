"""Hotspot analysis (Getis-Ord Gi*) of incident points: the core of
``lagesbild:hotspots``, in NumPy and OGR only.

``hotspots()`` counts the incidents into a square or hexagon grid over the
study area (``study_area``: the boundary when one is given, else the
incidents' convex hull buffered by a few cells; empty cells included),
computes Gi* with a binary fixed distance band (``gistar``) and bins the cells
by the Benjamini–Hochberg false discovery rate at 90, 95 and 99 % (``fdr``).
A cell size or band of 0 is chosen by the rules of ``scale``: at the scale of
places by default, or ArcGIS's automatic rules (``autoscale``). An incident
counts in the cell that contains it, also where that cell reaches beyond the
study area; incidents in no analysed cell are left out. ``gi_of_counts`` runs
the same analysis on other counts over the same grid and band (one category).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from osgeo import ogr

from ...i18n import tr
from . import AnalysisError
from .autoscale import auto_cell_size
from .bounds import check_cancel
from .fdr import gi_bins
from .fdr import label as bin_label
from .gistar import gi_star
from .grid import Grid, cell_of, make_grid, restrict_to_boundary
from .scale import PLACES, SCALES, capped_auto_band, place_band, place_cell_size
from .study_area import BUFFER_CELLS, convex_hull, default_study_area, envelope

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
    cell_rule: str = ""  # how the cell size was chosen, one sentence
    area_rule: str = ""  # what the study area is, one sentence

    @property
    def analysed_area(self) -> float:
        """The area of the analysed cells (CRS units², m²)."""
        return len(self.grid) * self.grid.cell_area


@dataclass
class CellAnalysis:
    counts: np.ndarray
    z: np.ndarray
    p: np.ndarray
    bins: np.ndarray


def label(gi_bin: int) -> str:
    """'Hot spot, 99 % confidence', 'Not significant', 'Cold spot, 90 % confidence', …"""
    return bin_label(gi_bin)


def count_in_cells(grid: Grid, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    cells = cell_of(grid, x, y)
    return np.bincount(cells[cells >= 0], minlength=len(grid)).astype(np.int64)


def _located(x, y) -> tuple[np.ndarray, np.ndarray]:
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
    return x, y


def _check_distance(value: float, message: str) -> float:
    value = float(value)
    if not (math.isfinite(value) and value >= 0):
        raise AnalysisError(message.format(value=value))
    return value


def _counted(grid: Grid, x: np.ndarray, y: np.ndarray, bounded: bool) -> np.ndarray:
    counts = count_in_cells(grid, x, y)
    if bounded and counts.sum() == 0:
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
    return counts


def hotspots(
    x,
    y,
    shape: str = "square",
    cell_size: float = 0.0,
    band: float = 0.0,
    boundary: ogr.Geometry | None = None,
    extent=None,
    scale: str = PLACES,
    cancelled=None,
) -> HotspotResult:
    """Gi* hot and cold spots of the incidents at (x, y). ``cell_size`` and ``band``
    in CRS units (metres); 0 chooses them by the rules of ``scale`` (``places``
    or ``automatic``, see ``scale``). The cells analysed are those that meet
    ``boundary`` if given, else all cells over ``extent`` (xmin, ymin, xmax,
    ymax) if given, else those that meet the incidents' convex hull buffered
    by a few cells. ``cancelled``: a callable asked in the long loops (such
    as ``feedback.isCanceled``); ``bounds.Cancelled`` when it says so."""
    x, y = _located(x, y)
    if scale not in SCALES:
        raise AnalysisError(tr("unknown scale {scale}: choose places or automatic").format(scale=scale))
    cell_size = _check_distance(cell_size, tr(
        "the cell size must be 0 (chosen by the scale's rule) or a positive distance in metres, not {value}"))
    band = _check_distance(band, tr(
        "the distance band must be 0 (chosen by the scale's rule) or a positive distance in metres, not {value}"))
    if boundary is not None and (boundary.IsEmpty() or boundary.Area() == 0):
        raise AnalysisError(tr("the boundary is empty: choose a boundary layer with polygons, or none"))
    hull = None
    if boundary is not None:
        frame = envelope(boundary)
    elif extent is not None:
        frame = tuple(float(v) for v in extent)
    else:
        hull = convex_hull(x, y)
        frame = envelope(hull)
    if cell_size > 0:
        cell_rule = tr("given")
    elif scale == PLACES:
        cell_size, cell_rule = place_cell_size(frame)
    else:
        xmin, ymin, xmax, ymax = frame
        inside = (x >= xmin) & (x <= xmax) & (y >= ymin) & (y <= ymax)
        cell_size = auto_cell_size(*((x[inside], y[inside]) if inside.sum() >= 2 else (x, y)), extent=frame)
        cell_rule = tr("the mean distance between neighbouring incidents (as ArcGIS's Optimized Hot Spot Analysis)")
    if boundary is not None:
        area, area_rule = boundary, tr("the cells that meet the boundary")
    elif extent is not None:
        area, area_rule = None, tr("the cells over the extent given")
    else:
        area = default_study_area(x, y, cell_size, hull) if hull is not None else None
        area_rule = tr("the cells that meet the incidents' convex hull, widened by {cells} cells").format(
            cells=BUFFER_CELLS)
    grid = make_grid(shape, envelope(area) if area is not None else frame, cell_size)
    if area is not None:
        grid = restrict_to_boundary(grid, area)
        if len(grid) == 0:
            raise AnalysisError(
                tr("no cell of the grid intersects the boundary: choose a boundary that covers the incidents")
            )
    counts = _counted(grid, x, y, boundary is not None)
    if band > 0:
        rule = tr("given")
    elif scale == PLACES:
        band, rule = place_band(grid)
    else:
        band, rule = capped_auto_band(counts, grid, cancelled)
    check_cancel(cancelled)
    z, p = gi_star(counts, grid, band, cancelled)
    return HotspotResult(grid, counts, z, p, gi_bins(z, p), cell_size, band, rule, cell_rule, area_rule)


def gi_of_counts(result: HotspotResult, x, y, cancelled=None) -> CellAnalysis:
    """The analysis of other incidents (one category) on ``result``'s grid and
    band: what a run of ``hotspots`` on those incidents alone gives with the
    same boundary, cell size and band. AnalysisError where it would refuse."""
    x, y = _located(x, y)
    counts = _counted(result.grid, x, y, True)
    z, p = gi_star(counts, result.grid, result.band, cancelled)
    return CellAnalysis(counts, z, p, gi_bins(z, p))
