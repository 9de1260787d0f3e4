"""Benchmark of the space-time analyses' cores on the demo municipality.

Near repeats: ``knox`` with 999 permutations and the default bands (0–400 m,
0–28 days) on all incidents of a demo of each size (BENCH_SIZES, default
"10000,100000"), against the reference: a brute-force pair count (every pair,
n × n) on a sample of 2 000 incidents, whose table must equal ``knox``'s
observed table on the same sample. Emerging hot spots: weekly steps over the
two years on a demo of each size in BENCH_EHS_SIZES (default "1000000"), at
the scale of places, against the hotspot core on one week. Peak memory is the
process's maximum resident set (ru_maxrss), so read it in order: it only grows.
Prints Markdown tables."""

from __future__ import annotations

import os
import resource
import time
from datetime import date
from zoneinfo import ZoneInfo

import numpy as np

from lagesbild.core.domain import demo
from lagesbild.core.domain.analysis.emerging import emerging_hotspots, step_of_days
from lagesbild.core.domain.analysis.hotspots import hotspots
from lagesbild.core.domain.analysis.knox import knox, near_pairs
from lagesbild.core.domain.timeutil import local_parts

TODAY = date(2026, 6, 15)
DISTANCE_EDGES = np.array([0.0, 100, 200, 300, 400])
TIME_EDGES = np.array([0.0, 7, 14, 21, 28])
SAMPLE = 2_000


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def demo_points(size: int):
    data = demo.generate(size, 1, TODAY).incidents
    days = local_parts(data["occurred_from"], ZoneInfo("Europe/Stockholm")).day
    return data["x"], data["y"], days


def brute_force_table(x, y, days) -> np.ndarray:
    i, j = np.triu_indices(x.size, 1)
    d = np.hypot(x[j] - x[i], y[j] - y[i])
    t = np.abs(days[j] - days[i])
    row = np.where(d == 0, 0, np.searchsorted(DISTANCE_EDGES, d, side="right"))
    column = np.searchsorted(TIME_EDGES, t, side="right") - 1
    table = np.zeros((DISTANCE_EDGES.size + 1, TIME_EDGES.size), dtype=np.int64)
    np.add.at(table, (row, column), 1)
    return table


def near_repeat(sizes: list[int]) -> None:
    print("## Near repeats (Knox, 999 permutations)\n")
    print("| incidents | near pairs | knox s | peak RSS MB | reference: brute force on 2 000 s | "
          "knox on the same 2 000 s | tables equal |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for size in sizes:
        x, y, days = demo_points(size)
        pairs = near_pairs(x, y, float(DISTANCE_EDGES[-1]))[0].size
        start = time.perf_counter()
        knox(x, y, days, DISTANCE_EDGES, TIME_EDGES, permutations=999, seed=1)
        seconds = time.perf_counter() - start
        sample = np.random.default_rng(0).choice(size, SAMPLE, replace=False)
        start = time.perf_counter()
        reference = brute_force_table(x[sample], y[sample], days[sample])
        brute = time.perf_counter() - start
        start = time.perf_counter()
        observed = knox(x[sample], y[sample], days[sample], DISTANCE_EDGES, TIME_EDGES, permutations=1).observed
        small = time.perf_counter() - start
        print(f"| {size:,} | {pairs:,} | {seconds:.1f} | {peak_mb():.0f} | {brute:.2f} | {small:.3f} | "
              f"{'yes' if np.array_equal(observed, reference) else 'NO'} |", flush=True)
    print()


def emerging(sizes: list[int]) -> None:
    print("## Emerging hot spots (weekly steps, places scale)\n")
    print("| incidents | cells | steps | emerging s | peak RSS MB | reference: hotspots on one week s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        x, y, days = demo_points(size)
        start = time.perf_counter()
        spots = hotspots(x, y)
        result = emerging_hotspots(spots.grid, spots.band, x, y, days, "week", 1)
        seconds = time.perf_counter() - start
        weeks = step_of_days(days, "week")
        last = weeks == weeks.max() - 1
        start = time.perf_counter()
        hotspots(x[last], y[last], extent=None)
        one_week = time.perf_counter() - start
        print(f"| {size:,} | {len(result.grid):,} | {result.steps.size} | {seconds:.1f} | {peak_mb():.0f} | "
              f"{one_week:.2f} |", flush=True)
    print()


def main() -> int:
    near_repeat([int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000").split(",") if s])
    emerging([int(s) for s in os.environ.get("BENCH_EHS_SIZES", "1000000").split(",") if s])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
