"""The situation report's map: incidents counted in square cells, hot spots
outlined over them, and the areas; never a single incident.

The report is shared, so its map follows the table's rule (``report_data``):
a cell with fewer than ``min_count`` incidents is not drawn, like an empty
one, and no category is shown. The count squares and the legend are made
from the counts alone, so two stores whose squares hold the same counts give
the same squares whatever the categories or exact positions within a square.
The hot spot outlines come from the hotspot analysis at the scale of places
(squares of 100 m), which needs many incidents in and around a square before
it outlines it. The legend
lists every count class, whether the map has it or not (a legend filtered by
the map would tell which classes occur, and is slow).

The layers live in a ``QgsProject`` of their own, never in the user's: in
the user's project they would show up in every Processing input list and
the Layers panel. ``own_layers`` hands that project to the layout, which
deletes it (and the layers) when it is deleted itself; a layout kept in the
user's layout manager so draws its map for as long as QGIS runs. Saved in a
project file, such a layout keeps its pages, texts and tables, but its map
is empty when the project is opened again: the report's aggregated layers
are made for the report, not kept.
"""

from __future__ import annotations

import logging

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsLayerTree,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ..domain.analysis import AnalysisError
from ..domain.analysis.fdr import CONFIDENCE
from ..domain.analysis.hotspots import hotspots
from ..domain.analysis.scale import PLACE_CELL
from ..domain.schema import LOW_PRECISIONS
from ..domain.timeutil import Period
from ..i18n import language, tr
from ..store import IncidentFilter, Store
from .report_data import MapCells, PageData, count_classes, map_cell_size, map_cells
from .report_fit import fit_legend
from .report_style import count_cell_renderer, hotspot_outline_renderer, report_area_labeling, report_area_renderer
from .styling import number_format

CELLS, HOTSPOTS, AREAS = "cells", "hotspots", "areas"
PROJECT = "layer_project"  # the project that owns the map's layers, not the layout's
HOT_BIN = 3  # the map outlines hot spots at 99 % confidence: the places, not the town
HOT_CONFIDENCE = CONFIDENCE[HOT_BIN]


def town_extent(store: Store) -> QgsRectangle:
    """The districts' envelope, or the store's extent when it has no district."""
    areas = store.areas("district")
    if areas:
        envelopes = np.asarray([a.geometry.GetEnvelope() for a in areas])  # minx, maxx, miny, maxy
        return QgsRectangle(envelopes[:, 0].min(), envelopes[:, 2].min(), envelopes[:, 1].max(), envelopes[:, 3].max())
    xmin, ymin, xmax, ymax = store.extent
    return QgsRectangle(xmin, ymin, xmax, ymax)


def page_extent(store: Store, page: PageData) -> QgsRectangle:
    areas = [a for a in store.areas() if a.name == page.area] if page.area is not None else []
    if areas:
        envelopes = np.asarray([a.geometry.GetEnvelope() for a in areas])
        rect = QgsRectangle(envelopes[:, 0].min(), envelopes[:, 2].min(), envelopes[:, 1].max(), envelopes[:, 3].max())
    else:
        rect = town_extent(store)
    rect.scale(1.08)
    return rect


def _polygon(ring) -> QgsGeometry:
    return QgsGeometry.fromWkt("POLYGON((" + ", ".join(f"{x!r} {y!r}" for x, y in ring.tolist()) + "))")


def cell_layer(store: Store, cells: MapCells, min_count: int) -> QgsVectorLayer:
    name = tr("Incidents per {size} m square").format(size=f"{cells.cell_size:,.0f}".replace(",", " "))
    layer = QgsVectorLayer(f"Polygon?crs={store.crs}&field=incidents:integer", name, "memory")
    features = []
    for ring, count in zip(cells.rings, cells.counts.tolist()):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(_polygon(ring))
        feature.setAttributes([int(count)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.setRenderer(count_cell_renderer(count_classes(min_count)))
    return layer


def hotspot_layer(store: Store, x, y) -> QgsVectorLayer:
    """Hot spots at the scale of places (``hotspots``' defaults: squares of
    100 m, each with the squares around it, over the incidents' convex hull),
    at 99 % confidence, merged into outlines. Their squares are finer than the
    map's count squares, but a hot spot at 99 % needs many incidents in and
    around it, so no single incident can be read from an outline. Cold spots
    are left out: they are the empty outskirts, and their outlines would bury
    the map. Empty when the period is too thin for the analysis: the layer
    (and its legend) is there either way."""
    layer = QgsVectorLayer(f"Polygon?crs={store.crs}&field=kind:string", tr("Hot spots"), "memory")
    layer.setRenderer(hotspot_outline_renderer(PLACE_CELL, HOT_CONFIDENCE))
    try:
        result = hotspots(x, y)
    except AnalysisError:
        return layer
    except ValueError as error:  # a failure of the analysis must not cost the council its report
        logging.getLogger("lagesbild").warning("No hot spots on the report's map: %s", error)
        return layer
    hot = result.bins >= HOT_BIN
    if hot.any():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.unaryUnion([_polygon(ring) for ring in result.grid.rings()[hot]]))
        feature.setAttributes(["hot"])
        layer.dataProvider().addFeatures([feature])
    return layer


def area_layer(store: Store) -> QgsVectorLayer:
    """The store's areas, copied into a memory layer: the report reads the
    store through its read-only connection alone, and QGIS never opens the
    file (a provider may write to a GeoPackage it opens: WAL, its counts)."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={store.crs}&field=name:string&field=kind:string", tr("Areas"),
                           "memory")
    features = []
    for area in store.areas():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(area.geometry.ExportToWkt()))
        feature.setAttributes([area.name, area.kind])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    renderer = report_area_renderer()
    if not layer.featureCount():  # no kinds to tell apart: a legend of kinds would list what is not there
        district = renderer.categories()[0]  # held: its symbol lives as long as it does
        renderer = QgsSingleSymbolRenderer(district.symbol().clone())
    layer.setRenderer(renderer)
    layer.setLabeling(report_area_labeling())
    layer.setLabelsEnabled(True)
    return layer


def map_layers(store: Store, period: Period, min_count: int) -> dict:
    """The map's layers (cells, hot spots, areas: the same on every page, over
    the whole town), in a project of their own (``PROJECT``): never in the
    user's project (see the module's note). Incidents placed only at a
    municipality's or county's centre are in neither the squares nor the hot
    spots (the page says how many, ``PageData.low_precision``)."""
    extent = town_extent(store)
    cell_size = map_cell_size((extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()))
    data = store.arrays(IncidentFilter(period=period), ("location_precision",))
    # a municipality's or county's centre is not where those incidents happened: they stay off the map
    placed = ~np.isin(data["location_precision"].astype(str), LOW_PRECISIONS)
    x, y = data["x"][placed], data["y"][placed]
    layers = {CELLS: cell_layer(store, map_cells(x, y, cell_size, min_count), min_count),
              HOTSPOTS: hotspot_layer(store, x, y),
              AREAS: area_layer(store)}
    own = QgsProject()
    own.addMapLayers([layers[key] for key in (HOTSPOTS, AREAS, CELLS)], False)
    layers[PROJECT] = own
    layers["cell_size"] = cell_size
    return layers


def own_layers(layout, layers: dict) -> None:
    """Let ``layout`` own the project that holds its map's layers: they live
    exactly as long as the layout, wherever it is kept."""
    layers[PROJECT].setParent(layout)


def fill_map(items: dict, store: Store, page: PageData, layers: dict, legend_roots: list) -> None:
    """Point the template's map, legend, scale bar and north arrow at the layers."""
    map_item = items.get("map")
    if not isinstance(map_item, QgsLayoutItemMap):
        return
    drawn = [layers[HOTSPOTS], layers[AREAS], layers[CELLS]]  # top first
    map_item.setCrs(layers[AREAS].crs())
    map_item.setLayers(drawn)
    map_item.setKeepLayerSet(True)
    extent = page_extent(store, page)
    map_item.setExtent(extent)  # zoomToExtent alone does nothing on a map with no extent yet
    map_item.zoomToExtent(extent)
    for item_id in ("legend", "scalebar", "north_arrow"):
        item = items.get(item_id)
        if item is not None and hasattr(item, "setLinkedMap"):
            item.setLinkedMap(map_item)
    legend = items.get("legend")
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setLegendFilterByMapEnabled(False)  # every class, always (also if a template says otherwise)
        legend.setAutoUpdateModel(False)
        root = QgsLayerTree()
        for layer in (layers[CELLS], layers[HOTSPOTS], layers[AREAS]):  # reading order
            root.addLayer(layer)
        legend.model().setRootGroup(root)
        legend_roots.append(root)
        legend.setTitle(tr("Legend"))
        fit_legend(legend)  # wrapped to its width, in two columns when that is still too tall
    scale_bar = items.get("scalebar")
    if isinstance(scale_bar, QgsLayoutItemScaleBar):
        fit_scale_bar(scale_bar)


def fit_scale_bar(scale_bar) -> None:
    """Two segments of a round length, about a fifth of the map's width, in
    metres or kilometres (QGIS's own default sizing, on the filled map)."""
    scale_bar.applyDefaultSize()
    scale_bar.setNumericFormat(number_format(language()))  # the report's language, not the machine's
    scale_bar.setNumberOfSegmentsLeft(0)
    scale_bar.setNumberOfSegments(2)
    scale_bar.update()
