"""The real QGIS desktop under Xvfb with the plugin enabled: the incident form
dock opens on a store, a screenshot is saved, and the message log has no
Python error and no warning from the plugin (recipe: tests/test_smoke.py)."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import PLUGIN_NAME, ROOT, run_desktop

pytestmark = pytest.mark.smoke

# Runs in the started desktop (--code): opens the dock on a store, grabs the screen, quits.
CHECK_SCRIPT = """
import json, os
import qgis.utils
from qgis.core import Qgis
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget

result = {}

def _open():
    window = qgis.utils.iface.mainWindow()
    window.setGeometry(0, 0, 1600, 1000)
    dock = window.findChild(QDockWidget, "LagesbildIncidentFormDock")
    result["found"] = dock is not None
    if dock is not None:
        dock.toggleViewAction().trigger()
        result["opened"] = dock.open_store(os.environ["LAGESBILD_FORM_STORE"])
        dock.place_name.setText("Storgatan 12")
        dock.description.setPlainText("Ring 070-123 45 67")
    QTimer.singleShot(1500, _grab)

def _grab():
    window = qgis.utils.iface.mainWindow()
    dock = window.findChild(QDockWidget, "LagesbildIncidentFormDock")
    result.update({
        "qgis": Qgis.version(),
        "visible": bool(dock and dock.isVisible()),
        "title": dock.windowTitle() if dock else None,
        "flag": bool(dock and dock.personal_data_flag.isVisible()),
        "categories": dock.category.count() if dock else 0,
        "screenshot": QApplication.primaryScreen().grabWindow(0).save(os.environ["LAGESBILD_FORM_SHOT"]),
    })
    with open(os.environ["LAGESBILD_DESKTOP_RESULT"], "w", encoding="utf-8") as out:
        json.dump(result, out)
    from qgis.core import QgsProject
    QgsProject.instance().setDirty(False)  # it holds the store's layers: QGIS would ask to save it
    qgis.utils.iface.actionExit().trigger()

QTimer.singleShot(2000, _open)
"""


def test_desktop_opens_the_incident_form(tmp_path):
    from lagesbild.core.store import Store

    store_path = tmp_path / "store.gpkg"
    Store.create(store_path).close()
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / PLUGIN_NAME).symlink_to(ROOT, target_is_directory=True)
    shot = tmp_path / "form.png"
    run = run_desktop(tmp_path, tmp_path / "profiles", CHECK_SCRIPT, plugin_path=plugins,
                      env={"LAGESBILD_FORM_SHOT": str(shot), "LAGESBILD_FORM_STORE": str(store_path)})
    result = run.result
    assert result["found"] and result["opened"], result
    assert result["visible"], result
    assert result["title"] == "Report incident", result
    assert result["categories"] == 12 and result["flag"], result  # 11 categories and "choose…"
    assert result["screenshot"] and shot.stat().st_size > 10_000, result
    run.assert_no_problems()


# Runs in the started desktop: types personal data into the form, saves, and
# answers the real question box after grabbing the screen with it open.
QUESTION_SCRIPT = """
import json, os
import qgis.utils
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QMessageBox

result = {}

def _answer():
    box = QApplication.activeModalWidget()
    result["box"] = isinstance(box, QMessageBox)
    if isinstance(box, QMessageBox):
        result["title"], result["text"] = box.windowTitle(), box.text()
        QApplication.processEvents()
        result["screenshot"] = QApplication.primaryScreen().grabWindow(0).save(os.environ["LAGESBILD_QUESTION_SHOT"])
        box.button(QMessageBox.StandardButton.No).click()

def _open():
    window = qgis.utils.iface.mainWindow()
    window.setGeometry(0, 0, 1600, 1000)
    dock = window.findChild(QDockWidget, "LagesbildIncidentFormDock")
    dock.toggleViewAction().trigger()
    result["opened"] = dock.open_store(os.environ["LAGESBILD_FORM_STORE"])
    dock.place_name.setText("Utanför Anna Svenssons port, Storgatan 12")
    dock.description.setPlainText("Klotter på porten 2026-03-05, 12 500 kr. Ring 070.123.45.67 "
                                  "eller mejla anna[at]example.se, pnr 850101 1234.")
    QTimer.singleShot(1500, _answer)
    result["saved"] = dock.save()
    result["description"] = dock.description.toPlainText()
    result["message"] = dock.message.text()
    with open(os.environ["LAGESBILD_DESKTOP_RESULT"], "w", encoding="utf-8") as out:
        json.dump(result, out)
    QgsProject.instance().setDirty(False)  # it holds the store's layers: QGIS would ask to save it
    qgis.utils.iface.actionExit().trigger()

QTimer.singleShot(2000, _open)
"""


def test_desktop_question_shows_what_will_be_removed(tmp_path):
    from lagesbild.core.store import Store

    store_path = tmp_path / "store.gpkg"
    Store.create(store_path).close()
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / PLUGIN_NAME).symlink_to(ROOT, target_is_directory=True)
    shot = tmp_path / "question.png"
    run = run_desktop(tmp_path, tmp_path / "profiles", QUESTION_SCRIPT, plugin_path=plugins,
                      env={"LAGESBILD_QUESTION_SHOT": str(shot), "LAGESBILD_FORM_STORE": str(store_path)})
    result = run.result
    assert result["opened"] and result["box"], result
    assert result["title"] == "Remove personal data?"
    assert result["text"].splitlines()[2:6] == [
        "Place name: “Anna Svenssons” (person's name)",
        "Description: “070.123.45.67” (phone number)",
        "Description: “anna[at]example.se” (e-mail address)",
        "Description: “850101 1234” (personal identity number)",
    ]
    assert result["saved"] is False and "850101 1234" in result["description"]  # "No": nothing removed
    assert result["screenshot"] and shot.stat().st_size > 10_000, result
    run.assert_no_problems()
    if os.environ.get("LAGESBILD_KEEP_SCREENSHOTS"):
        shutil.copy(shot, os.environ["LAGESBILD_KEEP_SCREENSHOTS"])
