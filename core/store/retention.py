"""Retention of free text (``lagesbild:retention``, README "Retention"):
the free texts (``schema.FREE_TEXT_FIELDS``) of incidents closed more than
``retention_months`` ago are blanked, in the incident and in every history
row that holds them; codes, places, times and counts stay for the statistics.

An incident is closed when its status is ``closed``; it was closed at its
history's last change of status to ``closed``, or, without one (an incident
added already closed, or a history from before the audit trail), at its
``updated_at``.

What the history shows afterwards, per incident: the audit triggers' own row
for each text the job emptied (its old and new values blanked in the same
transaction), the triggers' ``text_blanked`` record of every history row
blanked, and one ``retention`` row written by the job (``schema.
HISTORY_RETENTION``) that names the fields emptied, the closing day and the
rule, so that the run is one entry per incident to read. Every row stays in
the hash chain: texts are blanked only through ``chain.blank``."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..domain import schema
from ..domain.timeutil import now_utc
from ..i18n import tr
from . import chain
from .errors import AccessDeniedError, StoreError

SETTING = "retention_months"
DEFAULT_MONTHS = 24  # the law's two-year cycle
MAX_MONTHS = 1200
FIELDS = schema.FREE_TEXT_FIELDS


def retention_months(store) -> int:
    """The store's setting (``lagesbild_meta``), DEFAULT_MONTHS when unset."""
    row = store._db.execute("SELECT value FROM lagesbild_meta WHERE key = ?", (SETTING,)).fetchone()
    try:
        return int(row[0]) if row and row[0] not in (None, "") else DEFAULT_MONTHS
    except ValueError:
        return DEFAULT_MONTHS


def check_months(months) -> int:
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        raise StoreError(tr("the retention period must be a whole number of months from 1 to {most}, not "
                            "{months}").format(most=MAX_MONTHS, months=months))
    return months


def set_retention_months(store, months: int) -> None:
    """Change the store's setting (the store's owner on PostgreSQL)."""
    check_months(months)
    with store.transaction() as db:
        db.execute("INSERT INTO lagesbild_meta (key, value) VALUES (?, ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (SETTING, str(months)))


def months_before(moment: datetime, months: int, tz) -> datetime:
    """The same local time ``months`` calendar months before ``moment`` in
    ``tz`` (a day the month lacks becomes its last day), in UTC."""
    local = moment.astimezone(tz)
    year, month = divmod(local.year * 12 + local.month - 1 - months, 12)
    day = min(local.day, calendar.monthrange(year, month + 1)[1])
    return local.replace(year=year, month=month + 1, day=day).astimezone(timezone.utc)


@dataclass
class Retention:
    """What a run blanks (or, dry, would blank)."""

    months: int
    cutoff: datetime  # closed before this (UTC)
    incidents: dict[str, datetime] = field(default_factory=dict)  # uuid -> when it was closed
    texts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))  # incidents per field
    history_rows: int = 0  # history rows holding a text (the run adds the triggers' own)
    written: bool = False

    def text(self) -> str:
        lines = [tr("Retention: free texts of incidents closed before {cutoff} (more than {months} months "
                    "ago)").format(cutoff=self.cutoff.isoformat(timespec="seconds"), months=self.months),
                 tr("Incidents: {count}").format(count=len(self.incidents))]
        lines += [tr("{field}: {count} texts").format(field=name, count=count) for name, count in self.texts.items()]
        lines.append(tr("History rows holding these texts: {count}").format(count=self.history_rows))
        lines.append(tr("Blanked now.") if self.written else tr("Dry run: nothing was written."))
        return "\n".join(lines)


def _closed_at(store) -> dict[str, datetime]:
    """When each closed incident was closed."""
    backend = store.backend
    changes = {}
    for uuid, at in store._db.execute(
            "SELECT incident_uuid, max(changed_at) FROM incident_history WHERE field = 'status' AND "
            "new_value = 'closed' GROUP BY incident_uuid"):
        changes[uuid] = backend.decode_time(at)
    closed = {}
    for uuid, updated in store._db.execute("SELECT uuid, updated_at FROM incidents WHERE status = 'closed'"):
        closed[uuid] = changes.get(uuid) or backend.decode_time(updated)
    return closed


def plan(store, months: int | None = None, now: datetime | None = None) -> Retention:
    """What a run would blank; reads only."""
    months = check_months(retention_months(store) if months is None else months)
    cutoff = months_before(now or now_utc(), months, store.tz)
    result = Retention(months, cutoff)
    due = {uuid: at for uuid, at in _closed_at(store).items() if at is not None and at < cutoff}
    if not due:
        return result
    names = ", ".join(FIELDS)
    for uuid, *values in store._db.execute(f"SELECT uuid, {names} FROM incidents WHERE status = 'closed'"):
        if uuid not in due:
            continue
        held = [name for name, value in zip(FIELDS, values) if value not in (None, "")]
        for name in held:
            result.texts[name] += 1
        if held:
            result.incidents[uuid] = due[uuid]
    rows = _history_rows(store._db, due)
    for uuid in {uuid for _, uuid in rows}:
        result.incidents.setdefault(uuid, due[uuid])  # a text emptied by hand, still in the history
    result.history_rows = len(rows)
    return result


def _history_rows(db, uuids) -> list[tuple[int, str]]:
    marks = ", ".join("?" for _ in FIELDS)
    return [(fid, uuid) for fid, uuid in db.execute(
        f"SELECT fid, incident_uuid FROM incident_history WHERE field IN ({marks}) "
        "AND (old_value IS NOT NULL OR new_value IS NOT NULL) ORDER BY fid", FIELDS) if uuid in uuids]


def apply(store, months: int | None = None, now: datetime | None = None) -> Retention:
    """Blank what ``plan`` finds, in one transaction: the incidents' texts,
    then every history row holding them (the triggers' new rows too), and
    one ``retention`` history row per incident. On PostgreSQL only the
    store's owner may blank history rows: anyone else is refused before
    anything is written."""
    result = plan(store, months, now)
    if not result.incidents:
        return result
    if not chain.may_blank(store._db, store.backend):
        raise AccessDeniedError(tr(
            "only the store's owner may apply the retention rule: blanking texts in the history is the owner's "
            "alone; nothing was written"))
    at = store.backend.encode_time(now_utc())
    blank = ", ".join(f"{name} = NULL" for name in FIELDS)
    with store.transaction() as db:
        for uuid, closed in sorted(result.incidents.items()):
            emptied = [name for name, value in zip(FIELDS, db.execute(
                f"SELECT {', '.join(FIELDS)} FROM incidents WHERE uuid = ?", (uuid,)).fetchone())
                if value is not None]
            if emptied:
                db.execute(f"UPDATE incidents SET {blank}, version = version + 1 WHERE uuid = ?", (uuid,))
            db.execute(
                "INSERT INTO incident_history (incident_uuid, changed_at, changed_by_org, field, old_value, "
                "new_value) VALUES (?, ?, NULL, ?, ?, ?)",
                (uuid, at, schema.HISTORY_RETENTION, closed.astimezone(store.tz).date().isoformat(),
                 # data, not words for the screen: the same in every language
                 f"blanked: {', '.join(emptied) or '-'}; retention {result.months} months"))
        fids = [fid for fid, _ in _history_rows(db, result.incidents)]
        if chain.blank(db, store.backend, fids) != len(fids):
            raise StoreError(tr("the store did not let every history row be blanked; nothing was written"))
    result.written = True
    return result
