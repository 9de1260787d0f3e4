"""The base of the plugin's docks: signal bookkeeping. Every connection a dock
makes goes through ``connect_signal`` and is undone by ``unload()`` (which
plugin.py calls before removing the dock), so that unloading the plugin
leaves no slot of a deleted dock connected to QGIS's own objects.

A dock's close button only hides it: its connections stay until unload."""

from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QObject

DOCK_GROUP = "dock"


class LagesbildDock(QgsDockWidget):
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
