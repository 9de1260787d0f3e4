"""Counts for publication (``lagesbild:publishaggregates``, README
"Publishing counts"): the incidents of a period counted per zone (an area of
the store, or a square grid cell) and per category, with their totals, and
the small counts suppressed (``domain/analysis/suppression``).

Nothing but codes, counts and zones leaves the store: no free text, no
organisation, no time, no incident's point. Zones:

- ``area``: every area of the store, an incident counted in every area that
  contains it, decided exactly as the store's area filter decides it (the
  first area of a name, by fid; ``geometry.points_in_polygon``). Overlapping
  areas count an incident in each: the totals are the sums of the rows;
- ``cell``: the square cells of ``grid`` (anchored at the CRS's origin) that
  hold an incident of the period; a cell with none is not listed (a zero).

An incident placed only at a municipality's or county's centre
(``location_precision``) lies in no zone: it is left out and counted."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from osgeo import ogr

from ..domain import schema
from ..domain.analysis import suppression
from ..domain.analysis.grid import SQUARE, lattice_of
from ..domain.geometry import points_in_polygon
from ..domain.timeutil import Period
from ..i18n import tr
from .errors import StoreError
from .records import IncidentFilter

AREA, CELL = "area", "cell"
GROUPINGS = (AREA, CELL)
TOTAL = "total"  # the zone or category of a total row
MIN_CELL_SIZE = 1.0  # metres: finer cells would only show the points themselves
_MAX_COORDINATE_CELLS = 2**52  # lattice numbers stay exact integers


@dataclass
class Publication:
    """The table to publish: ``table`` and ``hidden`` hold the zones and
    categories with their margins (last row: category totals, last column:
    zone totals, corner: grand total)."""

    period: Period
    group_by: str
    min_count: int
    zones: list[str]
    geometries: list  # an OGR MultiPolygon per zone
    categories: list[str]
    table: np.ndarray
    hidden: np.ndarray
    unplaced: int  # low-precision incidents, in no zone
    outside: int = 0  # incidents of the period in no area
    in_several: int = 0  # incidents counted in more than one area
    cell_size: float | None = None
    notes: list[str] = field(default_factory=list)

    def rows(self):
        """(zone, category, count or None, suppressed, zone index or None)
        for every published row: each zone's categories and its total, then
        the category totals and the grand total."""
        zones = self.zones + [TOTAL]
        categories = self.categories + [TOTAL]
        for i, zone in enumerate(zones):
            for j, category in enumerate(categories):
                hidden = bool(self.hidden[i, j])
                yield (zone, category, None if hidden else int(self.table[i, j]), hidden,
                       i if i < len(self.zones) else None)


def publication(store, period: Period, group_by: str = AREA, cell_size: float = 1000.0,
                min_count: int = suppression.DEFAULT_MIN_COUNT, area_kind: str | None = None) -> Publication:
    """Count, total and suppress the incidents of ``period`` (whole local
    days in the store's zone) in ``store``; ``area_kind`` (``district`` or
    ``focus_area``) takes only the areas of that kind (districts do not
    overlap one another, so every incident then counts once)."""
    if group_by not in GROUPINGS:
        raise StoreError(tr("group by area or by grid cell, not {name}").format(name=group_by))
    if int(min_count) < 1:
        raise StoreError(tr("the smallest count to publish must be at least 1, not {count}").format(count=min_count))
    categories = [code for code, parent, *_ in store.categories() if parent is None]
    data = store.arrays(IncidentFilter(period=period), ("category", "location_precision"))
    placed = ~np.isin(data["location_precision"].astype(str), schema.LOW_PRECISIONS)
    unplaced = int(np.count_nonzero(~placed))
    x, y, category = data["x"][placed], data["y"][placed], data["category"][placed].astype(str)
    column = {code: j for j, code in enumerate(categories)}
    unknown = sorted(set(category.tolist()) - set(column))
    if unknown:  # the store's triggers allow only top-level codes; never silently dropped
        raise StoreError(tr("incidents hold categories that are not in the store's code list: {codes}").format(
            codes=", ".join(unknown)))
    category_index = np.asarray([column[c] for c in category.tolist()], dtype=np.int64)
    result = Publication(period, group_by, int(min_count), [], [], categories, np.zeros((1, 1), np.int64),
                         np.zeros((1, 1), bool), unplaced)
    if group_by == AREA:
        counts = _by_area(store, x, y, category_index, len(categories), result, area_kind)
    else:
        counts = _by_cell(x, y, category_index, len(categories), float(cell_size), result)
    result.table = suppression.with_margins(counts.reshape(len(result.zones), len(categories)))
    result.hidden = suppression.suppress(result.table, int(min_count))
    return result


def _by_area(store, x, y, category_index, n_categories, result: Publication, kind=None) -> np.ndarray:
    counts, membership = [], np.zeros(x.size, dtype=np.int64)
    for area in store.areas(kind):
        if area.name in result.zones:  # the area filter takes the first area of a name
            result.notes.append(tr("the area {name} is named twice: its first area (by fid) is counted, as the "
                                   "store's area filter does").format(name=area.name))
            continue
        inside = points_in_polygon(x, y, area.geometry)
        membership += inside
        result.zones.append(area.name)
        result.geometries.append(area.geometry)
        counts.append(np.bincount(category_index[inside], minlength=n_categories))
    if not result.zones:
        raise StoreError(tr("the store has no areas of the kind chosen: add them, choose another kind, or group "
                            "by grid cell"))
    result.outside = int(np.count_nonzero(membership == 0))
    result.in_several = int(np.count_nonzero(membership > 1))
    return np.asarray(counts, dtype=np.int64)


def _by_cell(x, y, category_index, n_categories, cell_size: float, result: Publication) -> np.ndarray:
    if not (math.isfinite(cell_size) and cell_size >= MIN_CELL_SIZE):
        raise StoreError(tr("the cell size must be at least {least} metres, not {size}").format(
            least=MIN_CELL_SIZE, size=cell_size))
    if x.size and max(np.abs(x).max(), np.abs(y).max()) / cell_size > _MAX_COORDINATE_CELLS:
        raise StoreError(tr("the cell size {size} is too small for these coordinates").format(size=cell_size))
    result.cell_size = cell_size
    if x.size == 0:
        return np.zeros((0, n_categories), dtype=np.int64)
    lattice = lattice_of(SQUARE, cell_size, x, y)
    cells, inverse = np.unique(lattice, axis=0, return_inverse=True)
    inverse = np.asarray(inverse).reshape(-1)
    counts = np.zeros((len(cells), n_categories), dtype=np.int64)
    np.add.at(counts, (inverse, category_index), 1)
    for col, row in cells.tolist():
        west, south = col * cell_size, row * cell_size
        result.zones.append(cell_name(cell_size, west, south))
        result.geometries.append(_square(west, south, cell_size))
    return counts


def cell_name(cell_size: float, west: float, south: float) -> str:
    """A cell's stable name: its size and south-west corner in metres, as
    the European statistical grids name theirs."""
    return f"{cell_size:g}m_N{south:.0f}_E{west:.0f}"


def _square(west: float, south: float, size: float):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for px, py in ((west, south), (west + size, south), (west + size, south + size), (west, south + size),
                   (west, south)):
        ring.AddPoint_2D(float(px), float(py))
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    multi.AddGeometry(polygon)
    return multi


def rule_text(result: Publication) -> str:
    """The suppression rule and what was left out, in words, for the output's
    metadata and the log."""
    lines = [
        tr("Incidents per zone and category from {start} to {end} (whole days in the store's time zone).").format(
            start=result.period.start.isoformat(), end=result.period.end.isoformat()),
        tr("Suppression: every count from 1 to {below} is suppressed (count empty, suppressed = true), totals "
           "too; zeros are published. Then further counts are suppressed so that no suppressed count can be "
           "worked out from the row, column and grand totals published beside it: every row and column with "
           "a suppressed count has at least two, whose sum is at least {least} where the row's or column's "
           "total is published, and none is the only link between other suppressed counts. "
           "Every suppressed count could be at least one higher or lower with every published number "
           "unchanged.").format(below=result.min_count - 1, least=result.min_count) if result.min_count > 1 else
        tr("Suppression: none (the smallest count to publish is 1)."),
        tr("Totals: category = 'total' is a zone's total, zone = 'total' a category's total; they are the sums "
           "of the zones' rows."),
        tr("Left out: {count} incidents placed only at a municipality's or county's centre (they lie in no "
           "zone).").format(count=result.unplaced),
    ]
    if result.group_by == AREA:
        lines.append(tr("Zones: the store's areas; {outside} incidents of the period lie in no area; {several} "
                        "lie in more than one and count in each.").format(
            outside=result.outside, several=result.in_several))
    else:
        lines.append(tr("Zones: square cells of {size:g} m anchored at the CRS's origin, named by size and "
                        "south-west corner; cells without incidents are not listed.").format(size=result.cell_size))
    return "\n".join(lines + result.notes)
