"""The incident form on the map: placing a report (a click, or the map
centre), picking an incident, and following the project's layers of the
open store (a selection of one incident loads it). A mixin of
IncidentFormDock (ui/incident_form.py)."""

from __future__ import annotations

from qgis.core import QgsCoordinateTransform, QgsPointXY, QgsProject, QgsVectorLayer

from ..core.domain.form_changes import validation_context
from ..core.domain.validation import validate_incident
from ..core.i18n import tr
from ..core.presentation.layers import store_of

LAYER_GROUP = "layers"  # the connections to the store's layers, redone as layers come and go


def place_text(x: float, y: float) -> str:
    return tr("E {x:,.0f}, N {y:,.0f}").format(x=x, y=y).replace(",", " ")


class FormMapMixin:
    # --- the store's layers -------------------------------------------------------
    def _project_store_path(self) -> str | None:
        for layer in QgsProject.instance().mapLayers().values():
            location = store_of(layer)
            if location is not None:
                return location.display
        return None

    def _layers_added(self, layers) -> None:
        if self.store is None:
            for layer in layers:
                location = store_of(layer)
                if location is not None:
                    self.open_store(location.display, quiet=True)
                    return
        self._watch_layers()

    def _layers_removed(self, _layer_ids) -> None:
        self._watch_layers()

    def project_layers(self) -> list[QgsVectorLayer]:
        """The project's layers showing this store's incidents."""
        if self.store is None:
            return []
        return [layer for layer in QgsProject.instance().mapLayers().values()
                if store_of(layer) == self.store.location]

    def _watch_layers(self) -> None:
        self._unwatch_layers()
        for layer in self.project_layers():
            self.connect_signal(layer.selectionChanged, self._selection_changed_on(layer), group=LAYER_GROUP)
        self.pick_tool.layer = (self.project_layers() or [None])[0]

    def _unwatch_layers(self) -> None:
        self.disconnect_signals(LAYER_GROUP)
        if hasattr(self, "pick_tool"):
            self.pick_tool.layer = None

    def _selection_changed_on(self, layer):
        def selection_changed(*_args):
            if layer.selectedFeatureCount() == 1:
                feature = next(layer.getSelectedFeatures())
                if self.loaded is not None and self.loaded.uuid == feature["uuid"]:
                    return
                if self.has_draft() and not self.ask(tr("A report is being written"), tr(
                        "Leave the report you are writing and show the selected incident?")):
                    return
                self.load_incident(feature["uuid"])
        return selection_changed

    def refresh_layers(self) -> None:
        for layer in self.project_layers():
            layer.reload()
            layer.triggerRepaint()

    # --- place -------------------------------------------------------------------
    def _to_store(self, point: QgsPointXY) -> QgsPointXY:
        transform = QgsCoordinateTransform(self.canvas.mapSettings().destinationCrs(), self.store_crs,
                                           QgsProject.instance())
        return transform.transform(point)

    def _toggle_place_tool(self, on: bool) -> None:
        if on:
            self.pick_button.setChecked(False)
            self.canvas.setMapTool(self.place_tool)
        elif self.canvas.mapTool() is self.place_tool:
            self.canvas.unsetMapTool(self.place_tool)

    def _place_tool_deactivated(self) -> None:
        self.place_button.setChecked(False)

    def place_at(self, canvas_point: QgsPointXY) -> None:
        """Place the report at a point given in the canvas CRS."""
        if self.store is None:
            self._show_message(tr("Choose a store first."), error=True)
            return
        point = self._to_store(canvas_point)
        problems = [p for p in validate_incident({"geometry": (point.x(), point.y())},
                                                 validation_context(self.store))
                    if p.field == "geometry"]
        self._show_problems([], fields=("geometry",))
        if problems:
            self.point = None
            self.marker.clear()
            self.place_label.setText(tr("No place yet"))
            self._show_problems(problems, fields=("geometry",))
            return
        self.point = (point.x(), point.y())
        self.marker.show(canvas_point)
        self.place_label.setText(place_text(point.x(), point.y()))

    def use_map_centre(self) -> None:
        self.place_at(self.canvas.center())

    def cancel_placement(self) -> None:
        self.place_button.setChecked(False)
        if self.loaded is None:
            self.point = None
            self.marker.clear()
            self.place_label.setText(tr("No place yet"))

    # --- pick ---------------------------------------------------------------------
    def _toggle_pick_tool(self, on: bool) -> None:
        if on:
            self.place_button.setChecked(False)
            self.canvas.setMapTool(self.pick_tool)
        elif self.canvas.mapTool() is self.pick_tool:
            self.canvas.unsetMapTool(self.pick_tool)

    def _pick_tool_deactivated(self) -> None:
        self.pick_button.setChecked(False)

    def _remove_map_tools(self) -> None:
        for tool in (self.place_tool, self.pick_tool):
            if self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
        self.marker.clear()
