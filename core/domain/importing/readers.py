"""A source as rows with their place in the file: ``SourceData``.

CSV is read by Python's own reader into columns (``csvfile``), each row
keeping the physical line where it starts (the header is line 1; a quoted
field may span lines), with ``,`` or ``;`` and UTF-8 or Windows-1252
found by looking.
Excel, GeoJSON and every other vector format come through OGR (Excel
with GDAL's own XLSX driver; a row's number is its line in the sheet)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from osgeo import gdal, ogr

from ...i18n import tr

FORMATS = ("auto", "csv", "excel", "vector", "police")
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}


class ImportSourceError(ValueError):
    """A source that cannot be read at all; the message says why."""


@dataclass
class SourceRow:
    line: int  # the line in the file (CSV, Excel), else the feature's number
    values: dict  # column → text or typed value
    point: tuple[float, float] | None = None  # from the geometry, in the source's CRS
    geometry_problem: str | None = None  # a geometry that is no single point


@dataclass
class SourceData:
    name: str  # the default ``source`` of the rows: the file's or layer's name
    columns: list[str]
    rows: list[SourceRow]  # a CSV's: ``csvfile.CsvRows``, a sequence built row by row when read
    crs: str | None = None  # of the geometries (authority id or WKT)
    kind: str = "csv"
    summaries_skipped: int = 0
    # what the source itself says of its rows (the police feed): a mapping of its own
    mapping: object | None = None
    encoding: str | None = None
    delimiter: str | None = None
    extra: dict = field(default_factory=dict)


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without a byte order mark) when it
    decodes as such, else Windows-1252 (what Excel writes on Swedish Windows)."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def sniff_delimiter(text: str) -> str:
    """``;``, ``,`` or a tab: the one the header line holds most of, outside quotes."""
    header = next(csv.reader(io.StringIO(text, newline=""), delimiter="\x00"), [""])
    line = header[0] if header else ""
    counts = {d: 0 for d in ";,\t"}
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _field_value(feature: ogr.Feature, index: int, kind: int):
    if not feature.IsFieldSetAndNotNull(index):
        return None
    if kind in (ogr.OFTDateTime, ogr.OFTDate):
        year, month, day, hour, minute, second, tz_flag = feature.GetFieldAsDateTime(index)
        if kind == ogr.OFTDate:
            return date(year, month, day)
        whole = int(second)
        moment = datetime(year, month, day, hour, minute, whole, int(round((second - whole) * 1e6)))
        if tz_flag > 1:  # 100 is UTC, each step 15 minutes
            return moment.isoformat() + "{:+03d}:{:02d}".format(*divmod((tz_flag - 100) * 15, 60))
        return moment
    if kind in (ogr.OFTInteger, ogr.OFTInteger64):
        return feature.GetFieldAsInteger64(index)
    if kind == ogr.OFTReal:
        return feature.GetFieldAsDouble(index)
    return feature.GetFieldAsString(index)


def point_of(geometry) -> tuple[tuple[float, float] | None, str | None]:
    """(point, problem) of an OGR geometry: a point, or one point in a multipoint."""
    if geometry is None or geometry.IsEmpty():
        return None, None
    flat = ogr.GT_Flatten(geometry.GetGeometryType())
    if flat == ogr.wkbMultiPoint and geometry.GetGeometryCount() == 1:
        geometry, flat = geometry.GetGeometryRef(0), ogr.wkbPoint
    if flat != ogr.wkbPoint:
        return None, "not_point"
    return (geometry.GetX(), geometry.GetY()), None


def read_ogr(path: Path, excel: bool = False, layer_name: str | None = None) -> SourceData:
    options = ["HEADERS=FORCE"] if excel else []
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY,
                              allowed_drivers=["XLSX"] if excel else [], open_options=options)
    except RuntimeError:  # when something turned GDAL's exceptions on
        dataset = None
    finally:
        gdal.PopErrorHandler()
    if dataset is None or dataset.GetLayerCount() == 0:
        what = tr("an Excel workbook (.xlsx)") if excel else tr("a vector file")
        raise ImportSourceError(tr("{name} cannot be read as {what}").format(name=path.name, what=what))
    layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    if layer is None:
        raise ImportSourceError(tr("{name} has no layer {layer}").format(name=path.name, layer=layer_name))
    definition = layer.GetLayerDefn()
    fields = [(definition.GetFieldDefn(i).GetName(), definition.GetFieldDefn(i).GetType())
              for i in range(definition.GetFieldCount())]
    srs = layer.GetSpatialRef()
    crs = None
    if srs is not None:
        authority, code = srs.GetAuthorityName(None), srs.GetAuthorityCode(None)
        crs = f"{authority}:{code}" if authority and code else srs.ExportToWkt()
    rows = []
    for number, feature in enumerate(layer, start=1):
        values = {name: _field_value(feature, i, kind) for i, (name, kind) in enumerate(fields)}
        point, problem = point_of(feature.GetGeometryRef())
        # the XLSX driver numbers features by their row in the sheet
        rows.append(SourceRow(feature.GetFID() if excel else number, values, point, problem))
    return SourceData(layer_name or path.stem, [name for name, _ in fields], rows, crs=crs,
                      kind="excel" if excel else "vector")


def read_source(path, kind: str = "auto") -> SourceData:
    """The rows of the file at ``path``; ``kind`` one of ``FORMATS``."""
    from . import police

    path = Path(path)
    if not path.is_file():
        raise ImportSourceError(tr("no file {path}").format(path=path))
    suffix = path.suffix.lower()
    if kind == "auto":
        if suffix in CSV_SUFFIXES:
            kind = "csv"
        elif suffix in (".xlsx", ".xls"):
            kind = "excel"
        elif suffix == ".json" and police.looks_like_feed(_json_or_none(path)):
            kind = "police"
        else:
            kind = "vector"
    if kind == "csv":
        from .csvfile import read_csv

        return read_csv(path)
    if kind == "excel":
        return read_ogr(path, excel=True)
    if kind == "police":
        data = _json_or_none(path)
        if not police.looks_like_feed(data):
            raise ImportSourceError(tr("{name} is not a file of the police's open events (a JSON list of "
                                       "events with id, datetime, name, type and location)").format(name=path.name))
        return police.read_feed(data, path.stem)
    return read_ogr(path)


def _json_or_none(path: Path):
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, OSError):
        return None
