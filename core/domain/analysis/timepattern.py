"""Does the weekday matter, and does the hour of day? Two tests of the
time-of-week profile's margins, and its busiest windows named by what they find.

A coordinator acts on "Wednesday 20–00" by sending a patrol on Wednesdays. If
the weekday makes no difference, that is chance dressed up as a finding: the
honest advice is "evenings 20–00 on every day". So the weekday margin (7 sums)
and the hour margin (24 sums) are each tested against an even spread, and
the windows are named accordingly (``busiest``):

- both matter: the busiest four-hour windows of the week ("Friday and
  Saturday 22–02");
- only the hour: the busiest four hours of the day, on every day;
- only the weekday: the busiest days, at any hour;
- neither: no window; a sentence says that no time of the week stands out.

A margin "matters" when its p-value is below ``SIGNIFICANCE`` (0.05).

Start counts: Pearson's chi-square goodness-of-fit test against an even
spread, 6 and 23 degrees of freedom (as ``scipy.stats.chisquare``).

Aoristic weights: a margin of fractional weights is not a sum of
independent counts and has no chi-square distribution (spreading makes it
smoother than counts, so the chi-square p would be too large). The test is
then by simulation: under "the weekday does not matter" an incident is as
likely one day later as where it is, so each draw moves every incident's
weights round the week by its own random whole number of days (for the hour
test, round the day by a random whole number of hours) and recomputes
Pearson's statistic. p = (1 + draws at least as large) / (1 + ``DRAWS``),
with a fixed seed, so the same incidents always give the same p.
"""

from __future__ import annotations

from typing import Callable, NamedTuple
from zoneinfo import ZoneInfo

import numpy as np

from ...i18n import tr
from . import AnalysisError
from .gamma import chi2_sf
from .timeprofile import DAYS, HOURS, circular_windows, interval_kinds, interval_margins, top_windows, weekday_names

SIGNIFICANCE = 0.05
DRAWS = 999
SEED = 20260615
WINDOW_HOURS = 4
_CHUNK_CELLS = 4_000_000  # simulated weights handled at once: about 32 MB


class MarginTest(NamedTuple):
    statistic: float  # Pearson's X² of the margin against an even spread
    df: int
    p: float
    method: str  # "chi-square" or "monte-carlo"


class Pattern(NamedTuple):
    weekday: MarginTest
    hour: MarginTest

    @property
    def weekday_matters(self) -> bool:
        return self.weekday.p < SIGNIFICANCE

    @property
    def hour_matters(self) -> bool:
        return self.hour.p < SIGNIFICANCE


class Busiest(NamedTuple):
    """What to name: ``kind`` is "both", "hour", "weekday", "neither" or
    "empty"; ``windows`` are (weekday or None for every day, start hour, hours,
    weight), heaviest first; ``days`` the busiest weekdays (0 = Monday)."""

    kind: str
    windows: list
    days: list


def pearson_statistic(margin: np.ndarray) -> float:
    """Σ (observed − expected)² / expected with an even expected spread."""
    margin = np.asarray(margin, dtype=np.float64).ravel()
    total = float(margin.sum())
    if total <= 0:
        return 0.0
    expected = total / margin.size
    return float(((margin - expected) ** 2).sum() / expected)


def chisquare_test(counts: np.ndarray) -> MarginTest:
    """Pearson's goodness-of-fit test of ``counts`` against an even spread;
    p = 1 when there is nothing to test."""
    counts = np.asarray(counts, dtype=np.float64).ravel()
    statistic = pearson_statistic(counts)
    df = counts.size - 1
    return MarginTest(statistic, df, chi2_sf(statistic, df) if counts.sum() > 0 else 1.0, "chi-square")


def start_pattern(profile: np.ndarray) -> Pattern:
    """The chi-square tests of a profile of start counts."""
    values = np.asarray(profile, dtype=np.float64).reshape(DAYS, HOURS)
    return Pattern(chisquare_test(values.sum(axis=1)), chisquare_test(values.sum(axis=0)))


def aoristic_pattern(profile: np.ndarray, start: np.ndarray, end: np.ndarray, tz: ZoneInfo,
                     draws: int = DRAWS, seed: int = SEED,
                     progress: Callable[[float], bool] | None = None) -> Pattern:
    """The simulation tests of ``profile``, the aoristic profile of the
    incidents ``start``..``end`` (as ``time_of_week`` takes them).
    ``progress(fraction)`` returning False stops with an AnalysisError."""
    values = np.asarray(profile, dtype=np.float64).reshape(DAYS, HOURS)
    start = np.asarray(start, dtype=np.int64).ravel()
    end = np.asarray(end, dtype=np.int64).ravel()
    point, long, short = interval_kinds(start, end)
    by_day, by_hour = interval_margins(start[short], end[short], tz)
    singles, even = int(np.count_nonzero(point)), float(np.count_nonzero(long))

    def part(offset: float):
        return None if progress is None else (lambda done: progress(offset + done / 2))

    weekday = rotation_test(values.sum(axis=1), singles, even, by_day, draws, np.random.default_rng([seed, 0]),
                            part(0.0))
    hour = rotation_test(values.sum(axis=0), singles, even, by_hour, draws, np.random.default_rng([seed, 1]),
                         part(0.5))
    return Pattern(weekday, hour)


def rotation_test(observed: np.ndarray, singles: int, even: float, spread: np.ndarray, draws: int,
                  rng: np.random.Generator, progress: Callable[[float], bool] | None = None) -> MarginTest:
    """Monte Carlo test of the margin ``observed`` (k cells on a circle)
    against an even spread. It is made of ``singles`` incidents each wholly in
    one cell, ``even`` incidents spread evenly, and one row of ``spread``
    (summing to 1) per other incident. Each draw turns every incident by its
    own uniform random number of cells: the singles then fall as a multinomial
    count, the even ones stay, and the rows are rotated one by one."""
    observed = np.asarray(observed, dtype=np.float64).ravel()
    k = observed.size
    spread = np.asarray(spread, dtype=np.float64).reshape(-1, k)
    whole = spread.max(axis=1) >= 1.0 - 1e-12 if spread.size else np.zeros(0, dtype=bool)
    singles += int(np.count_nonzero(whole))
    spread = spread[~whole]
    flat = np.all(np.abs(spread - 1.0 / k) < 1e-12, axis=1)
    even += float(np.count_nonzero(flat))
    spread = spread[~flat]
    statistic = pearson_statistic(observed)
    expected = float(observed.sum()) / k
    if expected <= 0:
        return MarginTest(0.0, k - 1, 1.0, "monte-carlo")
    rows = spread.shape[0]
    chunk = max(1, min(draws, _CHUNK_CELLS // max(1, rows * k)))
    at_least, done = 0, 0
    while done < draws:
        size = min(chunk, draws - done)
        simulated = rng.multinomial(singles, np.full(k, 1.0 / k), size=size) + even / k
        if rows:
            turns = rng.integers(0, k, size=(size, rows))
            cells = (turns[:, :, None] + np.arange(k)) % k + (np.arange(size) * k)[:, None, None]
            weights = np.broadcast_to(spread, (size, rows, k))
            simulated = simulated + np.bincount(cells.ravel(), weights=weights.ravel(),
                                                minlength=size * k).reshape(size, k)
        statistics = ((simulated - expected) ** 2).sum(axis=1) / expected
        # the same arrangement can sum in another order: count ties as ties
        at_least += int(np.count_nonzero(statistics >= statistic - 1e-9 * max(1.0, statistic)))
        done += size
        if progress is not None and not progress(done / draws):
            raise AnalysisError(tr("the time-of-week tests were cancelled"))
    return MarginTest(statistic, k - 1, (1 + at_least) / (1 + draws), "monte-carlo")


def busiest(profile: np.ndarray, pattern: Pattern, min_weight: float = 0.0, count: int = 3) -> Busiest:
    """What the tests allow one to name (see the module's docstring); windows
    and days weighing less than ``min_weight`` are left out."""
    values = np.asarray(profile, dtype=np.float64).reshape(DAYS, HOURS)
    if values.sum() <= 0:
        return Busiest("empty", [], [])
    if pattern.weekday_matters and pattern.hour_matters:
        windows = [tuple(w) for w in top_windows(values, count, WINDOW_HOURS) if w.weight >= min_weight]
        return Busiest("both", windows, [])
    if pattern.hour_matters:
        daily = circular_windows(values.sum(axis=0), 1, WINDOW_HOURS)
        return Busiest("hour", [(None, first, WINDOW_HOURS, w) for first, w in daily if w >= min_weight], [])
    if pattern.weekday_matters:
        by_day = values.sum(axis=1)
        above = [d for d in np.argsort(-by_day, kind="stable") if by_day[d] > by_day.mean() and by_day[d] >= min_weight]
        return Busiest("weekday", [], sorted(int(d) for d in above[:count]))
    return Busiest("neither", [], [])


def pattern_sentence(profile: np.ndarray, pattern: Pattern, language: str, min_weight: float = 0.0) -> str:
    """One sentence: what the tests found, with their p-values, and what is
    busiest by ``busiest``'s rule, in ``language`` ("sv" or "en")."""
    found = busiest(profile, pattern, min_weight)
    if found.kind == "empty":
        return tr("No incidents in this profile.")
    weekday_p, hour_p = p_text(pattern.weekday.p, language), p_text(pattern.hour.p, language)
    if found.kind == "neither":
        return tr("Neither the weekday ({weekday_p}) nor the hour of day ({hour_p}) departs from an even spread "
                  "at the 5 % level: no time of the week stands out.").format(weekday_p=weekday_p, hour_p=hour_p)
    if found.kind == "both":
        tests = tr("Both the weekday ({weekday_p}) and the hour of day ({hour_p}) matter")
    elif found.kind == "hour":
        tests = tr("The hour of day matters ({hour_p}), the weekday does not ({weekday_p})")
    else:
        tests = tr("The weekday matters ({weekday_p}), the hour of day does not ({hour_p})")
    tests = tests.format(weekday_p=weekday_p, hour_p=hour_p)
    named = busiest_label(found, language)
    if not named:
        return tr("{tests}; no window has {n} or more incidents.").format(tests=tests, n=f"{min_weight:g}")
    return tr("{tests}: busiest {named}.").format(tests=tests, named=named)


def busiest_label(found: Busiest, language: str) -> str:
    """"Friday and Saturday 22–02, Sunday 20–00", "evenings 20–00 on every
    day", "Friday and Saturday, at any hour", or "" when nothing is named."""
    names = weekday_names(language)
    if found.kind == "weekday" and found.days:
        return tr("{days}, at any hour").format(days=_listing([names[d] for d in found.days]))
    if found.kind == "hour" and found.windows:
        return tr("{windows} on every day").format(windows=_listing([_daily_label(w) for w in found.windows]))
    groups: dict = {}  # the same hours on several days read as one window
    for weekday, first, hours, _ in found.windows:
        groups.setdefault((first, hours), []).append(weekday)
    labels = [f"{_listing([names[d] for d in sorted(days)])} {_hours_text(first, hours)}"
              for (first, hours), days in groups.items()]
    return ", ".join(labels)


def p_text(p: float, language: str) -> str:
    """"p = 0.97", "p = 0.012", "p < 0.001" with the language's decimal mark."""
    text = "p < 0.001" if p < 0.001 else f"p = {p:.3f}" if p < 0.1 else f"p = {p:.2f}"
    return text.replace(".", ",") if language == "sv" else text


def _hours_text(first: int, hours: int) -> str:
    return f"{first:02d}–{(first + hours) % HOURS:02d}"


def _daily_label(window: tuple) -> str:
    _, first, hours, _ = window
    middle = (first + hours / 2) % HOURS
    if 6 <= middle < 12:
        template = tr("mornings {hours}")
    elif 12 <= middle < 18:
        template = tr("afternoons {hours}")
    elif middle >= 18:
        template = tr("evenings {hours}")
    else:
        template = tr("nights {hours}")
    return template.format(hours=_hours_text(first, hours))


def _listing(items: list[str]) -> str:
    if len(items) < 2:
        return "".join(items)
    return tr("{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])
