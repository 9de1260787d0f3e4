"""Styles applied to outputs: by a post-processor when QGIS loads the output
(toolbox, model builder), and saved as the default style inside a GeoPackage
output so that it opens styled anywhere (qgis_process, another project)."""

from __future__ import annotations

from qgis.core import QgsProcessingLayerPostProcessorInterface, QgsVectorLayer

from ..core.compat import save_style_to_database

# QGIS holds post-processors by pointer only: keep them alive here until used.
_ALIVE: list = []


class RendererPostProcessor(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, apply):
        super().__init__()
        self._apply = apply

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS's name
        if layer is not None and layer.isValid():
            self._apply(layer)
            layer.triggerRepaint()


def style_output(context, destination_id: str, apply) -> None:
    """Style the output ``destination_id`` with ``apply(layer)``: now in the
    file (a GeoPackage's default style) and when QGIS loads it."""
    layer = QgsVectorLayer(destination_id, "styled", "ogr") if destination_id.lower().split("|")[0].endswith(
        ".gpkg") else None
    if layer is not None and layer.isValid():
        apply(layer)
        save_style_to_database(layer, "default", "Lägesbild", True)
        del layer
    if context.willLoadLayerOnCompletion(destination_id):
        processor = RendererPostProcessor(apply)
        _ALIVE.append(processor)
        context.layerToLoadOnCompletionDetails(destination_id).setPostProcessor(processor)
