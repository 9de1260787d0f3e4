"""The real QGIS desktop under Xvfb with the plugin enabled: the incident form
dock opens on a store, a screenshot is saved, and the message log has no
Python error and no warning from the plugin (recipe: tests/test_smoke.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap

import pytest
from conftest import PLUGIN_NAME, ROOT

pytestmark = pytest.mark.smoke

DESKTOP_TIMEOUT = 180

# Runs before QGIS loads any plugin (PYQGIS_STARTUP): records the message log.
EARLY_SCRIPT = """
import json, os
from qgis.core import QgsApplication

def _lagesbild_form_record(message, tag, level):
    with open(os.environ["LAGESBILD_FORM_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps({"tag": tag, "level": int(getattr(level, "value", level)), "message": message}) + "\\n")

QgsApplication.messageLog().messageReceived.connect(_lagesbild_form_record)
"""

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
    with open(os.environ["LAGESBILD_FORM_RESULT"], "w", encoding="utf-8") as out:
        json.dump(result, out)
    qgis.utils.iface.actionExit().trigger()

QTimer.singleShot(2000, _open)
"""


def test_desktop_opens_the_incident_form(tmp_path):
    if not shutil.which("xvfb-run") or not shutil.which("qgis"):
        pytest.fail("the desktop test needs xvfb-run and qgis (make deps installs them)")
    from lagesbild.core.store import Store

    store_path = tmp_path / "store.gpkg"
    Store.create(store_path).close()
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / PLUGIN_NAME).symlink_to(ROOT, target_is_directory=True)
    profiles = tmp_path / "profiles"
    settings = profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text(f"[PythonPlugins]\n{PLUGIN_NAME}=true\n", encoding="utf-8")
    (tmp_path / "early.py").write_text(textwrap.dedent(EARLY_SCRIPT), encoding="utf-8")
    (tmp_path / "check.py").write_text(textwrap.dedent(CHECK_SCRIPT), encoding="utf-8")
    runtime = tmp_path / "xdg-runtime"
    runtime.mkdir(mode=0o700)
    log, result_file, shot = tmp_path / "messages.jsonl", tmp_path / "result.json", tmp_path / "form.png"
    env = {
        **{k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "PYTHONPATH", "QGIS_CUSTOM_CONFIG_PATH")},
        "QGIS_PLUGINPATH": str(plugins),
        "XDG_RUNTIME_DIR": str(runtime),
        "HOME": str(tmp_path),
        "PYQGIS_STARTUP": str(tmp_path / "early.py"),
        "LAGESBILD_FORM_LOG": str(log),
        "LAGESBILD_FORM_RESULT": str(result_file),
        "LAGESBILD_FORM_SHOT": str(shot),
        "LAGESBILD_FORM_STORE": str(store_path),
    }
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--noversioncheck", "--nologo",
               "--profiles-path", str(profiles), "--code", str(tmp_path / "check.py")]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=DESKTOP_TIMEOUT)
        output = done.stdout + done.stderr
    except subprocess.TimeoutExpired as expired:  # judged by what it wrote
        output = f"(QGIS did not quit within {DESKTOP_TIMEOUT} s)\n{expired.stdout}{expired.stderr}"
    assert result_file.exists(), f"the desktop check did not run:\n{output[-4000:]}"
    result = json.loads(result_file.read_text(encoding="utf-8"))
    assert result["found"] and result["opened"], result
    assert result["visible"], result
    assert result["title"] == "Report incident", result
    assert result["categories"] == 12 and result["flag"], result  # 11 categories and "choose…"
    assert result["screenshot"] and shot.stat().st_size > 10_000, result

    messages = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    problems = [
        m for m in messages
        if m["tag"] == "Python error"
        or (m["level"] >= 1 and PLUGIN_NAME in (m["message"] + m["tag"]).lower())  # Warning and worse
    ]
    assert not problems, f"QGIS {result['qgis']} logged:\n" + "\n".join(
        f"[{m['tag']}] {m['message']}" for m in problems)
    assert "Traceback" not in output or PLUGIN_NAME not in output, output[-4000:]
