"""A small store for the field project and merge tests: recent incidents of
two organisations with their free texts, an old one, an area, an active and
a planned measure."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from store_helpers import TOWN, incident

from lagesbild.core.store import Store

SQUARE = ("POLYGON((619000 6649000, 622000 6649000, 622000 6652000, 619000 6652000, 619000 6649000))")
FAR_SQUARE = ("POLYGON((640000 6700000, 641000 6700000, 641000 6701000, 640000 6701000, 640000 6700000))")


def days_ago(days: int) -> datetime:
    return (datetime.now(timezone.utc) - timedelta(days=days)).replace(microsecond=0)


def field_store(path) -> dict:
    """Make the store at ``path``; returns the uuids by role."""
    with Store.create(path) as store:
        store.add_area("Centrum", "district", SQUARE)
        store.add_area("Bruket", "district", FAR_SQUARE)
        store.add_measure({"title": "Belysning", "kind": "situational", "start_date": date.today(),
                           "status": "active", "geometry": SQUARE})
        store.add_measure({"title": "Planerad", "kind": "social", "start_date": date.today(),
                           "status": "planned", "geometry": SQUARE})
        own = store.add_incident(incident(occurred_from=days_ago(5), occurred_to=None, reporting_org="housing",
                                          description="Krossad ruta i trapphus", police_report_ref="5000-K1"))
        other = store.add_incident(incident(occurred_from=days_ago(3), occurred_to=None, reporting_org="police",
                                            description="Polisens egen text", handling_org="police",
                                            handling_note="Polisens anteckning", police_report_ref="5000-K2"))
        old = store.add_incident(incident(occurred_from=days_ago(200), occurred_to=None,
                                          description="Gammal händelse"))
        far = store.add_incident(incident(occurred_from=days_ago(2), occurred_to=None, geometry=(640500, 6700500),
                                          description="Vid bruket"))
    assert TOWN
    return {"own": own.uuid, "other": other.uuid, "old": old.uuid, "far": far.uuid}
