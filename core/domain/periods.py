"""Periods of whole local days, and all the arithmetic on them.

A period is the inclusive local days ``start``..``end`` in the store's time
zone (Europe/Stockholm by default). Every default period ends with
*yesterday*, the last whole day in the store's zone: a period that ends today
counts a day that has barely begun against whole days, and so shows a fall
that is not there (the dock's "last 7 days" once showed −36.9 % where the data
held −18 %). A custom period may include today; ``includes_today`` tells, so
that the words can say "today so far".

"Today" is the store's: the local date in its zone, not the machine's (at
23:30 UTC on 31 December it is already 1 January in Stockholm).

Pure standard library: no Qt, no QGIS, no words (those are in
``core/domain/wording.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

UTC = timezone.utc
ONE_DAY = timedelta(days=1)

LAST_7_DAYS = "last_7_days"
LAST_14_DAYS = "last_14_days"
THIS_MONTH = "this_month"
SINCE_1_JANUARY = "since_1_january"
SAME_PERIOD_LAST_YEAR = "same_period_last_year"
CUSTOM = "custom"
PRESETS = (LAST_7_DAYS, LAST_14_DAYS, THIS_MONTH, SINCE_1_JANUARY, SAME_PERIOD_LAST_YEAR, CUSTOM)
# the presets "the same period last year" can be taken of
BASE_PRESETS = (LAST_7_DAYS, LAST_14_DAYS, THIS_MONTH, SINCE_1_JANUARY, CUSTOM)


@dataclass(frozen=True)
class Period:
    """Inclusive whole local days ``start``..``end`` in a time zone."""

    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError(f"period runs backwards: {self.start} to {self.end}")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def utc_bounds(self, tz: tzinfo) -> tuple[datetime, datetime]:
        """[start 00:00 local, day after end 00:00 local) as UTC instants."""
        return local_midnight(self.start, tz), local_midnight(self.end + ONE_DAY, tz)

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def years_earlier(self, years: int = 1) -> Period:
        """The same dates ``years`` earlier; 29 February maps to 28 February."""
        return Period(shift_years(self.start, -years), shift_years(self.end, -years))


def shift_years(day: date, years: int) -> date:
    """The same date ``years`` later (earlier when negative); 29 February
    becomes 28 February in a year without it."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without it
        return day.replace(year=day.year + years, day=28)


def local_midnight(day: date, tz: tzinfo) -> datetime:
    """The UTC instant at which ``day`` begins in ``tz``."""
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


# --- today, in the store's zone ------------------------------------------------

def local_today(tz: tzinfo, now: datetime | None = None) -> date:
    """The date in ``tz`` (the store's zone) at the instant ``now`` (default:
    this instant), whatever the machine's own zone. A naive ``now`` is UTC."""
    moment = datetime.now(UTC) if now is None else now
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz).date()


def local_yesterday(tz: tzinfo, now: datetime | None = None) -> date:
    """The last whole day in ``tz``: the day before ``local_today``."""
    return local_today(tz, now) - ONE_DAY


def last_whole_day(today: date) -> date:
    return today - ONE_DAY


def includes_today(period: Period, today: date) -> bool:
    """Whether ``period`` counts ``today``, a day not yet over (a custom
    period may; a default one never does)."""
    return period.start <= today <= period.end


# --- periods derived from others -------------------------------------------------

def previous_period(period: Period) -> Period:
    """The period of the same length that ends the day before ``period`` starts."""
    return Period(period.start - timedelta(days=period.days), period.start - ONE_DAY)


def has_data_for(base: Period, first_day: date | None) -> bool:
    """Whether the store can speak for every day of ``base``: it starts on or
    after ``first_day``, the local day of the store's first incident (None:
    an empty store, which has data for no period). A base that starts before
    the first incident would count days the store never recorded as zeros."""
    return first_day is not None and base.start >= first_day


def same_period_last_year(period: Period) -> Period:
    """The same dates a year earlier (29 February maps to 28 February, so the
    period can be a day shorter)."""
    return period.years_earlier(1)


# --- default periods, all ending yesterday -----------------------------------------

def last_days(days: int, today: date) -> Period:
    """The last ``days`` whole days, up to and including yesterday."""
    if days < 1:
        raise ValueError(f"a period has at least one day, not {days}")
    end = last_whole_day(today)
    return Period(end - timedelta(days=days - 1), end)


def month_to_date(today: date) -> Period:
    """The month of yesterday, from its 1st through yesterday: on the 1st of a
    month that is the whole of the month before, which has ended."""
    end = last_whole_day(today)
    return Period(end.replace(day=1), end)


def year_to_date(today: date) -> Period:
    """1 January of yesterday's year through yesterday: on 1 January that is
    the whole of the year before, which has ended."""
    end = last_whole_day(today)
    return Period(date(end.year, 1, 1), end)


def preset_period(preset: str, today: date, custom: Period | None = None,
                  base: str = SINCE_1_JANUARY) -> Period:
    """The local days a preset covers, ending yesterday (the custom period is
    as chosen, and may include today). ``SAME_PERIOD_LAST_YEAR`` is the
    ``base`` preset's period a year earlier."""
    if preset == LAST_7_DAYS:
        return last_days(7, today)
    if preset == LAST_14_DAYS:
        return last_days(14, today)
    if preset == THIS_MONTH:
        return month_to_date(today)
    if preset == SINCE_1_JANUARY:
        return year_to_date(today)
    if preset == CUSTOM:
        if custom is None:
            raise ValueError("a custom period needs its start and end")
        return custom
    if preset == SAME_PERIOD_LAST_YEAR:
        if base == SAME_PERIOD_LAST_YEAR or base not in BASE_PRESETS:
            raise ValueError(f"not a base preset: {base!r}")
        return same_period_last_year(preset_period(base, today, custom))
    raise ValueError(f"unknown period preset: {preset!r}")


def year_on_year(today: date) -> tuple[Period, Period]:
    """(earlier, later): since 1 January through yesterday, and the same
    dates a year earlier: the period comparison's and the summary's default."""
    later = year_to_date(today)
    return same_period_last_year(later), later


def since_start(start: date, today: date, days: int | None = None) -> tuple[Period, Period] | None:
    """(before, after) around a start date: after from ``start`` through
    yesterday (at most ``days`` days), before as many days ending the day
    before ``start``; None when no whole day has passed since ``start``."""
    last = last_whole_day(today)
    if days is not None:
        last = min(last, start + timedelta(days=days - 1))
    if last < start:
        return None
    after = Period(start, last)
    return previous_period(after), after


NIGHT_STARTS, NIGHT_ENDS = 22, 6  # local hours of "the night" on the form


def last_night(now: datetime, day: date | None = None) -> tuple[datetime, datetime]:
    """The night a reporter means by "night": 22:00 to 06:00 local, ending on
    ``day`` (default: the day of ``now``, an aware local time). A night still
    going on at ``now`` ends at ``now``, so that it never lies in the future."""
    day = day or now.date()
    morning = datetime(day.year, day.month, day.day, NIGHT_ENDS, tzinfo=now.tzinfo)
    evening = morning - timedelta(hours=24 + NIGHT_ENDS - NIGHT_STARTS)
    return evening, min(morning, now)
