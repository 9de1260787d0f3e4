"""The Lägesbild dock's live numbers and layout, headless: the summary and
charts follow a filter change without Apply, a save in the form and a commit
in plain QGIS; From–to shows the preset's dates; the dock and the form keep
their buttons in view when short."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QDate, QPoint, Qt
from qgis.PyQt.QtTest import QTest
from store_helpers import TOWN, incident, store_today

from lagesbild.core import settings as plugin_settings
from lagesbild.core.domain import periods
from lagesbild.core.presentation import layers, situation
from lagesbild.core.store import Store
from lagesbild.ui.situation_dock import SituationDock


def wait_for_numbers(dock) -> None:
    """Let the dock's debounce timer fire (it is single-shot, 300 ms)."""
    assert dock.live_timer.isActive()
    for _ in range(200):
        QTest.qWait(20)
        if not dock.live_timer.isActive():
            return
    raise AssertionError("the numbers were never counted again")


def sql_total(path, where: str = "1 = 1", params: tuple = ()) -> int:
    with sqlite3.connect(path) as db:
        return db.execute(f"SELECT count(*) FROM incidents WHERE {where}", params).fetchone()[0]


@pytest.fixture
def store_path(tmp_path):
    now = datetime.now(timezone.utc).replace(microsecond=0)
    path = tmp_path / "live.gpkg"
    with Store.create(path) as store:
        store.add_incidents([incident(category=c, occurred_from=now - timedelta(days=d), occurred_to=None,
                                      geometry=(TOWN[0] + 10 * i, TOWN[1]))
                             for i, (c, d) in enumerate([("fire", 2), ("fire", 3), ("drugs", 4), ("graffiti", 5),
                                                         ("fire", 30)])])
    return path


@pytest.fixture
def dock(qgis_iface, store_path):
    plugin_settings.clear()
    QgsProject.instance().clear()
    situation_dock = SituationDock(qgis_iface)
    situation_dock.open_store(str(store_path))
    situation_dock.preset_combo.setCurrentIndex(situation.PRESETS.index(situation.LAST_7_DAYS))
    situation_dock.refresh_numbers()
    yield situation_dock
    situation_dock.unload()
    situation_dock.deleteLater()
    QgsProject.instance().clear()
    plugin_settings.clear()


def check(dock, code: str, on: bool = True) -> None:
    row = next(i for i in range(dock.category_list.count())
               if dock.category_list.item(i).data(Qt.ItemDataRole.UserRole) == code)
    dock.category_list.item(row).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_the_numbers_follow_the_filter_without_apply(dock, store_path):
    assert dock.summary_label.text().startswith("4 incidents, ")
    dock.load_layers()
    layer = layers.store_layers(QgsProject.instance(), store_path)[0]
    applied = layer.subsetString()
    check(dock, "fire")
    wait_for_numbers(dock)
    assert dock.summary_label.text().startswith(f"{sql_total(store_path, 'category = ?', ('fire',)) - 1} incidents")
    # the bars and their text follow too, and the map waits for Apply and says so
    bars = dict((code, count) for code, _, count in dock.summary.category_chart.bars.bars)
    assert bars["fire"] == 2 and bars["drugs"] == 0
    assert "Fire: 2" in dock.summary.category_chart.accessibleDescription()
    assert layer.subsetString() == applied
    assert "Apply filter" in dock.summary_label.text()
    check(dock, "drugs")
    wait_for_numbers(dock)
    assert dock.summary_label.text().startswith("3 incidents")
    dock.apply_filter()
    assert sum(1 for _ in layer.getFeatures()) == 3 and "Apply filter" not in dock.summary_label.text()


def test_the_trend_chart_has_its_numbers_as_text(dock):
    trend = dock.summary.trend_chart.trend
    assert trend.step_days == 1 and len(trend.steps) == 7 and sum(s.count for s in trend.steps) == 4
    # the store's first incident is 30 days back: the previous 7 days are compared
    assert trend.has_base and sum(s.base_count for s in trend.steps) == 0
    description = dock.summary.trend_chart.accessibleDescription().splitlines()
    assert description[0].startswith("Incidents per day, against the previous period (")
    assert len(description) == 8 and dock.summary.trend_chart.accessibleName()


def test_a_save_in_the_form_updates_the_dock(dock, qgis_iface, store_path):
    from qgis.core import QgsPointXY

    from lagesbild.ui.incident_form import IncidentFormDock

    custom = situation.PRESETS.index(situation.CUSTOM)
    dock.preset_combo.setCurrentIndex(custom)
    dock.start_edit.setDate(QDate(store_today() - timedelta(days=7)))
    dock.end_edit.setDate(QDate(store_today()))
    dock.refresh_numbers()
    before = int(dock.summary_label.text().split()[0])
    qgis_iface.mapCanvas().setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3006"))
    qgis_iface.mapCanvas().setExtent(QgsRectangle(TOWN[0] - 500, TOWN[1] - 500, TOWN[0] + 500, TOWN[1] + 500))
    form = IncidentFormDock(qgis_iface)
    try:
        assert form.open_store(str(store_path))
        form.place_at(QgsPointXY(*TOWN))
        form.category.setCurrentIndex(form.category.findData("graffiti"))
        form.organisation.setCurrentIndex(form.organisation.findData("police"))
        assert form.save() is True
        wait_for_numbers(dock)
        assert int(dock.summary_label.text().split()[0]) == before + 1
    finally:
        form.unload()
        form.deleteLater()


def test_a_commit_in_plain_qgis_updates_the_dock(dock, store_path):
    dock.load_layers()
    layer = layers.store_layers(QgsProject.instance(), store_path)[0]
    assert dock.summary_label.text().startswith("4 incidents")
    fire = next(f for f in layer.getFeatures() if f["category"] == "fire")
    assert layer.startEditing()
    layer.changeAttributeValue(fire.id(), layer.fields().indexOf("category"), "drugs")
    assert layer.commitChanges(), layer.commitErrors()
    wait_for_numbers(dock)
    bars = dict((code, count) for code, _, count in dock.summary.category_chart.bars.bars)
    assert bars["drugs"] == sql_total(store_path, "category = ? AND fid = ?", ("drugs", fire.id())) + 1


@pytest.mark.parametrize("preset", [situation.LAST_7_DAYS, situation.LAST_14_DAYS, situation.THIS_MONTH,
                                    situation.SINCE_1_JANUARY, situation.SAME_PERIOD_LAST_YEAR])
def test_from_to_shows_the_presets_dates(dock, preset):
    dock.preset_combo.setCurrentIndex(situation.PRESETS.index(situation.LAST_14_DAYS))
    dock.preset_combo.setCurrentIndex(situation.PRESETS.index(preset))
    expected = periods.preset_period(preset, store_today(), base=dock.state().base_preset)
    assert (dock.start_edit.date().toPyDate(), dock.end_edit.date().toPyDate()) == (expected.start, expected.end)
    assert not dock.start_edit.isEnabled()


def test_a_short_dock_scrolls_and_keeps_its_buttons(dock):
    dock.resize(dock.minimumSizeHint().width(), 260)
    dock.show()
    QTest.qWait(50)
    assert dock.width() <= 360  # narrow (3.22's widgets make it 330 px, 3.40's 346), nothing cut off at its right edge
    assert dock.scroll.widget().width() <= dock.scroll.viewport().width()
    for button in (dock.apply_button, dock.report_button):
        top = button.mapTo(dock, QPoint(0, 0)).y()
        assert button.isVisible() and 0 <= top and top + button.height() <= dock.height()
    where = dock.apply_button.mapTo(dock, QPoint(0, 0))
    check(dock, "fire")
    wait_for_numbers(dock)
    assert dock.apply_button.mapTo(dock, QPoint(0, 0)) == where  # the summary grew, the buttons stayed
    assert dock.scroll.verticalScrollBar().maximum() > 0
    rows = dock.category_list.sizeHintForRow(0)
    assert dock.category_list.height() >= 6 * rows
    dock.hide()


def test_the_forms_save_button_stays_visible_in_a_short_dock(qgis_iface, store_path, translations_built):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from lagesbild.core.i18n import translation_file
    from lagesbild.ui.incident_form import IncidentFormDock

    translator = QTranslator()
    assert translator.load(str(translation_file("sv")))
    QCoreApplication.installTranslator(translator)
    form = IncidentFormDock(qgis_iface)
    try:
        form.resize(form.width(), 300)
        form.show()
        QTest.qWait(50)
        top = form.save_button.mapTo(form, QPoint(0, 0)).y()
        assert form.save_button.isVisible() and 0 <= top and top + form.save_button.height() <= form.height()
        assert form.scroll.verticalScrollBar().maximum() > 0  # the fields scroll, the buttons do not
        header = form.history.header()
        metrics = header.fontMetrics()
        for column in range(form.history.columnCount()):
            text = form.history.headerItem().text(column)
            assert header.sectionSize(column) >= metrics.horizontalAdvance(text), text
    finally:
        QCoreApplication.removeTranslator(translator)
        form.unload()
        form.deleteLater()
