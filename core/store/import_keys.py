"""Which imported rows are in the store already, or repeat an earlier row
of the source: by the import key (``source``, ``source_id``) and by
``uuid``: the one answer for rows given as columns
(``importing.import_columns``) and row by row (``importing._duplicates``)."""

from __future__ import annotations

import numpy as np

from ..domain.validation import Problem
from ..i18n import tr

_CHUNK = 500  # keys asked for in one query


def existing(db, sql: str, keys: list, before: tuple = ()) -> set:
    """The ``keys`` the query finds, asked ``_CHUNK`` at a time."""
    found = set()
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start:start + _CHUNK]
        found |= {row[0] for row in db.execute(sql.format(marks=", ".join("?" for _ in chunk)), (*before, *chunk))}
    return found


def _in_store(db, sources: list, ids: list, uuids: list | None) -> np.ndarray:
    count = len(ids)
    found = np.zeros(count, dtype=bool)
    for source in set(sources):
        mine = [i for s, i in zip(sources, ids) if s == source] if len(set(sources)) > 1 else ids
        stored = existing(db, "SELECT source_id FROM incidents WHERE source = ? AND source_id IN ({marks})",
                          list(set(mine)), (source,))
        if stored:
            found |= np.fromiter((s == source and i in stored for s, i in zip(sources, ids)), dtype=bool,
                                 count=count)
    if uuids is not None:
        stored = existing(db, "SELECT uuid FROM incidents WHERE uuid IN ({marks})", list({u for u in uuids if u}))
        if stored:
            found |= np.fromiter((u in stored for u in uuids), dtype=bool, count=count)
    return found


def duplicates(db, sources, ids, uuids, lines) -> dict[int, Problem]:
    """Row index → why it is a duplicate: in the store already, or an earlier row of the source."""
    sources, ids, lines = list(sources), list(ids), np.asarray(lines).tolist()
    uuids = None if uuids is None else list(uuids)
    in_store = _in_store(db, sources, ids, uuids)
    if uuids is None:  # the common case: one key per row
        keys = ids if len(set(sources)) == 1 else list(zip(sources, ids))
        seen: dict = {}
        firsts = [seen.setdefault(key, line) for key, line in zip(keys, lines)]
    else:
        seen, firsts = {}, []
        for source, id_, uuid, line in zip(sources, ids, uuids, lines):
            keys = [("key", source, id_)] + ([("uuid", uuid)] if uuid else [])
            firsts.append(next((seen[k] for k in keys if k in seen), line))
            for key in keys:
                seen.setdefault(key, line)
    found: dict[int, Problem] = {}
    for index in np.nonzero(in_store)[0].tolist():
        found[index] = Problem("source_id", "duplicate", tr("was imported before; it is in the store already"))
    repeated = np.nonzero(~in_store & (np.asarray(firsts) != np.asarray(lines)))[0].tolist()
    for index in repeated:
        found[index] = Problem("source_id", "duplicate", tr("the same row as line {line}").format(
            line=firsts[index]))
    return dict(sorted(found.items()))
