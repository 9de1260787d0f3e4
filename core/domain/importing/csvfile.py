"""A CSV file read column by column: ``CsvRows``.

Each row keeps the physical line where it starts (the header is line 1; a
quoted field may span lines), with ``,`` or ``;`` and UTF-8 or
Windows-1252 found by looking, as Python's own reader reads it. The cells
are kept as one list per column (a million rows as a few lists, not a
million dicts); ``CsvRows`` is still the sequence of ``SourceRow`` that
every other source gives, each row built when asked for, so the preview
and the row-by-row conversion read it as before, and the import converts
it a whole column at a time (``columnar``)."""

from __future__ import annotations

import csv
from array import array
from collections.abc import Sequence
from pathlib import Path

from ...i18n import tr
from .fastparse import collection_paused
from .readers import ImportSourceError, SourceData, SourceRow, sniff_delimiter

EXTRA_CELLS = "\x00extra"
_BATCH = 20_000  # records turned into columns at a time


class CsvRows(Sequence):
    """The rows of a CSV file: ``cells[j][i]`` is column ``j`` of row ``i``
    (None where the row has fewer cells), ``lines[i]`` its first line,
    ``extra[i]`` the cells beyond the header's columns."""

    def __init__(self, columns: list[str], cells: list[list], lines: array, extra: dict[int, list]):
        self.columns, self.cells, self.lines, self.extra = columns, cells, lines, extra

    def __len__(self) -> int:
        return len(self.lines)

    def values(self, index: int) -> dict:
        values = {column: cells[index] for column, cells in zip(self.columns, self.cells)}
        if index in self.extra:
            values[EXTRA_CELLS] = self.extra[index]
        return values

    def raw(self, index: int) -> dict:
        """The row as it was, for the list of rejected rows (as ``convert`` gives it)."""
        return {column: "" if cells[index] is None else cells[index].strip()
                for column, cells in zip(self.columns, self.cells)}

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return SourceRow(self.lines[index], self.values(index))


def _flush(batch: list, cells: list[list], shared: list) -> None:
    """The batch's records onto the columns; a column with few distinct
    texts (a category, an organisation: told by the first batch) keeps one
    copy of each text."""
    for j, (column, values) in enumerate(zip(cells, zip(*batch))):
        if shared[j] is None and not column:
            shared[j] = {} if len(set(values)) * 4 < len(values) else False
        if isinstance(shared[j], dict):
            if len(shared[j]) > _BATCH:  # not so few after all
                shared[j] = False
            else:
                values = map(shared[j].setdefault, values, values)
        column.extend(values)
    batch.clear()


def read_csv(path: Path) -> SourceData:
    """The file at ``path`` as ``readers.decode`` and ``sniff_delimiter`` read it, without holding its text."""
    try:
        path.read_bytes().decode("utf-8-sig")
        encoding, opened = "utf-8", "utf-8-sig"
    except UnicodeDecodeError:
        encoding, opened = "cp1252", "cp1252"
    with open(path, encoding=opened, errors="replace", newline="") as handle:
        delimiter = sniff_delimiter(handle.read(1 << 20))
    with open(path, encoding=opened, errors="replace", newline="") as handle, collection_paused():
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            columns = [c.strip() for c in next(reader)]
        except StopIteration:
            raise ImportSourceError(tr("{name} is empty").format(name=path.name)) from None
        except csv.Error as error:
            raise ImportSourceError(tr("{name} cannot be read as CSV: {error}").format(
                name=path.name, error=error)) from error
        width = len(columns)
        cells: list[list] = [[] for _ in columns]
        shared: list = [None for _ in columns]  # per column: its texts, or False to keep each cell
        lines, extra, batch = array("q"), {}, []
        last_line = reader.line_num
        try:
            for record in reader:
                start, last_line = last_line + 1, reader.line_num
                if not any(map(str.strip, record)):
                    continue
                if len(record) != width:
                    if len(record) > width:
                        extra[len(lines)] = record[width:]
                        record = record[:width]
                    else:
                        record = record + [None] * (width - len(record))
                lines.append(start)
                batch.append(record)
                if len(batch) == _BATCH:
                    _flush(batch, cells, shared)
        except csv.Error as error:
            raise ImportSourceError(tr("{name} cannot be read as CSV after line {line}: {error}").format(
                name=path.name, line=last_line, error=error)) from error
        _flush(batch, cells, shared)
    return SourceData(path.stem, columns, CsvRows(columns, cells, lines, extra), kind="csv", encoding=encoding,
                      delimiter=delimiter)
