"""The demo generator, without QGIS or a store.

Each planted pattern is counted here from the generated columns alone, with
zoneinfo for local times (element by element on samples) and OGR for polygon
containment, never with the generator's own helpers.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from osgeo import ogr

from lagesbild.core.domain import codelist, demo

TODAY = dt.date(2025, 9, 10)
SEED = 20250910
SIZE = 100_000
TIME_ZONE = "Europe/Stockholm"
ZONE = ZoneInfo(TIME_ZONE)
SAMPLE = 4_000


def local_midnight(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=ZONE).timestamp())


def local_times(epochs: np.ndarray) -> list[dt.datetime]:
    return [dt.datetime.fromtimestamp(int(t), ZONE) for t in epochs]


def sample(rng_seed: int, mask: np.ndarray, count: int = SAMPLE) -> np.ndarray:
    indices = np.flatnonzero(mask)
    rng = np.random.default_rng(rng_seed)
    return rng.choice(indices, size=min(count, indices.size), replace=False)


@pytest.fixture(scope="module")
def data() -> demo.DemoData:
    return demo.generate(SIZE, SEED, TODAY, TIME_ZONE)


@pytest.fixture(scope="module")
def incidents(data) -> dict[str, np.ndarray]:
    return data.incidents


# --- determinism, size, columns ---------------------------------------------


def test_same_inputs_give_identical_arrays():
    first = demo.generate(5_000, 7, TODAY).incidents
    second = demo.generate(5_000, 7, TODAY).incidents
    assert first.keys() == second.keys()
    for key in first:
        np.testing.assert_array_equal(first[key], second[key], err_msg=key)
    other_seed = demo.generate(5_000, 8, TODAY).incidents
    assert not np.array_equal(first["x"], other_seed["x"])


@pytest.mark.parametrize("size", [1_000, 12_345])
def test_exact_size(size):
    columns = demo.generate(size, 1, TODAY).incidents
    assert {len(values) for values in columns.values()} == {size}


@pytest.mark.parametrize("size", [0, 999, 1_000_001])
def test_size_out_of_range(size):
    with pytest.raises(ValueError):
        demo.generate(size, 1, TODAY)


def test_columns_valid(incidents):
    expected = {
        "x",
        "y",
        "category",
        "subcategory",
        "occurred_from",
        "occurred_to",
        "reported_at",
        "reporting_org",
        "status",
        "police_reported",
        "estimated_cost_sek",
        "place_name",
        "description",
    }
    assert set(incidents) == expected
    for key in ("occurred_from", "occurred_to", "reported_at"):
        assert incidents[key].dtype == np.int64
    category, subcategory = incidents["category"], incidents["subcategory"]
    assert set(category) <= set(codelist.BY_CODE)
    for code in set(subcategory) - {""}:
        parent = codelist.category_of(code)
        assert parent is not None, code
        assert set(category[subcategory == code]) == {parent}
    for code in set(category[subcategory == ""]):
        assert not codelist.BY_CODE[code].subcategories, code
    assert set(incidents["reporting_org"]) <= {code for code, _sv, _en in codelist.DEFAULT_ORGANISATIONS}
    assert set(incidents["status"]) <= set(codelist.STATUS_CODES)
    assert incidents["police_reported"].dtype == bool
    assert all(isinstance(text, str) and text for text in set(incidents["place_name"]))
    assert all(isinstance(text, str) and text for text in set(incidents["description"]))


def test_category_mix_is_realistic(incidents):
    codes, counts = np.unique(incidents["category"], return_counts=True)
    ranked = [str(c) for c in codes[np.argsort(-counts)]]
    assert set(ranked[:3]) == {"vandalism", "littering", "graffiti"}
    assert dict(zip(codes, counts))["threat_violence"] < 0.05 * SIZE


def test_costs_are_known_only_for_damage_and_never_negative(incidents):
    cost = incidents["estimated_cost_sek"]
    assert cost.dtype == np.float64
    assert np.all(np.isnan(cost) | (cost >= 0))
    with_cost = set(incidents["category"][~np.isnan(cost)])
    assert with_cost == {"vandalism", "graffiti", "fire"}


@pytest.mark.parametrize("today", [TODAY, dt.date(2024, 3, 31), dt.date(2024, 2, 29), dt.date(2025, 1, 1)])
def test_times_are_ordered_and_inside_the_two_years(today):
    columns = demo.generate(20_000, 3, today, TIME_ZONE).incidents
    occurred_from, occurred_to, reported_at = (columns["occurred_from"], columns["occurred_to"], columns["reported_at"])
    assert np.all(occurred_to >= occurred_from)
    assert np.all(reported_at >= occurred_to)
    assert np.all(reported_at - occurred_to <= 8 * 86_400)
    assert np.all(occurred_to - occurred_from <= 13 * 3_600)  # 20:00 to 07:30, plus a DST hour
    assert reported_at.max() < local_midnight(today)
    earliest = today.replace(year=today.year - 2, day=min(today.day, 28) if today.month == 2 else today.day)
    assert occurred_from.min() >= local_midnight(earliest)
    assert np.mean(occurred_to == occurred_from) > 0.4  # mostly an exact time


def test_some_incidents_were_found_in_the_morning(incidents):
    overnight = incidents["occurred_to"] - incidents["occurred_from"] > 6 * 3_600
    assert 0.03 < overnight.mean() < 0.2
    chosen = sample(11, overnight, 500)
    for start, end in zip(
        local_times(incidents["occurred_from"][chosen]), local_times(incidents["occurred_to"][chosen])
    ):
        assert start.hour >= 20 and 5 <= end.hour <= 7 and end.date() == start.date() + dt.timedelta(days=1)


def test_status_follows_age(incidents):
    age_days = (local_midnight(TODAY) - incidents["reported_at"]) / 86_400
    status = incidents["status"]
    assert np.mean(status[age_days > 365] == "closed") > 0.9
    assert np.mean(status[age_days < 14] != "closed") > 0.8


# --- places ---------------------------------------------------------------------


def polygon(wkt: str) -> ogr.Geometry:
    geometry = ogr.CreateGeometryFromWkt(wkt)
    assert geometry is not None and geometry.IsValid(), wkt
    return geometry


def point(x: float, y: float) -> ogr.Geometry:
    geometry = ogr.Geometry(ogr.wkbPoint)
    geometry.AddPoint_2D(float(x), float(y))
    return geometry


def test_districts_tile_the_town(data):
    xmin, ymin, xmax, ymax = demo.TOWN_EXTENT
    assert 7_000 <= xmax - xmin <= 9_000 and 5_000 <= ymax - ymin <= 7_000
    assert 6_000_000 < ymin and 200_000 < xmin < 1_000_000  # SWEREF 99 TM, in Sweden
    districts = [polygon(a.wkt) for a in data.areas if a.kind == "district"]
    focus_areas = [polygon(a.wkt) for a in data.areas if a.kind == "focus_area"]
    assert 4 <= len(districts) <= 6 and 2 <= len(focus_areas) <= 3
    assert sum(d.GetArea() for d in districts) == pytest.approx((xmax - xmin) * (ymax - ymin))
    for i, first in enumerate(districts):
        for second in districts[i + 1 :]:
            assert first.Intersection(second).GetArea() < 1.0
    town = polygon(f"POLYGON(({xmin} {ymin},{xmax} {ymin},{xmax} {ymax},{xmin} {ymax},{xmin} {ymin}))")
    assert all(town.Contains(area) for area in focus_areas)


def test_points_inside_the_town_and_a_district(data, incidents):
    x, y = incidents["x"], incidents["y"]
    xmin, ymin, xmax, ymax = demo.TOWN_EXTENT
    assert np.all((x > xmin) & (x < xmax) & (y > ymin) & (y < ymax))
    districts = [polygon(a.wkt) for a in data.areas if a.kind == "district"]
    for index in sample(12, np.ones(SIZE, dtype=bool), 3_000):
        location = point(x[index], y[index])
        assert any(d.Contains(location) for d in districts), (x[index], y[index])


def share_near_school_or_station(data, incidents, category: str) -> float:
    chosen = incidents["category"] == category
    x, y = incidents["x"][chosen], incidents["y"][chosen]
    near = np.zeros(x.size, dtype=bool)
    for name in ("school", "station"):
        landmark_x, landmark_y = data.landmarks[name]
        near |= np.hypot(x - landmark_x, y - landmark_y) <= 300
    return float(near.mean())


def test_vandalism_clusters_near_the_school_and_the_station(data, incidents):
    xmin, ymin, xmax, ymax = demo.TOWN_EXTENT
    area_share = 2 * math.pi * 300**2 / ((xmax - xmin) * (ymax - ymin))
    assert area_share < 0.02
    vandalism = share_near_school_or_station(data, incidents, "vandalism")
    assert vandalism >= 0.25
    # Littering is not drawn there: the cluster is vandalism's own.
    assert vandalism > 3 * share_near_school_or_station(data, incidents, "littering")


# --- times ----------------------------------------------------------------------


def in_weekend_night(moment: dt.datetime) -> bool:
    """Friday 18:00 to Sunday 04:00 local."""
    weekday, hour = moment.weekday(), moment.hour
    return (weekday == 4 and hour >= 18) or weekday == 5 or (weekday == 6 and hour < 4)


def test_disorder_on_friday_and_saturday_nights(incidents):
    chosen = sample(13, incidents["category"] == "disorder")
    share = np.mean([in_weekend_night(m) for m in local_times(incidents["occurred_from"][chosen])])
    assert share >= 0.5  # 34 of the week's 168 hours would give 0.20


def monthly_counts(epochs: np.ndarray) -> np.ndarray:
    counts = np.zeros(13, dtype=int)
    for moment in local_times(epochs):
        counts[moment.month] += 1
    return counts


def test_seasons(incidents):
    category, subcategory = incidents["category"], incidents["subcategory"]
    littering = monthly_counts(incidents["occurred_from"][sample(14, category == "littering", 6_000)])
    assert littering[7] > 2 * littering[1]
    evening_disorder = np.isin(subcategory, ["disorder_noise", "disorder_gathering"])
    disorder = monthly_counts(incidents["occurred_from"][sample(15, evening_disorder, 6_000)])
    assert disorder[7] > 2 * disorder[1]
    burglary = monthly_counts(incidents["occurred_from"][subcategory == "theft_burglary"])
    assert burglary[12] > 2 * burglary[6]
    fireworks = local_times(incidents["occurred_from"][subcategory == "disorder_fireworks"])
    new_years_night = [
        (m.month == 12 and m.day == 31 and m.hour >= 18) or (m.month == 1 and m.day == 1 and m.hour < 4)
        for m in fireworks
    ]
    assert np.mean(new_years_night) >= 0.5


def test_fewer_incidents_this_year_than_on_the_same_dates_last_year(incidents):
    this_year = dt.date(TODAY.year, 1, 1), TODAY
    last_year = dt.date(TODAY.year - 1, 1, 1), TODAY.replace(year=TODAY.year - 1)
    occurred = incidents["occurred_from"]

    def count(first: dt.date, end: dt.date) -> int:
        return int(np.sum((occurred >= local_midnight(first)) & (occurred < local_midnight(end))))

    change = count(*this_year) / count(*last_year) - 1
    assert -0.25 <= change <= -0.12
    assert demo.YEAR_ON_YEAR_FACTOR == pytest.approx(1 + change, abs=0.03)


def test_lighting_halves_incidents_inside_its_area_only(data, incidents):
    measure = data.lighting_measure
    assert measure in data.measures
    assert measure.kind == "situational" and measure.status in ("active", "completed")
    assert "belysning" in measure.title.lower()
    assert 300 <= (TODAY - measure.start_date).days <= 420
    start = local_midnight(measure.start_date)
    before = local_midnight(measure.start_date - dt.timedelta(days=365))
    after = local_midnight(min(measure.start_date + dt.timedelta(days=365), TODAY))
    area = polygon(measure.wkt)
    west, east, south, north = area.GetEnvelope()
    x, y, occurred = incidents["x"], incidents["y"], incidents["occurred_from"]
    inside = np.zeros(SIZE, dtype=bool)
    for index in np.flatnonzero((x >= west) & (x <= east) & (y >= south) & (y <= north)):
        inside[index] = area.Contains(point(x[index], y[index]))
    is_before = (occurred >= before) & (occurred < start)
    is_after = (occurred >= start) & (occurred < after)
    inside_change = np.sum(inside & is_after) / np.sum(inside & is_before)
    outside_change = np.sum(~inside & is_after) / np.sum(~inside & is_before)
    assert np.sum(inside & is_before) > 2_000
    assert inside_change <= 0.6
    assert outside_change >= 0.8
    assert inside_change / outside_change <= 0.65


# --- time zones -------------------------------------------------------------------


def naive_seconds(moment: dt.datetime) -> int:
    return int((moment - dt.datetime(1970, 1, 1)).total_seconds())


def test_summer_and_winter_local_times_convert_to_utc():
    summer = naive_seconds(dt.datetime(2024, 7, 1, 12, 0))
    winter = naive_seconds(dt.datetime(2024, 1, 15, 12, 0))
    utc = demo.local_naive_to_utc(np.array([summer, winter]), TIME_ZONE)
    assert utc[0] == dt.datetime(2024, 7, 1, 10, 0, tzinfo=dt.timezone.utc).timestamp()
    assert utc[1] == dt.datetime(2024, 1, 15, 11, 0, tzinfo=dt.timezone.utc).timestamp()


def test_conversion_agrees_with_zoneinfo_across_daylight_saving_changes():
    rng = np.random.default_rng(5)
    spring = naive_seconds(dt.datetime(2024, 3, 31))
    autumn = naive_seconds(dt.datetime(2024, 10, 27))
    local = np.concatenate(
        [
            rng.integers(naive_seconds(dt.datetime(2023, 1, 1)), naive_seconds(dt.datetime(2025, 12, 31)), 2_000),
            spring + rng.integers(0, 86_400, 500),
            autumn + rng.integers(0, 86_400, 500),
        ]
    )
    utc = demo.local_naive_to_utc(local, TIME_ZONE)
    epoch = dt.datetime(1970, 1, 1)
    expected = [(epoch + dt.timedelta(seconds=int(s))).replace(tzinfo=ZONE).timestamp() for s in local]
    np.testing.assert_array_equal(utc, np.array(expected, dtype=np.int64))


# --- text and plan ----------------------------------------------------------------

PERSONAL_IDENTITY_NUMBER = re.compile(r"\d{6}(\d{2})?[-+ ]?\d{4}")
PHONE_NUMBER = re.compile(r"(\+46|0)[\d \-]{6,}")


def test_texts_hold_no_person_data(data, incidents):
    texts = set(incidents["description"]) | set(incidents["place_name"])
    texts |= {m.title for m in data.measures} | {m.expected_effect for m in data.measures}
    texts |= {m.followup_result for m in data.measures if m.followup_result}
    for text in texts:
        assert not PERSONAL_IDENTITY_NUMBER.search(text), text
        assert not PHONE_NUMBER.search(text), text
        assert not re.search(r"\d{5,}", text), text
        assert "@" not in text, text


def test_measures_are_a_plausible_action_plan(data):
    organisations = {code for code, _sv, _en in codelist.DEFAULT_ORGANISATIONS}
    assert 3 <= len(data.measures) <= 5
    assert {m.kind for m in data.measures} == {code for code, _sv, _en in codelist.MEASURE_KINDS}
    for measure in data.measures:
        assert measure.status in {code for code, _sv, _en in codelist.MEASURE_STATUSES}
        assert measure.responsible_org in organisations
        assert measure.end_date is None or measure.end_date >= measure.start_date
        assert measure.expected_effect
        polygon(measure.wkt)
        if measure.status == "completed":
            assert measure.end_date < TODAY and measure.followup_result
            assert measure.followup_date <= TODAY
        if measure.status == "planned":
            assert measure.start_date > TODAY
    assert {"school", "station", "square"} <= set(data.landmarks)
