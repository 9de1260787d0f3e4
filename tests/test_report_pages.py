"""Every page of the demo report stays on its page, in English and Swedish,
for the dock's 14-day report and the one since 1 January: no item's frame
reaches past its page, no table's columns run past their frame or lose rows,
no label's or legend's text is taller than its box, and every listed measure
and every category of the code list is in the PDF's text. Also the
municipality's name and logo, as settings of the store."""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import date

import pytest
from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemPicture,
    QgsLegendRenderer,
)
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from lagesbild.core.domain import codelist
from lagesbild.core.domain.periods import last_days, year_to_date
from lagesbild.core.i18n import I18N_DIR, language, tr
from lagesbild.core.presentation.report import ReportOptions, export_report
from lagesbild.core.presentation.report_data import LISTED_MEASURE_STATUSES
from lagesbild.core.presentation.report_fit import rows_left_over
from lagesbild.core.store import Store, StoreError
from lagesbild.core.store.demo_store import build_demo_store

TODAY = date(2026, 11, 30)  # late in the year: "since 1 January" is eleven months long
PERIODS = {"14 days": last_days(14, TODAY), "since 1 January": year_to_date(TODAY)}
TOLERANCE = 0.05  # mm


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("pages") / "demo.gpkg", 6000, 1, TODAY)


@pytest.fixture(params=["en", "sv"])
def report_language(request):
    if request.param == "en":
        yield "en"
        return
    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "lagesbild_sv.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert language() == "sv"
        yield "sv"
    finally:
        QCoreApplication.removeTranslator(translator)


def pdf_words(path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", done.stdout).split())


def overflows(layout) -> list[str]:
    """What reaches past its page, its frame or its box."""
    found = []
    pages = layout.pageCollection()
    for item in layout.items():
        if not hasattr(item, "page") or item.type() == pages.page(0).type():
            continue
        if not item.isVisible() or not hasattr(item, "rect"):
            continue
        page = pages.page(item.page()).sceneBoundingRect()
        rect = item.mapRectToScene(item.rect())
        if (rect.left() < page.left() - TOLERANCE or rect.right() > page.right() + TOLERANCE
                or rect.top() < page.top() - TOLERANCE or rect.bottom() > page.bottom() + TOLERANCE):
            found.append(f"{item.id() or item.displayName()} {rect} beyond page {item.page() + 1} {page}")
        if isinstance(item, QgsLayoutFrame) and isinstance(item.multiFrame(), QgsLayoutItemManualTable):
            table = item.multiFrame()
            if table.totalWidth() > item.rect().width() + TOLERANCE:
                found.append(f"{item.id()}: columns {table.totalWidth():.1f} mm in a frame of {item.rect().width()}")
            if rows_left_over(table):
                found.append(f"{item.id()}: {rows_left_over(table)} rows in no frame")
        if isinstance(item, QgsLayoutItemLabel) and item.text():
            if item.sizeForText().height() > item.rect().height() + 0.5:
                found.append(f"{item.id()}: text {item.sizeForText().height():.1f} mm in {item.rect().height()}")
        if isinstance(item, QgsLayoutItemLegend):
            needed = QgsLegendRenderer(item.model(), item.legendSettings()).minimumSize()
            if needed.width() > item.rect().width() + 0.5 or needed.height() > item.rect().height() + 0.5:
                found.append(f"legend needs {needed.width():.1f} × {needed.height():.1f} mm, has {item.rect()}")
    return found


@pytest.mark.parametrize("period_name", list(PERIODS))
def test_every_page_fits_and_lists_every_measure_and_category(demo_store, report_language, period_name, tmp_path):
    period = PERIODS[period_name]
    pdf = tmp_path / "report.pdf"
    result = export_report(demo_store, pdf, ReportOptions(period, "previous", title=tr("Situation picture"),
                                                          today=TODAY))
    assert overflows(result.layout) == []
    words = pdf_words(pdf)
    with Store.open(demo_store, read_only=True) as store:
        listed = [m.title for m in store.measures()
                  if m.status in LISTED_MEASURE_STATUSES
                  or (m.end_date is not None and period.start <= m.end_date <= period.end)]
    assert len(listed) >= 3
    for title in listed:
        assert " ".join(title.split()) in words, title
    for category in codelist.CATEGORIES:
        assert category.label(report_language) in words, category.code
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(info.split("Pages:")[1].split()[0]) == result.pages
    if len(listed) > 3:  # more than the first page's table holds: continued on a second page
        assert result.pages == 2


def test_municipality_and_logo_are_settings_of_the_store(tmp_path):
    logo = tmp_path / "vapen.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="30" height="18">'
                    '<rect width="30" height="18" fill="#1f78b4"/></svg>', encoding="utf-8")
    store_path = tmp_path / "store.gpkg"
    with Store.create(store_path) as store:
        assert store.report_identity().municipality == "" and store.report_identity().logo is None
        store.set_report_identity("Solviks   kommun", logo)
    logo.unlink()  # the store keeps the logo itself, not the path to a file
    options = ReportOptions(PERIODS["14 days"], "none", today=TODAY)
    result = export_report(store_path, tmp_path / "with.pdf", options)
    pictures = {item.id(): item for item in result.layout.items() if isinstance(item, QgsLayoutItemPicture)}
    assert "logo" in pictures
    with open(pictures["logo"].picturePath(), encoding="utf-8") as shown:
        assert "#1f78b4" in shown.read()
    assert "Solviks kommun" in pdf_words(tmp_path / "with.pdf")
    with Store.open(store_path) as store:
        store.set_report_identity("", remove_logo=True)
        with pytest.raises(StoreError, match="SVG, PNG or JPEG"):
            store.set_report_identity(logo_path=tmp_path / "vapen.gif")
    result = export_report(store_path, tmp_path / "without.pdf", options)
    assert not any(isinstance(item, QgsLayoutItemPicture) and item.id() == "logo"
                   for item in result.layout.items()), "an empty logo frame"
    assert "Solviks" not in pdf_words(tmp_path / "without.pdf")


def test_report_parameters_override_the_store(qgis_process_run, tmp_path):
    logo = tmp_path / "vapen.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="30" height="18"/>', encoding="utf-8")
    store_path = tmp_path / "store.gpkg"
    qgis_process_run("lagesbild:createstore", {"STORE": store_path, "MUNICIPALITY": "Solviks kommun",
                                               "LOGO": logo})
    with Store.open(store_path, read_only=True) as store:
        identity = store.report_identity()
    assert identity.municipality == "Solviks kommun" and identity.logo == logo.read_bytes()
    pdf = tmp_path / "report.pdf"
    done = qgis_process_run("lagesbild:situationreport", {"STORE": store_path, "OUTPUT_PDF": pdf,
                                                          "MUNICIPALITY": "Norrviks kommun"})
    assert done["results"]["PAGES"] == 1
    assert "Norrviks kommun" in pdf_words(pdf) and "Solviks" not in pdf_words(pdf)
