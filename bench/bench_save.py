"""Benchmark of saving one incident the way the incident form does
(``Store.add_incident``: validation, one transaction, triggers, the history
and the spatial index, then reading the stored incident back), with 10 000,
100 000 and 1 000 000 incidents already in the GeoPackage.

Sizes: BENCH_SIZES (default "10000,100000,1000000"); saves per size:
BENCH_SAVES (default 300). Prints a Markdown table; target: p99 < 50 ms at
1 000 000 incidents. A second run of the same saves without fsync
(``PRAGMA synchronous = OFF``, a diagnostic only) shows how much of the
latency is the disk flushing the commit."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from lagesbild.core.store import Store
from lagesbild.core.store.demo_store import build_demo_store

TODAY = date(2026, 6, 15)
TARGET_P99_MS = 50.0


def form_values(i: int, rng: np.random.Generator) -> dict:
    """What the form hands to the store for one report."""
    start = datetime(2026, 6, 14, 22, 0, tzinfo=timezone.utc) - timedelta(minutes=int(i))
    return {
        "category": "vandalism",
        "subcategory": None,
        "occurred_from": start,
        "occurred_to": start + timedelta(hours=8),
        "place_name": "Storgatan 12",
        "description": "Krossad ruta i cykelrummet",
        "reporting_org": "housing",
        "police_reported": bool(i % 2),
        "police_report_ref": "5000-K123456-25" if i % 2 else None,
        "estimated_cost_sek": 2500.0,
        "geometry": (616_000 + float(rng.uniform(0, 8000)), 6_647_000 + float(rng.uniform(0, 6000))),
    }


def measure(path: Path, saves: int, synchronous: str | None = None) -> np.ndarray:
    """Latencies in ms; ``synchronous="OFF"`` is the diagnostic reference:
    the same saves without waiting for the disk to flush (never in use)."""
    rng = np.random.default_rng(7)
    latencies = []
    with Store.open(path) as store:
        if synchronous:
            store._db.execute(f"PRAGMA synchronous = {synchronous}")
        for i in range(saves):
            values = form_values(i, rng)
            start = time.perf_counter()
            store.add_incident(values)
            latencies.append(time.perf_counter() - start)
    return np.asarray(latencies) * 1000.0


def main() -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000,1000000").split(",")]
    saves = int(os.environ.get("BENCH_SAVES", "300"))
    print("## Saving one incident (the incident form's path, `Store.add_incident`)\n")
    print(f"| incidents in the store | saves | median ms | p99 ms | max ms | p99 < {TARGET_P99_MS:.0f} ms "
          "| without fsync (reference): median, p99 ms |")
    print("|---:|---:|---:|---:|---:|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = build_demo_store(Path(folder) / f"save-{size}.gpkg", size, 1, TODAY)
            ms = measure(path, saves)
            p50, p99 = np.percentile(ms, [50, 99])
            ok = "yes" if p99 < TARGET_P99_MS else "no"
            reference = np.percentile(measure(path, saves, synchronous="OFF"), [50, 99])
            print(f"| {size:,} | {saves} | {p50:.2f} | {p99:.2f} | {ms.max():.2f} | {ok} "
                  f"| {reference[0]:.2f}, {reference[1]:.2f} |", flush=True)
            path.unlink()
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
