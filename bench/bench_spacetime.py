"""Benchmark of the space-time analyses' cores on the demo municipality.

Every measurement runs in a fresh Python process of its own, so that its peak
memory is that process's peak resident set (``ru_maxrss``), demo generation
included (reported apart as the baseline), and nothing of one run stays in
the next. The machine is shared, so each measurement is run between two runs
of its reference (reference, measurement, reference) and reported as a ratio
to their mean: the ratio carries over to another machine, the seconds do not.

Near repeats: ``knox`` with 999 permutations and the default bands (0–400 m,
0–28 days) on every incident of a demo of each size (BENCH_NR_SIZES, default
"10000,100000"). Reference: a brute-force pair count (every pair, n × n) of
the observed table on a sample of 2 000 of the same incidents, whose table
must equal ``knox``'s on that sample. A run stops after BENCH_NR_BUDGET
seconds (default 900) of permutations; the time of all 999 is then
extrapolated from the permutations done (said so in the table).

Emerging hot spots: weekly steps over the two years of a demo of each size in
BENCH_EHS_SIZES (default "1000000"), at the scale of places (the hotspot
algorithm's defaults and study area). Reference: the hotspot core on one week
(the last whole week's incidents, the same defaults).

BENCH_REPEATS (default 3 at up to 10 000 incidents, 1 above) sets how many
interleaved rounds are run; the median ratio is reported. Prints Markdown;
writes ``bench/results-spacetime.json``."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

TODAY = date(2026, 6, 15)
DISTANCE_EDGES = [0.0, 100, 200, 300, 400]
TIME_EDGES = [0.0, 7, 14, 21, 28]
SAMPLE = 2_000
PERMUTATIONS = 999
RESULTS = Path(os.environ.get("BENCH_SPACETIME_JSON", Path(__file__).with_name("results-spacetime.json")))


# ---- in the child process -------------------------------------------------------------------------------

def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _demo_points(size: int):
    from zoneinfo import ZoneInfo

    from lagesbild.core.domain import demo
    from lagesbild.core.domain.timeutil import local_parts

    data = demo.generate(size, 1, TODAY).incidents
    days = local_parts(data["occurred_from"], ZoneInfo("Europe/Stockholm")).day
    return data["x"], data["y"], days


def _brute_force_table(x, y, days):
    import numpy as np

    i, j = np.triu_indices(x.size, 1)
    d = np.hypot(x[j] - x[i], y[j] - y[i])
    t = np.abs(days[j] - days[i])
    row = np.where(d == 0, 0, np.searchsorted(DISTANCE_EDGES, d, side="right"))
    column = np.searchsorted(TIME_EDGES, t, side="right") - 1
    table = np.zeros((len(DISTANCE_EDGES) + 1, len(TIME_EDGES)), dtype=np.int64)
    np.add.at(table, (row, column), 1)
    return table


def child_knox(size: int, budget: float) -> dict:
    from lagesbild.core.domain.analysis import AnalysisError
    from lagesbild.core.domain.analysis.knox import knox, near_pair_chunks

    x, y, days = _demo_points(size)
    baseline = _peak_mb()
    pairs = sum(chunk[0].size for chunk in near_pair_chunks(x, y, DISTANCE_EDGES[-1]))  # streamed, not kept
    marks = []
    start = time.perf_counter()

    def progress(fraction):  # stops once past the budget, with at least 3 permutations to extrapolate from
        now = time.perf_counter() - start
        if fraction > 0:
            marks.append((round(fraction * PERMUTATIONS), now))
        return not (len(marks) >= 3 and now > budget)

    try:
        knox(x, y, days, DISTANCE_EDGES, TIME_EDGES, permutations=PERMUTATIONS, seed=1, progress=progress)
        done, seconds, extrapolated = PERMUTATIONS, time.perf_counter() - start, False
    except AnalysisError:  # the budget ran out: extrapolate from the permutations done
        (first, t_first), (done, t_done) = marks[0], marks[-1]
        per_permutation = (t_done - t_first) / max(done - first, 1)
        seconds, extrapolated = t_first + per_permutation * (PERMUTATIONS - first), True
    return {"incidents": size, "near_pairs": int(pairs), "seconds": seconds, "permutations_done": done,
            "extrapolated": extrapolated, "listing_and_first_seconds": marks[0][1],
            "per_permutation_seconds": (marks[-1][1] - marks[0][1]) / max(marks[-1][0] - marks[0][0], 1),
            "peak_mb": _peak_mb(), "baseline_mb": baseline}


def child_brute(size: int) -> dict:
    import numpy as np

    from lagesbild.core.domain.analysis.knox import knox

    x, y, days = _demo_points(size)
    sample = np.random.default_rng(0).choice(size, SAMPLE, replace=False)
    xs, ys, ds = x[sample], y[sample], days[sample]
    start = time.perf_counter()
    reference = _brute_force_table(xs, ys, ds)
    brute = time.perf_counter() - start
    start = time.perf_counter()
    observed = knox(xs, ys, ds, DISTANCE_EDGES, TIME_EDGES, permutations=1).observed
    small = time.perf_counter() - start
    return {"incidents": size, "sample": SAMPLE, "seconds": brute, "knox_on_sample_seconds": small,
            "tables_equal": bool(np.array_equal(observed, reference)), "peak_mb": _peak_mb()}


def child_emerging(size: int) -> dict:
    from lagesbild.core.domain.analysis.emerging import emerging_hotspots
    from lagesbild.core.domain.analysis.hotspots import hotspots

    x, y, days = _demo_points(size)
    baseline = _peak_mb()
    start = time.perf_counter()
    spots = hotspots(x, y)
    result = emerging_hotspots(spots.grid, spots.band, x, y, days, "week", 1)
    seconds = time.perf_counter() - start
    return {"incidents": size, "cells": len(result.grid), "steps": int(result.steps.size),
            "bins": int(result.cube.size), "in_steps": int(result.cube.sum()), "seconds": seconds,
            "peak_mb": _peak_mb(), "baseline_mb": baseline,
            "patterns": int((result.pattern != "none").sum())}


def child_one_week(size: int) -> dict:
    from lagesbild.core.domain.analysis.emerging import step_of_days
    from lagesbild.core.domain.analysis.hotspots import hotspots

    x, y, days = _demo_points(size)
    weeks = step_of_days(days, "week")
    last = weeks == weeks.max() - 1  # the last whole week
    start = time.perf_counter()
    hotspots(x[last], y[last])
    return {"incidents": size, "week_incidents": int(last.sum()), "seconds": time.perf_counter() - start,
            "peak_mb": _peak_mb()}


CHILDREN = {"knox": child_knox, "brute": child_brute, "emerging": child_emerging, "one_week": child_one_week}


# ---- in the parent ----------------------------------------------------------------------------------------

def run_child(kind: str, *args) -> dict:
    output = subprocess.run([sys.executable, __file__, "--child", kind, *map(str, args)], check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def interleaved(rounds: int, measure, reference):
    """(measurements, references, ratios): reference, measurement, reference per round;
    each ratio against the mean of the two references around it."""
    measurements, references, ratios = [], [], []
    before = reference()
    references.append(before)
    for _ in range(rounds):
        main = measure()
        after = reference()
        measurements.append(main)
        references.append(after)
        ratios.append(main["seconds"] / ((before["seconds"] + after["seconds"]) / 2))
        before = after
    return measurements, references, ratios


def rounds_for(size: int) -> int:
    return int(os.environ.get("BENCH_REPEATS", "3" if size <= 10_000 else "1"))


def near_repeat(sizes: list[int], budget: float) -> list[dict]:
    print(f"## Near repeats (Knox, {PERMUTATIONS} permutations, bands 0–400 m × 0–28 days)\n")
    print("Reference: the observed table counted by brute force over every pair of a sample of 2 000 of "
          "the same incidents (1 999 000 pairs), which must equal `knox`'s table on that sample. Ratio = "
          "knox's seconds / the reference's mean seconds in the runs just before and after it (median over "
          "the rounds). Peak = the process's maximum resident set, the demo itself included (baseline: "
          "after generating it).\n")
    print("| incidents | near pairs (< 400 m) | knox s | pairs listed + 1st permutation s | per permutation s | "
          "ratio to reference | peak RSS MB | baseline MB | reference s | knox on the sample s | "
          "counting speed-up on the sample | tables equal | rounds |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
    rows = []
    for size in sizes:
        measurements, references, ratios = interleaved(
            rounds_for(size), lambda size=size: run_child("knox", size, budget),
            lambda size=size: run_child("brute", size))
        main = min(measurements, key=lambda m: m["seconds"])
        seconds = f"{main['seconds']:.1f}" + (f" (extrapolated from {main['permutations_done']})"
                                               if main["extrapolated"] else "")
        print(f"| {size:,} | {main['near_pairs']:,} | {seconds} | {main['listing_and_first_seconds']:.1f} | "
              f"{main['per_permutation_seconds']:.3f} | {statistics.median(ratios):.0f}× | "
              f"{max(m['peak_mb'] for m in measurements):.0f} | {main['baseline_mb']:.0f} | "
              f"{statistics.median(r['seconds'] for r in references):.2f} | "
              f"{statistics.median(r['knox_on_sample_seconds'] for r in references):.3f} | "
              f"{statistics.median(r['seconds'] / r['knox_on_sample_seconds'] for r in references):.0f}× | "
              f"{'yes' if all(r['tables_equal'] for r in references) else 'NO'} | {len(ratios)} |", flush=True)
        rows.append({"measurements": measurements, "references": references, "ratios": ratios})
    print()
    return rows


def emerging(sizes: list[int]) -> list[dict]:
    print("## Emerging hot spots (weekly steps over two years, the scale of places)\n")
    print("Reference: the hotspot core (`hotspots`, the same defaults) on the incidents of one week, the last "
          "whole one. Ratio = the emerging analysis's seconds / the reference's mean seconds in the runs "
          "just before and after it: the cost of the whole cube in one-step analyses.\n")
    print("| incidents | cells | steps | bins | emerging s | ratio to one step | peak RSS MB | baseline MB | "
          "one week: incidents | one week s | rounds |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for size in sizes:
        measurements, references, ratios = interleaved(
            rounds_for(size), lambda size=size: run_child("emerging", size),
            lambda size=size: run_child("one_week", size))
        main = min(measurements, key=lambda m: m["seconds"])
        print(f"| {size:,} | {main['cells']:,} | {main['steps']} | {main['bins']:,} | {main['seconds']:.2f} | "
              f"{statistics.median(ratios):.0f}× | {max(m['peak_mb'] for m in measurements):.0f} | "
              f"{main['baseline_mb']:.0f} | {references[0]['week_incidents']:,} | "
              f"{statistics.median(r['seconds'] for r in references):.3f} | {len(ratios)} |", flush=True)
        rows.append({"measurements": measurements, "references": references, "ratios": ratios})
    print()
    return rows


def sizes(name: str, default: str) -> list[int]:
    return [int(s) for s in os.environ.get(name, default).split(",") if s.strip()]


def main() -> int:
    machine = {"cores": os.cpu_count(), "load_before": os.getloadavg()[0],
               "started": time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime())}
    results = {"machine": machine,
               "near_repeat": near_repeat(sizes("BENCH_NR_SIZES", "10000,100000"),
                                          float(os.environ.get("BENCH_NR_BUDGET", "900"))),
               "emerging": emerging(sizes("BENCH_EHS_SIZES", "1000000"))}
    machine["load_after"] = os.getloadavg()[0]
    print(f"Load average (1 min) before: {machine['load_before']:.1f}, after: {machine['load_after']:.1f}; "
          f"{machine['cores']} cores shared with other work.\n")
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind, arguments = sys.argv[2], [float(a) if "." in a else int(a) for a in sys.argv[3:]]
        print(json.dumps(CHILDREN[kind](*arguments)))
        raise SystemExit(0)
    raise SystemExit(main())
