"""The time-of-week profile, checked against hand-worked intervals and against
Python's zoneinfo applied one incident (or one minute) at a time."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from lagesbild.core.domain.analysis import AnalysisError
from lagesbild.core.domain.analysis.timeprofile import Window, profile_html, time_of_week, top_windows, window_label

STOCKHOLM = ZoneInfo("Europe/Stockholm")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def epoch(*wall_clock, tz=STOCKHOLM) -> int:
    """UTC epoch seconds of a local wall-clock time."""
    return int(datetime(*wall_clock, tzinfo=tz).timestamp())


def aoristic(pairs, tz=STOCKHOLM) -> np.ndarray:
    start = np.array([p[0] for p in pairs], dtype=np.int64)
    end = np.array([p[1] for p in pairs], dtype=np.int64)
    return time_of_week(start, end, tz, method="aoristic")


def only(profile: np.ndarray, cells: dict) -> None:
    """``profile`` is ``cells`` ({(weekday, hour): weight}) and 0 elsewhere."""
    expected = np.zeros((7, 24))
    for (day, hour), weight in cells.items():
        expected[day, hour] = weight
    np.testing.assert_allclose(profile, expected, rtol=0, atol=1e-12)


def test_start_method_matches_zoneinfo_incident_by_incident():
    rng = np.random.default_rng(11)
    low = int(datetime(2023, 1, 1, tzinfo=timezone.utc).timestamp())
    epochs = rng.integers(low, low + 3 * 366 * 86400, size=3000)
    profile = time_of_week(epochs, None, STOCKHOLM)
    expected = np.zeros((7, 24))
    for value in epochs:
        local = datetime.fromtimestamp(int(value), timezone.utc).astimezone(STOCKHOLM)
        expected[local.weekday(), local.hour] += 1
    np.testing.assert_array_equal(profile, expected)
    assert profile.shape == (7, 24) and profile.dtype == np.float64
    assert abs(profile.sum() - 3000) < 1e-9


def test_across_midnight_splits_into_quarters_and_changes_day():
    # Friday 17 January 2025 22:00 to Saturday 02:00, winter time
    profile = aoristic([(epoch(2025, 1, 17, 22), epoch(2025, 1, 18, 2))])
    only(profile, {(FRI, 22): 0.25, (FRI, 23): 0.25, (SAT, 0): 0.25, (SAT, 1): 0.25})


def test_partial_hours_weigh_by_minutes():
    # Tuesday 10:45 to 12:15: 15, 60 and 15 of 90 minutes
    profile = aoristic([(epoch(2025, 5, 13, 10, 45), epoch(2025, 5, 13, 12, 15))])
    only(profile, {(TUE, 10): 15 / 90, (TUE, 11): 60 / 90, (TUE, 12): 15 / 90})


def test_across_the_week_boundary_sunday_to_monday():
    profile = aoristic([(epoch(2025, 2, 9, 23), epoch(2025, 2, 10, 1))])
    only(profile, {(SUN, 23): 0.5, (MON, 0): 0.5})


def test_autumn_change_gives_the_repeated_hour_both_real_hours():
    # Sunday 26 October 2025: 03:00 CEST becomes 02:00 CET, so 02–03 happens twice.
    # 01:30 CEST to 03:30 CET is 3 real hours: 30 min in 01, 120 min in 02, 30 min in 03.
    start, end = epoch(2025, 10, 26, 1, 30), epoch(2025, 10, 26, 3, 30)
    assert end - start == 3 * 3600
    only(aoristic([(start, end)]), {(SUN, 1): 30 / 180, (SUN, 2): 120 / 180, (SUN, 3): 30 / 180})
    # 01:00 to 04:00 wall clock is 4 real hours; hour 02 gets twice the others
    start, end = epoch(2025, 10, 26, 1), epoch(2025, 10, 26, 4)
    assert end - start == 4 * 3600
    only(aoristic([(start, end)]), {(SUN, 1): 0.25, (SUN, 2): 0.5, (SUN, 3): 0.25})


def test_spring_change_gives_the_skipped_hour_nothing():
    # Sunday 30 March 2025: 02:00 CET becomes 03:00 CEST; 01:30 to 03:30 is one real hour
    start, end = epoch(2025, 3, 30, 1, 30), epoch(2025, 3, 30, 3, 30)
    assert end - start == 3600
    only(aoristic([(start, end)]), {(SUN, 1): 0.5, (SUN, 3): 0.5})


def test_seven_days_or_more_spread_evenly_over_the_week():
    start = epoch(2025, 3, 27, 14, 20)  # the spring change falls inside
    profile = aoristic([(start, start + 7 * 86400), (start, start + 40 * 86400 + 17)])
    np.testing.assert_allclose(profile, np.full((7, 24), 2 / 168), rtol=0, atol=1e-15)
    # one second less than a week is spread by the clock. It ends at 15:19:59
    # CEST a week later (the clocks went forward), so 14 gets 40 min + 60 min,
    # 15 gets 60 min + 19 min 59 s, the skipped Sunday 02 nothing, the rest 60 min.
    length = 7 * 86400 - 1
    expected = np.full((7, 24), 3600 / length)
    expected[THU, 14], expected[THU, 15], expected[SUN, 2] = 6000 / length, 4799 / length, 0.0
    np.testing.assert_allclose(aoristic([(start, start + length)]), expected, rtol=0, atol=1e-15)


def test_missing_equal_or_earlier_end_counts_at_start():
    start = epoch(2025, 6, 6, 21, 10)  # Friday
    profile = aoristic([(start, -1), (start, start), (start, start - 3600)])
    only(profile, {(FRI, 21): 3.0})
    only(time_of_week(np.array([start]), None, STOCKHOLM, method="aoristic"), {(FRI, 21): 1.0})


def test_start_method_ignores_the_end():
    start = epoch(2025, 6, 6, 21, 10)
    profile = time_of_week(np.array([start]), np.array([start + 5 * 3600]), STOCKHOLM, method="start")
    only(profile, {(FRI, 21): 1.0})


def test_random_intervals_sum_to_n_and_match_a_minute_by_minute_count():
    """Whole-minute intervals around both 2025 changes, spread independently:
    each real minute looked up in zoneinfo and given 1/length."""
    rng = np.random.default_rng(5)
    centres = [datetime(2025, 3, 30, 1, tzinfo=timezone.utc), datetime(2025, 10, 26, 1, tzinfo=timezone.utc)]
    pairs = []
    for i in range(40):
        centre = int(centres[i % 2].timestamp())
        start = centre + 60 * int(rng.integers(-36 * 60, 36 * 60))
        pairs.append((start, start + 60 * int(rng.integers(1, 30 * 60))))
    expected = np.zeros((7, 24))
    for start, end in pairs:
        minutes = (end - start) // 60
        for minute in range(minutes):
            moment = datetime.fromtimestamp(start + 60 * minute, timezone.utc).astimezone(STOCKHOLM)
            expected[moment.weekday(), moment.hour] += 1 / minutes
    profile = aoristic(pairs)
    np.testing.assert_allclose(profile, expected, rtol=0, atol=1e-9)
    assert abs(profile.sum() - len(pairs)) < 1e-9


def test_a_large_mixed_set_sums_to_the_number_of_incidents():
    rng = np.random.default_rng(3)
    n = 20000
    low = int(datetime(2020, 1, 1, tzinfo=timezone.utc).timestamp())
    start = rng.integers(low, low + 5 * 366 * 86400, size=n)
    length = rng.choice([0, 600, 3 * 3600, 2 * 86400, 6 * 86400, 9 * 86400], size=n)
    end = np.where(rng.random(n) < 0.1, -1, start + length)
    for tz in (STOCKHOLM, ZoneInfo("Asia/Kolkata"), ZoneInfo("Australia/Lord_Howe"), ZoneInfo("UTC")):
        profile = time_of_week(start, end, tz, method="aoristic")
        assert abs(profile.sum() - n) < 1e-9
        assert (profile >= 0).all()


def test_half_hour_zone_hours_start_at_half_past_utc():
    # Kolkata is UTC+05:30: 10:00 to 11:30 local is 04:30 to 06:00 UTC
    kolkata = ZoneInfo("Asia/Kolkata")
    profile = aoristic([(epoch(2025, 5, 14, 10, tz=kolkata), epoch(2025, 5, 14, 11, 30, tz=kolkata))], tz=kolkata)
    only(profile, {(WED, 10): 2 / 3, (WED, 11): 1 / 3})


def test_bad_method_and_mismatched_ends_are_refused():
    with pytest.raises(AnalysisError, match="use 'start' or 'aoristic'"):
        time_of_week(np.array([0]), None, STOCKHOLM, method="middle")
    with pytest.raises(AnalysisError, match="one end"):
        time_of_week(np.array([0, 1]), np.array([5]), STOCKHOLM, method="aoristic")


def hand_made_profile() -> np.ndarray:
    profile = np.zeros((7, 24))
    profile[FRI, 22:24] = 10  # Friday 22 to Saturday 02
    profile[SAT, 0:2] = 10
    profile[SUN, 22:24] = 6  # Sunday 22 to Monday 02
    profile[MON, 0:2] = 6
    profile[WED, 12:16] = 5  # Wednesday 12–16
    profile[THU, 3] = 1
    return profile


def test_top_windows_wrap_over_midnight_and_over_the_week():
    windows = top_windows(hand_made_profile())
    assert windows == [Window(FRI, 22, 4, 40.0), Window(SUN, 22, 4, 24.0), Window(WED, 12, 4, 20.0)]
    assert [window_label(w, "sv") for w in windows] == ["fredag 22–02", "söndag 22–02", "onsdag 12–16"]
    assert [window_label(w, "en") for w in windows] == ["Friday 22–02", "Sunday 22–02", "Wednesday 12–16"]


def test_top_windows_do_not_overlap_and_skip_empty_ones():
    profile = np.zeros((7, 24))
    profile[TUE, 8:14] = [1, 2, 9, 9, 2, 1]
    windows = top_windows(profile, count=5, width=4)
    # the best is 09–13 (22); the rest of the day's weight is in 08 and 13, one
    # window each, whose best-placed four hours must avoid 09–12
    assert windows[0] == Window(TUE, 9, 4, 22.0)
    hours = [set(range(w.weekday * 24 + w.start_hour, w.weekday * 24 + w.start_hour + w.hours)) for w in windows]
    assert all(not a & b for i, a in enumerate(hours) for b in hours[i + 1 :])
    assert sorted(w.weight for w in windows) == [1.0, 1.0, 22.0]
    assert top_windows(np.zeros((7, 24))) == []


def test_html_holds_every_number_and_its_summary():
    profile = hand_made_profile()
    profile[TUE, 9] = 123
    for language, names in (("sv", ("fredag", "tisdag")), ("en", ("Friday", "Tuesday"))):
        page = profile_html(profile, language, "Vandalism <2025>", "Busiest <Friday> 22–02.")
        assert page.startswith("<!DOCTYPE html>")
        assert "Vandalism &lt;2025&gt;" in page and "Busiest &lt;Friday&gt; 22–02." in page
        cells = [part.split("</td>")[0].split(">")[-1] for part in page.split("<td")[1:]]
        assert len(cells) == 168
        assert [float(text) for text in cells] == profile.ravel().tolist()
        assert all(name in page for name in names)
        assert "".join(f"<th>{hour:02d}</th>" for hour in range(24)) in page


def test_html_writes_fractions_with_the_language_decimal_mark():
    start = epoch(2025, 1, 17, 22, 20)
    profile = aoristic([(start, start + 3600)])  # 40 and 20 minutes
    assert "0,67</td>" in profile_html(profile, "sv", "t", "")
    assert "0.67</td>" in profile_html(profile, "en", "t", "")
    assert "0.33</td>" in profile_html(profile, "en", "t", "")


def test_html_of_an_empty_profile_says_so():
    page = profile_html(np.zeros((7, 24)), "en", "Nothing", "No incidents in this profile.")
    assert "No incidents" in page
    assert page.count("<td") == 168


def test_local_times_used_in_tests_are_what_they_claim():
    # guards the hand-made cases above against a wrong calendar
    assert datetime(2025, 1, 17).weekday() == FRI and datetime(2025, 2, 9).weekday() == SUN
    assert datetime(2025, 10, 26).weekday() == SUN and datetime(2025, 3, 30).weekday() == SUN
    assert datetime.fromtimestamp(epoch(2025, 3, 30, 3, 30), STOCKHOLM).utcoffset() == timedelta(hours=2)
