"""The situation report: a print layout from ``resources/layouts/situation_report.qpt``
filled from a store, and exported to PDF with its text kept as text.

The template is the one a municipality edits; the report finds the items by
their ids and fills them. The municipality's name and logo are settings of
the store (``Store.set_report_identity``), or given for one report in
``ReportOptions``; without a logo the ``logo`` item is taken out, not left as
an empty frame. ``report_fit`` keeps every item inside its page (``scripts/write_report_template.py`` regenerates the
shipped template). The numbers and the suppression of small counts come from
``report_data``, the map from ``report_map``. Headless, nothing is added to
any project: the layout lives in a private ``QgsProject``, or in the project
passed in (the dock's, whose layout manager keeps it); the map's layers are
never added to a project the user sees (``report_map``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsTableCell,
)
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from ..compat import TEXT_RENDER_ALWAYS_TEXT
from ..domain import codelist
from ..domain.analysis.timepattern import pattern_sentence, start_pattern
from ..domain.analysis.timeprofile import weekday_names
from ..domain.periods import local_today
from ..domain.timeutil import Period
from ..domain.wording import change_in_words, number, period_in_words
from ..i18n import language, tr
from ..resources import RESOURCES
from ..store import Store
from ..store.report_identity import read_logo
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
from .report_fit import continue_table, table_column_widths
from .report_map import fill_map, map_layers, own_layers
from .styling import text_format

LAYOUT_DIR = RESOURCES / "layouts"
TEMPLATE_PATH = LAYOUT_DIR / "situation_report.qpt"
NORTH_ARROW_PATH = LAYOUT_DIR / "north_arrow.svg"
MUNICIPALITY_PLACEHOLDER = "[municipality]"
HEAT_COLOURS = ("#ffffff", "#fcbba1", "#fb6a4a", "#cb181d", "#67000d")
FOLLOWUP_CHARACTERS = 110
# the share of its frame's width each column gets
COLUMN_WEIGHTS = {"category_table": (26.0, 21.0, 21.0, 15.0) , "measures_table": (52.0, 17.0, 30.0, 34.0, 44.0)}


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
    municipality: str | None = None  # None: the store's setting
    logo: Path | None = None  # a logo file for this report; None: the store's setting


@dataclass
class ReportResult:
    path: Path
    pages: int
    incidents: int
    layout: QgsPrintLayout
    layers: dict = field(default_factory=dict)  # the map's layers and their project: keep with the layout


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
        cell.setTextFormat(text_format(7, bold=True))
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
    text = tr("Incidents by weekday and local hour of their start: darker is more; white is none or fewer "
              "than {n}.").format(n=min_count)
    if page.profile.sum() == 0:
        return text
    # a weekday or an hour is named only where the chi-square tests say it matters
    return text + " " + pattern_sentence(page.profile, start_pattern(page.profile), lang, min_weight=min_count)


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
        municipality.setText(layers["identity"].municipality)
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
        "Shared report: no incident descriptions, handling notes or single incidents. Counts below {n} are shown "
        "as \"fewer than {n}\"; a count marked \"not shown\" is withheld so that a small count cannot be worked "
        "out from a total. The map counts incidents in squares of {size} m and leaves a square with fewer than {n} "
        "blank; hot spots (Getis-Ord Gi* on squares of 100 m, each with the squares around it, 99 % confidence) "
        "are outlined in red.").format(n=options.min_count, size=f"{layers['cell_size']:,.0f}".replace(",", " ")))
    arrow = items.get("north_arrow")
    if isinstance(arrow, QgsLayoutItemPicture) and not Path(arrow.picturePath()).is_file():
        arrow.setPicturePath(str(NORTH_ARROW_PATH))
    logo = items.get("logo")
    if isinstance(logo, QgsLayoutItemPicture):
        logo_file = layers["identity"].logo_file
        if logo_file is not None:
            logo.setPicturePath(str(logo_file))
        elif not Path(logo.picturePath()).is_file():  # a template's own logo stays; else no empty frame
            layout.removeLayoutItem(logo)

    for table_id, contents in (("category_table", _category_contents(page, options.min_count, lang)),
                               ("time_chart", _time_chart_contents(page, options.min_count, lang)),
                               ("measures_table", _measure_contents(store, page, lang))):
        frame = items.get(table_id)
        if isinstance(frame, QgsLayoutFrame) and isinstance(frame.multiFrame(), QgsLayoutItemManualTable):
            table = frame.multiFrame()
            table.setIncludeTableHeader(False)
            if table_id == "measures_table":  # its header repeated in each frame, a continuation page's too
                table.setIncludeTableHeader(True)
                table.setHeaders([QgsLayoutTableColumn(cell.content()) for cell in contents[0]])
                table.setTableContents(contents[1:])
                header_style = QgsLayoutTableStyle()
                header_style.enabled, header_style.cellBackgroundColor = True, QColor("#eeeeee")
                table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, header_style)
            else:
                table.setTableContents(contents)
            if table_id in COLUMN_WEIGHTS:  # the frame's width shared out: no column runs off the page
                weights = COLUMN_WEIGHTS[table_id][:len(contents[0])]
                table.setColumnWidths(table_column_widths(table, frame.rect().width(), list(weights)))
            if table_id == "time_chart":
                table.setColumnWidths([7.0] + [2.8] * 24)
                table.setCellMargin(0.3)

    fill_map(items, store, page, layers, layers["legend_roots"])


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
    document = QDomDocument()
    if not template.is_file() or not document.setContent(template.read_text(encoding="utf-8")):
        raise ReportError(tr("the report template {path} cannot be read").format(path=template))
    project = project if project is not None else QgsProject()
    title = options.title or tr("Situation picture")
    layers = map_layers(store, options.period, options.min_count)
    layers.update(legend_roots=[], project=project, identity=report_identity(store, options))
    _progress(feedback, 40)
    layout = _fill_layout(document, template, store, pages, options, layers, title, lang, feedback)
    return layout, layers, pages


def _fill_layout(document, template: Path, store: Store, pages: list[PageData], options: ReportOptions,
                 layers: dict, title: str, lang: str, feedback) -> QgsPrintLayout:
    layout = QgsPrintLayout(layers["project"])
    own_layers(layout, layers)
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
                item.attemptMove(position, True, False, layout.pageCollection().pageCount() - 1)
        if not ok:
            raise ReportError(tr("the report template {path} cannot be read").format(path=template))
        found = _items(items)
        _fill_page(layout, found, store, page, options, layers, title, lang)
        measures = found.get("measures_table")
        if isinstance(measures, QgsLayoutFrame):  # the rest of a long action plan on pages of its own
            continue_table(layout, measures.multiFrame(), tr("Measures in the action plan (continued)"),
                           text_format(10, bold=True), layout.pageCollection().pageCount() - 1)
        _progress(feedback, 40 + 40 * (number_ + 1) / len(pages))
    return layout


@dataclass(frozen=True)
class ReportIdentityFiles:
    municipality: str
    logo_file: Path | None


def report_identity(store: Store, options: ReportOptions) -> ReportIdentityFiles:
    """The name and logo the report carries: the options', else the store's
    settings. A logo kept in the store is written to the user's QGIS folder
    (by its content's hash), so that a layout kept in a project still finds it."""
    identity = store.report_identity()
    municipality = identity.municipality if options.municipality is None else options.municipality.strip()
    if options.logo is not None:
        data, suffix = read_logo(options.logo)
    elif identity.logo is not None:
        data, suffix = identity.logo, identity.logo_suffix
    else:
        return ReportIdentityFiles(municipality, None)
    folder = Path(QgsApplication.qgisSettingsDirPath()) / "lagesbild" / "logos"
    path = folder / f"{hashlib.sha256(data).hexdigest()[:16]}.{suffix}"
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return ReportIdentityFiles(municipality, path)


def _new_page(layout) -> QgsLayoutItemPage:
    page = QgsLayoutItemPage(layout)
    page.setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
    return page


def _progress(feedback, percent: float) -> None:
    if feedback is not None:
        feedback.setProgress(percent)


def keep_in_project(project: QgsProject, layout, name: str) -> None:
    """Keep a report's ``layout`` in ``project``'s layout manager as ``name``,
    in place of an earlier one of that name, for GIS staff to adjust by hand."""
    manager = project.layoutManager()
    layout.setName(name)
    if manager.layoutByName(name) is not None:
        manager.removeLayout(manager.layoutByName(name))
    manager.addLayout(layout)


def export_report(store_path, pdf_path, options: ReportOptions, project: QgsProject | None = None,
                  feedback=None) -> ReportResult:
    """Make the report of the store at ``store_path`` and write it to ``pdf_path``."""
    pdf_path = Path(pdf_path)
    if not pdf_path.parent.is_dir():
        raise ReportError(tr("the folder {folder} does not exist").format(folder=pdf_path.parent))
    with Store.open(store_path, read_only=True) as store:
        store.check_intact()  # a report is published: never from a damaged file
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
    return ReportResult(pdf_path, layout.pageCollection().pageCount(), incidents, layout, layers)
