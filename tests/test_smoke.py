"""The smoke set (`make smoke QGIS=…`; part of `make test` too): what a user of
each QGIS version meets first.

- the package zip (`make package`) installs into a fresh profile, and
  qgis_process lists the provider from there;
- the QGIS desktop, under Xvfb, loads the installed plugin, unloads and loads
  it again, with no Python error and no warning about the plugin in the
  message log;
- every algorithm of the provider runs once through qgis_process on a demo
  store. A new algorithm gets its parameters in SMOKE_PARAMETERS: the test
  fails for an algorithm without an entry.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PLUGIN_NAME, QgisProcess, install_package, package_zip, parse_json_output, run_desktop

pytestmark = pytest.mark.smoke

# Placeholders: {demo} is a demo store (2 000 incidents up to DEMO_END_DATE),
# {out} a fresh folder for this algorithm's outputs.
DEMO_END_DATE = "2025-06-30"
SMOKE_PARAMETERS: dict[str, dict] = {
    "lagesbild:createstore": {"STORE": "{out}/new-store.gpkg"},
    "lagesbild:copystore": {"INPUT": "{demo}", "OUTPUT": "{out}/copy.gpkg"},
    # {pg}: a store on the tests' own PostgreSQL, with the login smoke_login
    "lagesbild:grantaccess": {"STORE": "{pg}", "LOGIN": "smoke_login", "ORGANISATION": "housing", "ROLE": 0},
    "lagesbild:demodata": {"STORE": "{out}/demo.gpkg", "SIZE": 1000, "SEED": 3, "END_DATE": DEMO_END_DATE},
    # the demo store's own incidents into itself: every one is there already (a duplicate)
    "lagesbild:importincidents": {"INPUT": "{demo}|layername=incidents", "STORE": "{demo}",
                                  "OUTPUT_REJECTED": "{out}/rejected.csv"},
    "lagesbild:hotspots": {"INPUT": "{demo}|layername=incidents", "OUTPUT": "{out}/hotspots.gpkg"},
    "lagesbild:density": {"INPUT": "{demo}|layername=incidents", "OUTPUT": "{out}/density.tif"},
    "lagesbild:timeprofile": {"INPUT": "{demo}|layername=incidents", "OUTPUT": "{out}/timeprofile.gpkg",
                              "OUTPUT_HTML": "{out}/timeprofile.html"},
    "lagesbild:periodcomparison": {"INPUT": "{demo}|layername=incidents", "GROUP_BY": 1,
                                   "PERIOD_A_START": "2024-01-01", "PERIOD_A_END": "2024-06-29",
                                   "PERIOD_B_START": "2025-01-01", "PERIOD_B_END": "2025-06-29",
                                   "OUTPUT": "{out}/comparison.gpkg"},
    "lagesbild:measurefollowup": {"INPUT": "{demo}|layername=incidents",
                                  "TARGET": "{demo}|layername=measures|subset=fid = 1", "BUFFER_WIDTH": 150,
                                  "BEFORE_START": "2024-01-01", "BEFORE_END": "2024-03-31",
                                  "AFTER_START": "2025-01-01", "AFTER_END": "2025-03-31",
                                  "OUTPUT": "{out}/followup.gpkg"},
    "lagesbild:nearrepeat": {"INPUT": "{demo}|layername=incidents", "PERMUTATIONS": 99, "SEED": 1,
                             "OUTPUT": "{out}/nearrepeat.gpkg", "OUTPUT_HTML": "{out}/nearrepeat.html"},
    "lagesbild:emerginghotspots": {"INPUT": "{demo}|layername=incidents", "TIME_STEP": 1,
                                   "OUTPUT": "{out}/emerging.gpkg"},
    "lagesbild:verifystore": {"STORE": "{demo}"},
    "lagesbild:fieldproject": {"STORE": "{demo}", "OUTPUT": "{out}/field", "ORGANISATION": "housing",
                               "DAYS": 3660},
    # {field}: a field copy of the demo store, made by lagesbild:fieldproject
    "lagesbild:mergefield": {"FIELD": "{field}", "STORE": "{demo}", "OUTPUT_CONFLICTS": "{out}/conflicts.gpkg"},
    "lagesbild:situationreport": {"STORE": "{demo}", "PERIOD_START": "2025-06-02", "PERIOD_END": "2025-06-29",
                                  "OUTPUT_PDF": "{out}/report.pdf"},
    "lagesbild:publishaggregates": {"STORE": "{demo}", "PERIOD_START": "2025-01-01", "PERIOD_END": "2025-06-29",
                                    "OUTPUT": "{out}/published.csv"},
    "lagesbild:retention": {"STORE": "{demo}"},  # a dry run: the demo store stays as it is
}


@pytest.fixture(scope="session")
def packaged_qgis_process(tmp_path_factory) -> QgisProcess:
    """qgis_process with the plugin installed from the zip into a fresh profile."""
    zip_path = package_zip()
    if not zip_path.is_file():
        pytest.fail(f"{zip_path} is missing: run `make package` (make test and make smoke do)")
    return QgisProcess(tmp_path_factory.mktemp("packaged"), package=zip_path)


@pytest.fixture(scope="session")
def provider_algorithms(packaged_qgis_process) -> list[str]:
    listing = parse_json_output(packaged_qgis_process.cli(["--json", "list"]).stdout)
    return sorted(listing["providers"][PLUGIN_NAME]["algorithms"])


@pytest.fixture(scope="session")
def demo_store(packaged_qgis_process, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("smoke-demo") / "demo.gpkg"
    packaged_qgis_process.run(f"{PLUGIN_NAME}:demodata",
                              {"STORE": path, "SIZE": 2000, "SEED": 1, "END_DATE": DEMO_END_DATE})
    return path


@pytest.fixture(scope="session")
def smoke_field_copy(packaged_qgis_process, demo_store, tmp_path_factory) -> Path:
    """A field copy of the demo store (lagesbild:mergefield merges it back: it adds nothing)."""
    folder = tmp_path_factory.mktemp("smoke-field") / "field"
    result = packaged_qgis_process.run(f"{PLUGIN_NAME}:fieldproject",
                                       {"STORE": demo_store, "OUTPUT": folder, "ORGANISATION": "housing"})
    return Path(result["results"]["FIELD_COPY"])


@pytest.fixture(scope="session")
def smoke_pg_store(postgres_server) -> str:
    """A store on the tests' own PostgreSQL and a login to grant, for the
    algorithms that need a server store."""
    from lagesbild.core.store import Store, StoreLocation

    postgres_server.sql("lagesbild_test", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                        "'smoke_login') THEN CREATE ROLE smoke_login LOGIN; END IF; END $$")
    location = StoreLocation.parse(f"{postgres_server.dsn()} schema=smoke")
    Store.create(location).close()
    return location.display


def test_package_installs_into_a_fresh_profile(packaged_qgis_process, provider_algorithms):
    installed = packaged_qgis_process.installed
    assert (installed / "metadata.txt").is_file()
    assert not (installed / "tests").exists()  # the zip carries the plugin only
    assert provider_algorithms, "qgis_process lists no algorithm of the installed plugin"


def test_every_algorithm_has_smoke_parameters(provider_algorithms):
    missing = sorted(set(provider_algorithms) - set(SMOKE_PARAMETERS))
    assert not missing, f"add these algorithms to SMOKE_PARAMETERS in {Path(__file__).name}: {missing}"


@pytest.mark.parametrize("algorithm_id", sorted(SMOKE_PARAMETERS))
def test_algorithm_runs_once_through_qgis_process(algorithm_id, packaged_qgis_process, provider_algorithms,
                                                   demo_store, tmp_path, request):
    if algorithm_id not in provider_algorithms:
        pytest.skip(f"{algorithm_id} is not (yet) in the provider's ALGORITHM_CLASSES")
    needs_server = any("{pg}" in str(v) for v in SMOKE_PARAMETERS[algorithm_id].values())
    pg = request.getfixturevalue("smoke_pg_store") if needs_server else ""
    needs_field = any("{field}" in str(v) for v in SMOKE_PARAMETERS[algorithm_id].values())
    field = request.getfixturevalue("smoke_field_copy") if needs_field else ""
    parameters = {
        key: str(value).format(demo=demo_store, out=tmp_path, pg=pg, field=field)
        if isinstance(value, (str, Path)) else value
        for key, value in SMOKE_PARAMETERS[algorithm_id].items()
    }
    result = packaged_qgis_process.run(algorithm_id, parameters)
    assert result.get("results"), f"{algorithm_id} returned no results: {result}"
    for key, value in result["results"].items():
        if isinstance(value, str) and value.startswith(str(tmp_path)):
            assert Path(value.split("|")[0]).exists(), f"{algorithm_id}: output {key} was not written: {value}"


# The desktop ---------------------------------------------------------------

# Runs in the started desktop (--code): checks, unloads and loads again, quits.
CHECK_SCRIPT = """
import json, os
import qgis.utils
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QTimer

def _state():
    return {
        "active": "lagesbild" in qgis.utils.active_plugins,
        "provider": QgsApplication.processingRegistry().providerById("lagesbild") is not None,
        "menu": any(a.text().replace("&", "") == "Lägesbild"
                    for a in qgis.utils.iface.mainWindow().menuBar().actions()),
    }

def _check():
    result = {"qgis": Qgis.version(), "loaded": _state()}
    result["unloaded_ok"] = qgis.utils.unloadPlugin("lagesbild")
    QgsApplication.processEvents()
    result["unloaded"] = _state()
    result["reloaded_ok"] = bool(qgis.utils.loadPlugin("lagesbild") and qgis.utils.startPlugin("lagesbild"))
    result["reloaded"] = _state()
    with open(os.environ["LAGESBILD_DESKTOP_RESULT"], "w", encoding="utf-8") as out:
        json.dump(result, out)
    from qgis.core import QgsProject
    QgsProject.instance().setDirty(False)  # it holds the store's layers: QGIS would ask to save it
    qgis.utils.iface.actionExit().trigger()

QTimer.singleShot(2000, _check)
"""


def test_desktop_loads_the_installed_plugin_without_python_errors(tmp_path):
    zip_path = package_zip()
    assert zip_path.is_file(), f"{zip_path} is missing: run `make package`"
    profiles = tmp_path / "profiles"
    install_package(zip_path, profiles)
    run = run_desktop(tmp_path, profiles, CHECK_SCRIPT)
    result = run.result
    everything = {"active": True, "provider": True, "menu": True}
    assert result["loaded"] == everything, result
    assert result["unloaded_ok"] and result["unloaded"] == {k: False for k in everything}, result
    assert result["reloaded_ok"] and result["reloaded"] == everything, result
    run.assert_no_problems()
