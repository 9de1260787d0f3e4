"""Incidents placed only at a municipality's or county's centre (the police's
feed) are left out of the spatial analyses by default, counted in the log,
and included on request; the cell counts are checked against the store."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from store_helpers import incident, output_rows

from lagesbild.core.store import Store
from lagesbild.core.store.demo_store import build_demo_store

CENTRE = (620500.0, 6650500.0)  # where the feed puts every event of the municipality
LOW = {"municipality": 25, "county": 15}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = build_demo_store(tmp_path_factory.mktemp("precision") / "demo.gpkg", 1000, 3, date(2026, 6, 15))
    with Store.open(path) as store:
        store.add_incidents([
            incident(geometry=CENTRE, location_precision=precision, source="polisen", source_id=f"{precision}{i}",
                     occurred_from=datetime(2026, 5, 1, 12, i, tzinfo=timezone.utc), occurred_to=None)
            for precision, count in LOW.items() for i in range(count)])
    return path


def test_hotspots_leave_out_low_precision_by_default_and_say_so(run, store_path, tmp_path, feedback_log):
    with Store.open(store_path) as store:
        exact = sum(1 for i in store._select_incidents("1 = 1", ()) if i.location_precision == "exact")
        total = store.count()
    assert total == exact + sum(LOW.values())
    common = {"INPUT": f"{store_path}|layername=incidents", "CELL_SIZE": 200, "DISTANCE_BAND": 600}
    log = feedback_log()
    run("lagesbild:hotspots", common | {"OUTPUT": str(tmp_path / "default.gpkg")}, feedback=log)
    assert sum(r["count"] for r in output_rows(tmp_path / "default.gpkg")) == exact
    assert any(f"{sum(LOW.values())} incidents placed only at a municipality's or county's centre were left out"
               in line for line in log.infos), log.infos
    run("lagesbild:hotspots", common | {"INCLUDE_LOW_PRECISION": True, "OUTPUT": str(tmp_path / "all.gpkg")})
    assert sum(r["count"] for r in output_rows(tmp_path / "all.gpkg")) == total


def test_density_leaves_them_out_too(run, store_path, tmp_path, feedback_log):
    log = feedback_log()
    run("lagesbild:density", {"INPUT": f"{store_path}|layername=incidents", "OUTPUT": str(tmp_path / "d.tif")},
        feedback=log)
    assert any("40 incidents placed only" in line for line in log.infos), log.infos


def test_near_repeat_and_emerging_hot_spots_leave_them_out_too(run, store_path, tmp_path, feedback_log):
    with Store.open(store_path) as store:
        timed = sum(1 for i in store._select_incidents("1 = 1", ()) if i.occurred_from is not None)
    common = {"INPUT": f"{store_path}|layername=incidents", "PERMUTATIONS": 19, "TIME_BANDS": "0,7,14",
              "DISTANCE_BANDS": "0,200,400"}
    counted = {}
    for include in (False, True):
        log = feedback_log()
        run("lagesbild:nearrepeat", common | {"INCLUDE_LOW_PRECISION": include,
                                              "OUTPUT": str(tmp_path / f"knox-{include}.gpkg")}, feedback=log)
        counted[include] = next(int(line.split()[0]) for line in log.infos if " incidents with a time" in line)
        assert any(f"{sum(LOW.values())} incidents placed only" in line for line in log.infos) is True, log.infos
    assert counted == {False: timed - sum(LOW.values()), True: timed}
    log = feedback_log()
    run("lagesbild:emerginghotspots", {"INPUT": f"{store_path}|layername=incidents",
                                       "OUTPUT": str(tmp_path / "ehs.gpkg")}, feedback=log)
    assert any("40 incidents placed only at a municipality's or county's centre were left out" in line
               for line in log.infos), log.infos


def test_a_period_comparison_by_area_leaves_them_out_and_by_category_counts_them(run, store_path, tmp_path):
    areas = f"{store_path}|layername=areas"
    periods = {"PERIOD_A_START": "2026-04-01", "PERIOD_A_END": "2026-04-30", "PERIOD_B_START": "2026-05-01",
               "PERIOD_B_END": "2026-05-31", "INPUT": f"{store_path}|layername=incidents"}

    def total_b(name, **more):
        run("lagesbild:periodcomparison", periods | more | {"OUTPUT": str(tmp_path / f"{name}.gpkg")})
        return next(r["count_b"] for r in output_rows(tmp_path / f"{name}.gpkg") if r["group"] in ("total", "Total",
                                                                                                 "Totalt"))

    by_area = total_b("area", GROUP_BY=4, AREAS=areas)
    by_area_all = total_b("area_all", GROUP_BY=4, AREAS=areas, INCLUDE_LOW_PRECISION=True)
    by_category = total_b("category", GROUP_BY=1)
    assert by_area_all - by_area == sum(LOW.values())  # all of them in May
    assert by_category == by_area_all
