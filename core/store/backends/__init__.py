"""The store's backends, one module or folder each, registered by name.

``gpkg``: a GeoPackage file (SQLite). A server backend (PostgreSQL with
PostGIS) goes in a folder beside it and into ``BACKENDS``."""

from __future__ import annotations

from ...i18n import tr
from ..errors import StoreError
from ..location import StoreLocation
from .gpkg import GeoPackageBackend

BACKENDS = {GeoPackageBackend.name: GeoPackageBackend()}


def backend_for(location: StoreLocation):
    """The backend that serves ``location``."""
    try:
        return BACKENDS[location.backend]
    except KeyError:
        raise StoreError(tr(
            "{location}: stores of kind {kind} are not supported by this version of Lägesbild"
        ).format(location=location.display, kind=location.backend)) from None
