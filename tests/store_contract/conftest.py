"""The store's contract: every test in this folder runs once per backend.

A backend enters the contract with one entry in ``BACKENDS`` and an
``OtherClient`` of its own: a client that is not the plugin (``ogrinfo`` for
a GeoPackage, ``psql`` for PostgreSQL), with which the tests edit the store
behind the plugin's back and check that a refused write left it untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import fingerprint, ogr_sql

BACKENDS = ("gpkg",)


class GeoPackageClient:
    """GDAL's GeoPackage driver, as ``ogrinfo -sql`` uses it."""

    def __init__(self, location):
        self.path = Path(location.target)

    def execute(self, sql: str) -> None:
        ogr_sql(self.path, sql)

    def fingerprint(self):
        """Equal before and after: nothing in the store changed."""
        return fingerprint(self.path)


CLIENTS = {"gpkg": GeoPackageClient}


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def new_location(backend, tmp_path):
    """Where a new, empty store of ``backend`` can be created."""
    from lagesbild.core.store import StoreLocation

    if backend == "gpkg":
        return StoreLocation.geopackage(tmp_path / "store.gpkg")
    raise AssertionError(f"no location for backend {backend}")


@pytest.fixture
def store(new_location):
    from lagesbild.core.store import Store

    with Store.create(new_location) as opened:
        assert opened.backend.name == new_location.backend
        yield opened


@pytest.fixture
def other_client(store):
    return CLIENTS[store.location.backend](store.location)
