"""What the analysis algorithms read: a store's incidents layer as the user
sees it (provider filter, selection, FILTER), times in the skipped hour of the
spring clock change, unreadable times, and one store opening per run.

Every expected count is a plain SQL count with ``sqlite3`` on the GeoPackage,
its period bounds computed here with ``zoneinfo``."""

import os
import sqlite3
import time
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from store_helpers import output_rows

from lagesbild.core.domain import demo
from lagesbild.core.store import Store
from lagesbild.core.store.demo_store import build_demo_store

TODAY = date(2026, 6, 15)
STOCKHOLM = ZoneInfo("Europe/Stockholm")
PERIOD_A = (date(2025, 1, 1), date(2025, 3, 31))
PERIOD_B = (date(2026, 1, 1), date(2026, 3, 31))
BEFORE = (date(2025, 1, 1), date(2025, 4, 30))
AFTER = (date(2025, 9, 1), date(2025, 12, 29))


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("inputs") / "demo.gpkg", 6000, 3, TODAY)


def bound(day: date) -> str:
    """The UTC instant a local Stockholm day begins, as stored-text bound."""
    return datetime.combine(day, datetime.min.time(), tzinfo=STOCKHOLM).astimezone(
        timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def sql_count(path, where: str = "1 = 1", period=None, table: str = "incidents") -> int:
    """The independent count: plain SQL on the GeoPackage."""
    clauses, params = [f"({where})"], []
    if period is not None:
        clauses.append("occurred_from >= ? AND occurred_from < ?")
        params += [bound(period[0]), bound(period[1] + timedelta(days=1))]
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT count(*) FROM {table} WHERE {' AND '.join(clauses)}",
                                  params).fetchone()[0]


rows_of = output_rows


def raster_integral(path) -> float:
    raster = gdal.Open(str(path))
    values = raster.GetRasterBand(1).ReadAsArray().astype(np.float64)
    pixel = raster.GetGeoTransform()[1]
    return float(values.sum() * (pixel / 1000) ** 2)


def square_layer(name, x, y, half):
    """A square as a memory layer (so nothing is written back)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:3006", name, "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(
        f"POLYGON(({x - half} {y - half}, {x + half} {y - half}, {x + half} {y + half}, {x - half} {y + half}, "
        f"{x - half} {y - half}))"))
    layer.dataProvider().addFeatures([feature])
    return layer


def target_layer():
    """A square around the demo school."""
    return square_layer("target", *demo.LANDMARKS["school"], 200)


def control_layer():
    """A square holding the whole demo town: as control, the rest of it."""
    xmin, ymin, xmax, ymax = demo.TOWN_EXTENT
    return square_layer("control", (xmin + xmax) / 2, (ymin + ymax) / 2, max(xmax - xmin, ymax - ymin))


def count_of(run, algorithm, input_params, tmp_path):
    """(count the algorithm reports, the periods its count covers)."""
    if algorithm == "hotspots":
        out = tmp_path / "hot.gpkg"
        run("lagesbild:hotspots", {**input_params, "CELL_SIZE": 200, "DISTANCE_BAND": 500, "OUTPUT": str(out)})
        return sum(r["count"] for r in rows_of(out)), [None]
    if algorithm == "density":
        out = tmp_path / "density.tif"
        run("lagesbild:density", {**input_params, "PERIOD_START": PERIOD_B[0].isoformat(),
                                  "PERIOD_END": PERIOD_B[1].isoformat(), "OUTPUT": str(out)})
        return raster_integral(out), [PERIOD_B]
    if algorithm == "timeprofile":
        out = tmp_path / "tp.gpkg"
        run("lagesbild:timeprofile", {**input_params, "METHOD": 0, "OUTPUT": str(out)})
        return sum(r["weight"] for r in rows_of(out)), [None]
    if algorithm == "periodcomparison":
        out = tmp_path / "pc.gpkg"
        run("lagesbild:periodcomparison", {
            **input_params, "GROUP_BY": 0, "PERIOD_A_START": PERIOD_A[0].isoformat(),
            "PERIOD_A_END": PERIOD_A[1].isoformat(), "PERIOD_B_START": PERIOD_B[0].isoformat(),
            "PERIOD_B_END": PERIOD_B[1].isoformat(), "OUTPUT": str(out)})
        (total,) = [r for r in rows_of(out) if r["group"] == "total"]
        return (total["count_a"], total["count_b"]), [PERIOD_A, PERIOD_B]
    assert algorithm == "measurefollowup"
    out = tmp_path / "fu.gpkg"
    run("lagesbild:measurefollowup", {
        **input_params, "TARGET": target_layer(), "CONTROL": control_layer(), "BUFFER_WIDTH": 150,
        "BEFORE_START": BEFORE[0].isoformat(), "BEFORE_END": BEFORE[1].isoformat(),
        "AFTER_START": AFTER[0].isoformat(), "AFTER_END": AFTER[1].isoformat(), "OUTPUT": str(out)})
    (row,) = rows_of(out)  # target, buffer and the town-wide control cover every incident once
    return (row["rb"] + row["db"] + row["cb"], row["ra"] + row["da"] + row["ca"]), [BEFORE, AFTER]


ALGORITHMS = ("hotspots", "density", "timeprofile", "periodcomparison", "measurefollowup")
SUBSET = "\"category\" IN ('vandalism', 'graffiti')"
SELECTION = "\"reporting_org\" = 'housing'"
FILTER = "\"category\" = 'littering'"


def inputs_for(mode, demo_store):
    """(INPUT/FILTER parameters, SQL WHERE of what the layer shows, project layers to remove)."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

    uri = f"{demo_store}|layername=incidents"
    if mode == "whole":
        return {"INPUT": uri}, "1 = 1", []
    if mode == "filter":
        return {"INPUT": uri, "FILTER": FILTER}, FILTER, []
    if mode == "subset_uri_and_filter":
        return ({"INPUT": f"{uri}|subset={SUBSET}", "FILTER": SELECTION},
                f"{SUBSET} AND {SELECTION}", [])
    layer = QgsVectorLayer(uri, "incidents", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    if mode == "subset":
        assert layer.setSubsetString(SUBSET)
        return {"INPUT": layer.id()}, SUBSET, [layer]
    assert mode == "selection"
    layer.selectByExpression(SELECTION)
    assert 0 < layer.selectedFeatureCount() < layer.featureCount()
    return {"INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), True)}, SELECTION, [layer]


@pytest.mark.parametrize("mode", ["subset", "selection", "filter", "subset_uri_and_filter", "whole"])
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_each_algorithm_reads_what_the_layer_shows(run, demo_store, tmp_path, algorithm, mode):
    from qgis.core import QgsProject

    params, where, layers = inputs_for(mode, demo_store)
    try:
        reported, periods = count_of(run, algorithm, params, tmp_path)
    finally:
        for layer in layers:
            QgsProject.instance().removeMapLayer(layer.id())
    expected = [sql_count(demo_store, where, period) for period in periods]
    if mode != "whole":  # the subset is a real part of the store
        assert 0 < sum(expected) < sum(sql_count(demo_store, "1 = 1", period) for period in periods)
    if algorithm == "density":  # float32 pixels
        assert reported == pytest.approx(expected[0], rel=1e-4)
    elif algorithm == "timeprofile":
        assert reported == pytest.approx(expected[0], abs=1e-6)
    elif len(expected) == 1:
        assert reported == expected[0]
    else:
        assert reported == tuple(expected)


# The spring clock change ------------------------------------------------------

GAP_DAY = date(2026, 3, 29)  # Sweden: 02:00 local becomes 03:00


@pytest.fixture(params=["Europe/Stockholm", "UTC"])
def machine_zone(request):
    """The machine's clock in a given zone for one test, restored afterwards."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture(scope="module")
def plain_gpkg(tmp_path_factory):
    """A GeoPackage that is not a store: read through QGIS. 40 incidents at UTC
    times 02:00–02:59 on the day of the spring change (the clock figures QGIS
    3.22 shows do not exist in Stockholm) and 20 the day before."""
    path = tmp_path_factory.mktemp("plain") / "plain.gpkg"
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3006)
    layer = dataset.CreateLayer("incidents", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("category", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("occurred_from", ogr.OFTDateTime))
    moments = ([datetime(2026, 3, 29, 2, 0, tzinfo=timezone.utc) + timedelta(seconds=89 * i) for i in range(40)]
               + [datetime(2026, 3, 28, 10, 0, tzinfo=timezone.utc) + timedelta(minutes=17 * i) for i in range(20)])
    for i, moment in enumerate(moments):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("category", "vandalism" if i % 2 else "graffiti")
        feature.SetField("occurred_from", moment.strftime("%Y-%m-%dT%H:%M:%SZ"))
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({620000 + 90 * (i % 8)} {6650000 + 90 * (i // 8)})"))
        layer.CreateFeature(feature)
    dataset = None
    return path


def test_the_plain_gpkg_holds_times_in_the_skipped_hour(plain_gpkg):
    with sqlite3.connect(plain_gpkg) as connection:
        texts = [t for (t,) in connection.execute("SELECT occurred_from FROM incidents")]
    in_gap = [t for t in texts if t.startswith("2026-03-29T02:")]
    assert len(in_gap) == 40


@pytest.mark.parametrize("with_filter", [False, True])
def test_times_in_the_skipped_hour_are_counted(run, plain_gpkg, tmp_path, machine_zone, with_filter):
    day = (GAP_DAY, GAP_DAY)
    params = {"INPUT": f"{plain_gpkg}|layername=incidents"}
    where = "1 = 1"
    if with_filter:
        params["FILTER"] = where = "\"category\" = 'vandalism'"
    expected = sql_count(plain_gpkg, where, day)
    assert expected == (20 if with_filter else 40)

    out = tmp_path / "tp.gpkg"
    run("lagesbild:timeprofile", {**params, "PERIOD_START": "2026-03-29", "PERIOD_END": "2026-03-29",
                                  "OUTPUT": str(out)})
    weights = {(r["weekday"], r["hour"]): r["weight"] for r in rows_of(out) if r["weight"]}
    assert sum(weights.values()) == pytest.approx(expected)
    # 02:00–02:59 UTC is 04:00–04:59 summer time in Stockholm, on a Sunday
    assert set(weights) == {(7, 4)}

    out = tmp_path / "pc.gpkg"
    run("lagesbild:periodcomparison", {**params, "PERIOD_A_START": "2025-03-29", "PERIOD_A_END": "2025-03-29",
                                       "PERIOD_B_START": "2026-03-29", "PERIOD_B_END": "2026-03-29",
                                       "OUTPUT": str(out)})
    (total,) = [r for r in rows_of(out) if r["group"] == "total"]
    assert (total["count_a"], total["count_b"]) == (0, expected)

    if not with_filter:  # hotspots need 30 incidents
        out = tmp_path / "hot.gpkg"
        run("lagesbild:hotspots", {**params, "PERIOD_START": "2026-03-29", "PERIOD_END": "2026-03-29",
                                   "CELL_SIZE": 100, "DISTANCE_BAND": 300, "OUTPUT": str(out)})
        assert sum(r["count"] for r in rows_of(out)) == expected


def test_qdatetime_in_the_skipped_hour_converts_from_its_utc_figures(machine_zone):
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime

    from lagesbild.algorithms.inputs import qdatetime_to_epoch

    value = QDateTime(QDate(2026, 3, 29), QTime(2, 49, 10))  # zone-less, as QGIS 3.22 reads a GeoPackage
    expected = int(datetime(2026, 3, 29, 2, 49, 10, tzinfo=timezone.utc).timestamp())
    assert qdatetime_to_epoch(value, True, STOCKHOLM) == expected


def test_unreadable_and_missing_times_are_reported_not_dropped_silently(run, tmp_path, feedback_log):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:3006&field=occurred_from:string", "text times", "memory")
    texts = ["2026-03-29T02:30:00"] * 40 + ["yesterday evening"] * 3 + [None] * 2
    features = []
    for i, text in enumerate(texts):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(620000 + 50 * (i % 9), 6650000 + 50 * (i // 9))))
        feature.setAttributes([text])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    feedback = feedback_log()
    out = tmp_path / "tp.gpkg"
    run("lagesbild:timeprofile", {"INPUT": layer, "OUTPUT": str(out)}, feedback=feedback)
    assert sum(r["weight"] for r in rows_of(out)) == pytest.approx(40)
    said = " ".join(feedback.warnings)
    assert "3 incidents" in said and "yesterday evening" in said
    assert "2 incidents" in said


# One store opening per run ----------------------------------------------------

@pytest.mark.parametrize("extra", [{"GROUP_BY": 1}, {"GROUP_BY": 0, "FILTER": FILTER}, {"GROUP_BY": 5}])
def test_period_comparison_opens_the_store_once(run, demo_store, tmp_path, monkeypatch, extra):
    from lagesbild.algorithms import inputs

    opened, detected = [], []
    real_open, real_store_of = Store.open.__func__, inputs.store_of

    def counting_open(cls, path, **options):
        opened.append(path)
        assert options == {"read_only": True}  # an analysis only reads
        return real_open(cls, path, **options)

    def counting_store_of(layer):
        detected.append(layer)
        return real_store_of(layer)

    monkeypatch.setattr(Store, "open", classmethod(counting_open))
    monkeypatch.setattr(inputs, "store_of", counting_store_of)
    out = tmp_path / "pc.gpkg"
    run("lagesbild:periodcomparison", {"INPUT": f"{demo_store}|layername=incidents", **extra,
                                       "PERIOD_A_START": "2025-01-01", "PERIOD_A_END": "2025-03-31",
                                       "PERIOD_B_START": "2026-01-01", "PERIOD_B_END": "2026-03-31",
                                       "OUTPUT": str(out)})
    assert len(opened) == 1 and len(detected) == 1
    (total,) = [r for r in rows_of(out) if r["group"] == "total"]
    where = extra.get("FILTER", "1 = 1")
    assert (total["count_a"], total["count_b"]) == (sql_count(demo_store, where, PERIOD_A),
                                                    sql_count(demo_store, where, PERIOD_B))


@pytest.mark.parametrize("mode", ["subset", "selection", "filter", "subset_uri_and_filter", "whole"])
def test_a_store_layer_is_read_through_the_store_as_shown(demo_store, mode, monkeypatch):
    """The store's fast path serves filtered layers too, with exactly the
    incidents the layer shows (their uuids against SQL), not others."""
    from qgis.core import QgsProcessingContext, QgsProject

    from lagesbild.algorithms import inputs
    from lagesbild.algorithms.hotspots import HotspotsAlgorithm

    def no_qgis_reading(*args, **kwargs):
        raise AssertionError("read through QGIS, not through the store")

    monkeypatch.setattr(inputs, "_read_layer", no_qgis_reading)
    algorithm = HotspotsAlgorithm()
    algorithm.initAlgorithm()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    params, where, layers = inputs_for(mode, demo_store)
    try:
        with inputs.resolve_input(algorithm, params, context) as given:
            assert given.whole_store == (mode == "whole")
            incidents = given.read(None, columns=("uuid", "category"))
            untimed = given.read(None, with_time=False, columns=("uuid", "category"))
    finally:
        for layer in layers:
            QgsProject.instance().removeMapLayer(layer.id())
    with sqlite3.connect(demo_store) as connection:
        expected = {u for (u,) in connection.execute(f"SELECT uuid FROM incidents WHERE {where}")}
    assert sorted(incidents.attributes["uuid"].tolist()) == sorted(expected)
    assert incidents.count == len(expected)
    # read without times (hotspots, density): the same incidents at the same places, no time read
    assert untimed.attributes["uuid"].tolist() == incidents.attributes["uuid"].tolist()
    assert untimed.attributes["category"].tolist() == incidents.attributes["category"].tolist()
    assert np.array_equal(untimed.x, incidents.x) and np.array_equal(untimed.y, incidents.y)
    assert (untimed.start == -1).all() and (incidents.start > 0).all()


def test_a_filter_qgis_cannot_parse_is_refused(run, demo_store, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="FILTER"):
        run("lagesbild:hotspots", {"INPUT": f"{demo_store}|layername=incidents", "FILTER": "\"category\" = = 'x'",
                                   "OUTPUT": str(tmp_path / "hot.gpkg")})
    assert not (tmp_path / "hot.gpkg").exists()


def test_unsaved_edits_are_analysed_as_shown(run, demo_store, tmp_path):
    """A store layer being edited shows what is not saved yet: read it through QGIS."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer

    layer = QgsVectorLayer(f"{demo_store}|layername=incidents", "incidents", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        assert layer.startEditing()
        template = next(layer.getFeatures())
        added = []
        for i in range(3):
            feature = QgsFeature(template)
            feature.setId(-1 - i)
            feature.setAttribute("fid", None)
            feature.setAttribute("uuid", f"00000000-0000-4000-8000-00000000000{i}")
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*demo.LANDMARKS["square"])))
            added.append(feature)
        assert layer.addFeatures(added) and layer.isModified()
        out = tmp_path / "hot.gpkg"
        run("lagesbild:hotspots", {"INPUT": layer.id(), "CELL_SIZE": 200, "DISTANCE_BAND": 500, "OUTPUT": str(out)})
        assert sum(r["count"] for r in rows_of(out)) == sql_count(demo_store) + 3
    finally:
        layer.rollBack()
        QgsProject.instance().removeMapLayer(layer.id())


def test_qgis_process_in_stockholm_time_reads_a_subset_and_the_skipped_hour(qgis_process, demo_store, plain_gpkg,
                                                                             tmp_path):
    """The real qgis_process.bin with the machine's clock in Stockholm time."""
    saved = qgis_process.env
    qgis_process.env = {**saved, "TZ": "Europe/Stockholm"}
    try:
        qgis_process.run("lagesbild:timeprofile", {
            "INPUT": f"{plain_gpkg}|layername=incidents", "PERIOD_START": "2026-03-29", "PERIOD_END": "2026-03-29",
            "OUTPUT": tmp_path / "gap.gpkg"})
        qgis_process.run("lagesbild:hotspots", {
            "INPUT": f"{demo_store}|layername=incidents|subset={SUBSET}", "CELL_SIZE": 200, "DISTANCE_BAND": 500,
            "OUTPUT": tmp_path / "hot.gpkg"})
    finally:
        qgis_process.env = saved
    assert sum(r["weight"] for r in rows_of(tmp_path / "gap.gpkg")) == pytest.approx(
        sql_count(plain_gpkg, period=(GAP_DAY, GAP_DAY)))
    assert sum(r["count"] for r in rows_of(tmp_path / "hot.gpkg")) == sql_count(demo_store, SUBSET)
