"""Imported rows into the store: every row checked by the store's own rules
(``Store.add_incidents``, the form's write path, which refuses the whole
batch naming each bad row; ``validation.validate_incident`` to list the rest
of what is wrong with a row whose values could not even be read), rows
already imported (the same ``source`` and ``source_id``, or the same
``uuid``) skipped, all of it one transaction.

All or nothing (the default): one bad row and nothing is written. Skip bad
rows: exactly the good rows are written. Either way each refused row comes
back with its line in the source and every problem."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.importing import PreparedRow
from ..domain.validation import Context, Problem, ValidationError, validate_incident
from ..i18n import tr
from .errors import Cancelled
from .records import EDITABLE_FIELDS

MODE_ALL_OR_NOTHING, MODE_SKIP_BAD_ROWS = 0, 1
_CHUNK = 500  # keys asked for in one query


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
    imported: int = 0
    duplicates: list[Refused] = field(default_factory=list)
    rejected: list[Refused] = field(default_factory=list)

    @property
    def refused(self) -> list[Refused]:
        """Every row not written, in the order of the source."""
        return sorted(self.rejected + self.duplicates, key=lambda r: r.line)


class _Rollback(Exception):
    pass


def _existing(db, sql: str, keys: list, before: tuple = ()) -> set:
    found = set()
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start:start + _CHUNK]
        found |= {row[0] for row in db.execute(sql.format(marks=", ".join("?" for _ in chunk)), (*before, *chunk))}
    return found


def _duplicates(db, rows: list[PreparedRow]) -> dict[int, Problem]:
    """Row index → why it is a duplicate: in the store already, or an earlier row of the source."""
    found: dict[int, Problem] = {}
    in_store: dict[str, set] = {}
    for source in {r.values["source"] for r in rows}:
        ids = list({r.values["source_id"] for r in rows if r.values["source"] == source})
        in_store[source] = _existing(db, "SELECT source_id FROM incidents WHERE source = ? AND source_id IN ({marks})",
                                     ids, (source,))
    uuids = _existing(db, "SELECT uuid FROM incidents WHERE uuid IN ({marks})",
                      list({r.values["uuid"] for r in rows if r.values.get("uuid")}))
    seen: dict[tuple, int] = {}
    for index, row in enumerate(rows):
        keys = [("key",) + row.key] + ([("uuid", row.values["uuid"])] if row.values.get("uuid") else [])
        first = next((seen[k] for k in keys if k in seen), None)
        if row.values["source_id"] in in_store[row.values["source"]] or row.values.get("uuid") in uuids:
            found[index] = Problem("source_id", "duplicate", tr("was imported before; it is in the store already"))
        elif first is not None:
            found[index] = Problem("source_id", "duplicate", tr("the same row as line {line}").format(line=first))
        for key in keys:
            seen.setdefault(key, row.line)
    return found


def _row_problems(row: PreparedRow, context: Context) -> list[Problem]:
    unknown = set(row.values) - set(EDITABLE_FIELDS) - {"uuid"}
    return row.problems + [Problem(n, "unknown_field", tr("is not a field of an incident")) for n in sorted(unknown)] \
        + [p for p in validate_incident(row.values, context) if not any(q.field == p.field for q in row.problems)]


def import_rows(store, rows: list[PreparedRow], mode: int = MODE_ALL_OR_NOTHING, progress=None) -> ImportResult:
    """Check and write ``rows`` in one transaction. ``progress(fraction)``
    returning False cancels: the transaction is rolled back."""
    result = ImportResult()
    context = Context(extent=store.extent, organisations=store.organisation_codes())
    try:
        with store.transaction() as db:
            duplicates = _duplicates(db, rows)
            good: list[PreparedRow] = []
            for index, row in enumerate(rows):
                if index in duplicates:
                    result.duplicates.append(Refused(row.line, [duplicates[index]], row.raw, duplicate=True))
                elif row.problems:  # a value that could not be read, and whatever else is wrong with the row
                    result.rejected.append(Refused(row.line, _row_problems(row, context), row.raw))
                else:
                    good.append(row)
            if result.rejected and mode == MODE_ALL_OR_NOTHING:
                # nothing will be written: list every bad row all the same
                result.rejected += [Refused(row.line, problems, row.raw) for row in good
                                    if (problems := _row_problems(row, context))]
                raise _Rollback
            if progress is not None and progress(0.1) is False:
                raise Cancelled(tr("cancelled: nothing was written"))
            while good:
                try:  # the store checks every row with every rule it has (the form's own path)
                    store.add_incidents([row.values for row in good])
                    break
                except ValidationError as error:
                    by_row: dict[int, list[Problem]] = {}
                    for p in error.problems:
                        by_row.setdefault((p.row or 1) - 1, []).append(Problem(p.field, p.code, p.message))
                    result.rejected += [Refused(good[i].line, ps, good[i].raw) for i, ps in sorted(by_row.items())]
                    if mode == MODE_ALL_OR_NOTHING:
                        raise _Rollback from error
                    good = [row for i, row in enumerate(good) if i not in by_row]
            result.imported = len(good)
    except _Rollback:
        result.imported = 0
    result.rejected.sort(key=lambda r: r.line)
    return result
