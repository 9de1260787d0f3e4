"""Imported rows into the store: every row checked by the store's own rules,
rows already imported (the same ``source`` and ``source_id``, or the same
``uuid``) skipped, all of it one transaction, through the validated bulk
path (``bulk``): the good rows as columns, screened at once by the
vectorised rules and the personal-data guard; each row they flag is checked
again by ``validation.validate_incident`` and ``personal_data.guard`` (the
form's own rules and words) for what to tell about its line.

All or nothing (the default): one bad row and nothing is written. Skip bad
rows: exactly the good rows are written. Either way each refused row comes
back with its line in the source and every problem."""

from __future__ import annotations

import contextlib
import uuid as uuid_module
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import numpy as np

from ..domain import personal_data
from ..domain.importing import PreparedRow, convert_rows
from ..domain.importing.columnar import PreparedColumns, prepare_columns
from ..domain.importing.fastparse import collection_paused
from ..domain.timeutil import now_utc
from ..domain.validation import Context, Problem, validate_incident
from ..i18n import tr
from . import bulk, import_keys
from .errors import Cancelled
from .records import EDITABLE_FIELDS

MODE_ALL_OR_NOTHING, MODE_SKIP_BAD_ROWS = 0, 1
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MILLISECOND = timedelta(milliseconds=1)
_DEFAULTS = {"status": "new", "location_precision": "exact"}
_COLUMNS = set(bulk.REQUIRED) | set(bulk.OPTIONAL) | {"geometry"}


@dataclass
class Refused:
    line: int
    problems: list[Problem]
    raw: dict
    duplicate: bool = False

    @property
    def fields(self) -> str:
        return ", ".join(dict.fromkeys(p.field for p in self.problems))

    @property
    def reason(self) -> str:
        if len(self.problems) == 1:
            return self.problems[0].message
        return "; ".join(f"{p.field}: {p.message}" for p in self.problems)


@dataclass
class ImportResult:
    imported: int = 0  # on a dry run: how many would be written
    duplicates: list[Refused] = field(default_factory=list)
    rejected: list[Refused] = field(default_factory=list)

    @property
    def refused(self) -> list[Refused]:
        """Every row not written, in the order of the source."""
        return sorted(self.rejected + self.duplicates, key=lambda r: r.line)


class _Rollback(Exception):
    pass


class _DryRun(Exception):
    pass


@contextlib.contextmanager
def _ending(result: ImportResult):
    """Around an import's transaction: rolled back for all or nothing (then
    nothing is imported) or for the dry run (``imported`` says how many would be)."""
    try:
        yield
    except _Rollback:
        result.imported = 0
    except _DryRun:
        pass


def _duplicates(db, rows: list[PreparedRow]) -> dict[int, Problem]:
    """Row index → why it is a duplicate (``import_keys.duplicates``, which
    the column path asks too)."""
    uuids = [row.values.get("uuid") or None for row in rows]
    return import_keys.duplicates(db, [row.values["source"] for row in rows],
                                  [row.values["source_id"] for row in rows],
                                  uuids if any(uuids) else None, [row.line for row in rows])


def _row_problems(row: PreparedRow, context: Context) -> list[Problem]:
    unknown = set(row.values) - set(EDITABLE_FIELDS) - {"uuid"}
    problems = row.problems + [Problem(n, "unknown_field", tr("is not a field of an incident"))
                               for n in sorted(unknown)]
    problems += [p for p in validate_incident(row.values, context) if not any(q.field == p.field for q in row.problems)]
    return problems + personal_data.guard(row.values)[1]


def _millis(value) -> int | None:
    if value is None:
        return bulk.NO_TIME
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:  # as validation reads it: UTC
        value = value.replace(tzinfo=timezone.utc)
    return (value - _EPOCH) // _MILLISECOND


def _columns(rows: list[PreparedRow]) -> tuple[dict, np.ndarray]:
    """The rows' values as the bulk path's columns, and which rows the
    columns cannot hold as they are (a value of the wrong kind: checked row
    by row)."""
    count = len(rows)
    values = [row.values for row in rows]
    odd = np.fromiter((not _COLUMNS.issuperset(v) for v in values), dtype=bool, count=count)
    names = set().union(*values) & (_COLUMNS - {"geometry"}) if values else set()
    points = [v.get("geometry") for v in values]
    columns = {"x": np.fromiter((p[0] if p else np.nan for p in points), dtype=np.float64, count=count),
               "y": np.fromiter((p[1] if p else np.nan for p in points), dtype=np.float64, count=count)}
    for name in names | set(bulk.REQUIRED) - {"x", "y"}:
        column = [v.get(name) for v in values]
        if name in bulk.TIME_COLUMNS:
            millis = [_millis(t) for t in column]
            odd |= np.fromiter((m is None for m in millis), dtype=bool, count=count)
            columns[name] = np.fromiter((bulk.NO_TIME if m is None else m for m in millis), dtype=np.int64,
                                        count=count).astype("datetime64[ms]")
        elif name == "estimated_cost_sek":
            odd |= np.fromiter((c is not None and (isinstance(c, bool) or not isinstance(c, (int, float)))
                                for c in column), dtype=bool, count=count)
            columns[name] = np.fromiter((np.nan if c is None or odd[i] else c for i, c in enumerate(column)),
                                        dtype=np.float64, count=count)
        elif name == "police_reported":
            odd |= np.fromiter((c is not None and not isinstance(c, bool) for c in column), dtype=bool, count=count)
            columns[name] = np.fromiter((c is True for c in column), dtype=bool, count=count)
        elif name == "uuid":
            columns[name] = np.asarray([c or str(uuid_module.uuid4()) for c in column], dtype=object)
        else:
            odd |= np.fromiter((c is not None and not isinstance(c, str) for c in column), dtype=bool, count=count)
            default = _DEFAULTS.get(name, "")
            columns[name] = np.asarray([c if isinstance(c, str) and c else default for c in column], dtype=object)
    return columns, odd


def _flagged(store, columns: dict, odd: np.ndarray) -> dict[int, list[Problem]]:
    """Row index → what the vectorised rules and the personal-data guard
    found in it, for every row they flag (and every ``odd`` row)."""
    count = len(odd)
    problems = bulk.validate_columns(columns, store.extent, store.organisation_codes(),
                                     int(now_utc().timestamp()), limit=None)
    for name in personal_data.FREE_TEXT_FIELDS:
        if name in columns:
            problems += personal_data.guard_column(name, columns[name].tolist())[1]
    if any(p.row is None for p in problems):  # the columns themselves are wrong: check every row
        odd = np.ones(count, dtype=bool)
    found: dict[int, list[Problem]] = {index: [] for index in np.nonzero(odd)[0].tolist()}
    for p in problems:
        if p.row is not None:
            found.setdefault(p.row - 1, []).append(Problem(p.field, p.code, p.message))
    return found


def _write(store, result: ImportResult, columns: dict, keep: np.ndarray, mode: int, progress, dry_run: bool) -> None:
    """The end of an import, inside its transaction: all or nothing, the dry
    run, then the kept rows written."""
    if result.rejected and mode == MODE_ALL_OR_NOTHING:
        raise _Rollback  # nothing will be written; every bad row is listed all the same
    if dry_run:
        result.imported = int(keep.sum())
        raise _DryRun
    if progress is not None and progress(0.1) is False:
        raise Cancelled(tr("cancelled: nothing was written"))
    if not keep.all():
        columns = {name: column[keep] for name, column in columns.items()}
    if keep.any():
        result.imported = bulk.write_columns(
            store, columns, checked=True, created_now=True,
            progress=None if progress is None else (lambda done: progress(0.1 + 0.9 * done)))


def import_rows(store, rows: list[PreparedRow], mode: int = MODE_ALL_OR_NOTHING, progress=None,
                dry_run: bool = False) -> ImportResult:
    """Check and write ``rows`` in one transaction. ``progress(fraction)``
    returning False cancels: the transaction is rolled back. ``dry_run``
    checks every row as the import would (the preview) and writes nothing:
    ``imported`` is then how many rows would be written."""
    result = ImportResult()
    context = Context(extent=store.extent, organisations=store.organisation_codes())
    with _ending(result), store.transaction() as db:
        duplicates = _duplicates(db, rows)
        good: list[PreparedRow] = []
        for index, row in enumerate(rows):
            if index in duplicates:
                result.duplicates.append(Refused(row.line, [duplicates[index]], row.raw, duplicate=True))
            elif row.problems:  # a value that could not be read, and whatever else is wrong with the row
                result.rejected.append(Refused(row.line, _row_problems(row, context), row.raw))
            else:
                good.append(row)
        columns, odd = _columns(good)
        keep = _screen(store, columns, odd, context, result, lambda indexes: [good[i] for i in indexes])
        _write(store, result, columns, keep, mode, progress, dry_run)
    result.rejected.sort(key=lambda r: r.line)
    return result


def _screen(store, columns: dict, odd: np.ndarray, context: Context, result: ImportResult, rows_of) -> np.ndarray:
    """Which rows to keep: each row the vectorised rules flag is refused,
    told in the form's own words (``rows_of(indexes)``: their ``PreparedRow``);
    a row only the screen flags is refused all the same."""
    keep = np.ones(len(odd), dtype=bool)
    flagged = sorted(_flagged(store, columns, odd).items())
    for (index, screened), row in zip(flagged, rows_of([index for index, _ in flagged])):
        problems = _row_problems(row, context) or screened or [
            Problem("row", "type", tr("holds a value of a kind the store cannot take"))]
        keep[index] = False
        result.rejected.append(Refused(row.line, problems, row.raw))
    return keep


def import_columns(store, table: PreparedColumns, mode: int = MODE_ALL_OR_NOTHING, progress=None,
                   dry_run: bool = False) -> ImportResult:
    """``import_rows`` of a source converted as columns (``prepare_columns``):
    the same checks, the same result, without a dict per row."""
    result = ImportResult()
    context = Context(extent=store.extent, organisations=store.organisation_codes())
    with _ending(result), collection_paused(), store.transaction() as db:
        duplicates = import_keys.duplicates(db, table.columns["source"], table.columns["source_id"],
                                            table.uuid, table.lines)
        for index, problem in duplicates.items():
            result.duplicates.append(Refused(int(table.lines[index]), [problem], table.raw(index),
                                             duplicate=True))
        for index, row in table.problems.items():
            if index not in duplicates:
                result.rejected.append(Refused(row.line, _row_problems(row, context), row.raw))
        good = np.ones(len(table), dtype=bool)
        good[list(duplicates) + list(table.problems)] = False
        indexes = np.nonzero(good)[0]
        columns = table.columns if good.all() else {n: c[indexes] for n, c in table.columns.items()}
        keep = _screen(store, columns, np.zeros(len(indexes), dtype=bool), context, result,
                       lambda flagged: table.rows(indexes[flagged]))
        _write(store, result, columns, keep, mode, progress, dry_run)
    result.duplicates.sort(key=lambda r: r.line)
    result.rejected.sort(key=lambda r: r.line)
    return result


def import_source(store, data, mapping, mode: int = MODE_ALL_OR_NOTHING, progress=None,
                  dry_run: bool = False) -> ImportResult:
    """A whole source (``SourceData`` read by ``read_source``) into the store
    through ``mapping``: every row converted, checked and written as
    ``import_rows`` does, or, with ``dry_run``, only checked (the preview).
    A CSV is converted a column at a time (``prepare_columns``), with the
    same result."""
    table = prepare_columns(data, mapping, store.crs, store.tz)
    if table is None:
        return import_rows(store, convert_rows(data, mapping, store.crs, store.tz), mode, progress, dry_run)
    return import_columns(store, table, mode, progress, dry_run)
