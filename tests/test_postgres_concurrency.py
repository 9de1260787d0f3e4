"""The shared store under several clients at once, on a real PostgreSQL: two
offices saving the same incident, twenty adding incidents side by side, and a
client killed in the middle of a bulk load. Every outcome is read back
through plain psycopg2, not through the plugin."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import textwrap
import threading
import time
from datetime import datetime, timezone

import pytest
from conftest import IMPORT_FOLDER
from store_helpers import incident

from lagesbild.core.store import ConflictError, Store, StoreLocation

_SCHEMAS = itertools.count(1)
WRITERS = 20
EACH = 30
BULK_ROWS = 200_000
# a plugin's session inside a transaction (the server shows each byte of the application's ä as ?)
IN_TRANSACTION = "application_name LIKE 'L%gesbild' AND state LIKE 'idle in transaction%'"


@pytest.fixture
def location(postgres_server):
    schema = f"samtidigt_{next(_SCHEMAS)}"
    location = StoreLocation.parse(f"{postgres_server.dsn()} schema={schema}")
    Store.create(location).close()
    yield location
    postgres_server.sql("lagesbild_test", f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def query(server, sql: str, params=()) -> list[tuple]:
    import psycopg2

    connection = psycopg2.connect(server.dsn())
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params or None)
            return cursor.fetchall()
    finally:
        connection.close()


def run_together(functions) -> list:
    """Run each function in its own thread, released at the same moment;
    returns what each returned or raised."""
    start = threading.Barrier(len(functions))
    results = [None] * len(functions)

    def worker(index, function):
        start.wait()
        try:
            results[index] = function()
        except Exception as error:  # noqa: BLE001 - handed to the test to judge
            results[index] = error

    threads = [threading.Thread(target=worker, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_offices_saving_the_same_incident_one_wins_the_other_gets_a_conflict(location, postgres_server):
    schema = location.schema
    with Store.open(location) as store:
        added = store.add_incident(incident())
    police, housing = Store.open(location), Store.open(location)
    try:
        for round_number in range(10):
            [(version,)] = query(postgres_server, f'SELECT version FROM "{schema}".incidents WHERE uuid = %s',
                                 (added.uuid,))
            notes = {"police": f"polisen {round_number}", "housing": f"bostadsbolaget {round_number}"}
            results = run_together([
                lambda n=notes, v=version: police.update_incident(added.uuid, {"handling_note": n["police"]}, v,
                                                                  "police"),
                lambda n=notes, v=version: housing.update_incident(added.uuid, {"handling_note": n["housing"]}, v,
                                                                   "housing"),
            ])
            conflicts = [r for r in results if isinstance(r, ConflictError)]
            wins = [r for r in results if not isinstance(r, Exception)]
            assert len(wins) == 1 and len(conflicts) == 1, results
            winner = "police" if wins[0] is results[0] else "housing"
            [(note, new_version, by_org)] = query(
                postgres_server, f'SELECT handling_note, version, updated_by_org FROM "{schema}".incidents '
                "WHERE uuid = %s", (added.uuid,))
            assert (note, new_version, by_org) == (notes[winner], version + 1, winner)
            history = query(postgres_server, "SELECT changed_by_org, field, new_value FROM "
                                             f'"{schema}".incident_history WHERE incident_uuid = %s '
                                             "ORDER BY changed_at, fid", (added.uuid,))
            assert len(history) == round_number + 1  # one change a round: the loser's wrote nothing
            assert history[-1] == (winner, "handling_note", notes[winner])
    finally:
        police.close()
        housing.close()


def test_twenty_clients_adding_at_once_lose_nothing(location, postgres_server):
    schema = location.schema
    stores = [Store.open(location) for _ in range(WRITERS)]
    organisations = ("municipality", "police", "housing", "security", "rescue")

    def writer(number, store):
        def add():
            uuids = []
            for index in range(EACH):
                added = store.add_incident(incident(
                    reporting_org=organisations[number % len(organisations)],
                    place_name=f"skrivare {number} nr {index}",
                    occurred_from=datetime(2025, 5, 1 + index % 28, 8, number, tzinfo=timezone.utc),
                    occurred_to=None))
                uuids.append(added.uuid)
            return uuids
        return add

    try:
        results = run_together([writer(n, s) for n, s in enumerate(stores)])
    finally:
        for store in stores:
            store.close()
    errors = [r for r in results if isinstance(r, Exception)]
    assert not errors, errors
    reported = {uuid for uuids in results for uuid in uuids}
    rows = query(postgres_server, f'SELECT uuid, place_name, version FROM "{schema}".incidents')
    assert len(rows) == WRITERS * EACH == len(reported)
    assert {uuid for uuid, _, _ in rows} == reported
    assert {place for _, place, _ in rows} == {f"skrivare {n} nr {i}" for n in range(WRITERS) for i in range(EACH)}
    assert {version for _, _, version in rows} == {1}
    assert query(postgres_server, f'SELECT count(*) FROM "{schema}".incident_history') == [(0,)]


def wait_until_gone(server, limit_s: float = 60.0) -> None:
    """Until no Lägesbild session is left in a transaction (a bound, not a
    measurement: the server ends a killed client's session at once)."""
    deadline = time.monotonic() + limit_s
    while query(server, f"SELECT count(*) FROM pg_stat_activity WHERE {IN_TRANSACTION}") != [(0,)]:
        assert time.monotonic() < deadline, "the killed client's session is still open"
        time.sleep(0.1)


BULK_CLIENT = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    import numpy as np
    from lagesbild.core.store import Store

    rows = int(sys.argv[3])
    rng = np.random.default_rng(5)
    columns = {
        "x": rng.uniform(615_000, 625_000, rows), "y": rng.uniform(6_645_000, 6_655_000, rows),
        "category": np.full(rows, "graffiti"), "reporting_org": np.full(rows, "housing"),
        "occurred_from": rng.integers(1_700_000_000, 1_740_000_000, rows),
    }

    def progress(fraction):
        print("chunk", fraction, flush=True)  # the first chunk is in the open transaction
        sys.stdin.readline()  # wait to be killed
        return True

    with Store.open(sys.argv[2]) as store:
        store.add_incident_arrays(columns, progress=progress)
    print("done", flush=True)
""")


def test_a_client_killed_in_the_middle_of_a_bulk_load_leaves_the_store_as_it_was(location, postgres_server,
                                                                                    tmp_path):
    schema = location.schema
    with Store.open(location) as store:
        kept = store.add_incidents([incident(place_name=f"före {n}") for n in range(25)])
        store.update_incident(kept[0].uuid, {"status": "closed"}, kept[0].version, "police")
    before = query(postgres_server, f'SELECT uuid, version FROM "{schema}".incidents ORDER BY uuid')
    history_before = query(postgres_server, f'SELECT * FROM "{schema}".incident_history ORDER BY fid')
    script = tmp_path / "bulk_client.py"
    script.write_text(BULK_CLIENT)
    client = subprocess.Popen(["/usr/bin/python3", str(script), str(IMPORT_FOLDER), location.display, str(BULK_ROWS)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = client.stdout.readline()
        assert line.startswith("chunk"), (line, client.stderr.read() if client.poll() is not None else "")
        # the first chunk's rows are in the client's transaction, not yet committed
        [(in_flight,)] = query(postgres_server, f"SELECT count(*) FROM pg_stat_activity WHERE {IN_TRANSACTION}")
        assert in_flight == 1
        os.kill(client.pid, signal.SIGKILL)
        assert client.wait(timeout=60) == -signal.SIGKILL
    finally:
        if client.poll() is None:
            client.kill()
            client.wait()
        client.stdout.close()
        client.stderr.close()
        client.stdin.close()
    # the server notices the dead client and rolls its transaction back
    wait_until_gone(postgres_server)
    with Store.open(location) as store:
        store.update_incident(kept[1].uuid, {"status": "closed"}, kept[1].version, "police")
    after = query(postgres_server, f'SELECT uuid, version FROM "{schema}".incidents ORDER BY uuid')
    assert len(after) == len(before) == 25
    assert [u for u, _ in after] == [u for u, _ in before]
    assert query(postgres_server, f'SELECT count(*) FROM "{schema}".incident_history h WHERE NOT EXISTS '
                                  f'(SELECT 1 FROM "{schema}".incidents i WHERE i.uuid = h.incident_uuid)') == [(0,)]
    history_after = query(postgres_server, f'SELECT * FROM "{schema}".incident_history ORDER BY fid')
    assert history_after[:len(history_before)] == history_before
    assert [(row[1], row[4]) for row in history_after[len(history_before):]] == [(kept[1].uuid, "status")]
    # and the aborted rows are gone for good, not merely hidden
    assert query(postgres_server, f'SELECT count(*) FROM "{schema}".incidents WHERE category = %s',
                 ("graffiti",)) == [(0,)]


def test_editors_saving_at_once_keep_one_whole_chain(location, postgres_server):
    """Each save seals the history right after its commit, one sealer at a
    time, and a save that finds one at work leaves its rows to it or to the
    next: however the saves interleave, every history row ends up sealed once,
    in one unbroken chain."""
    from lagesbild.core.store.verify import verify_store

    editors, saves = 8, 12
    with Store.open(location) as store:
        uuids = [store.add_incident(incident(place_name=f"plats {n}")).uuid for n in range(editors)]

    def editor(n):
        def save_all():
            with Store.open(location) as store:
                for i in range(saves):
                    current = store.get_incident(uuids[n])
                    store.update_incident(uuids[n], {"place_name": f"plats {n} ändrad {i}"},
                                          expected_version=current.version, by_org="municipality")
        return save_all

    assert run_together([editor(n) for n in range(editors)]) == [None] * editors
    schema = location.schema
    assert query(postgres_server, f'SELECT count(*) FROM "{schema}".incident_history '
                                  "WHERE field = 'place_name'") == [(editors * saves,)]
    report = verify_store(location)  # seals what the last busy sealer left
    assert report.problems == []
    assert query(postgres_server, f'SELECT count(*), count(DISTINCT seal_seq), max(seal_seq) '
                                  f'FROM "{schema}".incident_history WHERE seal_seq IS NOT NULL') == \
        [(editors * saves, editors * saves, editors * saves)]
