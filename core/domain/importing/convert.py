"""A source row as an incident's values (what ``Store.add_incidents`` takes),
with every problem of reading it, and its import key (``source``,
``source_id``): the source's own id where a column gives one, else a
fingerprint of the row, so that the same file imported twice adds nothing."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from osgeo import osr

from ...i18n import tr
from .. import schema
from ..validation import Problem
from .mapping import Mapping
from .readers import SourceData, SourceRow
from .values import is_empty, normalised, parse_bool, parse_number, parse_time

TIME_FIELDS = ("occurred_from", "occurred_to", "reported_at")
EXTRA_CELLS = "\x00extra"


@dataclass
class PreparedRow:
    line: int
    values: dict  # field → value, with ``geometry`` as (x, y) in the store's CRS
    problems: list[Problem] = field(default_factory=list)
    raw: dict = field(default_factory=dict)  # the row as it was, for the list of rejected rows

    @property
    def key(self) -> tuple[str, str]:
        return self.values["source"], self.values["source_id"]


def text_of(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _quoted(value) -> str:
    text = text_of(value)
    return f"«{text[:60]}…»" if len(text) > 60 else f"«{text}»"


class _Transforms:
    """Coordinate transformations into the store's CRS, x east and y north
    whatever the CRS's own axis order."""

    def __init__(self, store_crs: str):
        self.target = self._srs(store_crs)
        self.cache: dict[str, osr.CoordinateTransformation | None] = {}

    @staticmethod
    def _srs(text: str) -> osr.SpatialReference:
        srs = osr.SpatialReference()
        if srs.SetFromUserInput(text) != 0:
            raise ValueError(text)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        return srs

    def transformation(self, crs: str | None) -> osr.CoordinateTransformation | None:
        """From ``crs`` into the store's; None when there is nothing to do."""
        if crs is None:
            return None
        if crs not in self.cache:
            source = self._srs(crs)
            self.cache[crs] = None if source.IsSame(self.target) else osr.CoordinateTransformation(source, self.target)
        return self.cache[crs]

    def to_store(self, crs: str | None, x: float, y: float) -> tuple[float, float]:
        transform = self.transformation(crs)
        if transform is None:
            return x, y
        tx, ty, _ = transform.TransformPoint(x, y)
        return tx, ty


def transforms_for(mapping: Mapping, store_crs: str) -> _Transforms:
    """The transformations into ``store_crs``; ValueError naming an unknown CRS."""
    try:
        transforms = _Transforms(store_crs)
    except ValueError as error:
        raise ValueError(tr("unknown CRS: {crs}").format(crs=store_crs)) from error
    coordinate_crs = mapping.coordinates.crs if mapping.coordinates else None
    if coordinate_crs:
        try:
            _Transforms._srs(coordinate_crs)
        except ValueError as error:
            raise ValueError(tr("the mapping names an unknown CRS: {crs}").format(crs=coordinate_crs)) from error
    return transforms


def field_value(name: str, value, mapping: Mapping, tz: ZoneInfo, values: dict, problems: list) -> None:
    if name in TIME_FIELDS:
        try:
            values[name] = parse_time(value, tz)
        except (TypeError, ValueError, OverflowError):
            problems.append(Problem(name, "bad_time", tr("cannot be read as a date and time: {value}").format(
                value=_quoted(value))))
    elif name == "estimated_cost_sek":
        try:
            values[name] = parse_number(value)
        except (TypeError, ValueError):
            problems.append(Problem(name, "bad_number", tr("cannot be read as a number: {value}").format(
                value=_quoted(value))))
    elif name == "police_reported":
        try:
            values[name] = parse_bool(value)
        except ValueError:
            problems.append(Problem(name, "bad_yes_no", tr("must be yes or no, not {value}").format(
                value=_quoted(value))))
    elif name == "category":
        codes = mapping.category_codes(text_of(value))
        values[name] = codes[0] if codes else text_of(value)
        if codes and codes[1] and "subcategory" not in values:
            values["subcategory"] = codes[1]
    elif name == "subcategory":
        codes = mapping.category_codes(text_of(value))
        values[name] = codes[1] if codes and codes[1] else text_of(value)
    elif name == "location_precision":
        values[name] = normalised(text_of(value))
        if values[name] not in schema.LOCATION_PRECISIONS:
            problems.append(Problem(name, "unknown", tr("must be one of {values}, not {value}").format(
                values=", ".join(schema.LOCATION_PRECISIONS), value=_quoted(value))))
    else:
        values[name] = text_of(value)


def coordinate_keys(data: SourceData, mapping: Mapping):
    """(coordinates, the source's columns holding x and y), found once for all rows."""
    coordinates = mapping.coordinates or mapping.coordinate_columns(data.columns)
    if coordinates is None:
        return None, None
    named = {normalised(c): c for c in data.columns}
    return coordinates, tuple(named.get(normalised(c), c) for c in (coordinates.x, coordinates.y))


def _point(row: SourceRow, data: SourceData, mapping: Mapping, transforms: _Transforms, problems: list,
           found=None):
    coordinates = mapping.coordinates
    if coordinates is None and (row.point is not None or row.geometry_problem):
        if row.geometry_problem == "not_point":
            problems.append(Problem("geometry", "not_point", tr("the place must be a single point")))
            return None
        if row.point is None:
            return None
        return transforms.to_store(data.crs, *row.point)
    coordinates, keys = found or coordinate_keys(data, mapping)
    if coordinates is None:
        return None
    if not all(key in row.values for key in keys):  # a row whose columns differ from the source's
        named = {normalised(c): c for c in row.values}
        keys = tuple(named.get(normalised(c), c) for c in (coordinates.x, coordinates.y))
    texts = tuple(row.values.get(key) for key in keys)
    if any(is_empty(t) for t in texts):
        return None  # validation says that a place is required
    numbers = []
    for column, text in zip((coordinates.x, coordinates.y), texts):
        try:
            numbers.append(parse_number(text))
        except (TypeError, ValueError):
            problems.append(Problem("geometry", "bad_number", tr("{column} cannot be read as a number: {value}").format(
                column=column, value=_quoted(text))))
    if len(numbers) < 2:
        return None
    try:
        return transforms.to_store(coordinates.crs, *numbers)
    except (RuntimeError, ValueError):
        problems.append(Problem("geometry", "transform", tr("the coordinates cannot be turned into the store's CRS")))
        return None


def fingerprint(row: SourceRow) -> str:
    content = json.dumps([sorted((k, text_of(v)) for k, v in row.values.items() if not is_empty(v)), row.point],
                         ensure_ascii=False, default=str)
    return "row:" + hashlib.sha1(content.encode("utf-8")).hexdigest()


def convert_rows(data: SourceData, mapping: Mapping, store_crs: str, tz: ZoneInfo) -> list[PreparedRow]:
    """Every row of ``data`` as an incident's values and its problems."""
    if data.mapping is not None:
        mapping = mapping.merged_over(data.mapping)
    columns = mapping.field_of_columns(data.columns)
    transforms = transforms_for(mapping, store_crs)
    prepared = []
    found = coordinate_keys(data, mapping)
    for row in data.rows:
        values: dict = {}
        problems: list[Problem] = []
        if EXTRA_CELLS in row.values:
            problems.append(Problem("row", "columns", tr("has more cells than the header has columns")))
        for column, name in columns.items():
            value = row.values.get(column)
            if not is_empty(value):
                field_value(name, value, mapping, tz, values, problems)
        for name, value in mapping.defaults.items():
            if is_empty(values.get(name)) and not any(p.field == name for p in problems):
                field_value(name, value, mapping, tz, values, problems)
        values["geometry"] = _point(row, data, mapping, transforms, problems, found)
        values["source"] = values.get("source") or mapping.source or data.name
        values["source_id"] = values.get("source_id") or fingerprint(row)
        raw = {k: ("" if v is None else text_of(v)) for k, v in row.values.items() if k != EXTRA_CELLS}
        prepared.append(PreparedRow(row.line, values, problems, raw))
    return prepared


def unused_columns(data: SourceData, mapping: Mapping) -> list[str]:
    """The source's columns that fill no field (so the user can see what was left)."""
    if data.mapping is not None:
        mapping = mapping.merged_over(data.mapping)
    used = set(mapping.field_of_columns(data.columns))
    coordinates = mapping.coordinate_columns(data.columns)
    if coordinates:
        used |= {coordinates.x, coordinates.y}
    return [c for c in data.columns if c not in used]
