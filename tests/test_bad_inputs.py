"""Bad Processing input ends in one clear message, a non-zero exit from the
real qgis_process.bin and the input store byte for byte as it was: no
traceback, no raw sqlite3 text, no run that analyses everything when a
FILTER could not be read, no grid that asks for terabytes."""

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from lagesbild.core.store.demo_store import build_demo_store

TODAY = date(2026, 6, 15)
INCIDENTS = "{store}|layername=incidents"


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("bad-inputs") / "demo.gpkg", 3000, 2, TODAY)


def refused(qgis_process_run, algorithm: str, params: dict, store: Path, *words: str) -> str:
    """Run ``algorithm`` expecting a refusal; the refusal's text, checked:
    a non-zero exit, each of ``words`` in it, no traceback, the store untouched."""
    before = sha256(store)
    result = qgis_process_run(algorithm, params, expect_ok=False)
    output = result["stdout"] + result["stderr"]
    assert result["returncode"] != 0
    for word in words:
        assert word in output, output[-3000:]
    assert "Traceback" not in output and "sqlite3" not in output, output[-3000:]
    assert sha256(store) == before
    return output


FILTERED = [
    ("lagesbild:hotspots", {"GRID": 0}, ".gpkg"),
    ("lagesbild:density", {}, ".tif"),
    ("lagesbild:timeprofile", {}, ".gpkg"),
    ("lagesbild:periodcomparison", {"PERIOD_B_START": "2026-01-01", "PERIOD_B_END": "2026-05-31"}, ".gpkg"),
    ("lagesbild:measurefollowup", {"TARGET": "{store}|layername=measures|subset=fid = 1"}, ".gpkg"),
]


@pytest.mark.parametrize("bad_filter", ["nonsense(((", "\"category\" = 'x'); DROP TABLE incidents; --"])
@pytest.mark.parametrize("algorithm,params,suffix", FILTERED)
def test_a_filter_that_does_not_parse_is_refused_not_ignored(qgis_process_run, demo_store, tmp_path, algorithm,
                                                               params, suffix, bad_filter):
    params = {name: value.format(store=demo_store) if isinstance(value, str) else value
              for name, value in params.items()}
    refused(qgis_process_run, algorithm, {"INPUT": INCIDENTS.format(store=demo_store), **params,
                                          "FILTER": bad_filter, "OUTPUT": tmp_path / f"out{suffix}"},
            demo_store, "the FILTER expression is not valid", "syntax error")
    assert not (tmp_path / f"out{suffix}").exists()


@pytest.mark.parametrize("params,words", [
    ({"CELL_SIZE": "1e-9"}, ("a cell size of 1e-09 m", "choose a cell size of at least")),
    ({"CELL_SIZE": "250", "DISTANCE_BAND": "1e9"}, ("a distance band of 1,000,000,000 m is wider than",)),
    ({"CELL_SIZE": "250", "DISTANCE_BAND": "1e6"}, ("a distance band of 1,000,000 m is wider than",)),
    ({"CELL_SIZE": "1", "DISTANCE_BAND": "1e9"}, ("a cell size of 1 m",)),
])
def test_grid_and_band_sizes_are_checked_before_anything_is_allocated(qgis_process_run, demo_store, tmp_path,
                                                                      params, words):
    refused(qgis_process_run, "lagesbild:hotspots", {"INPUT": INCIDENTS.format(store=demo_store), "GRID": 0,
                                                     **params, "OUTPUT": tmp_path / "hot.gpkg"},
            demo_store, *words)


def test_a_time_field_that_holds_no_times_is_refused(qgis_process_run, demo_store, tmp_path):
    refused(qgis_process_run, "lagesbild:timeprofile", {"INPUT": INCIDENTS.format(store=demo_store),
                                                        "TIME_FIELD": "description", "OUTPUT": tmp_path / "t.gpkg"},
            demo_store, "the TIME_FIELD description holds no dates and times", "occurred_from")


@pytest.mark.parametrize("algorithm,params", [
    ("lagesbild:hotspots", {"INPUT": INCIDENTS, "PERIOD_START": "9999-12-01", "PERIOD_END": "9999-12-31",
                            "OUTPUT": "{tmp}/hot.gpkg"}),
    ("lagesbild:timeprofile", {"INPUT": INCIDENTS, "PERIOD_START": "9999-12-01", "PERIOD_END": "9999-12-31",
                               "OUTPUT": "{tmp}/t.gpkg"}),
    ("lagesbild:periodcomparison", {"INPUT": INCIDENTS, "PERIOD_B_START": "9999-12-01",
                                    "PERIOD_B_END": "9999-12-31", "OUTPUT": "{tmp}/c.gpkg"}),
    ("lagesbild:situationreport", {"STORE": "{store}", "PERIOD_START": "9999-12-01", "PERIOD_END": "9999-12-31",
                                   "OUTPUT_PDF": "{tmp}/r.pdf"}),
])
def test_a_period_in_the_year_9999_is_refused_in_words(qgis_process_run, demo_store, tmp_path, algorithm, params):
    params = {name: value.format(store=demo_store, tmp=tmp_path) for name, value in params.items()}
    refused(qgis_process_run, algorithm, params, demo_store, "the day 9999-12-", "lies outside the days")


@pytest.fixture
def damaged_store(demo_store, tmp_path):
    """A copy of the demo store with 8 KiB of garbage in the middle of the file."""
    path = tmp_path / "damaged.gpkg"
    shutil.copyfile(demo_store, path)
    size = path.stat().st_size
    with path.open("r+b") as file:
        file.seek(size // 2 // 4096 * 4096)
        file.write(bytes((i * 7919 + 13) % 251 for i in range(8192)))
    return path


@pytest.mark.parametrize("algorithm,params", [
    ("lagesbild:hotspots", {"INPUT": INCIDENTS, "GRID": 0, "OUTPUT": "{tmp}/hot.gpkg"}),
    ("lagesbild:situationreport", {"STORE": "{store}", "PERIOD_START": "2026-05-01", "PERIOD_END": "2026-05-28",
                                   "OUTPUT_PDF": "{tmp}/r.pdf"}),
])
def test_a_damaged_store_is_refused_in_words(qgis_process_run, damaged_store, tmp_path, algorithm, params):
    params = {name: value.format(store=damaged_store, tmp=tmp_path) if isinstance(value, str) else value
              for name, value in params.items()}
    refused(qgis_process_run, algorithm, params, damaged_store, "is damaged", "restore the file from a backup")
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize("extent", ["", "0,0,0,0 [EPSG:3006]"])
def test_createstore_refuses_an_empty_extent(qgis_process_run, tmp_path, extent):
    result = qgis_process_run("lagesbild:createstore", {"STORE": tmp_path / "new.gpkg", "EXTENT": extent},
                              expect_ok=False)
    output = result["stdout"] + result["stderr"]
    assert result["returncode"] != 0 and "the EXTENT" in output and "is empty" in output, output[-2000:]
    assert "Traceback" not in output
    assert not (tmp_path / "new.gpkg").exists()


@pytest.mark.parametrize("algorithm,params,words", [
    ("lagesbild:density", {"PIXEL_SIZE": "1e-9", "OUTPUT": "{tmp}/d.tif"}, ("too many to compute",)),
    ("lagesbild:density", {"RADIUS": "1e9", "PIXEL_SIZE": "10", "OUTPUT": "{tmp}/d.tif"},
     ("too many to compute",)),
    ("lagesbild:periodcomparison", {"GROUP_BY": 5, "CELL_SIZE": "1", "PERIOD_B_START": "2026-01-01",
                                    "PERIOD_B_END": "2026-05-31", "OUTPUT": "{tmp}/c.gpkg"},
     ("a cell size of 1 m", "choose a cell size of at least")),
])
def test_other_sizes_are_checked_before_anything_is_allocated(qgis_process_run, demo_store, tmp_path, algorithm,
                                                              params, words):
    params = {name: value.format(tmp=tmp_path) if isinstance(value, str) else value for name, value in params.items()}
    refused(qgis_process_run, algorithm, {"INPUT": INCIDENTS.format(store=demo_store), **params}, demo_store, *words)
