"""The personal-data guard on every path into the store, on every backend:
one incident, many rows, an update, and NumPy columns (the demo's and an
import's path). A refusal names the field and writes nothing; ``clean=True``
stores the text with the personal data replaced; replacing a text that
holds personal data also takes it out of the history."""

from datetime import datetime, timezone

import numpy as np
import pytest
from store_helpers import TOWN, incident

from lagesbild.core.domain import schema
from lagesbild.core.domain.validation import ValidationError

PHONE = "Ring vaktmästaren 070.123.45.67"
CLEANED = "Ring vaktmästaren […]"


@pytest.mark.parametrize(("field", "text", "kind"), [
    ("description", PHONE, "phone number"),
    ("place_name", "Utanför Anna Svenssons dörr, Anna Svensson bor där", "person's name"),
    ("handling_note", "Kontakt anna[at]example.se", "e-mail address"),
    ("description", "Anmälare 850101 1234", "personal identity number"),
])
def test_add_refuses_personal_data_in_each_free_text(store, other_client, field, text, kind):
    before = other_client.fingerprint()
    with pytest.raises(ValidationError) as raised:
        store.add_incident(incident(**{field: text}))
    [problem] = raised.value.problems
    assert (problem.field, problem.code) == (field, "personal_data")
    assert kind in problem.message
    assert store.count() == 0
    assert other_client.fingerprint() == before


def test_add_cleans_when_asked(store):
    added = store.add_incident(incident(description=PHONE, place_name="Storgatan 12"), clean=True)
    assert store.get_incident(added.uuid).description == CLEANED
    assert store.get_incident(added.uuid).place_name == "Storgatan 12"


def test_many_rows_name_the_row_and_write_nothing(store):
    rows = [incident(), incident(description="Mejla anna at example dot se"), incident()]
    with pytest.raises(ValidationError) as raised:
        store.add_incidents(rows)
    assert [(p.row, p.field, p.code) for p in raised.value.problems] == [(2, "description", "personal_data")]
    assert store.count() == 0
    assert len(store.add_incidents(rows, clean=True)) == 3
    assert sorted(i.description for i in store.incidents()) == ["Krossad ruta i trapphus"] * 2 + ["Mejla […]"]


def test_update_refuses_or_cleans(store):
    added = store.add_incident(incident())
    with pytest.raises(ValidationError) as raised:
        store.update_incident(added.uuid, {"handling_note": "Ring Lars-Erik Nilsson"}, expected_version=1,
                              by_org="police")
    assert [(p.field, p.code) for p in raised.value.problems] == [("handling_note", "personal_data")]
    assert store.get_incident(added.uuid).version == 1 and store.history(added.uuid) == []
    updated = store.update_incident(added.uuid, {"handling_note": "Ring Lars-Erik Nilsson"}, expected_version=1,
                                    by_org="police", clean=True)
    assert updated.handling_note == "Ring […]"
    [row] = store.history(added.uuid)
    assert (row["field"], row["old_value"], row["new_value"]) == ("handling_note", None, "Ring […]")


def test_cleaning_a_stored_text_cleans_its_history(store, other_client):
    """Personal data that came in behind the plugin's back (plain QGIS, SQL)
    and was then edited again: when the store cleans the text, every history
    row of that text that holds it is blanked (the append-only history's one
    allowed change), in old_value and new_value alike."""
    added = store.add_incident(incident(description="Krossad ruta"))
    other_client.execute(f"UPDATE incidents SET description = '{PHONE}' WHERE uuid = '{added.uuid}'")
    other_client.execute(f"UPDATE incidents SET description = '{PHONE}, igen' WHERE uuid = '{added.uuid}'")
    other_client.execute(f"UPDATE incidents SET status = 'in_progress' WHERE uuid = '{added.uuid}'")
    history = [(r["field"], r["old_value"], r["new_value"]) for r in store.history(added.uuid)]
    assert ("description", PHONE, PHONE + ", igen") in history
    current = store.get_incident(added.uuid)
    updated = store.update_incident(added.uuid, {"description": current.description}, expected_version=current.version,
                                    by_org="municipality", clean=True)
    assert updated.description == CLEANED + ", igen"
    rows = [(r["field"], r["old_value"], r["new_value"]) for r in store.history(added.uuid)]
    kept = [row for row in rows if row[0] != schema.HISTORY_BLANKED]
    assert kept == [
        ("description", None, None),
        ("description", None, None),
        ("status", "new", "in_progress"),
        ("description", None, None),
    ]  # every row that held the number is blanked, the cleaning itself too (its old value held it)
    blanked = [row for row in rows if row[0] == schema.HISTORY_BLANKED]
    assert [row[1] for row in blanked] == ["description"] * 3  # each blanking is itself recorded
    assert not any("070" in str(value) for row in rows for value in row)


def test_bulk_columns_refuse_or_clean(store):
    now = int(datetime.now(timezone.utc).timestamp())
    count = 50
    columns = {
        "x": np.full(count, TOWN[0]), "y": np.full(count, TOWN[1]),
        "category": np.array(["littering"] * count), "occurred_from": np.full(count, now - 86400),
        "reporting_org": np.array(["municipality"] * count),
        "place_name": np.array(["Storgatan 12"] * count, dtype=object),
        "description": np.array(["Skräp"] * count, dtype=object),
    }
    columns["place_name"][9] = "Hos Karin Lindh-Berg"
    columns["description"][29] = "Anmälare 19850101-1234"
    with pytest.raises(ValidationError) as raised:
        store.add_incident_arrays(columns)
    assert sorted((p.row, p.field, p.code) for p in raised.value.problems) == [
        (10, "place_name", "personal_data"), (30, "description", "personal_data")]
    assert store.count() == 0
    assert store.add_incident_arrays(columns, clean=True) == count
    assert sorted(i.place_name for i in store.incidents())[:2] == ["Hos […]", "Storgatan 12"]
    assert {i.description for i in store.incidents()} == {"Skräp", "Anmälare […]"}
