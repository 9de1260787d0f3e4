"""Is the store whole? (``lagesbild:verifystore``, and ``Store.open`` before
writing.) Checks the file's integrity (a GeoPackage's ``PRAGMA
integrity_check``), the schema version, the audit triggers (present, enabled
and equal to what the schema renders today) and the history's hash chain
(``chain.check``), and reports what is wrong in words. A repair restores
missing or altered triggers and records that in the history; nothing repairs
the chain: a break in it is the evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain import schema
from ..i18n import tr
from . import chain
from .backends import backend_for
from .errors import DamagedStoreError, StoreError
from .location import StoreLocation


class TriggersAlteredError(StoreError):
    """The store's audit triggers are missing or altered: it is not written to."""


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    sealed: int = 0
    head: tuple[int, str] = (0, chain.GENESIS)

    def text(self) -> str:
        lines = [tr("Problems: {count}").format(count=len(self.problems))]
        lines += [f"- {problem}" for problem in self.problems]
        if self.repaired:
            lines.append(tr("Repaired: {count}").format(count=len(self.repaired)))
            lines += [f"- {repair}" for repair in self.repaired]
        lines.append(tr("History rows sealed now: {count}").format(count=self.sealed))
        lines.append(tr("Last sealed history row: number {seq}, hash {hash} (note it outside the store to "
                        "detect a rewritten chain later)").format(seq=self.head[0], hash=self.head[1] or "-"))
        return "\n".join(lines)


def trigger_problems(connection, backend) -> tuple[list[str], list[str]]:
    """(problems in words, names of the triggers concerned)."""
    expected = backend.expected_triggers()
    installed = backend.installed_triggers(connection)
    problems, names = [], []
    for name in sorted(expected):
        if name not in installed:
            problems.append(tr("the trigger {name} is missing").format(name=name))
        elif installed[name] != expected[name]:
            problems.append(tr("the trigger {name} was altered or disabled").format(name=name))
        else:
            continue
        names.append(name)
    for name in sorted(set(installed) - set(expected)):
        problems.append(tr("the trigger {name} is not one of this version's").format(name=name))
        names.append(name)
    return problems, names


def refuse_altered_triggers(connection, backend, location: StoreLocation) -> None:
    """Before a store is opened for writing: refuse it, with the way to repair
    it, when its audit triggers are missing or altered (edits would escape
    the history)."""
    problems, names = trigger_problems(connection, backend)
    if problems:
        raise TriggersAlteredError(tr(
            "{store}: the store's audit triggers are missing or altered ({names}), so changes would escape its "
            "history; it is not opened for writing. Check and repair it with the Processing algorithm "
            "lagesbild:verifystore with REPAIR=true (it restores the triggers and records the repair in the "
            "history)").format(store=location.display, names=", ".join(names)))


def _repair(connection, backend, names: list[str]) -> None:
    with backend.transaction(connection):
        for sql in backend.drop_trigger_statements(connection):
            connection.execute(sql)
        for sql in backend.trigger_statements():
            connection.execute(sql)
        connection.execute(
            "INSERT INTO incident_history (incident_uuid, changed_at, changed_by_org, field, old_value, new_value) "
            "VALUES (?, ?, NULL, ?, ?, ?)",
            (schema.STORE_UUID, backend.encode_time(_now()), schema.HISTORY_REPAIRED, ", ".join(names),
             "triggers restored"))
        chain.seal(connection, backend)


def _now():
    from ..domain.timeutil import now_utc

    return now_utc()


def verify_store(location, repair: bool = False) -> Report:
    """Check the store at ``location`` (and repair its triggers if asked);
    seal what is unsealed. Raises StoreError only when it is no store."""
    from .lifecycle import StoreLifecycle

    location = StoreLocation.parse(location)
    backend = backend_for(location)
    report = Report()
    version = StoreLifecycle.inspect(location)
    connection = backend.connect(location)
    try:
        try:
            backend.check_intact(connection, location, thorough=True)
        except DamagedStoreError as error:  # in words already: the backend's own
            report.problems.append(str(error))
            return report
        if version != schema.SCHEMA_VERSION:
            report.problems.append(tr(
                "the store has schema version {version}, this plugin's is {current}: open it once with the "
                "plugin to migrate it, then verify it again").format(version=version, current=schema.SCHEMA_VERSION))
            return report
        problems, names = trigger_problems(connection, backend)
        if problems and repair:
            _repair(connection, backend, names)
            report.repaired += problems
            problems, names = trigger_problems(connection, backend)
        report.problems += problems
        report.problems += chain.check(connection, backend)
        if not problems and chain.unsealed(connection):
            with backend.transaction(connection):
                report.sealed = chain.seal(connection, backend)
        report.head = chain.head(connection)
        return report
    finally:
        connection.close()
