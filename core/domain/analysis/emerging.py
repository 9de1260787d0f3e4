"""Emerging hot spots: is a place getting worse?

A space-time cube counts the incidents of every grid cell in every time step
(week, month or quarter of local dates in the store's time zone). Gi* is
computed for every cell and step over its space-time neighbourhood: the cells
within the distance band in the same step and in the ``time_neighbours``
steps before it, against the mean and spread of all bins of the cube (as
ArcGIS's Emerging Hot Spot Analysis does). Each step's bins are corrected
with Benjamini–Hochberg (``fdr.gi_bins``); a bin is hot (cold) at 90 %
confidence or more. The Mann–Kendall test of each cell's series of Gi* z
says whether its clustering intensifies or diminishes (p < 0.05), and each
cell gets one pattern by the rules below, after ArcGIS Pro's "How Emerging
Hot Spot Analysis works" (for cold spots read cold for hot and a falling z
for a rising one):

- the final step is hot, and at least 90 % of the steps are hot:
  ``intensifying`` when z rises significantly, ``diminishing`` when it falls
  significantly, else ``persistent``;
- the final step is hot, under 90 % of the steps are hot, and no step before
  the final run of hot steps is hot: ``new`` (a run of one) or
  ``consecutive`` (a run of two or more);
- else, the final step is hot: ``oscillating`` when some earlier step was
  cold, else ``sporadic``;
- the final step is neither hot nor cold and at least 90 % of the steps are
  hot: ``historical``;
- otherwise no pattern (``none``).

A new or consecutive hot spot may have been a cold spot earlier: being hot
for the first time, at the end, is what is named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ...i18n import tr
from . import AnalysisError
from .bounds import check_cancel
from .fdr import gi_bins
from .gistar import window_sums
from .grid import Grid, cell_of
from .mann_kendall import Trend, mann_kendall
from .normal import two_sided_p

STEPS = ("week", "month", "quarter")
SHARE = 0.9
TREND_ALPHA = 0.05
KINDS = ("new", "consecutive", "intensifying", "persistent", "diminishing", "sporadic", "oscillating", "historical")
PATTERNS = tuple(f"{kind}_{side}" for side in ("hot", "cold") for kind in KINDS) + ("none",)


def step_of_days(days: np.ndarray, step: str) -> np.ndarray:
    """The step number of local day numbers (days since 1970-01-01): weeks
    from Monday, calendar months, calendar quarters."""
    days = np.asarray(days, dtype=np.int64)
    if step == "week":
        return np.floor_divide(days + 3, 7)  # 1970-01-01 was a Thursday: week 0 began Monday 29 December 1969
    months = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    if step == "month":
        return months
    if step == "quarter":
        return np.floor_divide(months, 3)
    raise AnalysisError(tr("unknown time step {step!r}: use week, month or quarter").format(step=step))


def step_start(number: int, step: str) -> date:
    """The first local day of step ``number``."""
    return date(1970, 1, 1) + timedelta(days=first_day_of_step(number, step))


def first_day_of_step(number: int, step: str) -> int:
    """The local day number (days since 1970-01-01) on which step ``number`` begins."""
    if step == "week":
        return int(number) * 7 - 3
    months = int(number) * (3 if step == "quarter" else 1)
    return int(np.datetime64(months, "M").astype("datetime64[D]").astype(np.int64))


def whole_steps(first_day: int, last_day: int, step: str) -> tuple[int, int]:
    """(first, last) step number of the steps that lie wholly within the days
    ``first_day`` … ``last_day``: a step cut by either end is left out, so that
    the final step (the one the patterns turn on) is a full one."""
    low = int(step_of_days(np.array([first_day]), step)[0])
    if first_day_of_step(low, step) < first_day:
        low += 1
    high = int(step_of_days(np.array([last_day]), step)[0])
    if first_day_of_step(high + 1, step) - 1 > last_day:
        high -= 1
    return low, high


def space_time_gi(cube: np.ndarray, grid: Grid, band: float, time_neighbours: int,
                  progress: Callable[[float], bool] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(z, p) of Gi* for every bin of ``cube`` (cells × steps). The spatial
    window sums are taken one step at a time, each kept as one column (cells ×
    steps, as the cube), never a cube × neighbours array. ``progress(fraction)``
    after each step; False stops with ``bounds.Cancelled``."""
    cube = np.asarray(cube, dtype=np.float64)
    cells, steps = cube.shape
    n = cube.size
    mean, spread = cube.mean(), cube.std()
    if not spread > 0:
        raise AnalysisError(tr("every cell has the same count in every step, so nothing stands out: choose "
                               "smaller cells, longer steps or more incidents"))

    def cancelled() -> bool:
        return progress is not None and not progress(done / max(steps, 1))

    done = 0
    (spatial_weight,) = window_sums(grid, band, np.ones(cells), cancelled=cancelled)
    sums = np.empty(cube.shape)
    for done in range(steps):
        (sums[:, done],) = window_sums(grid, band, cube[:, done], cancelled=cancelled)
    done = steps
    check_cancel(cancelled)
    z = np.zeros(cube.shape)
    for t in range(steps):
        first = max(0, t - time_neighbours)
        neighbour_sum = sums[:, first:t + 1].sum(axis=1)
        weight = spatial_weight * (t + 1 - first)
        denominator = spread * np.sqrt(np.maximum(n * weight - weight * weight, 0.0) / (n - 1))
        defined = denominator > 0
        z[defined, t] = (neighbour_sum[defined] - mean * weight[defined]) / denominator[defined]
    return z, two_sided_p(z)


def step_bins(z: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Gi* bins (−3 … 3) with Benjamini–Hochberg applied to each step on its own."""
    return np.column_stack([gi_bins(z[:, t], p[:, t]) for t in range(z.shape[1])])


def _trailing(flags: np.ndarray) -> np.ndarray:
    """Length of the run of True at the end of each row."""
    steps = flags.shape[1]
    reversed_false = ~flags[:, ::-1]
    return np.where(reversed_false.any(axis=1), reversed_false.argmax(axis=1), steps)


def _side(hot: np.ndarray, cold: np.ndarray, rising: np.ndarray, falling: np.ndarray, side: str) -> np.ndarray:
    """The hot patterns of each row (or '' where none), by the rules of the module."""
    steps = hot.shape[1]
    share = hot.sum(axis=1) / steps
    run = _trailing(hot)
    final = hot[:, -1]
    only_final_run = hot.sum(axis=1) == run
    often = share >= SHARE - 1e-12
    pattern = np.full(hot.shape[0], "", dtype=object)
    rules = [
        (final & often & rising, "intensifying"),
        (final & often & falling, "diminishing"),
        (final & often, "persistent"),
        (final & only_final_run & (run == 1), "new"),
        (final & only_final_run, "consecutive"),
        (final & cold[:, :-1].any(axis=1), "oscillating"),
        (final, "sporadic"),
        (~final & ~cold[:, -1] & often, "historical"),
    ]
    for chosen, kind in reversed(rules):  # the first rule that holds wins
        pattern[chosen] = f"{kind}_{side}"
    return pattern


def classify(bins: np.ndarray, z_trend: Trend) -> np.ndarray:
    """The pattern of each cell (row of ``bins``: its Gi* bins over the steps), from PATTERNS."""
    bins = np.asarray(bins)
    if bins.ndim != 2 or bins.shape[1] < 2:
        raise AnalysisError(tr("an emerging hot spot analysis needs at least 2 time steps: choose a longer "
                               "period or a shorter step"))
    hot, cold = bins > 0, bins < 0
    significant = z_trend.p < TREND_ALPHA
    rising, falling = significant & (z_trend.z > 0), significant & (z_trend.z < 0)
    hot_pattern = _side(hot, cold, rising, falling, "hot")
    cold_pattern = _side(cold, hot, falling, rising, "cold")
    pattern = np.where(hot_pattern != "", hot_pattern, cold_pattern)
    return np.where(pattern != "", pattern, "none").astype(object)


@dataclass
class EmergingResult:
    grid: Grid
    steps: np.ndarray  # step numbers, in order
    cube: np.ndarray  # int64 cells × steps
    z: np.ndarray
    p: np.ndarray
    bins: np.ndarray
    count_trend: Trend
    z_trend: Trend
    pattern: np.ndarray  # object, codes of PATTERNS
    band: float

    @property
    def steps_hot(self) -> np.ndarray:
        return (self.bins > 0).sum(axis=1)

    @property
    def share_hot(self) -> np.ndarray:
        return self.steps_hot / self.bins.shape[1]


def emerging_hotspots(grid: Grid, band: float, x: np.ndarray, y: np.ndarray, days: np.ndarray, step: str,
                      time_neighbours: int = 1, first_day: int | None = None,
                      last_day: int | None = None,
                      progress: Callable[[float], bool] | None = None) -> EmergingResult:
    """The cube, Gi*, trends and patterns of incidents at (x, y) on local ``days``
    over ``grid`` (from ``hotspots``: its study area, cell size and band). The
    steps are the whole ones from ``first_day`` (default: the first incident's)
    to ``last_day`` (default: the last incident's); incidents outside them are
    left out. ``progress(fraction)`` is told how far Gi* has come; when it
    returns False the analysis stops with ``bounds.Cancelled``."""
    if time_neighbours < 0:
        raise AnalysisError(tr("the number of earlier steps that count as neighbours cannot be negative"))
    numbers = step_of_days(days, step)
    days = np.asarray(days, dtype=np.int64)
    if days.size == 0:
        raise AnalysisError(tr("no incident has a time: nothing to analyse"))
    low, high = whole_steps(int(days.min()) if first_day is None else first_day,
                            int(days.max()) if last_day is None else last_day, step)
    if high - low + 1 < 2:
        raise AnalysisError(tr("an emerging hot spot analysis needs at least 2 time steps: choose a longer "
                               "period or a shorter step"))
    cells = cell_of(grid, np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
    keep = (cells >= 0) & (numbers >= low) & (numbers <= high)
    steps = np.arange(low, high + 1)
    flat = cells[keep] * steps.size + (numbers[keep] - low)
    cube = np.bincount(flat, minlength=len(grid) * steps.size).reshape(len(grid), steps.size).astype(np.int64)
    z, p = space_time_gi(cube, grid, band, time_neighbours, progress)
    bins = step_bins(z, p)
    z_trend = mann_kendall(z)
    return EmergingResult(grid, steps, cube, z, p, bins, mann_kendall(cube), z_trend, classify(bins, z_trend), band)


def pattern_label(code: str) -> str:
    """The legend's words for a pattern code of PATTERNS."""
    return {
        "new_hot": tr("New hot spot"), "consecutive_hot": tr("Consecutive hot spot"),
        "intensifying_hot": tr("Intensifying hot spot"), "persistent_hot": tr("Persistent hot spot"),
        "diminishing_hot": tr("Diminishing hot spot"), "sporadic_hot": tr("Sporadic hot spot"),
        "oscillating_hot": tr("Oscillating hot spot"), "historical_hot": tr("Historical hot spot"),
        "new_cold": tr("New cold spot"), "consecutive_cold": tr("Consecutive cold spot"),
        "intensifying_cold": tr("Intensifying cold spot"), "persistent_cold": tr("Persistent cold spot"),
        "diminishing_cold": tr("Diminishing cold spot"), "sporadic_cold": tr("Sporadic cold spot"),
        "oscillating_cold": tr("Oscillating cold spot"), "historical_cold": tr("Historical cold spot"),
        "none": tr("No pattern"),
    }[code]
