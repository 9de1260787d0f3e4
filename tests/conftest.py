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
