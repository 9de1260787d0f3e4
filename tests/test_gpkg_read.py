"""Reading incidents into NumPy from a GeoPackage store through OGR's Arrow
stream (``core/store/backends/gpkg/arrow.py``) gives the very arrays of the
store's plain row-by-row SQL read and of an independent reading of the file
with plain sqlite3 and Python's own date parsing: with every category, nulls,
every filter and an area, times around both clock changes, and time text in
every form SQLite reads (an offset, no zone, a julian day number, four
digits of fraction), which GDAL's own DATETIME decoding gets wrong."""

import math
import re
import sqlite3
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest
from store_helpers import assert_same_arrays as assert_same

from lagesbild.core.domain import codelist
from lagesbild.core.domain.timeutil import Period
from lagesbild.core.store import Store, StoreLocation
from lagesbild.core.store.backends.gpkg import arrow
from lagesbild.core.store.records import TIME_FIELDS, IncidentFilter

UTC = timezone.utc
TEXTS = ("category", "subcategory", "reporting_org", "handling_org", "status", "place_name")
EVERY_COLUMN = ("occurred_from", "occurred_to", "reported_at", "estimated_cost_sek") + TEXTS
# time text as other clients may leave it (written below past the plugin's validation)
ODD_TIMES = {
    "offset": "2026-03-29T04:49:10+02:00",  # 02:49:10Z
    "no zone, a space": "2026-03-29 02:49:10",
    "four digits": "2026-03-29T02:49:10.9996Z",  # SQLite keeps milliseconds: 02:49:11.000
    "minutes only": "2026-03-29T02:49",
    "julian day": 2461128.5,  # 2026-03-29T00:00Z
    "before 1970": "1969-12-31T23:59:58.250Z",
}

pytestmark = pytest.mark.skipif(not arrow.available(), reason="the Arrow read is not used with this GDAL")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    from store_helpers import incident, ogr_sql

    from lagesbild.core.store.demo_store import build_demo_store

    path = tmp_path_factory.mktemp("read") / "store.gpkg"
    build_demo_store(path, 3000, 7, date(2026, 6, 15))
    around = [
        datetime(2026, 3, 29, 0, 59, 59, 999000, tzinfo=UTC),  # the last millisecond before the spring change
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),  # 03:00 local: 02:00–03:00 does not exist
        datetime(2026, 3, 29, 1, 49, 10, tzinfo=UTC),
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 local, summer time
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 02:30 local again, winter time
        datetime(2025, 12, 31, 22, 59, 59, 999999, tzinfo=UTC),  # microseconds, just before local midnight
    ]
    with Store.open(StoreLocation.parse(path)) as store:
        store.add_incidents(
            [incident(occurred_from=moment, occurred_to=None, estimated_cost_sek=None) for moment in around]
            + [incident(category="fire", subcategory="fire_car", status="in_progress", handling_org="police",
                        place_name="Östra Ågatan – vid torget"),
               incident(place_name="")]
            + [incident(occurred_to=None) for _ in ODD_TIMES])
        last = max(store.arrays(columns=())["fid"].tolist())
    for offset, value in enumerate(ODD_TIMES.values()):  # a client other than the plugin: no validation
        text = repr(value) if isinstance(value, float) else f"'{value}'"
        ogr_sql(path, f"UPDATE incidents SET occurred_from = {text} WHERE fid = {last - offset}")
    return path


def independent_arrays(path, where: str, columns: tuple[str, ...]) -> dict:
    """The expected arrays: plain sqlite3 rows of the file, each time decoded
    in Python (to the millisecond, as SQLite keeps times, then floored to the
    second), not by SQLite's strftime or OGR."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(f"SELECT fid, geom, {', '.join(columns)} FROM incidents WHERE {where} "
                                  "ORDER BY fid").fetchall()
    finally:
        connection.close()
    result = {"fid": np.array([r[0] for r in rows], dtype=np.int64),
              "x": np.array([np.frombuffer(r[1][8 + 5:], "<f8")[0] for r in rows], dtype=np.float64),
              "y": np.array([np.frombuffer(r[1][8 + 5:], "<f8")[1] for r in rows], dtype=np.float64)}
    for number, name in enumerate(columns, start=2):
        values = [r[number] for r in rows]
        if name in TIME_FIELDS:
            result[name] = np.array([epoch_of(v) for v in values], dtype=np.int64)
        elif name == "estimated_cost_sek":
            result[name] = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
        else:
            result[name] = np.array(values, dtype=object)
    return result


def epoch_of(value) -> int:
    if value is None:
        return -1
    if isinstance(value, float):  # a julian day number
        milliseconds = round((value - 2440587.5) * 86_400_000)
        return milliseconds // 1000
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(?::(\d\d)(?:\.(\d+))?)?(Z|[+-]\d\d:\d\d)?", value)
    day, clock, seconds, fraction, zone = match.groups()
    moment = datetime.fromisoformat(f"{day}T{clock}:{seconds or '00'}+00:00")
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        moment -= sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    milliseconds = (moment - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(milliseconds=1)
    milliseconds += math.floor(float(f"0.{fraction or 0}") * 1000 + 0.5)
    return milliseconds // 1000


PLAIN_READ = Store._select_arrays


@pytest.fixture
def arrow_only(monkeypatch):
    """The store's plain read made unavailable: what answers is the Arrow reader."""
    def refuse(*args, **kwargs):
        raise AssertionError("the plain read was used")

    monkeypatch.setattr(Store, "_select_arrays", refuse)


def test_every_incident_with_every_column_is_read_as_sqlite_holds_it(store_path, arrow_only):
    expected = independent_arrays(store_path, "1 = 1", EVERY_COLUMN)
    with Store.open(StoreLocation.parse(store_path), read_only=True) as store:
        found = store.arrays(columns=EVERY_COLUMN)
        plain = PLAIN_READ(store, "1 = 1", [], EVERY_COLUMN)
    assert_same(found, expected)
    assert_same(plain, expected)
    assert set(found["category"].tolist()) == {c.code for c in codelist.CATEGORIES}
    assert None in found["subcategory"].tolist() and None in found["handling_org"].tolist()
    assert "Östra Ågatan – vid torget" in found["place_name"].tolist() and "" in found["place_name"].tolist()
    assert (found["occurred_to"] == -1).sum() >= 12 and np.isnan(found["estimated_cost_sek"]).sum() >= 6
    times = found["occurred_from"].tolist()
    for moment in ("2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"):
        assert int(datetime.fromisoformat(moment.replace("Z", "+00:00")).timestamp()) in times
    # the odd forms: 02:49:10Z four ways, 02:49:11Z (rounded to the millisecond), 02:49:00Z, a julian day,
    # and 23:59:58.25 before 1970 floored to -2, as strftime('%s') gives them
    assert times.count(1774752550) == 2 and 1774752551 in times and 1774752540 in times
    assert 1774742400 in times and -2 in times


@pytest.mark.parametrize("incident_filter", [
    IncidentFilter(),
    # 2026 in Stockholm time, over the spring clock change
    IncidentFilter(period=Period(date(2026, 1, 1), date(2026, 6, 14))),
    IncidentFilter(period=Period(date(2026, 3, 29), date(2026, 3, 29))),  # the 23-hour day
    IncidentFilter(period=Period(date(2025, 1, 1), date(2025, 12, 31)), time_field="reported_at",
                   categories=("vandalism", "fire"), organisations=("housing",)),
    IncidentFilter(subcategories=("fire_car",), statuses=("in_progress",)),
    IncidentFilter(categories=("no_such_category",)),
])
@pytest.mark.parametrize("columns", [
    ("category", "occurred_from", "occurred_to", "place_name"),  # with times: through OGR's SQL
    ("category", "place_name", "estimated_cost_sek"),  # without: the layer's own stream
    (),
])
def test_a_filtered_read_is_the_plain_reads(store_path, incident_filter, columns):
    with Store.open(StoreLocation.parse(store_path), read_only=True) as store:
        where, params = store._where(incident_filter)
        fast = store.backend.read_arrays(store._db, where, params, columns)
        plain = PLAIN_READ(store, where, params, columns)
        found = store.arrays(incident_filter, columns)
    assert fast is not None
    assert_same(fast, plain)
    assert_same(found, plain)
    if incident_filter.categories == ("no_such_category",):
        assert found["fid"].size == 0 and found["x"].dtype == np.float64
    else:
        assert found["fid"].size > 0


def test_an_area_read_is_the_plain_reads_inside_the_area(store_path, arrow_only):
    from lagesbild.core.domain.geometry import points_in_polygon

    with Store.open(StoreLocation.parse(store_path), read_only=True) as store:
        for area in store.areas():
            period = Period(date(2026, 1, 1), date(2026, 6, 14))
            found = store.arrays(IncidentFilter(area=area.name, period=period), ("category", "occurred_from"))
            everything = PLAIN_READ(store, *store._where(IncidentFilter(period=period)), ("category", "occurred_from"))
            inside = points_in_polygon(everything["x"], everything["y"], area.geometry)
            assert_same(found, {name: values[inside] for name, values in everything.items()})
            assert found["fid"].size > 0
            # without a period the R-tree narrows, and the layer's own stream reads
            found = store.arrays(IncidentFilter(area=area.name), ("category", "place_name"))
            everything = PLAIN_READ(store, "1 = 1", [], ("category", "place_name"))
            inside = points_in_polygon(everything["x"], everything["y"], area.geometry)
            assert_same(found, {name: values[inside] for name, values in everything.items()})


def test_a_read_inside_a_write_sees_what_is_not_yet_committed(store_path, tmp_path):
    import shutil

    from store_helpers import incident

    copy = tmp_path / "copy.gpkg"
    shutil.copy(store_path, copy)
    with Store.open(StoreLocation.parse(copy)) as store:
        before = store.arrays(columns=("category",))["fid"].size
        with store.transaction():
            store.add_incidents([incident(category="fire")])
            assert store.backend.read_arrays(store._db, "1 = 1", [], ("category",)) is None
            assert store.arrays(columns=("category",))["fid"].size == before + 1


def test_columns_without_an_exact_arrow_form_are_read_the_plain_way(store_path):
    columns = ("police_reported", "version", "category")
    with Store.open(StoreLocation.parse(store_path), read_only=True) as store:
        assert store.backend.read_arrays(store._db, "1 = 1", [], columns) is None
        found = store.arrays(columns=columns)
    expected = independent_arrays(store_path, "1 = 1", columns)
    assert_same(found, expected)


def test_reading_leaves_the_file_untouched(store_path):
    from store_helpers import fingerprint

    before = fingerprint(store_path)
    with Store.open(StoreLocation.parse(store_path), read_only=True) as store:
        assert store.backend.read_arrays(store._db, "1 = 1", [], ("category",))["fid"].size > 3000
    assert fingerprint(store_path) == before


def test_values_are_written_into_the_condition_exactly():
    from lagesbild.core.store.backends.gpkg import GeoPackageBackend

    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (a, b, c)")
    connection.execute("INSERT INTO t VALUES ('2026-01-01T00:00:00', 'it''s -- /* x */', 0.1)")

    def matches(params) -> int:
        where = arrow.with_values("a = ? AND b IN (?, ?) AND c = ?", params, GeoPackageBackend.literal)
        return connection.execute(f"SELECT count(*) FROM t WHERE {where}").fetchone()[0]

    assert matches(["2026-01-01T00:00:00", "it's -- /* x */", "x", 0.1]) == 1
    assert matches(["2026-01-01T00:00:00", "it's -- /* x */", "x", math.nextafter(0.1, 1.0)]) == 0
    assert matches(["2026-01-01T00:00:00", "its", "x", 0.1]) == 0
    with pytest.raises(ValueError):
        arrow.with_values("a = ?", [], GeoPackageBackend.literal)


def test_a_period_and_an_area_are_read_through_the_time_index(store_path):
    """The dock's summary by area: the period's time index drives the plan,
    not the R-tree (whose box held most of the store); without a period the
    R-tree narrows. Either way the area is decided in NumPy (tested above)."""
    period = Period(date(2026, 1, 1), date(2026, 6, 14))
    with Store.open(StoreLocation.parse(store_path), read_only=True) as store:
        area = store.areas("district")[0].name

        def plan(incident_filter) -> str:
            where, params = store._where(incident_filter)
            return " | ".join(row[3] for row in store._db.execute(
                f"EXPLAIN QUERY PLAN SELECT fid, geom FROM incidents WHERE {where}", params))

        with_period = plan(IncidentFilter(period=period, area=area))
        assert "USING INDEX idx_incidents_occurred_from" in with_period and "rtree" not in with_period
        assert "rtree_incidents_geom" in plan(IncidentFilter(area=area))
