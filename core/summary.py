"""A short situation summary of a store, in words: what ``make demo`` prints
and the first thing a coordinator asks. Percent change is always relative to
the earlier period, and its base is named.

Run as ``python -m lagesbild.core.summary STORE.gpkg [--today YYYY-MM-DD]``."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta

from . import codelist
from .i18n import language, tr
from .store import IncidentFilter, Store
from .timeutil import Period


def weekday_name(weekday: int) -> str:
    """The name of a weekday, 0 = Monday."""
    return (tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"), tr("Friday"), tr("Saturday"),
            tr("Sunday"))[weekday]


def percent_change(before: int, after: int) -> float | None:
    """100 (after − before) / before; None when there is no base."""
    return None if before == 0 else 100.0 * (after - before) / before


def change_in_words(before: int, after: int, base: str) -> str:
    """'−18.1 % against <base>: 317 against 387' (with a true minus sign)."""
    change = percent_change(before, after)
    if change is None:
        return tr("{after} against none {base}").format(after=after, base=base)
    return tr("{change} % against {base}: {after} against {before}").format(
        change=f"{change:+.1f}".replace("-", "\u2212"), base=base, after=after, before=before)


def format_day(day: date) -> str:
    return f"{day.day} {day.strftime('%b')} {day.year}"


def situation_summary(store: Store, today: date) -> str:
    """The situation since 1 January against the same dates last year."""
    yesterday = today - timedelta(days=1)
    this_year = Period(date(today.year, 1, 1), max(yesterday, date(today.year, 1, 1)))
    last_year = this_year.years_earlier()
    base = tr("the same period last year ({start}–{end})").format(
        start=format_day(last_year.start), end=format_day(last_year.end))
    lines = [
        tr("Situation picture of {name}").format(name=store.path.name),
        tr("{count} incidents in the store; CRS {crs}, time zone {zone}").format(
            count=store.count(), crs=store.crs, zone=store.time_zone),
        "",
        tr("Since 1 January ({start}–{end}): {words}").format(
            start=format_day(this_year.start), end=format_day(this_year.end),
            words=change_in_words(store.count(IncidentFilter(period=last_year)),
                                  store.count(IncidentFilter(period=this_year)), base)),
    ]
    now = store.counts("category", IncidentFilter(period=this_year))
    before = store.counts("category", IncidentFilter(period=last_year))
    lines.append(tr("By category, since 1 January against the same period last year:"))
    for category in sorted(codelist.CATEGORIES, key=lambda c: -now.get(c.code, 0)):
        if now.get(category.code) or before.get(category.code):
            lines.append(f"  {category.label(language()):<22} " + change_in_words(
                before.get(category.code, 0), now.get(category.code, 0), tr("last year")))
    districts = store.counts("area", IncidentFilter(period=this_year))
    kinds = {area.name: area.kind for area in store.areas()}
    if districts:
        lines.append(tr("By area, since 1 January:"))
        for name, count in districts.items():
            lines.append(f"  {name:<24} {count:>7}  ({kinds[name]})")
    recent = IncidentFilter(period=Period(today - timedelta(days=91), yesterday), categories=("disorder",))
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
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args(argv)
    with Store.open(args.store) as store:
        print(situation_summary(store, args.today))
    return 0


if __name__ == "__main__":
    sys.exit(main())
