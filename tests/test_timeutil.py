"""Local time across daylight-saving changes, checked element by element
against Python's zoneinfo (an independent computation)."""

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from lagesbild.core.domain import timeutil

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_local_parts_match_zoneinfo_across_two_years_of_dst_changes():
    rng = np.random.default_rng(7)
    start = int(datetime(2024, 1, 1, tzinfo=timezone.utc).timestamp())
    epochs = np.sort(rng.integers(start, start + 2 * 366 * 86400, size=5000))
    # and every second around the spring and autumn changes of 2025
    for change in (datetime(2025, 3, 30, 1, tzinfo=timezone.utc), datetime(2025, 10, 26, 1, tzinfo=timezone.utc)):
        epochs = np.concatenate([epochs, int(change.timestamp()) + np.arange(-3, 3)])
    parts = timeutil.local_parts(epochs, STOCKHOLM)
    for i, epoch in enumerate(epochs):
        local = datetime.fromtimestamp(int(epoch), timezone.utc).astimezone(STOCKHOLM)
        assert parts.hour[i] == local.hour
        assert parts.weekday[i] == local.weekday()
        assert parts.month[i] == local.month
        assert parts.year[i] == local.year
        assert timeutil.day_from_epoch_day(parts.day[i]) == local.date()


def test_the_dst_change_itself_is_read_right():
    spring = datetime(2025, 3, 30, 1, 0, 0, tzinfo=timezone.utc)  # 02:00 CET becomes 03:00 CEST
    epochs = np.array([spring.timestamp() - 1, spring.timestamp()], dtype=np.int64)
    parts = timeutil.local_parts(epochs, STOCKHOLM)
    assert parts.hour.tolist() == [1, 3]
    offsets = timeutil.utc_offsets(epochs, STOCKHOLM)
    assert offsets.tolist() == [3600, 7200]


def test_a_zone_without_dst_and_one_far_away():
    epochs = np.array([0, 15_000_000, 1_700_000_000], dtype=np.int64)
    for name in ("UTC", "Asia/Kolkata", "America/New_York"):
        tz = ZoneInfo(name)
        parts = timeutil.local_parts(epochs, tz)
        expected = [datetime.fromtimestamp(int(e), timezone.utc).astimezone(tz).hour for e in epochs]
        assert parts.hour.tolist() == expected


def test_period_bounds_are_local_midnights_and_days_are_inclusive():
    period = timeutil.Period(date(2025, 3, 30), date(2025, 3, 30))
    start, end = period.utc_bounds(STOCKHOLM)
    assert start == datetime(2025, 3, 29, 23, 0, tzinfo=timezone.utc)
    assert end == datetime(2025, 3, 30, 22, 0, tzinfo=timezone.utc)  # a 23-hour day
    assert period.days == 1
    assert timeutil.Period(date(2024, 1, 1), date(2024, 12, 31)).days == 366
    with pytest.raises(ValueError, match="backwards"):
        timeutil.Period(date(2025, 2, 1), date(2025, 1, 31))


def test_stored_text_round_trips_and_sql_bounds_compare_right_for_every_writer_form():
    moment = datetime(2025, 6, 1, 12, 30, 5, 250000, tzinfo=timezone.utc)
    text = timeutil.format_utc(moment)
    assert text == "2025-06-01T12:30:05.250Z"
    assert timeutil.parse_utc(text) == moment
    assert timeutil.parse_utc("2025-06-01T14:30:05.250+02:00") == moment
    assert timeutil.parse_utc("2025-06-01T12:30:05") == moment.replace(microsecond=0)
    bound = timeutil.sql_bound(datetime(2025, 6, 1, 12, 30, 5, tzinfo=timezone.utc))
    # a value at the bound is not below it, whatever its suffix; one a millisecond before is
    for same in ("2025-06-01T12:30:05.000Z", "2025-06-01T12:30:05Z", "2025-06-01T12:30:05"):
        assert same >= bound
    assert "2025-06-01T12:30:04.999Z" < bound
    with pytest.raises(ValueError):
        timeutil.sql_bound(moment)


def test_naive_input_is_read_in_the_given_zone():
    naive = datetime(2025, 7, 1, 22, 0)
    assert timeutil.to_utc(naive, STOCKHOLM) == datetime(2025, 7, 1, 20, 0, tzinfo=timezone.utc)
    assert timeutil.local_date(datetime(2025, 7, 1, 22, 30, tzinfo=timezone.utc), STOCKHOLM) == date(2025, 7, 2)


def test_unknown_zone_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown time zone"):
        timeutil.zone("Europe/Atlantis")


def test_empty_input():
    assert timeutil.utc_offsets(np.zeros(0, dtype=np.int64), STOCKHOLM).size == 0
