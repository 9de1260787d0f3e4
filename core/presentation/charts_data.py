"""What the dock's charts draw, computed from the store (no widgets): the
filtered incidents over the period in steps of a week (of a day for a short
period) against the comparison period, the previous period of the same
length, step for step; and the counts per category.

Steps are counted from the period's first day, so that step 1 of the period
and step 1 of its base cover the same number of days; the last step may be
shorter, and says so by its dates. The base is drawn only where the store has
data for all of it (``periods.has_data_for``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..domain import codelist
from ..domain.periods import Period, has_data_for, previous_period
from ..domain.wording import period_in_words
from ..i18n import translator
from ..store import Store
from .situation import FilterState

SHORT_PERIOD_DAYS = 21  # up to this many days the trend goes day by day


@dataclass(frozen=True)
class Step:
    period: Period
    count: int
    base_period: Period
    base_count: int | None  # None: no data for the base


@dataclass(frozen=True)
class Trend:
    step_days: int
    steps: tuple[Step, ...]
    base: Period
    has_base: bool

    def text(self, language: str | None = None) -> str:
        """The chart's numbers as sentences, for a screen reader and as text."""
        tr = translator(language)
        unit = tr("per day") if self.step_days == 1 else tr("per week")
        lines = [tr("Incidents {unit}, against the previous period ({base})").format(
            unit=unit, base=period_in_words(self.base, language))]
        if not self.has_base:
            lines[0] = tr("Incidents {unit}; no data for the previous period ({base})").format(
                unit=unit, base=period_in_words(self.base, language))
        for step in self.steps:
            words = period_in_words(step.period, language)
            if step.base_count is None:
                lines.append(f"{words}: {step.count}")
            else:
                lines.append(tr("{period}: {count} against {base}").format(
                    period=words, count=step.count, base=step.base_count))
        return "\n".join(lines)


@dataclass(frozen=True)
class CategoryBars:
    bars: tuple[tuple[str, str, int], ...]  # (code, label, count), code-list order, every category

    def text(self, language: str | None = None) -> str:
        tr = translator(language)
        return "\n".join([tr("Incidents per category")] + [f"{label}: {count}" for _, label, count in self.bars])


def step_days(period: Period) -> int:
    return 1 if period.days <= SHORT_PERIOD_DAYS else 7


def _steps(period: Period, days: int) -> list[Period]:
    result, start = [], period.start
    while start <= period.end:
        end = min(start + timedelta(days=days - 1), period.end)
        result.append(Period(start, end))
        start = end + timedelta(days=1)
    return result


def _sum_days(per_day: dict[date, int], period: Period) -> int:
    return sum(n for day, n in per_day.items() if period.start <= day <= period.end)


def trend(store: Store, state: FilterState, today: date, first_day: date | None = None) -> Trend:
    """The filtered incidents of ``state``'s period, step by step, against its
    previous period; ``first_day`` is ``store.first_day()`` (asked when None)."""
    period = state.period(today)
    base = previous_period(period)
    if first_day is None:
        first_day = store.first_day()
    has_base = has_data_for(base, first_day)
    days = step_days(period)
    now = store.counts("day", state.incident_filter(today, period))
    before = store.counts("day", state.incident_filter(today, base)) if has_base else {}
    shift = period.start - base.start
    steps = []
    for part in _steps(period, days):
        base_part = Period(part.start - shift, part.end - shift)
        steps.append(Step(part, _sum_days(now, part), base_part,
                          _sum_days(before, base_part) if has_base else None))
    return Trend(days, tuple(steps), base, has_base)


def category_bars(by_category: dict[str, int], language: str | None = None) -> CategoryBars:
    """Every category of the code list with its count (0 where none), from a
    summary's ``by_category``."""
    lang = language or "en"
    return CategoryBars(tuple((c.code, c.label(lang), int(by_category.get(c.code, 0))) for c in codelist.CATEGORIES))
