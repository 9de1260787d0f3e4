"""What the import dialog shows, without a dialog (core/presentation/import_preview.py),
and a mapping saved and loaded back (core/domain/importing/mapping.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from import_helpers import sha256, write_csv

from lagesbild.core.domain.importing import Mapping, load_mapping, read_source
from lagesbild.core.domain.importing.mapping import Coordinates, mapping_from_dict, mapping_to_dict, save_mapping
from lagesbild.core.domain.validation import Problem
from lagesbild.core.presentation.import_preview import (
    MappingEdits,
    build_preview,
    distinct_texts,
    result_sentence,
)
from lagesbild.core.store import Store
from lagesbild.core.store.importing import ImportResult, Refused


def test_a_mapping_saved_and_loaded_is_the_same_mapping(tmp_path):
    mapping = Mapping("trygghetsvandring", {"Händelse": "category", "Tidpunkt": "occurred_from", "Namn": None},
                      Coordinates("Lon", "Lat", "EPSG:4326"),
                      {"bussgardinbrand": ("fire", "fire_car"), "klotter": ("graffiti", None)},
                      {"reporting_org": "municipality", "police_reported": True})
    path = tmp_path / "mapping.json"
    save_mapping(mapping, path)
    assert load_mapping(path) == mapping
    assert mapping_from_dict(mapping_to_dict(Mapping())) == Mapping()
    assert mapping_to_dict(Mapping(coordinates=Coordinates("x", "y"))) == {"coordinates": {"x": "x", "y": "y"}}


def test_a_column_mapped_to_null_is_not_imported_even_when_named_like_a_field():
    mapping = mapping_from_dict({"fields": {"place_name": None, "Plats": "description"}})
    assert mapping.field_of_columns(["place_name", "Plats", "category"]) == {"Plats": "description",
                                                                               "category": "category"}


def test_distinct_texts_ignore_case_and_spaces_and_keep_the_first_spelling(tmp_path):
    path = write_csv(tmp_path / "t.csv", [["Klotter", "", "", "", "", "", "", ""],
                                          ["  klotter ", "", "", "", "", "", "", ""],
                                          ["Bil  brand", "", "", "", "", "", "", ""],
                                          ["", "", "", "", "", "", "", ""],
                                          ["BIL BRAND", "", "x", "", "", "", "", ""]])
    assert distinct_texts(read_source(path), "category") == [("Klotter", 2), ("Bil brand", 2)]


def test_edits_become_the_mapping_the_import_reads(tmp_path):
    header = ["Typ", "place_name", "occurred_from", "x", "y"]
    path = write_csv(tmp_path / "t.csv", [["Bussgardinbrand", "A", "2026-03-01 10:00", "1", "2"]], header=header)
    data = read_source(path)
    base = Mapping(fields={"Elsewhere": "description"}, categories={"sprayfärg": ("graffiti", None)},
                   defaults={"reporting_org": "housing"})
    edits = MappingEdits.of_source(data, base, "EPSG:3006")
    assert edits.fields == {"Typ": None, "place_name": "place_name", "occurred_from": "occurred_from",
                            "x": None, "y": None}
    assert (edits.x_column, edits.y_column, edits.crs) == ("x", "y", "EPSG:3006")
    assert edits.category_column() is None and edits.texts == []
    edits.fields["Typ"] = "category"
    edits.fields["place_name"] = None
    edits.read_texts(data)
    assert edits.unmapped_texts() == ["Bussgardinbrand"]
    edits.set_codes("BUSSGARDINBRAND", "fire", "fire_car")
    assert edits.unmapped_texts() == []
    mapping = edits.to_mapping()
    assert mapping.fields == {"Elsewhere": "description", "Typ": "category", "place_name": None,
                              "occurred_from": "occurred_from"}
    assert mapping.field_of_columns(data.columns) == {"Typ": "category", "occurred_from": "occurred_from"}
    assert mapping.coordinates == Coordinates("x", "y", "EPSG:3006")
    assert mapping.categories == {"sprayfärg": ("graffiti", None), "bussgardinbrand": ("fire", "fire_car")}
    assert mapping.defaults == {"reporting_org": "housing"}
    edits.set_codes("Bussgardinbrand", None)
    assert "bussgardinbrand" not in edits.to_mapping().categories
    edits.fields["occurred_from"] = "category"
    assert edits.targets_taken_twice() == ["category"]
    # a column of the place fills no field, whatever was chosen for it before
    edits.fields["x"] = "description"
    assert edits.is_place("x") and edits.field_of("x") is None and "x" not in edits.to_mapping().fields
    edits.x_column = None
    assert edits.field_of("x") == "description" and edits.to_mapping().coordinates is None


def test_the_preview_is_the_imports_dry_run_and_shows_converted_values(qgis_app, tmp_path):
    store_path = tmp_path / "store.gpkg"
    Store.create(store_path).close()
    rows = [["vandalism", "", "2026-03-01 21:30", "housing", "620000", "6650000", "A", "1 000,5"],
            ["nonsense", "", "2026-03-01 21:30", "housing", "620000", "6650000", "B", ""],
            ["vandalism", "", "2026-03-01 21:30", "housing", "620000", "6650000", "A", "1 000,5"]]
    data = read_source(write_csv(tmp_path / "p.csv", rows))
    before = sha256(store_path)
    with Store.open(store_path) as store:
        preview = build_preview(store, data, Mapping(), mode=0)
        skip = build_preview(store, data, Mapping(), mode=1, limit=1)
    assert preview.fields == ["category", "occurred_from", "place_name", "reporting_org", "estimated_cost_sek",
                              "geometry"]
    assert preview.rows[0] == (2, "OK", ["Vandalism", "2026-03-01 21:30", "A", "The housing company", "1000.5",
                                         "620000.00, 6650000.00"])
    assert [(r[0], r[1]) for r in preview.rows] == [(2, "OK"), (3, "problem"), (4, "duplicate")]
    assert [(p.line, p.field, p.duplicate) for p in preview.problems] == [(3, "category", False),
                                                                          (4, "source_id", True)]
    assert "line 2" in preview.problems[1].reason
    assert (preview.total, preview.importable, preview.rejected, preview.duplicates) == (3, 0, 1, 1)
    assert preview.sentence() == (
        "3 rows read. 1 row has problems: as it is, nothing would be written. Fix it (the mapping or the file) or "
        "choose to skip bad rows. 1 row is in the store already or repeats an earlier line: skipped.")
    assert len(skip.rows) == 1 and skip.importable == 1
    assert skip.sentence() == ("3 rows read. 1 incident would be imported. 1 row with problems would be left out. "
                               "1 row is in the store already or repeats an earlier line: skipped.")
    assert sha256(store_path) == before  # the preview wrote nothing


@pytest.mark.parametrize(("imported", "rejected", "duplicates", "summaries", "mode", "expected"), [
    (5, 0, 0, 0, 0, "5 incidents imported."),
    (1, 0, 2, 0, 0, "1 incident imported. 2 rows were in the store already or repeated an earlier line: skipped."),
    (0, 2, 0, 0, 0, "Nothing was written: 2 rows have problems. Fix them (see the problems) or choose to skip "
                    "bad rows."),
    (3, 1, 0, 4, 1, "3 incidents imported. 1 row rejected. 4 summaries of the police's feed skipped."),
])
def test_counts_in_plain_words(imported, rejected, duplicates, summaries, mode, expected):
    refused = Refused(2, [Problem("category", "unknown", "unknown")], {})
    result = ImportResult(imported, [replace(refused, duplicate=True)] * duplicates, [refused] * rejected)
    assert result_sentence(result, summaries, mode) == expected
