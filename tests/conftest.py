"""Test set-up: the plugin importable as ``lagesbild``, and QGIS fixtures.

The repository root is the plugin folder, but a clone's folder can have any
name. Before any test module imports the plugin, a temporary folder holding a
symlink ``lagesbild`` -> repository root is put first on ``sys.path``.
Nothing here touches QgsProject or builds a CRS at import time: pytest-qgis
starts the QGIS application only after the conftest files are loaded.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_NAME = "lagesbild"
QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
I18N_DIR = ROOT / "resources" / "i18n"


def _make_importable() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="lagesbild-import-"))
    (folder / PLUGIN_NAME).symlink_to(ROOT, target_is_directory=True)

    def cleanup() -> None:
        (folder / PLUGIN_NAME).unlink()  # the link only, never what it points at
        folder.rmdir()

    atexit.register(cleanup)
    sys.path.insert(0, str(folder))
    return folder


IMPORT_FOLDER = _make_importable()


def build_translations() -> list[Path]:
    """Build every .qm that is missing or older than its .ts, as `make i18n` does."""
    built = []
    for ts in sorted(I18N_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


@pytest.fixture(scope="session")
def translations_built() -> list[Path]:
    return build_translations()


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server with PostGIS on a free loopback port, for the whole
    session, stopped at its end (also after a failure)."""
    from pg_server import PostgresServer

    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture
def run(lagesbild_provider):
    """``processing.run`` with the plugin's provider registered."""
    from qgis import processing

    return processing.run


@pytest.fixture
def feedback_log(qgis_processing):
    """A new Processing feedback that keeps what an algorithm said (``infos``,
    ``warnings``), for the tests that read an algorithm's log."""
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings, self.infos = [], []

        def pushWarning(self, text):  # noqa: N802 (QGIS's name)
            self.warnings.append(text)

        def pushInfo(self, text):  # noqa: N802 (QGIS's name)
            self.infos.append(text)

    return Log


@pytest.fixture
def lagesbild_provider(qgis_processing):
    """The plugin's provider registered on top of pytest-qgis's Processing, for
    ``processing.run("lagesbild:…", …)``; removed again after the test."""
    from qgis.core import QgsApplication

    from lagesbild.algorithms.provider import PROVIDER_ID, LagesbildProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById(PROVIDER_ID)
    added = None
    if provider is None:
        added = LagesbildProvider()
        assert registry.addProvider(added)
        provider = added
    yield provider
    if added is not None:
        registry.removeProvider(added)


def package_zip() -> Path:
    """The zip `make package` builds (the Makefile builds it before the tests)."""
    version = re.search(r"^version=(.+)$", (ROOT / "metadata.txt").read_text(encoding="utf-8"), re.M).group(1)
    return ROOT / "dist" / f"{PLUGIN_NAME}-{version.strip()}.zip"


def install_package(zip_path: Path, profiles: Path) -> Path:
    """Unzip the package into a fresh profile, as the Plugin Manager's
    *Install from ZIP* does; returns the installed plugin folder."""
    plugins = profiles / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins)
    return plugins / PLUGIN_NAME


class QgisProcess:
    """The real ``qgis_process.bin`` with the plugin enabled in its own profile:
    the working tree through ``QGIS_PLUGINPATH``, or with ``package`` the zip
    installed into the fresh profile itself."""

    def __init__(self, base: Path, package: Path | None = None):
        runtime = base / "xdg-runtime"
        runtime.mkdir(mode=0o700, parents=True)
        profile = base / "profile"
        profile.mkdir()
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_RUNTIME_DIR": str(runtime),
            "QGIS_CUSTOM_CONFIG_PATH": str(profile),
        }
        self.env.pop("PYTHONPATH", None)
        self.env.pop("QGIS_PLUGINPATH", None)
        if package is None:
            plugin_path = base / "plugins"
            plugin_path.mkdir(parents=True)
            (plugin_path / PLUGIN_NAME).symlink_to(ROOT, target_is_directory=True)
            self.env["QGIS_PLUGINPATH"] = str(plugin_path)
        else:
            self.installed = install_package(package, profile)
        self.cli(["plugins", "enable", PLUGIN_NAME])

    def cli(self, args: list[str], expect_ok: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run([QGIS_PROCESS, *args], env=self.env, capture_output=True, text=True, timeout=900)
        if (done.returncode == 0) != expect_ok:
            raise AssertionError(
                f"qgis_process.bin {' '.join(args)} exited with {done.returncode}"
                f" (expected {'0' if expect_ok else 'non-zero'})\n"
                f"--- stdout ---\n{done.stdout}\n--- stderr ---\n{done.stderr}"
            )
        return done

    def run(self, algorithm_id: str, params: dict, expect_ok: bool = True) -> dict:
        """Run an algorithm; returns qgis_process's JSON (``results``, ``log``…)."""
        args = ["--json", "run", algorithm_id, "--"]
        for key, value in params.items():
            values = value if isinstance(value, (list, tuple)) else [value]
            for item in values:
                if isinstance(item, bool):
                    item = "true" if item else "false"
                args.append(f"{key}={item}")
        done = self.cli(args, expect_ok=expect_ok)
        if expect_ok:
            return parse_json_output(done.stdout)
        # a failed run may print no JSON: give what there is
        try:
            result = parse_json_output(done.stdout)
        except (AssertionError, ValueError):
            result = {}
        return {**result, "returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}


def parse_json_output(stdout: str) -> dict:
    """The JSON document in qgis_process's stdout (it can print lines before it)."""
    start = stdout.find("{")
    if start < 0:
        raise AssertionError(f"no JSON in qgis_process's output:\n{stdout}")
    return json.loads(stdout[start:])


@pytest.fixture(scope="session")
def qgis_process(tmp_path_factory) -> QgisProcess:
    return QgisProcess(tmp_path_factory.mktemp("qgis-process"))


@pytest.fixture(scope="session")
def qgis_process_run(qgis_process):
    """``run(algorithm_id, params, expect_ok=True) -> dict`` through the real qgis_process."""
    return qgis_process.run


# The real QGIS desktop under Xvfb ---------------------------------------------

DESKTOP_TIMEOUT = 180

# Runs before QGIS loads any plugin (PYQGIS_STARTUP): records the message log.
DESKTOP_EARLY_SCRIPT = """
import json, os
from qgis.core import QgsApplication

def _lagesbild_desktop_record(message, tag, level):
    with open(os.environ["LAGESBILD_DESKTOP_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps({"tag": tag, "level": int(getattr(level, "value", level)), "message": message}) + "\\n")

QgsApplication.messageLog().messageReceived.connect(_lagesbild_desktop_record)
"""


class DesktopRun:
    """What one run of the desktop left: the check script's ``result`` (the
    JSON it wrote to $LAGESBILD_DESKTOP_RESULT), the console ``output``, and
    the ``problems``: Python errors, and warnings or worse that name the plugin."""

    def __init__(self, result: dict, output: str, messages: list[dict]):
        self.result, self.output = result, output
        self.problems = [
            m for m in messages
            if m["tag"] == "Python error"
            or (m["level"] >= 1 and PLUGIN_NAME in (m["message"] + m["tag"]).lower())  # Warning and worse
        ]

    def assert_no_problems(self) -> None:
        assert not self.problems, f"QGIS {self.result.get('qgis')} logged:\n" + "\n".join(
            f"[{m['tag']}] {m['message']}" for m in self.problems)
        assert "Traceback" not in self.output or PLUGIN_NAME not in self.output, self.output[-4000:]
        # a desktop left waiting (a question on quitting, a modal box) costs the
        # whole timeout on every run: the check script must leave it able to quit
        assert not self.output.startswith("(QGIS did not quit"), self.output[:200]


def run_desktop(tmp_path: Path, profiles: Path, check_script: str, env: dict | None = None,
                plugin_path: Path | None = None) -> DesktopRun:
    """Start the QGIS desktop under Xvfb with the plugin enabled in ``profiles``
    (found there, or in ``plugin_path``), run ``check_script`` (--code; it must
    write its result and quit), and collect what it left."""
    if not shutil.which("xvfb-run") or not shutil.which("qgis"):
        pytest.fail("the desktop test needs xvfb-run and qgis (make deps installs them)")
    settings = profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[PythonPlugins]\n{PLUGIN_NAME}=true\n", encoding="utf-8")
    early, check = tmp_path / "early.py", tmp_path / "check.py"
    early.write_text(textwrap.dedent(DESKTOP_EARLY_SCRIPT), encoding="utf-8")
    check.write_text(textwrap.dedent(check_script), encoding="utf-8")
    runtime = tmp_path / "xdg-runtime"
    runtime.mkdir(mode=0o700)
    log, result_file = tmp_path / "messages.jsonl", tmp_path / "result.json"
    full_env = {
        **{k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "PYTHONPATH", "QGIS_PLUGINPATH", "QGIS_CUSTOM_CONFIG_PATH")},
        "XDG_RUNTIME_DIR": str(runtime),
        "HOME": str(tmp_path),
        "PYQGIS_STARTUP": str(early),
        "LAGESBILD_DESKTOP_LOG": str(log),
        "LAGESBILD_DESKTOP_RESULT": str(result_file),
        **(env or {}),
    }
    if plugin_path is not None:
        full_env["QGIS_PLUGINPATH"] = str(plugin_path)
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--noversioncheck", "--nologo",
               "--profiles-path", str(profiles), "--code", str(check)]
    try:
        done = subprocess.run(command, env=full_env, capture_output=True, text=True, timeout=DESKTOP_TIMEOUT)
        output = done.stdout + done.stderr
    except subprocess.TimeoutExpired as expired:  # judged by what it wrote
        output = f"(QGIS did not quit within {DESKTOP_TIMEOUT} s)\n{expired.stdout}{expired.stderr}"
    assert result_file.exists(), f"the desktop check did not run:\n{output[-4000:]}"
    messages = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    return DesktopRun(json.loads(result_file.read_text(encoding="utf-8")), output, messages)
