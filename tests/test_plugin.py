"""The plugin's lifecycle against real QGIS registries and Qt objects."""

import logging

import pytest
from qgis.core import Qgis, QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QDockWidget, QMenu, QToolBar

from lagesbild import classFactory
from lagesbild.core.i18n import tr
from lagesbild.ui import DOCKS

ALGORITHM_IDS = ["lagesbild:createstore", "lagesbild:demodata"]
ACTION_TIP = "Show which version of Lägesbild is running"
ACTION_TIP_SV = "Visa vilken version av Lägesbild som körs"


@pytest.fixture
def swedish_locale(translations_built):
    settings = QgsSettings()
    before = settings.value("locale/userLocale", None)
    settings.setValue("locale/userLocale", "sv_SE")
    yield
    if before is None:
        settings.remove("locale/userLocale")
    else:
        settings.setValue("locale/userLocale", before)


def registry():
    return QgsApplication.processingRegistry()


def state(main_window) -> dict:
    """What the plugin may add: compared before loading and after unloading."""
    return {
        "providers": sorted(p.id() for p in registry().providers()),
        "menus": [a.text() for a in main_window.menuBar().actions()],
        "toolbars": sorted(t.objectName() for t in main_window.findChildren(QToolBar)),
        "docks": sorted(type(d).__name__ for d in main_window.findChildren(QDockWidget)),
        "handlers": list(logging.getLogger("lagesbild").handlers),
        "level": logging.getLogger("lagesbild").level,
    }


def test_class_factory_without_iface_registers_the_provider():
    assert registry().providerById("lagesbild") is None
    plugin = classFactory(None)
    plugin.initProcessing()
    try:
        provider = registry().providerById("lagesbild")
        assert provider is not None and provider.name() == "Lägesbild"
        for algorithm_id in ALGORITHM_IDS:
            assert registry().algorithmById(algorithm_id) is not None, algorithm_id
        plugin.initProcessing()  # a second call registers nothing more
        assert [p.id() for p in registry().providers()].count("lagesbild") == 1
    finally:
        plugin.unload()
    assert registry().providerById("lagesbild") is None
    assert registry().algorithmById(ALGORITHM_IDS[0]) is None


def test_gui_load_and_unload_twice_leaves_nothing_behind(qgis_iface, swedish_locale):
    main_window = qgis_iface.mainWindow()
    before = state(main_window)
    assert tr(ACTION_TIP) == ACTION_TIP  # no Swedish translator installed yet

    for _ in range(2):
        plugin = classFactory(qgis_iface)
        plugin.initGui()
        loaded = state(main_window)
        assert loaded["providers"] == sorted(before["providers"] + ["lagesbild"])
        assert loaded["menus"] == before["menus"][:-1] + ["&Lägesbild"] + before["menus"][-1:]
        assert loaded["toolbars"] == sorted(before["toolbars"] + ["LagesbildToolbar"])
        assert len(loaded["handlers"]) == len(before["handlers"]) + 1
        toolbar = main_window.findChild(QToolBar, "LagesbildToolbar")
        # one toggle for each dock of ui.DOCKS, then the import and the version action
        actions = toolbar.actions()
        assert actions[-1].statusTip() == ACTION_TIP_SV
        assert actions[:-2] == [dock.toggleViewAction() for dock in plugin.docks]
        # four actions told apart: their own icons, tooltips and (in the menu) names
        images = [action.icon().pixmap(32, 32).toImage() for action in actions]
        assert all(not image.isNull() for image in images)
        assert all(images[i] != images[j] for i in range(4) for j in range(i + 1, 4))
        assert len({action.toolTip() for action in actions}) == 4
        menu = main_window.findChild(QMenu, "LagesbildMenu")
        names = [action.text() for action in menu.actions() if not action.isSeparator()]
        assert names == ["Lägesbild", "Rapportera händelse", "Importera händelser…", "Om Lägesbild"], names
        actions[-2].trigger()  # the import dialog, kept for the next time, gone with the plugin
        dialog = plugin.import_dialog
        assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Importera händelser"
        actions[-2].trigger()
        assert plugin.import_dialog is dialog
        assert sorted(type(d).__name__ for d in plugin.docks) == sorted(name for _, name in DOCKS)
        docks = list(plugin.docks)
        translator = plugin.translator
        assert translator is not None
        assert tr(ACTION_TIP) == ACTION_TIP_SV

        qgis_iface.messageBar().clear_messages()
        toolbar.actions()[-1].trigger()
        from lagesbild.__about__ import __version__

        assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Info) == [
            f"no-title:Lägesbild {__version__} körs."
        ]

        plugin.unload()
        assert state(main_window) == before
        assert plugin.docks == [] and all(dock.parent() is None for dock in docks)
        assert plugin.import_dialog is None and dialog.parent() is None and not dialog.isVisible()
        # removeTranslator answers False for a translator that is not installed
        assert QCoreApplication.removeTranslator(translator) is False
        assert tr(ACTION_TIP) == ACTION_TIP


def test_qgis_process_lists_the_provider(qgis_process):
    listing = qgis_process.cli(["list"]).stdout
    assert "Lägesbild" in listing
    for algorithm_id in ALGORITHM_IDS:
        assert algorithm_id in listing


def test_qgis_process_json_list(qgis_process):
    from conftest import parse_json_output

    listing = parse_json_output(qgis_process.cli(["--json", "list"]).stdout)
    provider = listing["providers"]["lagesbild"]
    assert provider["name"] == "Lägesbild"
    assert set(ALGORITHM_IDS) <= set(provider["algorithms"])


def test_qgis_process_run_reports_failures(qgis_process_run):
    failed = qgis_process_run("lagesbild:nosuchalgorithm", {"STORE": "x.gpkg"}, expect_ok=False)
    assert failed["returncode"] != 0
    with pytest.raises(AssertionError, match=r"(?s)lagesbild:nosuchalgorithm.*--- stderr ---.*not found"):
        qgis_process_run("lagesbild:nosuchalgorithm", {}, expect_ok=True)
