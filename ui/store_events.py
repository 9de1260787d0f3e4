"""One notifier the plugin's docks share: the form says when it saved an
incident, so that the Lägesbild dock's numbers follow without a click, and
without either dock knowing the other (or plugin.py wiring them)."""

from __future__ import annotations

from qgis.PyQt.QtCore import QObject, pyqtSignal


class StoreEvents(QObject):
    incidents_changed = pyqtSignal(str)  # the store's display name


_events: StoreEvents | None = None


def store_events() -> StoreEvents:
    global _events
    if _events is None:
        _events = StoreEvents()
    return _events
