"""The Lägesbild dock, headless: open a store, load the layers, filter, and
keep its state through a project written to disk and read back."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QDate, Qt
from store_helpers import TOWN, incident, store_today

from lagesbild.core.presentation import layers, situation
from lagesbild.core.store import Store
from lagesbild.ui.situation_dock import SituationDock


def test_dock_filters_and_its_state_survives_a_project_round_trip(qgis_iface, tmp_path):
    now = datetime.now(timezone.utc).replace(microsecond=0)
    path = tmp_path / "dock.gpkg"
    with Store.create(path) as store:
        store.add_incidents([incident(category=c, occurred_from=now - timedelta(days=d), occurred_to=None,
                                      geometry=(TOWN[0] + 10 * i, TOWN[1]))
                             for i, (c, d) in enumerate([("fire", 1), ("fire", 3), ("drugs", 2), ("fire", 40)])])
    project = QgsProject.instance()
    project.clear()
    dock = SituationDock(qgis_iface)
    try:
        dock.open_store(str(path))
        dock.load_layers()
        incidents = layers.store_layers(project, path)
        assert len(incidents) == 1 and project.layerTreeRoot().findGroup("Lägesbild – dock") is not None

        dock.preset_combo.setCurrentIndex(situation.PRESETS.index(situation.CUSTOM))
        start, end = store_today() - timedelta(days=10), store_today()
        dock.start_edit.setDate(QDate(start))
        dock.end_edit.setDate(QDate(end))
        fire = next(i for i in range(dock.category_list.count())
                    if dock.category_list.item(i).data(Qt.ItemDataRole.UserRole) == "fire")
        dock.category_list.item(fire).setCheckState(Qt.CheckState.Checked)
        dock.organisation_combo.setCurrentIndex(dock.organisation_combo.findData("housing"))
        dock.apply_filter()
        assert "fire" in incidents[0].subsetString() and "housing" in incidents[0].subsetString()
        assert sum(1 for _ in incidents[0].getFeatures()) == 2
        assert dock.summary_label.text().startswith("2 ")
        expected = dock.state()
        assert expected.categories == ("fire",) and expected.custom.start == start

        dock.heatmap_button.setChecked(True)
        assert layers.is_heatmap(incidents[0])
        dock.heatmap_button.setChecked(False)

        saved = tmp_path / "meeting.qgz"
        assert project.write(str(saved))
        project.clear()
        assert dock.store_path == "" and dock.state().categories == ()
        assert project.read(str(saved))
        assert dock.store_path == str(path.resolve())
        assert dock.state() == expected
        restored = layers.store_layers(project, path)
        assert len(restored) == 1 and sum(1 for _ in restored[0].getFeatures()) == 2

        dock.clear_filter()
        assert restored[0].subsetString() == "" and dock.state().categories == ()
        assert dock.state().preset == situation.CUSTOM  # the period stays
    finally:
        dock.unload()
        project.clear()
    assert dock.connection_count() == 0


def test_create_situation_report_from_the_dock(qgis_iface, tmp_path, monkeypatch, translations_built):
    import subprocess

    from qgis.PyQt.QtWidgets import QFileDialog

    from lagesbild.core.store.demo_store import build_demo_store

    path = build_demo_store(tmp_path / "demo.gpkg", 1000, 5, store_today())
    project = QgsProject.instance()
    project.clear()
    pdf = tmp_path / "meeting.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(pdf), "")))
    dock = SituationDock(qgis_iface)
    try:
        dock.open_store(str(path))
        dock.load_layers()
        before = sorted(project.mapLayers())
        dock.preset_combo.setCurrentIndex(situation.PRESETS.index(situation.SINCE_1_JANUARY))
        dock.report_button.click()
        assert pdf.is_file()
        assert sorted(project.mapLayers()) == before and len(before) == 3  # nothing hidden added
        layouts = project.layoutManager().printLayouts()
        period = dock.state().period(store_today())
        assert [layout.name() for layout in layouts] == [
            f"Situation picture {period.start.isoformat()}–{period.end.isoformat()}"]
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        with Store.open(path) as store:
            from lagesbild.core.store import IncidentFilter

            count = store.count(IncidentFilter(period=period))
        assert "Situation picture" in text and str(count) in text
        dock.report_button.click()  # again: the layout is replaced, not doubled
        assert len(project.layoutManager().printLayouts()) == 1
    finally:
        dock.unload()
        project.clear()
