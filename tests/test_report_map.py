"""The situation report's map: counts in squares, never an incident; a legend
that depends on nothing but the code list and the threshold; no hidden
layers in a project; the shipped template is what its script writes."""

from __future__ import annotations

import gc
import importlib.util
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    Qgis,
    QgsFeedback,
    QgsGeometry,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt
from qgis.PyQt.QtGui import QImage

from lagesbild.core.compat import GEOMETRY_POLYGON
from lagesbild.core.domain import codelist, demo
from lagesbild.core.domain.timeutil import Period
from lagesbild.core.i18n import language, tr
from lagesbild.core.presentation.report import TEMPLATE_PATH, Cancelled, ReportOptions, build_report, export_report
from lagesbild.core.presentation.report_data import (
    MAP_CELLS_ACROSS,
    ROUND_CELL_SIZES,
    count_classes,
    map_cell_size,
    map_cells,
)
from lagesbild.core.presentation.report_style import count_cell_renderer
from lagesbild.core.store import Store
from lagesbild.core.store.demo_store import build_demo_store

ROOT = Path(__file__).resolve().parent.parent
END_DATE = date(2025, 6, 30)
PERIOD = Period(date(2025, 6, 2), date(2025, 6, 29))
DISTRICT = "POLYGON((616000 6647000, 624000 6647000, 624000 6653000, 616000 6653000, 616000 6647000))"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("report-map") / "demo.gpkg", 3000, 1, END_DATE)


# --- the numbers behind the map --------------------------------------------------------

def test_map_cells_count_squares_and_leave_out_small_ones():
    # squares of 250 m from the origin: three in [0, 250)², one in [250, 500) × [0, 250), two in [0, 250) × [-250, 0)
    x = [10.0, 120.0, 249.9, 260.0, 5.0, 6.0, np.nan]
    y = [10.0, 200.0, 0.0, 10.0, -1.0, -249.0, 5.0]
    cells = map_cells(x, y, 250.0, min_count=2)
    kept = sorted((ring[:, 0].min(), ring[:, 1].min(), ring[:, 0].max(), ring[:, 1].max(), int(n))
                  for ring, n in zip(cells.rings, cells.counts))
    assert kept == [(0.0, -250.0, 250.0, 0.0, 2), (0.0, 0.0, 250.0, 250.0, 3)]
    assert map_cells(x, y, 250.0, min_count=3).counts.tolist() == [3]
    assert map_cells([], [], 250.0).counts.size == 0


@pytest.mark.parametrize("extent", [(616_000, 6_647_000, 624_000, 6_653_000), (0, 0, 900, 400),
                                    (0, 0, 30_000, 120_000), (0, 0, 1, 1)])
def test_cell_size_is_the_smallest_round_length_that_fits(extent):
    wanted = max(extent[2] - extent[0], extent[3] - extent[1]) / MAP_CELLS_ACROSS
    size = map_cell_size(extent)
    assert size in ROUND_CELL_SIZES and size >= wanted
    assert all(smaller < wanted for smaller in ROUND_CELL_SIZES if smaller < size)


@pytest.mark.parametrize("min_count", [1, 3, 5, 10, 60, 500])
def test_count_classes_start_at_the_threshold_and_cover_every_count(min_count):
    renderer = count_cell_renderer(count_classes(min_count))
    labels = [r.label() for r in renderer.ranges()]
    for count in range(min_count, min_count + 400):
        matching = [r.label() for r in renderer.ranges() if r.lowerValue() < count <= r.upperValue()]
        assert len(matching) == 1, (count, labels)
        low, _, high = matching[0].partition("–")
        assert int(low.split()[0]) <= count and (not high or count <= int(high)), (count, matching)
    assert not any(r.lowerValue() < min_count - 1 < r.upperValue() for r in renderer.ranges())


# --- the report's map and legend -------------------------------------------------------

def three_incident_store(path: Path, placed: list[tuple[str, tuple[float, float]]]) -> Path:
    with Store.create(path) as store:
        store.add_area("Solvik", "district", DISTRICT)
        store.add_incidents([dict(
            category=category, reporting_org="housing", geometry=xy,
            occurred_from=datetime(2025, 6, 10, 21, 0, tzinfo=timezone.utc) + timedelta(days=3 * number))
            for number, (category, xy) in enumerate(placed)])
    return path


def map_and_legend(layout) -> tuple[list, list[str]]:
    """What the map draws (each layer: its name, features and legend labels) and the legend's text."""
    drawn, legend_text = [], []
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap):
            for layer in item.layers():
                features = sorted((f.geometry().asWkt(1), tuple(f.attributes())) for f in layer.getFeatures())
                symbols = [s.label() for s in layer.renderer().legendSymbolItems()]
                drawn.append((layer.name(), layer.geometryType(), features, symbols))
        if isinstance(item, QgsLayoutItemLegend):
            model = item.model()
            legend_text.append(item.title())
            for node in model.rootGroup().findLayers():
                legend_text.append(node.name())
                legend_text += [n.data(Qt.ItemDataRole.DisplayRole) for n in model.layerLegendNodes(node)]
    return drawn, legend_text


def test_two_stores_with_the_same_table_give_the_same_map(tmp_path):
    # the same square of 250 m holds all three; categories and exact places differ
    first = three_incident_store(tmp_path / "a.gpkg", [
        ("vandalism", (619_520, 6_650_020)), ("fire", (619_600, 6_650_100)), ("fire", (619_700, 6_650_200))])
    second = three_incident_store(tmp_path / "b.gpkg", [
        ("vandalism", (619_530, 6_650_130)), ("vandalism", (619_740, 6_650_010)), ("theft", (619_505, 6_650_240))])
    options = ReportOptions(PERIOD, "none", today=END_DATE)
    texts, images, maps = [], [], []
    for store_path in (first, second):
        pdf = tmp_path / f"{store_path.stem}.pdf"
        export_report(store_path, pdf, options)
        texts.append(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                    check=True).stdout)
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / store_path.stem)], check=True)
        images.append(QImage(str(next(tmp_path.glob(f"{store_path.stem}-*.png")))))
        with Store.open(store_path) as store:
            layout, layers, _ = build_report(store, options, QgsProject())
            maps.append(map_and_legend(layout))
    assert texts[0] == texts[1]  # the published tables are the same …
    assert "Vandalism" in texts[0] or "Skadegörelse" in texts[0]
    assert maps[0] == maps[1]  # … and so is everything on the map and in the legend
    assert images[0] == images[1] and not images[0].isNull()
    drawn, legend_text = maps[0]
    cells = [features for name, _, features, _ in drawn if "250" in name]
    assert len(cells) == 1 and [attributes for _, attributes in cells[0]] == [(3,)]  # one square, of three


def test_legend_lists_every_count_class_and_no_category(tmp_path):
    store_path = three_incident_store(tmp_path / "one.gpkg", [("graffiti", (619_520, 6_650_020))])
    with Store.open(store_path) as store:
        layout, layers, _ = build_report(store, ReportOptions(PERIOD, "none", min_count=5, today=END_DATE))
        drawn, legend_text = map_and_legend(layout)
    assert [features for name, _, features, _ in drawn if "250" in name] == [[]]  # 1 < 5: nothing drawn
    expected = ["5–9", "10–19", "20–49", "50–99", tr("{n} or more").format(n=100)]  # every class, though none drawn
    start = legend_text.index(expected[0])
    assert legend_text[start:start + len(expected)] == expected, legend_text
    for category in codelist.CATEGORIES:
        assert category.label(language()) not in legend_text


@pytest.mark.parametrize("atlas", [False, True])
def test_no_incident_point_layer_is_on_the_map(demo_store, atlas):
    project = QgsProject()
    with Store.open(demo_store) as store:
        layout, layers, pages = build_report(store, ReportOptions(PERIOD, "last_year", atlas_by_area=atlas,
                                                                  today=END_DATE), project)
        incidents = sum(page.fids.size for page in pages)
    maps = [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
    assert len(maps) == (5 if atlas else 1) and incidents > 50
    for map_item in maps:
        assert len(map_item.layers()) == 3
        for layer in map_item.layers():
            assert isinstance(layer, QgsVectorLayer)
            assert layer.geometryType() == GEOMETRY_POLYGON, layer.name()
            assert "layername=incidents" not in layer.source()
    cells = [f["incidents"] for f in layers["cells"].getFeatures()]
    assert cells and min(cells) >= 3 and sum(cells) <= incidents


def test_report_leaves_the_projects_layers_as_they_were(demo_store, tmp_path):
    """The report's layers never enter the user's project (they would show up
    in every Processing input list); the layout kept in the project's layout
    manager still draws them, and they go when it goes."""
    project = QgsProject()
    own = QgsVectorLayer("Point?crs=EPSG:3006", "the user's own", "memory")
    project.addMapLayer(own)
    before = sorted(project.mapLayers())

    options = ReportOptions(PERIOD, "last_year", title="Rapport", today=END_DATE)
    for _ in range(2):
        result = export_report(demo_store, tmp_path / "report.pdf", options, project)
        assert sorted(project.mapLayers()) == before
        assert [node.name() for node in project.layerTreeRoot().children()] == ["the user's own"]
    project.layoutManager().addLayout(result.layout)
    map_item = next(item for item in result.layout.items() if isinstance(item, QgsLayoutItemMap))
    cells = result.layers["cells"]
    del result
    gc.collect()
    drawn = map_item.layers()
    assert len(drawn) == 3 and all(layer.isValid() for layer in drawn) and cells in drawn
    assert sorted(project.mapLayers()) == before

    project.layoutManager().clear()  # the layout goes, and its layers with it
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert sip.isdeleted(cells)

    feedback = QgsFeedback()
    feedback.cancel()
    with Store.open(demo_store) as store, pytest.raises(Cancelled):
        build_report(store, ReportOptions(PERIOD, "none", title="Avbruten", today=END_DATE), project, feedback)
    assert sorted(project.mapLayers()) == before


def test_map_outlines_hot_spots_at_the_scale_of_places(demo_store):
    with Store.open(demo_store) as store:
        layout, layers, _ = build_report(store, ReportOptions(PERIOD, "none", today=END_DATE), QgsProject())
        drawn, legend_text = map_and_legend(layout)
    (outline,) = [f.geometry() for f in layers["hotspots"].getFeatures()]
    xmin, ymin, xmax, ymax = demo.TOWN_EXTENT
    assert 0 < outline.area() < 0.05 * (xmax - xmin) * (ymax - ymin)  # places, not the town
    vertices = np.array([(v.x(), v.y()) for v in outline.vertices()])
    assert np.all(np.mod(vertices, 100.0) == 0)  # made of squares of 100 m
    for name in ("school", "station"):
        assert outline.distance(QgsGeometry.fromPointXY(QgsPointXY(*demo.LANDMARKS[name]))) <= 300, name
    sentence = tr("A {size} m square that, with the squares around it, had clearly more incidents than the "
                  "town as a whole ({confidence} % confidence)").format(size=100, confidence=99)
    assert sentence in [" ".join(text.split()) for text in legend_text]


# --- the template ------------------------------------------------------------------------

def test_template_is_what_its_script_writes(tmp_path):
    spec = importlib.util.spec_from_file_location("write_report_template", ROOT / "scripts" /
                                                  "write_report_template.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    if not Qgis.QGIS_VERSION.startswith(script.GENERATOR_QGIS + "."):
        pytest.skip(f"the committed template is written by QGIS {script.GENERATOR_QGIS}")
    written = script.write_template(tmp_path / "situation_report.qpt")
    assert written.read_text(encoding="utf-8") == TEMPLATE_PATH.read_text(encoding="utf-8")
    assert 'id="legend"' in written.read_text(encoding="utf-8")
