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
