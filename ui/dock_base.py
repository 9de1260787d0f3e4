"""The base of the plugin's docks: signal bookkeeping. Every connection a dock
makes goes through ``connect_signal`` and is undone by ``unload()`` (which
plugin.py calls before removing the dock), so that unloading the plugin
leaves no slot of a deleted dock connected to QGIS's own objects.

A dock's close button only hides it: its connections stay until unload.

Also what the docks share: the signal ``store_opened`` (plugin.py keeps one
current store for the plugin: a store opened in one dock opens in the other),
the chooser of a store on a server, a button whose menu lists the PostgreSQL
connections saved in QGIS (``server_button``), and the *Add background map*
button (``background_button``)."""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QInputDialog, QLineEdit, QMenu, QToolButton

from ..core.i18n import tr
from ..core.presentation import background, layers
from ..core.store.location import DEFAULT_SCHEMA
from ..core.store.qgis_connections import saved_connections

DOCK_GROUP = "dock"


class LagesbildDock(QgsDockWidget):
    # a store this dock opened at the user's request (its StoreLocation, the
    # password it was opened with in memory only): plugin.py opens it in the others
    store_opened = pyqtSignal(object)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._connections: dict[str, list] = {}

    def connect_signal(self, signal, slot, group: str = DOCK_GROUP) -> None:
        """Connect, and remember it in ``group`` (to undo a group alone, e.g.
        the connections to layers that come and go)."""
        self._connections.setdefault(group, []).append(signal.connect(slot))

    def disconnect_signals(self, group: str | None = None) -> None:
        """Undo the connections of ``group``, or all of them."""
        groups = [group] if group is not None else list(self._connections)
        for name in groups:
            for connection in self._connections.pop(name, []):
                # through the connection, not the signal: a signal of a deleted
                # sender (a layer removed from the project) must not be touched
                QObject.disconnect(connection)

    def connection_count(self, group: str | None = None) -> int:
        if group is not None:
            return len(self._connections.get(group, []))
        return sum(len(connections) for connections in self._connections.values())

    def unload(self) -> None:
        self.disconnect_signals()


def saved_connection_text(name: str, schema: str = DEFAULT_SCHEMA) -> str:
    """How a store in the saved QGIS connection ``name`` is named."""
    quoted = "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return f"connection={quoted} schema={schema or DEFAULT_SCHEMA}"


def server_button(parent, open_store) -> QToolButton:
    """A button whose menu offers the PostgreSQL connections saved in QGIS
    (read anew each time it opens); choosing one asks for the store's schema
    and calls ``open_store`` with the store's name."""
    button = QToolButton(parent)
    button.setText(tr("Server…"))
    button.setToolTip(tr("A shared store on PostgreSQL, in one of the connections saved in QGIS (Data Source "
                         "Manager); the password comes from QGIS's authentication database or libpq, never "
                         "from the plugin"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)

    def fill() -> None:
        menu.clear()
        names = saved_connections()
        if not names:
            menu.addAction(tr("No saved PostgreSQL connection: add one in QGIS's Data Source Manager")).setEnabled(
                False)
        for name in names:
            menu.addAction(name).setData(name)

    def chosen(action) -> None:
        name = action.data()
        if not name:
            return
        schema, ok = QInputDialog.getText(parent, tr("Store on {name}").format(name=name),
                                          tr("The store's schema"), QLineEdit.EchoMode.Normal, DEFAULT_SCHEMA)
        if ok:
            open_store(saved_connection_text(name, schema.strip()))

    menu.aboutToShow.connect(fill)
    menu.triggered.connect(chosen)
    button.setMenu(menu)
    return button


def background_button(parent, report_error) -> QToolButton:
    """*Add background map*: a menu of the background maps (``background``);
    the one chosen goes right below the loaded store's layers, in its CRS
    where the service offers it. ``report_error`` shows a refusal in words."""
    button = QToolButton(parent)
    button.setText(tr("Add background map"))
    button.setToolTip(tr("A map under the incidents, to see streets and places: OpenStreetMap or "
                         "Lantmäteriet's topographic map (open data, needs the internet)"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    for choice in background.backgrounds():
        menu.addAction(choice.name).setData(choice.key)

    def chosen(action) -> None:
        project = QgsProject.instance()
        incidents = layers.loaded_incidents(project)
        crs = incidents.crs().authid() if incidents is not None else "EPSG:3006"
        node = project.layerTreeRoot().findLayer(incidents.id()) if incidents is not None else None
        group = node.parent() if node is not None and node.parent() is not project.layerTreeRoot() else None
        try:
            background.add_background(project, action.data(), crs, group)
        except background.BackgroundError as error:
            report_error(str(error))

    menu.triggered.connect(chosen)
    button.setMenu(menu)
    return button
