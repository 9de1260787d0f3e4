"""Lifecycle of the plugin: register on load, undo every registration on unload."""

from qgis.core import Qgis, QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from . import __about__
from .algorithms.provider import ICON_PATH, PROVIDER_ID, LagesbildProvider
from .core import log
from .core.i18n import tr, translation_file
from .core.resources import FORM_ICON, SITUATION_ICON

OBJECT_NAME = "Lagesbild"


def user_language() -> str:
    """Two-letter language of the QGIS user interface, e.g. "sv" or "en"."""
    locale = QgsSettings().value("locale/userLocale", "", type=str) or QLocale().name()
    return locale[:2].lower()


def _dock_action(class_name: str) -> tuple[str, str, object]:
    """The text, tooltip and icon of a dock's action in the menu and toolbar."""
    return {
        "SituationDock": (tr("Situation picture"), tr("Situation picture: open a store, load its layers, filter "
                                                       "them, and make the report"), SITUATION_ICON),
        "IncidentFormDock": (tr("Report incident"), tr("Report an incident, or review and handle one"),
                             FORM_ICON),
    }.get(class_name, ("", "", None))


class LagesbildPlugin:
    def __init__(self, iface):  # noqa: QGS105 (QGIS hands the plugin its iface here)
        self.iface = iface  # None when qgis_process loads the plugin
        self.provider = None
        self.translator = None
        self.menu = None
        self.toolbar = None
        self.actions = []
        self.docks = []
        self.current_store = ""  # the store the docks show, as shown to users (no password)
        self.import_dialog = None  # kept between openings: nothing chosen in it is lost

    # Processing (called alone by qgis_process, and by initGui) -----------

    def initProcessing(self) -> None:
        log.install()
        self._install_translator()
        registry = QgsApplication.processingRegistry()
        if registry.providerById(PROVIDER_ID) is None:
            self.provider = LagesbildProvider()
            if not registry.addProvider(self.provider):
                self.provider = None
                log.logger.error("The Processing provider %s could not be registered.", PROVIDER_ID)

    def _install_translator(self) -> None:
        if self.translator is not None:
            return
        path = translation_file(user_language())
        if not path.exists():  # English is the source language: nothing to load
            return
        translator = QTranslator()
        if translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            self.translator = translator
        else:
            log.logger.warning("Could not load the translation %s.", path)

    # GUI ----------------------------------------------------------------

    def initGui(self) -> None:
        self.initProcessing()
        main_window = self.iface.mainWindow()
        self.menu = QMenu(tr("&Lägesbild"), main_window)
        self.menu.setObjectName(f"{OBJECT_NAME}Menu")
        self.toolbar = self.iface.addToolBar(tr("Lägesbild"))
        self.toolbar.setObjectName(f"{OBJECT_NAME}Toolbar")
        self._add_docks(main_window)

        importing = QAction(QgsApplication.getThemeIcon("/mActionSharingImport.svg"), tr("Import incidents…"),
                            main_window)
        importing.setObjectName(f"{OBJECT_NAME}ImportAction")
        importing.setToolTip(tr("Import incidents from a file or a layer, with a preview of every row first"))
        importing.triggered.connect(self.show_import_dialog)
        self.actions.append((importing, self.show_import_dialog))
        self.menu.addAction(importing)
        self.toolbar.addAction(importing)

        action = QAction(QIcon(str(ICON_PATH)), tr("About Lägesbild"), main_window)
        action.setObjectName(f"{OBJECT_NAME}Action")
        action.setToolTip(tr("About Lägesbild: which version is running"))
        action.setStatusTip(tr("Show which version of Lägesbild is running"))
        action.triggered.connect(self.show_version)
        self.actions.append((action, self.show_version))
        self.menu.addSeparator()
        self.menu.addAction(action)
        self.toolbar.addAction(action)

        QgsProject.instance().layersAdded.connect(self._layers_added)

        menu_bar = main_window.menuBar()
        existing = menu_bar.actions()
        if existing:  # before the last menu, Help, as QGIS's own plugins do
            menu_bar.insertMenu(existing[-1], self.menu)
        else:
            menu_bar.addMenu(self.menu)

    def _add_docks(self, main_window) -> None:
        """Every dock in ui.DOCKS, hidden until its toggle action is used; a
        store opened in one dock is opened in the others."""
        import importlib

        from .ui import DOCKS

        for module_name, class_name in DOCKS:
            dock_class = getattr(importlib.import_module(f".ui.{module_name}", __package__), class_name)
            dock = dock_class(self.iface)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
            toggle = dock.toggleViewAction()
            text, tip, icon = _dock_action(class_name)
            if text:
                dock.setWindowIcon(QIcon(str(icon)))
                toggle.setText(text)
                toggle.setToolTip(tip)
            toggle.setIcon(dock.windowIcon())
            self.menu.addAction(toggle)
            self.toolbar.addAction(toggle)
            dock.store_opened.connect(self.open_store_everywhere)
            self.docks.append(dock)

    def open_store_everywhere(self, location) -> None:
        """The plugin's one current store: a store opened in one dock (the
        sender) is opened in every other dock that does not show it yet."""
        shown = getattr(location, "display", str(location))
        if shown == self.current_store:
            return
        self.current_store = shown
        for dock in self.docks:
            if dock.current_store() != shown:
                dock.open_store(location)
        if self.import_dialog is not None and not self.import_dialog.busy:
            self.import_dialog.set_store(location)

    def _store_to_import_into(self):
        """The store a dock has open, else the one last opened."""
        from .core import settings

        for dock in self.docks:
            store = getattr(dock, "store", None)
            if store is not None:
                return store.location
        return settings.load().last_store or None

    def show_import_dialog(self) -> None:
        from .ui.import_dialog import ImportDialog

        if self.import_dialog is None:
            self.import_dialog = ImportDialog(self._store_to_import_into(), self.iface.mainWindow())
            self.import_dialog.imported.connect(self._imported)
        self.import_dialog.show()
        self.import_dialog.raise_()
        self.import_dialog.activateWindow()

    def _imported(self, count: int) -> None:
        self.iface.mapCanvas().refreshAllLayers()
        message = tr("{count} incidents imported.").format(count=count)
        self.iface.messageBar().pushMessage(message, Qgis.MessageLevel.Success, 5)

    def _layers_added(self, added) -> None:
        """A store's incidents layer, however it comes in (the dock, the
        Browser, a project), shows the standard form in QGIS's language."""
        from .core.presentation import layers

        for layer in added:
            location = layers.store_of(layer)
            if location is not None:
                layers.follow_language(layer, location, user_language())

    def show_version(self) -> None:
        message = tr("Lägesbild {version} is running.").format(version=__about__.__version__)
        self.iface.messageBar().pushMessage(message, Qgis.MessageLevel.Info, 5)

    # Unload ----------------------------------------------------------------

    def unload(self) -> None:
        for dock in self.docks:
            dock.store_opened.disconnect(self.open_store_everywhere)
            dock.unload()
            if self.iface is not None:
                self.iface.removeDockWidget(dock)
            dock.setParent(None)
            dock.deleteLater()
        self.docks = []
        if self.iface is not None:
            if self.menu is not None:  # initGui ran
                QgsProject.instance().layersAdded.disconnect(self._layers_added)
            main_window = self.iface.mainWindow()
            if self.menu is not None:
                main_window.menuBar().removeAction(self.menu.menuAction())
                self.menu.setParent(None)
                self.menu.deleteLater()
                self.menu = None
            if self.toolbar is not None:
                main_window.removeToolBar(self.toolbar)
                self.toolbar.setParent(None)
                self.toolbar.deleteLater()
                self.toolbar = None
        for action, slot in self.actions:
            action.triggered.disconnect(slot)
            action.setParent(None)
            action.deleteLater()
        self.actions = []
        if self.import_dialog is not None:
            self.import_dialog.imported.disconnect(self._imported)
            self.import_dialog.close()
            self.import_dialog.setParent(None)
            self.import_dialog.deleteLater()
            self.import_dialog = None

        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        log.remove()
