"""A store's layers in a QGIS project: incidents, areas and measures in one
layer group, styled from the code list, with the incidents' temporal
properties set. Each layer carries custom properties naming its store and
role, so the dock finds them again in a project read back from disk."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsRectangle, QgsVectorLayer

from ..i18n import tr
from ..log import logger
from ..store import IncidentFilter, Store, StoreError, StoreLocation
from ..store.location import without_secrets
from . import styling

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
    extent: QgsRectangle | None = None  # the incidents' (or areas') real extent: where to zoom


def group_name(store) -> str:
    return f"Lägesbild – {StoreLocation.parse(store).name}"


def store_layer(store, table: str, name: str) -> QgsVectorLayer:
    """A layer of ``table`` of the store at ``store`` (a location or a path),
    marked with its store and role; LayerLoadError when QGIS cannot open it."""
    location = StoreLocation.parse(store)
    source, provider = location.layer_source(table)
    layer = QgsVectorLayer(source, name, provider)
    if not layer.isValid():
        raise LayerLoadError(tr("the layer {table} of {path} could not be opened").format(
            table=table, path=location.display))
    layer.setCustomProperty(ROLE_PROPERTY, table)
    layer.setCustomProperty(STORE_PROPERTY, location.display)
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
    location = StoreLocation.parse(store_path)
    incidents = store_layer(location, INCIDENTS, tr("Incidents"))
    areas = store_layer(location, AREAS, tr("Areas"))
    measures = store_layer(location, MEASURES, tr("Measures"))
    style_incidents(incidents, language)
    styling.set_incident_temporal_properties(incidents)
    follow_language(incidents, location, language)
    areas.setRenderer(styling.area_renderer())
    areas.setLabeling(styling.area_labeling())
    areas.setLabelsEnabled(True)
    measures.setRenderer(styling.measure_renderer(language))
    measures.setLabeling(styling.measure_labeling(language))
    measures.setLabelsEnabled(True)

    root = project.layerTreeRoot()
    name = group_name(location)
    old = root.findGroup(name)
    if old is not None:
        project.removeMapLayers(old.findLayerIds())
        root.removeChildNode(old)
    extents = data_extents(location)
    for layer, role in ((incidents, INCIDENTS), (areas, AREAS), (measures, MEASURES)):
        if extents.get(role) is not None:  # not the CRS's area of use a GeoPackage's contents table may hold
            layer.setExtent(extents[role])
    group = root.insertGroup(0, name)
    for layer in (incidents, measures, areas):  # points above polygons
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    return StoreLayers(group, incidents, areas, measures, extents.get(INCIDENTS) or extents.get(AREAS))


def data_extents(store_path) -> dict[str, QgsRectangle]:
    """The envelopes of the store's incidents, areas and measures computed
    from the data, by role (a table with no rows has none). Not the layers'
    own extents: GDAL answers a GeoPackage's extent from its contents table,
    which a store created without an extent fills with the whole area of use
    of its CRS (all of Sweden)."""
    try:
        store = Store.open(StoreLocation.parse(store_path), read_only=True)
    except (StoreError, OSError, ValueError) as error:
        logger.warning("no extent from the data: %s", without_secrets(str(error)))
        return {}
    try:
        extents = {}
        points = store.arrays(IncidentFilter(), ())
        if len(points["x"]):
            extents[INCIDENTS] = QgsRectangle(float(points["x"].min()), float(points["y"].min()),
                                              float(points["x"].max()), float(points["y"].max()))
        for role, rows in ((AREAS, store.areas()), (MEASURES, store.measures())):
            for row in rows:
                if row.geometry is None:
                    continue
                min_x, max_x, min_y, max_y = row.geometry.GetEnvelope()
                envelope = QgsRectangle(min_x, min_y, max_x, max_y)
                if role in extents:
                    extents[role].combineExtentWith(envelope)
                else:
                    extents[role] = envelope
        return extents
    finally:
        store.close()


def zoom_extent(extent: QgsRectangle, minimum_size: float = 1000.0, margin: float = 1.1) -> QgsRectangle:
    """``extent`` with a margin, and at least ``minimum_size`` map units wide
    and high: a single incident is a point, which no map can zoom to."""
    result = QgsRectangle(extent)
    result.scale(margin)
    centre = result.center()
    half_w, half_h = max(result.width(), minimum_size) / 2, max(result.height(), minimum_size) / 2
    return QgsRectangle(centre.x() - half_w, centre.y() - half_h, centre.x() + half_w, centre.y() + half_h)


def store_layers(project: QgsProject, store_path, role: str = INCIDENTS) -> list[QgsVectorLayer]:
    """The project's layers of ``role`` from the store at ``store_path``."""
    wanted = StoreLocation.parse(store_path).display
    return [layer for layer in project.mapLayers().values()
            if isinstance(layer, QgsVectorLayer) and layer.customProperty(ROLE_PROPERTY) == role
            and layer.customProperty(STORE_PROPERTY) == wanted]


def store_of(layer, table: str = INCIDENTS) -> StoreLocation | None:
    """The store whose ``table`` layer ``layer`` is, or None: the one way to
    find a store from a layer (the docks, the algorithms, the report)."""
    if not isinstance(layer, QgsVectorLayer):
        return None
    found = StoreLocation.of_layer_source(layer.providerType(), layer.source())
    if found is None or found[1] != table:
        return None
    try:
        Store.inspect(found[0])
    except (StoreError, OSError):
        return None
    return found[0]


def apply_filter(layer: QgsVectorLayer, subset: str) -> str:
    """Give ``layer`` the provider filter ``subset``: "" when its provider
    runs it, else why not, in words, and the layer keeps its earlier filter.
    A refused filter must never look like an empty map: QGIS 3.22's OGR
    provider accepts any filter and then silently reads no features, so a
    GeoPackage's filter is tried through OGR (the same GDAL) first."""
    refusal = _ogr_refusal(layer, subset)
    if refusal is None:
        previous = layer.subsetString()
        if layer.setSubsetString(subset) and layer.isValid() and layer.dataProvider().error().isEmpty():
            return ""
        refusal = layer.dataProvider().error().summary() or "setSubsetString"
        layer.setSubsetString(previous)
    logger.warning("the provider of %s refused the filter (%s chars): %s", layer.name(), len(subset),
                   without_secrets(refusal[:300]))
    return tr("The map cannot show this filter: the layer {layer} refused it, so it still shows the earlier "
              "filter. The numbers below are right.").format(layer=layer.name())


def _ogr_refusal(layer: QgsVectorLayer, subset: str) -> str | None:
    """OGR's error for ``subset`` on the GeoPackage table of ``layer``, or None."""
    found = StoreLocation.of_layer_source(layer.providerType(), layer.source())
    if found is None or found[0].backend != "gpkg" or not subset:
        return None
    from osgeo import gdal, ogr

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    gdal.ErrorReset()
    try:  # OGR raises or only records the error, depending on ogr.UseExceptions()
        source = ogr.Open(str(found[0].path))
        table = source.GetLayerByName(found[1]) if source is not None else None
        if table is None:
            return gdal.GetLastErrorMsg() or "cannot open"
        failed = table.SetAttributeFilter(subset) != 0
        table.GetNextFeature()
        message = gdal.GetLastErrorMsg()
        return (message or "SetAttributeFilter") if failed or gdal.GetLastErrorType() >= gdal.CE_Failure else None
    except RuntimeError as error:
        return str(error)
    finally:
        gdal.PopErrorHandler()


def loaded_incidents(project: QgsProject) -> QgsVectorLayer | None:
    """The incidents layer of the store loaded highest in ``project``'s layer
    tree, or None: what a background map goes under, in its CRS."""
    for node in project.layerTreeRoot().findLayers():
        layer = node.layer()
        if isinstance(layer, QgsVectorLayer) and layer.customProperty(ROLE_PROPERTY) == INCIDENTS:
            return layer
    return None


def follow_language(layer: QgsVectorLayer, store, language: str) -> bool:
    """Give the incidents ``layer`` the standard form in ``language`` when it
    carries the standard form in the other language (the store's default
    style is written in one language, e.g. English by ``make demo``): its
    labels then follow QGIS's language. A form adjusted by hand (labels that
    are not the standard ones) is left as it is. True when re-worded."""
    from .form_config import ALIASES, configure

    own, other = (0, 1) if language == "sv" else (1, 0)
    index = layer.fields().indexOf("category")
    if index < 0 or ALIASES["category"][own] == ALIASES["category"][other]:
        return False
    if layer.attributeAlias(index) != ALIASES["category"][other]:
        return False
    configure(layer, store, language)
    return True
