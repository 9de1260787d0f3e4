"""The map a coordinator sees: background maps (their sources, never their
tiles: nothing is fetched), the zoom to the store's real extent, a legend
that explains fading and closed incidents, and one store for both docks."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from qgis.core import QgsLegendSymbolItem, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication, QSize
from store_helpers import TOWN, incident
from test_styling import _blend, count_close, pixels_near, render

from lagesbild.core import compat
from lagesbild.core.domain import codelist
from lagesbild.core.presentation import background, layers, styling
from lagesbild.core.store import Store


def _params(source: str) -> dict:
    """The source's parameters, read as a URL query (not by QGIS's own class)."""
    pairs = parse_qsl(source, keep_blank_values=True)
    assert len({key for key, _ in pairs}) == len(pairs)
    return dict(pairs)


def test_background_sources_name_the_services_in_the_stores_crs():
    osm, topo = background.backgrounds("EPSG:3006")
    assert (osm.key, osm.provider, osm.crs) == (background.OSM, "wms", "EPSG:3857")
    assert _params(osm.source) == {"type": "xyz", "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                                   "zmin": "0", "zmax": "19"}
    assert (topo.key, topo.provider, topo.crs) == (background.TOPOGRAPHIC, "wms", "EPSG:3006")
    params = _params(topo.source)
    assert params["tileMatrixSet"] == "3006" and params["crs"] == "EPSG:3006"
    assert params["layers"] == "topowebb" and params["format"] == "image/png"
    assert params["url"].startswith("https://minkarta.lantmateriet.se/map/topowebbcache?")
    assert "token" not in topo.source.lower() and "key" not in params  # open data: no login
    # Web Mercator when the service lacks SWEREF 99 TM, and for a store in a CRS it does not offer
    assert topo.fallback.crs == "EPSG:3857" and _params(topo.fallback.source)["tileMatrixSet"] == "3857"
    local = background.background(background.TOPOGRAPHIC, "EPSG:3021")
    assert local.crs == "EPSG:3857" and _params(local.source)["tileMatrixSet"] == "3857"
    assert local.fallback is None
    assert osm.attribution and topo.attribution


def test_a_background_goes_right_below_the_stores_layers(tmp_path):
    path = tmp_path / "town.gpkg"
    with Store.create(path) as store:
        store.add_incidents([incident(geometry=TOWN)])
    project = QgsProject()
    other = project.layerTreeRoot().addGroup("the user's own group")
    loaded = layers.load_store(path, project)
    for _ in range(2):  # added again, it replaces the first
        layer = background.add_background(project, background.OSM, "EPSG:3006", loaded.group)
        assert layer.isValid() and layer.providerType() == "wms" and layer.crs().authid() == "EPSG:3857"
        assert compat.attribution(layer) == "© OpenStreetMap contributors"
        names = [node.name() for node in project.layerTreeRoot().children()]
        assert names == [loaded.group.name(), layer.name(), other.name()]
    assert len([lay for lay in project.mapLayers().values()
                if lay.customProperty(background.BACKGROUND_PROPERTY) == background.OSM]) == 1
    assert layers.loaded_incidents(project) is loaded.incidents


def test_load_zooms_to_the_incidents_not_to_sweden(tmp_path, qgis_canvas):
    """A store created without an extent holds Sweden's in its contents table;
    the layers and the zoom follow the data."""
    points = [(TOWN[0] + dx, TOWN[1] + dy) for dx, dy in ((0, 0), (1200, 300), (-400, 2500), (800, -700))]
    path = tmp_path / "town.gpkg"
    with Store.create(path) as store:
        store.add_incidents([incident(geometry=p) for p in points])
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    expected = QgsRectangle(min(xs), min(ys), max(xs), max(ys))
    project = QgsProject()
    loaded = layers.load_store(path, project)
    assert loaded.extent == expected
    assert loaded.incidents.extent() == expected  # "zoom to layer" too
    assert loaded.extent.width() < 5000  # Sweden's is about 800 km

    from lagesbild.ui.map_tools import zoom_to

    qgis_canvas.resize(QSize(800, 600))
    qgis_canvas.setDestinationCrs(loaded.incidents.crs())
    target = layers.zoom_extent(loaded.extent)
    zoom_to(qgis_canvas, target, loaded.incidents.crs())
    QCoreApplication.processEvents()
    shown = qgis_canvas.extent()
    # the whole target, fitted by the side that limits it (the canvas keeps its own shape)
    assert shown.contains(expected)
    assert min(shown.width() / target.width(), shown.height() / target.height()) == pytest.approx(1, rel=0.02)


def test_zoom_extent_of_one_incident_is_a_street_not_a_point():
    one = QgsRectangle(TOWN[0], TOWN[1], TOWN[0], TOWN[1])
    zoomed = layers.zoom_extent(one)
    assert zoomed.width() == zoomed.height() == 1000 and zoomed.center().x() == TOWN[0]


def test_legend_explains_fading_and_closed_incidents():
    renderer = styling.incident_renderer("en", recency=True)
    labels = [item.label() for item in renderer.legendSymbolItems()]
    assert labels[:len(codelist.CATEGORIES)] == [c.label("en") for c in codelist.CATEGORIES]
    assert labels[len(codelist.CATEGORIES):] == ["Older than 14 days: faded", "Closed: hollow, grey",
                                                 "Place approximate: dotted ring",
                                                 "Place only known to the municipality or county: dashed ring"]
    faded, closed = renderer.legendSymbolItems()[-4:-2]
    assert isinstance(faded, QgsLegendSymbolItem)
    assert faded.symbol().opacity() == pytest.approx(styling.FADED_OPACITY / 100)
    assert closed.symbol().symbolLayer(0).fillColor().name() == styling.CLOSED_FILL
    # the store's own style (no recency) explains only the rings: it draws them too
    plain = [item.label() for item in styling.incident_renderer("en").legendSymbolItems()]
    assert plain == [c.label("en") for c in codelist.CATEGORIES] + labels[-2:]


def test_a_single_closed_incident_stays_visible(tmp_path):
    now = datetime.now(timezone.utc).replace(microsecond=0)
    path = tmp_path / "closed.gpkg"
    row = incident(category="graffiti", occurred_from=now - timedelta(days=1), occurred_to=None, status="closed",
                   geometry=TOWN)
    with Store.create(path) as store:
        store.add_incidents([row])
    project = QgsProject()
    loaded = layers.load_store(path, project, "en")
    image, settings = render(loaded.incidents)
    pixels = pixels_near(image, settings, *TOWN)
    graffiti = codelist.BY_CODE["graffiti"].colour
    # its category's colour as an outline (at the closed opacity), grey inside: seen on white
    assert count_close(pixels, _blend(graffiti, styling.CLOSED_OPACITY / 100), tolerance=12) >= 8
    assert count_close(pixels, _blend(styling.CLOSED_FILL, styling.CLOSED_OPACITY / 100), tolerance=8) >= 20
    assert sum(1 for p in pixels if p != (255, 255, 255)) >= 60


def test_one_store_for_both_docks(qgis_iface, tmp_path):
    from lagesbild import classFactory

    first, second = tmp_path / "first.gpkg", tmp_path / "second.gpkg"
    for path in (first, second):
        Store.create(path).close()
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        situation_dock, form = (next(d for d in plugin.docks if type(d).__name__ == name)
                                for name in ("SituationDock", "IncidentFormDock"))
        situation_dock.open_store(str(first))
        assert form.store is not None and form.current_store() == situation_dock.current_store() == str(first)
        form.open_store(str(second))
        assert situation_dock.current_store() == str(second) == plugin.current_store
        assert situation_dock.store_edit.text() == str(second)
    finally:
        plugin.unload()


def test_form_labels_follow_the_qgis_language_when_the_layer_loads(tmp_path, qgis_iface, monkeypatch):
    """A store whose default style holds the English form (as ``make demo``
    writes it) shows Swedish labels in a Swedish QGIS: through the dock's
    *Load layers*, and through any other way in while the plugin runs."""
    from qgis.core import QgsVectorLayer

    import lagesbild.plugin as plugin_module
    from lagesbild import classFactory
    from lagesbild.core.presentation.form_style import write_standard_form
    from lagesbild.core.store import StoreLocation

    path = tmp_path / "english.gpkg"
    with Store.create(path) as store:
        write_standard_form(store, "en")
    source, provider = StoreLocation.parse(path).layer_source("incidents")

    def category_label(layer) -> str:
        return layer.attributeAlias(layer.fields().indexOf("category"))

    assert category_label(QgsVectorLayer(source, "plain", provider)) == "Category"  # the stored style
    project = QgsProject()
    assert category_label(layers.load_store(path, project, "sv").incidents) == "Kategori"
    assert category_label(layers.load_store(path, project, "en").incidents) == "Category"

    monkeypatch.setattr(plugin_module, "user_language", lambda: "sv")
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        plain = QgsVectorLayer(source, "from the Browser", provider)
        QgsProject.instance().addMapLayer(plain)
        assert category_label(plain) == "Kategori"
        adjusted = QgsVectorLayer(source, "adjusted by hand", provider)
        adjusted.setFieldAlias(adjusted.fields().indexOf("category"), "Typ av händelse")
        QgsProject.instance().addMapLayer(adjusted)
        assert category_label(adjusted) == "Typ av händelse"  # a hand-made form is left alone
    finally:
        plugin.unload()
        QgsProject.instance().clear()


def test_create_store_defaults_to_a_lasting_file_not_a_temporary_one(qgis_processing, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingUtils

    from lagesbild.algorithms.create_store import default_store_path

    assert default_store_path(tmp_path) == tmp_path / "lagesbild.gpkg"
    Store.create(tmp_path / "lagesbild.gpkg").close()
    (tmp_path / "lagesbild-2.gpkg").write_bytes(b"")
    assert default_store_path(tmp_path) == tmp_path / "lagesbild-3.gpkg"

    from lagesbild import classFactory

    plugin = classFactory(None)
    plugin.initProcessing()
    try:
        algorithm = QgsApplication.processingRegistry().algorithmById("lagesbild:createstore")
        default = algorithm.parameterDefinition("STORE").defaultValue()
        assert default and str(default).endswith(".gpkg")
        assert not str(default).startswith(QgsProcessingUtils.tempFolder())
        assert str(default).startswith(str(Path.home()))
    finally:
        plugin.unload()


def test_scale_bar_numbers_are_written_as_the_reports_language_writes_them(tmp_path):
    from qgis.core import QgsLayoutItemScaleBar, QgsNumericFormatContext
    from store_helpers import store_today

    from lagesbild.core.domain.timeutil import Period
    from lagesbild.core.i18n import language
    from lagesbild.core.presentation.report import ReportOptions, build_report
    from lagesbild.core.store.demo_store import build_demo_store

    context = QgsNumericFormatContext()
    assert styling.number_format("sv").formatDouble(12500.5, context) == "12\u00a0500,5"
    assert styling.number_format("en").formatDouble(12500.5, context) == "12,500.5"

    today = store_today()
    path = build_demo_store(tmp_path / "demo.gpkg", 1000, 5, today)
    with Store.open(path) as store:
        layout, _layers, _pages = build_report(
            store, ReportOptions(Period(today - timedelta(days=13), today), "none", today=today), QgsProject())
        (scale_bar,) = [item for item in layout.items() if isinstance(item, QgsLayoutItemScaleBar)]
        expected = styling.number_format(language()).formatDouble(12500.5, context)
        assert scale_bar.numericFormat().formatDouble(12500.5, context) == expected


def test_bulk_writes_keep_the_geopackages_extents_true(tmp_path):
    """After the demo (or an import) the contents table holds the rows'
    envelope, so plain QGIS zooms to the town too; R-tree boxes are single
    precision, rounded outwards, hence the metre of tolerance."""
    from osgeo import ogr
    from store_helpers import store_today

    from lagesbild.core.store import IncidentFilter
    from lagesbild.core.store.demo_store import build_demo_store

    path = build_demo_store(tmp_path / "demo.gpkg", 1000, 5, store_today())
    with Store.open(path) as store:
        points = store.arrays(IncidentFilter(), ())
        expected = (points["x"].min(), points["x"].max(), points["y"].min(), points["y"].max())
        area_envelopes = [area.geometry.GetEnvelope() for area in store.areas()]
    source = ogr.Open(str(path))
    stored = source.GetLayerByName("incidents").GetExtent()  # GDAL reads gpkg_contents
    assert stored == pytest.approx(expected, abs=1.0)
    areas = source.GetLayerByName("areas").GetExtent()
    assert areas == pytest.approx((min(e[0] for e in area_envelopes), max(e[1] for e in area_envelopes),
                                   min(e[2] for e in area_envelopes), max(e[3] for e in area_envelopes)), abs=1.0)
    assert stored[1] - stored[0] < 20_000  # a town, not Sweden


def test_single_saves_widen_the_geopackages_extents(tmp_path):
    """After a bulk write has set the extents to the rows' envelope, a form's
    save (one incident, one area, one moved incident) outside it widens them."""
    from osgeo import ogr
    from store_helpers import store_today

    from lagesbild.core.store.demo_store import build_demo_store

    path = build_demo_store(tmp_path / "demo.gpkg", 1000, 5, store_today())

    def extents():
        source = ogr.Open(str(path))
        return {name: source.GetLayerByName(name).GetExtent() for name in ("incidents", "areas")}

    before = extents()
    with Store.open(path) as store:
        min_x, max_x, min_y, max_y = before["incidents"]
        east = (max_x + 500.0, (min_y + max_y) / 2)
        added = store.add_incident(incident(geometry=east))
        after_add = extents()
        south = ((min_x + max_x) / 2, min_y - 300.0)
        store.update_incident(added.uuid, {"geometry": south}, added.version, added.reporting_org)
        after_move = extents()
        a_min_x, a_max_x, a_min_y, a_max_y = before["areas"]
        square = (f"POLYGON(({a_min_x - 900} {a_min_y}, {a_min_x - 100} {a_min_y}, {a_min_x - 100} "
                  f"{a_min_y + 800}, {a_min_x - 900} {a_min_y + 800}, {a_min_x - 900} {a_min_y}))")
        store.add_area("Västra fältet", "focus_area", ogr.CreateGeometryFromWkt(square))
        after_area = extents()
    assert after_add["incidents"] == pytest.approx((min_x, east[0], min_y, max_y))
    assert after_move["incidents"] == pytest.approx((min_x, east[0], south[1], max_y))  # widened, never shrunk
    assert after_area["areas"] == pytest.approx((a_min_x - 900, a_max_x, a_min_y, a_max_y))
