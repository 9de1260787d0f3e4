#!/usr/bin/env python3
"""Regenerate the situation report's default template,
``resources/layouts/situation_report.qpt`` (the template of record, which a
municipality edits in QGIS's layout designer; the report fills its items by id).

    .venv/bin/python scripts/write_report_template.py [PATH]

Run it with QGIS 3.22, the oldest QGIS the plugin supports, so that every
supported QGIS reads the template; ``tests/test_report.py`` checks that the
committed file is what this script writes. The output is reproducible: the
items' UUIDs are numbered, not random.
"""

from __future__ import annotations

import atexit
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_QGIS = "3.22"  # the QGIS whose output is committed
UUID = re.compile(r"\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}")


def _plugin_importable() -> None:
    """``lagesbild`` importable as this repository, whatever its folder's name
    (as tests/conftest.py does); left as it is when already imported."""
    if "lagesbild" in sys.modules:
        return
    folder = Path(tempfile.mkdtemp(prefix="lagesbild-import-"))
    (folder / "lagesbild").symlink_to(ROOT, target_is_directory=True)
    atexit.register(lambda: ((folder / "lagesbild").unlink(), folder.rmdir()))
    sys.path.insert(0, str(folder))


_plugin_importable()

from qgis.core import (  # noqa: E402
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
)
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

from lagesbild.core.presentation.report import (  # noqa: E402
    LAYOUT_DIR,
    MUNICIPALITY_PLACEHOLDER,
    NORTH_ARROW_PATH,
    TEMPLATE_PATH,
)
from lagesbild.core.presentation.styling import text_format  # noqa: E402


def _label(layout, item_id: str, text: str, x, y, width, height, size=9.0, bold=False, frame=False):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    if hasattr(label, "setTextFormat"):  # 3.24 and later; setFont is deprecated there
        label.setTextFormat(text_format(size, bold))
    else:
        font = QFont("Sans Serif")
        font.setPointSizeF(size)
        font.setBold(bold)
        label.setFont(font)
    label.setFrameEnabled(frame)
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(x, y))
    label.attemptResize(QgsLayoutSize(width, height))
    return label


def _table(layout, item_id: str, x, y, width, height, size=7.0):
    table = QgsLayoutItemManualTable.create(layout)
    table.setContentTextFormat(text_format(size))
    table.setHeaderTextFormat(text_format(size, bold=True))
    table.setCellMargin(0.8)
    table.setGridStrokeWidth(0.1)
    table.setGridColor(QColor("#bbbbbb"))
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId(item_id)
    frame.attemptMove(QgsLayoutPoint(x, y))
    frame.attemptResize(QgsLayoutSize(width, height))
    table.addFrame(frame)
    return table


def write_template(path: Path = TEMPLATE_PATH) -> Path:
    """Write the default A4 landscape template to ``path``."""
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Lägesrapport")
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
    _label(layout, "title", "Lägesbild", 10, 7, 230, 10, size=18, bold=True)
    _label(layout, "municipality", MUNICIPALITY_PLACEHOLDER, 10, 17, 180, 6, size=10)
    _label(layout, "period", "", 10, 23, 240, 6, size=9)
    logo = QgsLayoutItemPicture(layout)
    logo.setId("logo")
    logo.setPicturePath("")  # the store's logo (Store.set_report_identity); no logo, no frame
    layout.addLayoutItem(logo)
    logo.attemptMove(QgsLayoutPoint(257, 6))
    logo.attemptResize(QgsLayoutSize(30, 18))

    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    layout.addLayoutItem(map_item)
    map_item.attemptMove(QgsLayoutPoint(10, 31))
    map_item.attemptResize(QgsLayoutSize(135, 112))
    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    arrow.setPicturePath(str(NORTH_ARROW_PATH))
    arrow.setLinkedMap(map_item)
    layout.addLayoutItem(arrow)
    arrow.attemptMove(QgsLayoutPoint(134, 33))
    arrow.attemptResize(QgsLayoutSize(9, 13))
    scale_bar = QgsLayoutItemScaleBar(layout)
    scale_bar.setId("scalebar")
    scale_bar.setStyle("Single Box")
    scale_bar.setLinkedMap(map_item)
    scale_bar.setBackgroundEnabled(True)
    scale_bar.setTextFormat(text_format(7))
    scale_bar.setHeight(2.0)
    layout.addLayoutItem(scale_bar)
    scale_bar.attemptMove(QgsLayoutPoint(12, 133))
    _label(layout, "map_note", "", 10, 144, 135, 8, size=7)  # what the map leaves out (low-precision places)
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("")
    legend.setLinkedMap(map_item)
    legend.setLegendFilterByMapEnabled(False)  # a fixed legend: see core/presentation/report_map.py
    legend.setResizeToContents(False)
    legend.setSymbolHeight(3.0)
    legend.setSymbolWidth(5.0)
    legend_styles = ((QgsLegendStyle.Style.Title, 9.0, True), (QgsLegendStyle.Style.Group, 8.0, True),
                     (QgsLegendStyle.Style.Subgroup, 8.0, True), (QgsLegendStyle.Style.SymbolLabel, 7.0, False))
    for style, size, bold in legend_styles:
        if hasattr(legend.rstyle(style), "setTextFormat"):  # 3.30 and later
            legend.rstyle(style).setTextFormat(text_format(size, bold))
        else:
            font = QFont("Sans Serif")
            font.setPointSizeF(size)
            font.setBold(bold)
            legend.rstyle(style).setFont(font)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(147, 31))
    legend.attemptResize(QgsLayoutSize(46, 112))

    _label(layout, "category_heading", "", 197, 31, 90, 5, size=10, bold=True)
    _table(layout, "category_table", 197, 36, 90, 62)
    _label(layout, "summary", "", 197, 99, 90, 9, size=8)
    _label(layout, "time_heading", "", 197, 109, 90, 5, size=10, bold=True)
    _table(layout, "time_chart", 197, 114, 90, 27, size=4.5)
    _label(layout, "time_note", "", 197, 142, 90, 13, size=7)
    _label(layout, "measures_heading", "", 10, 153, 183, 5, size=10, bold=True)
    measures = _table(layout, "measures_table", 10, 158, 183, 40)
    measures.setColumnWidths([52.0, 17.0, 30.0, 34.0, 44.0])
    _label(layout, "assessment_heading", "", 197, 156, 90, 5, size=10, bold=True)
    _label(layout, "assessment", "", 197, 161, 90, 37, size=9, frame=True)
    _label(layout, "note", "", 10, 200, 277, 6, size=6.5)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
        raise OSError(f"the report template could not be written to {path}")
    path.write_text(_reproducible(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def _reproducible(text: str) -> str:
    """The same template text on every run: the shipped pictures by file name
    only (the report puts in the plugin's own path), the items' random UUIDs
    numbered in order of appearance (each one the same everywhere it is
    referred to: a frame's table, a legend's map), and the XML in canonical
    form (C14N 2.0: attributes sorted; Qt writes them in a random order)."""
    text = ET.canonicalize(text.replace(f'file="{LAYOUT_DIR}/', 'file="')) + "\n"
    numbers: dict[str, str] = {}

    def number(match: re.Match) -> str:
        found = match.group(0)
        return numbers.setdefault(found, f"{{00000000-0000-4000-8000-{len(numbers) + 1:012d}}}")

    return UUID.sub(number, text)


def main(argv: list[str]) -> int:
    from qgis.core import QgsApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], False)
    app.initQgis()
    path = write_template(Path(argv[1]) if len(argv) > 1 else TEMPLATE_PATH)
    print(f"Wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
