"""Hot spots a coordinator can act on: on a demo store with planted problem
places, the defaults find the places (the school, the station) and not the
town; the ranked list, its PAI and districts checked by hand; the analysis per
category equals a FILTER run per category; a municipality-sized boundary runs.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest
from osgeo import gdal, ogr
from store_helpers import output_rows

from lagesbild.core.domain import demo
from lagesbild.core.domain.analysis.hotspots import hotspots
from lagesbild.core.domain.analysis.scale import MAX_AUTO_BAND_CELLS
from lagesbild.core.domain.timeutil import Period
from lagesbild.core.store import IncidentFilter, Store
from lagesbild.core.store.demo_store import build_demo_store

TODAY = date(2026, 3, 10)
LAST_28_DAYS = Period(TODAY - timedelta(days=28), TODAY - timedelta(days=1))
SEED = 7  # not the seed of `make demo`


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("places") / "demo.gpkg", 20_000, SEED, TODAY)


def period_parameters(store) -> dict:
    return {"INPUT": f"{store}|layername=incidents", "PERIOD_START": LAST_28_DAYS.start.isoformat(),
            "PERIOD_END": LAST_28_DAYS.end.isoformat()}


def districts(store) -> list[tuple[str, ogr.Geometry]]:
    """The store's districts read with GDAL, not with the plugin."""
    dataset = gdal.OpenEx(str(store), gdal.OF_VECTOR)
    layer = dataset.GetLayerByName("areas")
    layer.SetAttributeFilter("kind = 'district'")
    return [(f.GetField("name"), f.GetGeometryRef().Clone()) for f in layer]


def test_default_hot_spots_are_places_not_the_town(run, demo_store, tmp_path, feedback_log):
    log = feedback_log()
    out, top = tmp_path / "hot.gpkg", tmp_path / "top.gpkg"
    result = run("lagesbild:hotspots", {**period_parameters(demo_store), "OUTPUT": str(out),
                                        "OUTPUT_TOP": str(top)}, feedback=log)
    assert result["CELL_SIZE_USED"] == 100.0
    assert result["DISTANCE_BAND_USED"] == pytest.approx(100 * math.sqrt(2))
    cells = output_rows(out, geometry=True)
    with Store.open(demo_store) as store:
        incidents = store.count(IncidentFilter(period=LAST_28_DAYS))
    assert incidents > 300 and sum(c["count"] for c in cells) == incidents  # the study area holds every incident
    hot = [c for c in cells if c["gi_bin"] == 3]
    assert 0 < len(hot) < 0.05 * len(cells)  # cells of equal area: the share of the study area

    places = output_rows(top)
    assert [p["rank"] for p in places] == list(range(1, 11))
    for name in ("school", "station"):
        lx, ly = demo.LANDMARKS[name]
        assert min(math.dist((p["x"], p["y"]), (lx, ly)) for p in places) <= 300, name
    # each place is a cell of OUTPUT, with its count and z; its district by GDAL
    town = districts(demo_store)
    for place in places:
        point = ogr.CreateGeometryFromWkt(f"POINT ({place['x']} {place['y']})")
        (cell,) = [c for c in cells if c["_geom"].Contains(point)]
        assert (cell["count"], cell["gi_z"], cell["gi_bin"]) == (place["count"], place["gi_z"], place["gi_bin"])
        assert place["district"] == next(name for name, shape in town if shape.Contains(point))
    assert places[0]["gi_z"] == max(c["gi_z"] for c in cells)
    said = "\n".join(log.infos)
    assert "Cell size 100 m: the default at the scale of places" in said
    assert "Distance band 141.4 m: the cells around each cell (queen contiguity" in said
    assert "convex hull, widened by 3 cells" in said and "1. " in said


def test_pai_of_the_first_place_by_hand(run, demo_store, tmp_path):
    out, top = tmp_path / "hot.gpkg", tmp_path / "top.gpkg"
    run("lagesbild:hotspots", {**period_parameters(demo_store), "TOP_N": 3, "OUTPUT": str(out),
                               "OUTPUT_TOP": str(top)})
    places = output_rows(top)
    assert len(places) == 3
    first = places[0]
    with Store.open(demo_store) as store:
        data = store.arrays(IncidentFilter(period=LAST_28_DAYS), ())
    total = data["x"].size
    # the 100 m square around the centre, counted from the store's coordinates
    in_cell = int(np.count_nonzero((data["x"] >= first["x"] - 50) & (data["x"] < first["x"] + 50)
                                   & (data["y"] >= first["y"] - 50) & (data["y"] < first["y"] + 50)))
    cells = len(output_rows(out))  # the study area: this many squares of 100 m × 100 m
    assert first["count"] == in_cell
    assert first["share_pct"] == pytest.approx(100 * in_cell / total)
    assert first["pai"] == pytest.approx((in_cell / total) / (100 * 100 / (cells * 100 * 100)))


def cell_rows(path, names) -> list[dict]:
    """The fields ``names`` and the geometry (``_geom``) of each row, read by
    field index: GDAL's lookup by name costs ~50 µs a call, minutes over 49 fields."""
    dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    layer = dataset.GetLayer(0)  # only while ``dataset`` lives
    definition = layer.GetLayerDefn()
    index = {name: definition.GetFieldIndex(name) for name in names}
    assert min(index.values()) >= 0, index
    return [{"_geom": f.GetGeometryRef().Clone(), **{n: f.GetField(i) for n, i in index.items()}} for f in layer]


def test_one_run_per_category_equals_a_filter_run_per_category(run, demo_store, tmp_path, feedback_log):
    boundary = f"{demo_store}|layername=areas"  # the same study area in every run
    log = feedback_log()
    out = tmp_path / "all.gpkg"
    run("lagesbild:hotspots", {**period_parameters(demo_store), "BOUNDARY": boundary, "GROUP_BY_CATEGORY": True,
                               "OUTPUT": str(out)}, feedback=log)
    categories = ("vandalism", "theft", "other")
    together = cell_rows(out, [f"{c}_{s}" for c in categories for s in ("count", "z", "p", "bin")])
    for category in categories[:2]:
        alone = tmp_path / f"{category}.gpkg"
        run("lagesbild:hotspots", {**period_parameters(demo_store), "BOUNDARY": boundary,
                                   "FILTER": f"\"category\" = '{category}'", "OUTPUT": str(alone)})
        separate = cell_rows(alone, ("count", "gi_z", "gi_p", "gi_bin"))
        assert len(separate) == len(together)
        for mine, theirs in zip(together, separate):
            assert mine["_geom"].Equals(theirs["_geom"])
            assert (mine[f"{category}_count"], mine[f"{category}_bin"]) == (theirs["count"], theirs["gi_bin"])
            assert mine[f"{category}_z"] == pytest.approx(theirs["gi_z"], abs=1e-12)
            assert mine[f"{category}_p"] == pytest.approx(theirs["gi_p"], rel=1e-12, abs=1e-300)
    # too few for an analysis of its own: refused alone, empty fields and a warning together
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="at least 30"):
        run("lagesbild:hotspots", {**period_parameters(demo_store), "BOUNDARY": boundary,
                                   "FILTER": "\"category\" = 'other'", "OUTPUT": str(tmp_path / "other.gpkg")})
    assert all(row["other_count"] is None and row["other_bin"] is None for row in together)
    assert any(w.startswith("other: no analysis") for w in log.warnings)


def fifty_km_square() -> ogr.Geometry:
    x0, y0 = 595_000.0, 6_625_000.0  # around the demo town, a municipality of 50 × 50 km
    return ogr.CreateGeometryFromWkt(
        f"POLYGON (({x0} {y0}, {x0 + 50_000} {y0}, {x0 + 50_000} {y0 + 50_000}, {x0} {y0 + 50_000}, {x0} {y0}))")


@pytest.mark.parametrize("scale", ["places", "automatic"])
def test_a_municipal_boundary_of_50_by_50_km_runs(scale):
    data = demo.generate(20_000, SEED, TODAY)
    x, y = data.incidents["x"], data.incidents["y"]
    result = hotspots(x, y, boundary=fifty_km_square(), scale=scale)
    # 250 000 squares of 100 m: the cap on cells counts the boundary's cells, not the incidents' extent
    assert result.cell_size == 100.0 and 250_000 <= len(result.grid) <= 251_001
    assert int(result.counts.sum()) == x.size
    if scale == "automatic":
        assert result.band <= MAX_AUTO_BAND_CELLS * result.cell_size
    # the empty countryside around the town is never hot
    reach = result.band + result.cell_size
    xmin, ymin, xmax, ymax = np.add(demo.TOWN_EXTENT, (-reach, -reach, reach, reach))
    hot = result.grid.centres[result.bins > 0]
    assert hot.size and np.all((hot[:, 0] > xmin) & (hot[:, 0] < xmax) & (hot[:, 1] > ymin) & (hot[:, 1] < ymax))


def test_automatic_band_is_capped_and_says_so():
    data = demo.generate(20_000, SEED, TODAY)
    recent = data.incidents["occurred_from"] >= np.int64(TODAY.toordinal() - date(1970, 1, 1).toordinal() - 28) * 86_400
    result = hotspots(data.incidents["x"][recent], data.incidents["y"][recent], scale="automatic")
    # uncapped, the first peak of Moran's I lies at the town's scale, well beyond three cells
    assert result.band == MAX_AUTO_BAND_CELLS * result.cell_size
    assert "capped at 3 cells" in result.band_rule and "first peak" in result.band_rule


@pytest.mark.parametrize("shape, neighbourhood", [("square", 9), ("hexagon", 7)])
def test_the_default_band_is_the_cell_and_the_cells_around_it(shape, neighbourhood):
    from lagesbild.core.domain.analysis.gistar import stencil

    data = demo.generate(2_000, SEED, TODAY)
    result = hotspots(data.incidents["x"], data.incidents["y"], shape)
    assert result.cell_size == 100.0 and len(stencil(result.grid, result.band)) == neighbourhood
    # a lattice neighbour two cells away is not a neighbour
    assert result.band < 2 * result.cell_size
