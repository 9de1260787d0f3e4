"""The audit trail of a GeoPackage store against plain ``sqlite3`` (the
client that needs no plugin and no GDAL), its migration from schema version
2, and ``lagesbild:verifystore`` through the real qgis_process."""

import sqlite3

import pytest
from store_helpers import incident, ogr_sql

from lagesbild.core.domain import schema
from lagesbild.core.store import Store
from lagesbild.core.store.verify import verify_store


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "store.gpkg"
    with Store.create(path) as store:
        added = store.add_incident(incident())
        store.update_incident(added.uuid, {"status": "closed"}, expected_version=1, by_org="police")
    return path


def _plain(path, sql, params=()):
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def test_plain_sqlite3_can_neither_change_nor_delete_history(store_path):
    before = _plain(store_path, "SELECT * FROM incident_history ORDER BY fid")
    for sql in ("UPDATE incident_history SET new_value = 'new'",
                "UPDATE incident_history SET changed_by_org = 'housing'",
                "UPDATE incident_history SET seal_seq = NULL, row_hash = NULL",
                "DELETE FROM incident_history"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            _plain(store_path, sql)
    assert _plain(store_path, "SELECT * FROM incident_history ORDER BY fid") == before


def test_edits_by_gdal_are_audited_and_sealed_by_verifystore_or_the_next_plugin_write(store_path):
    # plain sqlite3 cannot edit incidents (the GeoPackage R-tree triggers call
    # ST_ functions that GDAL provides), so GDAL is the plain client here
    ogr_sql(store_path, "UPDATE incidents SET handling_note = 'Sanerat', updated_by_org = 'rescue'")
    rows = _plain(store_path, "SELECT field, new_value, changed_by_org, seal_seq FROM incident_history ORDER BY fid")
    assert rows[-1] == ("handling_note", "Sanerat", "rescue", None)
    assert verify_store(store_path).sealed == 1
    ogr_sql(store_path, "UPDATE incidents SET handling_note = 'Klart'")
    assert _plain(store_path, "SELECT count(*) FROM incident_history WHERE seal_seq IS NULL") == [(1,)]
    with Store.open(store_path) as store:
        store.add_organisation("school", "Skolan")
    assert _plain(store_path, "SELECT count(*) FROM incident_history WHERE seal_seq IS NULL") == [(0,)]
    assert verify_store(store_path).problems == []


def _as_version_2(path):
    """The store as schema version 2 wrote it: no hash columns, one history
    row written by its triggers."""
    _plain(path, "DROP TRIGGER lagesbild_history_append_only")
    _plain(path, "DROP INDEX idx_incident_history_seal_seq")
    for name in ("seal_seq", "row_hash", "text_seal"):
        _plain(path, f"ALTER TABLE incident_history DROP COLUMN {name}")
    _plain(path, "DROP INDEX uidx_incidents_source_source_id")  # version 3's import keys
    for (name,) in _plain(path, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                "(sql LIKE '%source%' OR sql LIKE '%location_precision%' OR sql LIKE '%photo%')"):
        _plain(path, f"DROP TRIGGER {name}")  # version 3's triggers that name them (a deletion's record)
    for name in ("source", "source_id", "location_precision", "photo"):
        _plain(path, f"ALTER TABLE incidents DROP COLUMN {name}")
    _plain(path, "DELETE FROM lagesbild_meta WHERE key = 'history_head'")
    _plain(path, "UPDATE lagesbild_meta SET value = '2' WHERE key = 'schema_version'")
    ogr_sql(path, "UPDATE incidents SET description = 'Ny text'")


def test_migrating_a_version_2_store_seals_its_history(store_path):
    _as_version_2(store_path)
    assert Store.inspect(store_path) == 2
    with Store.open(store_path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION == 3
    rows = _plain(store_path, "SELECT field, seal_seq, length(row_hash) FROM incident_history ORDER BY fid")
    assert [row[0] for row in rows] == ["status", "description"]
    assert [row[1:] for row in rows] == [(1, 64), (2, 64)]
    assert verify_store(store_path).problems == []


def test_a_damaged_file_is_reported(store_path):
    with Store.open(store_path) as store:
        for _ in range(300):
            store.add_incident(incident(description="x" * 1500))
    data = bytearray(store_path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = b"\xa5" * 8192
    store_path.write_bytes(bytes(data))
    problems = verify_store(store_path).problems
    assert len(problems) == 1 and "damaged" in problems[0], problems


def test_verifystore_finds_a_dropped_trigger_and_repairs_it(store_path, qgis_process_run):
    ogr_sql(store_path, "DROP TRIGGER lagesbild_history_status")
    failed = qgis_process_run("lagesbild:verifystore", {"STORE": store_path}, expect_ok=False)
    assert failed["returncode"] != 0
    output = failed["stdout"] + failed["stderr"]
    assert "the trigger lagesbild_history_status is missing" in output and "REPAIR=true" in output
    assert _plain(store_path, "SELECT count(*) FROM incident_history WHERE field = ?",
                  (schema.HISTORY_REPAIRED,)) == [(0,)]
    repaired = qgis_process_run("lagesbild:verifystore", {"STORE": store_path, "REPAIR": True})
    assert repaired["results"]["PROBLEMS"] == 0 and repaired["results"]["REPAIRED"] == 1
    assert "lagesbild_history_status is missing" in repaired["results"]["REPORT"]
    assert _plain(store_path, "SELECT old_value, seal_seq IS NOT NULL FROM incident_history WHERE field = ?",
                  (schema.HISTORY_REPAIRED,)) == [("lagesbild_history_status", 1)]
    again = qgis_process_run("lagesbild:verifystore", {"STORE": store_path})
    assert again["results"]["PROBLEMS"] == 0 and again["results"]["SEALED"] == 0
    with Store.open(store_path) as store:
        (uuid,) = store._db.execute("SELECT uuid FROM incidents").fetchone()
        store.update_incident(uuid, {"status": "in_progress"}, expected_version=2, by_org="police")
        assert [row["field"] for row in store.history(uuid)] == ["status", "status"]


def test_a_copy_into_postgres_and_back_keeps_a_whole_chain(tmp_path, postgres_server):
    from lagesbild.core.store import StoreLocation
    from lagesbild.core.store.copy import copy_store

    path = tmp_path / "original.gpkg"
    with Store.create(path) as store:
        moved = store.add_incident(incident())
        store.update_incident(moved.uuid, {"geometry": (620_012.3456789, 6_650_000.987654321),
                                           "description": "Ny text"}, expected_version=1, by_org="police")
        gone = store.add_incident(incident(category="graffiti"))
    ogr_sql(path, f"DELETE FROM incidents WHERE uuid = '{gone.uuid}'")
    assert verify_store(path).sealed == len(schema.INCIDENTS.fields) + 2
    server = StoreLocation.parse(f"{postgres_server.dsn()} schema=audit_copy")
    try:
        copy_store(path, server)
        assert verify_store(server).problems == []
        back = tmp_path / "back.gpkg"
        copy_store(server, back)
        assert verify_store(back).problems == []
    finally:
        postgres_server.sql("lagesbild_test", "DROP SCHEMA IF EXISTS audit_copy CASCADE")
