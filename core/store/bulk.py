"""Many incidents at once, as NumPy columns: validated as a whole (each
problem with its row number), then turned into rows for one transaction.
Used by the demo data and by imports; the stored forms (geometry, times)
come from the store's backend."""

from __future__ import annotations

import contextlib
import re
from datetime import datetime, timezone

import numpy as np

from ..domain import codelist, personal_data, schema, validation
from ..domain.timeutil import now_utc
from ..domain.validation import FUTURE_TOLERANCE, Problem, ValidationError
from ..i18n import tr
from .errors import Cancelled, StoreError

REQUIRED = ("x", "y", "category", "occurred_from", "reporting_org")
OPTIONAL = ("subcategory", "occurred_to", "reported_at", "status", "police_reported", "estimated_cost_sek",
            "place_name", "description", "handling_org", "uuid", "police_report_ref", "handling_note",
            "source", "source_id", "location_precision")
TIME_COLUMNS = ("occurred_from", "occurred_to", "reported_at")
NO_TIME = np.iinfo(np.int64).min  # a missing time among UTC epoch milliseconds
MAX_LISTED_PROBLEMS = 100
CHUNK_ROWS = 50_000  # rows built and inserted at a time: memory stays flat at any size
# validation.has_control_character's characters, to search a whole column at once
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TEXT_FIELDS = {f.name: f.length for f in schema.INCIDENTS.fields if f.type == schema.TEXT}


def _flag(problems: list, mask: np.ndarray, field: str, code: str, message: str,
          limit: int | None = MAX_LISTED_PROBLEMS) -> None:
    rows = np.nonzero(mask)[0][:limit] + 1
    problems.extend(Problem(field, code, message, int(row)) for row in rows)


def utc_millis(values) -> np.ndarray:
    """A time column as UTC epoch milliseconds, ``NO_TIME`` where there is
    none: NumPy datetimes (NaT for none), or whole epoch seconds (-1 for none)."""
    values = np.asarray(values)
    if values.dtype.kind == "M":
        return values.astype("datetime64[ms]").view(np.int64)
    seconds = values.astype(np.int64)
    return np.where(seconds >= 0, seconds * 1000, NO_TIME)


def _member(values, allowed) -> np.ndarray:
    """Whether each value is one of ``allowed``: at once when every distinct
    value is (the common case), else value by value."""
    allowed = frozenset(allowed)
    if allowed.issuperset(values):
        return np.ones(len(values), dtype=bool)
    return np.fromiter((v in allowed for v in values), dtype=bool, count=len(values))


def _texts_of(values) -> list:
    return values.tolist() if isinstance(values, np.ndarray) else list(values)


def _text_problems(problems: list, columns: dict, flag=_flag) -> None:
    """Every text column: no control character, not longer than its field;
    looked at as one joined text first, value by value only where needed."""
    for name, limit_chars in _TEXT_FIELDS.items():
        if name not in columns:
            continue
        texts = _texts_of(columns[name])
        present = list(filter(None, texts))
        try:
            joined = "".join(present)
        except TypeError:  # not all texts: said by the check of each value
            present = [str(t) for t in present]
            joined = "".join(present)
        if _CONTROL.search(joined):
            controlled = np.fromiter((validation.has_control_character(v) for v in texts), dtype=bool,
                                     count=len(texts))
            flag(problems, controlled, name, "control_character", validation.control_character_message())
        if limit_chars and present and max(map(len, present)) > limit_chars:
            lengths = np.fromiter((len(v) if isinstance(v, str) else 0 for v in texts), dtype=np.int64,
                                  count=len(texts))
            flag(problems, lengths > limit_chars, name, "too_long",
                 tr("is longer than {limit} characters").format(limit=limit_chars))


def validate_columns(columns: dict, extent, organisations: frozenset[str], now_epoch: int,
                     limit: int | None = MAX_LISTED_PROBLEMS) -> list[Problem]:
    """Every rule of ``validation.validate_incident`` (and every CHECK of the
    table, which a bulk load does not evaluate again), vectorised; at most
    ``limit`` rows listed per rule (None: every row)."""

    def flag(*args):
        _flag(*args, limit=limit)

    problems: list[Problem] = []
    missing = [name for name in REQUIRED if name not in columns]
    unknown = set(columns) - set(REQUIRED) - set(OPTIONAL)
    if missing or unknown:
        return [Problem(n, "required", tr("column is missing")) for n in missing] + [
            Problem(n, "unknown_field", tr("is not a field of an incident")) for n in sorted(unknown)]
    lengths = {len(values) for values in columns.values()}
    if len(lengths) != 1:
        return [Problem("columns", "length", tr("columns differ in length"))]
    x, y = np.asarray(columns["x"], dtype=np.float64), np.asarray(columns["y"], dtype=np.float64)
    xmin, ymin, xmax, ymax = extent
    flag(problems, ~(np.isfinite(x) & np.isfinite(y)), "geometry", "not_point",
          tr("the place must be a single point"))
    flag(problems, np.isfinite(x) & np.isfinite(y) & ~((x >= xmin) & (x <= xmax) & (y >= ymin) & (y <= ymax)),
          "geometry", "outside", tr("the place lies outside the store's extent"))

    category = _texts_of(columns["category"])
    flag(problems, ~_member(category, codelist.BY_CODE), "category", "unknown", tr("unknown category"))
    if "subcategory" in columns:
        sub = _texts_of(columns["subcategory"])
        known = _member(sub, set(codelist.SUBCATEGORY_PARENT) | {"", None})
        flag(problems, ~known, "subcategory", "unknown", tr("unknown subcategory"))
        pairs = set(zip(sub, category))
        if any(s and codelist.category_of(s) not in (None, c) for s, c in pairs):
            wrong = np.fromiter((bool(s) and codelist.category_of(s) not in (None, c) for s, c in zip(sub, category)),
                                dtype=bool, count=len(sub))
            flag(problems, wrong, "subcategory", "mismatch", tr("is not a subcategory of its category"))
    for name in ("reporting_org", "handling_org"):
        if name in columns:
            orgs = _texts_of(columns[name])
            bad = ~_member(orgs, set(organisations) | ({"", None} if name == "handling_org" else set()))
            flag(problems, bad, name, "unknown", tr("unknown organisation"))
    for name, allowed, message in (("status", codelist.STATUS_CODES, tr("unknown status")),
                                   ("location_precision", schema.LOCATION_PRECISIONS,
                                    tr("unknown location precision"))):
        if name in columns:
            flag(problems, ~_member(_texts_of(columns[name]), allowed), name, "unknown", message)

    start = utc_millis(columns["occurred_from"])
    latest = (now_epoch + int(FUTURE_TOLERANCE.total_seconds())) * 1000
    flag(problems, start == NO_TIME, "occurred_from", "required", tr("is required"))
    for name in TIME_COLUMNS:
        if name in columns:
            flag(problems, utc_millis(columns[name]) > latest, name, "future", tr("lies in the future"))
    for name, message in (("occurred_to", tr("is before the start of the incident")),
                          ("reported_at", tr("is before the incident happened"))):
        if name in columns:
            moment = utc_millis(columns[name])
            flag(problems, (moment != NO_TIME) & (start != NO_TIME) & (moment < start), name, "order", message)
    if "estimated_cost_sek" in columns:
        cost = np.asarray(columns["estimated_cost_sek"], dtype=np.float64)
        flag(problems, cost < 0, "estimated_cost_sek", "negative", tr("cannot be negative"))
        flag(problems, np.isinf(cost), "estimated_cost_sek", "not_finite",
              validation.not_finite_message("inf"))
    _text_problems(problems, columns, flag)
    return problems


def random_uuids(count: int, rng: np.random.Generator | None = None) -> list[str]:
    """Version 4 UUIDs; reproducible when ``rng`` is seeded."""
    rng = rng or np.random.default_rng()
    raw = rng.integers(0, 256, size=(count, 16), dtype=np.uint8)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80
    hexes = [bytes(r).hex() for r in raw]
    return [f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}" for h in hexes]


def _texts(values) -> list:
    """A column as a list of Python texts (None and NaN as given, numbers as text)."""
    values = values.tolist() if isinstance(values, np.ndarray) else list(values)
    return [v if v is None or isinstance(v, str) else str(v) for v in values]


def guard_columns(columns: dict, clean: bool = False) -> tuple[dict, list[Problem]]:
    """The personal-data guard over the free-text columns: ``(columns,
    problems)``, the columns cleaned when ``clean`` (personal_data.guard_column)."""
    problems: list[Problem] = []
    columns = dict(columns)
    for name in personal_data.FREE_TEXT_FIELDS:
        if name in columns:
            texts, found = personal_data.guard_column(name, _texts(columns[name]), clean)
            problems += found[:MAX_LISTED_PROBLEMS]
            if clean:
                columns[name] = np.asarray(texts, dtype=object)
    return columns, problems


def checked_columns(columns: dict, store, clean: bool = False) -> dict:
    """``columns`` after the personal-data guard (refusing, or cleaning when
    ``clean``) and validation; ValidationError names each bad row."""
    columns, problems = guard_columns(columns, clean)
    problems += validate_columns(columns, store.extent, store.organisation_codes(), int(now_utc().timestamp()))
    if problems:
        raise ValidationError(problems)
    return columns


def _texts_or_none(values) -> list:
    return [v if v else None for v in _texts_of(values)]


def _times(backend, millis: np.ndarray) -> list:
    """Stored times of UTC epoch milliseconds (``NO_TIME``: none)."""
    if not len(millis) or (millis[0] == NO_TIME and np.all(millis == NO_TIME)):  # a column no row fills
        return [None] * len(millis)
    if not np.any((millis % 1000 != 0) & (millis != NO_TIME)):
        return backend.encode_epochs(np.where(millis == NO_TIME, -1, millis // 1000)).tolist()
    return [None if v == NO_TIME else backend.encode_time(datetime.fromtimestamp(v / 1000, timezone.utc))
            for v in millis.tolist()]


def incident_chunk(columns: dict, store, start: int, stop: int, now: str, created_now: bool = False,
                   rng: np.random.Generator | None = None) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of rows ``start:stop`` of validated ``columns``,
    ready for one INSERT. ``created_at`` is ``now`` when ``created_now``,
    else the time reported (the demo data's history)."""
    backend = store.backend
    count = stop - start

    def column(name, default):
        return columns[name][start:stop] if name in columns else np.full(count, default)

    cost = np.asarray(column("estimated_cost_sek", np.nan), dtype=np.float64)
    data = {
        schema.GEOMETRY_COLUMN: backend.encode_points(np.asarray(columns["x"][start:stop], dtype=np.float64),
                                                      np.asarray(columns["y"][start:stop], dtype=np.float64),
                                                      store.srs_id),
        "uuid": _texts_of(columns["uuid"][start:stop]) if "uuid" in columns else random_uuids(count, rng),
        "category": _texts_of(columns["category"][start:stop]),
        "subcategory": _texts_or_none(column("subcategory", "")),
        "occurred_from": _times(backend, utc_millis(columns["occurred_from"][start:stop])),
        "occurred_to": _times(backend, utc_millis(column("occurred_to", -1))),
        "reported_at": [now if v is None else v for v in _times(backend, utc_millis(column("reported_at", -1)))],
        "reporting_org": _texts_of(columns["reporting_org"][start:stop]),
        "police_reported": np.asarray(column("police_reported", False)).astype(bool).astype(int).tolist(),
        "estimated_cost_sek": [None if v != v else v for v in cost.tolist()],
        "status": [v or "new" for v in _texts_of(column("status", "new"))],
        "location_precision": [v or "exact" for v in _texts_of(column("location_precision", "exact"))],
    }
    for name in ("place_name", "description", "handling_org", "police_report_ref", "handling_note", "source",
                 "source_id"):
        if name in columns:
            data[name] = _texts_or_none(columns[name][start:stop])
    data["created_at"] = data["updated_at"] = [now] * count if created_now else data["reported_at"]
    data["updated_by_org"] = data["reporting_org"]
    names = list(data)
    return names, list(zip(*(data[n] for n in names)))


def write_columns(store, columns: dict, progress=None, chunk_size: int = CHUNK_ROWS, clean: bool = False,
                  created_now: bool = False, bulk_min_rows: int = 10_000, checked: bool = False) -> int:
    """Validate ``columns`` as a whole, then insert them chunk by chunk in
    one transaction (joining an open one), through the backend's bulk load
    when the load is large against what the table holds (``bulk_min_rows``).
    ``progress(fraction)`` is called after each chunk; False rolls back and
    raises ``Cancelled``. ``checked``: the caller has guarded and validated
    the columns already (an import). Returns the number of rows written."""
    if not checked:
        columns = checked_columns(columns, store, clean)
    count = len(columns["x"])
    now = store.backend.encode_time(now_utc())
    with store.transaction() as db:
        bulk = count >= bulk_min_rows and count >= store.count()
        loader = store.backend.bulk_load(db, "incidents") if bulk else contextlib.nullcontext(None)
        with loader as add_points:
            first_fid = db.execute("SELECT coalesce(max(fid), 0) FROM incidents").fetchone()[0]
            for start in range(0, count, chunk_size):
                stop = min(count, start + chunk_size)
                names, rows = incident_chunk(columns, store, start, stop, now, created_now)
                store.backend.insert_many(db, "incidents", names, rows)
                del rows
                if progress is not None and progress(stop / count) is False:
                    raise Cancelled(tr("cancelled: nothing was written"))
            if add_points is not None:
                fids = np.fromiter((row[0] for row in db.execute(
                    "SELECT fid FROM incidents WHERE fid > ? ORDER BY fid", (first_fid,))), dtype=np.int64)
                if len(fids) != count:
                    raise StoreError(tr("the store changed during the load: nothing was written"))
                add_points(fids, np.asarray(columns["x"], dtype=np.float64), np.asarray(columns["y"], dtype=np.float64))
        refresh_extents = getattr(store.backend, "refresh_extents", None)  # a GeoPackage's contents table
        if refresh_extents is not None:
            refresh_extents(db)
    return count
