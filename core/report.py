"""The situation report: a print layout from ``resources/layouts/situation_report.qpt``
filled from a store, and exported to PDF with its text kept as text.

The template is the one a municipality edits (its name in the item
``municipality``, its logo in ``logo``); the report finds the items by their
ids and fills them. ``write_template`` regenerates the shipped template.
The numbers and the suppression of small counts come from ``report_data``.
Nothing here adds anything to the user's project: the layers and the layout
live in a private ``QgsProject`` unless a project is passed in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayerTree,
    QgsLayoutExporter,
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
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsTableCell,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from . import codelist
from .analysis import AnalysisError
from .analysis.hotspots import hotspots
from .analysis.timeprofile import top_windows, weekday_names, window_label
from .compat import TEXT_RENDER_ALWAYS_TEXT
from .i18n import language, tr
from .periods import local_today
from .report_data import (
    FEWER,
    MIN_COUNT,
    SHOWN,
    CategoryRow,
    PageData,
    comparison_period,
    district_pages,
    profile_classes,
    town_page,
)
from .store import Store
from .styling import hotspot_renderer, incident_renderer
from .timeutil import Period, sql_bound
from .wording import change_in_words, number, period_in_words

LAYOUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "layouts"
TEMPLATE_PATH = LAYOUT_DIR / "situation_report.qpt"
LOGO_PATH = LAYOUT_DIR / "logo.svg"
NORTH_ARROW_PATH = LAYOUT_DIR / "north_arrow.svg"
MUNICIPALITY_PLACEHOLDER = "[municipality]"
HEAT_COLOURS = ("#ffffff", "#fcbba1", "#fb6a4a", "#cb181d", "#67000d")
FOLLOWUP_CHARACTERS = 110


class ReportError(Exception):
    """The report could not be made; the message says why."""


class Cancelled(ReportError):
    pass


@dataclass
class ReportOptions:
    period: Period
    compare_with: str = "last_year"  # report_data.COMPARE_OPTIONS
    atlas_by_area: bool = False
    min_count: int = MIN_COUNT
    title: str = ""
    today: date | None = None  # the date of the picture; default today in the store's zone


@dataclass
class ReportResult:
    path: Path
    pages: int
    incidents: int
    layout: QgsPrintLayout


# --- the template ---------------------------------------------------------------------

def _text_format(size: float, bold: bool = False, colour: str = "#222222") -> QgsTextFormat:
    text_format = QgsTextFormat()
    font = QFont("Sans Serif")
    font.setBold(bold)
    text_format.setFont(font)
    text_format.setSize(size)
    text_format.setColor(QColor(colour))
    return text_format


def _label(layout, item_id: str, text: str, x, y, width, height, size=9.0, bold=False, frame=False):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    if hasattr(label, "setTextFormat"):  # 3.24 and later; setFont is deprecated there
        label.setTextFormat(_text_format(size, bold))
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
    table.setContentTextFormat(_text_format(size))
    table.setHeaderTextFormat(_text_format(size, bold=True))
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
    """Write the default A4 landscape template (the shipped .qpt is made by this)."""
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
    logo.setPicturePath(str(LOGO_PATH))
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
    scale_bar.setTextFormat(_text_format(7))
    scale_bar.setHeight(2.0)
    layout.addLayoutItem(scale_bar)
    scale_bar.attemptMove(QgsLayoutPoint(12, 133))
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("")
    legend.setLinkedMap(map_item)
    legend.setLegendFilterByMapEnabled(True)
    legend.setResizeToContents(False)
    legend.setSymbolHeight(3.0)
    legend.setSymbolWidth(5.0)
    legend_styles = ((QgsLegendStyle.Style.Title, 9.0, True), (QgsLegendStyle.Style.Group, 8.0, True),
                     (QgsLegendStyle.Style.Subgroup, 8.0, True), (QgsLegendStyle.Style.SymbolLabel, 7.0, False))
    for style, size, bold in legend_styles:
        if hasattr(legend.rstyle(style), "setTextFormat"):  # 3.30 and later
            legend.rstyle(style).setTextFormat(_text_format(size, bold))
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
    _label(layout, "time_note", "", 197, 142, 90, 10, size=7)
    _label(layout, "measures_heading", "", 10, 153, 183, 5, size=10, bold=True)
    measures = _table(layout, "measures_table", 10, 158, 183, 40)
    measures.setColumnWidths([52.0, 17.0, 30.0, 34.0, 44.0])
    _label(layout, "assessment_heading", "", 197, 154, 90, 5, size=10, bold=True)
    _label(layout, "assessment", "", 197, 159, 90, 39, size=9, frame=True)
    _label(layout, "note", "", 10, 200, 277, 6, size=6.5)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
        raise ReportError(tr("the report template could not be written to {path}").format(path=path))
    # the shipped pictures by file name only: the report puts in the plugin's own path
    text = path.read_text(encoding="utf-8").replace(f'file="{LAYOUT_DIR}/', 'file="')
    path.write_text(text, encoding="utf-8")
    return path


# --- the layers -------------------------------------------------------------------------

def _incident_layer(store: Store, page: PageData) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{store.path}|layername=incidents", tr("Incidents"), "ogr")
    if not layer.isValid():
        raise ReportError(tr("the incidents of {path} cannot be read").format(path=store.path))
    if page.area is None:
        start, end = page.period.utc_bounds(store.tz)
        layer.setSubsetString(f"\"occurred_from\" >= '{sql_bound(start)}' AND \"occurred_from\" < '{sql_bound(end)}'")
    else:
        fids = ",".join(str(int(f)) for f in page.fids.tolist()) or "-1"
        layer.setSubsetString(f"fid IN ({fids})")
    layer.setRenderer(incident_renderer(language(), size_mm=3.2))
    return layer


def _hotspot_layer(store: Store, period: Period) -> QgsVectorLayer | None:
    """Hot and cold spots (Gi*, automatic grid) of the period over the town;
    None when the period is too thin for the analysis."""
    from .store import IncidentFilter

    data = store.arrays(IncidentFilter(period=period), ())
    try:
        result = hotspots(data["x"], data["y"])
    except AnalysisError:
        return None
    except ValueError as error:  # a failure of the analysis must not cost the council its report
        logging.getLogger("lagesbild").warning("No hot spots on the report's map: %s", error)
        return None
    layer = QgsVectorLayer(f"Polygon?crs={store.crs}&field=gi_bin:integer", tr("Hot and cold spots"), "memory")
    features = []
    rings, bins = result.grid.rings(), result.bins.tolist()
    for i, gi_bin in enumerate(bins):
        if gi_bin == 0:
            continue  # not significant: left clear, so the map stays readable
        feature = QgsFeature(layer.fields())
        wkt = "POLYGON((" + ", ".join(f"{x!r} {y!r}" for x, y in rings[i].tolist()) + "))"
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([int(gi_bin)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    renderer = hotspot_renderer()
    renderer.setUsingSymbolLevels(False)
    layer.setRenderer(renderer)
    layer.setOpacity(0.75)
    return layer


def _area_layer(store: Store) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{store.path}|layername=areas", tr("Areas"), "ogr")
    outline = {"color": "#00000000", "outline_color": "#303030", "outline_width": "0.5"}
    focus = dict(outline, outline_color="#6a3d9a", outline_style="dash", outline_width="0.4")
    renderer = QgsCategorizedSymbolRenderer("kind", [])
    from qgis.core import QgsRendererCategory

    renderer.addCategory(QgsRendererCategory("district", QgsFillSymbol.createSimple(outline), tr("District")))
    renderer.addCategory(QgsRendererCategory("focus_area", QgsFillSymbol.createSimple(focus), tr("Focus area")))
    plain = QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(outline))
    layer.setRenderer(renderer if layer.featureCount() else plain)
    settings = QgsPalLayerSettings()
    settings.fieldName = "name"
    settings.enabled = True
    text_format = _text_format(8, bold=True, colour="#202020")
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text_format.setBuffer(buffer)
    settings.setFormat(text_format)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


# --- filling a page -------------------------------------------------------------------------

def _count_text(value: int, mark: int, min_count: int) -> str:
    if mark == SHOWN:
        return str(value)
    if mark == FEWER:
        return tr("fewer than {n}").format(n=min_count)
    return tr("not shown")


def _category_contents(page: PageData, min_count: int, lang: str) -> list[list[QgsTableCell]]:
    with_base = page.base is not None
    header = [tr("Category"), period_in_words(page.period, lang)]
    if with_base:
        header += [period_in_words(page.base, lang), tr("Change")]
    rows = [[_cell(text, bold=True, background="#eeeeee") for text in header]]

    def row_cells(label: str, row: CategoryRow, bold=False) -> list[QgsTableCell]:
        cells = [_cell(label, bold), _cell(_count_text(row.count, row.mark, min_count), bold, right=True)]
        if with_base:
            change = "–"
            if row.change_shown and row.count_before > 0:
                change = number(100.0 * (row.count - row.count_before) / row.count_before, lang, sign=True) + " %"
            cells += [_cell(_count_text(row.count_before, row.mark_before, min_count), bold, right=True),
                      _cell(change, bold, right=True)]
        return cells

    for row in page.rows:
        rows.append(row_cells(codelist.label(row.code, lang), row))
    rows.append(row_cells(tr("Total"), page.total, bold=True))
    return rows


def _cell(text: str, bold: bool = False, background: str | None = None, right: bool = False) -> QgsTableCell:
    from qgis.PyQt.QtCore import Qt

    cell = QgsTableCell(text)
    if bold:
        cell.setTextFormat(_text_format(7, bold=True))
    if background:
        cell.setBackgroundColor(QColor(background))
    if right:
        cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
    return cell


def _time_chart_contents(page: PageData, min_count: int, lang: str) -> list[list[QgsTableCell]]:
    classes = profile_classes(page.profile, min_count, len(HEAT_COLOURS))
    rows = [[_cell("")] + [_cell(f"{hour:02d}") for hour in range(24)]]
    for day, name in enumerate(weekday_names(lang)):
        rows.append([_cell(name[:3])] + [_cell("", background=HEAT_COLOURS[int(c)]) for c in classes[day]])
    return rows


def _measure_contents(store: Store, page: PageData, lang: str) -> list[list[QgsTableCell]]:
    statuses = {code: (sv if lang == "sv" else en) for code, sv, en in codelist.MEASURE_STATUSES}
    organisations = {o["code"]: (o["name_sv"] if lang == "sv" else o["name_en"]) for o in store.organisations()}
    header = [tr("Measure"), tr("Status"), tr("Responsible"), tr("Period"), tr("Last follow-up")]
    rows = [[_cell(text, bold=True, background="#eeeeee") for text in header]]
    for measure in page.measures:
        followup = "–"
        if measure.followup_date is not None:
            result = (measure.followup_result or "").strip()
            if len(result) > FOLLOWUP_CHARACTERS:
                result = result[:FOLLOWUP_CHARACTERS - 1].rstrip() + "…"
            followup = f"{measure.followup_date.isoformat()}: {result}" if result else measure.followup_date.isoformat()
        span = measure.start_date.isoformat() + "–" + (measure.end_date.isoformat() if measure.end_date else "")
        rows.append([_cell(measure.title), _cell(statuses.get(measure.status, measure.status)),
                     _cell(organisations.get(measure.responsible_org, measure.responsible_org or "–")),
                     _cell(span), _cell(followup)])
    if not page.measures:
        rows.append([_cell(tr("No active or planned measures.")), _cell(""), _cell(""), _cell(""), _cell("")])
    return rows


def _summary_text(page: PageData, min_count: int, lang: str) -> str:
    total = page.total
    if total.count == 0:
        return tr("There were no incidents in the period.")
    if total.mark != SHOWN:
        return tr("Fewer than {n} incidents in the period.").format(n=min_count) if total.mark == FEWER else ""
    comparison = page.total_comparison
    if comparison is None or not total.change_shown:
        return tr("{n} incidents in the period.").format(n=total.count)
    change = change_in_words(comparison.count_a, comparison.count_b, page.base, lang)
    return tr("{n} incidents in the period; {change}.").format(n=total.count, change=change)


def _time_note(page: PageData, min_count: int, lang: str) -> str:
    windows = [w for w in top_windows(page.profile) if w.weight >= min_count]
    text = tr("Incidents by weekday and local hour of their start: darker is more; white is none or fewer "
              "than {n}.").format(n=min_count)
    if windows:
        text += " " + tr("Busiest four-hour windows: {windows}.").format(
            windows=", ".join(window_label(w, lang) for w in windows))
    return text


def _items(items) -> dict:
    found = {}
    for item in items:
        if item.id():
            found.setdefault(item.id(), item)
    return found


def _fill_page(layout, items: dict, store: Store, page: PageData, options: ReportOptions, layers: dict,
               title: str, lang: str) -> None:
    def label(item_id: str, text: str):
        item = items.get(item_id)
        if isinstance(item, QgsLayoutItemLabel):
            item.setText(text)

    page_title = title if page.area is None else f"{title}: {page.area}"
    label("title", page_title)
    municipality = items.get("municipality")
    if isinstance(municipality, QgsLayoutItemLabel) and municipality.text() == MUNICIPALITY_PLACEHOLDER:
        municipality.setText("")
    today = options.today or local_today(store.tz)
    period_text = tr("Period {period}").format(period=period_in_words(page.period, lang, today))
    if page.base is not None:
        period_text += " · " + tr("compared with {base}").format(base=period_in_words(page.base, lang))
    period_text += " · " + tr("situation picture of {day}").format(day=period_in_words(Period(today, today), lang))
    label("period", period_text)
    label("category_heading", tr("Incidents by category"))
    label("summary", _summary_text(page, options.min_count, lang))
    label("time_heading", tr("Time of week"))
    label("time_note", _time_note(page, options.min_count, lang))
    label("measures_heading", tr("Measures in the action plan"))
    label("assessment_heading", tr("Assessment and decisions"))
    label("note", tr(
        "Shared report: no incident descriptions or handling notes. Counts below {n} are shown as \"fewer than "
        "{n}\"; a count marked \"not shown\" is withheld so that a small count cannot be worked out from a total. "
        "Hot and cold spots: Getis-Ord Gi* over the whole town.").format(n=options.min_count))
    for picture_id, default in (("logo", LOGO_PATH), ("north_arrow", NORTH_ARROW_PATH)):
        picture = items.get(picture_id)
        if isinstance(picture, QgsLayoutItemPicture) and not Path(picture.picturePath()).is_file():
            picture.setPicturePath(str(default))

    for table_id, contents in (("category_table", _category_contents(page, options.min_count, lang)),
                               ("time_chart", _time_chart_contents(page, options.min_count, lang)),
                               ("measures_table", _measure_contents(store, page, lang))):
        frame = items.get(table_id)
        if isinstance(frame, QgsLayoutFrame) and isinstance(frame.multiFrame(), QgsLayoutItemManualTable):
            table = frame.multiFrame()
            table.setIncludeTableHeader(False)
            table.setTableContents(contents)
            if table_id == "measures_table" and len(table.columnWidths()) != len(contents[0]):
                table.setColumnWidths([52.0, 17.0, 30.0, 34.0, 44.0])
            if table_id == "time_chart":
                table.setColumnWidths([7.0] + [2.8] * 24)
                table.setCellMargin(0.3)

    map_item = items.get("map")
    if not isinstance(map_item, QgsLayoutItemMap):
        return
    map_layers = [layers["incidents"][page.area], layers["areas"]] + (
        [layers["hotspots"]] if layers["hotspots"] is not None else [])
    map_item.setCrs(layers["areas"].crs())
    map_item.setLayers(map_layers)
    map_item.setKeepLayerSet(True)
    extent = _page_extent(store, page)
    map_item.setExtent(extent)  # zoomToExtent alone does nothing on a map with no extent yet
    map_item.zoomToExtent(extent)
    for item_id in ("legend", "scalebar", "north_arrow"):
        item = items.get(item_id)
        if item is not None and hasattr(item, "setLinkedMap"):
            item.setLinkedMap(map_item)
    legend = items.get("legend")
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setAutoUpdateModel(False)
        root = QgsLayerTree()
        for layer in map_layers:
            root.addLayer(layer)
        legend.model().setRootGroup(root)
        layers["legend_roots"].append(root)
        legend.setTitle(tr("Legend"))
        legend.updateFilterByMap()
    scale_bar = items.get("scalebar")
    if isinstance(scale_bar, QgsLayoutItemScaleBar):
        _fit_scale_bar(scale_bar, extent.width())


def _fit_scale_bar(scale_bar, map_width_m: float) -> None:
    """Two segments of a round length, about a fifth of the map's width, in
    metres or kilometres (QGIS's own default sizing, on the filled map)."""
    scale_bar.applyDefaultSize()
    scale_bar.setNumberOfSegmentsLeft(0)
    scale_bar.setNumberOfSegments(2)
    scale_bar.update()


def _page_extent(store: Store, page: PageData) -> QgsRectangle:
    areas = store.areas("district") if page.area is None else [a for a in store.areas() if a.name == page.area]
    if areas:
        envelopes = np.asarray([a.geometry.GetEnvelope() for a in areas])  # minx, maxx, miny, maxy
        rect = QgsRectangle(envelopes[:, 0].min(), envelopes[:, 2].min(), envelopes[:, 1].max(), envelopes[:, 3].max())
    else:
        xmin, ymin, xmax, ymax = store.extent
        rect = QgsRectangle(xmin, ymin, xmax, ymax)
    rect.scale(1.08)
    return rect


# --- the report --------------------------------------------------------------------------

def build_report(store: Store, options: ReportOptions, project: QgsProject | None = None,
                 feedback=None, template: Path = TEMPLATE_PATH) -> tuple[QgsPrintLayout, dict, list[PageData]]:
    """The filled layout (one page, or one per district with
    ``atlas_by_area``), the layers it draws (keep them alive while it is
    used) and the pages' data."""
    lang = language()
    base = comparison_period(options.period, options.compare_with)
    pages = (district_pages(store, options.period, base, options.min_count) if options.atlas_by_area
             else [town_page(store, options.period, base, options.min_count)])
    if options.atlas_by_area and not pages:
        raise ReportError(tr("the store has no area of kind district: there is nothing to make a page of"))
    _progress(feedback, 20)
    project = project if project is not None else QgsProject()
    layers = {"areas": _area_layer(store), "hotspots": _hotspot_layer(store, options.period),
              "incidents": {page.area: _incident_layer(store, page) for page in pages}, "legend_roots": [],
              "project": project}
    project.addMapLayers([layers["areas"]] + list(layers["incidents"].values())
                         + ([layers["hotspots"]] if layers["hotspots"] is not None else []), False)
    _progress(feedback, 40)

    document = QDomDocument()
    if not template.is_file() or not document.setContent(template.read_text(encoding="utf-8")):
        raise ReportError(tr("the report template {path} cannot be read").format(path=template))
    layout = QgsPrintLayout(project)
    title = options.title or tr("Situation picture")
    layout.setName(title)
    for number_, page in enumerate(pages):
        if feedback is not None and feedback.isCanceled():
            raise Cancelled(tr("cancelled"))
        if number_ == 0:
            items, ok = layout.loadFromTemplate(document, QgsReadWriteContext(), True)
        else:
            layout.pageCollection().addPage(_new_page(layout))
            items, ok = layout.loadFromTemplate(document, QgsReadWriteContext(), False)
            items = [item for item in items if not isinstance(item, QgsLayoutItemPage)]
            for item in items:
                position = item.positionWithUnits()
                item.attemptMove(position, True, False, number_)
        if not ok:
            raise ReportError(tr("the report template {path} cannot be read").format(path=template))
        _fill_page(layout, _items(items), store, page, options, layers, title, lang)
        _progress(feedback, 40 + 40 * (number_ + 1) / len(pages))
    return layout, layers, pages


def _new_page(layout) -> QgsLayoutItemPage:
    page = QgsLayoutItemPage(layout)
    page.setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
    return page


def _progress(feedback, percent: float) -> None:
    if feedback is not None:
        feedback.setProgress(percent)


def export_report(store_path, pdf_path, options: ReportOptions, project: QgsProject | None = None,
                  feedback=None) -> ReportResult:
    """Make the report of the store at ``store_path`` and write it to ``pdf_path``."""
    pdf_path = Path(pdf_path)
    if not pdf_path.parent.is_dir():
        raise ReportError(tr("the folder {folder} does not exist").format(folder=pdf_path.parent))
    with Store.open(store_path) as store:
        layout, layers, pages = build_report(store, options, project, feedback)
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.textRenderFormat = TEXT_RENDER_ALWAYS_TEXT
        settings.rasterizeWholeImage = False
        settings.dpi = 200
        outcome = QgsLayoutExporter(layout).exportToPdf(str(pdf_path), settings)
        if outcome != QgsLayoutExporter.ExportResult.Success:
            raise ReportError(tr("the report could not be written to {path}").format(path=pdf_path))
        _progress(feedback, 100)
        incidents = int(sum(page.fids.size for page in pages))
    return ReportResult(pdf_path, layout.pageCollection().pageCount(), incidents, layout)
