"""The demo municipality written into a store, in one transaction."""

from __future__ import annotations

from datetime import date

import numpy as np

from ..domain import demo
from ..domain.periods import local_today
from ..i18n import tr
from . import DEFAULT_CRS, Store, StoreError, StoreLocation
from .backends import backend_for
from .bulk import random_uuids


def write_demo(store: Store, data: demo.DemoData, seed: int, progress=None) -> None:
    """Areas, measures and incidents of ``data``, all or nothing. Demo data
    goes only into an empty store in SWEREF 99 TM, never among real reports."""
    if store.crs != DEFAULT_CRS:
        raise StoreError(tr("demo data is in {crs}; this store is in {store_crs}").format(
            crs=DEFAULT_CRS, store_crs=store.crs))
    if store.count() or store.areas() or store.measures():
        raise StoreError(tr("the store already holds data: demo data goes only into an empty store"))
    columns = dict(data.incidents)
    # reproducible identifiers: the same seed gives the same store
    columns["uuid"] = np.asarray(random_uuids(len(columns["x"]), np.random.default_rng([seed, 1])), dtype=object)
    with store.transaction():
        for area in data.areas:
            store.add_area(area.name, area.kind, area.wkt)
        for measure in data.measures:
            store.add_measure({
                "title": measure.title, "kind": measure.kind, "responsible_org": measure.responsible_org,
                "start_date": measure.start_date, "end_date": measure.end_date, "status": measure.status,
                "expected_effect": measure.expected_effect, "followup_date": measure.followup_date,
                "followup_result": measure.followup_result, "geometry": measure.wkt,
            })
        store.add_incident_arrays(columns, progress=progress)


def build_demo_store(location, size: int, seed: int, today: date | None = None, progress=None):
    """Open the store at ``location`` (or create it with the defaults) and
    fill it with the demo municipality. A store that was created here and
    could not be filled is removed again. Returns the file of a GeoPackage
    store, else the location."""
    location = StoreLocation.parse(location)
    backend = backend_for(location)
    created = not backend.exists(location)
    store = Store.create(location) if created else Store.open(location)
    try:
        with store:
            data = demo.generate(size, seed, today or local_today(store.tz), store.time_zone)
            write_demo(store, data, seed, progress)
    except BaseException:
        if created:
            backend.discard(location, backend.connect(location))
        raise
    return location.path if location.backend == "gpkg" else location
