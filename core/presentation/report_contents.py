"""The situation report's page contents: the category, time-of-week and
measures tables as cells, and the sentences under them, from a page's data
(``report_data``), its small counts already marked for suppression.
``report`` puts them into the layout."""

from __future__ import annotations

from qgis.core import QgsTableCell
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..domain import codelist
from ..domain.analysis.timepattern import pattern_sentence, start_pattern
from ..domain.analysis.timeprofile import weekday_names
from ..domain.wording import change_in_words, number, period_in_words
from ..i18n import tr
from ..store import Store
from .report_data import FEWER, SHOWN, CategoryRow, PageData, profile_classes
from .styling import text_format

HEAT_COLOURS = ("#ffffff", "#fcbba1", "#fb6a4a", "#cb181d", "#67000d")
FOLLOWUP_CHARACTERS = 110


def count_text(value: int, mark: int, min_count: int) -> str:
    if mark == SHOWN:
        return str(value)
    if mark == FEWER:
        return tr("fewer than {n}").format(n=min_count)
    return tr("not shown")


def category_contents(page: PageData, min_count: int, lang: str) -> list[list[QgsTableCell]]:
    with_base = page.base is not None
    header = [tr("Category"), period_in_words(page.period, lang)]
    if with_base:
        header += [period_in_words(page.base, lang), tr("Change")]
    rows = [[cell(text, bold=True, background="#eeeeee") for text in header]]

    def row_cells(label: str, row: CategoryRow, bold=False) -> list[QgsTableCell]:
        cells = [cell(label, bold), cell(count_text(row.count, row.mark, min_count), bold, right=True)]
        if with_base:
            change = "–"
            if row.change_shown and row.count_before > 0:
                change = number(100.0 * (row.count - row.count_before) / row.count_before, lang, sign=True) + " %"
            cells += [cell(count_text(row.count_before, row.mark_before, min_count), bold, right=True),
                      cell(change, bold, right=True)]
        return cells

    for row in page.rows:
        rows.append(row_cells(codelist.label(row.code, lang), row))
    rows.append(row_cells(tr("Total"), page.total, bold=True))
    return rows


def cell(text: str, bold: bool = False, background: str | None = None, right: bool = False) -> QgsTableCell:
    cell = QgsTableCell(text)
    if bold:
        cell.setTextFormat(text_format(7, bold=True))
    if background:
        cell.setBackgroundColor(QColor(background))
    if right:
        cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
    return cell


def time_chart_contents(page: PageData, min_count: int, lang: str) -> list[list[QgsTableCell]]:
    classes = profile_classes(page.profile, min_count, len(HEAT_COLOURS))
    rows = [[cell("")] + [cell(f"{hour:02d}") for hour in range(24)]]
    for day, name in enumerate(weekday_names(lang)):
        rows.append([cell(name[:3])] + [cell("", background=HEAT_COLOURS[int(c)]) for c in classes[day]])
    return rows


def measure_contents(store: Store, page: PageData, lang: str) -> list[list[QgsTableCell]]:
    statuses = {code: (sv if lang == "sv" else en) for code, sv, en in codelist.MEASURE_STATUSES}
    organisations = {o["code"]: (o["name_sv"] if lang == "sv" else o["name_en"]) for o in store.organisations()}
    header = [tr("Measure"), tr("Status"), tr("Responsible"), tr("Period"), tr("Last follow-up")]
    rows = [[cell(text, bold=True, background="#eeeeee") for text in header]]
    for measure in page.measures:
        followup = "–"
        if measure.followup_date is not None:
            result = (measure.followup_result or "").strip()
            if len(result) > FOLLOWUP_CHARACTERS:
                result = result[:FOLLOWUP_CHARACTERS - 1].rstrip() + "…"
            followup = f"{measure.followup_date.isoformat()}: {result}" if result else measure.followup_date.isoformat()
        span = measure.start_date.isoformat() + "–" + (measure.end_date.isoformat() if measure.end_date else "")
        rows.append([cell(measure.title), cell(statuses.get(measure.status, measure.status)),
                     cell(organisations.get(measure.responsible_org, measure.responsible_org or "–")),
                     cell(span), cell(followup)])
    if not page.measures:
        rows.append([cell(tr("No active or planned measures.")), cell(""), cell(""), cell(""), cell("")])
    return rows


def low_precision_text(page: PageData, min_count: int) -> str:
    """The line under the map: how many of the page's incidents it leaves
    out, placed only at a municipality's or county's centre (the table
    counts them). Suppressed below ``min_count`` like any count of the
    report (0 too, once the store holds any); empty when the store has none."""
    if page.low_precision is None or page.total.count == 0:
        return ""
    if page.low_precision < min_count:
        return tr("Fewer than {n} of the incidents are placed only at a municipality or county centre: counted in "
                  "the table, not on the map.").format(n=min_count)
    return tr("{n} of the incidents are placed only at a municipality or county centre: counted in the table, not "
              "on the map.").format(n=page.low_precision)


def summary_text(page: PageData, min_count: int, lang: str) -> str:
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


def time_note(page: PageData, min_count: int, lang: str) -> str:
    text = tr("Incidents by weekday and local hour of their start: darker is more; white is none or fewer "
              "than {n}.").format(n=min_count)
    if page.profile.sum() == 0:
        return text
    # a weekday or an hour is named only where the chi-square tests say it matters
    return text + " " + pattern_sentence(page.profile, start_pattern(page.profile), lang, min_weight=min_count)
