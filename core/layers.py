"""A store's layers in a QGIS project: incidents, areas and measures in one
layer group, styled from the code list, with the incidents' temporal
properties set. Each layer carries custom properties naming its store and
role, so the dock finds them again in a project read back from disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer

from . import styling
from .i18n import tr

ROLE_PROPERTY = "lagesbild/role"
STORE_PROPERTY = "lagesbild/store"
INCIDENTS, AREAS, MEASURES = "incidents", "areas", "measures"


class LayerLoadError(Exception):
    pass


@dataclass
class StoreLayers:
    group: QgsLayerTreeGroup
    incidents: QgsVectorLayer
    areas: QgsVectorLayer
    measures: QgsVectorLayer


def group_name(store_path) -> str:
    return f"Lägesbild – {Path(store_path).stem}"


def _layer(store_path: Path, table: str, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{store_path}|layername={table}", name, "ogr")
    if not layer.isValid():
        raise LayerLoadError(tr("the layer {table} of {path} could not be opened").format(table=table,
                                                                                          path=store_path))
    layer.setCustomProperty(ROLE_PROPERTY, table)
    layer.setCustomProperty(STORE_PROPERTY, str(store_path))
    return layer


def style_incidents(layer: QgsVectorLayer, language: str = "en", heatmap: bool = False) -> None:
    """The incidents by category and recency, or as a heat map."""
    layer.setRenderer(styling.heatmap_renderer() if heatmap else styling.incident_renderer(language, recency=True))
    layer.triggerRepaint()


def is_heatmap(layer: QgsVectorLayer) -> bool:
    return layer.renderer() is not None and layer.renderer().type() == "heatmapRenderer"


def load_store(store_path, project: QgsProject, language: str = "en") -> StoreLayers:
    """Add the store's incidents, areas and measures to ``project`` in a group
    "Lägesbild – <name>" at the top of the layer tree; an earlier group of
    that name is replaced."""
    store_path = Path(store_path).resolve()
    incidents = _layer(store_path, INCIDENTS, tr("Incidents"))
    areas = _layer(store_path, AREAS, tr("Areas"))
    measures = _layer(store_path, MEASURES, tr("Measures"))
    style_incidents(incidents, language)
    styling.set_incident_temporal_properties(incidents)
    areas.setRenderer(styling.area_renderer())
    areas.setLabeling(styling.area_labeling())
    areas.setLabelsEnabled(True)
    measures.setRenderer(styling.measure_renderer(language))
    measures.setLabeling(styling.measure_labeling(language))
    measures.setLabelsEnabled(True)

    root = project.layerTreeRoot()
    name = group_name(store_path)
    old = root.findGroup(name)
    if old is not None:
        project.removeMapLayers(old.findLayerIds())
        root.removeChildNode(old)
    group = root.insertGroup(0, name)
    for layer in (incidents, measures, areas):  # points above polygons
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    return StoreLayers(group, incidents, areas, measures)


def store_layers(project: QgsProject, store_path, role: str = INCIDENTS) -> list[QgsVectorLayer]:
    """The project's layers of ``role`` from the store at ``store_path``."""
    wanted = str(Path(store_path).resolve())
    return [layer for layer in project.mapLayers().values()
            if isinstance(layer, QgsVectorLayer) and layer.customProperty(ROLE_PROPERTY) == role
            and layer.customProperty(STORE_PROPERTY) == wanted]
