"""Retention on every backend: the dry run writes nothing; the real run
blanks exactly the free texts of incidents closed more than the retention
period ago, in the incidents and in their history, writes one retention row
per incident, and leaves the hash chain whole."""

from datetime import datetime, timedelta, timezone

import pytest
from store_helpers import incident

from lagesbild.core.domain import schema
from lagesbild.core.store import StoreError
from lagesbild.core.store.retention import (
    DEFAULT_MONTHS,
    apply,
    months_before,
    plan,
    retention_months,
    set_retention_months,
)
from lagesbild.core.store.verify import verify_store

TEXTS = dict(description="Krossad ruta i trapphus", place_name="Stationsgatan 4", handling_note="Glasmästare bokad")


def _closed(store, months_ago: int, status: str = "closed"):
    """An incident with every free text, its description changed once (a
    history row holding two texts), closed ``months_ago`` months ago by a
    status row dated then; ``status`` is what it is now."""
    added = store.add_incident(incident(status=status, **TEXTS))
    store.update_incident(added.uuid, {"description": "Krossad ruta i port"}, expected_version=1, by_org="police")
    closed_at = months_before(datetime.now(timezone.utc), months_ago, store.tz) - timedelta(days=1)
    with store.transaction() as db:
        db.execute("INSERT INTO incident_history (incident_uuid, changed_at, changed_by_org, field, old_value, "
                   "new_value) VALUES (?, ?, 'police', 'status', 'in_progress', 'closed')",
                   (added.uuid, store.backend.encode_time(closed_at)))
    return added.uuid


def _history(store, uuid):
    return [(row["field"], row["old_value"], row["new_value"]) for row in store.history(uuid)]


@pytest.fixture
def three(store):
    return {"old": _closed(store, 25), "recent": _closed(store, 23), "open": _closed(store, 30, "in_progress")}


def test_the_setting_defaults_to_24_months_and_can_be_changed(store):
    assert retention_months(store) == DEFAULT_MONTHS == 24
    set_retention_months(store, 36)
    assert retention_months(store) == 36
    with pytest.raises(StoreError, match="whole number of months"):
        set_retention_months(store, 0)


def test_the_dry_run_reports_and_writes_nothing(store, other_client, three):
    before = other_client.fingerprint()
    found = plan(store)
    assert list(found.incidents) == [three["old"]]
    assert found.texts == {"place_name": 1, "description": 1, "handling_note": 1}
    assert found.history_rows == 1  # the description's change: its old and new text
    assert other_client.fingerprint() == before
    assert set(plan(store, months=22).incidents) == {three["old"], three["recent"]}  # MONTHS overrides


def test_the_real_run_blanks_exactly_the_old_closed_incidents_texts_and_keeps_the_chain(store, three):
    kept = {key: (store.get_incident(three[key]), _history(store, three[key])) for key in ("recent", "open")}
    old_before = store.get_incident(three["old"])
    done = apply(store)
    assert done.written and list(done.incidents) == [three["old"]]
    old = store.get_incident(three["old"])
    assert (old.description, old.place_name, old.handling_note) == (None, None, None)
    assert (old.category, old.occurred_from, old.x, old.y, old.status) == (
        old_before.category, old_before.occurred_from, old_before.x, old_before.y, "closed")
    assert old.version == old_before.version + 1
    rows = _history(store, three["old"])
    texts = [row for row in rows if row[0] in schema.FREE_TEXT_FIELDS]
    # the description's earlier change and the run's own three changes, every value blanked
    assert sorted(row[0] for row in texts) == ["description", "description", "handling_note", "place_name"]
    assert all(row[1:] == (None, None) for row in texts)
    assert [row[0] for row in rows].count(schema.HISTORY_BLANKED) == 4
    [retention] = [row for row in rows if row[0] == schema.HISTORY_RETENTION]
    assert retention[2] == "blanked: place_name, description, handling_note; retention 24 months"
    assert not any(value and "Krossad" in str(value) for row in rows for value in row)
    for key, (incident_before, history_before) in kept.items():
        after = store.get_incident(three[key])
        assert (after.description, after.place_name, after.handling_note, after.version) == (
            incident_before.description, incident_before.place_name, incident_before.handling_note,
            incident_before.version)
        assert _history(store, three[key]) == history_before
    assert verify_store(store.location).problems == []
    again = apply(store)  # nothing left to blank: nothing written
    assert not again.incidents and _history(store, three["old"]) == rows


def test_an_incident_closed_without_a_status_row_counts_from_its_last_update(store):
    added = store.add_incident(incident(status="closed", **TEXTS))
    now = datetime.now(timezone.utc)
    assert list(plan(store, now=months_before(now, -25, store.tz)).incidents) == [added.uuid]
    assert not plan(store, now=months_before(now, -23, store.tz)).incidents
