"""Who may do what in a PostgreSQL store, each role connected as a real login
of its own, every cell of the table in the README ("Roles and
organisations"). The store's owner is an ordinary login (not a superuser, whom
row-level security never holds), so that the owner is shown held too."""

import itertools
from datetime import datetime, timedelta, timezone

import pytest
from store_helpers import TOWN, incident

from lagesbild.core.domain.validation import ValidationError
from lagesbild.core.store import AccessDeniedError, Store, StoreError, StoreLocation

_STORES = itertools.count(1)
LOGINS = {"rep_housing": ("housing", "reporter"), "rep_police": ("police", "reporter"),
          "coordinator": ("municipality", "coordinator"), "reader": ("municipality", "reader")}
SQUARE = "POLYGON((619000 6649000, 621000 6649000, 621000 6651000, 619000 6651000, 619000 6649000))"


@pytest.fixture(scope="module")
def logins(postgres_server):
    postgres_server.sql("lagesbild_test", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                        "'store_owner') THEN CREATE ROLE store_owner LOGIN CREATEROLE; END IF; END $$")
    postgres_server.sql("lagesbild_test", "GRANT CREATE ON DATABASE lagesbild_test TO store_owner")
    for login in LOGINS:
        postgres_server.sql("lagesbild_test", f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                            f"'{login}') THEN CREATE ROLE {login} LOGIN; END IF; END $$")
    return postgres_server


@pytest.fixture
def shared(logins):
    """A store owned by an ordinary login, with each login granted its role, and
    one new incident of each of housing and police."""
    schema = f"roles_{next(_STORES)}"

    def location(login: str) -> StoreLocation:
        return StoreLocation.parse(f"{logins.dsn(user=login)} schema={schema}")

    with Store.create(location("store_owner")) as store:
        for login, (organisation, role) in LOGINS.items():
            store.grant_access(login, organisation, role)
        housing = store.add_incident(incident(reporting_org="housing"))
        police = store.add_incident(incident(reporting_org="police", category="theft", subcategory=None))
        store.update_incident(police.uuid, {"handling_note": "Anmäld"}, expected_version=1, by_org="police")
        store.add_area("Centrum", "district", SQUARE)
    yield location, housing.uuid, police.uuid
    logins.sql("lagesbild_test", f"DROP SCHEMA {schema} CASCADE")


def raw(location: StoreLocation, sql: str):
    """``sql`` as the location's login, outside the plugin; the rows, or the
    SQLSTATE of the refusal as a string."""
    import psycopg2

    connection = psycopg2.connect(location.conninfo())
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'SET search_path TO "{location.schema}", public')
            cursor.execute(sql)
            return cursor.fetchall() if cursor.description else cursor.rowcount
    except psycopg2.Error as error:
        return error.pgcode
    finally:
        connection.close()


DENIED = "42501"  # insufficient_privilege


def test_a_reporter_reads_all_and_adds_and_changes_only_its_own_new_reports(shared):
    location, housing_uuid, police_uuid = shared
    with Store.open(location("rep_housing")) as store:
        assert store.count() == 2  # the map: every organisation's incidents
        mine = store.add_incident(incident(reporting_org="housing", updated_by_org="police"))
        assert store.get_incident(mine.uuid).updated_by_org == "housing"  # the database's, not the client's
        with pytest.raises(AccessDeniedError):
            store.add_incident(incident(reporting_org="police"))
        changed = store.update_incident(housing_uuid, {"place_name": "Stationsgatan 6"}, 1, by_org="police")
        assert (changed.place_name, changed.updated_by_org, changed.version) == ("Stationsgatan 6", "housing", 2)
        with pytest.raises(AccessDeniedError, match="reported by police"):
            store.update_incident(police_uuid, {"place_name": "Torget"}, 2, by_org="housing")
        with pytest.raises(AccessDeniedError):  # a reporter does not close or hand over
            store.update_incident(housing_uuid, {"status": "in_progress"}, 2, by_org="housing")
        assert store.get_incident(police_uuid).place_name == incident()["place_name"]
        with pytest.raises(StoreError):  # areas and measures: read only
            store.add_area("Egen", "district", SQUARE)
        assert [a.name for a in store.areas()] == ["Centrum"]
        # history: its own organisation's reports only
        assert [h["field"] for h in store.history(housing_uuid)] == ["place_name"]
        assert store.history(police_uuid) == []
    assert raw(location("rep_housing"), f"DELETE FROM incidents WHERE uuid = '{housing_uuid}'") == DENIED


def test_a_reporters_status_rule_holds_for_its_own_report_once_handled(shared):
    location, housing_uuid, _police = shared
    with Store.open(location("coordinator")) as store:
        store.update_incident(housing_uuid, {"status": "in_progress"}, 1, by_org="municipality")
    with Store.open(location("rep_housing")) as store, pytest.raises(AccessDeniedError):
        store.update_incident(housing_uuid, {"description": "Mer glas"}, 2, by_org="housing")


def test_a_coordinator_reads_adds_changes_deletes_and_plans(shared):
    location, housing_uuid, police_uuid = shared
    with Store.open(location("coordinator")) as store:
        assert store.count() == 2
        store.add_incident(incident(reporting_org="police"))
        closed = store.update_incident(police_uuid, {"status": "closed", "handling_note": "Klar"}, 2,
                                       by_org="police")
        assert (closed.status, closed.updated_by_org) == ("closed", "municipality")
        assert {h["changed_by_org"] for h in store.history(police_uuid) if h["field"] == "status"} == {"municipality"}
        assert store.history(housing_uuid) == [] and len(store.history(police_uuid)) == 3
        store.add_area("Norr", "district", SQUARE)
        start = (datetime.now(timezone.utc) - timedelta(days=30)).date()
        store.add_measure({"title": "Belysning", "kind": "situational", "start_date": start, "geometry": SQUARE})
    assert raw(location("coordinator"), f"DELETE FROM incidents WHERE uuid = '{housing_uuid}'") == 1


def test_a_reader_sees_the_map_without_free_text_and_writes_nothing(shared):
    location, housing_uuid, _police = shared
    reader = location("reader")
    assert raw(reader, "SELECT count(*) FROM incidents") == DENIED
    columns = raw(reader, "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                          "AND table_name = 'incidents_public'")
    names = {name for (name,) in columns}
    assert "geom" in names and "category" in names
    assert not names & {"description", "handling_note", "police_report_ref", "place_name"}
    assert raw(reader, "SELECT count(*) FROM incidents_public") == [(2,)]
    assert raw(reader, "SELECT count(*) FROM incident_history") == DENIED
    assert raw(reader, "SELECT name FROM areas") == [("Centrum",)]
    assert raw(reader, f"UPDATE incidents SET status = 'closed' WHERE uuid = '{housing_uuid}'") == DENIED
    assert raw(reader, "DELETE FROM areas") == DENIED
    assert raw(reader, "INSERT INTO incidents (category, occurred_from, reporting_org, geom) VALUES ('fire', "
                       f"now(), 'municipality', ST_SetSRID(ST_MakePoint({TOWN[0]}, {TOWN[1]}), 3006))") == DENIED


def test_no_one_changes_or_deletes_history_not_even_the_owner(shared):
    location, _housing, police_uuid = shared
    for login in ("store_owner", "coordinator", "rep_police"):
        before = raw(location("store_owner"), "SELECT count(*) FROM incident_history")
        updated = raw(location(login), "UPDATE incident_history SET new_value = 'x'")
        deleted = raw(location(login), "DELETE FROM incident_history")
        # refused outright, or no row the policies let it touch
        assert updated in (DENIED, 0) and deleted in (DENIED, 0), login
        assert raw(location("store_owner"), "SELECT count(*) FROM incident_history") == before
    assert raw(location("store_owner"), "SELECT count(*) FROM incident_history") == [(1,)]


def test_granting_access_checks_the_organisation_the_role_and_the_login(shared):
    location, _housing, _police = shared
    with Store.open(location("store_owner")) as store:
        with pytest.raises(ValidationError):
            store.grant_access("reader", "acme", "reader")
        with pytest.raises(StoreError, match="not a role"):
            store.grant_access("reader", "police", "boss")
        with pytest.raises(StoreError, match="store.s own roles"):
            store.grant_access(f"{store.location.schema}_reader", "police", "reader")
        with pytest.raises(StoreError, match="no database login"):
            store.grant_access("nobody_here", "police", "reader")
        store.grant_access("reader", "police", "reporter")  # a change of role takes the old one back
    assert raw(location("reader"), "SELECT count(*) FROM incidents") == [(2,)]
    mapping = raw(location("store_owner"), "SELECT organisation, role FROM organisation_logins WHERE login = 'reader'")
    assert mapping == [("police", "reporter")]


def test_a_refused_read_says_so_in_words_not_as_a_driver_message(shared):
    location, _housing, _police = shared
    with Store.open(location("reader")) as store:
        with pytest.raises(AccessDeniedError) as refused:
            store.count()  # a reader may read the view, not the table
    assert "permission denied" not in str(refused.value) and "psycopg2" not in str(refused.value)


def test_cleaning_personal_data_out_of_the_history_blanks_it_for_the_owner_and_is_refused_in_words_else(shared):
    """The history is append-only: only the store's owner may blank a sealed
    free-text row (row-level security holds every other login back). A
    coordinator's write that would leave personal data in the history is
    refused whole, in words; the owner's blanks the rows that hold it."""
    location, housing_uuid, _ = shared
    raw(location("store_owner"),
        f"UPDATE incidents SET description = 'Ring 070-123 45 67' WHERE uuid = '{housing_uuid}'")
    with Store.open(location("coordinator")) as store:
        before = store.get_incident(housing_uuid)
        with pytest.raises(StoreError) as raised:
            store.update_incident(housing_uuid, {"description": "Ring"}, expected_version=before.version,
                                  by_org="municipality")
        assert "history" in str(raised.value) and "nothing was written" in str(raised.value)
        after = store.get_incident(housing_uuid)
        assert (after.version, after.description) == (before.version, "Ring 070-123 45 67")
    with Store.open(location("store_owner")) as store:
        store.update_incident(housing_uuid, {"description": "Ring"}, expected_version=before.version,
                              by_org="municipality")
        rows = [(r["field"], r["old_value"], r["new_value"]) for r in store.history(housing_uuid)]
    assert not any("070" in str(value) for row in rows for value in row)
    assert [row for row in rows if row[0] == "description"] == [("description", None, None)] * 2
