"""The store's contract: every test in this folder runs once per backend.

A backend enters the contract with one entry in ``BACKENDS``, a way to name a
new empty store (``new_location``) and an ``OtherClient`` of its own: a client
that is not the plugin (GDAL for a GeoPackage, plain psycopg2 for PostgreSQL),
with which the tests edit the store behind the plugin's back and check that a
refused write left it untouched."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest
from store_helpers import fingerprint, ogr_sql

BACKENDS = ("gpkg", "postgres")
_SCHEMAS = itertools.count(1)


class GeoPackageClient:
    """GDAL's GeoPackage driver, as ``ogrinfo -sql`` uses it."""

    def __init__(self, location):
        self.path = Path(location.target)

    def execute(self, sql: str) -> None:
        ogr_sql(self.path, sql)

    def fingerprint(self):
        """Equal before and after: nothing in the store changed."""
        return fingerprint(self.path)


class PostgresClient:
    """psycopg2 on a connection of its own, as ``psql`` would edit the store.
    A refusal is raised as RuntimeError naming its SQLSTATE condition."""

    def __init__(self, location):
        self.location = location

    def _connect(self):
        import psycopg2

        connection = psycopg2.connect(self.location.conninfo())
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'SET search_path TO "{self.location.schema}", public')
        return connection

    def execute(self, sql: str) -> None:
        import psycopg2
        import psycopg2.errorcodes

        connection = self._connect()
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
        except psycopg2.Error as error:
            condition = psycopg2.errorcodes.lookup(error.pgcode) if error.pgcode else "ERROR"
            raise RuntimeError(f"{condition}: {error.diag.message_primary}") from error
        finally:
            connection.close()

    def fingerprint(self):
        """A hash of every row of every table of the store's schema."""
        connection = self._connect()
        digest = hashlib.sha256()
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
                for (table,) in cursor.fetchall():
                    cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')
                    digest.update(repr((table, cursor.fetchall())).encode())
        finally:
            connection.close()
        return digest.hexdigest()


CLIENTS = {"gpkg": GeoPackageClient, "postgres": PostgresClient}


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def new_location(request, backend, tmp_path):
    """Where a new, empty store of ``backend`` can be created."""
    from lagesbild.core.store import StoreLocation

    if backend == "gpkg":
        yield StoreLocation.geopackage(tmp_path / "store.gpkg")
        return
    server = request.getfixturevalue("postgres_server")
    schema = f"contract_{next(_SCHEMAS)}"
    yield StoreLocation.parse(f"{server.dsn()} schema={schema}")
    server.sql("lagesbild_test", f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture
def store(new_location):
    from lagesbild.core.store import Store

    with Store.create(new_location) as opened:
        assert opened.backend.name == new_location.backend
        yield opened


@pytest.fixture
def other_client(store):
    return CLIENTS[store.location.backend](store.location)
