"""The history's hash chain (README "Audit trail"): each sealed history row
carries ``row_hash``, the sha256 of its content and of the row sealed before
it, numbered by ``seal_seq``. A GeoPackage's triggers write history rows
unsealed (SQLite has no sha256, and a plain client calls no plugin code); the
plugin seals every unsealed row, in order, inside each of its write
transactions and in ``lagesbild:verifystore``. PostgreSQL's trigger seals a
row as it is written, over the same text (``postgis/audit.py``). A sealed row that was edited,
removed or moved then no longer fits the chain, and ``check`` says so.

A free-text row (``schema.FREE_TEXT_FIELDS``) is chained through
``text_seal`` = "salt:sha256(salt, values)" instead of its values, so that the
retention job may blank its values (and the salt, so the digest can no
longer be matched against a guessed text) without breaking the chain."""

from __future__ import annotations

import hashlib
import json
import secrets

from osgeo import ogr

from ..domain import schema
from ..i18n import tr

GENESIS = ""  # the "previous hash" of the first sealed row
HEAD_KEY = "history_head"  # lagesbild_meta: "seal_seq:row_hash" of the last sealed row
_COLUMNS = "fid, incident_uuid, changed_at, changed_by_org, field, old_value, new_value, seal_seq, row_hash, text_seal"


def _text(value):
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex().upper()
    return str(value)


def _position(value, backend):
    """A position in the history as the same text on every backend (ISO WKB in
    hex): a GeoPackage keeps its blob in hex, PostgreSQL the WKT, and a copy
    between them (``copy.py``) converts one into the other."""
    if value is None:
        return None
    try:
        if backend.name == "gpkg":
            geometry = backend.decode_geometry(bytes.fromhex(str(value)))
        else:
            geometry = ogr.CreateGeometryFromWkt(str(value))
        return bytes(geometry.ExportToIsoWkb(ogr.wkbNDR)).hex()
    except (ValueError, RuntimeError, AttributeError, TypeError):
        return "?" + str(value)  # not a position: hashed as it is


def text_digest(salt: str, old, new) -> str:
    return hashlib.sha256((salt + json.dumps([_text(old), _text(new)], ensure_ascii=False)).encode()).hexdigest()


def row_hash(previous: str, seq: int, row, backend, digest: str | None) -> str:
    """sha256 over the previous row's hash and this row's canonical content."""
    fid, incident_uuid, changed_at, changed_by_org, field, old, new = row[:7]
    if field in schema.FREE_TEXT_FIELDS:
        old = new = None  # covered by the digest
    elif field == schema.GEOMETRY_COLUMN:
        old, new = _position(old, backend), _position(new, backend)
    moment = backend.decode_time(changed_at)  # to the millisecond, which both backends keep
    at = None if moment is None else moment.isoformat(timespec="milliseconds")
    # json.dumps's default separators write what PostgreSQL's json_build_array
    # writes, so that its sealing trigger (postgis/audit.py) hashes the same text
    content = json.dumps([int(seq), int(fid), incident_uuid, at, changed_by_org, field, _text(old), _text(new), digest],
                         ensure_ascii=False)
    return hashlib.sha256((previous + "\n" + content).encode()).hexdigest()


def _digest_of(text_seal: str | None) -> str | None:
    return None if text_seal is None else text_seal.rsplit(":", 1)[-1]


def head(connection) -> tuple[int, str]:
    row = connection.execute("SELECT seal_seq, row_hash FROM incident_history WHERE seal_seq IS NOT NULL "
                             "ORDER BY seal_seq DESC LIMIT 1").fetchone()
    return (int(row[0]), row[1]) if row else (0, GENESIS)


def unsealed(connection) -> int:
    return int(connection.execute("SELECT count(*) FROM incident_history WHERE seal_seq IS NULL").fetchone()[0])


def may_blank(connection, backend) -> bool:
    """Whether this connection may blank history rows: any GeoPackage writer;
    on PostgreSQL the store's owner alone (row-level security holds every
    other login back)."""
    if backend.name != "postgres":
        return True
    return bool(connection.execute("SELECT has_table_privilege('incident_history', 'UPDATE')").fetchone()[0])


def seals_after_commit(backend) -> bool:
    """Whether the store seals its new history rows right after a write
    commits (PostgreSQL: many writers at once, none waiting on another's
    seal) rather than inside it (a GeoPackage's writers queue anyway)."""
    return backend.name == "postgres"


def seal(connection, backend) -> int:
    """Inside an open write transaction: seal every unsealed history row, in
    the order of their fids; returns how many. On PostgreSQL the database's
    own sealing function does it, for any login (none but the owner may
    update the history), and returns 0 when another sealer is at work."""
    if backend.name == "postgres":
        return backend.seal_history(connection)
    rows = connection.execute(f"SELECT {_COLUMNS} FROM incident_history WHERE seal_seq IS NULL "
                              "AND row_hash IS NULL ORDER BY fid").fetchall()
    if not rows:
        return 0
    seq, previous = head(connection)
    updates = []
    for row in rows:
        seq += 1
        text_seal = digest = None
        if row[4] in schema.FREE_TEXT_FIELDS:
            salt = secrets.token_hex(16)
            digest = text_digest(salt, row[5], row[6])
            text_seal = f"{salt}:{digest}"
        previous = row_hash(previous, seq, row, backend, digest)
        updates.append((seq, previous, text_seal, row[0]))
    connection.executemany("UPDATE incident_history SET seal_seq = ?, row_hash = ?, text_seal = ? WHERE fid = ?",
                           updates)
    record_head(connection)
    return len(updates)


def record_head(connection) -> None:
    """Note the last sealed row in ``lagesbild_meta`` (a copy does so for the
    rows it copied with their seals), so that a removed last row shows."""
    seq, last = head(connection)
    connection.execute("INSERT INTO lagesbild_meta (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (HEAD_KEY, f"{seq}:{last}"))


def _describe(row) -> str:
    return tr("history row {fid} ({field} of incident {uuid})").format(fid=row[0], field=row[4], uuid=row[1])


def check(connection, backend) -> list[str]:
    """What is wrong with the chain, in words; empty when every sealed row
    fits it."""
    problems = []
    rows = connection.execute(f"SELECT {_COLUMNS} FROM incident_history WHERE seal_seq IS NOT NULL "
                              "ORDER BY seal_seq, fid").fetchall()
    previous, expected = GENESIS, 1
    for row in rows:
        seq, stored, text_seal = int(row[7]), row[8], row[9]
        if seq < expected:
            problems.append(tr("{row} repeats seal number {seq}: a row was copied or renumbered").format(
                row=_describe(row), seq=seq))
        elif seq > expected:
            problems.append(tr("history rows sealed as numbers {first} to {last} are missing: they were "
                               "deleted").format(first=expected, last=seq - 1))
        digest = None
        if row[4] in schema.FREE_TEXT_FIELDS:
            digest = _digest_of(text_seal)
            if text_seal is None:
                problems.append(tr("{row} has lost its text seal").format(row=_describe(row)))
            elif ":" in text_seal:
                salt = text_seal.split(":", 1)[0]
                if text_digest(salt, row[5], row[6]) != digest:
                    problems.append(tr("{row}: its text was changed after it was sealed").format(row=_describe(row)))
            elif row[5] is not None or row[6] is not None:
                problems.append(tr("{row}: its text was written again after it was blanked").format(
                    row=_describe(row)))
        if stored is None or row_hash(previous, seq, row, backend, digest) != stored:
            problems.append(tr("{row}, sealed as number {seq}, does not fit the hash chain: it was changed, "
                               "or a row before it was removed or moved").format(row=_describe(row), seq=seq))
        previous, expected = stored or "", max(expected, seq + 1)
    recorded = connection.execute("SELECT value FROM lagesbild_meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    last = f"{int(rows[-1][7])}:{rows[-1][8]}" if rows else f"0:{GENESIS}"
    recorded = recorded[0] if recorded else f"0:{GENESIS}"
    if recorded != last:
        problems.append(tr("the store's record of its last seal ({recorded}) does not name the last sealed history "
                           "row ({last}): sealed rows at the end were deleted, or the record was changed").format(
            recorded=recorded, last=last))
    half = connection.execute("SELECT count(*) FROM incident_history WHERE seal_seq IS NULL AND row_hash IS NOT NULL"
                              ).fetchone()[0]
    if half:
        problems.append(tr("{count} history rows have a hash but no seal number: their seal was "
                           "removed").format(count=half))
    if backend.name == "gpkg" and rows:  # a GeoPackage's writers queue: every older row was sealed with them
        older = connection.execute(
            "SELECT count(*) FROM incident_history WHERE seal_seq IS NULL AND fid < "
            "(SELECT max(fid) FROM incident_history WHERE seal_seq IS NOT NULL)").fetchone()[0]
        if older:
            problems.append(tr("{count} unsealed history rows are older than sealed ones: their seal was "
                               "removed").format(count=older))
    return problems


class StoreAudit:
    """Mixed into ``Store``: the audit trail's own writes."""

    def blank_history_texts(self, before) -> int:
        """The retention job's one way to change the history: blank the values
        of free-text history rows (description, handling_note, place_name)
        changed before ``before`` (an aware datetime). Each blanked row is
        recorded in the history (``schema.HISTORY_BLANKED``) by the store's
        triggers and the chain stays whole. Returns how many were blanked."""
        names = ", ".join("?" for _ in schema.FREE_TEXT_FIELDS)
        with self.transaction() as db:
            fids = [fid for (fid,) in db.execute(
                f"SELECT fid FROM incident_history WHERE field IN ({names}) AND changed_at < ? "
                "AND (old_value IS NOT NULL OR new_value IS NOT NULL) ORDER BY fid",
                (*schema.FREE_TEXT_FIELDS, self.backend.time_bound(before.replace(microsecond=0))))]
            return blank(db, self.backend, fids)


def blank(connection, backend, fids) -> int:
    """Inside an open write transaction: blank the values of the free-text
    history rows ``fids`` (both to NULL, the text seal's salt dropped and its
    digest kept), the one change the append-only history allows besides
    sealing; the triggers record each blanking. Rows still unsealed are sealed
    first. Returns how many rows were blanked (fewer where a database's
    policies hold a row back)."""
    seal(connection, backend)
    blanked = 0
    for fid in fids:
        (text_seal,) = connection.execute("SELECT text_seal FROM incident_history WHERE fid = ?", (fid,)).fetchone()
        blanked += connection.execute("UPDATE incident_history SET old_value = NULL, new_value = NULL, "
                                      "text_seal = ? WHERE fid = ?", (_digest_of(text_seal), fid)).rowcount
    return blanked
