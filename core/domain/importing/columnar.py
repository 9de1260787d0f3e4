"""A CSV's rows converted a whole column at a time: ``prepare_columns``.

The same conversion as ``convert_rows``, made fast for a million rows:
each column is read once (times and numbers in their common shapes at
once, ``fastparse``; every other text through ``values``' own readers;
categories, yes/no and precisions once per distinct text), coordinates
are transformed in one batch, and the import keys (``source_id``, or the
row's fingerprint) come out as ``convert.fingerprint`` makes them. A row
with any problem, or anything this path does not read itself, is handed
to ``convert_rows``, which stays the rule: the result is exactly the row
path's. Sources other than CSV, and mappings this path does not know
(a field fed by two columns, fields beyond the incident's own), return
None: the caller converts them row by row."""

from __future__ import annotations

import hashlib
import uuid as uuid_module
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from json.encoder import encode_basestring
from zoneinfo import ZoneInfo

import numpy as np

from .. import schema
from .convert import TIME_FIELDS, PreparedRow, convert_rows, coordinate_keys, field_value, transforms_for
from .csvfile import CsvRows
from .fastparse import NO_TIME, collection_paused, iso_local_times, plain_numbers
from .mapping import Mapping
from .readers import SourceData
from .values import is_empty, normalised, parse_bool, parse_number, parse_time

TEXT_FIELDS = ("category", "subcategory", "reporting_org", "handling_org", "status", "place_name", "description",
               "police_report_ref", "handling_note", "source", "source_id", "uuid", "location_precision")
FAST_FIELDS = frozenset(TIME_FIELDS + TEXT_FIELDS + ("estimated_cost_sek", "police_reported"))
_TEXT_DEFAULTS = {"status": "new", "location_precision": "exact"}
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MILLISECOND = timedelta(milliseconds=1)
_BATCH = 50_000


@dataclass
class PreparedColumns:
    """Every row of a source as the bulk path's columns (``bulk.REQUIRED``
    and the optional ones; times as UTC ``datetime64[ms]``), their import
    keys, and the rows with problems as ``convert_rows`` gives them."""

    data: SourceData
    mapping: Mapping
    store_crs: str
    tz: ZoneInfo
    lines: np.ndarray
    columns: dict
    uuid: np.ndarray | None  # the uuid each row gives (None where it gives none), for finding duplicates
    problems: dict[int, PreparedRow]  # row index → the row, for each row with a problem of reading it

    def __len__(self) -> int:
        return len(self.lines)

    def rows(self, indexes) -> list[PreparedRow]:
        """The rows at ``indexes`` converted by ``convert_rows`` (what to tell about rows the checks flag)."""
        indexes = [int(i) for i in indexes]
        return [row for start in range(0, len(indexes), _BATCH)
                for row in _convert(self.data, indexes[start:start + _BATCH], self.mapping, self.store_crs, self.tz)]

    def raw(self, index: int) -> dict:
        return self.data.rows.raw(int(index))


def _convert(data: SourceData, indexes, mapping: Mapping, store_crs: str, tz: ZoneInfo) -> list[PreparedRow]:
    rows = [data.rows[i] for i in indexes]
    return convert_rows(SourceData(data.name, data.columns, rows, crs=data.crs, kind=data.kind), mapping,
                        store_crs, tz)


def _millis(moment: datetime) -> int:
    return (moment - _EPOCH) // _MILLISECOND


def _each(indexes, slow: np.ndarray, reader, texts: list, target: np.ndarray, convert=lambda v: v) -> None:
    """``target[i] = convert(reader(texts[i]))`` for each index, the row marked
    ``slow`` where the text cannot be read."""
    for i in np.nonzero(indexes)[0].tolist():
        try:
            target[i] = convert(reader(texts[i]))
        except (TypeError, ValueError, OverflowError):
            slow[i] = True


def _distinct(texts: list, present: np.ndarray, slow: np.ndarray, reader) -> list:
    """``reader`` of each distinct text; rows whose text it refuses (ValueError) marked ``slow``."""
    read, refused = {}, set()
    for text in set(texts):
        try:
            read[text] = reader(text)
        except ValueError:
            refused.add(text)
    if refused:
        slow |= present & np.fromiter((t in refused for t in texts), dtype=bool, count=len(texts))
    return [read.get(t) for t in texts]


def _stripped(cells: list) -> list[str]:
    """Each cell without the spaces around it, "" for none."""
    if None in cells:  # a row with fewer cells than the header
        return [c.strip() if c else "" for c in cells]
    return list(map(str.strip, cells))


def _column(name: str, cells: list, mapping: Mapping, tz: ZoneInfo, slow: np.ndarray):
    """(values, present, subcategories from the category) of one column."""
    texts = _stripped(cells)
    count = len(texts)
    present = np.fromiter(map(bool, texts), dtype=bool, count=count)
    if name in TIME_FIELDS:
        millis, read = iso_local_times(texts, tz)
        _each(present & ~read, slow, lambda t: parse_time(t, tz), texts, millis, _millis)
        return millis, present, None
    if name == "estimated_cost_sek":
        numbers, read = plain_numbers(texts)
        _each(present & ~read, slow, parse_number, texts, numbers)
        return np.where(present, numbers, np.nan), present, None
    if name == "police_reported":
        return np.array([v is True for v in _distinct(texts, present, slow, parse_bool)], dtype=bool), present, None
    if name == "location_precision":
        precisions = _distinct(texts, present, slow, normalised)
        slow |= present & ~np.fromiter((p in schema.LOCATION_PRECISIONS for p in precisions), dtype=bool,
                                       count=count)
        return np.array(precisions, dtype=object), present, None
    if name in ("category", "subcategory"):
        codes = {t: mapping.category_codes(t) for t in set(texts)}
        if name == "subcategory":
            return np.array([codes[t][1] if codes[t] and codes[t][1] else t for t in texts], dtype=object), \
                present, None
        return np.array([codes[t][0] if codes[t] else t for t in texts], dtype=object), present, \
            np.array([codes[t][1] if codes[t] else None for t in texts], dtype=object)
    return np.array(texts, dtype=object), present, None


def _empty(name: str, count: int) -> np.ndarray:
    if name in TIME_FIELDS:
        return np.full(count, NO_TIME, dtype=np.int64)
    if name == "estimated_cost_sek":
        return np.full(count, np.nan)
    if name == "police_reported":
        return np.zeros(count, dtype=bool)
    return np.full(count, "", dtype=object)


def _stored(name: str, value):
    """A value of ``convert_rows`` as its column holds it."""
    if name in TIME_FIELDS:
        return NO_TIME if value is None else _millis(value)
    if name == "estimated_cost_sek":
        return np.nan if value is None else value
    if name == "police_reported":
        return value is True
    return value or ""


def _points(rows: CsvRows, coordinates, keys, transforms, slow: np.ndarray):
    count = len(rows)
    x, y = np.full(count, np.nan), np.full(count, np.nan)
    if coordinates is None:
        return x, y
    texts = [_stripped(rows.cells[rows.columns.index(key)]) for key in keys]
    both = np.fromiter(map(bool, texts[0]), dtype=bool, count=count) & \
        np.fromiter(map(bool, texts[1]), dtype=bool, count=count)
    (nx, read_x), (ny, read_y) = plain_numbers(texts[0]), plain_numbers(texts[1])
    for i in np.nonzero(both & ~(read_x & read_y))[0].tolist():
        try:
            nx[i], ny[i] = parse_number(texts[0][i]), parse_number(texts[1][i])
        except (TypeError, ValueError):
            slow[i] = True
    good = both & ~slow
    try:
        transform = transforms.transformation(coordinates.crs)
    except (RuntimeError, ValueError):
        slow |= good
        return x, y
    for start in range(0, count, _BATCH):
        part = np.nonzero(good[start:start + _BATCH])[0] + start
        if transform is None or not len(part):
            x[part], y[part] = nx[part], ny[part]
            continue
        try:
            moved = np.asarray(transform.TransformPoints(np.column_stack([nx[part], ny[part]])), dtype=np.float64)
        except (RuntimeError, ValueError):
            slow[part] = True
            continue
        finite = np.isfinite(moved[:, 0]) & np.isfinite(moved[:, 1])
        slow[part[~finite]] = True
        x[part[finite]], y[part[finite]] = moved[finite, 0], moved[finite, 1]
    return x, y


def _fingerprints(rows: CsvRows, wanted: np.ndarray) -> dict[int, str]:
    """``convert.fingerprint`` of each wanted row (one without a source id; none with extra cells)."""
    order = sorted(range(len(rows.columns)), key=lambda j: rows.columns[j])
    names = [encode_basestring(rows.columns[j]) for j in order]
    found = {}
    indexes = np.nonzero(wanted)[0]
    for start in range(0, len(indexes), _BATCH):
        part = indexes[start:start + _BATCH].tolist()
        pieces = []
        for name, j in zip(names, order):
            cells = rows.cells[j]
            pieces.append([f"[{name}, {encode_basestring(c.strip())}]" if c and not c.isspace() else None
                           for c in (cells[i] for i in part)])
        for i, row in zip(part, zip(*pieces)):
            content = "[[" + ", ".join(filter(None, row)) + "], null]"
            found[i] = "row:" + hashlib.sha1(content.encode("utf-8")).hexdigest()
    return found


def prepare_columns(data: SourceData, mapping: Mapping, store_crs: str, tz: ZoneInfo) -> PreparedColumns | None:
    """``data``'s rows as columns (see the module), or None for a source or
    mapping this path leaves to ``convert_rows``."""
    with collection_paused():
        return _prepare(data, mapping, store_crs, tz)


def _prepare(data: SourceData, mapping: Mapping, store_crs: str, tz: ZoneInfo) -> PreparedColumns | None:
    rows = data.rows
    if not isinstance(rows, CsvRows) or data.mapping is not None or len(set(data.columns)) != len(data.columns):
        return None
    transforms = transforms_for(mapping, store_crs)
    by_column = mapping.field_of_columns(data.columns)
    targets = list(by_column.values())
    if len(set(targets)) != len(targets) or not FAST_FIELDS.issuperset(targets) \
            or not FAST_FIELDS.issuperset(mapping.defaults) or any(is_empty(v) for v in mapping.defaults.values()):
        return None
    coordinates, keys = coordinate_keys(data, mapping)
    if coordinates is not None and not set(keys) <= set(data.columns):
        return None
    count = len(rows)
    slow = np.zeros(count, dtype=bool)
    slow[list(rows.extra)] = True
    values, present = {}, {}
    from_category = None
    for column, name in by_column.items():
        values[name], present[name], subs = _column(name, rows.cells[data.columns.index(column)], mapping, tz, slow)
        if subs is not None:
            from_category = subs
    if from_category is not None:  # the subcategory a category text names, unless a column gives one
        given = present.get("subcategory", np.zeros(count, dtype=bool))
        named = np.fromiter((s is not None for s in from_category), dtype=bool, count=count) & present["category"]
        values["subcategory"] = np.where(given, values.get("subcategory", from_category), from_category)
        values["subcategory"][~given & ~named] = ""
        present["subcategory"] = given | named
    for name, value in mapping.defaults.items():
        converted, problems = {}, []
        field_value(name, value, mapping, tz, converted, problems)
        missing = ~present.get(name, np.zeros(count, dtype=bool))
        if problems:
            slow |= missing
            continue
        if name not in values:
            values[name], present[name] = _empty(name, count), np.zeros(count, dtype=bool)
        if name == "category" and "subcategory" in converted:
            if "subcategory" not in values:
                values["subcategory"], present["subcategory"] = _empty("subcategory", count), np.zeros(count, bool)
            sub_missing = missing & ~present["subcategory"]
            values["subcategory"][sub_missing] = converted["subcategory"]
            present["subcategory"] |= sub_missing
        values[name][missing] = _stored(name, converted[name])
        present[name] |= missing
    x, y = _points(rows, coordinates, keys, transforms, slow)
    for name in ("category", "occurred_from", "reporting_org", "source", "source_id"):
        values.setdefault(name, _empty(name, count))
        present.setdefault(name, np.zeros(count, dtype=bool))
    values["source"][~present["source"]] = mapping.source or data.name
    for index, key in _fingerprints(rows, ~present["source_id"] & ~slow).items():
        values["source_id"][index] = key
    given_uuid = np.where(present["uuid"], values["uuid"], None) if "uuid" in values else None
    problems: dict[int, PreparedRow] = {}
    indexes = np.nonzero(slow)[0].tolist()
    for start in range(0, len(indexes), _BATCH):
        part = indexes[start:start + _BATCH]
        for index, row in zip(part, _convert(data, part, mapping, store_crs, tz)):
            if row.problems:
                problems[index] = row
            for name, column in values.items():
                column[index] = _stored(name, row.values.get(name))
            if given_uuid is not None:
                given_uuid[index] = row.values.get("uuid")
            x[index], y[index] = row.values["geometry"] or (np.nan, np.nan)
    if given_uuid is not None:
        missing = np.nonzero(given_uuid == None)[0].tolist()  # noqa: E711 (elementwise)
        values["uuid"][missing] = [str(uuid_module.uuid4()) for _ in missing]
    columns = {"x": x, "y": y}
    for name, column in values.items():
        if name in TIME_FIELDS:
            columns[name] = column.view("datetime64[ms]")
        elif name in _TEXT_DEFAULTS:
            columns[name] = np.where(column == "", _TEXT_DEFAULTS[name], column)
        else:
            columns[name] = column
    return PreparedColumns(data, mapping, store_crs, tz, np.frombuffer(rows.lines, dtype=np.int64), columns,
                           given_uuid, problems)
