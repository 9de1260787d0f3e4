"""Incidents whose place is not exact, as people see them: the situation
picture's map rings them (dashed for a municipality's or county's centre,
dotted for an approximate place), the dock's summary and the report count
those placed only at a centre, and the report's squares leave them out.
Counts are checked against plain sqlite3."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone

import pytest
from qgis.core import (
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsProject,
    QgsRenderContext,
)
from qgis.PyQt.QtGui import QColor
from store_helpers import TOWN, incident, period_count
from test_report_pages import overflows, pdf_words, report_language  # noqa: F401 (a fixture)
from test_styling import render

from lagesbild.core.compat import SYMBOL_LAYER_SIZE, SYMBOL_LAYER_STROKE_COLOR, SYMBOL_LAYER_STROKE_STYLE
from lagesbild.core.domain import codelist
from lagesbild.core.domain.periods import Period
from lagesbild.core.domain.schema import LOCATION_PRECISIONS, LOW_PRECISIONS
from lagesbild.core.i18n import tr, translator
from lagesbild.core.presentation import layers, precision_style, situation, styling
from lagesbild.core.presentation.report import ReportOptions, export_report
from lagesbild.core.presentation.report_data import district_pages, town_page
from lagesbild.core.presentation.report_map import CELLS, map_layers
from lagesbild.core.store import Store
from lagesbild.core.store.demo_store import build_demo_store

TODAY = date(2026, 6, 15)
PERIOD = Period(date(2026, 5, 1), date(2026, 5, 28))
ONE_DAY = Period(date(2026, 5, 6), date(2026, 5, 6))
CENTRE = (620500.0, 6650500.0)  # where the police feed puts the municipality's events
# per precision: incidents in the period (half vandalism, half graffiti)
ADDED = {"exact": 6, "approximate": 4, "municipality": 9, "county": 3}
LOW_SQL = f"location_precision IN ({', '.join('?' * len(LOW_PRECISIONS))})"
SPACING = 1500.0
SCALE_PX = 10.0  # test_styling.render's metres per pixel


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = build_demo_store(tmp_path_factory.mktemp("shown") / "demo.gpkg", 1500, 5, TODAY)
    rows = []
    for precision, count in ADDED.items():
        for i in range(count):
            where = CENTRE if precision in LOW_PRECISIONS else (TOWN[0] + 40 * i, TOWN[1] + 30 * i)
            rows.append(incident(category=("vandalism", "graffiti")[i % 2], geometry=where,
                                 location_precision=precision, source="polisen", source_id=f"{precision}{i}",
                                 occurred_from=datetime(2026, 5, 3 + i, 12, 0, tzinfo=timezone.utc),
                                 occurred_to=None))
    with Store.open(path) as store:
        store.add_incidents(rows)
    return path


# --- the map ------------------------------------------------------------------------

def _ring_value(symbol, key, feature, fields):
    context = QgsRenderContext()
    context.expressionContext().setFeature(feature)
    context.expressionContext().setFields(fields)
    ring = symbol.symbolLayer(symbol.symbolLayerCount() - 1)
    assert isinstance(ring, type(precision_style.precision_ring("#000000", 5.0)))
    return ring.dataDefinedProperties().property(key).value(context.expressionContext(), None)[0]


def test_the_renderer_rings_each_feature_by_its_precision(tmp_path):
    now = datetime.now(timezone.utc).replace(microsecond=0)
    path = tmp_path / "rings.gpkg"
    with Store.create(path) as store:
        store.add_incidents([incident(category="graffiti", occurred_from=now - timedelta(days=1), occurred_to=None,
                                      location_precision=p, geometry=(TOWN[0] + i * SPACING, TOWN[1]))
                             for i, p in enumerate(LOCATION_PRECISIONS)])
    project = QgsProject()  # holds the layer
    layer = layers.load_store(path, project, "en").incidents
    renderer = layer.renderer()
    context = QgsRenderContext()
    context.setExpressionContext(QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer)))
    renderer.startRender(context, layer.fields())
    colour = codelist.BY_CODE["graffiti"].colour
    try:
        for feature in layer.getFeatures(QgsFeatureRequest()):
            context.expressionContext().setFeature(feature)
            symbols = [symbol.clone() for symbol in renderer.symbolsForFeature(feature, context)]  # unprepared
            assert len(symbols) == 1
            precision = feature["location_precision"]
            stroke = _ring_value(symbols[0], SYMBOL_LAYER_STROKE_COLOR, feature, layer.fields())
            size = _ring_value(symbols[0], SYMBOL_LAYER_SIZE, feature, layer.fields())
            style = _ring_value(symbols[0], SYMBOL_LAYER_STROKE_STYLE, feature, layer.fields())
            if precision == "exact":  # NULL: the ring's own transparent stroke
                assert stroke is None and size is None
            else:
                assert QColor(stroke).name() == colour
                scale = precision_style.LOW_RING_SCALE if precision in LOW_PRECISIONS \
                    else precision_style.APPROXIMATE_RING_SCALE
                assert float(size) == pytest.approx(5.0 * scale)
                assert style == ("dash" if precision in LOW_PRECISIONS else "dot")
    finally:
        renderer.stopRender(context)

    # drawn for real: the category's colour on a circle of the ring's radius, only around a place not exact
    image, settings = render(layer)
    want = QColor(colour)

    def ring_pixels(i: int, radius_mm: float) -> int:
        point = settings.mapToPixel().transform(TOWN[0] + i * SPACING, TOWN[1])
        radius_px = radius_mm / 25.4 * settings.outputDpi()
        found = 0
        for step in range(360):
            angle = math.radians(step)
            pixel = QColor(image.pixel(round(point.x() + radius_px * math.cos(angle)),
                                       round(point.y() + radius_px * math.sin(angle))))
            found += all(abs(a - b) <= 40 for a, b in zip(pixel.getRgb()[:3], want.getRgb()[:3]))
        return found

    low_radius, approximate_radius = 2.5 * precision_style.LOW_RING_SCALE, 2.5 * precision_style.APPROXIMATE_RING_SCALE
    exact, approximate, municipality, county = (ring_pixels(i, low_radius) for i in range(4))
    assert exact == 0 and approximate == 0  # nothing that far out
    assert municipality >= 90 and county >= 90  # a dashed circle: about half of it drawn
    assert ring_pixels(1, approximate_radius) >= 40  # dotted, closer in
    assert ring_pixels(0, approximate_radius) == 0


def test_the_legend_says_what_a_ring_means():
    renderer = styling.incident_renderer("en", recency=True)
    items = renderer.legendSymbolItems()
    labels = [item.label() for item in items]
    assert labels[-2:] == ["Place approximate: dotted ring",
                           "Place only known to the municipality or county: dashed ring"]
    approximate, low = items[-2:]
    assert low.symbol().symbolLayer(1).strokeColor().name() == styling.LEGEND_COLOUR
    assert low.symbol().symbolLayer(1).size() > approximate.symbol().symbolLayer(1).size() > 5.0
    # a category's own entry draws no ring, and keeps the icon's size
    first = items[0].symbol()
    assert first.symbolLayer(1).strokeColor().alpha() == 0 and first.size() == pytest.approx(5.0)


# --- the summary and the report -------------------------------------------------------

def test_the_summary_counts_the_low_precision_incidents_of_the_period_and_filter(store_path):
    custom = situation.FilterState(preset=situation.CUSTOM, custom=PERIOD)
    with Store.open(store_path, read_only=True) as store:
        found = situation.summary(store, custom, TODAY)
        vandalism = situation.summary(store, situation.FilterState(
            preset=situation.CUSTOM, custom=PERIOD, categories=("vandalism",)), TODAY)
        one = situation.summary(store, situation.FilterState(
            preset=situation.CUSTOM, custom=ONE_DAY, categories=("graffiti",)), TODAY)
    expected = period_count(store_path, PERIOD, LOW_SQL, LOW_PRECISIONS)
    assert expected == ADDED["municipality"] + ADDED["county"]  # the demo's own incidents are all exact
    assert found.low_precision == expected
    assert vandalism.low_precision == period_count(store_path, PERIOD, f"category = 'vandalism' AND {LOW_SQL}",
                                                   LOW_PRECISIONS) == 5 + 2
    assert found.lines("en")[1] == (f"{expected} of them are placed only at a municipality or county centre and "
                                    "are left out of hot spots and density")
    assert "av dem" in found.lines("sv")[1] and "hotspots" in found.lines("sv")[1]
    # plural forms, in both languages (on 6 May one graffiti placed at the municipality's centre)
    assert one.low_precision == period_count(store_path, ONE_DAY, f"category = 'graffiti' AND {LOW_SQL}",
                                             LOW_PRECISIONS) == 1
    assert one.lines("en")[1].startswith("1 of them is placed only")
    assert one.lines("sv")[1] == translator("sv")(
        "{n} of them is placed only at a municipality or county centre and is left out of hot spots and "
        "density").format(n=1) != one.lines("en")[1]
    with Store.open(store_path, read_only=True) as store:
        before = situation.summary(store, situation.FilterState(
            preset=situation.CUSTOM, custom=Period(date(2026, 4, 1), date(2026, 4, 28))), TODAY)
    assert before.low_precision == 0 and not any("of them" in line for line in before.lines("en"))


def test_the_summary_with_an_area_counts_by_one_read_what_the_plain_queries_count(store_path):
    with Store.open(store_path, read_only=True) as store:
        holding = next(d.name for d in store.areas("district") if d.geometry.Contains(_point(*CENTRE)))
        for area in [d.name for d in store.areas()]:
            state = situation.FilterState(preset=situation.CUSTOM, custom=PERIOD, area=area)
            found = situation.summary(store, state, TODAY)
            incident_filter = state.incident_filter(TODAY)
            plain = {code: n for code, n in store.counts("category", incident_filter).items() if n}
            assert found.by_category == plain and found.total == store.count(incident_filter)
            assert found.low_precision == store.low_precision_count(incident_filter)
            # those at the centre count in the one district that holds it, and in an area over it
            assert (found.low_precision == ADDED["municipality"] + ADDED["county"]) == (
                store._area_geometry(area).Contains(_point(*CENTRE))), area
        assert holding


def test_the_report_counts_them_in_the_table_and_leaves_them_off_the_map(store_path):
    expected = period_count(store_path, PERIOD, LOW_SQL, LOW_PRECISIONS)
    placed = period_count(store_path, PERIOD, f"NOT {LOW_SQL}", LOW_PRECISIONS)
    with Store.open(store_path, read_only=True) as store:
        page = town_page(store, PERIOD, None)
        map_ = map_layers(store, PERIOD, 1)  # every square drawn, however small
        districts = district_pages(store, PERIOD, None)
        holding = [d.name for d in store.areas("district") if d.geometry.Contains(_point(*CENTRE))]
    assert page.low_precision == expected
    assert page.total.count == expected + placed  # the table still counts them
    squares = [feature["incidents"] for feature in map_[CELLS].getFeatures()]
    assert sum(squares) == placed
    # a district's page counts those at the centre if the centre lies in it (OGR's own Contains)
    assert len(holding) == 1
    assert {d.area: d.low_precision for d in districts} == {
        d.area: (expected if d.area == holding[0] else 0) for d in districts}


def _point(x: float, y: float):
    from osgeo import ogr

    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(x, y)
    return point


@pytest.mark.usefixtures("report_language")  # English, then Swedish
def test_the_line_under_the_report_map_fits_in_both_languages(store_path, tmp_path):
    expected = period_count(store_path, PERIOD, LOW_SQL, LOW_PRECISIONS)
    pdf = tmp_path / "report.pdf"
    result = export_report(store_path, pdf, ReportOptions(period=PERIOD, compare_with="none", today=TODAY))
    assert overflows(result.layout) == []
    line = tr("{n} of the incidents are placed only at a municipality or county centre: counted in the table, not "
              "on the map.").format(n=expected)
    assert " ".join(line.split()) in pdf_words(pdf)
    # a period with only one of them: "fewer than 3", like any small count of the report
    few = tmp_path / "few.pdf"
    export_report(store_path, few, ReportOptions(period=ONE_DAY, compare_with="none", today=TODAY))
    assert tr("Fewer than {n} of the incidents are placed only at a municipality or county centre: counted in the "
              "table, not on the map.").format(n=3) in pdf_words(few)


def test_the_count_is_the_same_on_postgres(postgres_server):
    from lagesbild.core.store import IncidentFilter, StoreLocation

    schema = "lowprec_count"
    location = StoreLocation.parse(f"postgresql://postgres@127.0.0.1:{postgres_server.port}/lagesbild_test"
                                   f"?schema={schema}")
    rows = [incident(category=("vandalism", "graffiti")[i % 2], location_precision=precision,
                     occurred_from=datetime(2026, 5, 3 + i, 12, 0, tzinfo=timezone.utc), occurred_to=None)
            for precision, count in ADDED.items() for i in range(count)]
    try:
        with Store.create(location) as store:
            store.add_incidents(rows)
            vandalism = IncidentFilter(period=PERIOD, categories=("vandalism",))
            found = (store.low_precision_count(), store.low_precision_count(vandalism))
        sql = "SELECT count(*) FROM incidents WHERE location_precision IN ('municipality', 'county')"
        assert found == (postgres_server.query(sql, schema)[0][0],
                         postgres_server.query(sql + " AND category = 'vandalism'", schema)[0][0]) == (12, 5 + 2)
    finally:
        postgres_server.sql("lagesbild_test", f"DROP SCHEMA IF EXISTS {schema} CASCADE")
