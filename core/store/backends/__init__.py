"""The store's backends, one folder each, registered by name.

``gpkg``: a GeoPackage file (SQLite). ``postgres``: a schema of a PostgreSQL
database with PostGIS (its driver, psycopg2, is imported only when used)."""

from __future__ import annotations

from ...i18n import tr
from ..errors import StoreError
from ..location import StoreLocation
from .gpkg import GeoPackageBackend

BACKENDS = {GeoPackageBackend.name: GeoPackageBackend()}


def _postgis():
    from .postgis import PostgisBackend

    return PostgisBackend()


_LATER = {"postgres": _postgis}  # made on first use


def backend_for(location: StoreLocation):
    """The backend that serves ``location``."""
    if location.backend not in BACKENDS and location.backend in _LATER:
        BACKENDS[location.backend] = _LATER[location.backend]()
    try:
        return BACKENDS[location.backend]
    except KeyError:
        raise StoreError(tr(
            "{location}: stores of kind {kind} are not supported by this version of Lägesbild"
        ).format(location=location.display, kind=location.backend)) from None
