"""Opening a PostgreSQL store makes one connection to the server, not one to
look and another to work; a location without a store is refused with that
one connection closed."""

from __future__ import annotations

import pytest

from lagesbild.core.store import NotAStoreError, Store, StoreLocation


@pytest.fixture
def counted_connections(monkeypatch):
    import psycopg2

    made = []
    connect = psycopg2.connect

    def counting(*args, **kwargs):
        made.append(connect(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(psycopg2, "connect", counting)
    return made


def test_opening_a_postgres_store_makes_one_connection(postgres_server, counted_connections):
    keys = f"host=127.0.0.1 port={postgres_server.port} dbname=lagesbild_test user=postgres"
    location = StoreLocation.parse(f"{keys} schema=einmal")
    try:
        Store.create(location).close()
        counted_connections.clear()
        with Store.open(location) as store:
            assert store.count() == 0 and len(store.areas()) == 0
            assert len(counted_connections) == 1 and not counted_connections[0].closed
        assert counted_connections[0].closed

        counted_connections.clear()
        with pytest.raises(NotAStoreError, match="holds no Lägesbild store"):
            Store.open(f"{keys} schema=ingen_alls")
        assert len(counted_connections) == 1 and counted_connections[0].closed
    finally:
        postgres_server.sql("lagesbild_test", "DROP SCHEMA IF EXISTS einmal CASCADE")
