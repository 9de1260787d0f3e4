"""The GeoPackage's SQLite connection, speaking the store's errors: every
``sqlite3`` error of a statement or of reading its rows comes out as a
StoreError in words (a busy store, a damaged file, a refused change), never
as a raw ``sqlite3`` message."""

from __future__ import annotations

import sqlite3

from ....i18n import tr
from ...errors import DamagedStoreError, StoreBusyError, StoreError

# how long a save waits for another program's write lock before giving up
BUSY_TIMEOUT_S = 30
# what SQLite says of a file that is not (or no longer) a whole database
_DAMAGE_MARKERS = ("malformed", "not a database", "disk i/o error", "corrupt", "database disk image")


def busy_message(seconds: float = BUSY_TIMEOUT_S) -> str:
    return tr("the store is busy: another program has been writing to it for {seconds} s; try again, "
              "or close the other program's edit session").format(seconds=f"{seconds:g}")


def damaged(path, reason: str) -> DamagedStoreError:
    return DamagedStoreError(tr(
        "the store {path} is damaged and cannot be read ({reason}); nothing was changed: restore the file "
        "from a backup, or check it with lagesbild:verifystore").format(path=path or "", reason=reason))


def translate_error(error: BaseException, path=None) -> BaseException:
    """The store's error for an ``sqlite3`` error; anything else as it is."""
    if not isinstance(error, sqlite3.Error):
        return error
    text = str(error)
    lowered = text.lower()
    if isinstance(error, sqlite3.OperationalError) and ("locked" in lowered or "busy" in lowered):
        return StoreBusyError(busy_message())
    if isinstance(error, sqlite3.DatabaseError) and any(m in lowered for m in _DAMAGE_MARKERS):
        return damaged(path, text)
    if isinstance(error, sqlite3.IntegrityError):
        return StoreError(tr("the store refused the change, and nothing was written: {reason}").format(
            reason=text))
    return StoreError(tr("the store could not be written, and nothing was written: {reason}").format(
        reason=text))


class StoreCursor(sqlite3.Cursor):
    """A cursor whose statements and rows raise the store's errors."""

    def _translated(self, error):
        return translate_error(error, getattr(self.connection, "store_path", None))

    def execute(self, *args):
        try:
            return super().execute(*args)
        except sqlite3.Error as error:
            raise self._translated(error) from error

    def executemany(self, *args):
        try:
            return super().executemany(*args)
        except sqlite3.Error as error:
            raise self._translated(error) from error

    def executescript(self, *args):
        try:
            return super().executescript(*args)
        except sqlite3.Error as error:
            raise self._translated(error) from error

    def __next__(self):
        try:
            return super().__next__()
        except sqlite3.Error as error:
            raise self._translated(error) from error

    def fetchone(self):
        try:
            return super().fetchone()
        except sqlite3.Error as error:
            raise self._translated(error) from error

    def fetchmany(self, *args):
        try:
            return super().fetchmany(*args)
        except sqlite3.Error as error:
            raise self._translated(error) from error

    def fetchall(self):
        try:
            return super().fetchall()
        except sqlite3.Error as error:
            raise self._translated(error) from error


class StoreConnection(sqlite3.Connection):
    """``sqlite3.connect(..., factory=StoreConnection)``: every cursor (also the
    one ``execute`` makes) is a StoreCursor."""

    store_path = None

    def cursor(self, factory=StoreCursor):
        return super().cursor(factory)

    # sqlite3's own execute makes its cursor without asking ``cursor``
    def execute(self, *args):
        return self.cursor().execute(*args)

    def executemany(self, *args):
        return self.cursor().executemany(*args)

    def executescript(self, *args):
        return self.cursor().executescript(*args)


def connect(target: str, path, uri: bool = False, timeout: float = BUSY_TIMEOUT_S) -> StoreConnection:
    connection = sqlite3.connect(target, uri=uri, isolation_level=None, timeout=timeout, factory=StoreConnection)
    connection.store_path = str(path)
    return connection
