"""The five analysis algorithms as users run them: through processing.run
(toolbox, model builder) and the real qgis_process.bin, on a demo store,
with their results checked against the store's own counts, OGR and direct
sums written here."""

import math
from datetime import date

import numpy as np
import pytest
from osgeo import gdal, ogr
from store_helpers import output_rows, store_today

from lagesbild.core.domain import demo
from lagesbild.core.domain.timeutil import Period
from lagesbild.core.store import IncidentFilter, Store
from lagesbild.core.store.demo_store import build_demo_store

TODAY = date(2026, 6, 15)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("analysis") / "demo.gpkg", 6000, 2, TODAY)


def layer_rows(path):
    return output_rows(path, geometry=True)


def test_hotspots_fixed_parameters(run, demo_store, tmp_path):
    out = tmp_path / "hot.gpkg"
    result = run("lagesbild:hotspots", {"INPUT": f"{demo_store}|layername=incidents",
                                        "FILTER": "\"category\" = 'vandalism'", "GRID": 0, "CELL_SIZE": 100,
                                        "DISTANCE_BAND": 300, "OUTPUT": str(out)})
    assert result["CELL_SIZE_USED"] == 100 and result["DISTANCE_BAND_USED"] == 300
    rows = layer_rows(out)
    with Store.open(demo_store) as store:
        vandalism = store.count(IncidentFilter(categories=("vandalism",)))
    assert sum(r["count"] for r in rows) == vandalism
    assert {r["gi_bin"] for r in rows} <= set(range(-3, 4))
    for landmark in ("school", "station"):
        x, y = demo.LANDMARKS[landmark]
        point = ogr.CreateGeometryFromWkt(f"POINT({x + 1} {y + 1})")  # landmarks sit on cell corners
        cell = next(r for r in rows if r["_geom"].Contains(point))
        assert cell["gi_bin"] == 3 and cell["label"] == "Hot spot, 99 % confidence"
        assert cell["gi_p"] == pytest.approx(math.erfc(abs(cell["gi_z"]) / math.sqrt(2)), rel=1e-9)
    # the output carries its style: the hot red of the legend
    dataset = gdal.OpenEx(str(out), gdal.OF_VECTOR)
    styles = dataset.ExecuteSQL("SELECT styleQML FROM layer_styles")
    qml = styles.GetNextFeature().GetField(0)
    dataset.ReleaseResultSet(styles)
    assert "gi_bin" in qml and "178,24,43" in qml


def test_hotspots_refuses_bad_input(run, demo_store, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer

    with pytest.raises(QgsProcessingException, match="at least 30"):
        run("lagesbild:hotspots", {"INPUT": f"{demo_store}|layername=incidents",
                                   "FILTER": "\"fid\" < 10", "OUTPUT": str(tmp_path / "few.gpkg")})
    degrees = QgsVectorLayer("Point?crs=EPSG:4326", "degrees", "memory")
    features = []
    for i in range(40):
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(18.0 + i * 0.001, 59.3)))
        features.append(feature)
    degrees.dataProvider().addFeatures(features)
    with pytest.raises(QgsProcessingException, match="geographic CRS"):
        run("lagesbild:hotspots", {"INPUT": degrees, "OUTPUT": str(tmp_path / "deg.gpkg")})
    assert not (tmp_path / "deg.gpkg").exists()


def test_density_integrates_to_the_count(run, demo_store, tmp_path):
    out = tmp_path / "density.tif"
    result = run("lagesbild:density", {"INPUT": f"{demo_store}|layername=incidents", "PERIOD_START": "2026-01-01",
                                       "PERIOD_END": "2026-03-31", "OUTPUT": str(out)})
    with Store.open(demo_store) as store:
        expected = store.count(IncidentFilter(period=Period(date(2026, 1, 1), date(2026, 3, 31))))
    raster = gdal.Open(str(out))
    values = raster.GetRasterBand(1).ReadAsArray().astype(np.float64)
    pixel = raster.GetGeoTransform()[1]
    assert pixel == result["PIXEL_SIZE_USED"] and result["RADIUS_USED"] > 0
    assert values.sum() * (pixel / 1000) ** 2 == pytest.approx(expected, rel=1e-4)  # float32 pixels
    assert (tmp_path / "density.qml").exists()


def test_time_profile_start_and_aoristic(run, demo_store, tmp_path):
    period = {"PERIOD_START": "2025-06-01", "PERIOD_END": "2025-08-31"}
    with Store.open(demo_store) as store:
        expected = store.count(IncidentFilter(period=Period(date(2025, 6, 1), date(2025, 8, 31)),
                                              categories=("disorder",)))
        weekdays = store.counts("weekday", IncidentFilter(period=Period(date(2025, 6, 1), date(2025, 8, 31)),
                                                          categories=("disorder",)))
    for method in (0, 1):
        out, html = tmp_path / f"tp{method}.gpkg", tmp_path / f"tp{method}.html"
        run("lagesbild:timeprofile", {"INPUT": f"{demo_store}|layername=incidents",
                                      "FILTER": "\"category\" = 'disorder'", "METHOD": method, **period,
                                      "OUTPUT": str(out), "OUTPUT_HTML": str(html)})
        rows = layer_rows(out)
        assert len(rows) == 168
        assert {(r["weekday"], r["hour"]) for r in rows} == {(d, h) for d in range(1, 8) for h in range(24)}
        assert sum(r["weight"] for r in rows) == pytest.approx(expected, abs=1e-6)
        if method == 0:  # the start method agrees with the store's own local weekday count
            by_day = {d: sum(r["weight"] for r in rows if r["weekday"] == d + 1) for d in range(7)}
            assert by_day == {d: weekdays.get(d, 0) for d in range(7)}
        text = html.read_text(encoding="utf-8")
        assert "Friday" in text or "Saturday" in text


def test_time_profile_names_windows_only_where_the_tests_say(run, demo_store, tmp_path, feedback_log):
    """Vandalism's weekday is planted flat (only its hour of day matters);
    noise and gatherings are planted on Friday and Saturday nights."""
    import html as html_text

    from scipy.stats import chisquare

    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    for code in ("vandalism", "disorder"):
        for method in (0, 1):
            out, page = tmp_path / f"{code}{method}.gpkg", tmp_path / f"{code}{method}.html"
            log = feedback_log()
            result = run("lagesbild:timeprofile", {"INPUT": f"{demo_store}|layername=incidents",
                                                   "FILTER": f"\"category\" = '{code}'", "METHOD": method,
                                                   "OUTPUT": str(out), "OUTPUT_HTML": str(page)}, feedback=log)
            rows = layer_rows(out)
            by_day = [sum(r["weight"] for r in rows if r["weekday"] == d) for d in range(1, 8)]
            by_hour = [sum(r["weight"] for r in rows if r["hour"] == h) for h in range(24)]
            if method == 0:  # start counts: Pearson's chi-square, as SciPy computes it
                assert result["WEEKDAY_P"] == pytest.approx(chisquare(by_day).pvalue, rel=1e-10)
                assert result["HOUR_P"] == pytest.approx(chisquare(by_hour).pvalue, rel=1e-10, abs=1e-300)
            else:  # aoristic: 999 draws, so p is a whole number of thousandths
                for key in ("WEEKDAY_P", "HOUR_P"):
                    assert result[key] * 1000 == pytest.approx(round(result[key] * 1000)) and result[key] >= 0.001
            text = page.read_text(encoding="utf-8")
            summary = html_text.unescape(text.split("<p class='summary'>")[1].split("</p>")[0])
            assert summary in log.infos
            assert result["HOUR_P"] < 0.05
            if code == "vandalism":
                assert result["WEEKDAY_P"] >= 0.05, result
                assert "on every day" in summary and not any(day in summary for day in weekdays), summary
            else:
                assert result["WEEKDAY_P"] < 0.05, result
                assert "Friday" in summary and "Saturday" in summary, summary
                assert not any(day in summary for day in weekdays[:4]), summary


def binomial_two_sided(k, n, p):
    """The exact two-sided test, summed directly (as binom.test)."""
    probabilities = [math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(n + 1)]
    observed = probabilities[k]
    return min(1.0, sum(q for q in probabilities if q <= observed * (1 + 1e-7)))


def test_period_comparison_by_category_and_area(run, demo_store, tmp_path):
    a, b = Period(date(2025, 1, 1), date(2025, 3, 31)), Period(date(2026, 1, 1), date(2026, 3, 31))
    params = {"INPUT": f"{demo_store}|layername=incidents", "PERIOD_A_START": "2025-01-01",
              "PERIOD_A_END": "2025-03-31", "PERIOD_B_START": "2026-01-01", "PERIOD_B_END": "2026-03-31"}
    out = tmp_path / "by_category.gpkg"
    run("lagesbild:periodcomparison", {**params, "GROUP_BY": 1, "OUTPUT": str(out)})
    rows = {r["group"]: r for r in layer_rows(out)}
    def sql_counts(period):  # plain SQL, the bounds from zoneinfo here
        import sqlite3
        from datetime import datetime, time, timedelta, timezone
        from zoneinfo import ZoneInfo

        def bound(day):
            return datetime.combine(day, time(0), tzinfo=ZoneInfo("Europe/Stockholm")).astimezone(
                timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
        with sqlite3.connect(demo_store) as connection:
            return dict(connection.execute(
                "SELECT category, count(*) FROM incidents WHERE occurred_from >= ? AND occurred_from < ? "
                "GROUP BY category", (bound(period.start), bound(period.end + timedelta(days=1)))).fetchall())

    count_a, count_b = sql_counts(a), sql_counts(b)
    with Store.open(demo_store) as store:
        areas_a = store.counts("area", IncidentFilter(period=a))
        areas_b = store.counts("area", IncidentFilter(period=b))
    assert rows["total"]["count_a"] == sum(count_a.values()) and rows["total"]["count_b"] == sum(count_b.values())
    for category, n in count_a.items():
        assert rows[category]["count_a"] == n and rows[category]["count_b"] == count_b.get(category, 0)
    vandalism = rows["vandalism"]
    assert (vandalism["days_a"], vandalism["days_b"]) == (90, 90)  # 2025 and 2026: no leap day in Q1
    assert vandalism["change_pct"] == pytest.approx(100 * (vandalism["count_b"] - vandalism["count_a"])
                                                    / vandalism["count_a"])
    n = vandalism["count_a"] + vandalism["count_b"]
    assert vandalism["p_value"] == pytest.approx(binomial_two_sided(vandalism["count_b"], n, 0.5), rel=1e-9)

    filtered = tmp_path / "filtered.gpkg"  # through QGIS's reader: the same counts
    run("lagesbild:periodcomparison", {**params, "GROUP_BY": 1, "FILTER": "\"category\" = 'vandalism'",
                                       "OUTPUT": str(filtered)})
    through_qgis = {r["group"]: r for r in layer_rows(filtered)}
    assert (through_qgis["vandalism"]["count_a"], through_qgis["vandalism"]["count_b"]) == (
        count_a["vandalism"], count_b["vandalism"])

    out = tmp_path / "by_area.gpkg"
    run("lagesbild:periodcomparison", {**params, "GROUP_BY": 4, "AREAS": f"{demo_store}|layername=areas",
                                       "AREA_NAME_FIELD": "name", "OUTPUT": str(out)})
    rows = {r["group"]: r for r in layer_rows(out)}
    for name, n in areas_a.items():
        assert rows[name]["count_a"] == n and rows[name]["count_b"] == areas_b[name]
        assert rows[name]["_geom"] is not None


def test_period_comparison_refuses_bad_periods(run, demo_store, tmp_path):
    from qgis.core import QgsProcessingException

    base = {"INPUT": f"{demo_store}|layername=incidents", "OUTPUT": str(tmp_path / "x.gpkg")}
    with pytest.raises(QgsProcessingException, match="overlap"):
        run("lagesbild:periodcomparison", {**base, "PERIOD_A_START": "2025-01-01", "PERIOD_A_END": "2025-06-30",
                                           "PERIOD_B_START": "2025-06-01", "PERIOD_B_END": "2025-12-31"})
    with pytest.raises(QgsProcessingException, match="backwards"):
        run("lagesbild:periodcomparison", {**base, "PERIOD_A_START": "2025-01-01", "PERIOD_A_END": "2025-03-01",
                                           "PERIOD_B_START": "2026-03-01", "PERIOD_B_END": "2026-01-01"})


def test_period_comparison_defaults_end_yesterday_in_the_stores_zone(run, demo_store, tmp_path):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    out = tmp_path / "defaults.gpkg"
    run("lagesbild:periodcomparison", {"INPUT": f"{demo_store}|layername=incidents", "OUTPUT": str(out)})
    total = next(r for r in layer_rows(out) if r["group"] == "total")
    # worked out here from the clock: 1 January through yesterday in Stockholm (the demo store's
    # zone), and the same dates a year earlier, 29 February becoming 28 February
    yesterday = datetime.now(ZoneInfo("Europe/Stockholm")).date() - timedelta(days=1)
    first = date(yesterday.year, 1, 1)
    end_a = date(yesterday.year - 1, yesterday.month, min(yesterday.day, 28 if yesterday.month == 2 else 31))
    assert total["days_b"] == (yesterday - first).days + 1
    assert total["days_a"] == (end_a - date(yesterday.year - 1, 1, 1)).days + 1
    with Store.open(demo_store) as store:
        assert total["count_b"] == store.count(IncidentFilter(period=Period(first, yesterday)))
        assert total["count_a"] == store.count(IncidentFilter(period=Period(date(yesterday.year - 1, 1, 1), end_a)))


def test_measure_follow_up_counts_and_write_back(run, demo_store, tmp_path):
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

    measures = QgsVectorLayer(f"{demo_store}|layername=measures", "measures", "ogr")
    QgsProject.instance().addMapLayer(measures)
    measures.selectByExpression("\"title\" LIKE 'Ny belysning%'")
    assert measures.selectedFeatureCount() == 1
    lighting_fid = measures.selectedFeatureIds()[0]
    out = tmp_path / "followup.gpkg"
    params = {"INPUT": f"{demo_store}|layername=incidents", "BUFFER_WIDTH": 150,
              "TARGET": QgsProcessingFeatureSourceDefinition(measures.id(), True),
              "BEFORE_START": "2025-01-01", "BEFORE_END": "2025-04-30",
              "AFTER_START": "2025-09-01", "AFTER_END": "2025-12-29", "WRITE_RESULT": True, "OUTPUT": str(out)}
    with Store.open(demo_store) as store:
        earlier = store.measure(lighting_fid).followup_result
    run("lagesbild:measurefollowup", params)
    (row,) = layer_rows(out)
    # independent counts: OGR's exact geometry tests on the store's incidents
    target = next(f for f in measures.getFeatures() if f.id() == lighting_fid).geometry()
    target_ogr = ogr.CreateGeometryFromWkb(bytes(target.asWkb()))
    buffer = target_ogr.Buffer(150, 16).Difference(target_ogr)
    # the default comparison area: the rest of the district the target lies in
    control = ogr.CreateGeometryFromWkt(demo.ring_wkt(demo.DISTRICT_RINGS["Centrum"])).Difference(
        target_ogr.Buffer(150, 16))
    with Store.open(demo_store) as store:
        def count(geometry, period):
            found = store.incidents(IncidentFilter(period=period))
            return sum(1 for i in found if geometry.Contains(ogr.CreateGeometryFromWkt(f"POINT({i.x} {i.y})")))
        before, after = Period(date(2025, 1, 1), date(2025, 4, 30)), Period(date(2025, 9, 1), date(2025, 12, 29))
        assert (row["rb"], row["ra"]) == (count(target_ogr, before), count(target_ogr, after))
        assert (row["db"], row["da"]) == (count(buffer, before), count(buffer, after))
        assert (row["cb"], row["ca"]) == (count(control, before), count(control, after))
        measure = store.measure(lighting_fid)
    # 120 days before, 120 after: no weighting
    assert (row["days_before"], row["days_after"]) == (120, 120)
    assert row["wdd"] == (row["ra"] - row["rb"]) - (row["ca"] - row["cb"]) + (row["da"] - row["db"])
    assert row["wdd_se"] == pytest.approx(math.sqrt(sum(row[k] for k in ("rb", "ra", "db", "da", "cb", "ca"))))
    assert row["reading"].startswith(row["verdict"])
    assert measure.followup_result == f"{earlier}\n\n{store_today().isoformat()}: {row['verdict']}"
    assert measure.followup_date == store_today()
    QgsProject.instance().removeMapLayer(measures.id())


@pytest.mark.parametrize("algorithm,params,outputs", [
    ("lagesbild:hotspots", {"GRID": 1}, ("OUTPUT", "CELL_SIZE_USED", "DISTANCE_BAND_USED")),
    ("lagesbild:density", {}, ("OUTPUT", "RADIUS_USED", "PIXEL_SIZE_USED")),
    ("lagesbild:timeprofile", {"METHOD": 1}, ("OUTPUT",)),
    ("lagesbild:periodcomparison", {"GROUP_BY": 2, "PERIOD_B_START": "2026-01-01", "PERIOD_B_END": "2026-05-31"},
     ("OUTPUT",)),
])
def test_each_algorithm_through_qgis_process(qgis_process_run, demo_store, tmp_path, algorithm, params, outputs):
    suffix = ".tif" if algorithm.endswith("density") else ".gpkg"
    result = qgis_process_run(algorithm, {"INPUT": f"{demo_store}|layername=incidents", **params,
                                          "OUTPUT": tmp_path / f"out{suffix}"})
    for name in outputs:
        assert name in result["results"]
    assert (tmp_path / f"out{suffix}").exists()


def test_measure_follow_up_through_qgis_process(qgis_process_run, demo_store, tmp_path):
    result = qgis_process_run("lagesbild:measurefollowup", {
        "INPUT": f"{demo_store}|layername=incidents", "TARGET": f"{demo_store}|layername=measures|subset=fid = 1",
        "OUTPUT": tmp_path / "fu.gpkg"})
    (row,) = layer_rows(tmp_path / "fu.gpkg")
    assert row["rb"] > 0 and row["reading"]
    assert result["results"]["OUTPUT"]
