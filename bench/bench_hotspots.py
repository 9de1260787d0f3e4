"""Benchmark of the hotspot core (``core.analysis.hotspots``) on the demo
municipality, against PySAL's ``esda.G_Local(star=True)`` on the same grid.

For each size (BENCH_SIZES, default "10000,100000,1000000" incidents of all
categories) and grid shape, with fixed parameters (cell sizes chosen so that
1M incidents go into about 160,000 cells over the 8 × 6 km town; band 3.5
cells): the median of BENCH_RUNS (default 5) end-to-end runs of ``hotspots()``
(grid, counting, Gi*, p-values, FDR bins) and its peak traced memory
(tracemalloc, NumPy's buffers included). The reference is ``esda.G_Local`` with
``libpysal.weights.DistanceBand(binary=True)`` (the same band, the same
tolerance), ``transform="B"``, ``permutations=0``, run in a subprocess of the
benchmark's own environment ``build/bench/venv`` (made here when missing:
``python3 -m venv --system-site-packages`` and ``pip install esda libpysal
"numpy<2"``); the z values must agree to 1e-6. Without that environment the
comparison falls back to a dense NumPy reference at the sizes it can hold.

Prints a Markdown table; writes ``bench/results-hotspots.json``."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date, datetime, timezone
from pathlib import Path

import numpy as np

from lagesbild.core.domain import demo
from lagesbild.core.domain.analysis.hotspots import hotspots

TODAY = date(2026, 6, 15)
ROOT = Path(__file__).resolve().parent.parent
BENCH_VENV = ROOT / "build" / "bench" / "venv"
JSON_PATH = Path(__file__).resolve().parent / "results-hotspots.json"
# cell sizes (m): ~5,000, ~30,000 and ~160,000 cells over the 48 km² town
CELL_SIZE = {10_000: 100.0, 100_000: 40.0, 1_000_000: 17.3}
HEXAGON_FACTOR = 1.0746  # a hexagon of spacing 1.0746·s has the area of an s × s square
BAND_CELLS = 3.5
TOLERANCE = 1e-6

ESDA_SCRIPT = r"""
import sys, time, json
import numpy as np
from libpysal.weights import DistanceBand
from esda.getisord import G_Local
data = np.load(sys.argv[1])
started = time.perf_counter()
w = DistanceBand(data["centres"], threshold=float(data["band"]) * (1 + 1e-9), binary=True, silence_warnings=True)
weights_seconds = time.perf_counter() - started
started = time.perf_counter()
g = G_Local(data["counts"].astype(float), w, transform="B", permutations=0, star=True)
g_seconds = time.perf_counter() - started
np.save(sys.argv[2], np.asarray(g.Zs, dtype=float))
import resource
print(json.dumps({"weights_seconds": weights_seconds, "g_local_seconds": g_seconds,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def bench_python() -> Path | None:
    """The benchmark environment's Python with esda, made when missing; None if it cannot be."""
    python = BENCH_VENV / "bin" / "python"
    check = [str(python), "-c", "import esda, libpysal"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    try:
        subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", str(BENCH_VENV)], check=True)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "esda",
                "libpysal",
                "numpy<2",
            ],
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"(no esda: {error})", file=sys.stderr)
        return None
    return python if subprocess.run(check, capture_output=True).returncode == 0 else None


def esda_reference(python: Path, centres, counts, band, folder: Path) -> dict:
    data, result = folder / "grid.npz", folder / "zs.npy"
    np.savez(data, centres=centres, counts=counts, band=band)
    out = subprocess.run(
        [str(python), "-c", ESDA_SCRIPT, str(data), str(result)], capture_output=True, text=True, check=True
    )
    measured = json.loads(out.stdout.strip().splitlines()[-1])
    measured["z"] = np.load(result)
    return measured


def dense_reference(centres, counts, band) -> dict:
    """Gi* from a dense n × n weights matrix (only for a few thousand cells)."""
    started = time.perf_counter()
    x = counts.astype(float)
    n = x.size
    d2 = (centres[:, None, 0] - centres[None, :, 0]) ** 2 + (centres[:, None, 1] - centres[None, :, 1]) ** 2
    w = (d2 <= (band * (1 + 1e-9)) ** 2).astype(float)
    w1 = w.sum(axis=1)
    z = (w @ x - x.mean() * w1) / (x.std() * np.sqrt((n * w1 - w1**2) / (n - 1)))
    return {"weights_seconds": 0.0, "g_local_seconds": time.perf_counter() - started, "z": z}


def machine() -> dict:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory, 1),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "system": platform.platform(),
    }


def run_core(x, y, shape, cell_size, band, runs):
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        result = hotspots(x, y, shape, cell_size=cell_size, band=band, extent=demo.TOWN_EXTENT)
        seconds.append(time.perf_counter() - started)
    tracemalloc.start()
    hotspots(x, y, shape, cell_size=cell_size, band=band, extent=demo.TOWN_EXTENT)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, statistics.median(seconds), peak / 2**20


def main() -> int:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000,1000000").split(",")]
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    python = bench_python()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            data = demo.generate(size, 1, TODAY)
            x, y = data.incidents["x"], data.incidents["y"]
            square = CELL_SIZE.get(size, 17.3 * (1_000_000 / size) ** 0.5)
            for shape, cell_size in (("square", square), ("hexagon", round(square * HEXAGON_FACTOR, 2))):
                band = BAND_CELLS * cell_size
                result, seconds, peak_mb = run_core(x, y, shape, cell_size, band, runs)
                row = {
                    "incidents": size,
                    "shape": shape,
                    "cells": len(result.grid),
                    "cell_size_m": cell_size,
                    "band_m": band,
                    "core_seconds": seconds,
                    "core_peak_mb": peak_mb,
                    "hot_99": int((result.bins == 3).sum()),
                }
                if python is not None:
                    reference = esda_reference(python, result.grid.centres, result.counts, band, Path(folder))
                    row["reference"] = "esda.G_Local(star=True), DistanceBand(binary=True)"
                elif len(result.grid) <= 6_000:
                    reference = dense_reference(result.grid.centres, result.counts, band)
                    row["reference"] = "dense NumPy weights matrix"
                else:
                    reference = None
                if reference is not None:
                    difference = float(np.max(np.abs(reference["z"] - result.z)))
                    row.update(
                        reference_weights_seconds=reference["weights_seconds"],
                        reference_seconds=reference["g_local_seconds"],
                        reference_peak_mb=reference.get("peak_rss_mb"),
                        max_z_difference=difference,
                        agree=difference <= TOLERANCE,
                        speedup=reference["g_local_seconds"] / seconds,
                    )
                rows.append(row)
                print(json.dumps({k: v for k, v in row.items()}), file=sys.stderr, flush=True)
    print("## Hotspots (Gi*)\n")
    print(
        "Fixed parameters, the core end to end (grid, counting, Gi*, p-values, FDR bins), median of "
        f"{runs} runs; peak memory traced by tracemalloc. Reference on the same grid, in its own process "
        "(peak = its resident set); speed-up = reference G_Local alone / core end to end.\n"
    )
    print(
        "| incidents | grid | cells | cell m | band m | core s | core peak MB | reference | weights s "
        "| G_Local s | ref. peak MB | speed-up | max abs z diff |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    for row in rows:
        ref = row.get("reference", "(none)")
        tail = (
            f"{row['reference_weights_seconds']:.2f} | {row['reference_seconds']:.2f} | "
            f"{row['reference_peak_mb'] or 0:.0f} | {row['speedup']:.0f}× | {row['max_z_difference']:.1e}"
            if "reference_seconds" in row
            else " | | | | "
        )
        print(
            f"| {row['incidents']:,} | {row['shape']} | {row['cells']:,} | {row['cell_size_m']:g} | "
            f"{row['band_m']:g} | {row['core_seconds']:.3f} | {row['core_peak_mb']:.0f} | {ref} | {tail} |"
        )
    print()
    JSON_PATH.write_text(
        json.dumps(
            {
                "benchmark": "hotspots",
                "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "machine": machine(),
                "runs": runs,
                "targets": {"core_seconds_1m": 2.0, "speedup": 20, "peak_mb": 2048},
                "rows": rows,
            },
            indent=2,
        )
        + "\n"
    )
    return 0 if all(row.get("agree", True) for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
