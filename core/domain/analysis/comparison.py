"""Period comparison: how many incidents in period B against the reference
period A, the rate ratio with its exact confidence interval, and the exact
conditional test of two Poisson counts (the core of
``lagesbild:periodcomparison``).

Given n = a + b incidents in the two periods, and equal daily rates, b is
Binomial(n, days_b/(days_a + days_b)); the test and the interval come from
that binomial, as in R's ``poisson.test``. A value that does not exist is
None: the percentage and the rate ratio when a = 0, the upper limit of the
interval when a = 0 (it is unbounded), every ratio when a = b = 0.

The default periods are ``periods.year_on_year``; the sentence in words is
``wording.change_in_words``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...i18n import tr
from ..periods import Period
from . import AnalysisError
from .exact import binom_test_two_sided, clopper_pearson

TOTAL = "total"


@dataclass
class Comparison:
    group: object
    count_a: int
    count_b: int
    days_a: int
    days_b: int
    change: int  # b − a
    change_pct: float | None  # 100 (b − a)/a; None when a = 0
    rate_ratio: float | None  # (b/days_b)/(a/days_a); None when a = 0
    rr_low: float | None  # exact 95 % interval of the rate ratio; None when a = b = 0
    rr_high: float | None  # None when unbounded (a = 0) or a = b = 0
    p_value: float  # exact two-sided test of equal daily rates; 1 when a = b = 0


def compare(count_a: int, count_b: int, days_a: int, days_b: int, group=TOTAL) -> Comparison:
    """Compare ``count_b`` incidents in ``days_b`` days with ``count_a`` in ``days_a``."""
    for name, value in (("count_a", count_a), ("count_b", count_b)):
        if int(value) != value or value < 0:
            raise AnalysisError(tr("A count must be a whole number of at least 0: {name} = {value}")
                                .format(name=name, value=value))
    for name, value in (("days_a", days_a), ("days_b", days_b)):
        if int(value) != value or value < 1:
            raise AnalysisError(tr("A period must be at least one whole day long: {name} = {value}")
                                .format(name=name, value=value))
    a, b, days_a, days_b = int(count_a), int(count_b), int(days_a), int(days_b)
    total = a + b
    rate_ratio = rr_low = rr_high = None
    p_value = 1.0
    if a > 0:
        rate_ratio = (b / days_b) / (a / days_a)
    if total > 0:
        # the Clopper–Pearson interval of b/(a + b) is one of the odds
        # p/(1 − p) = rate ratio × days_b/days_a, so it maps onto the ratio
        low, high = clopper_pearson(b, total)
        to_ratio = days_a / days_b
        rr_low = low / (1 - low) * to_ratio
        rr_high = high / (1 - high) * to_ratio if high < 1 else None
        p_value = binom_test_two_sided(b, total, days_b / (days_a + days_b))
    return Comparison(
        group=group, count_a=a, count_b=b, days_a=days_a, days_b=days_b, change=b - a,
        change_pct=100.0 * (b - a) / a if a > 0 else None,
        rate_ratio=rate_ratio, rr_low=rr_low, rr_high=rr_high, p_value=p_value)


def _group_order(group) -> tuple:
    """Numbers in numeric order, then text, then None (no group)."""
    number = isinstance(group, (int, float)) and not isinstance(group, bool)
    return group is None, not number, group if number else ("" if group is None else str(group))


def compare_groups(groups_a: dict, groups_b: dict, period_a: Period, period_b: Period) -> list[Comparison]:
    """One comparison per group (the union of both dicts' keys, a missing
    group counting 0), in group order, then the total row (group "total")."""
    check_periods(period_a, period_b)
    groups = set(groups_a) | set(groups_b)
    if TOTAL in groups:
        raise AnalysisError(tr("A group may not be called \"{total}\": that name is kept for the total row")
                            .format(total=TOTAL))
    rows = [compare(groups_a.get(g, 0), groups_b.get(g, 0), period_a.days, period_b.days, g)
            for g in sorted(groups, key=_group_order)]
    rows.append(compare(sum(groups_a.values()), sum(groups_b.values()), period_a.days, period_b.days, TOTAL))
    return rows


def make_period(start: date, end: date, name: str) -> Period:
    """A Period, or an AnalysisError that names the period when it runs backwards."""
    if end < start:
        raise AnalysisError(tr("Period {name} runs backwards: it starts on {start}, after its end on {end}")
                            .format(name=name, start=start.isoformat(), end=end.isoformat()))
    return Period(start, end)


def check_periods(period_a: Period, period_b: Period, names: tuple[str, str] = ("A", "B")) -> None:
    """AnalysisError when the two periods share a day."""
    if period_a.overlaps(period_b):
        raise AnalysisError(tr(
            "Period {first} ({first_start} to {first_end}) and period {second} ({second_start} to "
            "{second_end}) overlap: the periods compared must not share a day"
        ).format(first=names[0], first_start=period_a.start.isoformat(), first_end=period_a.end.isoformat(),
                 second=names[1], second_start=period_b.start.isoformat(),
                 second_end=period_b.end.isoformat()))
