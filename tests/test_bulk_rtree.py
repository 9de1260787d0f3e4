"""The GeoPackage's fast bulk path gives the store the plain path gives:
the packed R-tree passes SQLite's ``rtreecheck`` and answers every spatial
query as the tree SQLite builds row by row; the rows, the history (an
insert writes none, on either path) and the hash chain are the same; a
bulk load into a store that holds incidents keeps them indexed; a process
killed in the middle of a bulk load leaves the file as it was."""

import os
import signal
import subprocess
import textwrap
from pathlib import Path

import numpy as np
import pytest
from conftest import IMPORT_FOLDER
from store_helpers import TOWN, incident, ogr_sql

from lagesbild.core.store import Store, chain, writes
from lagesbild.core.store.backends.gpkg import rtree as packed

RTREE = "rtree_incidents_geom"


def demo_columns(count: int, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    start = rng.integers(1_700_000_000, 1_740_000_000, count)
    x = TOWN[0] + rng.uniform(-8000, 8000, count)
    x[: count // 10] = TOWN[0] + 0.125  # many points on one spot, and on a float32 boundary
    return {
        "x": x, "y": TOWN[1] + rng.normal(0, 3000, count),
        "category": rng.choice(np.array(["graffiti", "vandalism", "littering"], dtype=object), count),
        "occurred_from": start, "reported_at": start + 600,
        "reporting_org": np.full(count, "police", dtype=object),
        "place_name": rng.choice(np.array(["Torget", "", "Stationsgatan"], dtype=object), count),
        "uuid": np.array([f"00000000-0000-4000-8000-{seed:04d}{i:08d}" for i in range(count)], dtype=object),
        "location_precision": rng.choice(np.array(["exact", "approximate"], dtype=object), count),
    }


def write(path: Path, columns: dict, bulk: bool, monkeypatch, before: int = 0) -> Store:
    store = Store.create(path)
    if before:
        store.add_incident_arrays(demo_columns(before, 99))  # row by row: fewer than the threshold
    monkeypatch.setattr(writes, "BULK_LOAD_MIN_ROWS", 1 if bulk else 10**9)
    store.add_incident_arrays(columns, chunk_size=700)
    return store


def rows(store: Store, sql: str, params=()) -> list:
    return store._db.execute(sql, params).fetchall()


@pytest.mark.parametrize("before", [0, 300])
def test_the_packed_rtree_answers_as_sqlites_own(tmp_path, monkeypatch, before):
    columns = demo_columns(6000, 1)
    with write(tmp_path / "bulk.gpkg", columns, True, monkeypatch, before) as fast, \
            write(tmp_path / "plain.gpkg", columns, False, monkeypatch, before) as plain:
        assert rows(fast, f"SELECT rtreecheck('{RTREE}')") == [("ok",)]
        assert rows(fast, f"SELECT count(*) FROM {RTREE}") == [(6000 + before,)]
        # the same boxes, kept to the same 32-bit floats
        every = f"SELECT id, minx, maxx, miny, maxy FROM {RTREE} ORDER BY id"
        assert rows(fast, every) == rows(plain, every)
        # more than one level: a real tree, not one node
        assert rows(fast, f"SELECT count(*) > 100 FROM {RTREE}_node") == [(1,)]
        rng = np.random.default_rng(7)
        for _ in range(150):
            x0, y0 = TOWN[0] + rng.uniform(-9000, 9000), TOWN[1] + rng.uniform(-9000, 9000)
            size = rng.choice([0.0, 5.0, 300.0, 4000.0])
            where, params = fast.backend.bbox_condition("incidents", (x0, y0, x0 + size, y0 + size), fast.srs_id)
            sql = f"SELECT fid FROM incidents WHERE {where} ORDER BY fid"
            assert rows(fast, sql, params) == rows(plain, sql, params)
        spot = (TOWN[0] + 0.125, -1e9, TOWN[0] + 0.125, 1e9)
        where, params = fast.backend.bbox_condition("incidents", spot, fast.srs_id)
        found = rows(fast, f"SELECT count(*) FROM incidents WHERE {where}", params)
        assert found == rows(plain, f"SELECT count(*) FROM incidents WHERE {where}", params)
        assert found[0][0] >= 600
        # the rows themselves, every column
        table = "SELECT * FROM incidents ORDER BY fid"
        assert rows(fast, table) == rows(plain, table)
        # an insert writes no history on either path; the chain is whole
        history = "SELECT incident_uuid, field, old_value, new_value, seal_seq FROM incident_history ORDER BY fid"
        assert rows(fast, history) == rows(plain, history) == []
        assert chain.check(fast._db, fast.backend) == []
        # the triggers are back: an edit by another client updates the tree and is audited
        uuid = columns["uuid"][5]
        for store in (fast, plain):
            ogr_sql(store.path, f"UPDATE incidents SET geom = (SELECT geom FROM incidents WHERE uuid = "
                                f"'{columns['uuid'][6]}'), status = 'closed' WHERE uuid = '{uuid}'")
        assert rows(fast, history) == rows(plain, history) != []
        assert rows(fast, every) == rows(plain, every)
        assert rows(fast, f"SELECT rtreecheck('{RTREE}')") == [("ok",)]


def test_the_packed_rtree_of_a_few_points_and_of_none(tmp_path):
    import sqlite3

    for count in (0, 1, 51, 52, 2602):
        connection = sqlite3.connect(":memory:")
        connection.execute(f"CREATE VIRTUAL TABLE {RTREE} USING rtree(id, minx, maxx, miny, maxy)")
        rng = np.random.default_rng(count)
        x, y = rng.uniform(-1e6, 1e6, count), rng.uniform(-1e6, 1e6, count)
        packed.write_packed(connection, RTREE, np.arange(1, count + 1), x, x, y, y)
        assert connection.execute(f"SELECT rtreecheck('{RTREE}')").fetchone() == ("ok",)
        ids = connection.execute(f"SELECT id FROM {RTREE} WHERE minx >= 0 AND miny >= 0 ORDER BY id").fetchall()
        assert [i for (i,) in ids] == (np.nonzero((x >= 0) & (y >= 0))[0] + 1).tolist()


def test_a_bulk_load_cut_short_leaves_the_store_as_it_was(tmp_path):
    path = tmp_path / "store.gpkg"
    with Store.create(path) as store:
        kept = store.add_incidents([incident(place_name=f"före {n}") for n in range(5)])
        store.update_incident(kept[0].uuid, {"status": "closed"}, kept[0].version, "police")
        schema_before = rows(store, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        before = rows(store, "SELECT * FROM incidents ORDER BY fid")
        history_before = rows(store, "SELECT * FROM incident_history ORDER BY fid")
    script = tmp_path / "bulk_client.py"
    script.write_text(textwrap.dedent("""
        import sys
        sys.path.insert(0, sys.argv[1])
        import numpy as np
        from lagesbild.core.store import Store

        rng = np.random.default_rng(5)
        rows = 30_000
        columns = {"x": rng.uniform(615_000, 625_000, rows), "y": rng.uniform(6_645_000, 6_655_000, rows),
                   "category": np.full(rows, "graffiti"), "reporting_org": np.full(rows, "housing"),
                   "occurred_from": rng.integers(1_700_000_000, 1_740_000_000, rows)}

        def progress(fraction):
            print("chunk", fraction, flush=True)  # triggers lifted, rows in, not committed
            sys.stdin.readline()  # wait to be killed
            return True

        with Store.open(sys.argv[2]) as store:
            store.add_incident_arrays(columns, progress=progress, chunk_size=10_000)
        print("done", flush=True)
    """))
    client = subprocess.Popen(["/usr/bin/python3", str(script), str(IMPORT_FOLDER), str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = client.stdout.readline()
        assert line.startswith("chunk"), (line, client.stderr.read() if client.poll() is not None else "")
        os.kill(client.pid, signal.SIGKILL)
        assert client.wait(timeout=60) == -signal.SIGKILL
    finally:
        if client.poll() is None:
            client.kill()
            client.wait()
        for stream in (client.stdin, client.stdout, client.stderr):
            stream.close()
    with Store.open(path) as store:  # the hot journal is rolled back; the triggers are checked on opening
        assert rows(store, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name") == schema_before
        assert rows(store, "SELECT * FROM incidents ORDER BY fid") == before
        assert rows(store, "SELECT * FROM incident_history ORDER BY fid") == history_before
        assert rows(store, f"SELECT rtreecheck('{RTREE}')") == [("ok",)]
        assert rows(store, f"SELECT count(*) FROM {RTREE}") == [(5,)]
        assert chain.check(store._db, store.backend) == []
