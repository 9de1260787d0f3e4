"""The store's contract: adding, validating, updating with a version check,
querying and counting incidents, areas and measures, on every backend (the
``store`` and ``other_client`` fixtures come from this folder's conftest)."""

from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest
from store_helpers import TOWN, incident

from lagesbild.core.domain import codelist
from lagesbild.core.domain.timeutil import Period
from lagesbild.core.domain.validation import ValidationError
from lagesbild.core.store import Cancelled, ConflictError, IncidentFilter, StoreError

SQUARE = "POLYGON((619000 6649000, 621000 6649000, 621000 6651000, 619000 6651000, 619000 6649000))"


def test_add_and_read_back_an_incident(store):
    added = store.add_incident(incident(subcategory=None, police_reported=True, police_report_ref="5000-K123-25"))
    read = store.get_incident(added.uuid)
    assert (read.x, read.y) == TOWN
    assert read.category == "vandalism"
    assert read.occurred_from == datetime(2025, 5, 10, 21, 15, tzinfo=timezone.utc)
    assert read.police_reported is True and read.police_report_ref == "5000-K123-25"
    assert read.status == "new" and read.version == 1
    assert read.updated_by_org == "housing"
    raw = store._db.execute("SELECT occurred_from FROM incidents WHERE uuid = ?", (added.uuid,)).fetchone()[0]
    assert store.backend.decode_time(raw) == datetime(2025, 5, 10, 21, 15, tzinfo=timezone.utc)


def test_a_naive_time_from_a_caller_is_refused_as_unknown_zone_free_utc(store):
    # a naive datetime is read as UTC by the store (the GeoPackage rule)
    added = store.add_incident(incident(occurred_from=datetime(2025, 1, 1, 12, 0), occurred_to=None))
    assert store.get_incident(added.uuid).occurred_from == datetime(2025, 1, 1, 12, 0, tzinfo=timezone.utc)


BAD_VALUES = [
    ("category", {"category": "arson"}, "unknown"),
    ("category", {"category": None}, "required"),
    ("subcategory", {"subcategory": "fire_car"}, "mismatch"),
    ("subcategory", {"subcategory": "vandalism_window"}, "unknown"),
    ("occurred_to", {"occurred_to": datetime(2025, 5, 10, 20, 0, tzinfo=timezone.utc)}, "order"),
    ("occurred_from", {"occurred_from": datetime.now(timezone.utc) + timedelta(days=1), "occurred_to": None}, "future"),
    ("reported_at", {"reported_at": datetime.now(timezone.utc) + timedelta(hours=2)}, "future"),
    ("geometry", {"geometry": (100.0, 100.0)}, "outside"),
    ("geometry", {"geometry": "LINESTRING(620000 6650000, 620100 6650100)"}, "not_point"),
    ("geometry", {"geometry": "POLYGON((0 0, 1 0, 1 1, 0 0))"}, "not_point"),
    ("geometry", {"geometry": None}, "required"),
    ("description", {"description": "x" * 2001}, "too_long"),
    ("place_name", {"place_name": "x" * 201}, "too_long"),
    ("police_report_ref", {"police_report_ref": "x" * 51}, "too_long"),
    ("estimated_cost_sek", {"estimated_cost_sek": -1.0}, "negative"),
    ("estimated_cost_sek", {"estimated_cost_sek": "much"}, "type"),
    ("reporting_org", {"reporting_org": "acme"}, "unknown"),
    ("reporting_org", {"reporting_org": ""}, "required"),
    ("status", {"status": "done"}, "unknown"),
    ("occurred_from", {"occurred_from": "yesterday"}, "type"),
]


@pytest.mark.parametrize("field,bad,code", BAD_VALUES, ids=[f"{b[0]}-{b[2]}" for b in BAD_VALUES])
def test_every_validation_rule_refuses_and_writes_nothing(store, other_client, field, bad, code):
    store.add_incident(incident())
    before = other_client.fingerprint()
    with pytest.raises(ValidationError) as raised:
        store.add_incident(incident(**bad))
    assert (field, code) in {(p.field, p.code) for p in raised.value.problems}
    assert store.count() == 1
    assert other_client.fingerprint() == before


def test_all_problems_are_reported_at_once(store):
    with pytest.raises(ValidationError) as raised:
        store.add_incident(
            incident(category="arson", estimated_cost_sek=-5.0, geometry=(1.0, 1.0), description="x" * 3000)
        )
    assert raised.value.fields() == {"category", "estimated_cost_sek", "geometry", "description"}


def test_an_import_with_a_bad_row_names_its_row_and_writes_nothing(store):
    rows = [incident(), incident(), incident(category="arson"), incident(estimated_cost_sek=-3.0)]
    with pytest.raises(ValidationError) as raised:
        store.add_incidents(rows)
    assert {(p.row, p.field) for p in raised.value.problems} == {(3, "category"), (4, "estimated_cost_sek")}
    assert "row 3" in str(raised.value)
    assert store.count() == 0
    assert len(store.add_incidents(rows[:2])) == 2


def test_update_with_the_right_version_and_the_conflict_error(store):
    added = store.add_incident(incident())
    first = store.update_incident(
        added.uuid, {"status": "in_progress", "handling_org": "municipality"}, expected_version=1, by_org="municipality"
    )
    assert first.version == 2 and first.status == "in_progress" and first.updated_by_org == "municipality"
    with pytest.raises(ConflictError) as raised:  # someone still holding version 1
        store.update_incident(added.uuid, {"status": "closed"}, expected_version=1, by_org="police")
    assert raised.value.current == 2
    assert "changed by someone else" in str(raised.value)
    assert store.get_incident(added.uuid).status == "in_progress"


def test_an_edit_outside_the_plugin_also_raises_the_version(store, other_client):
    added = store.add_incident(incident())
    other_client.execute(f"UPDATE incidents SET handling_note = 'Klotter sanerat' WHERE uuid = '{added.uuid}'")
    assert store.get_incident(added.uuid).version == 2
    with pytest.raises(ConflictError):
        store.update_incident(added.uuid, {"status": "closed"}, expected_version=1, by_org="police")


def test_an_invalid_update_changes_nothing(store):
    added = store.add_incident(incident())
    with pytest.raises(ValidationError) as raised:
        store.update_incident(added.uuid, {"subcategory": "drugs_use"}, expected_version=1, by_org="police")
    assert raised.value.fields() == {"subcategory"}
    with pytest.raises(ValidationError):
        store.update_incident(added.uuid, {"version": 9}, expected_version=1, by_org="police")
    assert store.get_incident(added.uuid).version == 1
    assert store.history(added.uuid) == []


def test_history_written_by_the_store_update(store):
    added = store.add_incident(incident())
    store.update_incident(
        added.uuid, {"status": "closed", "geometry": (620_010.0, 6_650_000.0)}, expected_version=1, by_org="police"
    )
    rows = {row["field"]: row for row in store.history(added.uuid)}
    assert set(rows) == {"status", "geom"}
    assert rows["status"]["old_value"] == "new" and rows["status"]["new_value"] == "closed"
    assert rows["status"]["changed_by_org"] == "police"


def test_the_sql_triggers_refuse_unknown_codes_from_any_client(store, other_client):
    added = store.add_incident(incident())
    where = f"WHERE uuid = '{added.uuid}'"
    for sql, message in (
        (f"UPDATE incidents SET category = 'arson' {where}", "unknown category"),
        (f"UPDATE incidents SET subcategory = 'fire_car' {where}", "subcategory"),
        (f"UPDATE incidents SET reporting_org = 'acme' {where}", "unknown reporting_org"),
        (f"UPDATE incidents SET estimated_cost_sek = -1 {where}", "CHECK"),
        (f"UPDATE incidents SET status = 'done' {where}", "CHECK"),
        (f"UPDATE incidents SET occurred_to = '2000-01-01T00:00:00Z' {where}", "CHECK"),
    ):
        with pytest.raises(RuntimeError, match=message):
            other_client.execute(sql)
    read = store.get_incident(added.uuid)
    assert (read.category, read.version, read.status) == ("vandalism", 1, "new")


def _spread(store):
    """Incidents at known local times and places, for the counts."""
    utc = timezone.utc
    rows = [
        # Friday 2025-03-28 23:30 local (CET, UTC+1)
        incident(
            category="disorder",
            subcategory="disorder_noise",
            reporting_org="police",
            occurred_from=datetime(2025, 3, 28, 22, 30, tzinfo=utc),
            occurred_to=None,
        ),
        # Sunday 2025-03-30 03:30 local, just after the spring change (CEST, UTC+2)
        incident(
            category="disorder",
            subcategory="disorder_noise",
            reporting_org="police",
            occurred_from=datetime(2025, 3, 30, 1, 30, tzinfo=utc),
            occurred_to=None,
        ),
        # Tuesday 2024-12-31 23:30 local: still 2024 locally although
        incident(
            category="fire",
            subcategory="fire_container",
            reporting_org="rescue",
            occurred_from=datetime(2024, 12, 31, 22, 30, tzinfo=utc),
            occurred_to=None,
        ),
        # Wednesday 2025-01-01 00:30 local, New Year
        incident(
            category="fire",
            subcategory="fire_car",
            reporting_org="rescue",
            occurred_from=datetime(2024, 12, 31, 23, 30, tzinfo=utc),
            occurred_to=None,
            geometry=(630_000.0, 6_660_000.0),
        ),
        incident(
            category="graffiti",
            occurred_from=datetime(2025, 6, 2, 10, 0, tzinfo=utc),
            occurred_to=None,
            status="closed",
        ),
    ]
    store.add_incidents(rows)


def test_counts_by_code_and_filters(store):
    _spread(store)
    assert store.counts("category") == {"disorder": 2, "fire": 2, "graffiti": 1}
    assert store.counts("subcategory", IncidentFilter(categories=("fire",))) == {"fire_car": 1, "fire_container": 1}
    assert store.counts("reporting_org") == {"housing": 1, "police": 2, "rescue": 2}
    assert store.counts("status") == {"closed": 1, "new": 4}
    assert store.count(IncidentFilter(statuses=("new",), organisations=("rescue",))) == 2


def test_counts_by_local_time_across_dst_and_new_year(store):
    _spread(store)
    assert store.counts("hour") == {0: 1, 3: 1, 12: 1, 23: 2}
    assert store.counts("weekday") == {0: 1, 1: 1, 2: 1, 4: 1, 6: 1}
    assert store.counts("year") == {2024: 1, 2025: 4}
    assert store.counts("month") == {"2024-12": 1, "2025-01": 1, "2025-03": 2, "2025-06": 1}
    assert store.counts("day")[date(2025, 3, 30)] == 1
    assert store.counts("week") == {"2025-W01": 2, "2025-W13": 2, "2025-W23": 1}
    # a period is whole local days: 1 Jan 2025 holds the New Year fire, not the one of 23:30 on 31 Dec
    new_year = IncidentFilter(period=Period(date(2025, 1, 1), date(2025, 1, 1)))
    assert store.counts("subcategory", new_year) == {"fire_car": 1}
    spring = IncidentFilter(period=Period(date(2025, 3, 29), date(2025, 3, 30)))
    assert store.count(spring) == 1


def test_counts_by_area_and_area_filter(store):
    _spread(store)
    store.add_area("Centrum", "district", SQUARE)
    store.add_area(
        "Norr", "district", "POLYGON((629000 6659000, 631000 6659000, 631000 6661000, 629000 6661000, 629000 6659000))"
    )
    assert store.counts("area") == {"Centrum": 4, "Norr": 1}
    assert store.count(IncidentFilter(area="Norr")) == 1
    assert store.counts("category", IncidentFilter(area="Centrum")) == {"disorder": 2, "fire": 1, "graffiti": 1}
    assert [i.subcategory for i in store.incidents(IncidentFilter(area="Norr"))] == ["fire_car"]


def test_filter_values_are_data_never_sql(store):
    _spread(store)
    hostile = "vandalism') OR 1=1 --"
    assert store.count(IncidentFilter(categories=(hostile,))) == 0
    assert store.count(IncidentFilter(organisations=("x'; DROP TABLE incidents; --",))) == 0
    with pytest.raises(StoreError):
        store.counts("category; DROP TABLE incidents")
    with pytest.raises(StoreError):
        store.count(IncidentFilter(time_field="occurred_from; DROP TABLE incidents"))
    added = store.add_incident(incident(description="'); DELETE FROM incidents; --"))
    assert store.get_incident(added.uuid).description == "'); DELETE FROM incidents; --"
    assert store.count() == 6


def test_arrays_for_analysis(store):
    _spread(store)
    data = store.arrays(IncidentFilter(categories=("fire",)), ("category", "occurred_from", "estimated_cost_sek"))
    assert data["x"].tolist() == [TOWN[0], 630_000.0]
    assert data["occurred_from"].tolist() == [
        int(datetime(2024, 12, 31, 22, 30, tzinfo=timezone.utc).timestamp()),
        int(datetime(2024, 12, 31, 23, 30, tzinfo=timezone.utc).timestamp()),
    ]
    assert data["estimated_cost_sek"].tolist() == [4500.0, 4500.0]


def test_bulk_arrays_validate_every_row_then_write_all_or_nothing(store):
    now = int(datetime.now(timezone.utc).timestamp())
    count = 1000
    columns = {
        "x": np.full(count, TOWN[0]),
        "y": np.full(count, TOWN[1]),
        "category": np.array(["littering"] * count),
        "subcategory": np.array([""] * count),
        "occurred_from": np.full(count, now - 86400),
        "occurred_to": np.full(count, now - 80000),
        "reporting_org": np.array(["municipality"] * count),
        "estimated_cost_sek": np.full(count, np.nan),
    }
    bad = {k: v.copy() for k, v in columns.items()}
    bad["category"][10] = "arson"
    bad["estimated_cost_sek"][500] = -1
    bad["occurred_to"][999] = now - 90000
    with pytest.raises(ValidationError) as raised:
        store.add_incident_arrays(bad)
    assert {(p.row, p.field) for p in raised.value.problems} == {
        (11, "category"),
        (501, "estimated_cost_sek"),
        (1000, "occurred_to"),
    }
    assert store.count() == 0
    with pytest.raises(Cancelled):
        store.add_incident_arrays(columns, progress=lambda done: done < 0.5, chunk_size=100)
    assert store.count() == 0
    assert store.add_incident_arrays(columns) == count
    assert store.counts("category") == {"littering": count}
    assert store.get_incident(store.incidents()[0].uuid).estimated_cost_sek is None


def test_areas_and_measures(store):
    fid = store.add_area("Centrum", "district", SQUARE)
    assert [a.name for a in store.areas()] == ["Centrum"]
    with pytest.raises(ValidationError) as raised:
        store.add_area("", "region", "LINESTRING(0 0, 1 1)")
    assert raised.value.fields() == {"name", "kind", "geometry"}
    measure = store.add_measure(
        dict(
            title="Ny belysning i gångtunneln",
            kind="situational",
            responsible_org="municipality",
            start_date=date(2025, 4, 1),
            status="active",
            expected_effect="Färre skadegörelser",
            geometry=SQUARE,
        )
    )
    with pytest.raises(ValidationError) as raised:
        store.add_measure(
            dict(
                title="x",
                kind="magic",
                start_date=date(2025, 4, 1),
                end_date=date(2025, 3, 1),
                responsible_org="acme",
                geometry=SQUARE,
            )
        )
    assert raised.value.fields() == {"kind", "end_date", "responsible_org"}
    updated = store.update_measure(
        measure,
        {"status": "completed", "followup_date": date(2025, 10, 1), "followup_result": "Skadegörelsen halverades"},
    )
    assert updated.status == "completed" and updated.followup_date == date(2025, 10, 1)
    assert fid == 1 and len(store.measures()) == 1


def test_organisations(store):
    assert {o["code"] for o in store.organisations()} == {c for c, _, _ in codelist.DEFAULT_ORGANISATIONS}
    store.add_organisation("school", "Skolan", "The school")
    assert store.add_incident(incident(reporting_org="school")).reporting_org == "school"
    with pytest.raises(ValidationError):
        store.add_organisation("school", "Skolan")


def test_the_first_day_is_the_earliest_incident_s_local_day(store):
    assert store.first_day() is None  # an empty store has data for no day
    store.add_incidents([incident(occurred_from=datetime(2025, 3, 1, 23, 30, tzinfo=timezone.utc), occurred_to=None),
                         incident(occurred_from=datetime(2025, 3, 5, 8, 0, tzinfo=timezone.utc), occurred_to=None)])
    assert store.first_day() == date(2025, 3, 2)  # 00:30 on 2 March in Stockholm
    with pytest.raises(StoreError):
        store.first_day("description")
