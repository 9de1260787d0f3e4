#!/usr/bin/env python3
"""Make the README's screenshots in ``resources/doc/`` from the real QGIS
desktop under Xvfb (the two docks on the demo store) and from a rendered
page of the demo report (``pdftoppm``).

    .venv/bin/python scripts/take_screenshots.py [LANGUAGE]

Needs ``xvfb-run``, ``qgis`` and ``pdftoppm`` (``make deps``). LANGUAGE is
``en`` (default) or ``sv``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "resources" / "doc"
WIDTH = 1000  # px: the screenshots are scaled down to this width

STARTUP = """
import os
import qgis.utils
from qgis.core import QgsProject, QgsRectangle, QgsWkbTypes
from qgis.PyQt.QtCore import QTimer, Qt
from qgis.PyQt.QtWidgets import QApplication, QDockWidget

STORE, OUT = os.environ["SHOT_STORE"], os.environ["SHOT_OUT"]


def save(image, name):
    image = image.scaledToWidth(min({width}, image.width()), Qt.TransformationMode.SmoothTransformation)
    image.save(os.path.join(OUT, name), "PNG", 0)


def open_docks():
    window = qgis.utils.iface.mainWindow()
    window.setGeometry(0, 0, 1400, 860)
    form = window.findChild(QDockWidget, "LagesbildIncidentFormDock")
    situation = window.findChild(QDockWidget, "LagesbildSituationDock")
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, form)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, situation)
    for dock in (form, situation):
        dock.show()
    form.open_store(STORE)
    form.place_name.setText("Storgatan 12")
    form.description.setPlainText("Broken window in the stairwell, found in the morning round.")
    situation.open_store(STORE)
    situation.load_layers()
    for name in ("Browser", "PythonConsole"):
        panel = window.findChild(QDockWidget, name)
        if panel is not None:
            panel.hide()
    QTimer.singleShot(3000, zoom)


def zoom():
    extent = QgsRectangle()  # the demo town: its areas' bounds, read from the features themselves
    for layer in QgsProject.instance().mapLayers().values():
        if getattr(layer, "geometryType", None) and layer.geometryType() == QgsWkbTypes.PolygonGeometry:
            for feature in layer.getFeatures():
                extent.combineExtentWith(feature.geometry().boundingBox())
    if not extent.isEmpty():
        extent.scale(1.05)
        qgis.utils.iface.mapCanvas().setExtent(extent)
        qgis.utils.iface.mapCanvas().refresh()
    print("zoomed to", extent.toString(0), flush=True)
    QTimer.singleShot(4000, grab)


def grab():
    window = qgis.utils.iface.mainWindow()
    save(QApplication.primaryScreen().grabWindow(0, 0, 0, 1400, 860).toImage(), "desktop.png")
    os._exit(0)  # nothing to save; a normal exit would ask about the form's typed text


QTimer.singleShot(2000, open_docks)
"""


def main(argv: list[str]) -> int:
    language = argv[1] if len(argv) > 1 else "en"
    DOC.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="lagesbild-shots-"))
    plugins = work / "plugins"
    plugins.mkdir()
    (plugins / "lagesbild").symlink_to(ROOT, target_is_directory=True)
    sys.path.insert(0, str(plugins))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from lagesbild.core.domain.periods import last_days
    from lagesbild.core.presentation.report import ReportOptions, export_report
    from lagesbild.core.store import Store
    from lagesbild.core.store.demo_store import build_demo_store

    today = date.today()
    store = work / "lagesbild-demo.gpkg"
    build_demo_store(store, 20000, 1, today)
    with Store.open(store) as opened:
        opened.set_report_identity("Solviks kommun")
    pdf = work / "report.pdf"
    export_report(store, pdf, ReportOptions(last_days(14, today), "previous", title="Situation picture",
                                            today=today))
    subprocess.run(["pdftoppm", "-r", "70", "-f", "1", "-l", "1", "-png", "-singlefile", str(pdf),
                    str(DOC / "report-page")], check=True)

    profiles = work / "profiles"
    settings = profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text(f"[PythonPlugins]\nlagesbild=true\n[locale]\noverrideFlag=true\nuserLocale={language}\n",
                        encoding="utf-8")
    startup = work / "startup.py"
    startup.write_text(textwrap.dedent(STARTUP.format(width=WIDTH)), encoding="utf-8")
    runtime = work / "xdg"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "PYTHONPATH")}
    env.update(QGIS_PLUGINPATH=str(plugins), XDG_RUNTIME_DIR=str(runtime), HOME=str(work),
               SHOT_STORE=str(store), SHOT_OUT=str(DOC))
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--noversioncheck", "--nologo",
                    "--profiles-path", str(profiles), "--code", str(startup)], env=env, timeout=120, check=False)
    for name in ("desktop.png", "report-page.png"):
        path = DOC / name
        print(f"{path}: {path.stat().st_size // 1024} KB" if path.exists() else f"{path}: missing")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
