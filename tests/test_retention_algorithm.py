"""lagesbild:retention through the real qgis_process on a GeoPackage (the
dry run leaves the file byte for byte as it was: sha256), and on
PostgreSQL, where only the store's owner may blank the history: a
coordinator is refused in words and nothing is written."""

import hashlib
import itertools
from datetime import datetime, timedelta, timezone

import pytest
from store_helpers import incident

from lagesbild.core.domain import schema
from lagesbild.core.store import AccessDeniedError, Store, StoreLocation
from lagesbild.core.store.retention import apply, months_before
from lagesbild.core.store.verify import verify_store

_SCHEMAS = itertools.count(1)


def _sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _close_long_ago(store, months: int = 25) -> str:
    added = store.add_incident(incident(status="closed", handling_note="Glasmästare bokad"))
    at = months_before(datetime.now(timezone.utc), months, store.tz) - timedelta(days=1)
    with store.transaction() as db:
        db.execute("INSERT INTO incident_history (incident_uuid, changed_at, changed_by_org, field, old_value, "
                   "new_value) VALUES (?, ?, NULL, 'status', 'new', 'closed')",
                   (added.uuid, store.backend.encode_time(at)))
    return added.uuid


def test_dry_run_writes_nothing_and_the_real_run_blanks_through_qgis_process(tmp_path, qgis_process_run):
    path = tmp_path / "store.gpkg"
    with Store.create(path) as store:
        old = _close_long_ago(store)
        recent = _close_long_ago(store, 23)
    before = _sha256(path)
    dry = qgis_process_run("lagesbild:retention", {"STORE": path})
    assert _sha256(path) == before
    assert dry["results"]["INCIDENTS"] == 1 and "Dry run: nothing was written" in dry["results"]["REPORT"]
    assert "description: 1 texts" in dry["results"]["REPORT"] and "handling_note: 1 texts" in dry["results"]["REPORT"]
    done = qgis_process_run("lagesbild:retention", {"STORE": path, "DRY_RUN": False})
    assert done["results"]["INCIDENTS"] == 1 and "Blanked now" in done["results"]["REPORT"]
    with Store.open(path, read_only=True) as store:
        assert (store.get_incident(old).description, store.get_incident(old).handling_note) == (None, None)
        assert store.get_incident(recent).handling_note == "Glasmästare bokad"
    assert verify_store(path).problems == []
    overridden = qgis_process_run("lagesbild:retention", {"STORE": path, "MONTHS": 22})
    assert overridden["results"]["INCIDENTS"] == 1  # the recent one, by MONTHS; a dry run again


@pytest.fixture
def owned(postgres_server):
    """A PostgreSQL store owned by an ordinary login, with a coordinator."""
    for login in ("retention_owner", "retention_coordinator"):
        postgres_server.sql("lagesbild_test", f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                            f"'{login}') THEN CREATE ROLE {login} LOGIN CREATEROLE; END IF; END $$")
    postgres_server.sql("lagesbild_test", "GRANT CREATE ON DATABASE lagesbild_test TO retention_owner")
    schema_name = f"retention_{next(_SCHEMAS)}"

    def location(login):
        return StoreLocation.parse(f"{postgres_server.dsn(user=login)} schema={schema_name}")

    with Store.create(location("retention_owner")) as store:
        store.grant_access("retention_coordinator", "municipality", "coordinator")
        uuid = _close_long_ago(store)
    yield location, uuid
    postgres_server.sql("lagesbild_test", f"DROP SCHEMA {schema_name} CASCADE")


def test_on_postgres_a_coordinator_is_refused_in_words_and_the_owner_blanks(owned):
    location, uuid = owned
    with Store.open(location("retention_coordinator")) as store:
        history = store.history(uuid)
        with pytest.raises(AccessDeniedError, match="only the store's owner"):
            apply(store)
        assert store.get_incident(uuid).description == "Krossad ruta i trapphus"
        assert store.history(uuid) == history
    with Store.open(location("retention_owner")) as store:
        assert apply(store).written
        assert store.get_incident(uuid).description is None
        fields = [row["field"] for row in store.history(uuid)]
        assert fields.count(schema.HISTORY_RETENTION) == 1
    assert verify_store(location("retention_owner")).problems == []
