"""Background maps under a store's layers: the one home of their addresses.

Two services that need no login:

- OpenStreetMap's standard tiles (XYZ, Web Mercator only; QGIS reprojects
  them to the project's CRS on the fly). Its tile policy asks for the
  attribution and forbids bulk downloading: QGIS's own XYZ provider, which
  caches and identifies itself, is what it allows.
- Lantmäteriet's topographic web map as open data (*Topografisk webbkarta
  Visning, cache*, CC BY 4.0), the WMTS that Lantmäteriet's own map viewer
  *Min karta* reads without a key. Public use of it shows the tile matrix
  set ``3857``; Lantmäteriet's keyed service of the same map also has
  ``3006`` (SWEREF 99 TM). A store in EPSG:3006 asks for ``3006`` first, to
  get tiles in its own CRS, unresampled, and falls back to ``3857``
  (reprojected by QGIS) when the service does not offer it; any other store
  gets ``3857``. (Not checked against the live service: the development
  machine is offline.) QGIS reads the service's capabilities when the layer
  is made, so a machine offline gets an invalid layer, which
  ``add_background`` reports instead of adding.

Nothing here fetches anything: the sources are strings, tested as such.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsDataSourceUri, QgsLayerTreeGroup, QgsProject, QgsRasterLayer

from ..compat import set_attribution
from ..i18n import tr

OSM, TOPOGRAPHIC = "osm", "lantmateriet_topowebb"
BACKGROUND_PROPERTY = "lagesbild/background"

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_MAX_ZOOM = 19
LANTMATERIET_WMTS = "https://minkarta.lantmateriet.se/map/topowebbcache"
LANTMATERIET_LAYER = "topowebb"
LANTMATERIET_MATRIX_SETS = ("3006", "3857")  # EPSG codes, as the service names its tile matrix sets


class BackgroundError(Exception):
    pass


@dataclass(frozen=True)
class Background:
    key: str
    name: str
    provider: str
    source: str
    crs: str  # the CRS the tiles come in
    attribution: str
    fallback: Background | None = None  # the same map in another CRS, when the service lacks this one


def osm_source() -> str:
    uri = QgsDataSourceUri()
    uri.setParam("type", "xyz")
    uri.setParam("url", OSM_TILES)
    uri.setParam("zmin", "0")
    uri.setParam("zmax", str(OSM_MAX_ZOOM))
    return bytes(uri.encodedUri()).decode("utf-8")


def topographic_matrix_set(store_crs: str) -> str:
    """The service's tile matrix set for a store in ``store_crs``: the store's
    own where the service offers it, else Web Mercator."""
    code = store_crs.upper().removeprefix("EPSG:")
    return code if code in LANTMATERIET_MATRIX_SETS else "3857"


def topographic_source(store_crs: str) -> str:
    matrix_set = topographic_matrix_set(store_crs)
    uri = QgsDataSourceUri()
    for key, value in (("contextualWMSLegend", "0"), ("crs", f"EPSG:{matrix_set}"), ("dpiMode", "7"),
                       ("format", "image/png"), ("layers", LANTMATERIET_LAYER), ("styles", "default"),
                       ("tileMatrixSet", matrix_set),
                       ("url", f"{LANTMATERIET_WMTS}?request=GetCapabilities&service=WMTS")):
        uri.setParam(key, value)
    return bytes(uri.encodedUri()).decode("utf-8")


def backgrounds(store_crs: str = "EPSG:3006") -> list[Background]:
    """The background maps offered, for a store in ``store_crs``."""
    return [
        Background(OSM, tr("OpenStreetMap"), "wms", osm_source(), "EPSG:3857",
                   tr("© OpenStreetMap contributors")),
        _topographic(store_crs, _topographic("EPSG:3857") if topographic_matrix_set(store_crs) != "3857" else None),
    ]


def _topographic(store_crs: str, fallback: Background | None = None) -> Background:
    return Background(TOPOGRAPHIC, tr("Lantmäteriet topographic map"), "wms", topographic_source(store_crs),
                      f"EPSG:{topographic_matrix_set(store_crs)}", tr("© Lantmäteriet, CC BY 4.0"), fallback)


def background(key: str, store_crs: str = "EPSG:3006") -> Background:
    for candidate in backgrounds(store_crs):
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def background_layer(choice: Background) -> QgsRasterLayer:
    """The layer of ``choice``, marked as a background (valid or not: QGIS
    reads a WMTS's capabilities here)."""
    layer = QgsRasterLayer(choice.source, choice.name, choice.provider)
    layer.setCustomProperty(BACKGROUND_PROPERTY, choice.key)
    set_attribution(layer, choice.attribution)
    return layer


def add_background(project: QgsProject, key: str, store_crs: str = "EPSG:3006",
                   group: QgsLayerTreeGroup | None = None) -> QgsRasterLayer:
    """Add the background ``key`` to ``project``, right below ``group`` (the
    store's layers) or at the bottom of the layer tree, replacing a background
    of the same kind; BackgroundError, in words, when it cannot be opened."""
    choice = background(key, store_crs)
    layer = background_layer(choice)
    if not layer.isValid() and choice.fallback is not None:
        layer = background_layer(choice.fallback)
    if not layer.isValid():
        raise BackgroundError(tr("The background map {name} could not be opened: is this computer online? "
                                 "The incidents are not affected.").format(name=choice.name))
    root = project.layerTreeRoot()
    for old in [node for node in root.findLayers() if node.layer() is not None
                and node.layer().customProperty(BACKGROUND_PROPERTY) == key]:
        project.removeMapLayer(old.layerId())
    project.addMapLayer(layer, False)
    children = root.children()
    index = children.index(group) + 1 if group is not None and group in children else len(children)
    root.insertLayer(index, layer)
    return layer
