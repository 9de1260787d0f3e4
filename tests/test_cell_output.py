"""Cells written in batches from arrays (``algorithms/output.py``) are the
very features of the former one-by-one WKT path: the same polygons to the
last bit and the same attributes, for squares, hexagons and one-part
multipolygons; and a hotspot run through Processing writes every cell of
its grid exactly where the grid says."""

import numpy as np
import pytest
from osgeo import ogr
from store_helpers import output_rows

from lagesbild.core.domain.analysis.grid import make_grid


def memory_sink(fields, kind="Polygon"):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{kind}?crs=EPSG:3006", "cells", "memory")
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    return layer


def cell_fields():
    from qgis.core import QgsField, QgsFields

    from lagesbild.core.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING

    fields = QgsFields()
    for name, kind in (("count", FIELD_INT), ("gi_z", FIELD_DOUBLE), ("label", FIELD_STRING)):
        fields.append(QgsField(name, kind))
    return fields


@pytest.mark.parametrize("shape, size", [("square", 100.0), ("hexagon", 107.46), ("square", 17.3)])
def test_batched_cells_are_the_one_by_one_wkt_cells(qgis_app, shape, size):
    from qgis.core import QgsFeature

    from lagesbild.algorithms.common import ring_geometry
    from lagesbild.algorithms.output import write_cells

    grid = make_grid(shape, (612_345.6, 6_598_765.4, 617_432.1, 6_601_534.5), size)
    rings = grid.rings()
    rng = np.random.default_rng(3)
    rows = [[int(i), float(z), None if i % 7 == 0 else f"cell {i}"]
            for i, z in enumerate(rng.normal(size=len(grid)).tolist())]
    fields = cell_fields()
    batched, single = memory_sink(fields), memory_sink(fields)
    assert write_cells(batched.dataProvider(), fields, rings, rows)
    features = []
    for i in range(len(grid)):
        feature = QgsFeature(fields)
        feature.setGeometry(ring_geometry(rings[i]))
        feature.setAttributes(rows[i])
        features.append(feature)
    single.dataProvider().addFeatures(features)
    got, want = list(batched.getFeatures()), list(single.getFeatures())
    assert len(got) == len(want) == len(grid) > 1000
    for a, b in zip(got, want):
        assert bytes(a.geometry().asWkb()) == bytes(b.geometry().asWkb())
        assert a.attributes() == b.attributes()


def test_a_one_part_multipolygon_is_the_wkt_one(qgis_app):
    from lagesbild.algorithms.common import ring_geometry
    from lagesbild.algorithms.output import geometry_from_wkb, polygon_wkb

    rings = make_grid("hexagon", (0.0, 0.0, 1000.0, 1000.0), 123.4).rings()
    for ring, wkb in zip(rings, polygon_wkb(rings, multi=True)):
        assert bytes(geometry_from_wkb(wkb).asWkb()) == bytes(ring_geometry(ring, multi=True).asWkb())


def test_cancelling_stops_between_batches(qgis_app):
    from qgis.core import QgsProcessingFeedback

    from lagesbild.algorithms.output import BATCH, write_cells

    rings = make_grid("square", (0.0, 0.0, 30_000.0, 10_000.0), 100.0).rings()
    fields = cell_fields()
    layer = memory_sink(fields)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    assert not write_cells(layer.dataProvider(), fields, rings, ([i, 0.0, ""] for i in range(len(rings))), feedback)
    assert layer.featureCount() < BATCH


def test_hotspot_cells_lie_where_the_grid_puts_them(run, tmp_path):
    from datetime import date

    from lagesbild.core.store import Store
    from lagesbild.core.store.demo_store import build_demo_store

    store = build_demo_store(tmp_path / "demo.gpkg", 4000, 5, date(2026, 6, 15))
    out = tmp_path / "hot.gpkg"
    run("lagesbild:hotspots", {"INPUT": f"{store}|layername=incidents", "GRID": 0, "CELL_SIZE": 100,
                               "DISTANCE_BAND": 300, "OUTPUT": str(out)})
    rows = output_rows(out, geometry=True)
    with Store.open(store, read_only=True) as opened:
        data = opened.arrays(columns=())
    corners = set()
    for row in rows:
        ring = row["_geom"].GetGeometryRef(0)
        assert row["_geom"].GetGeometryType() == ogr.wkbPolygon and ring.GetPointCount() == 5
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = [ring.GetPoint_2D(i) for i in range(5)]
        # anticlockwise, 100 m squares on the origin's lattice, closed: to the last bit
        assert (x0 % 100, y0 % 100) == (0.0, 0.0) and last == (x0, y0)
        assert (x1, y1, x2, y2, x3, y3) == (x0 + 100, y0, x0 + 100, y0 + 100, x0, y0 + 100)
        corners.add((x0, y0))
    assert len(corners) == len(rows)
    counts = {(x, y): 0 for x, y in corners}
    for x, y in zip(np.floor(data["x"] / 100) * 100, np.floor(data["y"] / 100) * 100):
        counts[(x, y)] += 1
    assert {(r["_geom"].GetGeometryRef(0).GetPoint_2D(0)): r["count"] for r in rows} == counts


@pytest.mark.parametrize("kind", ["MultiPolygon", "None"])
def test_batched_features_are_the_one_by_one_features(qgis_app, kind):
    """``write_features`` (the cube of emerging hot spots, period comparison)
    writes what one addFeature per feature wrote: the same rows in the same
    order, over several batches, a geometry where one is given and none where
    it is None."""
    from qgis.core import QgsFeature, QgsField, QgsFields

    from lagesbild.algorithms.common import ring_geometry
    from lagesbild.algorithms.output import BATCH, write_features
    from lagesbild.core.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING

    fields = QgsFields()
    for name, field_kind in (("cell", FIELD_INT), ("step_start", FIELD_STRING), ("gi_z", FIELD_DOUBLE)):
        fields.append(QgsField(name, field_kind))
    rings = make_grid("square", (0.0, 0.0, 5_000.0, 2_600.0), 20.0).rings()
    count = 2 * BATCH + 17
    assert len(rings) > count
    rng = np.random.default_rng(5)
    rows = [[i + 1, f"2026-0{1 + i % 9}-01", None if i % 11 == 0 else z]
            for i, z in enumerate(rng.normal(size=count).tolist())]
    shapes = None
    if kind != "None":
        shapes = [None if i % 13 == 0 else ring_geometry(rings[i], multi=True) for i in range(count)]
    batched, single = memory_sink(fields, kind), memory_sink(fields, kind)
    assert write_features(batched.dataProvider(), fields, iter(rows), shapes)
    for i, values in enumerate(rows):
        feature = QgsFeature(fields)
        if shapes is not None and shapes[i] is not None:
            feature.setGeometry(shapes[i])
        feature.setAttributes(values)
        single.dataProvider().addFeature(feature)
    got, want = list(batched.getFeatures()), list(single.getFeatures())
    assert len(got) == len(want) == count
    for a, b in zip(got, want):
        assert a.attributes() == b.attributes()
        assert a.hasGeometry() == b.hasGeometry() == (kind != "None" and (a["cell"] - 1) % 13 != 0)
        assert bytes(a.geometry().asWkb()) == bytes(b.geometry().asWkb())


def test_period_comparison_cells_are_the_grids_squares(run, tmp_path):
    """Period comparison by cell writes each used square, to the last bit the
    polygon of the grid's ring as WKT (the former one-by-one path), with the
    counts of its incidents counted here."""
    from datetime import date

    from lagesbild.algorithms.common import ring_geometry
    from lagesbild.core.domain.timeutil import Period
    from lagesbild.core.store import IncidentFilter, Store
    from lagesbild.core.store.demo_store import build_demo_store

    store = build_demo_store(tmp_path / "demo.gpkg", 3000, 4, date(2026, 6, 15))
    out = tmp_path / "cells.gpkg"
    run("lagesbild:periodcomparison", {"INPUT": f"{store}|layername=incidents", "GROUP_BY": 5, "CELL_SIZE": 250,
                                       "PERIOD_A_START": "2025-01-01", "PERIOD_A_END": "2025-06-30",
                                       "PERIOD_B_START": "2026-01-01", "PERIOD_B_END": "2026-05-31",
                                       "OUTPUT": str(out)})
    rows = {r["group"]: r for r in output_rows(out, geometry=True)}
    rows.pop("total")
    counted = {}
    with Store.open(store, read_only=True) as opened:
        for column, period in (("count_a", Period(date(2025, 1, 1), date(2025, 6, 30))),
                               ("count_b", Period(date(2026, 1, 1), date(2026, 5, 31)))):
            data = opened.arrays(IncidentFilter(period=period), ())
            for col, row in zip(np.floor(data["x"] / 250).astype(int), np.floor(data["y"] / 250).astype(int)):
                counted.setdefault(f"{col}_{row}", {"count_a": 0, "count_b": 0})[column] += 1
    assert len(rows) > 50 and set(rows) == set(counted)
    for key, row in rows.items():
        assert (row["count_a"], row["count_b"]) == (counted[key]["count_a"], counted[key]["count_b"])
        col, lattice_row = (int(v) for v in key.split("_"))
        ring = np.array([(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)], dtype=float) * 250 + (col * 250, lattice_row * 250)
        assert row["_geom"].ExportToIsoWkb(ogr.wkbNDR) == bytes(ring_geometry(ring, multi=True).asWkb())
