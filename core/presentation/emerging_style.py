"""The legend of emerging hot spots: warm colours for the hot patterns
(darkest where it is getting worse), cool ones for the cold, none for no
pattern. The legend lists them in that order, hot from intensifying to
historical, then cold, then no pattern, each in words ("Intensifying hot
spot"), never as its code."""

from __future__ import annotations

from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory

from ..domain.analysis.emerging import PATTERNS, pattern_label

COLOURS = {
    "intensifying_hot": "#67000d", "new_hot": "#a50f15", "consecutive_hot": "#cb181d",
    "persistent_hot": "#ef3b2c", "sporadic_hot": "#fb6a4a", "oscillating_hot": "#fc9272",
    "diminishing_hot": "#fcbba1", "historical_hot": "#fee0d2",
    "intensifying_cold": "#08306b", "new_cold": "#08519c", "consecutive_cold": "#2171b5",
    "persistent_cold": "#4292c6", "sporadic_cold": "#6baed6", "oscillating_cold": "#9ecae1",
    "diminishing_cold": "#c6dbef", "historical_cold": "#deebf7",
    "none": "#00000000",
}

LEGEND_ORDER = tuple(COLOURS)
assert sorted(LEGEND_ORDER) == sorted(PATTERNS)  # every pattern has a colour and a place in the legend


def emerging_renderer(field: str = "pattern") -> QgsCategorizedSymbolRenderer:
    categories = []
    for code in LEGEND_ORDER:
        symbol = QgsFillSymbol.createSimple({"color": COLOURS[code], "outline_color": "#40404040",
                                             "outline_width": "0"})
        categories.append(QgsRendererCategory(code, symbol, pattern_label(code)))
    return QgsCategorizedSymbolRenderer(field, categories)
