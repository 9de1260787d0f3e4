"""The GeoPackage backend's own ways: its bulk load lifts and restores the
triggers and indexes and fills the R-tree; its layer sources; its literals.
What every backend must do is in ``store_contract/``."""

from datetime import datetime, timezone

import numpy as np
import pytest
from store_helpers import TOWN, ogr_sql

from lagesbild.core.store import Cancelled, Store, StoreError, StoreLocation


@pytest.fixture
def store(tmp_path):
    with Store.create(tmp_path / "store.gpkg") as opened:
        yield opened


def test_a_bulk_load_restores_every_trigger_and_index_and_indexes_the_points(store, monkeypatch):
    from lagesbild.core.store import writes

    monkeypatch.setattr(writes, "BULK_LOAD_MIN_ROWS", 10)
    schema_before = sorted(store._db.execute("SELECT type, name, sql FROM sqlite_master").fetchall(),
                           key=lambda r: (r[0], r[1]))
    now = int(datetime.now(timezone.utc).timestamp())
    count = 50
    x = TOWN[0] + np.arange(count, dtype=float)
    columns = {"x": x, "y": np.full(count, TOWN[1]), "category": np.array(["graffiti"] * count),
               "occurred_from": np.full(count, now - 3600), "reporting_org": np.array(["police"] * count)}
    with pytest.raises(Cancelled):  # cancelled half-way: the lifted triggers come back with the rollback
        store.add_incident_arrays(columns, progress=lambda done: done < 0.5, chunk_size=10)
    assert store.add_incident_arrays(columns) == count
    schema_after = sorted(store._db.execute("SELECT type, name, sql FROM sqlite_master").fetchall(),
                          key=lambda r: (r[0], r[1]))
    assert schema_after == schema_before
    rtree = store._db.execute("SELECT id, minx, miny FROM rtree_incidents_geom ORDER BY id").fetchall()
    fids = [row[0] for row in store._db.execute("SELECT fid FROM incidents ORDER BY fid")]
    assert [r[0] for r in rtree] == fids
    assert [r[1] for r in rtree] == pytest.approx(x.tolist(), abs=1.0)  # the R-tree keeps 32-bit floats
    # the triggers are live again: an edit is audited
    first = store.incidents()[0]
    ogr_sql(store.path, f"UPDATE incidents SET status = 'closed' WHERE uuid = '{first.uuid}'")
    assert [h["field"] for h in store.history(first.uuid)] == ["status"]


def test_a_layer_source_is_built_and_read_in_one_place(store):
    source, provider = store.location.layer_source("incidents")
    assert provider == "ogr" and source == f"{store.path}|layername=incidents|option:DO_NOT_ENABLE_WAL=ON"
    assert StoreLocation.of_layer_source(provider, source) == (store.location, "incidents")
    assert StoreLocation.of_layer_source("ogr", "/data/roads.shp|layername=roads") is None
    assert StoreLocation.of_layer_source("memory", "Point?crs=EPSG:3006") is None


def test_a_location_is_parsed_in_one_place_and_shown_without_a_password(tmp_path):
    path = tmp_path / "a.gpkg"
    assert StoreLocation.parse(str(path)) == StoreLocation.parse(path) == StoreLocation("gpkg", str(path.resolve()))
    server = StoreLocation.parse("postgresql://coordinator:s3cret@db.example:5432/kommun?schema=solvik")
    assert server.backend == "postgres" and server.schema == "solvik" and server.secret == "s3cret"
    assert "s3cret" not in server.display and "s3cret" not in str(server) and "s3cret" not in repr(server)
    assert server.name == "kommun.solvik"
    keyed = StoreLocation.parse("host=db.example dbname=kommun password='s3 cret' user=coordinator")
    assert keyed.backend == "postgres" and keyed.schema == "lagesbild" and "s3" not in keyed.display
    assert keyed == StoreLocation.parse("postgresql://coordinator@db.example/kommun")  # one canonical form
    assert StoreLocation.parse("service=lagesbild").name == "lagesbild"
    with pytest.raises(StoreError, match="schema name"):
        StoreLocation.parse("service=lagesbild schema=Drop;Table")


def test_an_unreachable_server_store_is_refused_in_words_without_its_password():
    from pg_server import free_port

    from lagesbild.core.store import StoreError

    closed = free_port()  # nothing listens there
    with pytest.raises(StoreError, match="cannot connect to") as refused:
        Store.open(f"postgresql://coordinator:s3cret@127.0.0.1:{closed}/kommun")
    assert "s3cret" not in str(refused.value) and "password" not in str(refused.value)


def test_a_busy_store_says_so_in_words_and_writes_nothing(store, tmp_path):
    import sqlite3

    from store_helpers import fingerprint, incident

    from lagesbild.core.store import StoreBusyError, backends

    backend = backends.BACKENDS["gpkg"]
    holder = sqlite3.connect(str(store.path), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        before = fingerprint(store.path)
        store._db.execute("PRAGMA busy_timeout = 100")  # do not wait the full 30 s here
        with pytest.raises(StoreBusyError, match="the store is busy: another program has been writing") as refused:
            store.add_incident(incident())
        assert "locked" not in str(refused.value) and "sqlite" not in str(refused.value).lower()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert fingerprint(store.path) == before
    assert backend.translate_error(ValueError("x")).args == ("x",)


def test_times_are_stored_as_utc_text_the_geopackage_datetime_form(store):
    from datetime import datetime, timezone

    from store_helpers import incident

    added = store.add_incident(incident(occurred_to=None, occurred_from=datetime(
        2025, 5, 10, 23, 15, tzinfo=timezone.utc).astimezone(store.tz)))
    raw = store._db.execute("SELECT occurred_from FROM incidents WHERE uuid = ?", (added.uuid,)).fetchone()[0]
    assert raw == "2025-05-10T23:15:00.000Z"
