"""A short situation summary of a store, in words: what ``make demo`` prints
and the first thing a coordinator asks. Percent change is always relative to
the earlier period, and its base is named. Every period ends yesterday, the
last whole day in the store's time zone.

Run as ``python -m lagesbild.core.summary STORE.gpkg [--today YYYY-MM-DD]``
(default: today in the store's time zone)."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from ..domain import codelist
from ..domain.periods import has_data_for, last_days, local_today, year_on_year
from ..domain.wording import change_in_words, incidents_in_words, no_data_in_words, period_in_words
from ..i18n import language, tr
from ..store import IncidentFilter, Store


def weekday_name(weekday: int) -> str:
    """The name of a weekday, 0 = Monday."""
    return (tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"), tr("Friday"), tr("Saturday"),
            tr("Sunday"))[weekday]


def situation_summary(store: Store, today: date) -> str:
    """The situation since 1 January through yesterday against the same dates
    last year (on 1 January: the whole year before against the one before it)."""
    last_year, this_year = year_on_year(today)
    compared = has_data_for(last_year, store.first_day())  # no comparison with days before the first incident
    base_name = tr("the same period last year")
    lines = [
        tr("Situation picture of {name}").format(name=store.location.label),
        tr("{incidents} in the store; CRS {crs}, time zone {zone}").format(
            incidents=incidents_in_words(store.count()), crs=store.crs, zone=store.time_zone),
        "",
        tr("Since 1 January ({period}): {words}").format(
            period=period_in_words(this_year),
            words=change_in_words(store.count(IncidentFilter(period=last_year)),
                                  store.count(IncidentFilter(period=this_year)), last_year, base_name=base_name)
            if compared else incidents_in_words(store.count(IncidentFilter(period=this_year))) + "; "
            + no_data_in_words(last_year, base_name=base_name)),
    ]
    now = store.counts("category", IncidentFilter(period=this_year))
    before = store.counts("category", IncidentFilter(period=last_year))
    lines.append(tr("By category, since 1 January against the same period last year:"))
    for category in sorted(codelist.CATEGORIES, key=lambda c: -now.get(c.code, 0)):
        if now.get(category.code) or before.get(category.code):
            lines.append(f"  {category.label(language()):<22} " + (change_in_words(
                before.get(category.code, 0), now.get(category.code, 0), last_year) if compared
                else str(now.get(category.code, 0))))
    districts = store.counts("area", IncidentFilter(period=this_year))
    kinds = {area.name: area.kind for area in store.areas()}
    if districts:
        lines.append(tr("By area, since 1 January:"))
        for name, count in districts.items():
            lines.append(f"  {name:<24} {count:>7}  ({kinds[name]})")
    recent = IncidentFilter(period=last_days(91, today), categories=("disorder",))
    weekdays, hours = store.counts("weekday", recent), store.counts("hour", recent)
    if weekdays:
        busiest_day = max(weekdays, key=weekdays.get)
        busiest_hour = max(hours, key=hours.get)
        lines.append(tr("Disorder over the last 13 weeks: most on {day}, most at {hour:02d}–{next:02d} local time")
                     .format(day=weekday_name(busiest_day), hour=busiest_hour, next=(busiest_hour + 1) % 24))
    measures = store.measures()
    if measures:
        lines.append(tr("Measures in the action plan:"))
        for measure in measures:
            lines.append(f"  {measure.title} — {measure.status}, {tr('from')} {measure.start_date.isoformat()}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the situation summary of a Lägesbild store.")
    parser.add_argument("store")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the day of the summary (default: today in the store's time zone)")
    args = parser.parse_args(argv)
    with Store.open(args.store, read_only=True) as store:
        print(situation_summary(store, args.today or local_today(store.tz)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
