"""Benchmark of the PostgreSQL store at a million incidents, on a server the
benchmark starts itself on loopback (as the tests do), each figure beside the
fairest reference measured in the same run on the same data:

- writing the demo incidents (validated, triggers and GiST index live, COPY)
  against a plain ``COPY`` of the same CSV rows into a bare table;
- reading points, category and time into NumPy (``Store.arrays``) against
  ``COPY (SELECT fid, geom, category, occurred_from …) TO STDOUT (FORMAT
  binary)`` of the same columns, run by psycopg2 in a process of its own;
  paired runs, interleaved, medians;
- saving one incident (``Store.update_incident``: read, validation, version
  check, audit trigger, commit), each editor a process of its own holding its
  store open as the form does: median and 99th percentile, alone and with 20
  editors at once, and the writes lost (checked after the run, must be 0),
  against pgbench's built-in ``simple-update`` (BEGIN, UPDATE, SELECT,
  INSERT, END on a table of as many rows) with as many clients, in the same
  run, interleaved round by round;
- the situation dock's summary with a filter (``situation.summary``);
- ``copy_store`` of the whole store, PostgreSQL to GeoPackage and back.

Sizes: BENCH_PG_SIZES (default "1000000"); BENCH_PG_COPY=0 leaves out the
two copies (five minutes at a million); BENCH_PG_PORT measures a server
already running on that loopback port (its stores ``bench_<size>`` are
reused, not written again). Prints a Markdown table."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from pg_server import PostgresServer, server_binaries  # noqa: E402

from lagesbild.core.store import Store, StoreLocation  # noqa: E402

TODAY = date(2026, 6, 15)
EDITORS = 20
SAVES_ALONE = 200
SAVES_EACH = 30
ROUNDS = 3  # paired rounds: the plugin's editors, then pgbench's clients
READS = 5  # paired reads: the store's, then the reference's


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


LOADED_COLUMNS = ("geom, uuid, category, subcategory, occurred_from, occurred_to, reported_at, reporting_org, "
                  "police_reported, estimated_cost_sek, status, place_name, description")
READ_REFERENCE = """
import io, sys, time, psycopg2
connection = psycopg2.connect(sys.argv[1])
cursor = connection.cursor()
cursor.execute('SET search_path TO "' + sys.argv[2] + '", public')
start = time.perf_counter()
cursor.copy_expert("COPY (SELECT fid, geom, category, occurred_from FROM incidents) TO STDOUT (FORMAT binary)",
                   io.BytesIO())
print(time.perf_counter() - start)
"""


def plain_copy_reference(server: PostgresServer, store: Store) -> float:
    """The same rows as the store holds, COPYed in CSV into a bare table."""
    with server.cursor(store.location.schema) as cursor:
        buffer = io.StringIO()
        cursor.copy_expert(f"COPY (SELECT {LOADED_COLUMNS} FROM incidents) TO STDOUT WITH (FORMAT csv)", buffer)
        cursor.execute(f"CREATE TABLE bare AS SELECT {LOADED_COLUMNS} FROM incidents WHERE false")
        buffer.seek(0)
        start = time.perf_counter()
        cursor.copy_expert("COPY bare FROM STDIN WITH (FORMAT csv)", buffer)
        return time.perf_counter() - start


def paired_reads(server: PostgresServer, store: Store) -> tuple[float, float, float]:
    """Medians of the store's read and of the reference's (psycopg2's binary
    COPY in a process of its own), and the median of the paired ratios."""
    mine, theirs = [], []
    for _ in range(READS):
        mine.append(timed(store.arrays)[0])
        done = subprocess.run([sys.executable, "-c", READ_REFERENCE, server.dsn(), store.location.schema],
                              check=True, capture_output=True, text=True)
        theirs.append(float(done.stdout))
    ratios = np.asarray(mine) / np.asarray(theirs)
    return float(np.median(mine)), float(np.median(theirs)), float(np.median(ratios))


# --- saving: each editor a process of its own ------------------------------------

def editor(location: str, uuids: list[str]) -> None:
    """One editor: opens the store (as the form does when its dock opens),
    says it is ready, waits for the start, then saves each incident once as
    the form does (read it, change it with the version read) and prints the
    seconds of each save, as the person waits for it (``update_incident``)."""
    with Store.open(location) as store:
        print("ready", flush=True)
        sys.stdin.readline()
        times = []
        for number, uuid in enumerate(uuids):
            before = store.get_incident(uuid)  # the form shows it before the person changes it
            start = time.perf_counter()
            store.update_incident(uuid, {"handling_note": f"Bench {number}"}, before.version, by_org="municipality")
            times.append(time.perf_counter() - start)
    print(json.dumps(times), flush=True)


def plugin_saves(location: StoreLocation, groups: list[list[str]]) -> list[list[float]]:
    """Every group's saves by an editor process of its own, all at once: the
    seconds of each editor's saves, in order (the first is its session's first)."""
    processes = [subprocess.Popen([sys.executable, __file__, "editor", location.conninfo() + " schema="
                                   + location.schema, *group], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True) for group in groups]
    for process in processes:
        if process.stdout.readline().strip() != "ready":
            raise RuntimeError("an editor did not start")
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    times = []
    for process in processes:
        out, _ = process.communicate()
        if process.returncode:
            raise RuntimeError("an editor failed")
        times.append(json.loads(out))
    return times


def lost_writes(server: PostgresServer, schema: str, before: dict[str, int]) -> int:
    """Incidents saved once whose version did not go up by exactly one."""
    after = dict(server.query("SELECT uuid, version FROM incidents WHERE uuid = ANY(ARRAY["
                              + ", ".join(f"'{u}'" for u in before) + "])", schema))
    return sum(after.get(uuid) != version + 1 for uuid, version in before.items())


def pgbench(server: PostgresServer, clients: int, each: int, folder: Path) -> list[float]:
    """pgbench's built-in simple-update, ``clients`` clients (connected before
    the clock starts, as the editors are) doing ``each`` transactions: the
    seconds of each transaction, from its own log."""
    logs = folder / f"pgbench-{time.monotonic_ns()}"
    logs.mkdir()
    subprocess.run([str(server.binaries / "pgbench"), "-h", "127.0.0.1", "-p", str(server.port), "-U", "postgres",
                    "-b", "simple-update", "-n", "-c", str(clients), "-j", "2", "-t", str(each), "-l",
                    f"--log-prefix={logs}/log", "pgbench"], check=True, capture_output=True)
    return [int(line.split()[2]) / 1e6 for log in logs.iterdir() for line in log.read_text().splitlines()]


def percentiles(seconds: list[float]) -> tuple[float, float]:
    values = np.asarray(seconds) * 1000
    return float(np.median(values)), float(np.percentile(values, 99))


def save_rows(size: int, server: PostgresServer, location: StoreLocation, folder: Path) -> list[tuple]:
    server.sql("postgres", "DROP DATABASE IF EXISTS pgbench")
    server.sql("postgres", "CREATE DATABASE pgbench")
    subprocess.run([str(server.binaries / "pgbench"), "-h", "127.0.0.1", "-p", str(server.port), "-U", "postgres",
                    "-i", "-q", "-s", str(max(1, size // 100_000)), "pgbench"], check=True, capture_output=True)
    wanted = SAVES_ALONE + ROUNDS * EDITORS * SAVES_EACH
    uuids = [row[0] for row in server.query(
        f"SELECT uuid FROM incidents ORDER BY fid DESC LIMIT {wanted}", location.schema)]
    before = dict(server.query("SELECT uuid, version FROM incidents WHERE uuid = ANY(ARRAY["
                               + ", ".join(f"'{u}'" for u in uuids) + "])", location.schema))
    rows = []
    alone = plugin_saves(location, [uuids[:SAVES_ALONE]])
    floor = pgbench(server, 1, SAVES_ALONE, folder)
    rows.append(("alone", alone, floor, [percentiles(alone[0])[1] / percentiles(floor)[1]]))
    together, floor_together, ratios = [], [], []
    rest = uuids[SAVES_ALONE:]
    for round_number in range(ROUNDS):
        mine = rest[round_number * EDITORS * SAVES_EACH:(round_number + 1) * EDITORS * SAVES_EACH]
        times = plugin_saves(location, [mine[n::EDITORS] for n in range(EDITORS)])
        theirs = pgbench(server, EDITORS, SAVES_EACH, folder)
        ratios.append(percentiles([t for editor_times in times for t in editor_times])[1] / percentiles(theirs)[1])
        together += times
        floor_together += theirs
    rows.append((f"{EDITORS} editors at once ({ROUNDS} rounds)", together, floor_together, ratios))
    lost = lost_writes(server, location.schema, before)
    result = []
    for label, sessions, floor, ratio in rows:
        times = [t for editor_times in sessions for t in editor_times]
        median, p99 = percentiles(times)
        later = percentiles([t for editor_times in sessions for t in editor_times[1:]])
        first = percentiles([editor_times[0] for editor_times in sessions])[0]
        floor_median, floor_p99 = percentiles(floor)
        result.append((size, f"save one incident, {label}: median {median:.1f} ms, p99 {p99:.1f} ms, "
                       f"lost {lost} of {len(uuids)}; a session's first save median {first:.1f} ms, the "
                       f"later ones p99 {later[1]:.1f} ms", p99 / 1000,
                       f"pgbench simple-update, as many clients: median {floor_median:.1f} ms, p99 {floor_p99:.1f} ms",
                       floor_p99 / 1000, float(np.median(ratio))))
    return result


class RunningServer(PostgresServer):
    """A server already running on loopback (BENCH_PG_PORT), as the tests start
    one: its stores of an earlier run are measured again without rewriting them."""

    def __init__(self, port: int):  # noqa: D107 (no folder of its own: not started or stopped here)
        self.binaries = server_binaries()
        self.port = port

    def stop(self) -> None:
        pass


def bench(size: int, server: PostgresServer, folder: Path) -> list[tuple]:
    from lagesbild.core.domain import demo
    from lagesbild.core.presentation import situation
    from lagesbild.core.store.copy import copy_store
    from lagesbild.core.store.demo_store import write_demo

    rows = []
    location = StoreLocation.parse(f"{server.dsn()} schema=bench_{size}")
    written = bool(server.query(f"SELECT 1 FROM pg_namespace WHERE nspname = 'bench_{size}'"))
    if not written:
        seconds, data = timed(demo.generate, size, 1, TODAY)
        rows.append((size, "generate the demo incidents", seconds, "", "", None))
        with Store.create(location) as store:
            seconds, _ = timed(write_demo, store, data, 1)
            reference = plain_copy_reference(server, store)
            rows.append((size, "write (validated, audited, GiST-indexed, COPY)", seconds,
                         "plain COPY of the same rows into a bare table", reference, seconds / reference))
        del data
    with Store.open(location) as store:
        mine, theirs, ratio = paired_reads(server, store)
        rows.append((size, f"read points, category, time into NumPy (median of {READS} paired runs)", mine,
                     "psycopg2's COPY … TO STDOUT (FORMAT binary) of fid, geom, category, occurred_from, "
                     "in a process of its own", theirs, ratio))
        state = situation.FilterState(preset=situation.SINCE_1_JANUARY, categories=("vandalism", "disorder"))
        seconds, _ = timed(situation.summary, store, state, TODAY)
        rows.append((size, "the dock's summary, since 1 January, two categories", seconds, "", "", None))
    rows += save_rows(size, server, location, folder)
    if os.environ.get("BENCH_PG_COPY", "1") != "0":
        gpkg = folder / f"copy-{size}.gpkg"
        seconds, _ = timed(copy_store, location, gpkg)
        rows.append((size, "copy_store PostgreSQL → GeoPackage", seconds, "", "", None))
        server.sql("lagesbild_test", f"DROP SCHEMA IF EXISTS back_{size} CASCADE")  # of an earlier run
        back = StoreLocation.parse(f"{server.dsn()} schema=back_{size}")
        seconds, _ = timed(copy_store, gpkg, back)
        rows.append((size, "copy_store GeoPackage → PostgreSQL", seconds, "", "", None))
    return rows


def main() -> None:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    load = os.getloadavg()[0]
    sizes = [int(s) for s in os.environ.get("BENCH_PG_SIZES", "1000000").split(",")]
    port = os.environ.get("BENCH_PG_PORT")
    server = RunningServer(int(port)) if port else PostgresServer().start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            rows = [row for size in sizes for row in bench(size, server, Path(folder))]
    finally:
        server.stop()
    print("## PostgreSQL store\n")
    started = "already running (BENCH_PG_PORT), started as the tests start theirs" if port else \
        "started by the benchmark"
    print(f"Server: PostgreSQL from {server.binaries}, fsync off, on loopback, {started}; "
          f"run {datetime.now(timezone.utc):%Y-%m-%d %H:%MZ}, load average before it "
          f"{load:.1f}. The reference is the plainest way PostgreSQL does the same job, in "
          "the same run; ratio = step / reference (for the read and the saves, the median of the paired "
          "runs' ratios; for the saves, of the 99th percentiles).\n")
    print("| incidents | step | seconds | reference | reference seconds | ratio |")
    print("|---:|---|---:|---|---:|---:|")
    for size, step, seconds, reference, ref_seconds, ratio in rows:
        ratio_text = f"{ratio:.1f}×" if ratio else ""
        ref_text = f"{ref_seconds:.3f}" if isinstance(ref_seconds, float) else ""
        print(f"| {size:,} | {step} | {seconds:.3f} | {reference} | {ref_text} | {ratio_text} |")
    print()


if __name__ == "__main__":
    if sys.argv[1:2] == ["editor"]:
        editor(sys.argv[2], sys.argv[3:])
    else:
        main()
