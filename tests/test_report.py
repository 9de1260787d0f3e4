"""The situation report (lagesbild:situationreport): the PDF read back with
poppler's pdftotext and pdftoppm and checked against the store's own counts,
and the suppression rule on hand-made and random tables."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from qgis.PyQt.QtGui import QImage
from suppression_solver import feasible_ranges

from lagesbild.core.domain import codelist
from lagesbild.core.domain.analysis.suppression import with_margins
from lagesbild.core.domain.timeutil import Period
from lagesbild.core.i18n import language, tr
from lagesbild.core.presentation.report import TEMPLATE_PATH, ReportOptions, export_report
from lagesbild.core.presentation.report_data import FEWER, SHOWN, WITHHELD, suppress
from lagesbild.core.store import IncidentFilter, Store
from lagesbild.core.store.demo_store import build_demo_store

END_DATE = date(2025, 6, 30)
PERIOD = Period(date(2025, 6, 2), date(2025, 6, 29))
MARKER = "Xylofonmarkör"
DPI = 50


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("report") / "demo.gpkg", 3000, 1, END_DATE)


@pytest.fixture(scope="module")
def demo_report(demo_store, tmp_path_factory):
    pdf = tmp_path_factory.mktemp("report-pdf") / "report.pdf"
    result = export_report(demo_store, pdf, ReportOptions(PERIOD, "last_year", title="Lägesbild Solvik",
                                                          today=END_DATE))
    return result


def pdf_text(path, first: int | None = None, last: int | None = None) -> str:
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    done = subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True,
                          check=True)
    return unicodedata.normalize("NFKC", done.stdout)  # "ﬃ" ligatures back to letters


def page_count(path) -> int:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", done.stdout, re.M).group(1))


def expected_column(counts: list[int], min_count: int = 3) -> list[str]:
    """The rule for one column with a published total, written out again:
    below the threshold "fewer than" (0 included); then, while the hidden
    cells are one, or sum to less than the threshold, the smallest shown cell
    is withheld."""
    fewer, withheld = tr("fewer than {n}").format(n=min_count), tr("not shown")
    texts = [fewer if n < min_count else str(n) for n in counts]
    while True:
        hidden = [i for i, t in enumerate(texts) if not t.isdigit()]
        if not hidden or (len(hidden) >= 2 and sum(counts[i] for i in hidden) >= min_count):
            return texts
        shown = [i for i, t in enumerate(texts) if t.isdigit()]
        if not shown:
            return texts
        texts[min(shown, key=lambda i: counts[i])] = withheld


def table_rows(text: str) -> dict[str, tuple[str, ...]]:
    """Category label -> the cells after it, from the table at the right of the page."""
    value = rf"(?:{re.escape(tr('fewer than {n}').format(n=3))}|{re.escape(tr('not shown'))}|\d+)"
    rows = {}
    labels = [codelist.label(c.code, language()) for c in codelist.CATEGORIES] + [tr("Total")]
    for label in labels:
        match = re.search(rf"{re.escape(label)}\s+({value})(?:\s+({value})\s+(\S+(?: %)?))?\s*$", text, re.M)
        rows[label] = match.groups() if match else None
    return rows


# --- suppression ---------------------------------------------------------------------

@pytest.mark.parametrize("counts, marks", [
    ([10, 2, 7], [SHOWN, FEWER, WITHHELD]),  # one hidden cell: the smallest other goes too
    ([10, 2, 1, 7], [SHOWN, FEWER, FEWER, SHOWN]),  # two hidden, summing to 3: safe
    ([10, 1, 1, 7], [SHOWN, FEWER, FEWER, WITHHELD]),  # two hidden summing to 2 would show "2"
    ([5, 9], [SHOWN, SHOWN]),
    ([0, 4], [FEWER, WITHHELD]),  # a zero is below the threshold too
    ([0, 0, 5, 7], [FEWER, FEWER, WITHHELD, SHOWN]),  # two hidden zeros would add up to a known 0
])
def test_suppression_of_a_column(counts, marks):
    assert suppress(counts).cells[:, 0].tolist() == marks


def test_a_single_small_cell_hides_its_total():
    result = suppress([2])
    assert result.cells[:, 0].tolist() == [FEWER]
    assert result.column_totals.tolist() == [FEWER]
    result = suppress([4])
    assert result.cells[:, 0].tolist() == [SHOWN] and result.column_totals.tolist() == [SHOWN]


@pytest.mark.parametrize("seed", range(40))
def test_no_published_total_reveals_a_hidden_count(seed):
    rng = np.random.default_rng(seed)
    table = rng.poisson(rng.uniform(0.5, 8), size=(rng.integers(1, 8), rng.integers(1, 6)))
    result = suppress(table, 3, row_totals=True, column_totals=True)
    assert np.all(result.cells[table < 3] == FEWER)
    assert np.all(table[result.cells == WITHHELD] >= 3)  # "not shown" is never a small count
    lines = [(table[:, j], result.cells[:, j], result.column_totals[j]) for j in range(table.shape[1])]
    lines += [(table[i, :], result.cells[i, :], result.row_totals[i]) for i in range(table.shape[0])]
    for values, marks, total_mark in lines:
        hidden = marks != SHOWN
        if total_mark == SHOWN and hidden.any():
            assert hidden.sum() >= 2 and values[hidden].sum() >= 3, (table, result)


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("row_totals", [False, True])
def test_no_hidden_count_of_a_page_can_be_worked_out(seed, row_totals):
    """The attacker's solver (tests/suppression_solver.py), given every number
    the page shows (an unpublished row total is an unknown, like a hidden
    count), finds no hidden count as one number."""
    rng = np.random.default_rng(100 + seed)
    counts = rng.poisson(rng.uniform(0.5, 6), size=(rng.integers(1, 6), rng.integers(1, 4)))
    result = suppress(counts, 3, row_totals=row_totals, column_totals=True)
    table = with_margins(counts)
    marks = np.full(table.shape, SHOWN, dtype=np.int8)
    marks[:-1, :-1], marks[:-1, -1], marks[-1, :-1] = result.cells, result.row_totals, result.column_totals
    shown = [[None if marks[i, j] != SHOWN or (j == table.shape[1] - 1 and not row_totals) else int(table[i, j])
              for j in range(table.shape[1])] for i in range(table.shape[0])]
    marks[-1, -1] = result.grand_total
    shown[-1][-1] = None if not row_totals or result.grand_total != SHOWN else int(table[-1, -1])
    ranges = feasible_ranges(shown)
    for (i, j), (low, high) in ranges.items():
        if marks[i, j] != SHOWN:
            assert high > low, (counts, result, (i, j))


def test_the_atlas_table_no_longer_gives_away_a_small_count():
    """Categories × districts with both totals published: the report's own
    rule before it became the publication's let the solver work out the 2
    (its two further hidden counts were joined to the rest by one entry)."""
    counts = np.array([[7, 7, 2, 7], [6, 4, 5, 5], [4, 8, 10, 3], [3, 7, 8, 8], [3, 1, 3, 8], [5, 6, 5, 2]])
    result = suppress(counts, 3, row_totals=True, column_totals=True)
    table = with_margins(counts)
    marks = np.full(table.shape, SHOWN, dtype=np.int8)
    marks[:-1, :-1], marks[:-1, -1], marks[-1, :-1] = result.cells, result.row_totals, result.column_totals
    marks[-1, -1] = result.grand_total
    ranges = feasible_ranges([[None if marks[i, j] != SHOWN else int(table[i, j]) for j in range(table.shape[1])]
                              for i in range(table.shape[0])])
    assert result.cells[0, 2] == FEWER and ranges[(0, 2)][1] > ranges[(0, 2)][0]
    assert all(high > low for low, high in ranges.values())


# --- the PDF --------------------------------------------------------------------------

def test_template_has_every_item_the_report_fills():
    text = TEMPLATE_PATH.read_text(encoding="utf-8")
    for item_id in ("title", "municipality", "logo", "period", "map", "legend", "scalebar", "north_arrow",
                    "category_table", "summary", "time_chart", "time_note", "measures_table", "assessment",
                    "assessment_heading", "note"):
        assert f'id="{item_id}"' in text, item_id
    assert 'name="A4"' in text or "297,210,mm" in text


def test_report_text_matches_the_store(demo_store, demo_report):
    assert demo_report.pages == page_count(demo_report.path) == 1
    text = pdf_text(demo_report.path)
    assert "Lägesbild Solvik" in text
    in_words = "2 Jun–29 Jun 2025" if language() == "en" else "2 jun–29 jun 2025"
    assert in_words in text
    with Store.open(demo_store) as store:
        now = store.counts("category", IncidentFilter(period=PERIOD))
        before = store.counts("category", IncidentFilter(period=PERIOD.years_earlier()))
        total, total_before = store.count(IncidentFilter(period=PERIOD)), store.count(
            IncidentFilter(period=PERIOD.years_earlier()))
    codes = [c.code for c in codelist.CATEGORIES]
    expected_now = expected_column([now.get(c, 0) for c in codes])
    expected_before = expected_column([before.get(c, 0) for c in codes])
    assert any(t == tr("fewer than {n}").format(n=3) for t in expected_now)  # the data exercise the rule
    rows = table_rows(text)
    for code, shown_now, shown_before in zip(codes, expected_now, expected_before):
        row = rows[codelist.label(code, language())]
        assert row is not None, (code, text)
        assert row[:2] == (shown_now, shown_before), code
        if shown_now.isdigit() and shown_before.isdigit() and before.get(code):
            assert row[2].endswith("%"), row
        else:
            assert row[2] == "–", row
    assert rows[tr("Total")][:2] == (str(total), str(total_before))
    assert total > 50


def test_map_is_drawn(demo_report, tmp_path):
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-png", str(demo_report.path),
                    str(tmp_path / "page")], check=True)
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert not image.isNull()

    def px(mm):
        return int(mm / 25.4 * DPI)

    colours, ink, seen = set(), 0, 0
    for x in range(px(12), px(143), 2):  # the map item: 10–145 mm across, 31–143 mm down
        for y in range(px(33), px(141), 2):
            rgb = image.pixel(x, y) & 0xFFFFFF
            colours.add(rgb)
            ink += rgb != 0xFFFFFF
            seen += 1
    assert len(colours) > 50, len(colours)
    assert ink / seen > 0.1, ink / seen


def test_atlas_has_one_page_per_district(demo_store, tmp_path):
    pdf = tmp_path / "atlas.pdf"
    result = export_report(demo_store, pdf, ReportOptions(PERIOD, "previous", atlas_by_area=True, today=END_DATE))
    with Store.open(demo_store) as store:
        districts = [area.name for area in store.areas("district")]
        per_district = [store.count(IncidentFilter(period=PERIOD, area=name)) for name in districts]
    assert len(districts) == 5
    assert result.pages == page_count(pdf) == len(districts)
    for number, (name, count) in enumerate(zip(districts, per_district), start=1):
        text = pdf_text(pdf, number, number)
        assert f": {name}" in text
        total = table_rows(text)[tr("Total")]
        assert total[0] == (str(count) if count >= 3 else tr("fewer than {n}").format(n=3))


def small_store(path, graffiti: int = 2) -> Path:
    """10 vandalism, ``graffiti`` graffiti and 8 disorder in June 2025, each
    with a description and a handling note holding the marker word."""
    with Store.create(path) as store:
        rows = []
        for number, category in enumerate(["vandalism"] * 10 + ["graffiti"] * graffiti + ["disorder"] * 8):
            rows.append(dict(
                category=category, reporting_org="housing", geometry=(619_500 + 40 * number, 6_650_100),
                occurred_from=datetime(2025, 6, 3, 20, 0, tzinfo=timezone.utc) + timedelta(hours=31 * number),
                description=f"{MARKER} i trapphuset", handling_note=f"{MARKER} kontaktad", place_name="Torget"))
        store.add_incidents(rows)
    return path


def test_threshold_hides_a_count_of_two_and_no_description_is_shown(tmp_path):
    store = small_store(tmp_path / "small.gpkg")
    pdf = tmp_path / "small.pdf"
    export_report(store, pdf, ReportOptions(PERIOD, "none", today=END_DATE))
    text = pdf_text(pdf)
    rows = table_rows(text)
    assert rows[codelist.label("graffiti", language())][0] == tr("fewer than {n}").format(n=3)
    assert rows[codelist.label("vandalism", language())][0] == "10"
    # the hidden cells (graffiti's 2 and the zeros) sum to 2: the smallest shown count goes too
    assert rows[codelist.label("disorder", language())][0] == tr("not shown")
    assert rows[tr("Total")][0] == "20"
    assert MARKER not in text and "trapphuset" not in text and "kontaktad" not in text


def test_empty_period_still_makes_a_report(demo_store, tmp_path):
    pdf = tmp_path / "empty.pdf"
    later = Period(date(2030, 1, 1), date(2030, 1, 28))
    result = export_report(demo_store, pdf, ReportOptions(later, "previous", today=END_DATE))
    assert result.pages == 1 and result.incidents == 0
    text = pdf_text(pdf)
    assert tr("There were no incidents in the period.") in text
    assert tr("Assessment and decisions") in text


# --- Processing and qgis_process --------------------------------------------------------

def test_through_processing_run(lagesbild_provider, demo_store, tmp_path):
    from qgis import processing

    pdf = tmp_path / "processing.pdf"
    result = processing.run("lagesbild:situationreport", {
        "STORE": str(demo_store), "PERIOD_START": "2025-06-02", "PERIOD_END": "2025-06-29", "COMPARE_WITH": 0,
        "ATLAS_BY_AREA": True, "MIN_COUNT": 5, "TITLE": "Rapport till rådet", "OUTPUT_PDF": str(pdf)})
    assert result["OUTPUT_PDF"] == str(pdf) and result["PAGES"] == 5 == page_count(pdf)
    text = pdf_text(pdf, 1, 1)
    assert "Rapport till rådet" in text
    assert tr("fewer than {n}").format(n=5) in text


def test_through_qgis_process_with_the_defaults(qgis_process_run, demo_store, tmp_path):
    pdf = tmp_path / "qgis-process.pdf"
    result = qgis_process_run("lagesbild:situationreport", {"STORE": demo_store, "OUTPUT_PDF": pdf})
    assert result["results"]["PAGES"] == 1
    text = pdf_text(pdf)
    # the default period, the last 28 days up to yesterday, runs past the demo's data
    assert "Assessment and decisions" in text or "Bedömning och beslut" in text
    assert re.search(r"\d+ \w+–\d+ \w+ \d{4}", text)


def test_bad_period_is_refused(qgis_process_run, demo_store, tmp_path):
    result = qgis_process_run("lagesbild:situationreport", {
        "STORE": demo_store, "PERIOD_START": "2025-06-29", "PERIOD_END": "2025-06-02",
        "OUTPUT_PDF": tmp_path / "bad.pdf"}, expect_ok=False)
    assert result["returncode"] != 0
    assert "backwards" in result["stdout"] + result["stderr"] or "baklänges" in result["stdout"] + result["stderr"]


def test_time_note_names_a_weekday_only_where_the_weekday_matters(demo_store, demo_report):
    from types import SimpleNamespace

    from lagesbild.core.domain.analysis.timepattern import pattern_sentence, start_pattern
    from lagesbild.core.domain.analysis.timeprofile import time_of_week
    from lagesbild.core.presentation.report_contents import time_note

    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    evenings = np.ones((7, 24))
    evenings[:, 20:] = 10  # the same on every day: only the hour matters
    note = time_note(SimpleNamespace(profile=evenings), 3, "en")
    assert "evenings 20–00 on every day" in note and not any(day in note for day in weekdays), note
    weekend = evenings.copy()
    weekend[4, 22:], weekend[5, :2], weekend[5, 22:], weekend[6, :2] = 40, 40, 40, 40
    note = time_note(SimpleNamespace(profile=weekend), 3, "en")
    assert "Friday and Saturday 22–02" in note, note
    # the demo report's own note: its sentence from the store's start times, tested here again
    with Store.open(demo_store) as store:
        profile = time_of_week(store.arrays(IncidentFilter(period=PERIOD), ("occurred_from",))["occurred_from"],
                               None, store.tz, "start")
    sentence = pattern_sentence(profile, start_pattern(profile), language(), min_weight=3)
    assert " ".join(sentence.split()) in " ".join(pdf_text(demo_report.path).split())
