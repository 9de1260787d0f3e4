"""The demo municipality in a real store: the planted patterns are there,
counted through the store and cross-checked with plain SQL, OGR and zoneinfo."""

import sqlite3
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from osgeo import gdal, ogr

from lagesbild.core.domain import demo
from lagesbild.core.domain.timeutil import Period
from lagesbild.core.store import IncidentFilter, Store, StoreError
from lagesbild.core.store.demo_store import build_demo_store

TODAY = date(2026, 6, 15)
SIZE = 30_000
STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = build_demo_store(tmp_path_factory.mktemp("demo") / "demo.gpkg", SIZE, 4, TODAY)
    with Store.open(path) as opened:
        yield opened


def _utc_bound(day: date) -> str:
    return datetime.combine(day, time(0), tzinfo=STOCKHOLM).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def test_size_areas_measures_and_organisations(store):
    assert store.count() == SIZE
    kinds = [area.kind for area in store.areas()]
    assert kinds.count("district") == 5 and kinds.count("focus_area") == 3
    assert len(store.measures()) >= 3
    reporting = store.counts("reporting_org")
    assert {"municipality", "police", "housing"} <= set(reporting)
    assert all(n > SIZE * 0.05 for code, n in reporting.items() if code in ("municipality", "police", "housing"))
    # every incident lies in exactly one district
    assert sum(n for name, n in store.counts("area").items()
               if name in {a.name for a in store.areas("district")}) == SIZE


def test_vandalism_clusters_near_the_school_and_the_station(store):
    def near_share(category):
        data = store.arrays(IncidentFilter(categories=(category,)), ())
        near = np.zeros(data["x"].size, dtype=bool)
        for landmark in ("school", "station"):
            lx, ly = demo.LANDMARKS[landmark]
            near |= np.hypot(data["x"] - lx, data["y"] - ly) <= 300
        return near.mean()

    assert near_share("vandalism") >= 0.25
    assert near_share("littering") < 0.10


def test_disorder_on_friday_and_saturday_nights(store):
    data = store.arrays(IncidentFilter(categories=("disorder",)), ("occurred_from",))
    weekend_night = 0
    for epoch in data["occurred_from"]:
        local = datetime.fromtimestamp(int(epoch), timezone.utc).astimezone(STOCKHOLM)
        hours_into_week = local.weekday() * 24 + local.hour  # Monday 00:00 = 0
        weekend_night += 4 * 24 + 18 <= hours_into_week < 6 * 24 + 24 + 4 or hours_into_week < 4
    assert weekend_night / data["occurred_from"].size >= 0.5
    weekdays = store.counts("weekday", IncidentFilter(categories=("disorder",)))
    assert max(weekdays, key=weekdays.get) in (4, 5)  # Friday or Saturday


def test_seasons(store):
    year = IncidentFilter(period=Period(date(2025, 1, 1), date(2025, 12, 31)), categories=("littering",))
    months = store.counts("month", year)
    assert months["2025-07"] > 2 * months["2025-01"]
    burglary = IncidentFilter(period=Period(date(2025, 1, 1), date(2025, 12, 31)), subcategories=("theft_burglary",))
    months = store.counts("month", burglary)
    assert months["2025-12"] > 1.5 * months["2025-06"]


def test_fewer_incidents_this_year_than_the_same_dates_last_year(store):
    this_year = Period(date(2026, 1, 1), TODAY - timedelta(days=1))
    now, before = store.count(IncidentFilter(period=this_year)), store.count(
        IncidentFilter(period=this_year.years_earlier()))
    assert -25 <= 100 * (now - before) / before <= -12
    # the same counts by plain SQL with bounds computed here with zoneinfo
    with sqlite3.connect(store.path) as connection:
        def sql_count(start, end):
            return connection.execute(
                "SELECT count(*) FROM incidents WHERE occurred_from >= ? AND occurred_from < ?",
                (_utc_bound(start), _utc_bound(end + timedelta(days=1)))).fetchone()[0]
        assert sql_count(this_year.start, this_year.end) == now
        assert sql_count(date(2025, 1, 1), TODAY - timedelta(days=366)) == before


def test_the_lighting_measure_lowered_incidents_inside_its_area(store):
    lighting = next(m for m in store.measures() if "belysning" in m.title)
    start = lighting.start_date
    before = IncidentFilter(period=Period(start - timedelta(days=180), start - timedelta(days=1)))
    after = IncidentFilter(period=Period(start, start + timedelta(days=179)))
    dataset = gdal.OpenEx(str(store.path), gdal.OF_VECTOR)
    layer = dataset.GetLayerByName("incidents")

    def counts(period_filter):
        first, last = period_filter.period.start, period_filter.period.end + timedelta(days=1)
        layer.SetAttributeFilter(
            f"occurred_from >= '{_utc_bound(first)}' AND occurred_from < '{_utc_bound(last)}'")
        layer.SetSpatialFilter(lighting.geometry)  # OGR tests the polygon exactly, independently of ours
        # counted by reading: GDAL 3.10's GeoPackage GetFeatureCount() counts the
        # R-tree's bounding-box hits only, reading applies the exact test
        inside = sum(1 for _ in layer)
        layer.SetSpatialFilter(None)
        total = layer.GetFeatureCount()
        data = store.arrays(period_filter, ())
        from lagesbild.core.domain.geometry import points_in_polygon
        assert int(points_in_polygon(data["x"], data["y"], lighting.geometry).sum()) == inside
        assert data["x"].size == total
        return inside, total - inside

    inside_before, outside_before = counts(before)
    inside_after, outside_after = counts(after)
    assert inside_after / inside_before <= 0.65
    assert outside_after / outside_before >= 0.8
    assert isinstance(lighting.geometry, ogr.Geometry)


def test_demo_is_deterministic_and_goes_only_into_an_empty_store(tmp_path, store):
    first = build_demo_store(tmp_path / "a.gpkg", 1000, 4, TODAY)
    second = build_demo_store(tmp_path / "b.gpkg", 1000, 4, TODAY)
    with Store.open(first) as a, Store.open(second) as b:
        assert [i.uuid for i in a.incidents()] == [i.uuid for i in b.incidents()]
        assert a.counts("category") == b.counts("category")
    with pytest.raises(StoreError, match="already holds data"):
        build_demo_store(first, 1000, 5, TODAY)
    with Store.open(first) as a:
        assert a.count() == 1000
    with pytest.raises(ValueError):
        build_demo_store(tmp_path / "c.gpkg", 10, 4, TODAY)
    assert not (tmp_path / "c.gpkg").exists()
    with Store.create(tmp_path / "other-crs.gpkg", crs="EPSG:3008") as other:
        path = other.path
    with pytest.raises(StoreError, match="EPSG:3006"):
        build_demo_store(path, 1000, 4, TODAY)
