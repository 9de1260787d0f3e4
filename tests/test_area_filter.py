"""The situation picture's area filter on a store of many incidents: the
layer shows exactly what the summary counts, for any period, with a filter
whose size does not grow with the incidents; a filter the provider refuses
is said in the dock, never shown as an empty map."""

from __future__ import annotations

import random
import sqlite3

import pytest
from osgeo import ogr
from qgis.core import QgsProject
from store_helpers import store_today

from lagesbild.core.presentation import layers, situation
from lagesbild.core.presentation.situation import FilterState
from lagesbild.core.store import Store, sqlfilter
from lagesbild.core.store.backends import gpkg
from lagesbild.core.store.demo_store import build_demo_store
from lagesbild.core.store.records import IncidentFilter

SIZE = 30_000


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("area") / "big.gpkg", SIZE, 11, store_today())


def shown_fids(layer) -> set[int]:
    return {feature.id() for feature in layer.getFeatures()}


def inside_by_geos(store: Store, area_name: str, incident_filter: IncidentFilter) -> set[int]:
    """The fids inside the area by GEOS (OGR's Contains), not the store's code."""
    area = next(a.geometry for a in store.areas() if a.name == area_name)
    data = store.arrays(IncidentFilter(period=incident_filter.period, categories=incident_filter.categories), ())
    found = set()
    for fid, x, y in zip(data["fid"].tolist(), data["x"].tolist(), data["y"].tolist()):
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        if area.Contains(point):
            found.add(fid)
    return found


@pytest.fixture(params=["spatialite", "even-odd"])
def area_sql(request, monkeypatch):
    """Both ways a GeoPackage's provider filter decides an area."""
    if request.param == "even-odd":
        monkeypatch.setattr(gpkg, "has_spatial_sql", lambda location: False)
    elif not gpkg.has_spatial_sql(gpkg.StoreLocation.parse(request.getfixturevalue("big_store"))):
        pytest.skip("this GDAL has no SpatiaLite")
    return request.param


@pytest.mark.parametrize("preset", [situation.SINCE_1_JANUARY, situation.LAST_14_DAYS])
def test_area_filter_shows_what_the_summary_counts(big_store, area_sql, preset):
    project = QgsProject()
    layer = layers.load_store(big_store, project, "en").incidents
    today = store_today()
    with Store.open(big_store) as store:
        names = [area.name for area in store.areas()]
        lengths = []
        for name in names:
            state = FilterState(preset=preset, area=name)
            subset = situation.subset_string(store, state, today)
            summary = situation.summary(store, state, today)
            fids = set(store.arrays(state.incident_filter(today), ())["fid"].tolist())
            assert layers.apply_filter(layer, subset) == ""
            assert shown_fids(layer) == fids and len(fids) == summary.total
            lengths.append(len(subset))
        # an independent check of the areas' contents, for two of them
        for name in names[:2]:
            incident_filter = FilterState(preset=preset, area=name).incident_filter(today)
            assert set(store.arrays(incident_filter, ())["fid"].tolist()) == inside_by_geos(
                store, name, incident_filter)
        whole_year = store.count(FilterState(preset=situation.SINCE_1_JANUARY).incident_filter(today))
    assert whole_year > 2000
    # the filter names the area, never its incidents: a few hundred characters
    assert max(lengths) < (4000 if area_sql == "even-odd" else 1000)


def test_area_filter_with_other_restrictions_and_an_unknown_name(big_store, area_sql):
    project = QgsProject()
    layer = layers.load_store(big_store, project, "en").incidents
    today = store_today()
    with Store.open(big_store) as store:
        name = store.areas()[0].name
        state = FilterState(preset=situation.SINCE_1_JANUARY, area=name, categories=("vandalism", "fire"),
                            statuses=("new",))
        assert layers.apply_filter(layer, situation.subset_string(store, state, today)) == ""
        assert shown_fids(layer) == set(store.arrays(state.incident_filter(today), ())["fid"].tolist())
        assert 0 < len(shown_fids(layer)) == situation.summary(store, state, today).total


def test_exact_numbers_reach_sqlite_unchanged():
    # SQLite 3.40 rounds some 17-digit decimals differently; these never
    rng = random.Random(3)
    values = [rng.uniform(-1e7, 1e7) for _ in range(3000)] + [rng.uniform(0, 1e-3) for _ in range(500)] + [
        620_000.0, -0.0, 1e-300, 6_650_123.456789]
    connection = sqlite3.connect(":memory:")
    for start in range(0, len(values), 400):
        chunk = values[start:start + 400]
        got = connection.execute("SELECT " + ", ".join(sqlfilter.exact_number(v) for v in chunk)).fetchone()
        assert list(got) == chunk


def test_a_refused_filter_is_said_not_shown_as_an_empty_map(qgis_iface, big_store, monkeypatch):
    from lagesbild.ui.situation_dock import SituationDock

    project = QgsProject.instance()
    project.clear()
    dock = SituationDock(qgis_iface)
    try:
        dock.open_store(str(big_store))
        dock.load_layers()
        layer = layers.store_layers(project, big_store)[0]
        before = layer.subsetString()
        shown_before = shown_fids(layer)
        assert shown_before
        # what SQLite refuses, as the fid lists of old did at a million incidents
        refused = "fid IN (SELECT fid FROM no_such_table)"
        monkeypatch.setattr(situation, "subset_string", lambda store, state, today: refused)
        dock.apply_filter()
        text = dock.summary_label.text()
        assert "cannot show this filter" in text and layer.name() in text
        assert layer.subsetString() == before and shown_fids(layer) == shown_before
        assert text.splitlines()[1].split()[0].isdigit()  # the numbers are still given
        deep = " OR ".join(f"fid = {i}" for i in range(3000))  # "Expression tree is too large"
        assert "cannot show" in layers.apply_filter(layer, deep)
        assert layer.subsetString() == before
    finally:
        dock.unload()
        project.clear()
