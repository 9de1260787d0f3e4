"""What the import dialog shows and edits, without widgets: the field and
value mapping as the user edits it (``MappingEdits`` → ``Mapping``), the
preview of the first rows as they will land and of every problem the import
would find (``build_preview``, through the import's own dry run), the counts
in plain words, and the rejected rows as a CSV file to fix and import again."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from datetime import datetime

from ..domain import codelist
from ..domain.importing import Mapping, SourceData, convert_rows
from ..domain.importing.mapping import TARGETS, Coordinates
from ..domain.importing.values import is_empty, normalised
from ..i18n import language, plural, tr
from ..store.importing import MODE_ALL_OR_NOTHING, ImportResult, Refused, import_source
from .incident_display import TIME_FORMAT, field_label, organisation_name

PREVIEW_ROWS = 20
SWEREF99TM, WGS84 = "EPSG:3006", "EPSG:4326"
REJECTED_COLUMNS = ("line", "field", "reason")  # as the algorithm's rejected rows table names them
_LONGEST = 80  # characters of a text shown in the preview
_HIDDEN = ("source", "source_id")  # the import key: shown only when a column gives it


def field_choices() -> list[tuple[str | None, str]]:
    """(field, text) for a column's choice: «not imported», then every field."""
    return [(None, tr("— not imported —"))] + [(name, f"{field_label(name)} ({name})") for name in TARGETS]


def crs_choices(store_crs: str) -> list[tuple[str, str]]:
    """(CRS, text) for the coordinate columns, the axis order said in words."""
    choices = [(SWEREF99TM, tr("SWEREF 99 TM (EPSG:3006): x = easting, y = northing")),
               (WGS84, tr("WGS 84 (EPSG:4326): x = longitude, y = latitude (not lat, lon)"))]
    if store_crs not in (SWEREF99TM, WGS84):
        choices.append((store_crs, tr("The store's CRS ({crs}): x = easting, y = northing").format(crs=store_crs)))
    return choices


def category_choices() -> list[tuple[str | None, str]]:
    return [(None, tr("— not mapped —"))] + [(c.code, c.label(language())) for c in codelist.CATEGORIES]


def subcategory_choices(category: str | None) -> list[tuple[str | None, str]]:
    subs = codelist.BY_CODE[category].subcategories if category in codelist.BY_CODE else ()
    return [(None, tr("— none —"))] + [(s.code, codelist.label(s.code, language())) for s in subs]


def has_geometry(data: SourceData) -> bool:
    """Whether the source's rows carry points of their own (a layer, GeoJSON, the police feed)."""
    return any(row.point is not None or row.geometry_problem for row in data.rows)


def distinct_texts(data: SourceData, column: str | None) -> list[tuple[str, int]]:
    """The texts of ``column`` (case and spaces ignored), as first written, with how many rows hold each."""
    if column is None:
        return []
    counts: dict[str, list] = {}
    for row in data.rows:
        value = row.values.get(column)
        if is_empty(value):
            continue
        text = " ".join(str(value).split())
        counts.setdefault(normalised(text), [text, 0])[1] += 1
    return [(text, count) for text, count in counts.values()]


@dataclass
class MappingEdits:
    """The mapping as the dialog shows it for one source: every column's
    field (None: not imported), the coordinate columns and their CRS, and
    the codes of every text of the category column (None: not mapped).
    ``base`` (a loaded mapping, and the source's own) keeps what the dialog
    does not show: entries for other columns and texts, defaults, source."""

    base: Mapping
    columns: list[str]
    fields: dict[str, str | None]
    x_column: str | None = None
    y_column: str | None = None
    crs: str | None = None
    categories: dict[str, tuple[str, str | None] | None] = field(default_factory=dict)
    texts: list[tuple[str, int]] = field(default_factory=list)

    @classmethod
    def of_source(cls, data: SourceData, mapping: Mapping | None, store_crs: str) -> MappingEdits:
        mapping = mapping or Mapping()
        full = mapping.merged_over(data.mapping) if data.mapping is not None else mapping
        found = full.field_of_columns(data.columns)
        edits = cls(full, list(data.columns), {column: found.get(column) for column in data.columns})
        coordinates = full.coordinates if has_geometry(data) else full.coordinate_columns(data.columns)
        if coordinates is not None:
            named = {normalised(c): c for c in data.columns}
            edits.x_column = named.get(normalised(coordinates.x))
            edits.y_column = named.get(normalised(coordinates.y))
            edits.crs = coordinates.crs or store_crs
        edits.read_texts(data)
        return edits

    def category_column(self) -> str | None:
        return next((c for c in self.columns if self.field_of(c) == "category"), None)

    def read_texts(self, data: SourceData) -> None:
        """The texts of the category column and their codes (kept where already edited)."""
        self.texts = distinct_texts(data, self.category_column())
        for text, _count in self.texts:
            key = normalised(text)
            if key not in self.categories:
                self.categories[key] = self.base.category_codes(text)

    def set_codes(self, text: str, category: str | None, subcategory: str | None = None) -> None:
        self.categories[normalised(text)] = (category, subcategory if category else None) if category else None

    def codes(self, text: str) -> tuple[str, str | None] | None:
        return self.categories.get(normalised(text))

    def unmapped_texts(self) -> list[str]:
        return [text for text, _count in self.texts if self.codes(text) is None]

    def is_place(self, column: str) -> bool:
        """Whether ``column`` gives the place (then it fills no field)."""
        return bool(self.x_column and self.y_column) and column in (self.x_column, self.y_column)

    def field_of(self, column: str) -> str | None:
        return None if self.is_place(column) else self.fields.get(column)

    def targets_taken_twice(self) -> list[str]:
        """Fields two columns are mapped to (one would overwrite the other)."""
        chosen = [target for column in self.columns if (target := self.field_of(column))]
        return sorted({target for target in chosen if chosen.count(target) > 1})

    def to_mapping(self) -> Mapping:
        named = {normalised(c) for c in self.columns}
        fields = {c: t for c, t in self.base.fields.items() if normalised(c) not in named}
        by_name = {name.casefold() for name in TARGETS}
        for column in self.columns:
            target = self.field_of(column)
            if target is not None or column.strip().casefold() in by_name:
                fields[column] = target  # None: a column named like a field, not imported
        coordinates = None
        if self.x_column and self.y_column:
            coordinates = Coordinates(self.x_column, self.y_column, self.crs)
        categories = dict(self.base.categories)
        for key, codes in self.categories.items():
            if codes is None:
                categories.pop(key, None)
            else:
                categories[key] = codes
        return Mapping(self.base.source, fields, coordinates, categories, dict(self.base.defaults))


@dataclass
class PreviewProblem:
    line: int
    field: str
    reason: str
    duplicate: bool


@dataclass
class Preview:
    """The first rows as they will land, and every row the import would refuse."""

    fields: list[str]  # the columns of the rows, after the line and its check
    rows: list[tuple[int, str, list[str]]]  # (line, check, values as text)
    problems: list[PreviewProblem]
    total: int
    importable: int  # what the import would write as things stand
    duplicates: int
    rejected: int
    summaries: int
    mode: int

    @property
    def headers(self) -> list[str]:
        return [tr("Line"), tr("Check")] + [tr("Point (x, y)") if name == "geometry" else field_label(name)
                                            for name in self.fields]

    def sentence(self) -> str:
        return preview_sentence(self)


def problems_of(refused: list[Refused]) -> list[PreviewProblem]:
    return [PreviewProblem(r.line, r.fields, r.reason, r.duplicate) for r in refused]


def display_value(name: str, value, tz, organisations: list[dict]) -> str:
    """A converted value as the preview shows it: as it will land, in words."""
    if value is None or value == "":
        return ""
    if name == "geometry":
        return ", ".join(f"{v:.2f}" if abs(v) >= 1000 else f"{v:.6f}" for v in value)
    if isinstance(value, datetime):
        return value.astimezone(tz).strftime(TIME_FORMAT)
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, float):
        return f"{value:g}".replace(".", "," if language() == "sv" else ".")  # a decimal comma in Swedish
    if isinstance(value, str) and len(value) > _LONGEST:
        return value[:_LONGEST] + "…"
    if name in ("category", "subcategory"):
        return codelist.label(str(value), language())
    if name in ("reporting_org", "handling_org"):
        return organisation_name(organisations, str(value))
    return str(value)


def build_preview(store, data: SourceData, mapping: Mapping, mode: int = MODE_ALL_OR_NOTHING,
                  limit: int = PREVIEW_ROWS) -> Preview:
    """Every row checked as the import would check it (its dry run: nothing
    is written) and the first ``limit`` rows converted."""
    result = import_source(store, data, mapping, mode, dry_run=True)
    first = convert_rows(replace(data, rows=data.rows[:limit]), mapping, store.crs, store.tz)
    shown_key = "source_id" in mapping.field_of_columns(data.columns).values()
    present = {name for row in first for name, value in row.values.items() if value not in (None, "")}
    names = [n for n in TARGETS if n in present and (n not in _HIDDEN or (n == "source_id" and shown_key))]
    names.append("geometry")
    refused = {r.line: r for r in result.refused}
    organisations = store.organisations()
    rows = []
    for row in first:
        check = tr("OK")
        if row.line in refused:
            check = tr("duplicate") if refused[row.line].duplicate else tr("problem")
        rows.append((row.line, check, [display_value(n, row.values.get(n), store.tz, organisations) for n in names]))
    return Preview(names, rows, problems_of(result.refused), len(data.rows), result.imported,
                   len(result.duplicates), len(result.rejected), data.summaries_skipped, mode)


def preview_sentence(preview: Preview) -> str:
    parts = [plural(preview.total, tr("{n} row read."), tr("{n} rows read."))]
    if preview.rejected and preview.mode == MODE_ALL_OR_NOTHING:
        parts.append(plural(preview.rejected, tr("{n} row has problems: as it is, nothing would be written. Fix it "
                                                 "(the mapping or the file) or choose to skip bad rows."),
                            tr("{n} rows have problems: as it is, nothing would be written. Fix them (the mapping "
                               "or the file) or choose to skip bad rows.")))
    else:
        parts.append(plural(preview.importable, tr("{n} incident would be imported."),
                            tr("{n} incidents would be imported.")))
        if preview.rejected:
            parts.append(plural(preview.rejected, tr("{n} row with problems would be left out."),
                                tr("{n} rows with problems would be left out.")))
    if preview.duplicates:
        parts.append(plural(preview.duplicates, tr("{n} row is in the store already or repeats an earlier line: "
                                                   "skipped."),
                            tr("{n} rows are in the store already or repeat an earlier line: skipped.")))
    if preview.summaries:
        parts.append(plural(preview.summaries, tr("{n} summary of the police's feed is skipped."),
                            tr("{n} summaries of the police's feed are skipped.")))
    return " ".join(parts)


def result_sentence(result: ImportResult, summaries: int, mode: int) -> str:
    """What an import did, in plain words."""
    rejected, duplicates = len(result.rejected), len(result.duplicates)
    if rejected and mode == MODE_ALL_OR_NOTHING:
        parts = [plural(rejected, tr("Nothing was written: {n} row has problems. Fix it (see the problems) or "
                                     "choose to skip bad rows."),
                        tr("Nothing was written: {n} rows have problems. Fix them (see the problems) or choose "
                           "to skip bad rows."))]
    else:
        parts = [plural(result.imported, tr("{n} incident imported."), tr("{n} incidents imported."))]
        if rejected:
            parts.append(plural(rejected, tr("{n} row rejected."), tr("{n} rows rejected.")))
    if duplicates:
        parts.append(plural(duplicates, tr("{n} row was in the store already or repeated an earlier line: "
                                           "skipped."),
                            tr("{n} rows were in the store already or repeated an earlier line: skipped.")))
    if summaries:
        parts.append(plural(summaries, tr("{n} summary of the police's feed skipped."),
                            tr("{n} summaries of the police's feed skipped.")))
    return " ".join(parts)


def write_rejected_csv(path, columns: list[str], rejected: list[Refused]) -> None:
    """The rejected rows (not the duplicates: they are in the store) as a
    CSV file that opens in Excel and imports again once fixed: the line, the
    field and the reason first, then the row's own columns. ``OSError`` when
    the file cannot be written."""
    names = [c if c.casefold() not in REJECTED_COLUMNS else f"source_{c}" for c in columns]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([*REJECTED_COLUMNS, *names])
        for row in rejected:
            writer.writerow([row.line, row.fields, row.reason, *(row.raw.get(c, "") for c in columns)])
