"""The field copy: a small GeoPackage store for reporters in the field (QField),
holding only what they need, and the record of what it held when it was made.

It is a store of its own (``Store.create``), so the phone's edits meet the
same CHECK constraints and triggers as every other client. It holds the
recent incidents (other organisations' ``description``, ``handling_note`` and
``police_report_ref`` blanked: a reporter sees where and what, not another
organisation's words), the areas, the active measures and the code tables.
Nothing of the source's history goes in.

``field_base`` (an unregistered table, invisible in QGIS) keeps each copied
incident as it was copied, with its store version: the merge
(``core/store/merge``) compares the field's rows against it to find what was
edited in the field and whether the store changed meanwhile."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ..domain import schema
from ..domain.periods import Period, local_today
from ..i18n import tr
from .errors import StoreError
from .location import StoreLocation
from .records import IncidentFilter

DEFAULT_DAYS = 90
# what a reporter of another organisation does not carry into the field
OTHER_ORGANISATIONS_TEXTS = ("description", "handling_note", "police_report_ref")
FIELD_COPY_NAME = "lagesbild_field.gpkg"
BASE_TABLE = "field_base"
PHOTO_FOLDER = "DCIM"
META_ORGANISATION = "field_organisation"
META_SOURCE = "field_source"
META_MADE_AT = "field_made_at"
_COLUMNS = (schema.GEOMETRY_COLUMN,) + schema.INCIDENTS.field_names


@dataclass
class FieldCopyResult:
    path: Path
    incidents: int
    blanked: int  # incidents whose other-organisation texts were left out
    areas: int
    measures: int


def make_field_copy(store, target, organisation: str, days: int = DEFAULT_DAYS, area: str | None = None,
                    now=None) -> FieldCopyResult:
    """Write the field copy of the open ``store`` at ``target`` (a new
    GeoPackage) for reporters of ``organisation``: the incidents of the last
    ``days`` days (local, the store's zone; only those in ``area`` when given)."""
    from . import Store  # the package's Store: this module is part of it

    if organisation not in store.organisation_codes():
        raise StoreError(tr("the store has no organisation {code}").format(code=organisation))
    target = Path(target)
    today = local_today(store.tz, now)
    period = Period(today - timedelta(days=max(int(days), 1) - 1), today)
    incidents = store.incidents(IncidentFilter(period=period, area=area or None))
    measures = [m for m in store.measures() if m.status == "active"]
    field = Store.create(StoreLocation.geopackage(target), crs=store.crs, time_zone=store.time_zone,
                         extent=store.extent)
    try:
        blanked = 0
        with field.transaction() as db:
            present = field.organisation_codes()
            for org in store.organisations():
                values = (org["name_sv"], org["name_en"], int(org["active"]), org["code"])
                if org["code"] in present:
                    db.execute("UPDATE organisations SET name_sv = ?, name_en = ?, active = ? WHERE code = ?", values)
                else:
                    db.execute("INSERT INTO organisations (name_sv, name_en, active, code) VALUES (?, ?, ?, ?)",
                               values)
            names = ", ".join(_COLUMNS)
            marks = ", ".join("?" for _ in _COLUMNS)
            for incident in incidents:
                record = {name: getattr(incident, name) for name in schema.INCIDENTS.field_names}
                if incident.reporting_org != organisation:
                    if any(record[name] for name in OTHER_ORGANISATIONS_TEXTS):
                        blanked += 1
                    record.update(dict.fromkeys(OTHER_ORGANISATIONS_TEXTS))
                row = [field._point((incident.x, incident.y))]
                row += [field._value(name, record[name]) for name in schema.INCIDENTS.field_names]
                db.execute(f"INSERT INTO incidents ({names}) VALUES ({marks})", row)
            db.execute(f"CREATE TABLE {BASE_TABLE} AS SELECT fid, {names} FROM incidents")
            db.execute(f"CREATE UNIQUE INDEX {BASE_TABLE}_uuid ON {BASE_TABLE} (uuid)")
            meta = {META_ORGANISATION: organisation, META_SOURCE: store.location.display,
                    META_MADE_AT: field.backend.encode_time(now or datetime.now(timezone.utc))}
            db.executemany("INSERT INTO lagesbild_meta (key, value) VALUES (?, ?)", list(meta.items()))
        for each in store.areas():
            field.add_area(each.name, each.kind, each.geometry)
        for measure in measures:
            values = {name: getattr(measure, name) for name in schema.MEASURES.field_names}
            field.add_measure(values | {"geometry": measure.geometry})
    except BaseException:
        field.close()
        target.unlink(missing_ok=True)  # no half copy goes to the field
        raise
    field.close()
    (target.parent / PHOTO_FOLDER).mkdir(exist_ok=True)
    return FieldCopyResult(target, len(incidents), blanked, len(store.areas()), len(measures))


def field_settings(field) -> dict[str, str]:
    """The field copy's own keys in ``lagesbild_meta``; empty for a store that
    is no field copy."""
    keys = (META_ORGANISATION, META_SOURCE, META_MADE_AT)
    marks = ", ".join("?" for _ in keys)
    return dict(field._db.execute(f"SELECT key, value FROM lagesbild_meta WHERE key IN ({marks})", keys))


def base_incidents(field) -> dict:
    """The incidents as the field copy held them when it was made, by uuid."""
    found = field._select_incidents("1 = 1", (), table=BASE_TABLE)
    return {incident.uuid: incident for incident in found}
