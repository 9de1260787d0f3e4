"""lagesbild:emerginghotspots as users run it: processing.run and the real
qgis_process.bin on a demo store; the cube's counts checked against the
store's incidents counted here in each output cell with OGR and zoneinfo."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from osgeo import gdal, ogr
from store_helpers import output_rows

from lagesbild.core.domain import demo
from lagesbild.core.domain.analysis.emerging import PATTERNS
from lagesbild.core.domain.timeutil import Period
from lagesbild.core.store import IncidentFilter, Store
from lagesbild.core.store.demo_store import build_demo_store

TODAY = dt.date(2026, 6, 15)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("emerging") / "demo.gpkg", 6000, 2, TODAY)


def test_cells_and_cube_agree_with_the_store(run, demo_store, tmp_path):
    out, cube = tmp_path / "ehs.gpkg", tmp_path / "cube.gpkg"
    run("lagesbild:emerginghotspots", {"INPUT": f"{demo_store}|layername=incidents", "CELL_SIZE": 200,
                                       "DISTANCE_BAND": 300, "TIME_STEP": 2, "OUTPUT": str(out),
                                       "OUTPUT_CUBE": str(cube)})
    cells = output_rows(out, geometry=True)
    rows = output_rows(cube)
    with Store.open(demo_store) as store:
        data = store.arrays(IncidentFilter(), ("occurred_from",))
        zone = ZoneInfo(store.time_zone)
    local_days = [dt.datetime.fromtimestamp(int(t), zone).date() for t in data["occurred_from"]]
    # whole quarters only: the demo runs 2024-06-15 … 2026-06-14, so Q3 2024 … Q1 2026
    in_steps = [dt.date(2024, 7, 1) <= day <= dt.date(2026, 3, 31) for day in local_days]
    assert sum(c["count_total"] for c in cells) == sum(in_steps)
    steps = sorted({r["step_start"] for r in rows})
    assert len(rows) == len(cells) * len(steps) and steps[0] == "2024-07-01" and steps[-1] == "2026-01-01"
    by_cell = {}
    for r in rows:
        by_cell.setdefault(r["cell"], []).append(r)
    for c in cells:
        assert c["pattern"] in PATTERNS
        series = by_cell[c["cell"]]
        assert sum(r["count"] for r in series) == c["count_total"]
        assert sum(r["gi_bin"] > 0 for r in series) == c["steps_hot"]
        assert c["share_hot_steps"] == pytest.approx(c["steps_hot"] / len(steps))
    # the busiest cell's counts per quarter, counted here: points in its square, local dates by zoneinfo
    busiest = max(cells, key=lambda c: c["count_total"])
    inside = [i for i in range(data["x"].size) if in_steps[i]
              and busiest["_geom"].Contains(ogr.CreateGeometryFromWkt(f"POINT({data['x'][i]} {data['y'][i]})"))]
    quarters = {}
    for i in inside:
        day = local_days[i]
        start = dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1).isoformat()
        quarters[start] = quarters.get(start, 0) + 1
    assert {r["step_start"]: r["count"] for r in by_cell[busiest["cell"]] if r["count"]} == quarters
    # the lit square's cells: their counts fall (the Mann–Kendall z of the counts, trend_z, below 0)
    lit = [c for c in cells if c["count_total"] > 0 and demo.points_in_ring(
        np.array([c["_geom"].Centroid().GetX()]), np.array([c["_geom"].Centroid().GetY()]), demo.LIGHTING_RING)[0]]
    assert len(lit) >= 3 and np.median([c["trend_z"] for c in lit]) < 0
    dataset = gdal.OpenEx(str(out), gdal.OF_VECTOR)
    styles = dataset.ExecuteSQL("SELECT styleQML FROM layer_styles")
    qml = styles.GetNextFeature().GetField(0)
    dataset.ReleaseResultSet(styles)
    assert "diminishing_hot" in qml and "Diminishing hot spot" in qml


def test_one_step_is_refused_in_words(run, demo_store, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="at least 2 time steps"):
        run("lagesbild:emerginghotspots", {"INPUT": f"{demo_store}|layername=incidents", "TIME_STEP": 2,
                                           "PERIOD_START": "2026-01-01", "PERIOD_END": "2026-03-31",
                                           "OUTPUT": str(tmp_path / "x.gpkg")})


def test_through_qgis_process_with_the_defaults(qgis_process_run, demo_store, tmp_path):
    result = qgis_process_run("lagesbild:emerginghotspots", {"INPUT": f"{demo_store}|layername=incidents",
                                                             "OUTPUT": tmp_path / "e.gpkg"})
    cells = output_rows(tmp_path / "e.gpkg")
    assert "OUTPUT" in result["results"]
    with Store.open(demo_store) as store:  # whole months only: July 2024 … May 2026
        in_months = store.count(IncidentFilter(period=Period(dt.date(2024, 7, 1), dt.date(2026, 5, 31))))
    assert sum(c["count_total"] for c in cells) == in_months < 6000
    patterns = np.array([c["pattern"] for c in cells])
    assert set(patterns) <= set(PATTERNS) and np.count_nonzero(patterns != "none") > 0


def one_district(store_path, folder):
    """The first district of the demo store, alone in a file of its own: a study area smaller than the town."""
    source = ogr.Open(str(store_path))
    areas = source.GetLayerByName("areas")
    areas.SetAttributeFilter("kind = 'district'")
    feature = areas.GetNextFeature()
    path = folder / "district.gpkg"
    target = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = target.CreateLayer("district", areas.GetSpatialRef(), ogr.wkbMultiPolygon)
    copy = ogr.Feature(layer.GetLayerDefn())
    copy.SetGeometry(ogr.ForceToMultiPolygon(feature.GetGeometryRef().Clone()))
    layer.CreateFeature(copy)
    target = None
    return path, feature.GetGeometryRef().Clone()


def test_filter_period_and_boundary_give_the_hotspot_algorithms_cells_and_counts(run, demo_store, tmp_path,
                                                                                 feedback_log):
    boundary, district = one_district(demo_store, tmp_path)
    common = {"INPUT": f"{demo_store}|layername=incidents", "FILTER": "\"category\" = 'vandalism'",
              "PERIOD_START": "2025-01-01", "PERIOD_END": "2025-12-31", "BOUNDARY": str(boundary)}
    log = feedback_log()
    run("lagesbild:emerginghotspots", {**common, "TIME_STEP": 1, "OUTPUT": str(tmp_path / "e.gpkg"),
                                       "OUTPUT_CUBE": str(tmp_path / "c.gpkg")}, feedback=log)
    run("lagesbild:hotspots", {**common, "OUTPUT": str(tmp_path / "h.gpkg")})
    emerging = output_rows(tmp_path / "e.gpkg", geometry=True)
    spots = output_rows(tmp_path / "h.gpkg", geometry=True)
    # the same study area (the district's cells), cell size (100 m) and band (the cells around) as the hotspots
    assert len(emerging) == len(spots) and all(e["_geom"].Equals(h["_geom"]) for e, h in zip(emerging, spots))
    assert all(e["_geom"].Intersects(district) for e in emerging)
    assert emerging[0]["_geom"].GetArea() == pytest.approx(100.0 * 100.0)
    assert any("distance band 141.4 m" in text for text in log.infos)
    # twelve whole months: every incident of the period counts, cell by cell as in the hotspots
    assert [e["count_total"] for e in emerging] == [h["count"] for h in spots]
    steps = sorted({r["step_start"] for r in output_rows(tmp_path / "c.gpkg")})
    assert steps == [f"2025-{m:02d}-01" for m in range(1, 13)]
    # and counted here: the store's vandalism of 2025 (local dates) whose point lies in an output cell
    with Store.open(demo_store) as store:
        data = store.arrays(IncidentFilter(categories=("vandalism",), period=Period(dt.date(2025, 1, 1),
                                                                                   dt.date(2025, 12, 31))))
    cells = ogr.Geometry(ogr.wkbMultiPolygon)
    for e in emerging:
        cells.AddGeometry(e["_geom"])
    union = cells.UnionCascaded()
    inside = sum(union.Contains(ogr.CreateGeometryFromWkt(f"POINT({px} {py})"))
                 for px, py in zip(data["x"].tolist(), data["y"].tolist()))
    assert sum(e["count_total"] for e in emerging) == inside > 20


def test_cancelling_stops_the_analysis_in_words(run, demo_store, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    steps_seen = []

    def on_progress(value):
        steps_seen.append(value)
        if value > 40:  # in Gi* over the steps (35 … 60)
            feedback.cancel()

    feedback.progressChanged.connect(on_progress)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        run("lagesbild:emerginghotspots", {"INPUT": f"{demo_store}|layername=incidents", "TIME_STEP": 0,
                                           "OUTPUT": str(tmp_path / "x.gpkg")}, feedback=feedback)
    assert 40 < max(steps_seen) < 60
