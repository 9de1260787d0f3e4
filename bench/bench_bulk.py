"""Benchmark of the validated bulk write and of an import, each against its
floor or reference, every measurement in a process of its own (its time and
its peak resident memory, ``ru_maxrss`` from ``wait4``), paired and
interleaved so that a busy machine weighs on both sides alike:

- validated bulk write: ``Store.add_incident_arrays`` of demo incidents into
  a new store (validation, personal-data guard, rows built in chunks, the
  packed R-tree, indexes and triggers restored) against its floor: the same
  rows, already encoded, inserted raw with the table's triggers and indexes
  lifted, then the indexes rebuilt and the packed R-tree written directly;
- import: ``lagesbild:importincidents``'s path (read the CSV, convert it a
  column at a time, check, de-duplicate, write: ``read_source``,
  ``import_source``) against GDAL's own ``ogr2ogr`` writing the same CSV
  into a plain GeoPackage (``-gt 65536``, types detected).

Sizes: BENCH_BULK_SIZES (default "10000,100000,1000000"); runs per size:
BENCH_BULK_RUNS (default "3,3,1"). Appends a Markdown table to stdout and
writes bench/results-bulk.json."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 6, 15)


def _columns(size: int) -> dict:
    import numpy as np

    from lagesbild.core.domain import demo
    from lagesbild.core.store.bulk import random_uuids

    columns = dict(demo.generate(size, 1, TODAY, "Europe/Stockholm").incidents)
    columns["uuid"] = np.asarray(random_uuids(size, np.random.default_rng(1)), dtype=object)
    return columns


def child_bulk(size: int, path: Path) -> float:
    from lagesbild.core.store import Store

    columns = _columns(size)
    with Store.create(path) as store:
        start = time.perf_counter()
        store.add_incident_arrays(columns)
        return time.perf_counter() - start


def child_floor(size: int, path: Path) -> float:
    """Raw inserts of rows built beforehand, the packed R-tree written directly."""
    import numpy as np

    from lagesbild.core.store import Store
    from lagesbild.core.store.backends.gpkg import rtree
    from lagesbild.core.store.bulk import incident_chunk

    columns = _columns(size)
    with Store.create(path) as store:
        now = store.backend.encode_time(datetime.now(timezone.utc))
        names, rows = incident_chunk(columns, store, 0, size, now)
        db = store._db
        start = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        saved = db.execute("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'incidents' "
                           "AND type IN ('trigger', 'index') AND sql IS NOT NULL").fetchall()
        for kind, name, _sql in saved:
            db.execute(f"DROP {kind.upper()} {name}")
        db.execute("PRAGMA cache_size = -262144")
        db.execute("PRAGMA ignore_check_constraints = ON")
        db.executemany(f"INSERT INTO incidents ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})", rows)
        for _kind, _name, sql in saved:
            db.execute(sql)
        x, y = np.asarray(columns["x"], dtype=float), np.asarray(columns["y"], dtype=float)
        rtree.write_packed(db, "rtree_incidents_geom", np.arange(1, size + 1), x, x, y, y)
        db.execute("COMMIT")
        return time.perf_counter() - start


def write_csv(size: int, path: Path) -> None:
    """Demo incidents as a municipality's spreadsheet export would hold them."""
    import numpy as np

    columns = _columns(size)
    moments = np.datetime_as_string(columns["occurred_from"].astype("datetime64[s]"), unit="m")
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("id;category;occurred_from;reporting_org;x;y;place_name\n")
        for i in range(size):
            out.write(f"{i + 1};{columns['category'][i]};{moments[i].replace('T', ' ')};"
                      f"{columns['reporting_org'][i]};{columns['x'][i]:.2f};{columns['y'][i]:.2f};"
                      f"{columns['place_name'][i]}\n")


def child_import(size: int, path: Path, csv: Path) -> float:
    from lagesbild.core.domain.importing import Mapping, read_source
    from lagesbild.core.store import Store
    from lagesbild.core.store.importing import import_source

    with Store.create(path) as store:
        start = time.perf_counter()
        result = import_source(store, read_source(csv), Mapping(fields={"id": "source_id"}))
        elapsed = time.perf_counter() - start
    if result.imported != size:
        raise SystemExit(f"imported {result.imported} of {size}: {result.refused[:3]}")
    return elapsed


def _run(command: list[str]) -> tuple[float, float]:
    """(seconds, peak resident MB) of a process of its own."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    output = process.stdout.read()
    process.stdout.close()
    if status != 0:
        raise SystemExit(f"{command} failed: {output}")
    inner = output.strip().splitlines()[-1] if output.strip() else ""
    seconds = float(inner) if inner.replace(".", "", 1).isdigit() else elapsed
    return seconds, usage.ru_maxrss / 1024


def _child(mode: str, size: int, folder: Path, csv: Path) -> tuple[float, float]:
    target = folder / f"{mode}.gpkg"
    target.unlink(missing_ok=True)
    return _run([sys.executable, __file__, mode, str(size), str(target), str(csv)])


def _ogr2ogr(folder: Path, csv: Path) -> tuple[float, float]:
    target = folder / "ogr2ogr.gpkg"
    target.unlink(missing_ok=True)
    return _run(["ogr2ogr", "-f", "GPKG", str(target), str(csv), "-nln", "incidents", "-gt", "65536",
                 "-oo", "AUTODETECT_TYPE=YES", "-oo", "X_POSSIBLE_NAMES=x",
                 "-oo", "Y_POSSIBLE_NAMES=y", "-a_srs", "EPSG:3006"])


def main() -> None:
    sizes = [int(s) for s in os.environ.get("BENCH_BULK_SIZES", "10000,100000,1000000").split(",")]
    runs = [int(r) for r in os.environ.get("BENCH_BULK_RUNS", "3,3,1").split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as scratch:
        folder = Path(scratch)
        for size, repeat in zip(sizes, runs + runs[-1:] * len(sizes)):
            csv = folder / f"incidents-{size}.csv"
            # in a process of its own: Linux counts a parent's resident set from before exec in its
            # children's peaks, so the benchmark's own process stays small
            subprocess.run([sys.executable, __file__, "csv", str(size), str(csv), str(csv)], check=True,
                           stdout=subprocess.DEVNULL)
            pairs = {"bulk": [], "import": []}
            for _ in range(repeat):
                pairs["bulk"].append((_child("bulk", size, folder, csv), _child("floor", size, folder, csv)))
                pairs["import"].append((_child("import", size, folder, csv), _ogr2ogr(folder, csv)))
            for name, pair in pairs.items():
                ratios = [own[0] / ref[0] for own, ref in pair]
                results.append({
                    "incidents": size, "step": name, "runs": repeat,
                    "seconds": statistics.median(own[0] for own, _ in pair),
                    "peak_mb": max(own[1] for own, _ in pair),
                    "reference": "floor: raw inserts, packed R-tree written directly" if name == "bulk"
                    else "ogr2ogr -gt 65536 into a plain GeoPackage",
                    "reference_seconds": statistics.median(ref[0] for _, ref in pair),
                    "reference_peak_mb": max(ref[1] for _, ref in pair),
                    "ratio": statistics.median(ratios), "ratios": ratios,
                    "rows_per_s": size / statistics.median(own[0] for own, _ in pair),
                })
            csv.unlink()
    load = os.getloadavg()[0]
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    (HERE / "results-bulk.json").write_text(json.dumps({"run": stamp, "load_average": load, "results": results},
                                                       indent=1))
    print(f"## Validated bulk write and import\n\nRun {stamp}, load average after it {load:.1f}; each step and "
          "its reference in a process of its own, interleaved; ratio = median of the paired runs' ratios; "
          "peak = the process's peak resident memory.\n")
    print("| incidents | step | runs | seconds | rows/s | peak MB | reference | reference s | ref. peak MB "
          "| ratio |\n|---:|---|---:|---:|---:|---:|---|---:|---:|---:|")
    for r in results:
        step = "validated bulk write (demo incidents)" if r["step"] == "bulk" else "import a CSV (validated)"
        print(f"| {r['incidents']:,} | {step} | {r['runs']} | {r['seconds']:.2f} | {r['rows_per_s']:,.0f} | "
              f"{r['peak_mb']:.0f} | {r['reference']} | {r['reference_seconds']:.2f} | "
              f"{r['reference_peak_mb']:.0f} | {r['ratio']:.2f}× |")
    print()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        mode, size, path, csv = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
        seconds = {"bulk": lambda: child_bulk(size, path), "floor": lambda: child_floor(size, path),
                   "import": lambda: child_import(size, path, csv),
                   "csv": lambda: write_csv(size, csv) or 0.0}[mode]()
        print(f"{seconds:.4f}")
    else:
        main()
