"""The schema on a real GeoPackage: creation, what QGIS and OGR see,
migration from a hand-written older version, refusal of newer and foreign
files (left untouched), and the history triggers under every client."""

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from osgeo import gdal, ogr
from store_helpers import TOWN, fingerprint, incident, ogr_sql

from lagesbild.core.domain import codelist, schema
from lagesbild.core.store import NewerVersionError, NotAStoreError, Store, StoreError

gdal.UseExceptions()
V1_SQL = Path(__file__).parent / "data" / "store_v1.sql"


def write_v1_store(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.executescript(V1_SQL.read_text(encoding="utf-8"))


@pytest.fixture
def store(tmp_path):
    with Store.create(tmp_path / "store.gpkg") as opened:
        yield opened


def test_a_new_store_is_a_geopackage_that_ogr_reads(store):
    dataset = gdal.OpenEx(str(store.path), gdal.OF_VECTOR)
    layers = {dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())}
    assert layers == {"incidents", "areas", "measures", "categories", "organisations", "incident_history"}
    incidents = dataset.GetLayerByName("incidents")
    assert incidents.GetGeomType() == ogr.wkbPoint
    assert incidents.GetSpatialRef().GetAuthorityCode(None) == "3006"
    definition = incidents.GetLayerDefn()
    kinds = {definition.GetFieldDefn(i).GetName(): (definition.GetFieldDefn(i).GetType(),
             definition.GetFieldDefn(i).GetSubType()) for i in range(definition.GetFieldCount())}
    assert kinds["occurred_from"][0] == ogr.OFTDateTime
    assert kinds["police_reported"] == (ogr.OFTInteger, ogr.OFSTBoolean)
    assert kinds["estimated_cost_sek"][0] == ogr.OFTReal
    assert set(kinds) == set(schema.INCIDENTS.field_names)
    assert incidents.TestCapability(ogr.OLCFastSpatialFilter)
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
        codes = {row[0] for row in connection.execute("SELECT code FROM categories WHERE parent IS NULL")}
        assert codes == set(codelist.BY_CODE)
        subs = dict(connection.execute("SELECT code, parent FROM categories WHERE parent IS NOT NULL"))
        assert subs == codelist.SUBCATEGORY_PARENT
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_no_field_for_a_person_anywhere():
    person_words = ("name", "person", "personnummer", "phone", "email", "address", "reporter")
    for table in schema.TABLES:
        for field in table.field_names:
            if field in ("name", "name_sv", "name_en", "place_name"):  # places, areas and organisations
                continue
            assert not any(word in field for word in person_words), (table.name, field)


def test_the_spatial_index_answers_ogr_spatial_filters(store):
    store.add_incidents([incident(), incident(geometry=(700_000.0, 6_700_000.0))])
    dataset = gdal.OpenEx(str(store.path), gdal.OF_VECTOR)
    layer = dataset.GetLayerByName("incidents")
    layer.SetSpatialFilterRect(TOWN[0] - 10, TOWN[1] - 10, TOWN[0] + 10, TOWN[1] + 10)
    assert layer.GetFeatureCount() == 1
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("SELECT count(*) FROM rtree_incidents_geom").fetchone()[0] == 2


def test_store_crs_time_zone_and_extent_are_chosen_at_creation(tmp_path):
    with Store.create(tmp_path / "a.gpkg", crs="EPSG:3008", time_zone="Europe/Helsinki",
                      extent=(100_000, 6_000_000, 200_000, 6_100_000)) as store:
        assert (store.crs, store.time_zone, store.extent) == (
            "EPSG:3008", "Europe/Helsinki", (100_000.0, 6_000_000.0, 200_000.0, 6_100_000.0))
    with Store.open(tmp_path / "a.gpkg") as store:
        assert store.crs == "EPSG:3008" and store.srs_id == 3008
    with Store.create(tmp_path / "b.gpkg") as store:  # defaults: SWEREF 99 TM over Sweden
        xmin, ymin, xmax, ymax = store.extent
        assert store.crs == "EPSG:3006" and store.time_zone == "Europe/Stockholm"
        assert xmin < 300_000 and xmax > 900_000 and ymin < 6_150_000 and ymax > 7_650_000


@pytest.mark.parametrize("kwargs,message", [
    ({"crs": "EPSG:4326"}, "projected"),
    ({"crs": "EPSG:999999"}, "unknown CRS"),
    ({"time_zone": "Mars/Olympus"}, "unknown time zone"),
    ({"extent": (10, 10, 5, 20)}, "extent is empty"),
])
def test_create_refuses_bad_settings_and_leaves_no_file(tmp_path, kwargs, message):
    with pytest.raises((StoreError, ValueError), match=message):
        Store.create(tmp_path / "bad.gpkg", **kwargs)
    assert not (tmp_path / "bad.gpkg").exists()


def test_create_never_overwrites(tmp_path):
    path = tmp_path / "existing.gpkg"
    path.write_bytes(b"precious")
    with pytest.raises(StoreError, match="exists already"):
        Store.create(path)
    assert path.read_bytes() == b"precious"


def test_migration_from_a_hand_written_version_1(tmp_path):
    path = tmp_path / "old.gpkg"
    write_v1_store(path)
    assert Store.inspect(path) == 1
    with Store.open(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        old = store.get_incident("22222222-2222-4222-8222-222222222222")
        assert (old.category, old.subcategory, old.x, old.y) == ("fire", "fire_car", *TOWN)
        assert old.estimated_cost_sek is None and old.police_report_ref is None
        # the new fields work, and are audited by the rebuilt triggers
        updated = store.update_incident(old.uuid, {"estimated_cost_sek": 30000.0, "police_report_ref": "K-1"},
                                        expected_version=1, by_org="police")
        assert updated.estimated_cost_sek == 30000.0
        assert {h["field"] for h in store.history(old.uuid)} == {"estimated_cost_sek", "police_report_ref"}
        # the code list is the current one; the spatial index was built from the old rows
        assert {c[0] for c in store.categories() if c[1] is None} == set(codelist.BY_CODE)
        with sqlite3.connect(path) as connection:
            assert connection.execute("SELECT count(*) FROM rtree_incidents_geom").fetchone()[0] == 2
            assert connection.execute("SELECT active FROM organisations WHERE code = 'police'").fetchone()[0] == 1
    assert Store.inspect(path) == schema.SCHEMA_VERSION
    layers = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    assert layers.GetLayerByName("categories") is not None


def test_a_failing_migration_rolls_back_and_leaves_the_store_as_it_was(tmp_path):
    path = tmp_path / "old.gpkg"
    write_v1_store(path)
    with sqlite3.connect(path) as connection:  # a column the migration wants to add exists already
        connection.execute("ALTER TABLE incidents ADD COLUMN estimated_cost_sek TEXT")
    before = fingerprint(path)
    with pytest.raises(StoreError, match="could not be migrated, and was left as it was"):
        Store.open(path)
    assert fingerprint(path)[0] == before[0]
    assert Store.inspect(path) == 1


def test_a_newer_store_is_refused_untouched(store, tmp_path):
    path = store.path
    store.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE lagesbild_meta SET value = '99' WHERE key = 'schema_version'")
    before = fingerprint(path)
    with pytest.raises(NewerVersionError, match="newer Lägesbild"):
        Store.open(path)
    assert fingerprint(path) == before


def test_a_foreign_geopackage_and_other_files_are_refused_untouched(tmp_path):
    foreign = tmp_path / "roads.gpkg"
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(foreign))
    layer = dataset.CreateLayer("roads", geom_type=ogr.wkbLineString)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    dataset = None
    text = tmp_path / "notes.gpkg"
    text.write_text("not a database at all, just text that is long enough to be read " * 20)
    for path, message in ((foreign, "not a Lägesbild store"), (text, "not a GeoPackage")):
        before = fingerprint(path)
        with pytest.raises(NotAStoreError, match=message):
            Store.open(path)
        assert fingerprint(path) == before
    with pytest.raises(StoreError, match="no such file"):
        Store.open(tmp_path / "missing.gpkg")


def test_history_from_a_plain_qgis_edit_session(store, qgis_app):
    from qgis.core import QgsVectorLayer

    added = store.add_incident(incident())
    layer = QgsVectorLayer(f"{store.path}|layername=incidents", "incidents", "ogr")
    assert layer.isValid()
    feature = next(layer.getFeatures())
    assert layer.startEditing()
    assert layer.changeAttributeValue(feature.id(), layer.fields().indexOf("status"), "in_progress")
    assert layer.changeAttributeValue(feature.id(), layer.fields().indexOf("handling_note"), "Sanering bokad")
    assert layer.commitChanges(), layer.commitErrors()
    history = {row["field"]: row for row in store.history(added.uuid)}
    assert set(history) == {"status", "handling_note"}
    assert (history["status"]["old_value"], history["status"]["new_value"]) == ("new", "in_progress")
    assert history["status"]["changed_by_org"] is None  # an edit outside the plugin names no organisation
    assert store.get_incident(added.uuid).version == 2
    del layer


def test_history_from_plain_sql(store):
    added = store.add_incident(incident())
    ogr_sql(store.path, "UPDATE incidents SET status = 'closed', updated_by_org = 'police', "
                        f"description = 'Sanerat' WHERE uuid = '{added.uuid}'")
    history = sorted((h["field"], h["old_value"], h["new_value"], h["changed_by_org"])
                     for h in store.history(added.uuid))
    assert history == [("description", "Krossad ruta i trapphus", "Sanerat", "police"),
                       ("status", "new", "closed", "police")]
    assert all(h["changed_at"] <= datetime.now(timezone.utc) for h in store.history(added.uuid))
