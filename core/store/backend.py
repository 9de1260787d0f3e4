"""The backend seam: what a store's backend must provide, declared once.

The store (``core/store``) writes its SQL in one portable form, with ``?``
placeholders, and leaves to the backend everything that differs between a
GeoPackage and a server database. A new backend is one module under
``backends/`` implementing ``Backend`` and one entry in ``backends.BACKENDS``;
the contract tests (``tests/store_contract``) then run every store test
against it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, Protocol

import numpy as np

from ..domain import schema
from .location import StoreLocation


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> tuple | None: ...

    def fetchall(self) -> list[tuple]: ...

    def __iter__(self) -> Iterator[tuple]: ...


class Connection(Protocol):
    """A DB-API connection as the store uses it: ``?`` placeholders (a backend
    whose driver uses another style converts), explicit transactions."""

    in_transaction: bool

    def execute(self, sql: str, params: Iterable = ()) -> Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Iterable]) -> Cursor: ...

    def close(self) -> None: ...


class Backend(Protocol):
    """Everything that differs between backends. Every method that touches
    the database translates the driver's errors into ``StoreError`` and its
    subclasses (busy, not a store, conflict) in words."""

    name: str

    # --- connecting and transactions -------------------------------------------
    def exists(self, location: StoreLocation) -> bool:
        """Whether something is at the location already (a store or not)."""

    def create(self, location: StoreLocation) -> Connection:
        """A connection to a new, empty container at ``location`` (a file, a
        schema); refuses a location that is taken."""

    def discard(self, location: StoreLocation, connection: Connection) -> None:
        """Undo ``create`` after a failed creation: nothing is left behind."""

    def connect(self, location: StoreLocation, read_only: bool = False) -> Connection:
        """A connection to an existing store (NotAStoreError if none is there)."""

    def read_meta(self, location: StoreLocation) -> dict[str, str]:
        """The store's ``lagesbild_meta`` table, read without writing anything;
        NotAStoreError, in words, when the location holds no store. A server
        backend also takes an open ``connection`` to read it through, so that
        ``Store.open`` makes one connection, not two."""

    def transaction(self, connection: Connection) -> AbstractContextManager[Connection]:
        """One write transaction, committed when the block ends and rolled back
        when it raises; the driver's errors come out as store errors."""

    def translate_error(self, error: BaseException) -> BaseException:
        """The store error for a driver error (or ``error`` itself)."""

    # --- who may do what --------------------------------------------------------
    def access_statements(self, connection: Connection) -> list[str]:
        """Roles, grants and policies of a new store (none for a file)."""

    def grant_access(self, connection: Connection, login: str, organisation: str, role: str) -> None:
        """Make ``login`` a ``role`` (reporter, coordinator, reader) for ``organisation``."""

    # --- codecs ----------------------------------------------------------------
    def encode_points(self, x: np.ndarray, y: np.ndarray, srs_id: int) -> list: ...

    def decode_points(self, values: list) -> tuple[np.ndarray, np.ndarray]: ...

    def encode_geometry(self, geometry: Any, srs_id: int) -> Any:
        """An OGR geometry as the backend stores it."""

    def decode_geometry(self, value: Any) -> Any:
        """A stored geometry as an OGR geometry."""

    def encode_time(self, moment: datetime | None) -> Any: ...

    def decode_time(self, value: Any) -> datetime | None: ...

    def encode_epochs(self, epochs: np.ndarray) -> np.ndarray:
        """UTC epoch seconds (−1 for none) as stored times, for bulk loads."""

    def time_bound(self, moment: datetime) -> Any:
        """A period's bound as a value that compares right with stored times."""

    # --- SQL that differs ----------------------------------------------------------
    def epoch_sql(self, column: str) -> str:
        """An expression for the UTC epoch seconds of a time column."""

    def bbox_condition(self, table: str, bounds: tuple[float, float, float, float], srid: int,
                       per_row: bool = False) -> tuple[str, list]:
        """(condition, params): rows of ``table`` whose geometry may meet
        ``bounds`` (min_x, min_y, max_x, max_y, in the store's CRS ``srid``),
        through the spatial index; ``per_row``: another condition's index
        should drive, the box tested on each of its rows."""

    def insert(self, connection: Connection, table: str, values: dict) -> int:
        """Insert one row and return its new fid."""

    def insert_many(self, connection: Connection, table: str, names: list[str], rows: list[tuple]) -> None:
        """Insert many validated rows at once, the backend's fastest way."""

    def bulk_load(self, connection: Connection, table: str) -> AbstractContextManager:
        """Inside a transaction: a fast path for a large validated insert;
        yields a function that takes the new rows' fids, x and y (arrays), or
        None when the backend's spatial index keeps up by itself."""

    def area_condition(self, location: StoreLocation, area: str, geometry: Any = None) -> str:
        """An exact condition "inside the store's area named ``area``" (whose
        shape is ``geometry``) for a provider filter, whose size does not grow
        with the number of incidents."""

    def literal(self, value: Any) -> str:
        """``value`` as a literal of the SQL QGIS's provider runs (for a layer's
        provider filter): always data, never SQL."""

    # --- keeping the store whole -------------------------------------------------
    def check_intact(self, connection: Connection, location: StoreLocation, thorough: bool = False) -> None:
        """Raise ``DamagedStoreError`` in words when the store's pages are
        damaged (before something is published from it; ``thorough`` for
        ``verifystore``'s full check)."""

    # Optional, looked up where used: ``seal_history(connection) -> int``
    # (PostgreSQL, ``chain.seal``) seals through the store's own function;
    # ``read_arrays(...)`` (``Store.arrays``) reads points the backend's fast
    # way; ``refresh_extents(connection)`` (GeoPackage, ``bulk.write_columns``)
    # keeps the layers' stored extents true after a bulk write, and
    # ``widen_extent(connection, table, envelope)`` (GeoPackage, ``writes``)
    # after a write of one row.

    # --- the schema -------------------------------------------------------------
    def create_statements(self, srs, extent) -> list[tuple[str, tuple]]: ...

    def trigger_statements(self) -> list[str]: ...

    def drop_trigger_statements(self, connection: Connection) -> list[str]: ...

    def migration_statements(self, migration: schema.Migration) -> list[str]: ...

    def repair_statements(self, connection: Connection) -> list[str]: ...

    def index_statements(self, table: schema.Table) -> list[str]: ...

    # --- QGIS -------------------------------------------------------------------
    def layer_source(self, location: StoreLocation, table: str) -> tuple[str, str]:
        """(source, provider key) of the QGIS layer of ``table``."""
