"""The real QGIS desktop under Xvfb: *Lägesbild → Import incidents…* opens
the dialog on the store, reads a CSV and previews it; the plugin then
unloads and loads again with no Python error and no warning from the plugin."""

from __future__ import annotations

from conftest import PLUGIN_NAME, ROOT, run_desktop
from import_helpers import write_csv

CHECK_SCRIPT = """
import json, os
import qgis.utils
from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction

result = {}

def _check():
    window = qgis.utils.iface.mainWindow()
    window.findChild(QAction, "LagesbildImportAction").trigger()
    dialog = qgis.utils.plugins["lagesbild"].import_dialog
    result["visible"] = dialog.isVisible()
    result["store"] = dialog.set_store(os.environ["IMPORT_STORE"])
    result["read"] = dialog.read_file(os.environ["IMPORT_CSV"])
    result["previewed"] = dialog.show_preview()
    table = dialog.preview_panel.problems
    result["problems"] = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    result["unloaded_ok"] = qgis.utils.unloadPlugin("lagesbild")
    QgsApplication.processEvents()
    result["dialogs_left"] = sum(1 for w in QgsApplication.topLevelWidgets()
                                 if w.objectName() == "LagesbildImportDialog" and w.isVisible())
    result["reloaded_ok"] = bool(qgis.utils.loadPlugin("lagesbild") and qgis.utils.startPlugin("lagesbild"))
    result["qgis"] = Qgis.version()
    with open(os.environ["LAGESBILD_DESKTOP_RESULT"], "w", encoding="utf-8") as out:
        json.dump(result, out)
    QgsProject.instance().setDirty(False)
    qgis.utils.iface.actionExit().trigger()

QTimer.singleShot(2000, _check)
"""


def test_the_desktop_opens_the_import_dialog_and_previews(tmp_path):
    from lagesbild.core.store import Store

    store = tmp_path / "store.gpkg"
    Store.create(store).close()
    source = write_csv(tmp_path / "rapporter.csv", [
        ["vandalism", "", "2026-03-01 21:30", "housing", "620000", "6650000", "", ""],
        ["skateboard", "", "2026-03-01 21:30", "housing", "620000", "6650000", "", ""]])
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / PLUGIN_NAME).symlink_to(ROOT, target_is_directory=True)
    run = run_desktop(tmp_path, tmp_path / "profiles", CHECK_SCRIPT, plugin_path=plugins,
                      env={"IMPORT_STORE": str(store), "IMPORT_CSV": str(source)})
    result = run.result
    assert result["visible"] and result["store"] and result["read"] and result["previewed"], result
    assert result["problems"] == [["3", "Category", "unknown category: skateboard"]], result
    assert result["unloaded_ok"] and result["dialogs_left"] == 0 and result["reloaded_ok"], result
    run.assert_no_problems()
