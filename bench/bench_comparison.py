"""Benchmark of lagesbild:periodcomparison's core (``compare_in_store``) on
demo stores of 10 000, 100 000 and 1 000 000 incidents, grouped by category
and by area, against a plain SQL GROUP BY on the same file for the same two
periods (by area, the reference is the same SQL grouped by category: SQLite
has no point-in-polygon). Medians of 5 runs; peak memory by tracemalloc. The
core also computes the exact interval and test of every group, a fixed cost
of a few milliseconds per group that dominates at small sizes.
Sizes: BENCH_SIZES (default "10000,100000,1000000"). Prints a Markdown table."""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

from lagesbild.core.domain.timeutil import Period, sql_bound
from lagesbild.core.store import Store
from lagesbild.core.store.comparison import compare_in_store
from lagesbild.core.store.demo_store import build_demo_store

TODAY = date(2026, 6, 15)
PERIOD_A, PERIOD_B = Period(date(2025, 1, 1), date(2025, 6, 14)), Period(date(2026, 1, 1), date(2026, 6, 14))
RUNS = 5


def median_time(function, *args) -> tuple[float, float]:
    """Median seconds of RUNS runs, then the peak memory of one more run
    (tracemalloc slows Python down, so it is not on while timing)."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    function(*args)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak


def plain_sql(path: Path, tz) -> None:
    with sqlite3.connect(path) as connection:
        for period in (PERIOD_A, PERIOD_B):
            low, high = period.utc_bounds(tz)
            connection.execute("SELECT category, count(*) FROM incidents WHERE occurred_from >= ? AND "
                               "occurred_from < ? GROUP BY category", (sql_bound(low), sql_bound(high))).fetchall()


def main() -> int:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000,1000000").split(",")]
    print("## Period comparison\n")
    print("| incidents | grouped by | core s | core peak MB | plain SQL s | ratio |")
    print("|---:|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = build_demo_store(Path(folder) / f"demo-{size}.gpkg", size, 1, TODAY)
            with Store.open(path) as store:
                reference, _ = median_time(plain_sql, path, store.tz)
                for group in ("category", "area"):
                    seconds, peak = median_time(compare_in_store, store, group, PERIOD_A, PERIOD_B)
                    print(f"| {size:,} | {group} | {seconds:.3f} | {peak:.0f} | {reference:.3f} | "
                          f"{seconds / reference:.2f} |", flush=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
