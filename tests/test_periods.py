"""Period arithmetic, checked against dates worked out by hand (the comments
count the days). Every default period ends with yesterday, the last whole day
in the store's zone; "today" is the store's, not the machine's."""

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from lagesbild.core.domain import periods
from lagesbild.core.domain.periods import Period

STOCKHOLM = ZoneInfo("Europe/Stockholm")
CUSTOM = Period(date(2023, 12, 24), date(2024, 1, 6))

# today 1 March 2024, a leap year: yesterday is 29 February
LEAP_PRESETS = {
    periods.LAST_7_DAYS: Period(date(2024, 2, 23), date(2024, 2, 29)),  # 23..29: 7 days
    periods.LAST_14_DAYS: Period(date(2024, 2, 16), date(2024, 2, 29)),  # 16..29: 14 days
    periods.THIS_MONTH: Period(date(2024, 2, 1), date(2024, 2, 29)),  # the month of yesterday
    periods.SINCE_1_JANUARY: Period(date(2024, 1, 1), date(2024, 2, 29)),
    periods.SAME_PERIOD_LAST_YEAR: Period(date(2023, 1, 1), date(2023, 2, 28)),  # 29 Feb -> 28 Feb
    periods.CUSTOM: CUSTOM,
}
# today 1 January 2025: yesterday is 31 December 2024, and every preset lies in 2024
NEW_YEAR_PRESETS = {
    periods.LAST_7_DAYS: Period(date(2024, 12, 25), date(2024, 12, 31)),
    periods.LAST_14_DAYS: Period(date(2024, 12, 18), date(2024, 12, 31)),
    periods.THIS_MONTH: Period(date(2024, 12, 1), date(2024, 12, 31)),
    periods.SINCE_1_JANUARY: Period(date(2024, 1, 1), date(2024, 12, 31)),  # the whole year before
    periods.SAME_PERIOD_LAST_YEAR: Period(date(2023, 1, 1), date(2023, 12, 31)),
    periods.CUSTOM: CUSTOM,
}


@pytest.mark.parametrize(("today", "expected"), [(date(2024, 3, 1), LEAP_PRESETS),
                                                  (date(2025, 1, 1), NEW_YEAR_PRESETS)], ids=["1 March 2024",
                                                                                            "1 January 2025"])
def test_presets_end_on_the_day_before_today(today, expected):
    assert set(expected) == set(periods.PRESETS)
    for preset, period in expected.items():
        assert periods.preset_period(preset, today, CUSTOM) == period, preset


def test_preset_lengths_worked_by_hand():
    today = date(2024, 3, 1)
    assert periods.preset_period(periods.THIS_MONTH, today).days == 29
    assert periods.preset_period(periods.SINCE_1_JANUARY, today).days == 31 + 29
    assert periods.preset_period(periods.SAME_PERIOD_LAST_YEAR, today).days == 31 + 28
    assert periods.preset_period(periods.SINCE_1_JANUARY, date(2025, 1, 1)).days == 366


def test_no_default_period_includes_today():
    for today in (date(2024, 1, 1), date(2024, 2, 29), date(2024, 3, 1), date(2025, 6, 15), date(2025, 12, 31)):
        for preset in (periods.LAST_7_DAYS, periods.LAST_14_DAYS, periods.THIS_MONTH, periods.SINCE_1_JANUARY,
                       periods.SAME_PERIOD_LAST_YEAR):
            assert not periods.includes_today(periods.preset_period(preset, today), today), (today, preset)
        earlier, later = periods.year_on_year(today)
        assert later.end == date.fromordinal(today.toordinal() - 1)
        assert not periods.includes_today(later, today)


def test_same_period_last_year_of_other_bases():
    today = date(2024, 3, 1)
    # the last 7 days (23..29 February 2024) a year earlier: 23..28 February 2023, 6 days
    assert periods.preset_period(periods.SAME_PERIOD_LAST_YEAR, today, base=periods.LAST_7_DAYS) == Period(
        date(2023, 2, 23), date(2023, 2, 28))
    assert periods.preset_period(periods.SAME_PERIOD_LAST_YEAR, today, base=periods.THIS_MONTH) == Period(
        date(2023, 2, 1), date(2023, 2, 28))
    assert periods.preset_period(periods.SAME_PERIOD_LAST_YEAR, today, CUSTOM, base=periods.CUSTOM) == Period(
        date(2022, 12, 24), date(2023, 1, 6))
    with pytest.raises(ValueError):
        periods.preset_period(periods.SAME_PERIOD_LAST_YEAR, today, base=periods.SAME_PERIOD_LAST_YEAR)
    with pytest.raises(ValueError):
        periods.preset_period(periods.CUSTOM, today)
    with pytest.raises(ValueError):
        periods.preset_period("last_fortnight", today)


def test_same_period_last_year_from_29_february():
    assert periods.same_period_last_year(Period(date(2024, 2, 29), date(2024, 2, 29))) == Period(
        date(2023, 2, 28), date(2023, 2, 28))
    february = periods.same_period_last_year(Period(date(2024, 2, 1), date(2024, 2, 29)))
    assert february == Period(date(2023, 2, 1), date(2023, 2, 28))
    assert february.days == 28
    # and onwards: from a common year into a leap year nothing is added
    assert periods.same_period_last_year(Period(date(2025, 2, 1), date(2025, 3, 1))) == Period(
        date(2024, 2, 1), date(2024, 3, 1))
    assert periods.shift_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_previous_period_of_the_same_length():
    # March 2025, 31 days: 29, 30, 31 January and the 28 days of February
    assert periods.previous_period(Period(date(2025, 3, 1), date(2025, 3, 31))) == Period(
        date(2025, 1, 29), date(2025, 2, 28))
    # across a new year, and across 29 February
    assert periods.previous_period(Period(date(2025, 1, 1), date(2025, 1, 7))) == Period(
        date(2024, 12, 25), date(2024, 12, 31))
    assert periods.previous_period(Period(date(2024, 3, 1), date(2024, 3, 2))) == Period(
        date(2024, 2, 28), date(2024, 2, 29))


def test_year_on_year_defaults():
    # today 15 June 2020: 1 January to 14 June is 31+29+31+30+31+14 = 166 days in 2020, 165 in 2019
    earlier, later = periods.year_on_year(date(2020, 6, 15))
    assert (later, later.days) == (Period(date(2020, 1, 1), date(2020, 6, 14)), 166)
    assert (earlier, earlier.days) == (Period(date(2019, 1, 1), date(2019, 6, 14)), 165)
    # today 1 January 2024: the whole of 2023 against the whole of 2022
    assert periods.year_on_year(date(2024, 1, 1)) == (Period(date(2022, 1, 1), date(2022, 12, 31)),
                                                      Period(date(2023, 1, 1), date(2023, 12, 31)))
    # today 1 March 2024: up to 29 February against up to 28 February
    assert periods.year_on_year(date(2024, 3, 1)) == (Period(date(2023, 1, 1), date(2023, 2, 28)),
                                                      Period(date(2024, 1, 1), date(2024, 2, 29)))


def test_last_days_and_since_start():
    assert periods.last_days(28, date(2025, 3, 31)) == Period(date(2025, 3, 3), date(2025, 3, 30))
    assert periods.last_days(1, date(2025, 1, 1)) == Period(date(2024, 12, 31), date(2024, 12, 31))
    with pytest.raises(ValueError):
        periods.last_days(0, date(2025, 1, 1))
    before, after = periods.since_start(date(2024, 3, 1), date(2024, 3, 31))
    assert after == Period(date(2024, 3, 1), date(2024, 3, 30))  # through yesterday: 30 days
    assert before == Period(date(2024, 1, 31), date(2024, 2, 29))  # 1 + 29 days
    assert periods.since_start(date(2024, 3, 1), date(2024, 3, 1)) is None  # no whole day yet


def test_today_is_the_stores_not_the_machines():
    new_year_eve = datetime(2024, 12, 31, 23, 30, tzinfo=timezone.utc)  # 00:30 on 1 January in Stockholm
    assert periods.local_today(STOCKHOLM, new_year_eve) == date(2025, 1, 1)
    assert periods.local_yesterday(STOCKHOLM, new_year_eve) == date(2024, 12, 31)
    assert periods.local_today(ZoneInfo("UTC"), new_year_eve) == date(2024, 12, 31)
    assert periods.local_today(ZoneInfo("America/New_York"), new_year_eve) == date(2024, 12, 31)
    assert periods.local_today(STOCKHOLM, new_year_eve.replace(tzinfo=None)) == date(2025, 1, 1)  # naive is UTC
    # in summer Stockholm is two hours ahead: 21:59 UTC is 23:59, 22:00 UTC already midnight
    assert periods.local_today(STOCKHOLM, datetime(2025, 6, 30, 21, 59, tzinfo=timezone.utc)) == date(2025, 6, 30)
    assert periods.local_today(STOCKHOLM, datetime(2025, 6, 30, 22, 0, tzinfo=timezone.utc)) == date(2025, 7, 1)
    # the presets of that new-year night end on 31 December
    today = periods.local_today(STOCKHOLM, new_year_eve)
    assert periods.preset_period(periods.LAST_7_DAYS, today) == NEW_YEAR_PRESETS[periods.LAST_7_DAYS]


def test_includes_today():
    today = date(2025, 6, 15)
    assert periods.includes_today(Period(date(2025, 6, 9), today), today)
    assert periods.includes_today(Period(today, date(2025, 6, 20)), today)
    assert not periods.includes_today(Period(date(2025, 6, 8), date(2025, 6, 14)), today)
    assert not periods.includes_today(Period(date(2025, 6, 16), date(2025, 6, 20)), today)


def test_period_still_answers_from_timeutil():
    from lagesbild.core.domain import timeutil

    assert timeutil.Period is Period


def test_the_night_button_means_last_night_and_never_the_future():
    from lagesbild.core.domain.periods import last_night

    stockholm = ZoneInfo("Europe/Stockholm")
    # at 09:15 on 30 November: the whole night 29 Nov 22:00 to 30 Nov 06:00
    now = datetime(2026, 11, 30, 9, 15, tzinfo=stockholm)
    assert last_night(now) == (datetime(2026, 11, 29, 22, 0, tzinfo=stockholm),
                               datetime(2026, 11, 30, 6, 0, tzinfo=stockholm))
    # at 02:40 the night is still going on: it ends now
    now = datetime(2026, 11, 30, 2, 40, tzinfo=stockholm)
    assert last_night(now) == (datetime(2026, 11, 29, 22, 0, tzinfo=stockholm), now)
    # the night before a given day; across the autumn clock change it lasts 9 hours
    start, end = last_night(now, date(2026, 10, 25))
    assert (start.isoformat(), end.isoformat()) == ("2026-10-24T22:00:00+02:00", "2026-10-25T06:00:00+01:00")
    assert end.timestamp() - start.timestamp() == 9 * 3600
