"""The docks' shared signal bookkeeping (ui/dock_base.py), with real Qt signals."""

from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer

from lagesbild.ui.dock_base import LagesbildDock


def memory_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:3006", "points", "memory")
    assert layer.isValid()
    return layer


def test_unload_disconnects_every_connection(qgis_app):
    dock = LagesbildDock()
    heard = []
    dock.connect_signal(dock.windowTitleChanged, heard.append)
    dock.connect_signal(dock.visibilityChanged, lambda visible: heard.append(visible))
    dock.setWindowTitle("one")
    assert heard == ["one"] and dock.connection_count() == 2
    dock.unload()
    dock.setWindowTitle("two")
    assert heard == ["one"] and dock.connection_count() == 0
    dock.deleteLater()


def test_a_group_is_undone_alone_even_when_its_sender_was_deleted(qgis_app):
    dock = LagesbildDock()
    project = QgsProject.instance()
    kept, gone, renamed = memory_layer(), memory_layer(), []
    project.addMapLayers([kept, gone])
    dock.connect_signal(dock.windowTitleChanged, renamed.append)
    dock.connect_signal(kept.nameChanged, lambda: renamed.append(kept.name()), group="layers")
    dock.connect_signal(gone.nameChanged, lambda: renamed.append("gone"), group="layers")
    project.removeMapLayer(gone.id())  # deletes the layer: its signal must not be touched again
    kept.setName("kept")
    assert renamed == ["kept"] and dock.connection_count("layers") == 2

    dock.disconnect_signals("layers")  # no crash, no error
    kept.setName("still kept")
    dock.setWindowTitle("title")
    assert renamed == ["kept", "title"]
    assert dock.connection_count("layers") == 0 and dock.connection_count() == 1
    dock.unload()
    project.removeMapLayer(kept.id())
    dock.deleteLater()
