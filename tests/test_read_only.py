"""Readers change nothing: every read-only use of a store (the analyses and
the report through qgis_process, the dock's summary) leaves the file byte for
byte as it was, in its own journal mode (never WAL: unsafe on the network
shares where a municipality's shared store lives)."""

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from lagesbild.core.store.demo_store import build_demo_store

TODAY = date(2026, 6, 15)


def state(path: Path) -> tuple[str, str, list[str]]:
    """The file's sha256, its journal mode (read without writing: the header's
    read and write version bytes say WAL as 2, rollback as 1) and the files
    beside it (a -wal or -shm left behind)."""
    data = path.read_bytes()
    mode = "wal" if data[18:20] == b"\x02\x02" else "rollback"
    beside = sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))
    return hashlib.sha256(data).hexdigest(), mode, beside


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = build_demo_store(tmp_path_factory.mktemp("read-only") / "demo.gpkg", 3000, 2, TODAY)
    with sqlite3.connect(path) as connection:  # a store as the plugin leaves it: not WAL
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    return path


ANALYSES = [
    ("lagesbild:hotspots", {"GRID": 0}, ".gpkg"),
    ("lagesbild:density", {}, ".tif"),
    ("lagesbild:timeprofile", {}, ".gpkg"),
    ("lagesbild:periodcomparison", {"PERIOD_B_START": "2026-01-01", "PERIOD_B_END": "2026-05-31"}, ".gpkg"),
]


@pytest.mark.parametrize("algorithm,params,suffix", ANALYSES)
def test_an_analysis_leaves_its_store_byte_identical(qgis_process_run, demo_store, tmp_path, algorithm, params,
                                                     suffix):
    before = state(demo_store)
    qgis_process_run(algorithm, {"INPUT": f"{demo_store}|layername=incidents", **params,
                                 "OUTPUT": tmp_path / f"out{suffix}"})
    assert state(demo_store) == before


def test_the_measure_follow_up_leaves_its_store_byte_identical_when_not_writing(qgis_process_run, demo_store,
                                                                                tmp_path):
    before = state(demo_store)
    qgis_process_run("lagesbild:measurefollowup", {
        "INPUT": f"{demo_store}|layername=incidents", "TARGET": f"{demo_store}|layername=measures|subset=fid = 1",
        "OUTPUT": tmp_path / "fu.gpkg"})
    assert state(demo_store) == before


@pytest.mark.parametrize("atlas", [False, True])
def test_the_situation_report_leaves_its_store_byte_identical(qgis_process_run, demo_store, tmp_path, atlas):
    before = state(demo_store)
    result = qgis_process_run("lagesbild:situationreport", {
        "STORE": demo_store, "PERIOD_START": "2026-05-01", "PERIOD_END": "2026-05-28", "ATLAS_BY_AREA": atlas,
        "OUTPUT_PDF": tmp_path / "report.pdf"})
    assert result["results"]["PAGES"] >= 1
    assert state(demo_store) == before


def test_a_read_only_store_writes_nothing_and_says_so(demo_store):
    from store_helpers import incident

    from lagesbild.core.store import Store, StoreError

    before = state(demo_store)
    with Store.open(demo_store, read_only=True) as store:
        assert store.count() > 0
        with pytest.raises(StoreError) as refused:
            store.add_incident(incident(geometry=(620_000.0, 6_650_000.0)))
        assert "sqlite3" not in str(refused.value) and "nothing was written" in str(refused.value)
    assert state(demo_store) == before


def test_the_summary_reads_without_writing(demo_store, capsys):
    from lagesbild.core.presentation import summary

    before = state(demo_store)
    assert summary.main([str(demo_store), "--today", TODAY.isoformat()]) == 0
    assert capsys.readouterr().out.strip()
    assert state(demo_store) == before


def test_the_dock_filters_and_sums_up_without_writing(qgis_iface, demo_store):
    from qgis.core import QgsProject

    from lagesbild.core.presentation import layers
    from lagesbild.ui.situation_dock import SituationDock

    before = state(demo_store)
    project = QgsProject.instance()
    project.clear()
    dock = SituationDock(qgis_iface)
    try:
        dock.open_store(str(demo_store))
        dock.apply_filter()
        assert dock.summary_label.text()
        dock.load_layers()  # QGIS's own layers of the store, filtered and drawn
        dock.apply_filter()
        (shown,) = layers.store_layers(project, demo_store)
        assert shown.subsetString() and sum(1 for _ in shown.getFeatures()) >= 0
        dock.clear_filter()
    finally:
        dock.unload()
        project.clear()
    assert state(demo_store) == before


def test_the_report_draws_the_areas_from_the_store_not_from_the_file(demo_store):
    from lagesbild.core.presentation.report_map import area_layer
    from lagesbild.core.store import Store

    with Store.open(demo_store, read_only=True) as store:
        layer = area_layer(store)
        expected = sorted((a.name, a.kind) for a in store.areas())
    assert layer.providerType() == "memory"  # QGIS never opens the file for the report
    assert sorted((f["name"], f["kind"]) for f in layer.getFeatures()) == expected and expected
