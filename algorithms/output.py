"""Writing many features into a feature sink: handed to the sink in
batches (``write_features``), and for cells every polygon built at once as
WKB from the grid's ring array (NumPy). The cells' coordinates are the ring
array's doubles, exactly: the same polygons as written out one by one as
WKT with ``repr``."""

from __future__ import annotations

import numpy as np
from qgis.core import QgsFeature, QgsFeatureSink, QgsGeometry

BATCH = 10000  # features per addFeatures call: also how often cancelling is checked


def polygon_wkb(rings: np.ndarray, multi: bool = False) -> list[bytes]:
    """Little-endian WKB of a polygon (or a one-part multipolygon) for each
    closed ring of ``rings`` (n, k, 2)."""
    rings = np.asarray(rings, dtype=np.float64)
    count, points = rings.shape[0], rings.shape[1]
    polygon = [("order", "u1"), ("kind", "<u4"), ("rings", "<u4"), ("points", "<u4"), ("xy", "<f8", (points, 2))]
    head = [("m_order", "u1"), ("m_kind", "<u4"), ("parts", "<u4")] if multi else []
    records = np.zeros(count, dtype=np.dtype(head + polygon))
    if multi:
        records["m_order"], records["m_kind"], records["parts"] = 1, 6, 1
    records["order"], records["kind"], records["rings"], records["points"] = 1, 3, 1, points
    records["xy"] = rings
    raw, size = records.tobytes(), records.dtype.itemsize
    return [raw[i : i + size] for i in range(0, count * size, size)]


def geometry_from_wkb(wkb: bytes) -> QgsGeometry:
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    return geometry


def write_cells(sink, fields, rings: np.ndarray, rows, feedback=None, progress: tuple[float, float] = (0, 100)) -> bool:
    """Add one polygon feature per ring with the attributes of ``rows`` (an
    iterable of lists or tuples of plain Python values: a feature with NumPy
    scalars is dropped silently on QGIS 3.22) in batches; False when cancelled."""
    wkb = polygon_wkb(rings)
    return write_features(sink, fields, rows, (geometry_from_wkb(shape) for shape in wkb), feedback, progress,
                          total=len(wkb))


def write_features(sink, fields, rows, geometries=None, feedback=None, progress: tuple[float, float] = (0, 100),
                   total: int | None = None) -> bool:
    """Add one feature per row of ``rows`` (plain Python values), with the
    geometry at the same place of ``geometries`` when given (a QgsGeometry,
    or None for none), to ``sink`` in batches of ``BATCH``: one call per
    batch instead of one per feature. Cancelling is asked, and the progress
    (from ``progress[0]``, over ``progress[1]`` percent of ``total`` rows)
    set, between batches; False when cancelled."""
    start, span = progress
    batch = []
    shapes = iter(geometries) if geometries is not None else None
    done = 0
    for values in rows:
        feature = QgsFeature(fields)
        if shapes is not None:
            shape = next(shapes)
            if shape is not None:
                feature.setGeometry(shape)
        feature.setAttributes(list(values))
        batch.append(feature)
        if len(batch) == BATCH:
            done += BATCH
            if feedback is not None:
                if feedback.isCanceled():
                    return False
                if total:
                    feedback.setProgress(start + span * done / total)
            sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
            batch = []
    if batch:
        sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
    return True
