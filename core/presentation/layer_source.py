"""A QGIS vector layer as import rows, for the algorithm and the dialog. A
layer on a file that OGR reads (no filter set) is read from the file itself,
so that its times keep their zone; any other layer (a memory layer, a
filtered one, a database's) is read feature by feature, its zone-less times
being the store's local time."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from qgis.core import QgsProviderRegistry
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

from ..domain.importing import SourceData, SourceRow
from ..domain.importing.readers import read_ogr


def _python(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):  # also a NULL QVariant
        return None
    if isinstance(value, QDateTime):
        if value.timeSpec() in (Qt.TimeSpec.UTC, Qt.TimeSpec.OffsetFromUTC, Qt.TimeSpec.TimeZone):
            return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, timezone.utc)
        d, t = value.date(), value.time()  # the clock figures, never through the machine's zone
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), t.msec() * 1000)
    if isinstance(value, QDate):
        return date(value.year(), value.month(), value.day())
    return value


def layer_source(layer) -> SourceData:
    if layer.providerType() == "ogr" and not layer.subsetString():
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path")
        if path and Path(path).is_file():
            return read_ogr(Path(path), layer_name=parts.get("layerName") or None)
    from osgeo import ogr

    from ..domain.importing.readers import point_of

    names = [f.name() for f in layer.fields()]
    rows = []
    for number, feature in enumerate(layer.getFeatures(), start=1):
        values = {name: _python(feature[name]) for name in names}
        geometry = feature.geometry()
        point, problem = (None, None)
        if not geometry.isNull() and not geometry.isEmpty():
            point, problem = point_of(ogr.CreateGeometryFromWkb(bytes(geometry.asWkb())))
        rows.append(SourceRow(number, values, point, problem))
    crs = layer.crs()
    return SourceData(layer.name(), names, rows, crs=(crs.authid() or crs.toWkt()) if crs.isValid() else None,
                      kind="layer")
