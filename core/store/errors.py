"""The store's errors, the same for every backend: a backend maps its own
driver's errors onto these, so that no caller ever sees a raw ``sqlite3`` or
``psycopg2`` message."""

from __future__ import annotations

from ..i18n import tr


class StoreError(Exception):
    """A store could not be opened, created or written; the message says why."""


class NotAStoreError(StoreError):
    """The location holds no Lägesbild store (or nothing readable at all)."""


class NewerVersionError(StoreError):
    """The store was made by a newer Lägesbild; it is left untouched."""


class NotFoundError(StoreError):
    pass


class AccessDeniedError(StoreError):
    """The store's database refused the login this change (its role or organisation)."""


class StoreBusyError(StoreError):
    """Another writer held the store for longer than the wait allows."""


class DamagedStoreError(StoreError):
    """The store's file is damaged (not a whole SQLite database any more)."""


class Cancelled(StoreError):
    """The user cancelled a long write; it was rolled back."""


class ConflictError(StoreError):
    """Someone else saved the incident after it was loaded; nothing was written."""

    def __init__(self, incident_uuid: str, expected: int, current: int):
        self.incident_uuid, self.expected, self.current = incident_uuid, expected, current
        super().__init__(tr(
            "the incident was changed by someone else after you loaded it (your version {expected}, "
            "now version {current}); reload it and make your change again"
        ).format(expected=expected, current=current))
