"""The PostgreSQL/PostGIS backend: a store in a schema of its own (default
``lagesbild``) of a PostgreSQL database with PostGIS, shared by every
organisation's office at once. Its DDL is in ``ddl.py``, its geometry and
time codecs in ``codec.py``; here is what connects them to the store.

The driver is psycopg2 (Debian's ``python3-psycopg2``), imported only when a
PostgreSQL store is used. A password never leaves the connection: it is not
part of a location's display, a layer's source or an error message."""

from __future__ import annotations

import contextlib
import io
import re
from datetime import datetime

from ....i18n import tr
from ...errors import AccessDeniedError, NotAStoreError, StoreBusyError, StoreError
from ...location import StoreLocation, without_secrets
from .. import sqltext
from . import access, audit, codec, read
from .ddl import PostgisDDL

CONNECT_TIMEOUT_S = 10
LOCK_TIMEOUT = "30s"


def _driver():
    try:
        import psycopg2
        import psycopg2.errorcodes
        import psycopg2.extras
    except ImportError as error:
        raise StoreError(tr(
            "a PostgreSQL store needs the psycopg2 module (Debian: python3-psycopg2), which is not installed"
        )) from error
    return psycopg2


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@contextlib.contextmanager
def _in_words():
    """The driver's errors as the store's, in words (a transaction rolls back
    on any error, these included)."""
    psycopg2 = _driver()
    try:
        yield
    except psycopg2.Error as error:
        raise PostgisBackend.translate_error(error) from error


class Connection:
    """A psycopg2 connection as the store uses it: ``?`` placeholders become
    psycopg2's, explicit transactions (autocommit otherwise)."""

    def __init__(self, raw, location: StoreLocation):
        self.raw = raw
        self.location = location

    @property
    def in_transaction(self) -> bool:
        psycopg2 = _driver()
        return self.raw.info.transaction_status != psycopg2.extensions.TRANSACTION_STATUS_IDLE

    @staticmethod
    def _statement(sql: str, params):
        params = list(params) if params is not None else []
        if not params:
            return sql, None
        return sql.replace("%", "%%").replace("?", "%s"), params

    def execute(self, sql: str, params=()):
        cursor = self.raw.cursor()
        with _in_words():
            cursor.execute(*self._statement(sql, params))
        return cursor

    def executemany(self, sql: str, rows):
        rows = [list(row) for row in rows]
        cursor = self.raw.cursor()
        if rows:
            statement, _ = self._statement(sql, rows[0] or [None])
            with _in_words():
                _driver().extras.execute_batch(cursor, statement, rows, page_size=1000)
        return cursor

    def close(self) -> None:
        self.raw.close()


class PostgisBackend(PostgisDDL):
    name = "postgres"

    # --- connecting and transactions -------------------------------------------
    @staticmethod
    def _open(location: StoreLocation):
        psycopg2 = _driver()
        try:
            raw = psycopg2.connect(location.conninfo(), connect_timeout=CONNECT_TIMEOUT_S,
                                   application_name="Lägesbild")
        except psycopg2.Error as error:
            raise NotAStoreError(tr("cannot connect to {location}: {reason}").format(
                location=location.display, reason=_reason(error))) from error
        raw.autocommit = True
        with raw.cursor() as cursor:
            cursor.execute("SET TimeZone = 'UTC'")
            cursor.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
            cursor.execute(f"SET search_path TO {_identifier(location.schema)}, public")
        return Connection(raw, location)

    def _schema_exists(self, connection: Connection) -> bool:
        return connection.execute("SELECT 1 FROM pg_namespace WHERE nspname = ?",
                                  (connection.location.schema,)).fetchone() is not None

    def exists(self, location: StoreLocation) -> bool:
        connection = self._open(location)
        try:
            return self._schema_exists(connection)
        finally:
            connection.close()

    def create(self, location: StoreLocation, begin: bool = False) -> Connection:
        """With ``begin`` the schema is made inside a transaction left open:
        the caller's work and the schema then land together or not at all
        (a killed client leaves no empty schema)."""
        connection = self._open(location)
        try:
            if self._schema_exists(connection):
                raise StoreError(tr(
                    "{location}: the schema {schema} exists already: a new store is never written over one"
                ).format(location=location.display, schema=location.schema))
            if connection.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone() is None:
                try:
                    connection.execute("CREATE EXTENSION postgis")
                except StoreError as error:
                    raise StoreError(tr(
                        "{location}: PostGIS is not installed in the database and could not be ({reason}); "
                        "ask the database's administrator to run CREATE EXTENSION postgis"
                    ).format(location=location.display, reason=error)) from error
            if begin:
                connection.execute("BEGIN")
            connection.execute(f"CREATE SCHEMA {_identifier(location.schema)}")
        except BaseException:
            connection.close()
            raise
        return connection

    def discard(self, location: StoreLocation, connection: Connection) -> None:
        try:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            connection.execute(f"DROP SCHEMA IF EXISTS {_identifier(location.schema)} CASCADE")
        finally:
            connection.close()

    def connect(self, location: StoreLocation, read_only: bool = False) -> Connection:
        connection = self._open(location)
        if read_only:
            connection.execute("SET default_transaction_read_only = on")
        return connection

    def read_meta(self, location: StoreLocation, connection: Connection | None = None) -> dict[str, str]:
        """Through ``connection`` when one is given (``Store.open``: one
        connection, not two), else through a read-only one of its own."""
        own = connection is None
        if own:
            connection = self.connect(location, read_only=True)
        try:
            if not self._schema_exists(connection) or "lagesbild_meta" not in self.table_names(connection):
                raise NotAStoreError(tr("{location} holds no Lägesbild store").format(location=location.display))
            return dict(connection.execute("SELECT key, value FROM lagesbild_meta").fetchall())
        finally:
            if own:
                connection.close()

    @contextlib.contextmanager
    def transaction(self, connection: Connection):
        if connection.in_transaction:
            yield connection
            return
        connection.execute("BEGIN")
        try:
            yield connection
        except BaseException:  # the driver's errors come as the store's (Connection.execute)
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    @staticmethod
    def translate_error(error: BaseException) -> BaseException:
        psycopg2 = _driver()
        if not isinstance(error, psycopg2.Error):
            return error
        code = getattr(error, "pgcode", None) or ""
        if code in ("55P03", "40001", "40P01"):  # lock not available, serialisation failure, deadlock
            return StoreBusyError(tr(
                "the store is busy: someone else is saving to it; nothing was written, try again in a moment"))
        if code == "42501":  # insufficient privilege, row-level security
            return AccessDeniedError(tr(
                "your login may not make this change in the store: its role and organisation do not allow it; "
                "nothing was written"))
        if code.startswith("23") or code == "P0001":  # integrity constraints, the triggers' refusals
            return StoreError(tr("the store refused the change, and nothing was written: {reason}").format(
                reason=_reason(error)))
        return StoreError(tr("the store could not be written, and nothing was written: {reason}").format(
            reason=_reason(error)))

    # --- who may do what --------------------------------------------------------
    @staticmethod
    def access_statements(connection: Connection) -> list[str]:
        return access.access_statements(connection.location.schema)

    @staticmethod
    def grant_access(connection: Connection, login: str, organisation: str, role: str) -> None:
        if role not in access.ROLES:
            raise StoreError(tr("not a role: {role} (reporter, coordinator or reader)").format(role=role))
        if login in {access.role_name(connection.location.schema, r) for r in access.ROLES}:
            raise StoreError(tr("{login} is one of the store's own roles, not a person's login").format(login=login))
        if connection.execute("SELECT 1 FROM pg_roles WHERE rolname = ? AND rolcanlogin",
                              (login,)).fetchone() is None:
            raise StoreError(tr("there is no database login {login}: ask the database's administrator to "
                                "create it (CREATE ROLE … LOGIN)").format(login=login))
        for sql, params in access.grant_statements(connection.location.schema, login, organisation, role):
            connection.execute(sql, params)

    # --- codecs ----------------------------------------------------------------
    encode_points = staticmethod(codec.encode_points)
    decode_points = staticmethod(codec.decode_points)
    encode_geometry = staticmethod(codec.encode)
    decode_geometry = staticmethod(codec.decode)
    encode_time = staticmethod(codec.encode_time)
    decode_time = staticmethod(codec.decode_time)
    encode_epochs = staticmethod(codec.encode_epochs)
    time_bound = staticmethod(codec.time_bound)

    @staticmethod
    def read_arrays(connection: Connection, where: str, params: list, columns: tuple[str, ...]):
        """The store's ``arrays`` through one binary COPY (``read.py``), or None."""
        with connection.raw.cursor() as cursor, _in_words():
            return read.read_arrays(cursor, where, params, columns)

    # --- SQL that differs ----------------------------------------------------------
    @staticmethod
    def epoch_sql(column: str) -> str:
        return f"floor(extract(epoch FROM {column}))::bigint"

    @staticmethod
    def bbox_condition(table: str, bounds: tuple[float, float, float, float], srid: int,
                       per_row: bool = False) -> tuple[str, list]:
        # per_row: PostgreSQL's planner weighs the GiST and the date index itself
        return f"geom && ST_MakeEnvelope(?, ?, ?, ?, {int(srid)})", [float(v) for v in bounds]

    @staticmethod
    def insert(connection: Connection, table: str, values: dict) -> int:
        names = list(values)
        cursor = connection.execute(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)}) RETURNING fid",
            [values[n] for n in names])
        return int(cursor.fetchone()[0])

    @staticmethod
    def insert_many(connection: Connection, table: str, names: list[str], rows: list[tuple]) -> None:
        """COPY … FROM STDIN in CSV: one round trip for many rows, not one each."""
        buffer = io.StringIO()
        for row in rows:
            buffer.write(",".join(_csv_value(value) for value in row))
            buffer.write("\n")
        buffer.seek(0)
        with connection.raw.cursor() as cursor, _in_words():
            cursor.copy_expert(f"COPY {table} ({', '.join(names)}) FROM STDIN WITH (FORMAT csv)", buffer)

    @staticmethod
    def check_intact(connection: Connection, location: StoreLocation, thorough: bool = False) -> None:
        """A server keeps its own pages whole (checksums, WAL): nothing to check here."""

    @staticmethod
    def seal_history(connection: Connection) -> int:
        """Seal the history's unsealed rows through the store's own function
        (``audit.SEAL_FUNCTION``): 0 when another sealer is at work."""
        return int(connection.execute(f"SELECT {audit.SEAL_FUNCTION}()").fetchone()[0])

    @staticmethod
    @contextlib.contextmanager
    def bulk_load(connection: Connection, table_name: str):
        """The GiST index and the triggers keep up by themselves (the rows go
        in by COPY, ``insert_many``); the new rows' points need no extra step."""
        yield None

    @classmethod
    def area_condition(cls, location: StoreLocation, area: str, geometry=None) -> str:
        """Inside the area, as the store decides it (the first area of that
        name); qualified by the schema, since QGIS's connection has its own
        search path."""
        areas = f"{_identifier(location.schema)}.areas"
        return (f"ST_Intersects(geom, (SELECT a.geom FROM {areas} a WHERE a.name = {cls.literal(area)} "
                "ORDER BY a.fid LIMIT 1))")

    @staticmethod
    def literal(value) -> str:
        """``value`` as a PostgreSQL literal (standard-conforming strings)."""
        return sqltext.literal(value, _text_literal)

    # --- QGIS -------------------------------------------------------------------
    @staticmethod
    def layer_source(location: StoreLocation, table: str) -> tuple[str, str]:
        """A QGIS ``postgres`` provider source: the database's keys (never a
        password), the table in the store's schema, its key and geometry."""
        from ....domain import schema

        keys = location.connection_keys()
        parts = [f"{key}='{value}'" if key in ("dbname", "user", "service") else f"{key}={value}"
                 for key, value in keys.items() if key != "password"]
        parts.append("key='fid'" if schema.table(table).key is None else f"key='{schema.table(table).key}'")
        parts.append("checkPrimaryKeyUnicity='0'")
        geometry = f" ({schema.GEOMETRY_COLUMN})" if schema.table(table).geometry else ""
        parts.append(f'table={_identifier(location.schema)}.{_identifier(table)}{geometry}')
        return " ".join(parts), "postgres"


def _text_literal(value) -> str:
    if isinstance(value, datetime):
        return f"'{value.isoformat()}'::timestamptz"
    return "'" + str(value).replace("'", "''") + "'"


def _csv_value(value) -> str:
    """A value in PostgreSQL's CSV: NULL unquoted and empty, text always quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()  # EWKB: PostGIS reads a geometry from its hex text
    if isinstance(value, datetime):
        return value.isoformat()
    return '"' + str(value).replace('"', '""') + '"'


def _reason(error) -> str:
    """The driver's message for a person: its first line, without a password."""
    diag = getattr(error, "diag", None)
    text = (getattr(diag, "message_primary", None) or str(error) or type(error).__name__).strip()
    return without_secrets(re.split(r"\n", text)[0])
