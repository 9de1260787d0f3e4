"""What the user waits for at 10 thousand, 100 thousand and a million
incidents, each beside its floor measured in the same run (issue 19):

- read: ``Store.arrays`` (points, category, time) against OGR's Arrow stream
  of the same columns (``GetArrowStreamAsNumPy``, fid kept);
- summary: the dock's summary (``situation.summary``) with an area, since
  1 January, against OGR's Arrow stream of the three periods' points and
  categories plus NumPy's point-in-polygon;
- comparison: ``compare_in_store`` by area against the Arrow stream of the two
  periods plus the point-in-polygon test of every area;
- hotspots: ``lagesbild:hotspots`` with its defaults through the real
  ``qgis_process.bin`` (the process's whole wall time) against a floor script
  in its own process: the Arrow read, the same core (``hotspots``), and the
  cells written through OGR's GeoPackage driver in one transaction from WKB
  built in NumPy;
- startup: what every ``qgis_process`` run costs before its algorithm
  starts (``help lagesbild:hotspots``: QGIS, Processing and the plugin
  loaded, nothing run) against ``help native:centroids`` with no plugin in
  the profile: the plugin's own share of the start-up. The hotspot run less
  this start-up is what the algorithm costs, against the floor script;
- report: ``lagesbild:situationreport`` with its defaults (one page, the last
  28 days against the same dates last year) through ``qgis_process.bin`` (the
  process's whole wall time) against the very same run on the same
  municipality (areas, measures, settings) with no incidents: a copy of the
  smallest store with its incidents deleted. The floor is all the report does
  whatever the incidents (qgis_process's start-up, the template, the layout's
  export); the difference is what the incidents cost.

Every measurement runs in a process of its own, plugin and floor
interleaved (the machine is shared); its peak resident memory is the
process's (``wait4``), not tracemalloc's. Python's compiled bytecode is
kept (in the bench folder, ``PYTHONPYCACHEPREFIX``, even where the caller
says PYTHONDONTWRITEBYTECODE), as a user's QGIS keeps it after its first
run, and each case runs once untimed before its rounds: else every
qgis_process run compiles the plugin and QGIS's Processing anew (about
0.6 s here). Ratio = median of the paired
runs' ratios. Sizes: BENCH_FAST_SIZES (default "10000,100000,1000000"),
rounds BENCH_FAST_ROUNDS (default 3; the hotspot run at a million, 2), stores kept in
BENCH_FAST_DIR (default a temporary folder). Prints Markdown and writes
bench/results-fast.json."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TODAY = date(2026, 6, 15)
SINCE = date(2026, 1, 1)
QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
CASES = ("read", "summary", "comparison", "startup", "hotspots", "report")
FLOORS = {
    "read": "OGR Arrow stream of fid, geom, category, occurred_from",
    "summary": "OGR Arrow stream of the 3 periods + NumPy point-in-polygon",
    "comparison": "OGR Arrow stream of the 2 periods + NumPy point-in-polygon per area",
    "hotspots": "floor script: Arrow read, the same core, OGR write of WKB in one transaction",
    "report": "the same qgis_process run on the same municipality with no incidents",
    "startup": "qgis_process help native:centroids, without the plugin",
}
TITLES = {
    "read": "reading points, category, time into NumPy",
    "summary": "the dock's summary with an area, since 1 January",
    "comparison": "period comparison by area",
    "hotspots": "lagesbild:hotspots through qgis_process, defaults",
    "report": "lagesbild:situationreport through qgis_process, one page",
    "startup": "qgis_process start-up: help lagesbild:hotspots (QGIS, Processing, the plugin; nothing run)",
}


# --- the measured work, each run in its own process ---------------------------------

def _arrow(path: str, where: str | None, fields: tuple[str, ...]) -> dict:
    import numpy as np
    from osgeo import gdal

    dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
    layer = dataset.GetLayerByName("incidents")
    layer.SetIgnoredFields([f.GetName() for f in layer.schema if f.GetName() not in fields])
    if where:
        layer.SetAttributeFilter(where)
    batches = list(layer.GetArrowStreamAsNumPy())
    result = {}
    for key in ("fid", "geom") + fields:
        parts = [b[key] for b in batches if key in b]
        result[key] = np.concatenate(parts) if parts else np.zeros(0)
    points = np.frombuffer(result["geom"].tobytes(), dtype=[("h", "V5"), ("x", "<f8"), ("y", "<f8")])
    result["x"], result["y"] = points["x"], points["y"]
    return result


def _period_where(period, tz) -> str:
    from lagesbild.core.domain.timeutil import sql_bound

    low, high = period.utc_bounds(tz)
    return f"occurred_from >= '{sql_bound(low)}' AND occurred_from < '{sql_bound(high)}'"


def _summary_periods():
    from lagesbild.core.domain.periods import previous_period, same_period_last_year
    from lagesbild.core.domain.timeutil import Period

    period = Period(SINCE, TODAY)
    return period, previous_period(period), same_period_last_year(period)


def work(case: str, side: str, path: str, out: str) -> float:
    """Seconds of the case's work (imports and opening excluded, except for
    hotspots, which is the whole process)."""
    from zoneinfo import ZoneInfo

    import numpy as np

    from lagesbild.core.domain.geometry import points_in_polygon
    from lagesbild.core.store import Store, StoreLocation

    with Store.open(StoreLocation.parse(path), read_only=True) as store:
        tz, areas = ZoneInfo(store.time_zone), store.areas()
        start = time.perf_counter()
        if case == "read" and side == "plugin":
            store.arrays(columns=("category", "occurred_from"))
        elif case == "read":
            _arrow(path, None, ("category", "occurred_from"))
        elif case == "summary" and side == "plugin":
            from lagesbild.core.presentation import situation

            state = situation.FilterState(area=areas[0].name, preset="custom", custom=_summary_periods()[0])
            situation.summary(store, state, TODAY)
        elif case == "summary":
            for number, period in enumerate(_summary_periods()):
                data = _arrow(path, _period_where(period, tz), ("category",) if number == 0 else ())
                inside = points_in_polygon(data["x"], data["y"], areas[0].geometry)
                if number == 0:
                    np.unique(data["category"][inside], return_counts=True)
        elif case == "comparison" and side == "plugin":
            from lagesbild.core.store.comparison import compare_in_store

            compare_in_store(store, "area", *_comparison_periods())
        elif case == "comparison":
            for period in _comparison_periods():
                data = _arrow(path, _period_where(period, tz), ())
                for area in areas:
                    points_in_polygon(data["x"], data["y"], area.geometry).sum()
        return time.perf_counter() - start


def _comparison_periods():
    from lagesbild.core.domain.timeutil import Period

    return Period(date(2025, 1, 1), date(2025, 6, 14)), Period(date(2026, 1, 1), date(2026, 6, 14))


def hotspot_floor(path: str, out: str) -> None:
    """Read, core, write: the least the hotspot run must do, with GDAL 3.6."""
    import numpy as np
    from osgeo import ogr, osr

    from lagesbild.core.domain.analysis.hotspots import hotspots
    from lagesbild.core.domain.analysis.scale import SCALES

    ogr.UseExceptions()
    data = _arrow(path, None, ())
    result = hotspots(data["x"], data["y"], "square", 0.0, 0.0, None, scale=SCALES[0])
    rings = result.grid.rings()
    count, points = rings.shape[:2]
    records = np.zeros(count, dtype=[("o", "u1"), ("t", "<u4"), ("r", "<u4"), ("n", "<u4"), ("xy", "<f8", (points, 2))])
    records["o"], records["t"], records["r"], records["n"], records["xy"] = 1, 3, 1, points, rings
    raw, size = records.tobytes(), records.dtype.itemsize
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3006)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(out)
    layer = dataset.CreateLayer("hotspots", srs, ogr.wkbPolygon)
    for name, kind in (("count", ogr.OFTInteger), ("gi_z", ogr.OFTReal), ("gi_p", ogr.OFTReal),
                       ("gi_bin", ogr.OFTInteger), ("label", ogr.OFTString)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    definition = layer.GetLayerDefn()
    columns = [result.counts.tolist(), result.z.tolist(), result.p.tolist(), result.bins.tolist()]
    columns.append([str(b) for b in columns[3]])
    dataset.StartTransaction()
    for i, values in enumerate(zip(*columns)):
        feature = ogr.Feature(definition)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(raw[i * size:(i + 1) * size]))
        for field, value in enumerate(values):
            feature.SetField(field, value)
        layer.CreateFeature(feature)
    dataset.CommitTransaction()
    dataset = None


# --- the runner ------------------------------------------------------------------

def measured(command: list[str], env: dict) -> tuple[float, float, str]:
    """(wall seconds, peak resident MB, stdout) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stdout = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{stdout[-2000:]}")
    return wall, usage.ru_maxrss / 1024, stdout


def python_env(folder: Path) -> dict:
    """The environment of every measured process: bytecode kept, as a user's QGIS keeps it."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def qgis_env(folder: Path) -> dict:
    runtime, profile, plugins = folder / "xdg", folder / "profile", folder / "plugins"
    for made in (runtime, profile, plugins):
        made.mkdir(exist_ok=True, mode=0o700)
    if not (plugins / "lagesbild").exists():
        (plugins / "lagesbild").symlink_to(ROOT, target_is_directory=True)
    env = {**python_env(folder), "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime),
           "QGIS_CUSTOM_CONFIG_PATH": str(profile), "QGIS_PLUGINPATH": str(plugins)}
    env.pop("PYTHONPATH", None)
    # exits with 1 when the plugin is enabled already
    subprocess.run([QGIS_PROCESS, "plugins", "enable", "lagesbild"], env=env, capture_output=True)
    return env


def bare_env(folder: Path) -> dict:
    """qgis_process's environment with a profile and plugin folder of its
    own that hold no plugin: QGIS and Processing alone."""
    bare = folder / "bare"
    for made in (bare / "xdg", bare / "profile", bare / "plugins"):
        made.mkdir(parents=True, exist_ok=True, mode=0o700)
    env = {**python_env(folder), "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(bare / "xdg"),
           "QGIS_CUSTOM_CONFIG_PATH": str(bare / "profile"), "QGIS_PLUGINPATH": str(bare / "plugins")}
    env.pop("PYTHONPATH", None)
    return env


def empty_store(folder: Path) -> Path:
    """The demo municipality (areas, measures, settings) with no incidents:
    the smallest demo store copied, its incidents deleted (the report's floor)."""
    import sqlite3

    empty = folder / "demo-empty.gpkg"
    if not empty.exists():
        template = min(folder.glob("demo-[0-9]*.gpkg"), key=lambda path: path.stat().st_size)
        shutil.copyfile(template, folder / "demo-empty.tmp")
        with sqlite3.connect(folder / "demo-empty.tmp") as connection:
            connection.execute("DELETE FROM incidents")
        sqlite3.connect(folder / "demo-empty.tmp").execute("VACUUM")
        (folder / "demo-empty.tmp").rename(empty)
    return empty


def one_run(case: str, side: str, store: Path, folder: Path, env: dict, qenv: dict) -> tuple[float, float]:
    out = folder / f"out-{side}.gpkg"
    out.unlink(missing_ok=True)
    if case == "report":
        pdf = folder / f"out-{side}.pdf"
        pdf.unlink(missing_ok=True)
        source = store if side == "plugin" else empty_store(folder)
        wall, peak, _ = measured([QGIS_PROCESS, "--json", "run", "lagesbild:situationreport", "--",
                                  f"STORE={source}", f"OUTPUT_PDF={pdf}"], qenv)
        return wall, peak
    if case == "startup":  # what every qgis_process run costs before its algorithm starts
        command = ["help", "lagesbild:hotspots"] if side == "plugin" else ["help", "native:centroids"]
        wall, peak, _ = measured([QGIS_PROCESS, "--json", *command], qenv if side == "plugin" else bare_env(folder))
        return wall, peak
    if case == "hotspots" and side == "plugin":
        wall, peak, _ = measured([QGIS_PROCESS, "--json", "run", "lagesbild:hotspots", "--",
                                  f"INPUT={store}|layername=incidents", f"OUTPUT={out}"], qenv)
        return wall, peak
    wall, peak, stdout = measured([sys.executable, __file__, "--work", case, side, str(store), str(out)], env)
    return (wall if case == "hotspots" else float(stdout.strip().splitlines()[-1])), peak


def main() -> int:
    sizes = [int(s) for s in os.environ.get("BENCH_FAST_SIZES", "10000,100000,1000000").split(",")]
    rounds = int(os.environ.get("BENCH_FAST_ROUNDS", "3"))
    cases = os.environ.get("BENCH_FAST_CASES", ",".join(CASES)).split(",")
    keep = os.environ.get("BENCH_FAST_DIR")
    folder = Path(keep or tempfile.mkdtemp(prefix="bench-fast-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = python_env(folder)
    qenv = qgis_env(folder) if {"hotspots", "report", "startup"} & set(cases) else env
    load = os.getloadavg()[0]
    rows, warmed = [], set()
    print(f"## Fast at a million incidents: the user's wait against the floor (issue 19)\n\n"
          f"Run {time.strftime('%Y-%m-%d %H:%MZ', time.gmtime())}, load average before it {load:.1f}. "
          "Every figure from a process of its own, plugin and floor interleaved; medians; ratio = median of the "
          "paired runs' ratios; peak = the process's peak resident memory.\n")
    print("| incidents | what the user waits for | plugin s | floor s | ratio | plugin peak MB | floor peak MB "
          "| floor |")
    print("|---:|---|---:|---:|---:|---:|---:|---|")
    try:
        for size in sizes:
            store = folder / f"demo-{size}.gpkg"
            if not store.exists():  # in a process of its own: a child's peak counts its parent's from before exec
                subprocess.run([sys.executable, "-c", "import sys; from datetime import date; "
                                "from lagesbild.core.store.demo_store import build_demo_store; "
                                "build_demo_store(sys.argv[1], int(sys.argv[2]), 1, date.fromisoformat(sys.argv[3]))",
                                str(store), str(size), TODAY.isoformat()], env=env, check=True)
            for case in cases:
                if case == "startup" and size != sizes[-1]:
                    continue  # no store is read: once, beside the largest
                if case not in warmed:  # bytecode compiled, files in the page cache: not timed
                    one_run(case, "plugin", store, folder, env, qenv)
                    one_run(case, "floor", store, folder, env, qenv)
                    warmed.add(case)
                pairs = []
                for _ in range(min(rounds, 2) if case == "hotspots" and size >= 1_000_000 else rounds):
                    plugin = one_run(case, "plugin", store, folder, env, qenv)
                    floor = one_run(case, "floor", store, folder, env, qenv)
                    pairs.append((plugin, floor))
                plugin_s = statistics.median(p[0][0] for p in pairs)
                floor_s = statistics.median(p[1][0] for p in pairs)
                ratio = statistics.median(p[0][0] / p[1][0] for p in pairs)
                row = {"incidents": size, "case": case, "plugin_s": round(plugin_s, 3), "floor_s": round(floor_s, 3),
                       "ratio": round(ratio, 2), "plugin_peak_mb": round(max(p[0][1] for p in pairs)),
                       "floor_peak_mb": round(max(p[1][1] for p in pairs)), "floor": FLOORS[case],
                       "runs": [[round(p[0][0], 3), round(p[1][0], 3)] for p in pairs]}
                rows.append(row)
                print(f"| {size:,} | {TITLES[case]} | {plugin_s:.3f} | {floor_s:.3f} | {ratio:.2f}× | "
                      f"{row['plugin_peak_mb']} | {row['floor_peak_mb']} | {FLOORS[case]} |", flush=True)
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    load_after = os.getloadavg()[0]
    (HERE / "results-fast.json").write_text(json.dumps(
        {"run": time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime()), "load_before": round(load, 1),
         "load_after": round(load_after, 1), "rows": rows}, indent=1) + "\n", encoding="utf-8")
    print(f"\nLoad average after it {load_after:.1f}.\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--work":
        case, side, path, out = sys.argv[2:6]
        if case == "hotspots":
            hotspot_floor(path, out)
        else:
            print(work(case, side, path, out))
        sys.exit(0)
    sys.exit(main())
