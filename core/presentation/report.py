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
)
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from ..compat import TEXT_RENDER_ALWAYS_TEXT
from ..domain.periods import local_today
from ..domain.timeutil import Period
from ..domain.wording import period_in_words
from ..i18n import language, tr
from ..resources import RESOURCES
from ..store import Store
from ..store.report_identity import read_logo
from .report_contents import (
    category_contents,
    low_precision_text,
    measure_contents,
    summary_text,
    time_chart_contents,
    time_note,
)
from .report_data import (
    MIN_COUNT,
    PageData,
    comparison_period,
    district_pages,
    town_page,
)
from .report_fit import continue_table, table_column_widths
from .report_map import fill_map, map_layers, own_layers
from .styling import text_format

LAYOUT_DIR = RESOURCES / "layouts"
TEMPLATE_PATH = LAYOUT_DIR / "situation_report.qpt"
NORTH_ARROW_PATH = LAYOUT_DIR / "north_arrow.svg"
MUNICIPALITY_PLACEHOLDER = "[municipality]"
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
    label("summary", summary_text(page, options.min_count, lang))
    label("map_note", low_precision_text(page, options.min_count))
    label("time_heading", tr("Time of week"))
    label("time_note", time_note(page, options.min_count, lang))
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

    for table_id, contents in (("category_table", category_contents(page, options.min_count, lang)),
                               ("time_chart", time_chart_contents(page, options.min_count, lang)),
                               ("measures_table", measure_contents(store, page, lang))):
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
