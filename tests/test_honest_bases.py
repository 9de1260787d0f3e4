"""The dock's numbers and charts, honestly based: chart data against direct
SQL on the GeoPackage (bounds computed here from local days in
Europe/Stockholm), no comparison with days before the store's first incident,
counts only on a small base, the previous period of *since 1 January* named
by its dates, and plural forms in English and Swedish."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from store_helpers import TOWN, incident
from store_helpers import period_count as sql_count

from lagesbild.core.domain import codelist, periods
from lagesbild.core.domain.periods import Period
from lagesbild.core.domain.wording import MINUS, change_in_words, incidents_in_words
from lagesbild.core.presentation import charts_data, situation
from lagesbild.core.presentation.situation import FilterState
from lagesbild.core.store import Store

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TODAY = date(2025, 4, 1)
FIRST = datetime(2024, 11, 23, 9, 0, tzinfo=timezone.utc)  # the store's first incident
CATEGORIES = ("vandalism", "graffiti", "disorder", "drugs", "fire")
DASH = "\u2013"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    rng = random.Random(18)
    span = int((datetime(2025, 4, 1, tzinfo=timezone.utc) - FIRST).total_seconds())
    rows = [incident(category="vandalism", occurred_from=FIRST, occurred_to=None, geometry=TOWN)]
    for _ in range(1200):
        rows.append(incident(category=rng.choice(CATEGORIES), occurred_to=None,
                             occurred_from=FIRST + timedelta(seconds=rng.randrange(1, span)),
                             geometry=(TOWN[0] + rng.uniform(0, 3000), TOWN[1] + rng.uniform(0, 3000))))
    path = tmp_path_factory.mktemp("honest") / "honest.gpkg"
    with Store.create(path) as store:
        store.add_incidents(rows)
    return path


def test_the_first_day_is_local(store_path):
    with Store.open(store_path, read_only=True) as store:
        assert store.first_day() == date(2024, 11, 23)
    assert periods.has_data_for(Period(date(2024, 11, 23), date(2024, 11, 29)), date(2024, 11, 23))
    assert not periods.has_data_for(Period(date(2024, 11, 22), date(2024, 11, 29)), date(2024, 11, 23))
    assert not periods.has_data_for(Period(date(2024, 11, 22), date(2024, 11, 29)), None)


@pytest.mark.parametrize("preset, step", [(situation.LAST_14_DAYS, 1), (situation.THIS_MONTH, 7)])
@pytest.mark.parametrize("categories", [(), ("graffiti", "fire")])
def test_trend_and_category_bars_equal_sql_counts(store_path, preset, step, categories):
    state = FilterState(preset=preset, categories=categories)
    where = f"category IN ({', '.join('?' * len(categories))})" if categories else "1 = 1"
    with Store.open(store_path, read_only=True) as store:
        trend = charts_data.trend(store, state, TODAY)
        numbers = situation.summary(store, state, TODAY)
    period = state.period(TODAY)
    assert trend.step_days == step and trend.has_base
    assert trend.steps[0].period.start == period.start and trend.steps[-1].period.end == period.end
    assert sum(s.period.days for s in trend.steps) == period.days
    for s in trend.steps:
        assert s.count == sql_count(store_path, s.period, where, categories)
        assert s.base_count == sql_count(store_path, s.base_period, where, categories)
        assert s.base_period.days == s.period.days
    assert sum(s.base_count for s in trend.steps) == numbers.previous.base_count
    assert sum(s.count for s in trend.steps) == numbers.total
    bars = charts_data.category_bars(numbers.by_category, "en")
    assert [code for code, _, _ in bars.bars] == [c.code for c in codelist.CATEGORIES]
    for code, _label, count in bars.bars:
        assert count == sql_count(store_path, period, "category = ?", (code,)) * (not categories or code in categories)
    text = trend.text("en").splitlines()
    assert len(text) == len(trend.steps) + 1
    assert text[1].endswith(f": {trend.steps[0].count} against {trend.steps[0].base_count}")


def test_since_1_january_is_compared_with_as_many_days_before_it_named_by_dates(store_path):
    state = FilterState(preset=situation.SINCE_1_JANUARY)
    with Store.open(store_path, read_only=True) as store:
        numbers = situation.summary(store, state, TODAY)
    assert numbers.period == Period(date(2025, 1, 1), date(2025, 3, 31))  # 90 days
    assert numbers.previous.base_period == Period(date(2024, 10, 3), date(2024, 12, 31))
    # ... which starts before the first incident (23 Nov 2024): not compared
    assert numbers.previous.has_data is False and numbers.previous.percent is None
    lines = numbers.lines("en")
    assert lines[1] == f"No comparison with the previous period: no data for 3 Oct{DASH}31 Dec 2024"
    assert lines[2] == f"No comparison with the same period last year: no data for 1 Jan{DASH}31 Mar 2024"
    with Store.open(store_path, read_only=True) as store:
        trend = charts_data.trend(store, state, TODAY)
    assert not trend.has_base and all(s.base_count is None for s in trend.steps)


def test_a_period_after_the_first_incident_is_compared_with_its_dates(store_path):
    state = FilterState(preset=situation.LAST_14_DAYS)
    with Store.open(store_path, read_only=True) as store:
        numbers = situation.summary(store, state, TODAY)
    base = Period(date(2025, 3, 4), date(2025, 3, 17))
    assert numbers.previous.base_period == base and numbers.previous.has_data
    before, after = sql_count(store_path, base), sql_count(store_path, numbers.period)
    assert before >= 10 and numbers.previous.base_count == before and numbers.total == after
    change = 100 * (after - before) / before
    sign = "+" if change >= 0 else MINUS
    assert numbers.lines("en")[1] == (f"{sign}{abs(change):.1f} % against the previous period "
                                      f"(4 Mar{DASH}17 Mar 2025): {after} against {before}")


def test_a_small_base_gives_counts_only(translations_built):
    base = Period(date(2024, 11, 23), date(2024, 11, 29))
    assert change_in_words(1, 8, base, "en") == f"8 against 1 in 23 Nov{DASH}29 Nov 2024: too few for a percentage"
    assert change_in_words(9, 1, base, "sv").startswith("1 mot 9 ")
    assert change_in_words(10, 1, base, "en") == f"{MINUS}90.0 % against 23 Nov{DASH}29 Nov 2024: 1 against 10"
    small = situation.Change(base, 8, base, 9)
    assert small.percent is None and situation.Change(base, 8, base, 10).percent == -20.0


def test_plural_forms_in_both_languages(translations_built):
    assert [incidents_in_words(n, "en") for n in (0, 1, 2, 21)] == [
        "0 incidents", "1 incident", "2 incidents", "21 incidents"]
    assert [incidents_in_words(n, "sv") for n in (0, 1, 2, 21)] == [
        "0 händelser", "1 händelse", "2 händelser", "21 händelser"]
    one = situation.Summary(period=Period(TODAY, TODAY), total=1)
    assert one.lines("en") == ["1 incident, 1 Apr 2025"] and one.lines("sv") == ["1 händelse, 1 apr 2025"]
