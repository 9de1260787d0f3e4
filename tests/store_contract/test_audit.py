"""The audit trail's contract (README "Audit trail"), on every backend: what
no client may do to an incident or its history, what is recorded when a
client outside the plugin edits, and the history's hash chain noticing a
row changed, removed or moved behind the plugin's back."""

from datetime import datetime, timedelta, timezone

import pytest
from store_helpers import incident

from lagesbild.core.domain import schema
from lagesbild.core.store import ConflictError, Store
from lagesbild.core.store.verify import TriggersAlteredError, verify_store

# what it takes, outside the plugin, to switch the history's guard off
GUARD_OFF = {
    "gpkg": ["DROP TRIGGER lagesbild_history_append_only", "DROP TRIGGER lagesbild_history_no_delete"],
    "postgres": ["ALTER TABLE incident_history DISABLE TRIGGER lagesbild_history_guard"],
}
DROP_AUDIT = {
    "gpkg": "DROP TRIGGER lagesbild_history_status",
    "postgres": "DROP TRIGGER lagesbild_incidents_update ON incidents",
}
DROPPED_NAME = {"gpkg": "lagesbild_history_status", "postgres": "lagesbild_incidents_update"}


def _history(store, incident_uuid=None):
    where, params = ("WHERE incident_uuid = ?", (incident_uuid,)) if incident_uuid else ("", ())
    return store._db.execute(f"SELECT field, old_value, new_value, seal_seq, row_hash FROM incident_history {where} "
                             "ORDER BY fid", params).fetchall()


@pytest.mark.parametrize("assignment", ["uuid = 'aaaaaaaa-0000-4000-8000-000000000000'",
                                        "created_at = '2000-01-01T00:00:00.000Z'"])
def test_uuid_and_created_at_never_change(store, other_client, assignment):
    added = store.add_incident(incident())
    store.update_incident(added.uuid, {"status": "closed"}, expected_version=1, by_org="police")
    with pytest.raises(RuntimeError, match="uuid and created_at never change"):
        other_client.execute(f"UPDATE incidents SET {assignment} WHERE uuid = '{added.uuid}'")
    read = store.get_incident(added.uuid)
    assert (read.created_at, read.version) == (added.created_at, 2)
    assert [row[0] for row in _history(store, added.uuid)] == ["status"]


def test_version_never_goes_back_so_a_stale_save_still_conflicts(store, other_client):
    added = store.add_incident(incident())
    store.update_incident(added.uuid, {"status": "in_progress"}, expected_version=1, by_org="police")
    with pytest.raises(RuntimeError, match="version never goes back"):
        other_client.execute(f"UPDATE incidents SET version = 1 WHERE uuid = '{added.uuid}'")
    assert store.get_incident(added.uuid).version == 2
    with pytest.raises(ConflictError):  # someone still holding version 1
        store.update_incident(added.uuid, {"status": "closed"}, expected_version=1, by_org="housing")
    assert store.get_incident(added.uuid).status == "in_progress"


def test_a_change_of_only_updated_at_or_updated_by_org_is_recorded(store, other_client):
    added = store.add_incident(incident())
    where = f"WHERE uuid = '{added.uuid}'"
    other_client.execute(f"UPDATE incidents SET handling_note = 'Sanerat' {where}")
    assert [row[0] for row in _history(store, added.uuid)] == ["handling_note"]  # the version's stamp is no change
    other_client.execute(f"UPDATE incidents SET updated_by_org = 'police', version = version + 1 {where}")
    other_client.execute(f"UPDATE incidents SET updated_at = '2020-01-01T00:00:00.000Z', version = version + 1 {where}")
    rows = _history(store, added.uuid)
    assert [row[0] for row in rows] == ["handling_note", "updated_by_org", "updated_at"]
    assert rows[1][1:3] == ("housing", "police")
    assert rows[2][2].startswith("2020-01-01T00:00:00")


def test_a_deleted_incident_leaves_its_whole_last_state(store, other_client):
    added = store.add_incident(incident(description="Krossad ruta", handling_note="Glasmästare beställd"))
    store.update_incident(added.uuid, {"status": "in_progress"}, expected_version=1, by_org="police")
    other_client.execute(f"DELETE FROM incidents WHERE uuid = '{added.uuid}'")
    assert store.count() == 0
    rows = _history(store, added.uuid)
    assert rows[0][0] == "status" and rows[-1][0] == schema.HISTORY_DELETED
    last = {field: old for field, old, new, *_ in rows[1:-1]}
    assert set(last) == {schema.GEOMETRY_COLUMN, *schema.INCIDENTS.field_names}
    assert last["category"] == "vandalism" and last["status"] == "in_progress" and last["version"] == "2"
    assert last["description"] == "Krossad ruta" and last["handling_note"] == "Glasmästare beställd"
    assert last["uuid"] == added.uuid and last["reporting_org"] == "housing" and last["geom"]
    store.add_incident(incident())  # the next plugin write seals the rows
    assert verify_store(store.location).problems == []


def test_history_rows_are_never_changed_or_deleted(store, other_client):
    added = store.add_incident(incident())
    store.update_incident(added.uuid, {"status": "closed"}, expected_version=1, by_org="police")
    before = _history(store)
    for sql in ("UPDATE incident_history SET new_value = 'new'", "UPDATE incident_history SET row_hash = NULL",
                "DELETE FROM incident_history"):
        with pytest.raises(RuntimeError, match="append-only"):
            other_client.execute(sql)
    assert _history(store) == before and before[0][3] == 1 and len(before[0][4]) == 64


def _sealed_history(store):
    added = store.add_incident(incident())
    store.update_incident(added.uuid, {"status": "in_progress"}, expected_version=1, by_org="police")
    store.update_incident(added.uuid, {"status": "closed"}, expected_version=2, by_org="police")
    store.update_incident(added.uuid, {"estimated_cost_sek": 100.0}, expected_version=3, by_org="police")
    assert [row[3] for row in _history(store)] == [1, 2, 3]
    assert verify_store(store.location).problems == []


TAMPERING = {
    "edited": ("UPDATE incident_history SET new_value = 'closed' WHERE seal_seq = 1", "does not fit the hash chain"),
    "deleted": ("DELETE FROM incident_history WHERE seal_seq = 2", "numbers 2 to 2 are missing"),
    "deleted_last": ("DELETE FROM incident_history WHERE seal_seq = 3", "record of its last seal"),
    "reordered": ("UPDATE incident_history SET seal_seq = 3 - seal_seq WHERE seal_seq IN (1, 2)",
                  "does not fit the hash chain"),
    "unsealed": ("UPDATE incident_history SET seal_seq = NULL, row_hash = NULL, new_value = 'x' WHERE seal_seq = 2",
                 "numbers 2 to 2 are missing"),
}


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_the_hash_chain_shows_a_history_row_changed_removed_or_moved(store, other_client, case):
    _sealed_history(store)
    sql, expected = TAMPERING[case]
    for statement in GUARD_OFF[store.location.backend]:
        other_client.execute(statement)
    other_client.execute(sql)
    problems = verify_store(store.location).problems
    assert any(expected in problem for problem in problems), problems


def test_edits_outside_the_plugin_are_recorded_then_sealed(store, other_client):
    """The triggers of both backends leave the row unsealed, for the plugin's
    next write (on PostgreSQL through the store's own sealing function, which
    computes the same hash)."""
    added = store.add_incident(incident())
    other_client.execute(f"UPDATE incidents SET status = 'closed' WHERE uuid = '{added.uuid}'")
    ((*values, seq, row_hash),) = _history(store, added.uuid)
    assert values == ["status", "new", "closed"]
    assert (seq, row_hash) == (None, None)
    store.add_incident(incident())
    (row,) = _history(store, added.uuid)
    assert row[3] == 1 and len(row[4]) == 64
    assert verify_store(store.location).problems == []


def test_the_retention_job_blanks_free_text_and_the_chain_holds(store, other_client):
    added = store.add_incident(incident(description="Krossad ruta"))
    store.update_incident(added.uuid, {"description": "Krossad ruta, grannen ringde",
                                       "status": "closed"}, expected_version=1, by_org="police")
    blanked = store.blank_history_texts(datetime.now(timezone.utc) + timedelta(days=1))
    assert blanked == 1
    rows = {row[0]: row for row in _history(store, added.uuid)}
    assert rows["description"][1:3] == (None, None)
    assert rows["status"][1:3] == ("new", "closed")
    assert rows[schema.HISTORY_BLANKED][1:3] == ("description", rows[schema.HISTORY_BLANKED][2])
    assert all(row[4] for row in rows.values())  # the record of the blanking is sealed too
    assert verify_store(store.location).problems == []
    with pytest.raises(RuntimeError, match="append-only"):
        other_client.execute("UPDATE incident_history SET old_value = 'Anna' WHERE field = 'description'")


def test_a_store_without_its_audit_triggers_is_refused_and_repaired(store, other_client):
    added = store.add_incident(incident())
    other_client.execute(DROP_AUDIT[store.location.backend])
    name = DROPPED_NAME[store.location.backend]
    with pytest.raises(TriggersAlteredError) as raised:
        Store.open(store.location)
    assert name in str(raised.value) and "lagesbild:verifystore" in str(raised.value) and "REPAIR" in str(raised.value)
    report = verify_store(store.location)
    assert report.problems == [f"the trigger {name} is missing"]
    repaired = verify_store(store.location, repair=True)
    assert repaired.problems == [] and repaired.repaired == [f"the trigger {name} is missing"]
    assert verify_store(store.location).problems == []
    (repair,) = store._db.execute("SELECT incident_uuid, old_value, row_hash FROM incident_history WHERE field = ?",
                                  (schema.HISTORY_REPAIRED,)).fetchall()
    assert repair[0] == schema.STORE_UUID and repair[1] == name and repair[2]
    with Store.open(store.location) as reopened:
        reopened.update_incident(added.uuid, {"status": "closed"}, expected_version=1, by_org="police")
        assert [row["field"] for row in reopened.history(added.uuid)] == ["status"]


# a trigger left in place under its own name but made harmless
DISARM = {
    "gpkg": ["DROP TRIGGER lagesbild_history_no_delete",
             "CREATE TRIGGER lagesbild_history_no_delete BEFORE DELETE ON incident_history BEGIN SELECT 1; END"],
    "postgres": ["ALTER TABLE incidents DISABLE TRIGGER lagesbild_incidents_update"],
}
DISARMED_NAME = {"gpkg": "lagesbild_history_no_delete", "postgres": "lagesbild_incidents_update"}


def test_an_altered_or_disabled_trigger_is_found_and_repaired(store, other_client):
    store.add_incident(incident())
    for sql in DISARM[store.location.backend]:
        other_client.execute(sql)
    name = DISARMED_NAME[store.location.backend]
    with pytest.raises(TriggersAlteredError, match=name):
        Store.open(store.location)
    assert verify_store(store.location).problems == [f"the trigger {name} was altered or disabled"]
    assert verify_store(store.location, repair=True).problems == []
    Store.open(store.location).close()


def test_texts_of_every_kind_are_sealed_alike_by_the_plugin_and_the_database(store, other_client):
    """PostgreSQL seals in its trigger, the plugin checks in Python: both must
    write the chain's text alike, whatever a text holds."""
    added = store.add_incident(incident())
    # (control characters other than tab and line breaks are refused on the way in)
    odd = 'citat "x", snedstreck \\ / ny\nrad\ttab åäö ☃ \u2028 \U0001f600 \u00a0'
    store.update_incident(added.uuid, {"handling_note": odd, "police_report_ref": odd[:50],
                                       "geometry": (620_001.123456789, 6_650_002.5)},
                          expected_version=1, by_org="police")
    other_client.execute(f"UPDATE incidents SET place_name = 'Torget ''4''' WHERE uuid = '{added.uuid}'")
    other_client.execute(f"DELETE FROM incidents WHERE uuid = '{added.uuid}'")
    store.add_incident(incident())
    assert verify_store(store.location).problems == []
    assert store._db.execute("SELECT count(*) FROM incident_history WHERE seal_seq IS NULL").fetchone()[0] == 0
