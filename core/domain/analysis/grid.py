"""Regular grids of square or hexagonal cells for counting incidents.

Both kinds are anchored at the CRS's origin, so the same cell size always
gives the same cells whatever the period or filter, and maps of different
weeks can be laid over each other.

- ``square``: ``cell_size`` is the side. Cell (col, row) spans
  [col·s, (col + 1)·s) × [row·s, (row + 1)·s); ``lattice`` = (col, row).
- ``hexagon``: pointy-topped regular hexagons (a vertex points north, two sides
  stand vertical). ``cell_size`` is the distance between the centres of two
  neighbouring cells, which equals the width across flats (between the two
  vertical sides); the side, and the radius to a vertex, are cell_size/√3 and
  the area is (√3/2)·cell_size². ``lattice`` holds the axial coordinates
  (q, r): the centre of (q, r) is (s·(q + r/2), s·(√3/2)·r). In axial
  coordinates the six neighbours are the same offsets from every cell, so a
  distance band is one fixed stencil of offsets.

Every point belongs to exactly one cell: the cell whose centre is nearest
(ties on a shared edge go to one of the cells, always the same one).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from osgeo import ogr

from ...i18n import tr
from ..geometry import points_in_polygon, polygon_rings
from . import AnalysisError
from .bounds import MAX_CELLS, check_grid

SQUARE = "square"
HEXAGON = "hexagon"
SHAPES = (SQUARE, HEXAGON)
_SQRT3 = math.sqrt(3.0)


@dataclass(frozen=True, eq=False)
class Grid:
    shape: str
    cell_size: float
    centres: np.ndarray  # (n, 2) float64
    lattice: np.ndarray  # (n, 2) int64: (col, row) or axial (q, r)
    # lattice -> cell index, as a dense array over the lattice's bounding box
    _lattice_min: np.ndarray = field(init=False, repr=False)
    _index: np.ndarray = field(init=False, repr=False)

    def __post_init__(self):
        lattice = np.asarray(self.lattice, dtype=np.int64).reshape(-1, 2)
        low = lattice.min(axis=0) if len(lattice) else np.zeros(2, dtype=np.int64)
        high = lattice.max(axis=0) if len(lattice) else -np.ones(2, dtype=np.int64)
        index = np.full((int(high[1] - low[1] + 1), int(high[0] - low[0] + 1)), -1, dtype=np.int64)
        index[lattice[:, 1] - low[1], lattice[:, 0] - low[0]] = np.arange(len(lattice))
        object.__setattr__(self, "lattice", lattice)
        object.__setattr__(self, "centres", np.asarray(self.centres, dtype=np.float64).reshape(-1, 2))
        object.__setattr__(self, "_lattice_min", low)
        object.__setattr__(self, "_index", index)

    def __len__(self) -> int:
        return len(self.lattice)

    @property
    def dense_shape(self) -> tuple[int, int]:
        """(rows, columns) of the lattice's bounding box."""
        return self._index.shape

    def dense_positions(self) -> tuple[np.ndarray, np.ndarray]:
        """Each cell's (row, column) in the dense lattice array."""
        return self.lattice[:, 1] - self._lattice_min[1], self.lattice[:, 0] - self._lattice_min[0]

    def index_of(self, lattice: np.ndarray) -> np.ndarray:
        """The cell index of each (n, 2) lattice coordinate, -1 where there is no cell."""
        lattice = np.asarray(lattice, dtype=np.int64).reshape(-1, 2)
        row = lattice[:, 1] - self._lattice_min[1]
        col = lattice[:, 0] - self._lattice_min[0]
        rows, cols = self._index.shape
        inside = (row >= 0) & (row < rows) & (col >= 0) & (col < cols)
        result = np.full(len(lattice), -1, dtype=np.int64)
        result[inside] = self._index[row[inside], col[inside]]
        return result

    def vertex_offsets(self) -> np.ndarray:
        """(k, 2) offsets of a cell's vertices from its centre, anticlockwise."""
        if self.shape == SQUARE:
            half = self.cell_size / 2
            return np.array([[-half, -half], [half, -half], [half, half], [-half, half]])
        radius = self.cell_size / _SQRT3
        angles = np.radians(np.arange(30.0, 360.0, 60.0))
        return np.column_stack([radius * np.cos(angles), radius * np.sin(angles)])

    @property
    def circumradius(self) -> float:
        """The distance from a centre to its cell's vertices."""
        return self.cell_size / math.sqrt(2.0) if self.shape == SQUARE else self.cell_size / _SQRT3

    @property
    def cell_area(self) -> float:
        return self.cell_size**2 if self.shape == SQUARE else _SQRT3 / 2 * self.cell_size**2

    def ring(self, i: int) -> np.ndarray:
        """The closed ring (k + 1, 2) of cell i, anticlockwise."""
        vertices = self.centres[i] + self.vertex_offsets()
        return np.vstack([vertices, vertices[:1]])

    def rings(self) -> np.ndarray:
        """All cells' closed rings, (n, k + 1, 2)."""
        offsets = self.vertex_offsets()
        offsets = np.vstack([offsets, offsets[:1]])
        return self.centres[:, None, :] + offsets[None, :, :]

    def subset(self, keep: np.ndarray) -> Grid:
        """The grid of the cells selected by a boolean mask or index array."""
        return Grid(self.shape, self.cell_size, self.centres[keep], self.lattice[keep])

    def squared_lattice_distance(self, offsets: np.ndarray) -> np.ndarray:
        """|offset|² in units of cell_size² for (…, 2) lattice offsets."""
        a = offsets[..., 0].astype(np.float64)
        b = offsets[..., 1].astype(np.float64)
        return a * a + b * b if self.shape == SQUARE else a * a + a * b + b * b


def _check_shape(shape: str) -> None:
    if shape not in SHAPES:
        raise AnalysisError(tr("unknown grid shape {shape}: choose square or hexagon").format(shape=shape))


def _check_cell_size(cell_size: float) -> float:
    cell_size = float(cell_size)
    if not (math.isfinite(cell_size) and cell_size > 0):
        raise AnalysisError(
            tr("the cell size must be a positive distance in metres, not {size}").format(size=cell_size)
        )
    return cell_size


def centres_of(shape: str, cell_size: float, lattice: np.ndarray) -> np.ndarray:
    a = lattice[:, 0].astype(np.float64)
    b = lattice[:, 1].astype(np.float64)
    if shape == SQUARE:
        return np.column_stack([(a + 0.5) * cell_size, (b + 0.5) * cell_size])
    return np.column_stack([cell_size * (a + b / 2), cell_size * (_SQRT3 / 2) * b])


def lattice_of(shape: str, cell_size: float, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The lattice coordinates of the cell that contains each point (no bounds)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if shape == SQUARE:
        return np.column_stack([np.floor(x / cell_size), np.floor(y / cell_size)]).astype(np.int64)
    # cube rounding: the nearest hexagon centre, which is the containing hexagon
    r_frac = y / (cell_size * _SQRT3 / 2)
    q_frac = x / cell_size - r_frac / 2
    s_frac = -q_frac - r_frac
    q, r, s = np.rint(q_frac), np.rint(r_frac), np.rint(s_frac)
    dq, dr, ds = np.abs(q - q_frac), np.abs(r - r_frac), np.abs(s - s_frac)
    fix_q = (dq > dr) & (dq > ds)
    fix_r = ~fix_q & (dr > ds)
    q = np.where(fix_q, -r - s, q)
    r = np.where(fix_r, -q - s, r)
    return np.column_stack([q, r]).astype(np.int64)


def make_grid(shape: str, extent: tuple[float, float, float, float], cell_size: float) -> Grid:
    """The cells that cover ``extent`` (xmin, ymin, xmax, ymax): every point of the
    extent lies in a cell. For hexagons, the cells whose bounding box meets the
    extent (a few at the corners may only come close)."""
    _check_shape(shape)
    cell_size = _check_cell_size(cell_size)
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    if not (all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)) and xmin <= xmax and ymin <= ymax):
        raise AnalysisError(
            tr("the extent {extent} is not valid: give xmin, ymin, xmax, ymax").format(extent=tuple(extent))
        )
    check_grid(shape, (xmin, ymin, xmax, ymax), cell_size)  # before anything is allocated
    if shape == SQUARE:
        cols = np.arange(math.floor(xmin / cell_size), math.floor(xmax / cell_size) + 1)
        rows = np.arange(math.floor(ymin / cell_size), math.floor(ymax / cell_size) + 1)
        col, row = np.meshgrid(cols, rows)
        lattice = np.column_stack([col.ravel(), row.ravel()]).astype(np.int64)
        return Grid(shape, cell_size, centres_of(shape, cell_size, lattice), lattice)
    height = cell_size * _SQRT3 / 2
    radius = cell_size / _SQRT3
    rows = np.arange(math.floor((ymin - radius) / height), math.ceil((ymax + radius) / height) + 1)
    # q range wide enough for every row, trimmed by the bounding-box test below
    q_low = math.floor((xmin - cell_size) / cell_size - rows.max() / 2)
    q_high = math.ceil((xmax + cell_size) / cell_size - rows.min() / 2)
    q, r = np.meshgrid(np.arange(q_low, q_high + 1), rows)
    lattice = np.column_stack([q.ravel(), r.ravel()]).astype(np.int64)
    centres = centres_of(shape, cell_size, lattice)
    meets = (
        (centres[:, 0] + cell_size / 2 > xmin)
        & (centres[:, 0] - cell_size / 2 <= xmax)
        & (centres[:, 1] + radius > ymin)
        & (centres[:, 1] - radius <= ymax)
    )
    _check_size(int(meets.sum()))
    return Grid(shape, cell_size, centres[meets], lattice[meets])


def _check_size(cells: int) -> None:
    if cells > MAX_CELLS:
        raise AnalysisError(
            tr("the grid would have {cells} cells, more than {limit}: choose a larger cell size").format(
                cells=f"{cells:,}", limit=f"{MAX_CELLS:,}"
            )
        )


def cell_of(grid: Grid, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The index of the cell that contains each point, -1 where no cell of the grid does."""
    return grid.index_of(lattice_of(grid.shape, grid.cell_size, x, y))


def _edge_samples(boundary: ogr.Geometry, spacing: float) -> tuple[np.ndarray, np.ndarray]:
    """Points along every edge of the boundary, at most ``spacing`` apart, ends included."""
    starts, ends = [], []
    for rings in polygon_rings(boundary):
        for ring in rings:
            if len(ring) >= 2:
                starts.append(ring[:-1])
                ends.append(ring[1:])
    if not starts:
        return np.zeros(0), np.zeros(0)
    start = np.vstack(starts)
    end = np.vstack(ends)
    length = np.hypot(*(end - start).T)
    pieces = np.maximum(np.ceil(length / spacing).astype(np.int64), 1)
    edge = np.repeat(np.arange(len(start)), pieces + 1)
    first = np.cumsum(pieces + 1) - (pieces + 1)
    fraction = (np.arange(edge.size) - np.repeat(first, pieces + 1)) / np.repeat(pieces, pieces + 1)
    points = start[edge] + (end[edge] - start[edge]) * fraction[:, None]
    return points[:, 0], points[:, 1]


def _neighbour_offsets(shape: str) -> np.ndarray:
    if shape == SQUARE:
        return np.array([[a, b] for a in (-1, 0, 1) for b in (-1, 0, 1)], dtype=np.int64)
    return np.array([[0, 0], [1, 0], [-1, 0], [0, 1], [-1, 1], [0, -1], [1, -1]], dtype=np.int64)


def restrict_to_boundary(grid: Grid, boundary: ogr.Geometry) -> Grid:
    """The cells of ``grid`` that intersect the (multi)polygon ``boundary``
    (touching its edge or corner counts), in the grid's order.

    Exact: a cell that no boundary edge passes through lies wholly inside or
    wholly outside, which its centre decides (``points_in_polygon``). The cells
    an edge may pass through are found by sampling every edge at a quarter of
    the cell size and taking each sample's cell and its lattice neighbours (a
    piece of edge shorter than half a cell cannot leave those); each of these
    is tested with OGR's ``Intersects`` on the true cell polygon."""
    if boundary is None or boundary.IsEmpty():
        raise AnalysisError(tr("the boundary is empty: choose a boundary layer with polygons, or none"))
    if len(grid) == 0:
        return grid
    inside = points_in_polygon(grid.centres[:, 0], grid.centres[:, 1], boundary)
    sx, sy = _edge_samples(boundary, grid.cell_size / 4)
    sampled = np.unique(lattice_of(grid.shape, grid.cell_size, sx, sy), axis=0)
    near = (sampled[:, None, :] + _neighbour_offsets(grid.shape)[None, :, :]).reshape(-1, 2)
    candidates = np.unique(grid.index_of(near))
    candidates = candidates[candidates >= 0]
    rings = grid.rings()
    for i in candidates:  # only the cells along the boundary's edges
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for vx, vy in rings[i]:
            ring.AddPoint_2D(float(vx), float(vy))
        cell = ogr.Geometry(ogr.wkbPolygon)
        cell.AddGeometry(ring)
        inside[i] = boundary.Intersects(cell)
    return grid.subset(inside)
