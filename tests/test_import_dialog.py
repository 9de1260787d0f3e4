"""The import dialog driven as a person would, headless, on a real GeoPackage
store: a CSV with a bad row and a category text the code list does not know,
the preview's lines and reasons, a value mapping that clears the problem, a
mapping saved and loaded again, the import and what landed in the store; all
or nothing with a bad row leaves the store's file byte for byte as it was and
the dialog as the user left it. Also a layer as the source."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone

import pytest
from import_helpers import HEADER, sha256, write_csv

from lagesbild.core.domain.importing import load_mapping
from lagesbild.core.store import Store

UTC = timezone.utc

ROWS = [
    ["vandalism", "", "2026-03-01 21:30", "housing", "620001,5", "6650000", "Plats 1", "1 200,50"],  # line 2
    ["Bussgardinbrand", "", "2026-03-02 08:15", "housing", "620002", "6650000", "Plats 2", ""],  # 3: not in the list
    ["Klotter", "", "den femte mars", "housing", "620003", "6650000", "Plats 3", ""],            # 4: bad date
    ["fire", "fire_car", "5/3/2026 21.30", "police", "620004", "6650000", "Plats 4", ""],        # 5
]


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "store.gpkg"
    Store.create(path).close()
    return path


@pytest.fixture
def dialog(qgis_app, store_path):
    from lagesbild.ui.import_dialog import ImportDialog

    shown = ImportDialog(str(store_path))
    yield shown
    shown.close()
    shown.deleteLater()


def problem_rows(dialog) -> dict[int, tuple[str, str, str]]:
    table = dialog.preview_panel.problems
    return {int(table.item(r, 0).text()): tuple(table.item(r, c).text() for c in (1, 2, 3))
            for r in range(table.rowCount())}


def preview_cells(dialog) -> list[list[str]]:
    table = dialog.preview_panel.rows
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def stored(path) -> list:
    with Store.open(path) as store:
        return sorted(store._select_incidents("1 = 1", ()), key=lambda i: i.x)


def test_preview_fix_save_load_and_import(dialog, store_path, tmp_path):
    source = write_csv(tmp_path / "rapporter.csv", ROWS)
    assert dialog.read_file(str(source))
    assert dialog.fields_panel.field_box("category").currentData() == "category"
    assert [t for t, _n in dialog.edits.texts] == ["vandalism", "Bussgardinbrand", "Klotter", "fire"]
    # Klotter is the code list's Swedish label: mapped before anyone touches it
    assert dialog.categories_panel.boxes("Klotter")[0].currentData() == "graffiti"
    assert dialog.categories_panel.boxes("Bussgardinbrand")[0].currentData() is None
    assert not dialog.import_button.isEnabled()  # nothing is written before a preview

    before = sha256(store_path)
    assert dialog.show_preview()
    assert sha256(store_path) == before  # the preview writes nothing
    problems = problem_rows(dialog)
    assert sorted(problems) == [3, 4]
    assert "Bussgardinbrand" in problems[3][1] and problems[3][0] == "Category"
    assert "den femte mars" in problems[4][1] and problems[4][0] == "Occurred from"
    assert problems[3][2] == problems[4][2] == ""  # not duplicates
    cells = preview_cells(dialog)
    headers = [dialog.preview_panel.rows.horizontalHeaderItem(c).text()
               for c in range(dialog.preview_panel.rows.columnCount())]
    assert [row[:2] for row in cells] == [["2", "OK"], ["3", "problem"], ["4", "problem"], ["5", "OK"]]
    # converted: the store's zone, decimal commas read, labels for codes, a point in the store's CRS
    line2, line5 = dict(zip(headers, cells[0])), dict(zip(headers, cells[3]))
    assert line2["Occurred from"] == "2026-03-01 21:30" and line2["Estimated cost (SEK)"] == "1200.5"
    assert line2["Category"] == "Vandalism" and line2["Point (x, y)"] == "620001.50, 6650000.00"
    assert line5["Occurred from"] == "2026-03-05 21:30" and line5["Subcategory"] == "Car fire"
    assert "nothing would be written" in dialog.preview_panel.summary.text()

    # the unknown text becomes fire / car fire; the bad date is still a problem
    category, sub = dialog.categories_panel.boxes("Bussgardinbrand")
    category.setCurrentIndex(category.findData("fire"))
    sub.setCurrentIndex(sub.findData("fire_car"))
    assert not dialog.import_button.isEnabled()  # the preview is stale
    assert dialog.show_preview()
    assert sorted(problem_rows(dialog)) == [4]

    # the mapping saved and loaded back is the same mapping, and gives the same preview
    saved = tmp_path / "mapping.json"
    assert dialog.save_mapping_file(saved)
    mapping = dialog.edits.to_mapping()
    assert load_mapping(saved) == mapping
    assert json.loads(saved.read_text(encoding="utf-8"))["categories"]["bussgardinbrand"] == ["fire", "fire_car"]
    category.setCurrentIndex(0)  # undone in the dialog...
    assert dialog.edits.codes("Bussgardinbrand") is None
    assert dialog.load_mapping_file(saved)  # ...and back from the file
    assert dialog.categories_panel.boxes("Bussgardinbrand")[0].currentData() == "fire"
    assert dialog.edits.to_mapping() == mapping
    assert dialog.show_preview()
    assert sorted(problem_rows(dialog)) == [4]

    dialog.mode_box.setCurrentIndex(dialog.mode_box.findData(1))  # skip bad rows
    assert dialog.show_preview()
    assert "3 incidents would be imported" in dialog.preview_panel.summary.text()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert dialog.message.text() == "3 incidents imported. 1 row rejected."
    incidents = stored(store_path)
    assert [(i.x, i.category, i.subcategory, i.reporting_org) for i in incidents] == [
        (620001.5, "vandalism", None, "housing"), (620002.0, "fire", "fire_car", "housing"),
        (620004.0, "fire", "fire_car", "police")]
    assert [i.occurred_from for i in incidents] == [datetime(2026, 3, 1, 20, 30, tzinfo=UTC),
                                                    datetime(2026, 3, 2, 7, 15, tzinfo=UTC),
                                                    datetime(2026, 3, 5, 20, 30, tzinfo=UTC)]
    assert incidents[0].estimated_cost_sek == 1200.5 and {i.source for i in incidents} == {"rapporter"}

    # the rejected row, saved to fix: its line, field and reason, then its own cells
    assert dialog.rejected_button.isEnabled()
    rejected = tmp_path / "rejected.csv"
    assert dialog.save_rejected(rejected)
    with open(rejected, encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle, delimiter=";"))
    assert (row["line"], row["field"], row["place_name"]) == ("4", "occurred_from", "Plats 3")
    assert "den femte mars" in row["reason"] and list(row)[3:] == HEADER

    # the same file again: every good row imported before, marked so
    assert dialog.show_preview()
    problems = problem_rows(dialog)
    assert sorted(problems) == [2, 3, 4, 5]
    assert [problems[line][2] for line in (2, 3, 5)] == ["yes", "yes", "yes"] and problems[4][2] == ""
    dialog.import_button.click()
    assert dialog.message.text() == ("0 incidents imported. 1 row rejected. 3 rows were in the store already or "
                                     "repeated an earlier line: skipped.")
    assert len(stored(store_path)) == 3


def test_all_or_nothing_with_a_bad_row_writes_nothing_and_keeps_the_dialog(dialog, store_path, tmp_path):
    source = write_csv(tmp_path / "rapporter.csv", ROWS)
    assert dialog.read_file(str(source))
    category, sub = dialog.categories_panel.boxes("Bussgardinbrand")
    category.setCurrentIndex(category.findData("fire"))
    dialog.fields_panel.field_box("place_name").setCurrentIndex(0)  # «not imported»
    assert dialog.mode() == 0
    assert dialog.show_preview()
    assert "Place name" not in [dialog.preview_panel.rows.horizontalHeaderItem(c).text()
                                for c in range(dialog.preview_panel.rows.columnCount())]
    before = sha256(store_path)
    assert not dialog.run_import()
    assert sha256(store_path) == before  # byte for byte
    assert dialog.message.text().startswith("Nothing was written: 1 row has problems.")
    assert sorted(problem_rows(dialog)) == [4]
    # what the user chose is all still there
    assert dialog.file_edit.text() == str(source)
    assert dialog.categories_panel.boxes("Bussgardinbrand")[0].currentData() == "fire"
    assert dialog.fields_panel.field_box("place_name").currentData() is None
    assert dialog.edits.codes("Bussgardinbrand") == ("fire", None)
    assert dialog.preview_button.isEnabled() and dialog.rejected_button.isEnabled()

    # another store (the docks opened one): the mapping stays, the preview must be made again
    other = tmp_path / "other.gpkg"
    Store.create(other).close()
    assert dialog.set_store(str(other))
    assert dialog.edits.codes("Bussgardinbrand") == ("fire", None)
    assert dialog.fields_panel.field_box("place_name").currentData() is None
    assert not dialog.import_button.isEnabled()


def test_coordinate_columns_in_wgs84_and_a_broken_file(dialog, store_path, tmp_path):
    header = ["Typ", "Tid", "Org", "Lat", "Lon"]
    source = write_csv(tmp_path / "wgs.csv", [["Klotter", "2026-03-01 12:00", "housing", "59,3", "18,05"]],
                       header=header)
    assert dialog.read_file(str(source))
    assert dialog.edits.x_column is None and dialog.edits.category_column() is None
    for column, target in (("Typ", "category"), ("Tid", "occurred_from"), ("Org", "reporting_org")):
        box = dialog.fields_panel.field_box(column)
        box.setCurrentIndex(box.findData(target))
    assert [t for t, _n in dialog.edits.texts] == ["Klotter"]  # the category column's texts, read anew
    panel = dialog.fields_panel
    panel.x_box.setCurrentIndex(panel.x_box.findData("Lon"))
    panel.y_box.setCurrentIndex(panel.y_box.findData("Lat"))
    panel.crs_box.setCurrentIndex(panel.crs_box.findData("EPSG:4326"))
    assert dialog.show_preview()
    assert problem_rows(dialog) == {}
    place = preview_cells(dialog)[0][-1]
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    expected = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                      QgsCoordinateReferenceSystem("EPSG:3006"),
                                      QgsProject.instance()).transform(QgsPointXY(18.05, 59.3))
    x, y = (float(v) for v in place.split(", "))  # longitude 18.05 east, latitude 59.3 north: Stockholm
    assert abs(x - expected.x()) < 0.01 and abs(y - expected.y()) < 0.01

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert not dialog.load_mapping_file(bad)
    assert "not valid JSON" in dialog.message.text()
    assert dialog.edits.x_column == "Lon"  # the refused mapping changed nothing
    assert not dialog.read_file(str(tmp_path / "missing.csv"))
    assert "no file" in dialog.message.text() and dialog.data.name == "wgs"


def test_a_layer_of_the_project_as_the_source(dialog, store_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:3006&field=category:string&field=occurred_from:string"
                           "&field=reporting_org:string", "rundor", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["graffiti", "2026-03-04 10:00", "municipality"])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(621000, 6651000)))
    assert layer.dataProvider().addFeatures([feature])
    assert dialog.read_layer(layer)
    assert not dialog.fields_panel.x_box.isEnabled()  # the place comes from the layer's points
    assert dialog.show_preview()
    assert dialog.run_import()
    assert dialog.message.text() == "1 incident imported."
    (incident,) = stored(store_path)
    assert (incident.x, incident.y, incident.category, incident.source) == (621000, 6651000, "graffiti", "rundor")


def test_a_cancelled_import_writes_nothing_and_keeps_the_dialog(dialog, store_path, tmp_path):
    rows = [r for r in ROWS if r[0] in ("vandalism", "fire")]
    assert dialog.read_file(str(write_csv(tmp_path / "good.csv", rows)))
    assert dialog.show_preview() and problem_rows(dialog) == {}
    # the user presses Cancel as soon as the bar moves (the import calls back before it writes)
    dialog.progress.valueChanged.connect(lambda _value: dialog.cancel_button.click())
    before = sha256(store_path)
    assert not dialog.run_import()
    assert sha256(store_path) == before
    assert dialog.message.text() == "cancelled: nothing was written"
    assert not dialog.progress.isVisible() and dialog.preview_button.isEnabled() and not dialog.busy
    assert dialog.file_edit.text().endswith("good.csv") and dialog.edits.category_column() == "category"


def test_the_wait_cursor_shows_while_the_rows_are_checked_and_goes_after(dialog, tmp_path, monkeypatch):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QApplication

    import lagesbild.ui.import_dialog as module

    seen = []
    real = module.build_preview

    def watched(*args, **kwargs):
        cursor = QApplication.overrideCursor()
        seen.append(None if cursor is None else cursor.shape())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "build_preview", watched)
    assert dialog.read_file(str(write_csv(tmp_path / "rapporter.csv", ROWS)))
    assert QApplication.overrideCursor() is None
    assert dialog.show_preview()
    assert seen == [Qt.CursorShape.WaitCursor] and QApplication.overrideCursor() is None
