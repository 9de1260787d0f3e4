"""Renderers for the analysis outputs, built in code so that every output
looks the same wherever it is made (toolbox, model, qgis_process + a saved
default style)."""

from __future__ import annotations

import base64
from pathlib import Path

from qgis.core import (
    QgsBasicNumericFormat,
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsExpression,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsHeatmapRenderer,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRasterShader,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..compat import (
    LABEL_OVER_POINT,
    RENDER_MAP_UNITS,
    SHADER_INTERPOLATED,
    SYMBOL_LAYER_FILL_COLOR,
    SYMBOL_LAYER_STROKE_COLOR,
    SYMBOL_LAYER_STROKE_WIDTH,
    SYMBOL_OPACITY,
    TEMPORAL_START_END_EXPRESSIONS,
)
from ..domain.analysis.fdr import label as hotspot_label
from ..i18n import tr
from .precision_style import LEGEND_APPROXIMATE, LEGEND_LOW, add_precision_ring, precision_legend_categories

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


def embedded_svg(path) -> str:
    """An SVG file as a path QGIS reads without the file ("base64:…"): a
    style saved in a store then draws its icons on any machine or phone."""
    return "base64:" + base64.b64encode(Path(path).read_bytes()).decode("ascii")


def category_symbol(category, size_mm: float = 5.0, embed: bool = False):
    """The category's marker: its SVG icon in its colour (from the code list),
    read from the plugin's file or, with ``embed``, carried in the symbol."""
    from qgis.core import QgsMarkerSymbol, QgsSvgMarkerSymbolLayer

    icon = embedded_svg(category.icon_path) if embed else str(category.icon_path)
    layer = QgsSvgMarkerSymbolLayer(icon, size_mm)
    layer.setFillColor(QColor(category.colour))
    layer.setStrokeColor(QColor("#ffffff"))
    layer.setStrokeWidth(0.2)
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, layer)
    return symbol


def incident_renderer(language: str = "en", size_mm: float = 5.0, recency: bool = False,
                      embed: bool = False) -> QgsCategorizedSymbolRenderer:
    """Incidents by category, each with its colour and icon from the code list
    (the one home of both), labelled in ``language``. With ``recency`` the
    last ``RECENT_DAYS`` days are drawn strong, older incidents faded, and
    closed ones hollow (grey inside, the category's colour as the outline).
    Always, a place that is not exact is ringed (``precision_style``), in the
    store's own style for plain QGIS and QField too.
    With ``embed`` the icons travel inside the renderer (see ``embedded_svg``)."""
    from ..domain import codelist

    categories = []
    for category in codelist.CATEGORIES:
        symbol = category_symbol(category, size_mm, embed)
        if recency:
            _recency_and_status(symbol, category.colour)
        add_precision_ring(symbol, category.colour, size_mm)
        categories.append(QgsRendererCategory(category.code, symbol, category.label(language)))
    # the store's own style (plain QGIS, QField) explains the rings all the same
    categories += recency_legend_categories(size_mm, embed) if recency else _ring_legend(size_mm, embed, language)
    renderer = QgsCategorizedSymbolRenderer("category", categories)
    renderer.setUsingSymbolLevels(True)  # the precision rings over all icons (precision_style)
    return renderer


# legend-only entries: values no incident has (a category is a code of the code list)
LEGEND_FADED, LEGEND_CLOSED = "lagesbild:legend:older", "lagesbild:legend:closed"
LEGEND_KEYS = (LEGEND_FADED, LEGEND_CLOSED, LEGEND_APPROXIMATE, LEGEND_LOW)
LEGEND_COLOUR = "#4d4d4d"


def recency_legend_categories(size_mm: float = 5.0, embed: bool = False) -> list[QgsRendererCategory]:
    """Legend entries that explain the drawing rather than a category: an
    incident older than ``RECENT_DAYS`` days drawn faded, a closed one drawn
    hollow and grey, and the rings of a place that is not exact. Their values
    match no incident, so they draw nothing; the legend shows them with a
    neutral icon drawn the same way."""
    from ..domain import codelist

    icon = codelist.CATEGORIES[0]
    faded = category_symbol(icon, size_mm, embed)
    faded.symbolLayer(0).setFillColor(QColor(LEGEND_COLOUR))
    faded.setOpacity(FADED_OPACITY / 100)
    closed = category_symbol(icon, size_mm, embed)
    _closed_look(closed.symbolLayer(0), LEGEND_COLOUR)
    closed.setOpacity(CLOSED_OPACITY / 100)
    return [QgsRendererCategory(LEGEND_FADED, faded, tr("Older than {days} days: faded").format(days=RECENT_DAYS)),
            QgsRendererCategory(LEGEND_CLOSED, closed, tr("Closed: hollow, grey"))] + _ring_legend(size_mm, embed)


def _ring_legend(size_mm: float, embed: bool, language: str | None = None) -> list[QgsRendererCategory]:
    """The two legend entries of the precision rings, around a neutral icon."""
    from ..domain import codelist

    plain = category_symbol(codelist.CATEGORIES[0], size_mm, embed)
    plain.symbolLayer(0).setFillColor(QColor(LEGEND_COLOUR))
    return precision_legend_categories(plain, LEGEND_COLOUR, size_mm, language)


def _closed_look(symbol_layer, colour: str) -> None:
    symbol_layer.setFillColor(QColor(CLOSED_FILL))
    symbol_layer.setStrokeColor(QColor(colour))
    symbol_layer.setStrokeWidth(CLOSED_STROKE_MM)


# --- the situation picture ----------------------------------------------------

RECENT_DAYS = 14
FADED_OPACITY = 35  # percent
CLOSED_OPACITY = 60
CLOSED_FILL = "#d9d9d9"
CLOSED_STROKE_MM = 0.6
AREA_OUTLINE = "#252525"
MEASURE_COLOURS = {"planned": "#807dba", "active": "#1b7837", "completed": "#4d4d4d", "cancelled": "#bdbdbd"}


def utc_epoch_days(field: str) -> str:
    """An expression: the instant of a stored UTC time as days since 1970.

    Stored times are UTC text; QGIS 3.22 reads them as date-times without a
    zone that show the UTC clock figures (newer QGIS as UTC date-times with
    the same figures). Built from those figures alone, with date arithmetic
    that knows no zone, the value is the same on a machine in any zone."""
    column = QgsExpression.quotedColumnRef(field)
    return (f"(day(to_date({column}) - to_date('1970-01-01')) + hour({column}) / 24.0"
            f" + minute({column}) / 1440.0 + second({column}) / 86400.0)")


def age_in_days(field: str = "occurred_from") -> str:
    """An expression: days from the stored UTC ``field`` to now."""
    return f"(epoch(now()) / 86400000.0 - {utc_epoch_days(field)})"


def local_datetime(field: str) -> str:
    """An expression: a stored UTC time as a date-time with the machine's
    local clock figures, which is what QGIS compares with the temporal
    controller's range (QGIS compares date-times by their figures)."""
    return f"datetime_from_epoch(round({utc_epoch_days(field)} * 86400000))"


def opacity_expression(field: str = "occurred_from", status_field: str = "status") -> str:
    return (f"CASE WHEN {QgsExpression.quotedColumnRef(status_field)} = 'closed' THEN {CLOSED_OPACITY}"
            f" WHEN {age_in_days(field)} <= {RECENT_DAYS} THEN 100 ELSE {FADED_OPACITY} END")


def _recency_and_status(symbol, colour: str) -> None:
    """Opacity by age and status; a closed incident grey inside with its
    category's colour as a wider outline, so that one closed incident alone
    still stands out on a white or a background map."""
    symbol.setDataDefinedProperty(SYMBOL_OPACITY, QgsProperty.fromExpression(opacity_expression()))
    layer = symbol.symbolLayer(0)
    closed = "\"status\" = 'closed'"
    layer.setDataDefinedProperty(SYMBOL_LAYER_FILL_COLOR, QgsProperty.fromExpression(
        f"CASE WHEN {closed} THEN '{CLOSED_FILL}' ELSE '{colour}' END"))
    layer.setDataDefinedProperty(SYMBOL_LAYER_STROKE_COLOR, QgsProperty.fromExpression(
        f"CASE WHEN {closed} THEN '{colour}' ELSE '#ffffff' END"))
    layer.setDataDefinedProperty(SYMBOL_LAYER_STROKE_WIDTH, QgsProperty.fromExpression(
        f"CASE WHEN {closed} THEN {CLOSED_STROKE_MM} ELSE 0.2 END"))
    layer.setStrokeColor(QColor("#ffffff"))


def heatmap_renderer(radius_m: float = 250.0, weight_expression: str = "") -> QgsHeatmapRenderer:
    """The incidents as a heat map: a kernel of ``radius_m`` metres (the map
    units of the store's projected CRS), on a ramp fading to transparent."""
    renderer = QgsHeatmapRenderer()
    renderer.setRadius(radius_m)
    renderer.setRadiusUnit(RENDER_MAP_UNITS)
    renderer.setRenderQuality(1)  # best
    renderer.setWeightExpression(weight_expression)
    renderer.setMaximumValue(0)  # automatic
    renderer.setColorRamp(QgsGradientColorRamp(
        QColor(255, 255, 178, 0), QColor(189, 0, 38, 235), False,
        [QgsGradientStop(0.25, QColor(254, 204, 92, 170)), QgsGradientStop(0.5, QColor(253, 141, 60, 200)),
         QgsGradientStop(0.75, QColor(240, 59, 32, 220))]))
    return renderer


def _labels(expression: str, size_pt: float, colour: str = "#000000") -> QgsVectorLayerSimpleLabeling:
    text_format = QgsTextFormat()
    text_format.setSize(size_pt)
    text_format.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("#ffffff"))
    text_format.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    settings.placement = LABEL_OVER_POINT
    settings.setFormat(text_format)
    return QgsVectorLayerSimpleLabeling(settings)


def area_renderer() -> QgsSingleSymbolRenderer:
    """Areas outlined, with no fill, so the incidents inside stay visible."""
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": AREA_OUTLINE, "outline_width": "0.6",
                                         "outline_style": "dash"})
    return QgsSingleSymbolRenderer(symbol)


def area_labeling() -> QgsVectorLayerSimpleLabeling:
    return _labels(QgsExpression.quotedColumnRef("name"), 9.0, AREA_OUTLINE)


def measure_renderer(language: str = "en") -> QgsCategorizedSymbolRenderer:
    """Measures hatched in the colour of their status (from the code list)."""
    from ..domain import codelist

    categories = []
    for code, label_sv, label_en in codelist.MEASURE_STATUSES:
        symbol = QgsFillSymbol.createSimple({"style": "b_diagonal", "color": MEASURE_COLOURS[code],
                                             "outline_color": MEASURE_COLOURS[code], "outline_width": "0.5"})
        categories.append(QgsRendererCategory(code, symbol, label_sv if language.startswith("sv") else label_en))
    return QgsCategorizedSymbolRenderer("status", categories)


def measure_label_expression(language: str = "en") -> str:
    """'<title> (<status in words>)', the status words from the code list."""
    from ..domain import codelist

    status = QgsExpression.quotedColumnRef("status")
    cases = " ".join(
        f"WHEN {status} = {QgsExpression.quotedValue(code)} "
        f"THEN {QgsExpression.quotedValue(sv if language.startswith('sv') else en)}"
        for code, sv, en in codelist.MEASURE_STATUSES)
    return f"{QgsExpression.quotedColumnRef('title')} || ' (' || CASE {cases} ELSE {status} END || ')'"


def measure_labeling(language: str = "en") -> QgsVectorLayerSimpleLabeling:
    return _labels(measure_label_expression(language), 8.0, "#1b1b1b")


def set_incident_temporal_properties(layer) -> None:
    """Let the temporal controller step through the incidents: each lasts from
    ``occurred_from`` to ``occurred_to`` (or is an instant when that is empty).

    Expressions rather than the plain fields: with fields, QGIS treats an
    empty end as open for ever, and compares the stored UTC figures as if they
    were local time; the expressions give local date-times."""
    properties = layer.temporalProperties()
    properties.setIsActive(True)
    properties.setMode(TEMPORAL_START_END_EXPRESSIONS)
    properties.setStartExpression(local_datetime("occurred_from"))
    properties.setEndExpression(
        f"coalesce({local_datetime('occurred_to')}, {local_datetime('occurred_from')})")


# --- numbers and text as the report writes them ------------------------------------

def number_format(language: str) -> QgsBasicNumericFormat:
    """Numbers as ``language`` writes them: Swedish 12 500,5 (a no-break
    space between thousands, a decimal comma), English 12,500.5. For the
    report's scale bar, whose numbers QGIS would otherwise write in the
    machine's locale, whatever the report's language."""
    result = QgsBasicNumericFormat()
    result.setShowThousandsSeparator(True)
    swedish = language == "sv"
    result.setThousandsSeparator("\u00a0" if swedish else ",")
    result.setDecimalSeparator("," if swedish else ".")
    result.setShowTrailingZeros(False)
    return result


def text_format(size: float, bold: bool = False, colour: str = "#222222") -> QgsTextFormat:
    """The report's text: Sans Serif of ``size`` points."""
    result = QgsTextFormat()
    font = QFont("Sans Serif")
    font.setBold(bold)
    result.setFont(font)
    result.setSize(size)
    result.setColor(QColor(colour))
    return result
