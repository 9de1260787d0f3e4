"""Every analysis algorithm through the real ``qgis_process.bin`` on a
PostgreSQL store, as a GIS officer runs them from the command line: the
incidents as a ``postgres://`` layer source (QGIS's provider prefix), the
counts each one reports checked against a plain SQL count of the store."""

from datetime import date

import pytest
from store_helpers import output_rows

from lagesbild.core.store import StoreLocation
from lagesbild.core.store.demo_store import build_demo_store

SCHEMA = "qgis_process_demo"
PERIOD_A = ("2024-01-01", "2024-06-29")
PERIOD_B = ("2025-01-01", "2025-06-29")


@pytest.fixture(scope="module")
def store(postgres_server):
    location = StoreLocation.parse(f"{postgres_server.dsn()} schema={SCHEMA}")
    build_demo_store(location, 2000, 5, date(2025, 6, 30))
    yield location
    postgres_server.sql("lagesbild_test", f"DROP SCHEMA {SCHEMA} CASCADE")


def sql(postgres_server, query: str):
    """Rows of ``query``, with day bounds read in the store's zone."""
    return postgres_server.query(query, SCHEMA, time_zone="Europe/Stockholm")


def source(store: StoreLocation, table: str, subset: str = "") -> str:
    text, provider = store.layer_source(table)
    assert provider == "postgres"
    return f"postgres://{text}" + (f" sql={subset}" if subset else "")


def test_hotspots_density_and_timeprofile_count_every_incident(qgis_process_run, store, postgres_server,
                                                               tmp_path):
    [(total,)] = sql(postgres_server, "SELECT count(*) FROM incidents")
    hot = qgis_process_run("lagesbild:hotspots", {"INPUT": source(store, "incidents"),
                                                  "OUTPUT": tmp_path / "hot.gpkg"})
    assert sum(row["count"] for row in output_rows(hot["results"]["OUTPUT"])) == total
    qgis_process_run("lagesbild:timeprofile", {"INPUT": source(store, "incidents"), "METHOD": 0,
                                               "OUTPUT": tmp_path / "tp.gpkg"})
    assert sum(row["weight"] for row in output_rows(tmp_path / "tp.gpkg")) == pytest.approx(total)
    density = qgis_process_run("lagesbild:density", {"INPUT": source(store, "incidents"),
                                                     "OUTPUT": tmp_path / "density.tif"})
    assert (tmp_path / "density.tif").stat().st_size > 0 and density["results"]


def test_period_comparison_and_measure_follow_up_on_the_store(qgis_process_run, store, postgres_server, tmp_path):
    result = qgis_process_run("lagesbild:periodcomparison", {
        "INPUT": source(store, "incidents"), "GROUP_BY": 0,
        "PERIOD_A_START": PERIOD_A[0], "PERIOD_A_END": PERIOD_A[1],
        "PERIOD_B_START": PERIOD_B[0], "PERIOD_B_END": PERIOD_B[1], "OUTPUT": tmp_path / "pc.gpkg"})
    (total,) = [row for row in output_rows(result["results"]["OUTPUT"]) if row["group"] == "total"]
    expected = [sql(postgres_server, f"SELECT count(*) FROM incidents WHERE occurred_from >= '{start}' "
                                     f"AND occurred_from < '{end}'::date + 1")[0][0]
                for start, end in (PERIOD_A, PERIOD_B)]
    assert (total["count_a"], total["count_b"]) == tuple(expected)

    [(lighting,)] = sql(postgres_server, "SELECT fid FROM measures ORDER BY fid LIMIT 1")
    followup = qgis_process_run("lagesbild:measurefollowup", {
        "INPUT": source(store, "incidents"), "TARGET": source(store, "measures", f"fid = {lighting}"),
        "BEFORE_START": "2024-01-01", "BEFORE_END": "2024-03-31", "AFTER_START": "2025-01-01",
        "AFTER_END": "2025-03-31", "OUTPUT": tmp_path / "fu.gpkg"})
    (row,) = output_rows(followup["results"]["OUTPUT"])
    [(inside_before,)] = sql(postgres_server, (
        f"SELECT count(*) FROM incidents i, measures m WHERE m.fid = {lighting} AND ST_Intersects(i.geom, m.geom) "
        "AND i.occurred_from >= '2024-01-01' AND i.occurred_from < '2024-04-01'"))
    assert row["rb"] == inside_before and row["verdict"]
