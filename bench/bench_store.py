"""Benchmark of the store at realistic sizes, each figure beside a reference
measured in the same run on the same data:

- writing: ``write_demo`` (validation, triggers and indexes included), timed
  alone: its fair references, each in a process of its own, are in
  ``bench_bulk.py`` (the floor of raw inserts and GDAL's own ``ogr2ogr``).
  This benchmark used to compare it with a Python loop of OGR feature writes
  run in the same process after the store's write, which measured Python and
  a crowded process rather than OGR;
- reading: ``Store.arrays`` against ``QgsVectorLayer.getFeatures()`` over the
  same file;
- counting: by category (SQL), by local hour (NumPy over zone transitions)
  and by area (point in polygon).

Sizes: BENCH_SIZES (default "100000,1000000"). Prints a Markdown table."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from lagesbild.core.domain import demo
from lagesbild.core.store import Store
from lagesbild.core.store.demo_store import write_demo

TODAY = date(2026, 6, 15)


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def qgis_reference_read(path: Path) -> int:
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    layer = QgsVectorLayer(f"{path}|layername=incidents", "incidents", "ogr")
    request = QgsFeatureRequest().setSubsetOfAttributes(["category", "occurred_from"], layer.fields())
    count = 0
    for feature in layer.getFeatures(request):
        feature.geometry().asPoint()
        feature["category"], feature["occurred_from"]
        count += 1
    return count


def run(size: int, folder: Path) -> list[tuple[str, float, str, float | None]]:
    rows = []
    seconds, data = timed(demo.generate, size, 1, TODAY)
    rows.append(("generate the demo incidents", seconds, "", None))
    store_path = folder / f"store-{size}.gpkg"
    store = Store.create(store_path)
    seconds, _ = timed(write_demo, store, data, 1)
    rows.append(("write (validated, audited, indexed)", seconds, "against its floor and ogr2ogr: bench_bulk.py",
                 None))
    seconds, arrays = timed(store.arrays)
    reference, _ = timed(qgis_reference_read, store_path)
    assert arrays["x"].size == size
    rows.append(("read points, category, time into NumPy", seconds, "QgsVectorLayer.getFeatures()", reference))
    rows.append(("count by category", timed(store.counts, "category")[0], "", None))
    rows.append(("count by local hour", timed(store.counts, "hour")[0], "", None))
    rows.append(("count by area (8 areas)", timed(store.counts, "area")[0], "", None))
    store.close()
    return rows


def main() -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "100000,1000000").split(",")]
    print("## Store\n")
    print("| incidents | step | seconds | reference | reference seconds |")
    print("|---:|---|---:|---|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            for step, seconds, reference, reference_seconds in run(size, Path(folder)):
                ref = f"{reference_seconds:.2f}" if reference_seconds is not None else ""
                print(f"| {size:,} | {step} | {seconds:.2f} | {reference} | {ref} |", flush=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
