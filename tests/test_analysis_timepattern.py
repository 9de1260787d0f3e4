"""Does the weekday matter, does the hour? The margin tests checked against
SciPy's chisquare and against simulations written out again here; the
windows named on the demo municipality, whose patterns are planted and known."""

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from lagesbild.core.domain import demo
from lagesbild.core.domain.analysis.timepattern import (
    DRAWS,
    MarginTest,
    Pattern,
    aoristic_pattern,
    busiest,
    chisquare_test,
    pattern_sentence,
    start_pattern,
)
from lagesbild.core.domain.analysis.timeprofile import interval_kinds, interval_margins, time_of_week

# SciPy (the independent reference) comes with Debian's QGIS up to 3.40, not with every QGIS
chisquare = pytest.importorskip("scipy.stats").chisquare

STOCKHOLM = ZoneInfo("Europe/Stockholm")
FRI, SAT, SUN = 4, 5, 6
ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SWEDISH_DAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


@pytest.fixture(scope="module")
def solvik():
    return demo.generate(6000, 2, date(2026, 6, 15)).incidents


def category(incidents, code):
    chosen = incidents["category"] == code
    return incidents["occurred_from"][chosen], incidents["occurred_to"][chosen]


def friday_or_saturday_night(weekday, first, hours):
    """Every hour of the window lies between Friday 18:00 and Sunday 06:00."""
    week_hours = [(weekday * 24 + first + h) % 168 for h in range(hours)]
    return all(FRI * 24 + 18 <= h < SUN * 24 + 6 for h in week_hours)


def test_chisquare_matches_scipy():
    rng = np.random.default_rng(8)
    for k in (7, 24):
        for n in (0, 1, 30, 500, 20000):
            counts = np.bincount(rng.choice(k, size=n, p=rng.dirichlet(np.full(k, 20.0))), minlength=k)
            test = chisquare_test(counts)
            assert test.df == k - 1
            if n == 0:
                assert test.p == 1.0
                continue
            expected = chisquare(counts)
            assert test.statistic == pytest.approx(expected.statistic, rel=1e-12, abs=1e-12)
            assert test.p == pytest.approx(expected.pvalue, rel=1e-10, abs=1e-300)


def test_vandalism_names_no_weekday(solvik):
    start, _ = category(solvik, "vandalism")
    profile = time_of_week(start, None, STOCKHOLM)
    pattern = start_pattern(profile)
    assert pattern.weekday.p == pytest.approx(chisquare(profile.sum(axis=1)).pvalue, rel=1e-10)
    assert pattern.hour.p == pytest.approx(chisquare(profile.sum(axis=0)).pvalue, rel=1e-10, abs=1e-300)
    assert not pattern.weekday_matters and pattern.hour_matters
    found = busiest(profile, pattern)
    assert found.kind == "hour" and [w[0] for w in found.windows] == [None]
    for language, days in (("en", ENGLISH_DAYS), ("sv", SWEDISH_DAYS)):
        sentence = pattern_sentence(profile, pattern, language)
        assert not any(day in sentence.lower() for day in map(str.lower, days)), sentence
    sentence = pattern_sentence(profile, pattern, "en")
    assert "on every day" in sentence and "evenings 20–00" in sentence, sentence


def test_disorder_names_friday_and_saturday_nights(solvik):
    start, end = category(solvik, "disorder")
    for profile, pattern in ((time_of_week(start, None, STOCKHOLM), None),
                             (time_of_week(start, end, STOCKHOLM, "aoristic"), "aoristic")):
        if pattern is None:
            pattern = start_pattern(profile)
        else:
            pattern = aoristic_pattern(profile, start, end, STOCKHOLM)
        assert pattern.weekday_matters and pattern.hour_matters
        found = busiest(profile, pattern)
        assert found.kind == "both" and found.windows
        assert all(friday_or_saturday_night(day, first, hours) for day, first, hours, _ in found.windows)
        sentence = pattern_sentence(profile, pattern, "en")
        assert "Friday" in sentence and "Saturday" in sentence, sentence
        assert not any(day in sentence for day in ENGLISH_DAYS[:4]), sentence


def test_the_words_follow_the_tests():
    profile = np.ones((7, 24))
    profile[FRI, 22:] = profile[SAT, :2] = profile[SAT, 22:] = profile[SUN, :2] = 30
    both = Pattern(MarginTest(50.0, 6, 0.001, "chi-square"), MarginTest(90.0, 23, 0.0001, "chi-square"))
    assert pattern_sentence(profile, both, "en") == (
        "Both the weekday (p = 0.001) and the hour of day (p < 0.001) matter: "
        "busiest Friday and Saturday 22–02, Monday 00–04.")
    assert "fredag" in pattern_sentence(profile, both, "sv") and "lördag 22–02" in pattern_sentence(profile, both, "sv")
    hour_only = both._replace(weekday=MarginTest(2.0, 6, 0.97, "chi-square"))
    assert pattern_sentence(profile, hour_only, "en").endswith("busiest nights 22–02 on every day.")
    assert "p = 0,97" in pattern_sentence(profile, hour_only, "sv")
    neither = hour_only._replace(hour=MarginTest(20.0, 23, 0.6, "chi-square"))
    sentence = pattern_sentence(profile, neither, "en")
    assert "no time of the week stands out" in sentence and "22–02" not in sentence
    weekday_only = neither._replace(weekday=MarginTest(50.0, 6, 0.01, "chi-square"))
    assert pattern_sentence(profile, weekday_only, "en").endswith("busiest Friday, Saturday and Sunday, at any hour.")
    assert pattern_sentence(np.zeros((7, 24)), both, "en") == "No incidents in this profile."
    # windows below a threshold are not named
    assert "no window has 1000 or more" in pattern_sentence(profile, both, "en", min_weight=1000)


def minute_margins(start, end):
    """Each interval's weights by weekday and hour, one real minute at a time
    looked up in zoneinfo (whole-minute intervals only)."""
    by_day, by_hour = np.zeros((len(start), 7)), np.zeros((len(start), 24))
    for i, (a, b) in enumerate(zip(start, end)):
        minutes = (b - a) // 60
        for minute in range(minutes):
            moment = datetime.fromtimestamp(int(a) + 60 * minute, timezone.utc).astimezone(STOCKHOLM)
            by_day[i, moment.weekday()] += 1 / minutes
            by_hour[i, moment.hour] += 1 / minutes
    return by_day, by_hour


def night_intervals(count, seed, weekend_share):
    """Whole-minute intervals over three weeks around the autumn change, a
    share of them starting on Friday or Saturday evenings."""
    rng = np.random.default_rng(seed)
    first_monday = int(datetime(2025, 10, 13, tzinfo=STOCKHOLM).timestamp())
    day = rng.integers(0, 21, count)
    weekend = rng.random(count) < weekend_share
    day[weekend] = 7 * rng.integers(0, 3, weekend.sum()) + rng.choice([FRI, SAT], weekend.sum())
    start = first_monday + day * 86400 + 60 * rng.integers(19 * 60, 23 * 60, count)
    length = 60 * rng.integers(1, 9 * 60, count)
    return start, start + length


def rotation_p(observed, rows, draws, rng):
    """The rotation test written out again: in each draw, row i turned by
    t_i reads its cell (c − t_i) mod k into cell c."""
    def statistic(margin):
        expected = margin.sum() / margin.size
        return ((margin - expected) ** 2).sum() / expected

    limit = statistic(observed) - 1e-9 * max(1.0, statistic(observed))
    k = rows.shape[1]
    at_least = 0
    for _ in range(draws):
        turns = rng.integers(0, k, rows.shape[0])
        turned = np.take_along_axis(rows, (np.arange(k) - turns[:, None]) % k, axis=1)
        at_least += statistic(turned.sum(axis=0)) >= limit
    return (1 + at_least) / (1 + draws)


@pytest.mark.parametrize("weekend_share", [0.0, 0.08, 0.5])
def test_monte_carlo_p_agrees_with_an_independent_simulation(weekend_share):
    start, end = night_intervals(150, 21, weekend_share)
    by_day, by_hour = minute_margins(start, end)
    day_rows, hour_rows = interval_margins(start, end, STOCKHOLM)
    np.testing.assert_allclose(day_rows, by_day, rtol=0, atol=1e-9)
    np.testing.assert_allclose(hour_rows, by_hour, rtol=0, atol=1e-9)
    profile = time_of_week(start, end, STOCKHOLM, "aoristic")
    pattern = aoristic_pattern(profile, start, end, STOCKHOLM)
    assert pattern.weekday.method == pattern.hour.method == "monte-carlo"
    assert pattern == aoristic_pattern(profile, start, end, STOCKHOLM)  # the fixed seed
    rng = np.random.default_rng(99)
    for test, rows in ((pattern.weekday, by_day), (pattern.hour, by_hour)):
        reference = rotation_p(rows.sum(axis=0), rows, 2000, rng)
        # two independent estimates of one p: within 4 standard errors of each other
        error = np.sqrt(max(reference * (1 - reference), 0.002) * (1 / DRAWS + 1 / 2000))
        assert abs(test.p - reference) <= 4 * error, (test, reference)
        assert test.p >= 1 / (DRAWS + 1)
    if weekend_share == 0.5:
        assert pattern.weekday.p == 1 / (DRAWS + 1)


def test_monte_carlo_of_points_is_the_chi_square_test():
    """Incidents without an end are whole counts: the simulated statistic is
    then the multinomial one, and its p lies within sampling error of the
    chi-square p (which is close to exact with 2000 incidents)."""
    rng = np.random.default_rng(4)
    low = int(datetime(2025, 1, 6, tzinfo=timezone.utc).timestamp())
    start = low + rng.integers(0, 52 * 7 * 86400, 2000)
    busy = rng.random(2000) < 0.03  # a slight Friday-evening excess
    start[busy] = low + 86400 * (7 * rng.integers(0, 52, busy.sum()) + FRI) + 19 * 3600
    end = np.full(start.size, -1)
    assert interval_kinds(start, end)[0].all()
    profile = time_of_week(start, end, STOCKHOLM, "aoristic")
    simulated = aoristic_pattern(profile, start, end, STOCKHOLM)
    for test, margin in ((simulated.weekday, profile.sum(axis=1)), (simulated.hour, profile.sum(axis=0))):
        exact = chisquare(margin).pvalue
        assert 0.001 < exact < 0.9  # the case exercises the middle of the range
        assert abs(test.p - exact) <= 4 * np.sqrt(exact * (1 - exact) / DRAWS) + 0.005, (test, exact)
