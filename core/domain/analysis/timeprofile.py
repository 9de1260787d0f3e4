"""The time-of-week profile: incident weights by local weekday and hour.

A profile is a (7, 24) float64 array, ``profile[weekday, hour]`` with
weekday 0 = Monday .. 6 = Sunday and the local clock hour 0..23 in the
store's zone. Its weights sum to the number of incidents used.

Two ways of placing an incident:

- ``start``: one unit at the local weekday and hour of its start.
- ``aoristic``: an incident known only to have happened between start and
  end spreads one unit over that interval, in proportion to the real elapsed
  time in each local clock hour (Ratcliffe's aoristic analysis, weighted by
  time rather than by whole hours). The hour repeated when the clocks go back
  gets both of its real hours; the hour skipped when they go forward gets none.
  An interval of seven days or more says nothing about the time of week and
  spreads evenly, 1/168 in each hour. A missing end (None or -1), or an end
  not after the start, counts as ``start``.

The aoristic spread walks the intervals forward one local clock hour at a
time, all intervals at once: at most 169 steps for intervals under a week
(plus one per offset change that is not on an hour boundary, as on Lord Howe
Island), never a loop over incidents.
"""

from __future__ import annotations

import html
from typing import NamedTuple
from zoneinfo import ZoneInfo

import numpy as np

from ...i18n import tr
from ..timeutil import local_parts, utc_offsets
from . import AnalysisError

DAYS, HOURS = 7, 24
WEEK_HOURS = DAYS * HOURS
WEEK_SECONDS = WEEK_HOURS * 3600
METHODS = ("start", "aoristic")
MISSING_END = -1
_NEVER = np.int64(1) << np.int64(62)  # after every offset change; no overflow in differences

WEEKDAY_NAMES = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

# White to ColorBrewer's darkest red (Reds, 9 classes).
_LOW_RGB = np.array([255.0, 255.0, 255.0])
_HIGH_RGB = np.array([103.0, 0.0, 13.0])


class Window(NamedTuple):
    """``hours`` consecutive local hours from ``start_hour`` on ``weekday``
    (0 = Monday), possibly running into the next day; ``weight`` is their sum."""

    weekday: int
    start_hour: int
    hours: int
    weight: float


def time_of_week(start: np.ndarray, end: np.ndarray | None, tz: ZoneInfo, method: str = "start") -> np.ndarray:
    """The (7, 24) profile of incidents starting at UTC epoch seconds ``start``
    and, for ``aoristic``, ending at ``end`` (-1 where unknown)."""
    if method not in METHODS:
        raise AnalysisError(
            tr("unknown time profile method {method!r}: use 'start' or 'aoristic'").format(method=method)
        )
    start = np.asarray(start, dtype=np.int64).ravel()
    profile = np.zeros(WEEK_HOURS, dtype=np.float64)
    if method == "start" or end is None:
        _add_points(profile, start, tz)
        return profile.reshape(DAYS, HOURS)
    end = np.asarray(end, dtype=np.int64).ravel()
    if end.shape != start.shape:
        raise AnalysisError(
            tr("the incidents have {starts} start times but {ends} end times; give one end (or -1) per start").format(
                starts=start.size, ends=end.size
            )
        )
    point, long, short = interval_kinds(start, end)
    _add_points(profile, start[point], tz)
    profile += np.count_nonzero(long) / WEEK_HOURS
    for _, cell, weight in _interval_steps(start[short], end[short], tz):
        profile += np.bincount(cell, weights=weight, minlength=WEEK_HOURS)
    return profile.reshape(DAYS, HOURS)


def interval_kinds(start: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Three masks that split the incidents as the aoristic method places
    them: counted at the start (no end, or an end not after the start),
    spread evenly (seven days or more), spread by the clock (the rest)."""
    has_interval = (end != MISSING_END) & (end > start)
    long = has_interval & (end - start >= WEEK_SECONDS)
    return ~has_interval, long, has_interval & ~long


def interval_margins(start: np.ndarray, end: np.ndarray, tz: ZoneInfo) -> tuple[np.ndarray, np.ndarray]:
    """Each interval's aoristic weights summed by weekday, shape (m, 7), and
    by local hour, shape (m, 24); each row sums to 1. For intervals shorter
    than a week (``interval_kinds``' third kind): the rows add up to
    ``time_of_week``'s margins for them."""
    start = np.asarray(start, dtype=np.int64).ravel()
    end = np.asarray(end, dtype=np.int64).ravel()
    steps = list(_interval_steps(start, end, tz))
    index = np.concatenate([step[0] for step in steps]) if steps else np.zeros(0, dtype=np.int64)
    cell = np.concatenate([step[1] for step in steps]) if steps else np.zeros(0, dtype=np.int64)
    weight = np.concatenate([step[2] for step in steps]) if steps else np.zeros(0)
    m = start.size
    by_day = np.bincount(index * DAYS + cell // HOURS, weights=weight, minlength=m * DAYS)
    by_hour = np.bincount(index * HOURS + cell % HOURS, weights=weight, minlength=m * HOURS)
    return by_day.reshape(m, DAYS), by_hour.reshape(m, HOURS)


def _add_points(profile: np.ndarray, epochs: np.ndarray, tz: ZoneInfo) -> None:
    if epochs.size == 0:
        return
    parts = local_parts(epochs, tz)
    profile += np.bincount(parts.weekday * HOURS + parts.hour, minlength=WEEK_HOURS)


def _offset_table(low: int, high: int, tz: ZoneInfo) -> tuple[np.ndarray, np.ndarray]:
    """The zone's UTC offset over [low, high] as a step function: ``offsets[i]``
    holds from ``starts[i]`` until ``starts[i + 1]``. Hourly probes find each
    change (zones never change twice within an hour); one vectorised look at
    that hour's seconds pins it down. The loop runs over offset changes, a
    few a year."""
    probes = np.arange(low, high + 3600, 3600, dtype=np.int64)
    offsets = utc_offsets(probes, tz)
    starts, values = [low], [int(offsets[0])]
    for i in np.nonzero(np.diff(offsets))[0]:
        seconds = np.arange(probes[i], probes[i + 1] + 1, dtype=np.int64)
        inside = utc_offsets(seconds, tz)
        first = int(np.argmax(inside != offsets[i]))
        starts.append(int(seconds[first]))
        values.append(int(inside[first]))
    return np.asarray(starts, dtype=np.int64), np.asarray(values, dtype=np.int64)


def _interval_steps(start: np.ndarray, end: np.ndarray, tz: ZoneInfo):
    """Spread each interval [start, end) (0 < length < a week) over the local
    clock hours it touches, by real elapsed seconds: yields, step by step,
    (interval index, week cell, weight) arrays.

    Each step takes every interval from where it is to the end of its local
    clock hour, its next offset change or its end, whichever comes first.
    Local time moves with real time except at an offset change, where it jumps
    by the change (back an hour in autumn: the same clock hour again; forward
    in spring: the skipped hour gets no step)."""
    if start.size == 0:
        return
    index = np.arange(start.size, dtype=np.int64)
    change_at, offset_from = _offset_table(int(start.min()), int(end.max()), tz)
    segment_end = np.append(change_at[1:], _NEVER)
    segment = np.searchsorted(change_at, start, side="right") - 1
    local = start + offset_from[segment]
    to_end = end - start
    to_change = segment_end[segment] - start
    per_second = 1.0 / to_end
    while local.size:
        step = np.minimum(np.minimum(3600 - np.mod(local, 3600), to_end), to_change)
        # local hour 0 of 1970-01-01, a Thursday, is cell 3 * 24 of the week
        cell = (np.floor_divide(local, 3600) + 3 * HOURS) % WEEK_HOURS
        yield index, cell, step * per_second
        local += step
        to_end -= step
        to_change -= step
        changing = np.nonzero(to_change == 0)[0]
        if changing.size:
            segment[changing] += 1
            moved = segment[changing]
            local[changing] += offset_from[moved] - offset_from[moved - 1]
            to_change[changing] = segment_end[moved] - change_at[moved]
        # finished intervals take zero steps until enough of them are dropped
        finished = to_end == 0
        if np.count_nonzero(finished) * 8 >= local.size:
            going = ~finished
            local, to_end, to_change = local[going], to_end[going], to_change[going]
            per_second, segment, index = per_second[going], segment[going], index[going]


def top_windows(profile: np.ndarray, count: int = 3, width: int = 4) -> list[Window]:
    """The ``count`` heaviest non-overlapping windows of ``width`` consecutive
    hours, wrapping over midnight and from Sunday into Monday. Greedy: the
    heaviest window first, then the heaviest that shares no hour with those
    taken, and so on; ties go to the earliest in the week. Windows of zero
    weight are not returned, so an empty profile gives none."""
    flat = np.asarray(profile, dtype=np.float64).reshape(WEEK_HOURS)
    return [Window(first // HOURS, first % HOURS, width, weight)
            for first, weight in circular_windows(flat, count, width)]


def circular_windows(values: np.ndarray, count: int, width: int) -> list[tuple[int, float]]:
    """(first index, weight) of the ``count`` heaviest non-overlapping runs of
    ``width`` consecutive values on a circle (the week's 168 hours, or the
    day's 24), greedily as ``top_windows`` says."""
    values = np.asarray(values, dtype=np.float64).ravel()
    size = values.size
    if not 1 <= width <= size:
        raise AnalysisError(tr("a window is 1 to {size} hours wide, not {width}").format(size=size, width=width))
    cells = (np.arange(size)[:, None] + np.arange(width)) % size
    sums = values[cells].sum(axis=1)
    taken = np.zeros(size, dtype=bool)
    windows = []
    for _ in range(count):
        candidates = np.where(~taken[cells].any(axis=1) & (sums > 0), sums, -np.inf)
        best = int(np.argmax(candidates))
        if candidates[best] == -np.inf:
            break
        taken[cells[best]] = True
        windows.append((best, float(sums[best])))
    return windows


def weekday_names(language: str) -> tuple[str, ...]:
    """Monday..Sunday in ``language`` ("sv" lower case, "en" capitalised)."""
    return WEEKDAY_NAMES.get(language, WEEKDAY_NAMES["en"])


def window_label(window: Window, language: str) -> str:
    """``fredag 22–02`` / ``Friday 22–02``: the first day and the hours from
    and to on the 24-hour clock."""
    end_hour = (window.start_hour + window.hours) % HOURS
    return f"{weekday_names(language)[window.weekday]} {window.start_hour:02d}–{end_hour:02d}"


def profile_html(profile: np.ndarray, language: str, title: str, summary: str) -> str:
    """A self-contained HTML page: the week as a heat table (weekdays down,
    local hours 00–23 across, white to dark red by weight, each cell's number
    shown), headed by ``summary`` (``timepattern.pattern_sentence``: what
    matters and the busiest windows). ``language`` ("sv" or "en") names the
    weekdays and formats the numbers; pass ``i18n.language()`` so that it
    matches the tr() texts."""
    values = np.asarray(profile, dtype=np.float64).reshape(DAYS, HOURS)
    peak = float(values.max()) if values.size else 0.0
    decimals = _decimals(values)
    head = "".join(f"<th>{hour:02d}</th>" for hour in range(HOURS))
    rows = []
    for day, name in enumerate(weekday_names(language)):
        cells = "".join(_cell(value, peak, decimals, language) for value in values[day])
        rows.append(f"<tr><th class='day'>{html.escape(name)}</th>{cells}</tr>")
    total = tr("Weights by weekday and local hour; {total} incidents in all.").format(
        total=_number(float(values.sum()), 0, language)
    )
    title = html.escape(title)
    return (
        f"<!DOCTYPE html>\n<html lang='{html.escape(language)}'><head><meta charset='utf-8'>"
        f"<title>{title}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{title}</h1><p class='summary'>{html.escape(summary)}</p>"
        f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<p class='note'>{html.escape(total)}</p></body></html>\n"
    )


_STYLE = (
    "body{font-family:sans-serif;margin:1em;color:#222}"
    "h1{font-size:1.3em}"
    ".summary{font-size:1.1em;font-weight:bold}"
    "table{border-collapse:collapse;font-size:0.8em}"
    "th,td{border:1px solid #ddd;padding:3px 4px;text-align:right;min-width:2.2em}"
    "th.day{text-align:left;padding-right:0.8em}"
    ".note{color:#666;font-size:0.9em}"
)


def _decimals(values: np.ndarray) -> int:
    """Whole numbers as such; fractions (aoristic weights) to one decimal, or
    two when every weight is below ten."""
    if np.allclose(values, np.round(values), rtol=0.0, atol=1e-9):
        return 0
    return 1 if values.max() >= 10 else 2


def _number(value: float, decimals: int, language: str) -> str:
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if language == "sv" else text


def _cell(value: float, peak: float, decimals: int, language: str) -> str:
    share = value / peak if peak > 0 else 0.0
    red, green, blue = np.rint(_LOW_RGB + share * (_HIGH_RGB - _LOW_RGB)).astype(int)
    ink = "#fff" if share > 0.5 else "#222"
    return (
        f"<td style='background:#{red:02x}{green:02x}{blue:02x};color:{ink}'>{_number(value, decimals, language)}</td>"
    )
