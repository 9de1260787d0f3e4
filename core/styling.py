"""Renderers for the analysis outputs, built in code so that every output
looks the same wherever it is made (toolbox, model, qgis_process + a saved
default style)."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtGui import QColor

from .analysis.fdr import label as hotspot_label
from .compat import SHADER_INTERPOLATED

# Hot red to cold blue (ColorBrewer RdBu, 7 classes), as hot spot maps are read.
HOTSPOT_COLOURS = {
    3: "#b2182b", 2: "#ef8a62", 1: "#fddbc7", 0: "#f0f0f0", -1: "#d1e5f0", -2: "#67a9cf", -3: "#2166ac",
}


def _fill(colour: str, outline: str = "#00000000") -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": "0"})


def hotspot_renderer(field: str = "gi_bin") -> QgsCategorizedSymbolRenderer:
    categories = [QgsRendererCategory(value, _fill(HOTSPOT_COLOURS[value]), hotspot_label(value))
                  for value in (3, 2, 1, 0, -1, -2, -3)]
    return QgsCategorizedSymbolRenderer(field, categories)


def density_renderer(provider, band: int, maximum: float) -> QgsSingleBandPseudoColorRenderer:
    """A ramp that fades to transparent at zero, to lay over a base map."""
    stops = [(0.0, QColor(255, 255, 178, 0)), (0.25, QColor(254, 204, 92, 160)),
             (0.5, QColor(253, 141, 60, 200)), (0.75, QColor(240, 59, 32, 220)), (1.0, QColor(189, 0, 38, 235))]
    items = [QgsColorRampShader.ColorRampItem(fraction * maximum, colour, f"{fraction * maximum:.0f}")
             for fraction, colour in stops]
    ramp_shader = QgsColorRampShader(0.0, maximum)
    ramp_shader.setColorRampType(SHADER_INTERPOLATED)
    ramp_shader.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp_shader)
    return QgsSingleBandPseudoColorRenderer(provider, band, shader)


def diverging_renderer(field: str, breaks: list[float], labels: list[str]) -> QgsGraduatedSymbolRenderer:
    """Blue for fewer, red for more: ``breaks`` are the class bounds (len = classes + 1)."""
    ramp = QgsGradientColorRamp(QColor("#2166ac"), QColor("#b2182b"), False,
                                [QgsGradientStop(0.5, QColor("#f7f7f7"))])
    ranges = []
    classes = len(breaks) - 1
    for i in range(classes):
        colour = ramp.color(i / max(classes - 1, 1)).name()
        ranges.append(QgsRendererRange(breaks[i], breaks[i + 1], _fill(colour, "#606060"), labels[i]))
    return QgsGraduatedSymbolRenderer(field, ranges)


def category_symbol(category, size_mm: float = 5.0):
    """The category's marker: its SVG icon in its colour (from the code list)."""
    from qgis.core import QgsMarkerSymbol, QgsSvgMarkerSymbolLayer

    layer = QgsSvgMarkerSymbolLayer(str(category.icon_path), size_mm)
    layer.setFillColor(QColor(category.colour))
    layer.setStrokeColor(QColor("#ffffff"))
    layer.setStrokeWidth(0.2)
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, layer)
    return symbol


def incident_renderer(language: str = "en", size_mm: float = 5.0) -> QgsCategorizedSymbolRenderer:
    """Incidents by category, each with its colour and icon from the code list
    (the one home of both), labelled in ``language``."""
    from . import codelist

    categories = [QgsRendererCategory(c.code, category_symbol(c, size_mm), c.label(language))
                  for c in codelist.CATEGORIES]
    return QgsCategorizedSymbolRenderer("category", categories)
