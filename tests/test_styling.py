"""The situation picture's styles, rendered for real and checked by pixel,
and the expressions behind recency and the temporal properties, on a machine
in any time zone (run also with TZ=Europe/Stockholm)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from qgis.core import (
    QgsDateTimeRange,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsVectorLayerTemporalContext,
)
from qgis.PyQt.QtCore import QDateTime, QSize
from qgis.PyQt.QtGui import QColor
from store_helpers import TOWN, incident

from lagesbild.core.compat import TEMPORAL_START_END_EXPRESSIONS
from lagesbild.core.domain import codelist
from lagesbild.core.presentation import layers, styling
from lagesbild.core.store import Store

SPACING = 1500.0  # metres between the incidents drawn
SCALE_PX = 10.0  # metres per pixel in the rendered image


def _blend(colour: str, opacity: float) -> tuple[int, int, int]:
    c = QColor(colour)
    return tuple(round(opacity * v + (1 - opacity) * 255) for v in (c.red(), c.green(), c.blue()))


@pytest.fixture
def drawn_store(tmp_path):
    """Four categories in a row, recent; one old incident; one closed."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    rows = []
    for i, code in enumerate(("vandalism", "graffiti", "disorder", "drugs")):
        rows.append(incident(category=code, occurred_from=now - timedelta(days=2), occurred_to=None,
                             geometry=(TOWN[0] + i * SPACING, TOWN[1])))
    rows.append(incident(category="vandalism", occurred_from=now - timedelta(days=60), occurred_to=None,
                         geometry=(TOWN[0], TOWN[1] + SPACING)))
    rows.append(incident(category="graffiti", occurred_from=now - timedelta(days=1), occurred_to=None,
                         status="closed", geometry=(TOWN[0] + SPACING, TOWN[1] + SPACING)))
    path = tmp_path / "drawn.gpkg"
    with Store.create(path) as store:
        store.add_incidents(rows)
    return path, rows


def render(layer, selection_colour: QColor | None = None):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    width, height = 700, 400
    settings.setOutputSize(QSize(width, height))
    settings.setOutputDpi(96)
    xmin = TOWN[0] - 1000
    ymin = TOWN[1] - 1000
    settings.setExtent(QgsRectangle(xmin, ymin, xmin + width * SCALE_PX, ymin + height * SCALE_PX))
    settings.setBackgroundColor(QColor("#ffffff"))
    if selection_colour is not None:
        settings.setSelectionColor(selection_colour)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage(), settings


def pixels_near(image, settings, x: float, y: float, radius: int = 10) -> list[tuple[int, int, int]]:
    point = settings.mapToPixel().transform(x, y)
    cx, cy = round(point.x()), round(point.y())
    found = []
    for px in range(cx - radius, cx + radius + 1):
        for py in range(cy - radius, cy + radius + 1):
            c = QColor(image.pixel(px, py))
            found.append((c.red(), c.green(), c.blue()))
    return found


def count_close(pixels, rgb, tolerance: int = 6) -> int:
    return sum(1 for p in pixels if all(abs(a - b) <= tolerance for a, b in zip(p, rgb)))


def test_rendered_colours_come_from_the_code_list(drawn_store):
    path, rows = drawn_store
    project = QgsProject()
    loaded = layers.load_store(path, project, "en")
    image, settings = render(loaded.incidents)
    for row in rows[:4]:
        colour = codelist.BY_CODE[row["category"]].colour
        pixels = pixels_near(image, settings, *row["geometry"])
        assert count_close(pixels, _blend(colour, 1.0)) >= 40, row["category"]
        # the other categories' colours are not there
        for other in ("vandalism", "graffiti", "disorder", "drugs"):
            if other != row["category"]:
                assert count_close(pixels, _blend(codelist.BY_CODE[other].colour, 1.0)) == 0
    # an incident 60 days old is faded, with no full-strength pixel
    old = pixels_near(image, settings, *rows[4]["geometry"])
    vandalism = codelist.BY_CODE["vandalism"].colour
    assert count_close(old, _blend(vandalism, 1.0)) == 0
    assert count_close(old, _blend(vandalism, styling.FADED_OPACITY / 100), tolerance=8) >= 40
    # a closed incident is hollow: grey inside, never its category's full colour
    closed = pixels_near(image, settings, *rows[5]["geometry"])
    assert count_close(closed, _blend(codelist.BY_CODE["graffiti"].colour, 1.0)) == 0
    assert count_close(closed, _blend(styling.CLOSED_FILL, styling.CLOSED_OPACITY / 100), tolerance=8) >= 40
    # nothing drawn where there is no incident
    empty = pixels_near(image, settings, TOWN[0] + 3 * SPACING, TOWN[1] + SPACING)
    assert count_close(empty, (255, 255, 255), tolerance=0) == len(empty)


def test_selected_incidents_take_the_selection_colour(drawn_store):
    path, rows = drawn_store
    project = QgsProject()
    loaded = layers.load_store(path, project, "en")
    first = next(loaded.incidents.getFeatures(QgsFeatureRequest().setFilterExpression("\"category\" = 'drugs'")))
    loaded.incidents.selectByIds([first.id()])
    image, settings = render(loaded.incidents, QColor("#ffff00"))
    assert count_close(pixels_near(image, settings, *rows[3]["geometry"]), (255, 255, 0)) >= 40
    assert count_close(pixels_near(image, settings, *rows[2]["geometry"]), (255, 255, 0)) == 0


def test_heatmap_and_polygon_styles(drawn_store):
    path, rows = drawn_store
    project = QgsProject()
    loaded = layers.load_store(path, project, "sv")
    layers.style_incidents(loaded.incidents, heatmap=True)
    assert layers.is_heatmap(loaded.incidents)
    assert loaded.incidents.renderer().radius() == 250.0
    image, settings = render(loaded.incidents)
    hot = pixels_near(image, settings, *rows[0]["geometry"], radius=3)
    assert any(p != (255, 255, 255) for p in hot)
    layers.style_incidents(loaded.incidents, "sv")
    assert loaded.incidents.renderer().type() == "categorizedSymbol"
    assert [c.label() for c in loaded.incidents.renderer().categories()][:2] == ["Skadegörelse", "Klotter"]
    assert loaded.areas.labelsEnabled() and loaded.measures.labelsEnabled()
    area_labels = loaded.areas.labeling()
    assert area_labels.settings().fieldName == '"name"'
    measure_styles = loaded.measures.renderer().categories()
    assert measure_styles[0].symbol().symbolLayer(0).properties()["style"] == "b_diagonal"
    assert [c.label() for c in measure_styles] == [s[1] for s in codelist.MEASURE_STATUSES]
    expression = QgsExpression(styling.measure_label_expression("sv"))
    context = QgsExpressionContext()
    scope = QgsExpressionContextUtils.layerScope(loaded.measures)
    context.appendScope(scope)
    from qgis.core import QgsFeature

    feature = QgsFeature(loaded.measures.fields())
    feature["title"] = "Belysning i parken"
    feature["status"] = "active"
    context.setFeature(feature)
    assert expression.evaluate(context) == "Belysning i parken (Pågående)"
    assert project.layerTreeRoot().findGroup("Lägesbild – drawn") is not None
    layers.load_store(path, project, "sv")  # loading again replaces the group
    assert len(project.mapLayers()) == 3


def test_age_expression_matches_python_in_any_zone(drawn_store):
    path, rows = drawn_store
    project = QgsProject()
    loaded = layers.load_store(path, project, "en")
    expression = QgsExpression(styling.age_in_days())
    context = QgsExpressionContext()
    for feature in loaded.incidents.getFeatures():
        context.setFeature(feature)
        stored = next(r for r in rows if r["geometry"] == (feature.geometry().asPoint().x(),
                                                            feature.geometry().asPoint().y()))
        expected = (datetime.now(timezone.utc) - stored["occurred_from"]).total_seconds() / 86400
        assert abs(expression.evaluate(context) - expected) < 60 / 86400, expression.evalErrorString()


def test_temporal_properties_step_through_local_weeks(tmp_path):
    """A week in the temporal controller is a week of the machine's local
    days; an incident without an end is an instant, not open for ever."""
    times = [datetime(2025, 3, 9, 23, 30, tzinfo=timezone.utc),  # Monday 00:30 in Stockholm
             datetime(2025, 3, 12, 12, 0, tzinfo=timezone.utc),
             datetime(2025, 3, 16, 22, 30, tzinfo=timezone.utc),  # Sunday 23:30 in Stockholm (CET)
             datetime(2025, 3, 2, 12, 0, tzinfo=timezone.utc)]  # the week before, no end
    path = tmp_path / "weeks.gpkg"
    with Store.create(path) as store:
        store.add_incidents([incident(occurred_from=t, occurred_to=None, geometry=(TOWN[0] + i, TOWN[1]))
                             for i, t in enumerate(times)])
    project = QgsProject()
    layer = layers.load_store(path, project, "en").incidents
    properties = layer.temporalProperties()
    assert properties.isActive()
    assert properties.mode() == TEMPORAL_START_END_EXPRESSIONS
    assert "occurred_from" in properties.startExpression() and "occurred_to" in properties.endExpression()

    start_local = datetime(2025, 3, 10)  # Monday, on the machine's clock
    end_local = datetime(2025, 3, 16, 23, 59, 59)
    week = QgsDateTimeRange(QDateTime(start_local), QDateTime(end_local))
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    expression = properties.createFilterString(context, week)
    found = sorted(f["occurred_from"].toPyDateTime().day for f in layer.getFeatures(
        QgsFeatureRequest().setFilterExpression(expression)))
    machine = [t.astimezone() for t in times]  # the machine's local clock
    expected = sorted(t.day for t, local in zip(times, machine)
                      if start_local <= local.replace(tzinfo=None) <= end_local)
    assert found == expected
    assert len(found) in (2, 3)  # 2 on a UTC machine, 3 in Stockholm
