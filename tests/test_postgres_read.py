"""Reading incidents into NumPy from a PostgreSQL store through one binary
COPY (``core/store/backends/postgis/read.py``) gives the very arrays of an
independent plain SELECT through psycopg2 and of the store's plain row-by-row
read: with filters, in the store's time zone, with missing times, codes and
costs, for an empty result, and where it must fall back to the plain read."""

import itertools
from datetime import date, datetime, timezone

import numpy as np
import pytest
from store_helpers import assert_same_arrays as assert_same

from lagesbild.core.domain.timeutil import Period
from lagesbild.core.store import Store, StoreLocation
from lagesbild.core.store.records import TIME_FIELDS, IncidentFilter

_SCHEMAS = itertools.count(1)
CODED = ("category", "subcategory", "reporting_org", "handling_org", "status")
EVERY_FAST_COLUMN = ("occurred_from", "occurred_to", "reported_at", "estimated_cost_sek") + CODED


@pytest.fixture(scope="module")
def store_location(postgres_server):
    """A Stockholm-time demo store, plus incidents at awkward times: before
    1970, with microseconds, just before a local midnight."""
    from store_helpers import incident

    from lagesbild.core.store.demo_store import build_demo_store

    schema = f"reader_{next(_SCHEMAS)}"
    location = StoreLocation.parse(f"{postgres_server.dsn()} schema={schema}")
    build_demo_store(location, 3000, 11, date(2026, 6, 15))
    with Store.open(location) as store:
        store.add_incidents([
            incident(occurred_to=None, estimated_cost_sek=None),
            incident(category="fire", subcategory="fire_car", handling_org="police", status="in_progress"),
            incident(occurred_from=datetime(2025, 12, 31, 22, 59, 59, 999999, tzinfo=timezone.utc),
                     occurred_to=None),
        ])
    with postgres_server.cursor(schema) as cursor:  # a client other than the plugin: no validation
        cursor.execute("UPDATE incidents SET occurred_from = '1969-12-31T23:59:58.25Z', occurred_to = NULL "
                       "WHERE fid = (SELECT min(fid) FROM incidents)")
    yield location
    postgres_server.sql("lagesbild_test", f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def psycopg2_arrays(postgres_server, schema: str, where: str, columns: tuple[str, ...]) -> dict:
    """The expected arrays, computed apart from the store: a plain SELECT in a
    session of another time zone, converted value by value in Python."""
    selected = ", ".join(["fid", "ST_X(geom)", "ST_Y(geom)"] + list(columns))
    rows = postgres_server.query(f"SELECT {selected} FROM incidents WHERE {where} ORDER BY fid", schema,
                                 time_zone="America/New_York")
    result = {"fid": np.array([r[0] for r in rows], dtype=np.int64),
              "x": np.array([r[1] for r in rows], dtype=np.float64),
              "y": np.array([r[2] for r in rows], dtype=np.float64)}
    for number, name in enumerate(columns, start=3):
        values = [r[number] for r in rows]
        if name in TIME_FIELDS:
            epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
            result[name] = np.array([-1 if v is None else (v - epoch) // _SECOND for v in values], dtype=np.int64)
        elif name == "estimated_cost_sek":
            result[name] = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
        else:
            result[name] = np.array(values, dtype=object)
    return result


_SECOND = datetime(1970, 1, 1, 0, 0, 1, tzinfo=timezone.utc) - datetime(1970, 1, 1, tzinfo=timezone.utc)


@pytest.fixture
def fast_only(monkeypatch):
    """The store's plain read made unavailable: what answers is the COPY reader."""
    def refuse(*args, **kwargs):
        raise AssertionError("the plain read was used")

    monkeypatch.setattr(Store, "_select_arrays", refuse)


def test_every_incident_with_every_fast_column_as_a_plain_select_gives_it(store_location, postgres_server,
                                                                          fast_only):
    expected = psycopg2_arrays(postgres_server, store_location.schema, "true", EVERY_FAST_COLUMN)
    with Store.open(store_location) as store:
        found = store.arrays(columns=EVERY_FAST_COLUMN)
    assert_same(found, expected)
    assert found["fid"].size == 3003
    assert -2 in found["occurred_from"].tolist()  # 1969-12-31T23:59:58.25Z, floored as the plain read does
    assert (found["occurred_to"] == -1).sum() >= 3 and np.isnan(found["estimated_cost_sek"]).any()
    assert None in found["subcategory"].tolist() and None in found["handling_org"].tolist()
    assert set(found["category"].tolist()) >= {"fire", "vandalism", "disorder"}


@pytest.mark.parametrize("incident_filter, where", [
    (IncidentFilter(), "true"),
    # 2026 in Stockholm time: the incident at 22:59:59.999999Z on 31 December 2025 is in it
    (IncidentFilter(period=Period(date(2026, 1, 1), date(2026, 6, 14))),
     "occurred_from >= '2025-12-31T23:00:00Z' AND occurred_from < '2026-06-14T22:00:00Z'"),
    (IncidentFilter(period=Period(date(2025, 1, 1), date(2025, 12, 31)), time_field="reported_at",
                    categories=("vandalism", "fire"), organisations=("housing",)),
     "reported_at >= '2024-12-31T23:00:00Z' AND reported_at < '2025-12-31T23:00:00Z' "
     "AND category IN ('vandalism', 'fire') AND reporting_org = 'housing'"),
    (IncidentFilter(subcategories=("fire_car",), statuses=("in_progress",)),
     "subcategory = 'fire_car' AND status = 'in_progress'"),
    (IncidentFilter(categories=("no_such_category",)), "false"),
])
def test_a_filtered_read_is_the_plain_selects_and_the_plain_reads(store_location, postgres_server,
                                                                incident_filter, where):
    columns = ("category", "occurred_from", "occurred_to")
    expected = psycopg2_arrays(postgres_server, store_location.schema, where, columns)
    with Store.open(store_location) as store:
        found = store.arrays(incident_filter, columns)
        plain = store._select_arrays(*store._where(incident_filter), columns)
    assert_same(found, expected)
    assert_same(plain, expected)
    if where == "false":
        assert found["fid"].size == 0 and found["category"].dtype == object


def test_an_area_filter_reads_the_same_incidents_as_postgis_decides(store_location, postgres_server, fast_only):
    with Store.open(store_location) as store:
        area = store.areas("district")[0].name
        found = store.arrays(IncidentFilter(area=area), ("category",))
    inside = postgres_server.query(
        "SELECT i.fid FROM incidents i WHERE ST_Intersects(i.geom, (SELECT a.geom FROM areas a WHERE a.name = "
        f"'{area}' ORDER BY a.fid LIMIT 1)) ORDER BY i.fid", store_location.schema)
    assert found["fid"].tolist() == [fid for fid, in inside] and found["fid"].size > 0


def test_columns_without_a_fixed_width_form_are_read_the_plain_way(store_location, postgres_server):
    columns = ("uuid", "version", "category")
    expected = psycopg2_arrays(postgres_server, store_location.schema, "true", columns)
    with Store.open(store_location) as store:
        assert_same(store.arrays(columns=columns), expected)


def test_a_code_missing_from_its_code_table_falls_back_to_the_plain_read(postgres_server):
    from store_helpers import incident

    schema = f"reader_{next(_SCHEMAS)}"
    location = StoreLocation.parse(f"{postgres_server.dsn()} schema={schema}")
    try:
        with Store.create(location) as store:
            store.add_organisation("school", "Skolan")
            store.add_incidents([incident(), incident(reporting_org="school")])
        # the organisation removed behind the store's back: its code is still on an incident
        postgres_server.sql("lagesbild_test", f"DELETE FROM {schema}.organisations WHERE code = 'school'")
        expected = psycopg2_arrays(postgres_server, schema, "true", ("reporting_org",))
        with Store.open(location) as store:
            found = store.arrays(columns=("reporting_org",))
        assert_same(found, expected)
        assert found["reporting_org"].tolist() == ["housing", "school"]
    finally:
        postgres_server.sql("lagesbild_test", f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def test_one_stored_point_decodes_as_postgis_reads_it(store_location, postgres_server):
    from lagesbild.core.store.backends.postgis import codec

    rows = postgres_server.query("SELECT geom::text, ST_X(geom), ST_Y(geom) FROM incidents ORDER BY fid DESC LIMIT 3",
                                 store_location.schema)
    for stored, x, y in rows:
        alone = codec.decode_points([stored])
        assert (alone[0].tolist(), alone[1].tolist()) == ([x], [y])
    many = codec.decode_points([stored for stored, _, _ in rows])
    assert many[0].tolist() == [x for _, x, _ in rows] and many[1].tolist() == [y for _, _, y in rows]
