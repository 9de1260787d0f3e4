"""Benchmark of the PostgreSQL store at a million incidents, on a server the
benchmark starts itself on loopback (as the tests do), each figure beside the
fairest reference measured in the same run on the same data:

- writing the demo incidents (validated, triggers and GiST index live, COPY)
  against a plain ``COPY`` of the same CSV rows into a bare table;
- reading points, category and time into NumPy (``Store.arrays``) against
  ``COPY (SELECT …) TO STDOUT (FORMAT binary)`` of the same columns;
- saving one incident (``Store.update_incident``, version check and audit
  trigger) with the whole store in place: median and 99th percentile, alone
  and with 20 editors at once, and the writes lost (must be 0);
- the situation dock's summary with a filter (``situation.summary``);
- ``copy_store`` of the whole store, PostgreSQL to GeoPackage and back.

Sizes: BENCH_PG_SIZES (default "1000000"). Prints a Markdown table."""

from __future__ import annotations

import io
import os
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from pg_server import PostgresServer  # noqa: E402

from lagesbild.core.domain import demo  # noqa: E402
from lagesbild.core.presentation import situation  # noqa: E402
from lagesbild.core.store import Store, StoreLocation  # noqa: E402
from lagesbild.core.store.copy import copy_store  # noqa: E402
from lagesbild.core.store.demo_store import write_demo  # noqa: E402

TODAY = date(2026, 6, 15)
EDITORS = 20
SAVES_ALONE = 200
SAVES_EACH = 20


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


LOADED_COLUMNS = ("geom, uuid, category, subcategory, occurred_from, occurred_to, reported_at, reporting_org, "
                  "police_reported, estimated_cost_sek, status, place_name, description")


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


def binary_read_reference(server: PostgresServer, schema: str) -> float:
    with server.cursor(schema) as cursor:
        start = time.perf_counter()
        cursor.copy_expert("COPY (SELECT fid, geom, category, occurred_from FROM incidents) TO STDOUT "
                           "(FORMAT binary)", io.BytesIO())
        return time.perf_counter() - start


def save_latencies(location: StoreLocation, uuids: list[str]) -> tuple[list[float], int]:
    """Each uuid changed once through its own version check; (seconds per save, lost)."""
    times, lost = [], 0
    with Store.open(location) as store:
        for uuid in uuids:
            before = store.get_incident(uuid)
            start = time.perf_counter()
            store.update_incident(uuid, {"handling_note": "Bench"}, before.version, by_org="municipality")
            times.append(time.perf_counter() - start)
            lost += store.get_incident(uuid).version != before.version + 1
    return times, lost


def percentiles(seconds: list[float]) -> str:
    values = np.asarray(seconds) * 1000
    return f"median {np.median(values):.1f} ms, p99 {np.percentile(values, 99):.1f} ms"


def bench(size: int, server: PostgresServer, folder: Path) -> list[tuple]:
    rows = []
    location = StoreLocation.parse(f"{server.dsn()} schema=bench_{size}")
    seconds, data = timed(demo.generate, size, 1, TODAY)
    rows.append((size, "generate the demo incidents", seconds, "", ""))
    with Store.create(location) as store:
        seconds, _ = timed(write_demo, store, data, 1)
        rows.append((size, "write (validated, audited, GiST-indexed, COPY)", seconds,
                     "plain COPY of the same rows into a bare table", plain_copy_reference(server, store)))
        seconds, _ = timed(store.arrays)
        rows.append((size, "read points, category, time into NumPy", seconds,
                     "COPY … TO STDOUT (FORMAT binary), same columns",
                     binary_read_reference(server, location.schema)))
        state = situation.FilterState(preset=situation.SINCE_1_JANUARY, categories=("vandalism", "disorder"))
        seconds, _ = timed(situation.summary, store, state, TODAY)
        rows.append((size, "the dock's summary, since 1 January, two categories", seconds, "", ""))
        uuids = [row[0] for row in store._db.execute(
            "SELECT uuid FROM incidents ORDER BY fid LIMIT ?", (SAVES_ALONE + EDITORS * SAVES_EACH,))]
    alone, lost = save_latencies(location, uuids[:SAVES_ALONE])
    rows.append((size, f"save one incident, alone ({SAVES_ALONE} saves)", float(np.median(alone)),
                 percentiles(alone) + f", lost {lost}", ""))
    results = [None] * EDITORS

    def editor(number: int) -> None:
        mine = uuids[SAVES_ALONE + number * SAVES_EACH: SAVES_ALONE + (number + 1) * SAVES_EACH]
        results[number] = save_latencies(location, mine)

    threads = [threading.Thread(target=editor, args=(n,)) for n in range(EDITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    together = [t for times, _ in results for t in times]
    lost = sum(lost for _, lost in results)
    rows.append((size, f"save one incident, {EDITORS} editors at once", float(np.median(together)),
                 percentiles(together) + f", lost {lost}", ""))
    gpkg = folder / f"copy-{size}.gpkg"
    seconds, _ = timed(copy_store, location, gpkg)
    rows.append((size, "copy_store PostgreSQL → GeoPackage", seconds, "", ""))
    back = StoreLocation.parse(f"{server.dsn()} schema=back_{size}")
    seconds, _ = timed(copy_store, gpkg, back)
    rows.append((size, "copy_store GeoPackage → PostgreSQL", seconds, "", ""))
    return rows


def main() -> None:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sizes = [int(s) for s in os.environ.get("BENCH_PG_SIZES", "1000000").split(",")]
    server = PostgresServer().start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            rows = [row for size in sizes for row in bench(size, server, Path(folder))]
    finally:
        server.stop()
    print("## PostgreSQL store\n")
    print(f"Server: PostgreSQL from {server.binaries}, fsync off, on loopback, started by the benchmark; "
          f"run {datetime.now(timezone.utc) - timedelta(0):%Y-%m-%d %H:%MZ}. The reference, where there is "
          "one, is the plainest way PostgreSQL does the same job, in the same run; ratio = step / reference.\n")
    print("| incidents | step | seconds | reference | reference seconds | ratio |")
    print("|---:|---|---:|---|---:|---:|")
    for size, step, seconds, reference, ref_seconds in rows:
        ratio = f"{seconds / ref_seconds:.1f}×" if isinstance(ref_seconds, float) and ref_seconds > 0 else ""
        ref_text = f"{ref_seconds:.2f}" if isinstance(ref_seconds, float) else ""
        print(f"| {size:,} | {step} | {seconds:.3f} | {reference} | {ref_text} | {ratio} |")
    print()


if __name__ == "__main__":
    main()
