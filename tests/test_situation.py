"""The situation picture's presets, provider filter and summary, checked
against direct SQL on the GeoPackage with bounds computed here, independently,
from the local days in Europe/Stockholm."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from qgis.core import QgsProject
from store_helpers import TOWN, incident
from store_helpers import period_count as sql_count

from lagesbild.core.domain import periods
from lagesbild.core.domain.timeutil import Period
from lagesbild.core.presentation import layers, situation
from lagesbild.core.presentation.situation import FilterState
from lagesbild.core.store import Store, sqlfilter
from lagesbild.core.store.backends.gpkg import GeoPackageBackend

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TODAY = date(2025, 4, 1)
LAST_WHOLE_DAY = date(2025, 3, 31)  # the day after the spring change of the clocks: every preset ends here
CATEGORIES = ("vandalism", "graffiti", "disorder", "drugs")
ORGANISATIONS = ("housing", "police", "municipality")
NASTY = "o'h\\'); DROP TABLE x;--"


def shown(layer) -> int:
    """The features the layer draws (QGIS 3.22's OGR featureCount() can lag a new subset)."""
    return sum(1 for _ in layer.getFeatures())


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    rng = random.Random(7)
    start = datetime(2023, 11, 1, tzinfo=timezone.utc)
    span = int((datetime(2025, 4, 1, tzinfo=timezone.utc) - start).total_seconds())
    rows = []
    for _ in range(1500):
        rows.append(incident(category=rng.choice(CATEGORIES), reporting_org=rng.choice(ORGANISATIONS),
                             status=rng.choice(("new", "closed")),
                             occurred_from=start + timedelta(seconds=rng.randrange(span)), occurred_to=None,
                             geometry=(TOWN[0] + rng.uniform(0, 3000), TOWN[1] + rng.uniform(0, 3000))))
    # on the edges of local days: 00:30 local on the first day of a period, 23:30 the day before
    for day in (date(2025, 3, 25), date(2025, 3, 18), date(2025, 3, 1), date(2025, 1, 1), date(2024, 1, 1)):
        for minutes in (30, -30):
            moment = datetime(day.year, day.month, day.day, tzinfo=STOCKHOLM) + timedelta(minutes=minutes)
            rows.append(incident(occurred_from=moment, occurred_to=None, category="graffiti"))
    path = tmp_path_factory.mktemp("situation") / "situation.gpkg"
    with Store.create(path) as store:
        store.add_organisation(NASTY, "Konstig organisation")
        store.add_incidents(rows)
        for i in range(3):
            store.add_incident(incident(reporting_org=NASTY, occurred_from=datetime(2025, 3, 20 + i, 12,
                                                                                    tzinfo=timezone.utc)))
        x, y = TOWN
        store.add_area("Norr", "district", f"POLYGON(({x} {y + 1500}, {x + 3000} {y + 1500}, {x + 3000} {y + 3000}, "
                                           f"{x} {y + 3000}, {x} {y + 1500}))")
    return path


# on 1 April "this month" is March: the month of the last whole day
EXPECTED_PERIODS = {
    situation.LAST_7_DAYS: Period(date(2025, 3, 25), LAST_WHOLE_DAY),
    situation.LAST_14_DAYS: Period(date(2025, 3, 18), LAST_WHOLE_DAY),
    situation.THIS_MONTH: Period(date(2025, 3, 1), LAST_WHOLE_DAY),
    situation.SINCE_1_JANUARY: Period(date(2025, 1, 1), LAST_WHOLE_DAY),
    situation.SAME_PERIOD_LAST_YEAR: Period(date(2024, 1, 1), date(2024, 3, 31)),
    situation.CUSTOM: Period(date(2024, 12, 24), date(2025, 1, 6)),
}


@pytest.mark.parametrize("preset", situation.PRESETS)
def test_preset_periods(preset):
    custom = Period(date(2024, 12, 24), date(2025, 1, 6))
    assert FilterState(preset=preset, custom=custom).period(TODAY) == EXPECTED_PERIODS[preset]


def test_same_period_last_year_of_other_presets_and_leap_days():
    assert FilterState(preset=situation.SAME_PERIOD_LAST_YEAR, base_preset=situation.LAST_7_DAYS).period(
        TODAY) == Period(date(2024, 3, 25), date(2024, 3, 31))
    leap = date(2024, 3, 1)  # this month is February 2024, up to the 29th
    assert FilterState(preset=situation.SAME_PERIOD_LAST_YEAR, base_preset=situation.THIS_MONTH).period(
        leap) == Period(date(2023, 2, 1), date(2023, 2, 28))
    with pytest.raises(ValueError):
        FilterState(preset=situation.CUSTOM).period(TODAY)


@pytest.mark.parametrize("preset", situation.PRESETS)
def test_summary_counts_match_direct_sql(store_path, preset):
    state = FilterState(preset=preset, custom=EXPECTED_PERIODS[situation.CUSTOM])
    period = EXPECTED_PERIODS[preset]
    with Store.open(store_path) as store:
        result = situation.summary(store, state, TODAY)
    assert result.period == period
    assert result.total == sql_count(store_path, period) > 0
    for code in CATEGORIES:
        assert result.by_category.get(code, 0) == sql_count(store_path, period, "category = ?", (code,))
    previous = Period(period.start - timedelta(days=period.days), period.start - timedelta(days=1))
    # the store's first incident, as a local day: a base before it has no data, not zeros
    with sqlite3.connect(store_path) as db:
        first = db.execute("SELECT min(occurred_from) FROM incidents").fetchone()[0]
    first_day = datetime.fromisoformat(first.rstrip("Z")).replace(tzinfo=timezone.utc).astimezone(STOCKHOLM).date()
    assert result.first_day == first_day
    assert result.previous.base_period == previous
    assert result.previous.has_data == (previous.start >= first_day)
    if result.previous.has_data:
        assert result.previous.base_count == sql_count(store_path, previous)
    year = Period(period.start.replace(year=period.start.year - 1), period.end.replace(year=period.end.year - 1))
    assert result.last_year.base_period == year
    assert result.last_year.has_data == (year.start >= first_day)
    if result.last_year.has_data:
        assert result.last_year.base_count == sql_count(store_path, year)
    if result.last_year.has_data and result.last_year.base_count >= 10:
        expected = 100 * (result.total - result.last_year.base_count) / result.last_year.base_count
        assert result.last_year.percent == pytest.approx(expected)


def test_summary_in_words_names_the_base():
    change = situation.Change(Period(date(2025, 1, 1), date(2025, 6, 15)), 317,
                              Period(date(2024, 1, 1), date(2024, 6, 15)), 387)
    assert change.words("the same period last year", "en") == (
        "\u221218.1 % against the same period last year (1 Jan\u201315 Jun 2024): 317 against 387")
    none = situation.Change(change.period, 5, change.base_period, 0)
    assert "no percentage" in none.words("the same period last year", "en")


def test_a_custom_period_up_to_today_says_so(store_path):
    custom = Period(date(2025, 3, 25), TODAY)
    with Store.open(store_path) as store:
        result = situation.summary(store, FilterState(preset=situation.CUSTOM, custom=custom), TODAY)
        default = situation.summary(store, FilterState(preset=situation.LAST_7_DAYS), TODAY)
    assert result.includes_today and periods.includes_today(result.period, TODAY)
    assert result.lines("en")[0] == f"{result.total} incidents, 25 Mar\u20131 Apr 2025, including today so far"
    assert not default.includes_today
    assert default.lines("en")[0] == f"{default.total} incidents, 25 Mar\u201331 Mar 2025"


@pytest.mark.parametrize("preset", situation.PRESETS)
def test_layer_subset_shows_what_the_summary_counts(store_path, preset):
    state = FilterState(preset=preset, custom=EXPECTED_PERIODS[situation.CUSTOM], categories=("graffiti", "drugs"),
                        organisations=("housing",), statuses=("new",))
    project = QgsProject()
    layer = layers.load_store(store_path, project, "en").incidents
    with Store.open(store_path) as store:
        subset = situation.subset_string(store, state, TODAY)
        expected = store.count(state.incident_filter(TODAY))
    assert layer.setSubsetString(subset)
    assert shown(layer) == expected == sql_count(
        store_path, EXPECTED_PERIODS[preset],
        "category IN ('graffiti', 'drugs') AND reporting_org = 'housing' AND status = 'new'")


def test_quotes_and_sql_keywords_are_data(store_path):
    project = QgsProject()
    layer = layers.load_store(store_path, project, "en").incidents
    total = shown(layer)
    with Store.open(store_path) as store:
        state = FilterState(preset=situation.THIS_MONTH, organisations=(NASTY,))
        assert layer.setSubsetString(situation.subset_string(store, state, TODAY))
        assert shown(layer) == 3 == store.count(state.incident_filter(TODAY))
        evil = FilterState(preset=situation.THIS_MONTH, categories=("x' OR '1'='1",),
                           statuses=("'); DELETE FROM incidents; --",))
        assert layer.setSubsetString(situation.subset_string(store, evil, TODAY))
        assert shown(layer) == 0
    layer.setSubsetString("")
    assert shown(layer) == total
    literal = GeoPackageBackend.literal  # the literals of a GeoPackage store's provider filter
    assert literal("a'b\\c") == "'a''b\\c'"
    assert literal(3) == "3" and literal(None) == "NULL"
    assert sqlfilter.identifier('we"ird') == '"we""ird"'
    with pytest.raises(ValueError):
        literal("nul\x00")
    # comment markers never stand inside one literal (QGIS 3.40 strips comments
    # from provider filters), yet SQLite reads back exactly the same text
    import sqlite3

    for text in ("a--b", "x---y", "/* no */", "--", "o'h\\'); DROP TABLE x;--"):
        written = literal(text)
        assert all(marker not in written for marker in ("--", "/*", "*/"))
        assert sqlite3.connect(":memory:").execute(f"SELECT {written}").fetchone()[0] == text


def test_area_filter_shows_the_store_fids(store_path):
    state = FilterState(preset=situation.SINCE_1_JANUARY, area="Norr", categories=("vandalism",))
    project = QgsProject()
    layer = layers.load_store(store_path, project, "en").incidents
    with Store.open(store_path) as store:
        subset = situation.subset_string(store, state, TODAY)
        expected = store.count(state.incident_filter(TODAY))
        fids = set(store.arrays(state.incident_filter(TODAY), ())["fid"].tolist())
    assert 0 < expected < sql_count(store_path, EXPECTED_PERIODS[situation.SINCE_1_JANUARY], "category = 'vandalism'")
    assert "'Norr'" in subset and len(subset) < 1000
    assert layers.apply_filter(layer, subset) == ""
    assert {f.id() for f in layer.getFeatures()} == fids


def test_state_round_trip_through_project_entries():
    project = QgsProject()
    state = FilterState(preset=situation.SAME_PERIOD_LAST_YEAR, base_preset=situation.CUSTOM,
                        custom=Period(date(2025, 2, 1), date(2025, 2, 14)), categories=("fire", "drugs"),
                        organisations=(NASTY,), statuses=("closed",), area="Norr")
    situation.write_state(project, "/data/x.gpkg", state)
    assert situation.read_state(project) == ("/data/x.gpkg", state)
    assert situation.read_state(QgsProject()) == ("", FilterState())
