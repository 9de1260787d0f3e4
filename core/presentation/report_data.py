"""The numbers of the situation report, and the rule that keeps small counts
from being shown or worked out (no QGIS layout here: ``core/presentation/report.py``
lays them out).

Suppression, so that the report can be shared, is the publication's one
rule (``domain/analysis/suppression``, README "Publishing counts"), applied
to each table with the totals the page shows beside it:

1. **Primary**: every count below ``min_count``, 0 included, is shown as
   "fewer than N" (mark ``FEWER``), so that it never tells that at least one
   happened (the published counts show zeros; the report does not).
2. **Complementary**: further counts are withheld (mark ``WITHHELD``: each
   at least ``min_count``, so it is not called "fewer than N") until no
   suppressed count can be worked out from the published totals, by
   subtraction or through a chain of lines.
3. A change (difference, percentage) is shown only where both of its counts
   are shown, since a change and one count give the other.

The atlas applies the rule to the whole table of categories × districts at
once, with the town's totals per category as published row totals, so that a
district's hidden count cannot be worked out from the other districts' pages
either (districts are treated as if they covered the town exactly, the
cautious assumption).

The map follows the same rule (``map_cells``): incidents counted in squares
whose size comes from the town's extent, a square with fewer than
``min_count`` left out like an empty one, and no category.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from ..domain import codelist, schema
from ..domain.analysis import suppression
from ..domain.analysis.comparison import Comparison, compare
from ..domain.analysis.grid import SQUARE, Grid, centres_of, lattice_of
from ..domain.analysis.timeprofile import time_of_week
from ..domain.geometry import to_ogr
from ..domain.periods import Period, last_days, previous_period, same_period_last_year
from ..store import IncidentFilter, Measure, Store
from ..store.comparison import compare_in_store

MIN_COUNT = suppression.DEFAULT_MIN_COUNT
DEFAULT_DAYS = 28  # four whole weeks: every weekday equally often
COMPARE_OPTIONS = ("previous", "last_year", "none")
SHOWN, FEWER, WITHHELD = 0, 1, 2
# measures the report lists: the ones under way or coming, and those ended within the period
LISTED_MEASURE_STATUSES = ("planned", "active")


def default_period(today: date) -> Period:
    """The last 28 whole days, up to yesterday (``today`` is the store's)."""
    return last_days(DEFAULT_DAYS, today)


def comparison_period(period: Period, compare_with: str) -> Period | None:
    """The previous period of the same length, the same dates last year, or None."""
    if compare_with == "previous":
        return previous_period(period)
    if compare_with == "last_year":
        return same_period_last_year(period)
    if compare_with == "none":
        return None
    raise ValueError(f"compare_with is one of {COMPARE_OPTIONS}, not {compare_with!r}")


# --- suppression ----------------------------------------------------------------

@dataclass
class Suppression:
    cells: np.ndarray  # marks per cell: SHOWN, FEWER, WITHHELD
    row_totals: np.ndarray  # marks per row total (all SHOWN when rows have no published total)
    column_totals: np.ndarray
    grand_total: int = SHOWN  # the mark of the total of the totals (when both are published)


def suppress(counts, min_count: int = MIN_COUNT, row_totals: bool = False,
             column_totals: bool = True) -> Suppression:
    """The marks of a table of counts (rows × columns) whose column totals
    (and, with ``row_totals``, row totals) are published, under the one rule
    of ``domain/analysis/suppression`` (the publication's too). A 1-D list
    is one column."""
    values = np.asarray(counts, dtype=np.int64)
    if values.ndim == 1:
        values = values[:, None]
    table = suppression.with_margins(values)
    published = np.ones(table.shape, dtype=bool)
    published[:, -1] &= row_totals
    published[-1, :] &= column_totals
    hidden = suppression.suppress(table, min_count, published, zeros=True)
    small = suppression.primary(table, min_count, zeros=True)
    marks = np.where(hidden, np.where(small, FEWER, WITHHELD), SHOWN).astype(np.int8)
    rows, columns = values.shape
    return Suppression(marks[:rows, :columns], marks[:rows, columns], marks[rows, :columns], int(marks[rows, columns]))


# --- what a page shows --------------------------------------------------------------

@dataclass
class CategoryRow:
    code: str
    count: int
    count_before: int | None  # None without a comparison period
    mark: int = SHOWN
    mark_before: int = SHOWN

    @property
    def change_shown(self) -> bool:
        return self.count_before is not None and self.mark == SHOWN and self.mark_before == SHOWN


@dataclass
class PageData:
    """One page of the report: the whole town (``area`` None) or a district."""

    area: str | None
    period: Period
    base: Period | None
    rows: list[CategoryRow]
    total: CategoryRow
    profile: np.ndarray  # (7, 24) incidents by local weekday and hour
    fids: np.ndarray  # the incidents of the period shown on the map
    measures: list[Measure] = field(default_factory=list)
    # of the period's incidents, how many are placed only at a municipality's or county's centre; None when
    # the store holds none at all (then there is nothing to say; else a small count, 0 too, is "fewer than")
    low_precision: int | None = None

    @property
    def total_comparison(self) -> Comparison | None:
        if self.base is None:
            return None
        return compare(self.total.count_before, self.total.count, self.base.days, self.period.days)


def _listed_measures(store: Store, period: Period, area_geometry=None) -> list[Measure]:
    listed = []
    for measure in store.measures():
        ended_within = measure.end_date is not None and period.start <= measure.end_date <= period.end
        if measure.status not in LISTED_MEASURE_STATUSES and not ended_within:
            continue
        if area_geometry is not None and not to_ogr(measure.geometry).Intersects(area_geometry):
            continue
        listed.append(measure)
    return listed


def _profile_and_fids(store: Store, incident_filter: IncidentFilter) -> tuple[np.ndarray, np.ndarray, int]:
    """The time-of-week profile, the fids and how many are placed only at a
    municipality's or county's centre (counted in the table, not on the map)."""
    data = store.arrays(incident_filter, ("occurred_from", "location_precision"))
    low = int(np.isin(data["location_precision"].astype(str), schema.LOW_PRECISIONS).sum())
    return time_of_week(data["occurred_from"], None, store.tz, "start"), data["fid"], low


def town_page(store: Store, period: Period, base: Period | None, min_count: int = MIN_COUNT) -> PageData:
    """The whole town: counts per category (all categories of the code list,
    in its order) and the change against ``base``."""
    codes = [c.code for c in codelist.CATEGORIES]
    if base is not None:
        found = {c.group: c for c in compare_in_store(store, "category", base, period)}
        counts = [[found[code].count_b, found[code].count_a] if code in found else [0, 0] for code in codes]
    else:
        now = store.counts("category", IncidentFilter(period=period))
        counts = [[now.get(code, 0), 0] for code in codes]
    matrix = np.asarray(counts, dtype=np.int64).reshape(len(codes), 2)
    marks = suppress(matrix if base is not None else matrix[:, :1], min_count)
    rows = _rows(codes, matrix, marks, base is not None)
    total = _total_row(matrix, marks, base is not None)
    profile, fids, low = _profile_and_fids(store, IncidentFilter(period=period))
    low = low if store.low_precision_count() else None
    return PageData(None, period, base, rows, total, profile, fids, _listed_measures(store, period), low)


def district_pages(store: Store, period: Period, base: Period | None,
                   min_count: int = MIN_COUNT) -> list[PageData]:
    """One page per district (areas of kind district, in the store's order),
    suppressed together (see the module's rule)."""
    districts = store.areas("district")
    codes = [c.code for c in codelist.CATEGORIES]
    periods = [period] + ([base] if base is not None else [])
    # per period: categories × districts
    tables, marks = [], []
    for each in periods:
        by_district = [store.counts("category", IncidentFilter(period=each, area=d.name)) for d in districts]
        table = np.asarray([[counts.get(code, 0) for counts in by_district] for code in codes],
                           dtype=np.int64).reshape(len(codes), len(districts))
        tables.append(table)
        marks.append(suppress(table, min_count, row_totals=True, column_totals=True))
    pages = []
    any_low = store.low_precision_count() > 0
    for j, district in enumerate(districts):
        matrix = np.stack([t[:, j] for t in tables] + ([] if base is not None else [np.zeros(len(codes), np.int64)]),
                          axis=1)
        cell_marks = np.stack([m.cells[:, j] for m in marks], axis=1)
        total_marks = np.asarray([m.column_totals[j] for m in marks], dtype=np.int8)
        rows = [CategoryRow(code, int(matrix[i, 0]), int(matrix[i, 1]) if base is not None else None,
                            int(cell_marks[i, 0]), int(cell_marks[i, 1]) if base is not None else SHOWN)
                for i, code in enumerate(codes)]
        total = CategoryRow("total", int(matrix[:, 0].sum()), int(matrix[:, 1].sum()) if base is not None else None,
                            int(total_marks[0]), int(total_marks[1]) if base is not None else SHOWN)
        profile, fids, low = _profile_and_fids(store, IncidentFilter(period=period, area=district.name))
        pages.append(PageData(district.name, period, base, rows, total, profile, fids,
                              _listed_measures(store, period, district.geometry), low if any_low else None))
    return pages


def _rows(codes, matrix, marks: Suppression, with_base: bool) -> list[CategoryRow]:
    return [CategoryRow(code, int(matrix[i, 0]), int(matrix[i, 1]) if with_base else None,
                        int(marks.cells[i, 0]), int(marks.cells[i, 1]) if with_base else SHOWN)
            for i, code in enumerate(codes)]


def _total_row(matrix, marks: Suppression, with_base: bool) -> CategoryRow:
    return CategoryRow("total", int(matrix[:, 0].sum()), int(matrix[:, 1].sum()) if with_base else None,
                       int(marks.column_totals[0]), int(marks.column_totals[1]) if with_base else SHOWN)


def profile_classes(profile: np.ndarray, min_count: int = MIN_COUNT, classes: int = 5) -> np.ndarray:
    """The time-of-week chart's shading, 0 (none or fewer than ``min_count``)
    to ``classes`` − 1: equal steps up to the busiest hour, so that no hour's
    exact count (and no small one) can be read off the chart."""
    values = np.asarray(profile, dtype=np.float64)
    peak = float(values.max()) if values.size else 0.0
    if peak < min_count:
        return np.zeros(values.shape, dtype=np.int64)
    steps = np.ceil(values / peak * (classes - 1)).astype(np.int64)
    return np.where(values < min_count, 0, np.clip(steps, 1, classes - 1))


# --- the map ---------------------------------------------------------------------------
# The map shares the table's rule: it shows counts in square cells, never an
# incident, and a cell with fewer than ``min_count`` looks like an empty one.

MAP_CELLS_ACROSS = 40  # at most this many cells across the town's longer side
# in SWEREF 99 TM, squares of 250 m, 1 km, 5 km … anchored at the origin are Statistics Sweden's grid squares
ROUND_CELL_SIZES = (50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000)
COUNT_CLASS_BOUNDS = (5, 10, 20, 50, 100)  # lower bounds of the classes above the first


@dataclass
class MapCells:
    """The map's cells that are drawn: those with at least ``min_count`` incidents."""

    cell_size: float
    rings: np.ndarray  # (n, 5, 2) closed squares
    counts: np.ndarray  # (n,) int64, each >= min_count


def map_cell_size(extent: tuple[float, float, float, float]) -> float:
    """The side of the map's cells: the smallest round length that puts at
    most ``MAP_CELLS_ACROSS`` cells across the longer side of ``extent`` (the
    town's, from its areas: nothing about the incidents)."""
    xmin, ymin, xmax, ymax = extent
    longest = max(xmax - xmin, ymax - ymin, 0.0) / MAP_CELLS_ACROSS
    return float(next((size for size in ROUND_CELL_SIZES if size >= longest), ROUND_CELL_SIZES[-1]))


def count_classes(min_count: int = MIN_COUNT) -> list[tuple[int, int | None]]:
    """The map's count classes, (lowest, highest) with None for "or more":
    the first starts at ``min_count``, the rest at fixed round numbers, the
    same for every report (breaks from the data would tell about the data)."""
    lows = [min_count] + [bound for bound in COUNT_CLASS_BOUNDS if bound > min_count]
    return [(low, (lows[i + 1] - 1) if i + 1 < len(lows) else None) for i, low in enumerate(lows)]


def map_cells(x, y, cell_size: float, min_count: int = MIN_COUNT) -> MapCells:
    """The incidents at (x, y) counted in squares of ``cell_size`` anchored at
    the CRS's origin (the same squares whatever the period), keeping only the
    squares with at least ``min_count``: a square with fewer is left out, so
    that it cannot be told from an empty one."""
    x = np.asarray(x, dtype=np.float64).ravel()
    y = np.asarray(y, dtype=np.float64).ravel()
    located = np.isfinite(x) & np.isfinite(y)
    lattice = lattice_of(SQUARE, cell_size, x[located], y[located])
    if lattice.size == 0:
        return MapCells(cell_size, np.zeros((0, 5, 2)), np.zeros(0, dtype=np.int64))
    cells, counts = np.unique(lattice, axis=0, return_counts=True)
    kept = counts >= min_count
    grid = Grid(SQUARE, cell_size, centres_of(SQUARE, cell_size, cells[kept]), cells[kept])
    return MapCells(cell_size, grid.rings(), counts[kept].astype(np.int64))
