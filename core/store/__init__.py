"""The store: incidents, areas, measures, the code tables and the history,
in a backend behind one seam (``backend.Backend``; a GeoPackage file today).

Every write is one transaction; every query is parameterised; a user's text
never becomes SQL. Times are written as UTC and read in the store's zone.

- ``location``: where a store is (``StoreLocation``), parsed in one place;
- ``records``: what it holds (``Incident``, ``Area``, ``Measure``) and
  ``IncidentFilter``;
- ``lifecycle``, ``writes``, ``queries``: the ``Store``, the same for every
  backend, in three parts;
- ``report_identity``: the municipality's name and logo on its reports;
- ``sqlfilter``: an ``IncidentFilter`` as SQL, the one renderer;
- ``bulk``: many incidents at once, validated as NumPy columns;
- ``backends/``: one folder per backend (``gpkg/``)."""

from __future__ import annotations

from .chain import StoreAudit
from .errors import (
    AccessDeniedError,
    Cancelled,
    ConflictError,
    DamagedStoreError,
    NewerVersionError,
    NotAStoreError,
    NotFoundError,
    StoreBusyError,
    StoreError,
)
from .lifecycle import DEFAULT_CRS, StoreLifecycle, default_extent, spatial_reference
from .location import StoreLocation
from .queries import StoreQueries
from .records import (
    CODE_GROUPS,
    EDITABLE_FIELDS,
    GROUPS,
    ROLES,
    TIME_FIELDS,
    TIME_GROUPS,
    Area,
    Incident,
    IncidentFilter,
    Measure,
)
from .report_identity import ReportIdentity, StoreReportIdentity
from .writes import BULK_LOAD_MIN_ROWS, StoreWrites


class Store(StoreLifecycle, StoreWrites, StoreQueries, StoreAudit, StoreReportIdentity):
    """One Lägesbild store. Use ``Store.create`` or ``Store.open`` with a
    location (a ``StoreLocation``, a path, or text); close it (or use it as a
    context manager) when done."""


__all__ = [
    "BULK_LOAD_MIN_ROWS", "CODE_GROUPS", "DEFAULT_CRS", "EDITABLE_FIELDS", "GROUPS", "ROLES", "TIME_FIELDS",
    "TIME_GROUPS",
    "AccessDeniedError", "Area", "Cancelled", "ConflictError", "DamagedStoreError", "Incident", "IncidentFilter",
    "Measure", "ReportIdentity",
    "NewerVersionError", "NotAStoreError", "NotFoundError", "Store", "StoreBusyError", "StoreError", "StoreLocation",
    "default_extent", "spatial_reference",
]
