"""The real QGIS desktop under Xvfb with the plugin enabled: the incident form
dock opens on a store, a screenshot is saved, and the message log has no
Python error and no warning from the plugin (recipe: tests/test_smoke.py)."""

from __future__ import annotations

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
