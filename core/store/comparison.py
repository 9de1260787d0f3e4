"""Period comparison straight from a store: the counts come from the store's
own grouped queries (SQL GROUP BY on indexed columns; areas in NumPy), so a
million incidents are compared about as fast as the plain SQL would count
them (``bench/bench_comparison.py``)."""

from __future__ import annotations

from ..domain.analysis.comparison import TOTAL, Comparison, compare
from ..domain.timeutil import Period
from . import IncidentFilter, Store

GROUPS = ("none", "category", "subcategory", "reporting_org", "area")


def compare_in_store(store: Store, group_by: str, period_a: Period, period_b: Period,
                     time_field: str = "occurred_from") -> list[Comparison]:
    """One row per group with any incident in A or B, then the total row.
    Periods are read in the store's time zone."""
    filter_a = IncidentFilter(period=period_a, time_field=time_field)
    filter_b = IncidentFilter(period=period_b, time_field=time_field)
    rows = []
    if group_by != "none":
        groups_a, groups_b = store.counts(group_by, filter_a), store.counts(group_by, filter_b)
        keys = [k for k in dict.fromkeys(list(groups_a) + list(groups_b)) if groups_a.get(k) or groups_b.get(k)]
        if group_by != "area":
            keys = sorted(keys, key=lambda k: (k is None, str(k)))
        rows = [compare(groups_a.get(k, 0), groups_b.get(k, 0), period_a.days, period_b.days, k) for k in keys]
    if group_by in ("none", "area"):  # areas overlap: the total counts each incident once
        total_a, total_b = store.count(filter_a), store.count(filter_b)
    else:  # a code group holds every incident exactly once (None is a group too)
        total_a, total_b = sum(groups_a.values()), sum(groups_b.values())
    rows.append(compare(total_a, total_b, period_a.days, period_b.days, TOTAL))
    return rows
