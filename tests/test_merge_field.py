"""lagesbild:mergefield: new incidents from the field go in once, with their
field uuid and a photo; an edit to an incident that changed in the store
meanwhile is listed and not applied; an edit to an unchanged one is applied;
a row the store's rules refuse is listed with its reason."""

from __future__ import annotations

import sqlite3
import uuid as uuid_module
from datetime import datetime, timezone
from pathlib import Path

import pytest
from field_helpers import field_store
from store_helpers import ogr_sql, output_rows

from lagesbild.core.store import Store
from lagesbild.core.store.field_copy import FIELD_COPY_NAME, make_field_copy

PHOTO = b"\xff\xd8\xff\xe0 a small jpeg of a broken window \xff\xd9"
NOW = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


@pytest.fixture
def field(tmp_path):
    store = tmp_path / "office" / "store.gpkg"
    store.parent.mkdir()
    uuids = field_store(store)
    copy = tmp_path / "phone" / FIELD_COPY_NAME
    copy.parent.mkdir()
    with Store.open(store, read_only=True) as opened:
        make_field_copy(opened, copy, "housing")
    return store, copy, uuids


def report_in_the_field(copy: Path, category="graffiti", x=620_100.0, y=6_650_100.0, photo=None,
                        place="Skolgården") -> str:
    """A new report as QField writes it: through GDAL, with the form's defaults."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    new = str(uuid_module.uuid4())
    dataset = gdal.OpenEx(str(copy), gdal.OF_VECTOR | gdal.OF_UPDATE)
    try:
        layer = dataset.GetLayerByName("incidents")
        feature = ogr.Feature(layer.GetLayerDefn())
        values = dict(uuid=new, category=category, occurred_from=NOW, reported_at=NOW, reporting_org="housing",
                      police_reported=0, status="new", created_at=NOW, updated_at=NOW, version=1,
                      location_precision="exact", place_name=place, photo=photo)
        for name, value in values.items():
            if value is not None:
                feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feature)
    finally:
        dataset = None
    return new


def conflicts(path: Path) -> list[dict]:
    return output_rows(path) if path.exists() else []


def test_new_incidents_go_in_once_with_their_uuid_and_photo(run, field, tmp_path):
    store, copy, _ = field
    (copy.parent / "DCIM").mkdir(exist_ok=True)
    (copy.parent / "DCIM" / "JPEG_20250601.jpg").write_bytes(PHOTO)
    with_photo = report_in_the_field(copy, photo="DCIM/JPEG_20250601.jpg")
    plain = report_in_the_field(copy, category="littering", place="Torget")
    first = run("lagesbild:mergefield", {"FIELD": str(copy), "STORE": str(store),
                                         "OUTPUT_CONFLICTS": str(tmp_path / "c1.gpkg")})
    assert (first["ADDED"], first["UPDATED"], first["CONFLICTS"], first["REJECTED"], first["PHOTOS"]) == (2, 0, 0, 0, 1)
    assert conflicts(tmp_path / "c1.gpkg") == []
    with Store.open(store, read_only=True) as opened:
        added = opened.get_incident(with_photo)
        assert (added.category, added.place_name, added.reporting_org, added.updated_by_org) == (
            "graffiti", "Skolgården", "housing", "housing")
        assert (added.x, added.y) == (620_100.0, 6_650_100.0)
        assert added.photo == "DCIM/JPEG_20250601.jpg"
        assert opened.get_incident(plain).category == "littering"
        count = opened.count()
    assert (store.parent / "DCIM" / "JPEG_20250601.jpg").read_bytes() == PHOTO
    second = run("lagesbild:mergefield", {"FIELD": str(copy), "STORE": str(store),
                                          "OUTPUT_CONFLICTS": str(tmp_path / "c2.gpkg")})
    assert (second["ADDED"], second["UPDATED"], second["CONFLICTS"], second["REJECTED"]) == (0, 0, 0, 0)
    with Store.open(store, read_only=True) as opened:
        assert opened.count() == count
    assert sorted(p.name for p in (store.parent / "DCIM").iterdir()) == ["JPEG_20250601.jpg"]


def test_an_edit_to_an_incident_changed_meanwhile_is_listed_and_not_applied(run, field, tmp_path, feedback_log):
    store, copy, uuids = field
    # in the field: the reporter closes its own incident and edits another
    ogr_sql(copy, f"UPDATE incidents SET status = 'closed', place_name = 'Stationsgatan 6' "
                  f"WHERE uuid = '{uuids['own']}'")
    ogr_sql(copy, f"UPDATE incidents SET place_name = 'Bruksvägen 1' WHERE uuid = '{uuids['far']}'")
    # meanwhile in the store: a coordinator changes the first one
    with Store.open(store) as opened:
        current = opened.get_incident(uuids["own"])
        changed = opened.update_incident(uuids["own"], {"status": "in_progress"}, current.version, "municipality")
    feedback = feedback_log()
    from qgis import processing

    result = processing.run("lagesbild:mergefield", {"FIELD": str(copy), "STORE": str(store),
                                                     "OUTPUT_CONFLICTS": str(tmp_path / "c.gpkg")},
                            feedback=feedback)
    assert (result["ADDED"], result["UPDATED"], result["CONFLICTS"], result["REJECTED"]) == (0, 1, 1, 0)
    assert any("1 incidents changed in the store" in text for text in feedback.warnings)
    listed = {row["field"]: row for row in conflicts(tmp_path / "c.gpkg")}
    assert set(listed) == {"status", "place_name"}
    assert listed["status"]["incident"] == uuids["own"]
    assert (listed["status"]["field_value"], listed["status"]["store_value"]) == ("closed", "in_progress")
    assert (listed["place_name"]["field_value"], listed["place_name"]["store_value"]) == (
        "Stationsgatan 6", "Stationsgatan 4")
    assert listed["status"]["store_time"] == changed.updated_at.isoformat()
    assert listed["status"]["field_time"]
    with Store.open(store, read_only=True) as opened:
        kept = opened.get_incident(uuids["own"])
        assert (kept.status, kept.place_name, kept.version) == ("in_progress", "Stationsgatan 4", changed.version)
        applied = opened.get_incident(uuids["far"])
        assert (applied.place_name, applied.updated_by_org) == ("Bruksvägen 1", "housing")
        assert [(h["field"], h["new_value"]) for h in opened.history(uuids["far"]) if h["field"] == "place_name"] \
            == [("place_name", "Bruksvägen 1")]
    # again: the applied edit is in the store, the conflict is listed again, nothing more is written
    again = processing.run("lagesbild:mergefield", {"FIELD": str(copy), "STORE": str(store),
                                                    "OUTPUT_CONFLICTS": str(tmp_path / "c2.gpkg")})
    assert (again["UPDATED"], again["CONFLICTS"]) == (0, 1)


def test_rows_outside_the_form_are_refused_with_their_reason(field, tmp_path, qgis_process_run):
    store, copy, _ = field
    # a category typed outside the form: a client that removed the copy's check
    with sqlite3.connect(copy) as db:
        triggers = [name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%incidents_category%'")]
        for name in triggers:
            db.execute(f'DROP TRIGGER "{name}"')
    assert triggers
    unknown = report_in_the_field(copy, category="ufo_sighting")
    outside = report_in_the_field(copy, x=100.0, y=100.0)
    good = report_in_the_field(copy, category="littering")
    result = qgis_process_run("lagesbild:mergefield", {"FIELD": copy, "STORE": store,
                                                       "OUTPUT_CONFLICTS": tmp_path / "refused.gpkg"})
    assert (result["results"]["ADDED"], result["results"]["REJECTED"]) == (1, 2)
    listed = {row["incident"]: row for row in conflicts(tmp_path / "refused.gpkg")}
    assert set(listed) == {unknown, outside}
    assert listed[unknown]["field"] == "category" and listed[unknown]["field_value"] == "ufo_sighting"
    assert listed[unknown]["reason"].startswith("refused:")
    assert listed[outside]["field"] == "geometry" and "extent" in listed[outside]["reason"]
    with Store.open(store, read_only=True) as opened:
        assert opened.get_incident(good).category == "littering"
        assert {i.uuid for i in opened.incidents()} & {unknown, outside} == set()


def test_another_organisation_s_hidden_text_is_not_written_over(field, tmp_path):
    from lagesbild.core.store.merge import merge_field_copy

    store, copy, uuids = field
    ogr_sql(copy, f"UPDATE incidents SET description = 'Ny text' WHERE uuid = '{uuids['other']}'")
    with Store.open(store) as opened:
        result = merge_field_copy(copy, opened, store.parent / "DCIM")
        assert opened.get_incident(uuids["other"]).description == "Polisens egen text"
    assert (result.updated, result.rejected) == (0, 1)
    assert [(p.incident, p.field) for p in result.problems] == [(uuids["other"], "description")]


def test_a_store_that_is_no_field_copy_is_refused_in_words(field, run):
    store, _, _ = field
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="not a field copy"):
        run("lagesbild:mergefield", {"FIELD": str(store), "STORE": str(store), "OUTPUT_CONFLICTS": "TEMPORARY_OUTPUT"})


def test_a_report_with_personal_data_is_refused_without_copying_the_data_out(field, tmp_path):
    from lagesbild.core.store.merge import merge_field_copy

    store, copy, _ = field
    refused = report_in_the_field(copy, place="Hos 811218-9876")
    with Store.open(store) as opened:
        result = merge_field_copy(copy, opened, store.parent / "DCIM")
        assert {i.uuid for i in opened.incidents()} & {refused} == set()
    assert (result.added, result.rejected) == (0, 1)
    [problem] = result.problems
    assert (problem.incident, problem.field, problem.field_value) == (refused, "place_name", None)
    assert "personal data" in problem.reason and "9876" not in problem.reason


def test_a_postgres_store_takes_field_reports_and_keeps_photos_beside_the_copy(postgres_server, tmp_path):
    from lagesbild.core.store import StoreLocation
    from lagesbild.core.store.merge import default_photo_folder, merge_field_copy

    location = StoreLocation.parse(f"postgresql://postgres@127.0.0.1:{postgres_server.port}/lagesbild_test"
                                   "?schema=field_merge")
    try:
        uuids = field_store(location)
        copy = tmp_path / FIELD_COPY_NAME
        with Store.open(location, read_only=True) as opened:
            made = make_field_copy(opened, copy, "housing")
        assert made.incidents == 3 and made.blanked == 1
        (tmp_path / "DCIM" / "JPEG_1.jpg").write_bytes(PHOTO)
        new = report_in_the_field(copy, photo="DCIM/JPEG_1.jpg")
        ogr_sql(copy, f"UPDATE incidents SET status = 'closed' WHERE uuid = '{uuids['own']}'")
        with Store.open(location) as opened:
            assert default_photo_folder(opened) is None
            first = merge_field_copy(copy, opened, None)
            second = merge_field_copy(copy, opened, None)
            assert opened.get_incident(new).photo == "DCIM/JPEG_1.jpg"
            assert opened.get_incident(uuids["own"]).status == "closed"
            assert opened.get_incident(uuids["other"]).description == "Polisens egen text"
        assert (first.added, first.updated, first.photos, first.problems) == (1, 1, 1, [])
        assert (second.added, second.updated, second.passed_over, second.problems) == (0, 0, 2, [])
        assert (tmp_path / "DCIM" / "JPEG_1.jpg").read_bytes() == PHOTO
    finally:
        postgres_server.sql("lagesbild_test", "DROP SCHEMA IF EXISTS field_merge CASCADE")
