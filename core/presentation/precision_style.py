"""How the situation picture draws an incident whose place is not exact
(``location_precision``): a ring around its category icon, dashed and wide
for one placed only at a municipality's or county's centre
(``schema.LOW_PRECISIONS``: it did not happen there), dotted and closer for
an approximate place. An exact incident has no ring.

The ring is a symbol layer of every category's symbol, so the category's
colour, the fading of older incidents and the closed look stay as they are.
It is invisible by default (a transparent stroke) and drawn only where the
incident's precision says so: a feature with no precision, a layer without
the field and the legend's category entries draw no ring. Two legend-only
entries explain the rings (``precision_legend_categories``)."""

from __future__ import annotations

from qgis.core import QgsExpression, QgsMarkerSymbol, QgsProperty, QgsRendererCategory, QgsSimpleMarkerSymbolLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..compat import SYMBOL_LAYER_SIZE, SYMBOL_LAYER_STROKE_COLOR, SYMBOL_LAYER_STROKE_STYLE, SYMBOL_LAYER_STROKE_WIDTH
from ..domain.schema import LOW_PRECISIONS
from ..i18n import translator

PRECISION_FIELD = "location_precision"
APPROXIMATE = "approximate"
LOW_RING_SCALE = 1.9  # the ring's diameter, in icon sizes: wide, as the place is only a town's centre
APPROXIMATE_RING_SCALE = 1.45
LOW_RING_WIDTH_MM, APPROXIMATE_RING_WIDTH_MM = 0.6, 0.4
HALO_EXTRA_MM = 0.5
ICON_PASS, HALO_PASS, RING_PASS = 0, 1, 2  # symbol levels: icons, then halos, then rings
TRANSPARENT = "#00000000"
LEGEND_APPROXIMATE, LEGEND_LOW = "lagesbild:legend:approximate", "lagesbild:legend:low_precision"


def low_precision_condition(field: str = PRECISION_FIELD) -> str:
    """An expression: true for an incident placed only at a municipality's or
    county's centre (one home of the codes: ``schema.LOW_PRECISIONS``)."""
    codes = ", ".join(QgsExpression.quotedValue(code) for code in LOW_PRECISIONS)
    return f"{QgsExpression.quotedColumnRef(field)} IN ({codes})"


def _by_precision(low: str, approximate: str) -> str:
    """A CASE expression: ``low`` for a low-precision place, ``approximate``
    for an approximate one, NULL (the layer's static value) otherwise."""
    column = QgsExpression.quotedColumnRef(PRECISION_FIELD)
    return (f"CASE WHEN {low_precision_condition()} THEN {low} "
            f"WHEN {column} = {QgsExpression.quotedValue(APPROXIMATE)} THEN {approximate} END")


def precision_ring(colour: str, size_mm: float, precision: str | None = None,
                   halo: bool = False) -> QgsSimpleMarkerSymbolLayer:
    """The ring in ``colour`` around an icon of ``size_mm``: drawn by each
    feature's precision, or with ``precision`` given, always drawn as for
    that precision (a legend entry). With ``halo``, the white solid ring
    under it that keeps its dashes readable on hatching or a background map."""
    ring = QgsSimpleMarkerSymbolLayer()
    ring.setRenderingPass(HALO_PASS if halo else RING_PASS)
    ring.setSize(size_mm)  # the symbol's own size stays the icon's: the legend's icons keep their size
    ring.setFillColor(QColor(TRANSPARENT))
    ring.setStrokeColor(QColor(TRANSPARENT))
    ring.setStrokeWidth(LOW_RING_WIDTH_MM)
    ring.setStrokeStyle(Qt.PenStyle.DashLine)
    if precision is not None:
        approximate = precision == APPROXIMATE
        ring.setStrokeColor(QColor(colour))
        ring.setSize(size_mm * (APPROXIMATE_RING_SCALE if approximate else LOW_RING_SCALE))
        ring.setStrokeWidth(APPROXIMATE_RING_WIDTH_MM if approximate else LOW_RING_WIDTH_MM)
        ring.setStrokeStyle(Qt.PenStyle.DotLine if approximate else Qt.PenStyle.DashLine)
        return ring
    quoted = QgsExpression.quotedValue("#ffffff" if halo else colour)
    extra = HALO_EXTRA_MM if halo else 0.0
    for key, expression in (
            (SYMBOL_LAYER_STROKE_COLOR, _by_precision(quoted, quoted)),
            (SYMBOL_LAYER_SIZE, _by_precision(f"{size_mm * LOW_RING_SCALE:g}",
                                              f"{size_mm * APPROXIMATE_RING_SCALE:g}")),
            (SYMBOL_LAYER_STROKE_WIDTH, _by_precision(f"{LOW_RING_WIDTH_MM + extra:g}",
                                                      f"{APPROXIMATE_RING_WIDTH_MM + extra:g}")),
            (SYMBOL_LAYER_STROKE_STYLE, _by_precision("'dash'", "'dot'") if not halo else "'solid'")):
        ring.setDataDefinedProperty(key, QgsProperty.fromExpression(expression))
    return ring


def add_precision_ring(symbol: QgsMarkerSymbol, colour: str, size_mm: float) -> None:
    """Give an incident's ``symbol`` the ring its precision asks for, over a
    white halo. Both are drawn in later passes than the icons (the renderer
    uses symbol levels): the rings of the many incidents a feed piles onto a
    town's centre stay on top of the icons around them."""
    symbol.symbolLayer(0).setRenderingPass(ICON_PASS)
    symbol.appendSymbolLayer(precision_ring(colour, size_mm, halo=True))
    symbol.appendSymbolLayer(precision_ring(colour, size_mm))


def precision_legend_categories(icon_symbol: QgsMarkerSymbol, colour: str, size_mm: float,
                                language: str | None = None) -> list[QgsRendererCategory]:
    """Legend-only entries (values no incident has) for the two rings, drawn
    around ``icon_symbol`` (a neutral icon) in ``colour``, labelled in
    ``language`` (None: QGIS's)."""
    tr = translator(language)
    entries = []
    for key, precision, label in (
            (LEGEND_APPROXIMATE, APPROXIMATE, tr("Place approximate: dotted ring")),
            (LEGEND_LOW, LOW_PRECISIONS[0], tr("Place only known to the municipality or county: dashed ring"))):
        symbol = icon_symbol.clone()
        symbol.appendSymbolLayer(precision_ring(colour, size_mm, precision))
        entries.append(QgsRendererCategory(key, symbol, label))
    return entries
