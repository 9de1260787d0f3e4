"""Map tools of the incident form: click the spot of a new report (a marker
stays there until the report is saved or the placement cancelled), pick
an incident on the map to handle it, and zoom the map to a store's data."""

from __future__ import annotations

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsPointXY, QgsProject, QgsRectangle
from qgis.gui import QgsMapToolEmitPoint, QgsVertexMarker
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor

PICK_TOLERANCE_PIXELS = 8


class PlaceTool(QgsMapToolEmitPoint):
    """Click to place: emits ``placed`` with the point in the canvas CRS;
    Esc emits ``cancelled``."""

    placed = pyqtSignal(QgsPointXY)
    cancelled = pyqtSignal()

    def canvasReleaseEvent(self, event):  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.placed.emit(self.toMapCoordinates(event.pos()))

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            event.accept()
        else:
            event.ignore()


class PickTool(QgsMapToolEmitPoint):
    """Click an incident: emits ``picked`` with the ``uuid`` of the nearest
    feature of ``layer`` within a few pixels of the click."""

    picked = pyqtSignal(str)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.layer = None

    def canvasReleaseEvent(self, event):  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton or self.layer is None:
            return
        found = self.nearest(self.toMapCoordinates(event.pos()))
        if found is not None:
            self.picked.emit(found)

    def nearest(self, point: QgsPointXY) -> str | None:
        layer = self.layer
        canvas = self.canvas()
        radius = PICK_TOLERANCE_PIXELS * canvas.mapUnitsPerPixel()
        settings = canvas.mapSettings()
        layer_point = settings.mapToLayerCoordinates(layer, point)
        corner = settings.mapToLayerCoordinates(layer, QgsPointXY(point.x() + radius, point.y() + radius))
        size = max(abs(corner.x() - layer_point.x()), abs(corner.y() - layer_point.y()))
        rectangle = QgsRectangle(layer_point.x() - size, layer_point.y() - size,
                                 layer_point.x() + size, layer_point.y() + size)
        request = QgsFeatureRequest().setFilterRect(rectangle).setSubsetOfAttributes(["uuid"], layer.fields())
        best, best_distance = None, None
        for feature in layer.getFeatures(request):
            distance = feature.geometry().asPoint().sqrDist(layer_point)
            if best_distance is None or distance < best_distance:
                best, best_distance = feature["uuid"], distance
        return best


class PlacementMarker:
    """The marker of the place of a report being written."""

    def __init__(self, canvas):
        self.canvas = canvas
        self.marker = None

    def show(self, point: QgsPointXY) -> None:
        if self.marker is None:
            self.marker = QgsVertexMarker(self.canvas)
            self.marker.setIconType(QgsVertexMarker.IconType.ICON_CROSS)
            self.marker.setIconSize(18)
            self.marker.setPenWidth(3)
            self.marker.setColor(QColor("#d7301f"))
        self.marker.setCenter(point)
        self.marker.show()

    @property
    def visible(self) -> bool:
        return self.marker is not None and self.marker.isVisible()

    def clear(self) -> None:
        if self.marker is not None:
            self.marker.hide()
            self.canvas.scene().removeItem(self.marker)
            self.marker = None


def zoom_to(canvas, extent: QgsRectangle, crs) -> None:
    """Show ``extent`` (in ``crs``) on ``canvas``, now and once more after
    QGIS's own first zoom: when the first layers of a project come in, QGIS
    zooms to their full extent in a deferred call, which would undo this."""
    def apply() -> None:
        transform = QgsCoordinateTransform(crs, canvas.mapSettings().destinationCrs(), QgsProject.instance())
        canvas.setExtent(transform.transformBoundingBox(extent) if transform.isValid() else extent)
        canvas.refresh()

    apply()
    QTimer.singleShot(0, apply)
