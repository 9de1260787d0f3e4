"""How large a grid and a distance band may be, checked before anything is
allocated: a cell size of a nanometre or a band of a thousand kilometres
would otherwise ask NumPy for terabytes, or run for hours.

The estimates are in whole Python numbers (no arrays), so they cannot
overflow themselves. The memory figures are the peak of what ``make_grid``
and ``gistar.window_sums`` build, per cell, with some room: enough to refuse
early and say why, not an exact account."""

from __future__ import annotations

import math
from collections.abc import Callable

from ...i18n import tr
from . import AnalysisError

# a grid larger than this is refused: counting and Gi* stay well inside memory
MAX_CELLS = 4_000_000
# the most memory one analysis may ask for (bytes)
MAX_BYTES = 2 * 1024**3
# what make_grid and Gi* keep per cell of the grid's bounding box: lattice,
# centres, the dense index, counts, z, p and their temporaries
BYTES_PER_CELL = 160
# what window_sums keeps per cell of its padded array: the padded values,
# their running sum and the total (float64 each)
BYTES_PER_PADDED_CELL = 3 * 8
# what the band's stencil keeps per candidate offset (two int64, a distance, a mask)
BYTES_PER_STENCIL_OFFSET = 40
_SQRT3 = math.sqrt(3.0)


class Cancelled(AnalysisError):
    """The user cancelled the analysis."""

    def __init__(self):
        super().__init__(tr("cancelled"))


def check_cancel(cancelled: Callable[[], bool] | None) -> None:
    """Raise Cancelled when ``cancelled`` (a callable the caller gives, such
    as Processing's ``feedback.isCanceled``) says so."""
    if cancelled is not None and cancelled():
        raise Cancelled()


def _size_text(size: int) -> str:
    for unit, scale in (("TiB", 1024**4), ("GiB", 1024**3), ("MiB", 1024**2)):
        if size >= scale:
            return f"{size / scale:,.1f} {unit}"
    return f"{size / 1024:,.0f} KiB"


def grid_cells(shape: str, extent: tuple[float, float, float, float], cell_size: float) -> int:
    """The cells of the bounding box of a ``shape`` grid with ``cell_size``
    over ``extent``: what ``make_grid`` would build, before it builds it."""
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    if shape == "square":
        cols = math.floor(xmax / cell_size) - math.floor(xmin / cell_size) + 1
        rows = math.floor(ymax / cell_size) - math.floor(ymin / cell_size) + 1
        return cols * rows
    height = cell_size * _SQRT3 / 2
    radius = cell_size / _SQRT3
    rows = math.ceil((ymax + radius) / height) - math.floor((ymin - radius) / height) + 2
    cols = math.ceil((xmax - xmin) / cell_size) + 3 + rows // 2
    return rows * cols // 2  # make_grid keeps about half of its parallelogram of candidates


def check_grid(shape: str, extent: tuple[float, float, float, float], cell_size: float) -> None:
    """AnalysisError, saying which cell size would do, when a grid of
    ``cell_size`` over ``extent`` has more than MAX_CELLS cells or would take
    more than MAX_BYTES."""
    cells = grid_cells(shape, extent, cell_size)
    memory = cells * BYTES_PER_CELL
    if cells <= MAX_CELLS and memory <= MAX_BYTES:
        return
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    area = max(xmax - xmin, cell_size) * max(ymax - ymin, cell_size)
    smallest = math.sqrt(area / min(MAX_CELLS, MAX_BYTES // BYTES_PER_CELL)) * 1.01
    raise AnalysisError(
        tr("a cell size of {size:g} m over an area of {width:,.0f} × {height:,.0f} m gives {cells} cells and "
           "would need about {memory} of memory; at most {limit} cells are analysed: choose a cell size of "
           "at least {smallest:,.0f} m").format(
            size=cell_size, width=xmax - xmin, height=ymax - ymin, cells=f"{cells:,}", memory=_size_text(memory),
            limit=f"{MAX_CELLS:,}", smallest=math.ceil(smallest)))


def check_band(dense_shape: tuple[int, int], cell_size: float, band: float) -> None:
    """AnalysisError when a distance ``band`` over a grid whose bounding box
    has ``dense_shape`` (rows, columns) of ``cell_size`` cells reaches past
    the whole grid (every cell would neighbour every other: no hot or cold
    spot can be found), or when its window sums would take more than
    MAX_BYTES."""
    rows, cols = dense_shape
    diagonal = cell_size * math.hypot(rows, cols)
    if band > diagonal:
        raise AnalysisError(
            tr("a distance band of {band:,.0f} m is wider than the whole area analysed ({diagonal:,.0f} m from "
               "corner to corner): every cell would be a neighbour of every other and no hot or cold spot could "
               "be found; choose a band smaller than {diagonal:,.0f} m, or 0 to have it chosen").format(
                band=band, diagonal=diagonal))
    reach = int(math.floor(band / cell_size * 2 / _SQRT3)) + 1
    side = 2 * reach + 1
    memory = side * side * BYTES_PER_STENCIL_OFFSET + (rows + side) * (cols + side + 1) * BYTES_PER_PADDED_CELL
    if memory > MAX_BYTES:
        raise AnalysisError(
            tr("a distance band of {band:,.0f} m with cells of {size:g} m would need about {memory} of memory, "
               "more than the {limit} an analysis may use: choose a smaller band or a larger cell size").format(
                band=band, size=cell_size, memory=_size_text(memory), limit=_size_text(MAX_BYTES)))
