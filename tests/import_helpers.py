"""Shared by the import tests: files written the way other programs write them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from osgeo import gdal, ogr, osr

HEADER = ["category", "subcategory", "occurred_from", "reporting_org", "x", "y", "place_name",
          "estimated_cost_sek"]


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ";", encoding: str = "utf-8",
              header: list[str] = HEADER) -> Path:
    """Rows written as a spreadsheet program does: cells holding the
    delimiter, a quote or a line break are quoted; lines end in CRLF."""
    def cell(text: str) -> str:
        if any(c in text for c in (delimiter, '"', "\n")):
            return '"' + text.replace('"', '""') + '"'
        return text

    lines = [delimiter.join(cell(c) for c in row) for row in [header, *rows]]
    Path(path).write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return Path(path)


def write_ogr(path: Path, driver: str, header: list[str], rows: list[list], points=None, epsg: int | None = None,
              types: dict | None = None) -> Path:
    """A file written by GDAL itself (``XLSX``, ``GeoJSON``…): ``rows`` of
    values in ``header`` order, with ``points`` (x, y) when given."""
    gdal.UseExceptions()
    dataset = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    srs = None
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = dataset.CreateLayer("incidents", srs, ogr.wkbPoint if points else ogr.wkbNone)
    types = types or {}
    for name in header:
        layer.CreateField(ogr.FieldDefn(name, types.get(name, ogr.OFTString)))
    for index, row in enumerate(rows):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(header, row):
            if value is not None:
                feature.SetField(name, value)
        if points and points[index] is not None:
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(*points[index])
            feature.SetGeometry(point)
        layer.CreateFeature(feature)
    dataset = None
    return Path(path)
