"""Keeping the filled report inside its pages, at any length of text: the
legend's labels wrapped to the legend's width (and into a second column when
they are too many), tables' columns sized to their frames, and a table that
runs out of room continued on a page of its own instead of losing rows.

A layout's legend and tables do not wrap or spill over by themselves: a
label wider than its legend is cut off at the frame, a column wider than its
table's frame is drawn past it (off the page), and rows beyond a table's last
frame are dropped without a word.
"""

from __future__ import annotations

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsRenderContext,
)
from qgis.PyQt.QtCore import Qt

# a continuation page: the same margins as the template's first page (A4 landscape, mm)
CONTINUATION_MARGIN = 10.0
CONTINUATION_TOP = 18.0
CONTINUATION_BOTTOM = 200.0
MAX_CONTINUATION_PAGES = 20  # a table longer than this is cut, not the report's memory


def wrap_to_width(text: str, font, width_mm: float) -> str:
    """``text`` with its words put in lines no wider than ``width_mm`` in
    ``font`` (a word wider than the line stays whole, on its own line)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and QgsLayoutUtils.textWidthMM(font, candidate) > width_mm:
            lines.append(line)
            line = word
        else:
            line = candidate
    return "\n".join(lines + [line])


def _legend_font(legend, style):
    style_settings = legend.rstyle(style)
    if hasattr(style_settings, "textFormat"):  # 3.30 and later
        return style_settings.textFormat().toQFont()
    return style_settings.font()


def _wrap_legend(legend, width_mm: float) -> None:
    model = legend.model()
    settings = legend.legendSettings()
    title_font = _legend_font(legend, QgsLegendStyle.Style.Subgroup)
    label_font = _legend_font(legend, QgsLegendStyle.Style.SymbolLabel)
    box = 2 * settings.boxSpace()
    label_width = width_mm - box - settings.symbolSize().width() - 3.0
    for node in model.rootGroup().findLayers():
        if node.layer() is None:
            continue
        node.setCustomProperty("legend/title-label", wrap_to_width(node.layer().name(), title_font, width_mm - box))
        originals = [n.data(Qt.ItemDataRole.DisplayRole) or "" for n in model.layerLegendNodes(node)]
        for index, original in enumerate(originals):
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, index, wrap_to_width(original, label_font,
                                                                                    label_width))
        model.refreshLayerLegend(node)


def _legend_height(legend) -> float:
    renderer = QgsLegendRenderer(legend.model(), legend.legendSettings())
    return renderer.minimumSize().height()


def fit_legend(legend) -> int:
    """Wrap the legend's labels to its width; when they are then taller than
    its frame, put them in two columns (each wrapped to half the width).
    Returns the number of columns used."""
    width, height = legend.rect().width(), legend.rect().height()
    legend.setColumnCount(1)
    _wrap_legend(legend, width)
    if _legend_height(legend) > height:
        legend.setColumnCount(2)
        legend.setSplitLayer(True)
        legend.setEqualColumnWidth(True)
        _wrap_legend(legend, (width - legend.columnSpace()) / 2)
    legend.updateLegend()
    return legend.columnCount()


def table_column_widths(table, frame_width: float, weights: list[float]) -> list[float]:
    """Column widths (mm) in the proportions ``weights`` that, with the
    table's cell margins and grid lines, fill ``frame_width`` exactly."""
    columns = len(weights)
    grid = table.gridStrokeWidth() if table.showGrid() else 0.0
    available = frame_width - 2 * table.cellMargin() * columns - grid * (columns + 1) - 0.2
    total = sum(weights)
    return [available * weight / total for weight in weights]


def rows_left_over(table) -> int:
    """The rows of ``table`` that none of its frames shows."""
    rows = len(table.tableContents())
    if not table.frames():
        return rows
    context = QgsRenderContext()
    shown = table.rowRange(context, len(table.frames()) - 1)[1]
    return max(0, rows - shown)


def continue_table(layout, table, heading: str, heading_format, after_page: int) -> int:
    """While ``table`` has rows that no frame shows, add a page after page
    ``after_page`` (0-based) with ``heading`` and a frame as large as the page
    allows. Returns the number of pages added."""
    added = 0
    while rows_left_over(table) and added < MAX_CONTINUATION_PAGES:
        added += 1
        index = after_page + added
        page = QgsLayoutItemPage(layout)
        page.setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
        layout.pageCollection().insertPage(page, index)
        width = page.pageSize().width() - 2 * CONTINUATION_MARGIN
        label = QgsLayoutItemLabel(layout)
        label.setText(heading)
        if hasattr(label, "setTextFormat"):
            label.setTextFormat(heading_format)
        else:
            label.setFont(heading_format.toQFont())
        layout.addLayoutItem(label)
        label.attemptMove(QgsLayoutPoint(CONTINUATION_MARGIN, CONTINUATION_MARGIN), True, False, index)
        label.attemptResize(QgsLayoutSize(width, CONTINUATION_TOP - CONTINUATION_MARGIN - 2))
        frame = QgsLayoutFrame(layout, table)
        frame.setId(f"{table.frames()[0].id()}_{added + 1}")
        layout.addLayoutItem(frame)
        frame.attemptMove(QgsLayoutPoint(CONTINUATION_MARGIN, CONTINUATION_TOP), True, False, index)
        frame.attemptResize(QgsLayoutSize(width, CONTINUATION_BOTTOM - CONTINUATION_TOP))
        table.addFrame(frame)
    return added
