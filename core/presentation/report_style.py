"""The situation report's map: counts in squares in greys, hot spots outlined
in red over them, districts and focus areas outlined and labelled (built in
code, as every renderer here; ``report_map`` uses them)."""

from __future__ import annotations

import textwrap

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRendererRange,
    QgsTextBufferSettings,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ..i18n import tr
from .styling import text_format

# light to dark grey: counts in cells, under the red outlines of hot spots (a
# colour ramp would fight with them, and greys print anywhere)
COUNT_COLOURS = ("#d4d4d4", "#b4b4b4", "#939393", "#737373", "#525252", "#303030")
HOT_OUTLINE = "#d7191c"
REPORT_AREA_OUTLINE = "#303030"
FOCUS_AREA_OUTLINE = "#6a3d9a"


def count_cell_renderer(classes: list[tuple[int, int | None]], field: str = "incidents") -> QgsGraduatedSymbolRenderer:
    """Cells shaded by their count, one shade per class (lowest, highest or
    None for "or more"); the labels are the classes' ranges."""
    ranges = []
    for i, (low, high) in enumerate(classes):
        colour = COUNT_COLOURS[round(i * (len(COUNT_COLOURS) - 1) / max(len(classes) - 1, 1))]
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#00000000", "outline_width": "0"})
        label = tr("{n} or more").format(n=low) if high is None else (str(low) if high == low else f"{low}–{high}")
        upper = float(high) + 0.5 if high is not None else 1e12
        ranges.append(QgsRendererRange(low - 0.5, upper, symbol, label))
    return QgsGraduatedSymbolRenderer(field, ranges)


def hotspot_outline_renderer(cell_size: float, confidence: int = 99,
                             field: str = "kind") -> QgsCategorizedSymbolRenderer:
    """Hot spots (``kind`` 'hot') outlined in red with no fill: drawn over
    the counts without hiding them. Its one legend entry says in a plain
    sentence what a hot spot is."""
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": HOT_OUTLINE, "outline_width": "0.7",
                                         "joinstyle": "miter"})
    sentence = tr("A {size} m square that, with the squares around it, had clearly more incidents than the "
                  "town as a whole ({confidence} % confidence)").format(size=f"{cell_size:g}", confidence=confidence)
    # in lines that fit the report's legend: a layout legend does not wrap by itself
    return QgsCategorizedSymbolRenderer(field, [QgsRendererCategory("hot", symbol, textwrap.fill(sentence, 30))])


def report_area_renderer() -> QgsCategorizedSymbolRenderer:
    """Districts outlined, focus areas dashed in purple; no fill."""
    outline = {"style": "no", "outline_color": REPORT_AREA_OUTLINE, "outline_width": "0.5"}
    focus = dict(outline, outline_color=FOCUS_AREA_OUTLINE, outline_style="dash", outline_width="0.4")
    return QgsCategorizedSymbolRenderer("kind", [
        QgsRendererCategory("district", QgsFillSymbol.createSimple(outline), tr("District")),
        QgsRendererCategory("focus_area", QgsFillSymbol.createSimple(focus), tr("Focus area"))])


def report_area_labeling() -> QgsVectorLayerSimpleLabeling:
    """The areas' names in bold on a white buffer."""
    settings = QgsPalLayerSettings()
    settings.fieldName = "name"
    settings.enabled = True
    label_format = text_format(8, bold=True, colour="#202020")
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    label_format.setBuffer(buffer)
    settings.setFormat(label_format)
    return QgsVectorLayerSimpleLabeling(settings)
