"""What the store writes: organisations, incidents (one at a time, many at
once, updates with a version check), areas and measures. Every write is
validated first and is one transaction; every value is a parameter."""

from __future__ import annotations

import uuid as uuid_module
from dataclasses import fields
from datetime import date

import numpy as np

from ..domain import geometry as geom
from ..domain import personal_data, schema
from ..domain.timeutil import now_utc
from ..domain.validation import (
    ORGANISATION_FIELDS,
    Context,
    Problem,
    ValidationError,
    validate_area,
    validate_incident,
    validate_measure,
)
from ..i18n import tr
from . import bulk, chain
from .errors import AccessDeniedError, ConflictError, NotFoundError, StoreError
from .records import EDITABLE_FIELDS, TIME_FIELDS, Incident, Measure

BULK_LOAD_MIN_ROWS = 10_000
_MEASURE_FIELDS = schema.MEASURES.field_names
_INCIDENT_COLUMNS = ", ".join(["fid", schema.GEOMETRY_COLUMN] + list(schema.INCIDENTS.field_names))


class StoreWrites:
    """Mixed into ``Store``: needs ``_db``, ``backend``, ``srs_id``, ``extent``."""

    def _value(self, name: str, value):
        """A Python value as the backend stores it."""
        if value is None:
            return None
        if name in TIME_FIELDS:
            return self.backend.encode_time(value)
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, date):
            return value.isoformat()
        return value

    def _point(self, value):
        x, y = geom.point_xy(value)
        return self.backend.encode_points(np.array([x]), np.array([y]), self.srs_id)[0]

    def _widen_extent(self, db, table: str, points=(), shape=None) -> None:
        """Keep a layer's stored extent (a GeoPackage's contents table) around
        what was just written: the ``points`` or the ``shape``'s envelope."""
        widen = getattr(self.backend, "widen_extent", None)
        if widen is None:
            return
        if shape is not None:
            min_x, max_x, min_y, max_y = shape.GetEnvelope()
        elif points:
            xs, ys = zip(*(geom.point_xy(p) for p in points))
            min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
        else:
            return
        widen(db, table, (min_x, min_y, max_x, max_y))

    # --- code tables ----------------------------------------------------------
    def organisation_codes(self, active_only: bool = False) -> frozenset[str]:
        sql = "SELECT code FROM organisations" + (" WHERE active = ?" if active_only else "")
        return frozenset(row[0] for row in self._db.execute(sql, (1,) if active_only else ()))

    def organisations(self) -> list[dict]:
        cursor = self._db.execute("SELECT code, name_sv, name_en, active FROM organisations ORDER BY code")
        return [dict(code=c, name_sv=s, name_en=e, active=bool(a)) for c, s, e, a in cursor]

    def add_organisation(self, code: str, name_sv: str, name_en: str | None = None) -> None:
        problems = _required_texts({"code": code, "name_sv": name_sv}, schema.ORGANISATIONS)
        if code in self.organisation_codes():
            problems.append(Problem("code", "duplicate", tr("the organisation exists already")))
        if problems:
            raise ValidationError(problems)
        with self.transaction() as db:
            db.execute("INSERT INTO organisations (code, name_sv, name_en) VALUES (?, ?, ?)",
                       (code, name_sv, name_en or name_sv))
        self._known_organisations = None

    def grant_access(self, login: str, organisation: str, role: str) -> None:
        """Make the database login ``login`` a ``role`` (reporter, coordinator
        or reader) of this store, reporting for ``organisation``."""
        if organisation not in self.organisation_codes():
            raise ValidationError([Problem("organisation", "unknown", tr("unknown organisation"))])
        with self.transaction() as db:
            self.backend.grant_access(db, login, organisation, role)

    def categories(self) -> list[tuple]:
        return list(self._db.execute(
            "SELECT code, parent, label_sv, label_en, colour, icon FROM categories ORDER BY sort_order"))

    # --- incidents ------------------------------------------------------------
    def _context(self, rows=()) -> Context:
        """What validation checks against. The organisations are read once per
        open store and again only when a row names one not yet known (added
        meanwhile by another client): a save reads no code table, and the
        database's own reference checks stay the last word."""
        named = {row.get(name) for row in rows for name in ORGANISATION_FIELDS} - {None, ""}
        known = getattr(self, "_known_organisations", None)
        if known is None or not named <= known:
            known = self._known_organisations = self.organisation_codes()
        return Context(extent=self.extent, organisations=known)

    def add_incident(self, values: dict, clean: bool = False) -> Incident:
        """Validate and add one incident; returns it as stored. Personal data
        in a free text is refused, or replaced by '[…]' when ``clean``."""
        return self.add_incidents([values], clean=clean)[0]

    def add_incidents(self, rows: list[dict], clean: bool = False) -> list[Incident]:
        """Validate every row first, then add them all in one transaction.
        A ValidationError names each bad row (1-based) and nothing is written.
        Personal data in a free text (``personal_data.guard``) is such a
        problem, or is replaced by '[…]' when ``clean``."""
        context = self._context(rows)
        problems = []
        prepared = []
        now = self.backend.encode_time(now_utc())
        for number, values in enumerate(rows, start=1):
            unknown = set(values) - set(EDITABLE_FIELDS) - {"uuid"}
            row_problems = [Problem(name, "unknown_field", tr("is not a field of an incident"), number)
                            for name in sorted(unknown)]
            row_problems += [Problem(p.field, p.code, p.message, number)
                             for p in validate_incident(values, context)]
            values, personal = personal_data.guard(values, clean=clean, row=number)
            row_problems += personal
            problems += row_problems
            if row_problems:
                continue
            record = {name: self._value(name, values.get(name)) for name in EDITABLE_FIELDS if name != "geometry"}
            record["subcategory"] = record["subcategory"] or None
            record["uuid"] = values.get("uuid") or str(uuid_module.uuid4())
            record["police_reported"] = int(bool(values.get("police_reported", False)))
            record["status"] = values.get("status") or "new"
            record["location_precision"] = values.get("location_precision") or "exact"
            record["reported_at"] = record["reported_at"] or now
            record["created_at"] = record["updated_at"] = now
            record["updated_by_org"] = values.get("updated_by_org") or values.get("reporting_org")
            record[schema.GEOMETRY_COLUMN] = self._point(values["geometry"])
            prepared.append(record)
        if problems:
            raise ValidationError(problems)
        names = list(prepared[0]) if prepared else []
        sql = (f"INSERT INTO incidents ({', '.join(names)}) "
               f"VALUES ({', '.join('?' for _ in names)})")
        with self.transaction() as db:
            db.executemany(sql, [tuple(r[n] for n in names) for r in prepared])
            self._widen_extent(db, "incidents", [values["geometry"] for values in rows])
        return [self.get_incident(r["uuid"]) for r in prepared]

    def add_incident_arrays(self, columns: dict[str, np.ndarray], progress=None,
                            chunk_size: int = 50_000, clean: bool = False) -> int:
        """Add many incidents given as equal-length NumPy columns (``x``, ``y``,
        times as UTC epoch seconds, NaN cost for unknown, "" for no
        subcategory) in one transaction, validated as a whole first (personal
        data in a free text refused, or replaced by '[…]' when ``clean``).
        ``progress(fraction)`` is called between chunks; when it returns False
        the transaction is rolled back and ``Cancelled`` raised."""
        # a large load into a small table lifts triggers and indexes, writes the
        # R-tree packed and rebuilds the rest: several times faster than row by row
        return bulk.write_columns(self, columns, progress=progress, chunk_size=chunk_size, clean=clean,
                                  bulk_min_rows=BULK_LOAD_MIN_ROWS)

    def get_incident(self, incident_uuid: str) -> Incident:
        rows = self._select_incidents("uuid = ?", (incident_uuid,))
        if not rows:
            raise NotFoundError(tr("no incident {uuid}").format(uuid=incident_uuid))
        return rows[0]

    def update_incident(self, incident_uuid: str, changes: dict, expected_version: int,
                        by_org: str, clean: bool = False) -> Incident:
        """Change an incident as ``by_org``. Refused with ConflictError when its
        version is no longer ``expected_version``; nothing is overwritten.

        Personal data in a changed free text is refused, or replaced by '[…]'
        when ``clean``. A change that replaces a text holding personal data
        also takes it out of that text's history (``_clean_history_text``)."""
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValidationError([Problem(name, "not_editable", tr("cannot be changed")) for name in sorted(unknown)])
        changes, personal = personal_data.guard(changes, clean=clean)
        if personal:
            raise ValidationError(personal)
        with self.transaction() as db:
            current = self.get_incident(incident_uuid)
            if current.version != expected_version:
                raise ConflictError(incident_uuid, expected_version, current.version)
            merged = current.values() | changes | {"updated_by_org": by_org}
            problems = validate_incident(merged, self._context([merged]))
            if problems:
                raise ValidationError(problems)
            assignments, params = [], []
            for name, value in changes.items():
                if name == "geometry":
                    assignments.append(f"{schema.GEOMETRY_COLUMN} = ?")
                    params.append(self._point(value))
                else:
                    assignments.append(f"{name} = ?")
                    params.append(self._value(name, value))
            assignments += ["updated_by_org = ?", "updated_at = ?", "version = version + 1"]
            params += [by_org, self.backend.encode_time(now_utc()), incident_uuid, expected_version]
            cursor = db.execute(
                f"UPDATE incidents SET {', '.join(assignments)} WHERE uuid = ? AND version = ?", params)
            if cursor.rowcount != 1:
                now = self.get_incident(incident_uuid)
                if now.version != expected_version:  # a writer that bypassed the transaction
                    raise ConflictError(incident_uuid, expected_version, now.version)
                # the row is there, unchanged: the database's policies held it back
                raise AccessDeniedError(tr(
                    "your organisation may not change this incident (reported by {org}, status {status}): a "
                    "reporter changes only its own organisation's new reports; nothing was written"
                ).format(org=now.reporting_org, status=now.status))
            if "geometry" in changes:
                self._widen_extent(db, "incidents", [changes["geometry"]])
            for name in schema.FREE_TEXT_FIELDS:
                if name in changes and personal_data.find(getattr(current, name)):
                    self._clean_history_text(db, incident_uuid, name)
        return self.get_incident(incident_uuid)

    def _clean_history_text(self, db, incident_uuid: str, field: str) -> int:
        """Take personal data out of the history of one free-text ``field`` of
        one incident: each history row whose old or new value holds some is
        blanked (``chain.blank``: both values emptied, the row and its place in
        the hash chain kept), the only change the append-only history allows.
        Run inside the transaction of the write that cleans the text itself,
        so that both stand or fall together. Returns the rows blanked."""
        if field not in schema.FREE_TEXT_FIELDS:
            raise ValueError(f"{field} is not a free-text field")
        fids = [fid for fid, old, new in db.execute(
            "SELECT fid, old_value, new_value FROM incident_history WHERE incident_uuid = ? AND field = ?",
            (incident_uuid, field)) if any(value and personal_data.find(value) for value in (old, new))]
        # a PostgreSQL store lets no login change its history: its policies
        # hold the owner back silently (no row), a role with an error
        try:
            held_back = chain.blank(db, self.backend, fids) != len(fids)
        except AccessDeniedError:
            held_back = True
        if held_back:
            raise StoreError(tr(
                "the personal data could not be removed from the incident's history: this store does not "
                "let its history be changed; nothing was written"))
        return len(fids)

    def history(self, incident_uuid: str) -> list[dict]:
        cursor = self._db.execute(
            "SELECT changed_at, changed_by_org, field, old_value, new_value FROM incident_history "
            "WHERE incident_uuid = ? ORDER BY changed_at, fid", (incident_uuid,))
        return [dict(changed_at=self.backend.decode_time(a), changed_by_org=o, field=f, old_value=old,
                     new_value=new) for a, o, f, old, new in cursor]

    def _select_incidents(self, where: str, params, table: str = "incidents") -> list[Incident]:
        cursor = self._db.execute(f"SELECT {_INCIDENT_COLUMNS} FROM {table} WHERE {where}", params)
        result = []
        for row in cursor:
            fid, stored_geometry, *values = row
            record = dict(zip(schema.INCIDENTS.field_names, values))
            for name in TIME_FIELDS:
                record[name] = self.backend.decode_time(record[name])
            record["police_reported"] = bool(record["police_reported"])
            x, y = self.backend.decode_points([stored_geometry])
            result.append(Incident(fid=fid, x=float(x[0]), y=float(y[0]), **record))
        return result

    # --- areas and measures ---------------------------------------------------
    def add_area(self, name: str, kind: str, geometry) -> int:
        problems = validate_area({"name": name, "kind": kind})
        polygon = None
        try:
            polygon = geom.multipolygon(geometry)
        except geom.GeometryError as error:
            problems.append(Problem("geometry", "not_polygon", str(error)))
        if problems:
            raise ValidationError(problems)
        with self.transaction() as db:
            self._widen_extent(db, "areas", shape=polygon)
            return self.backend.insert(db, "areas", {
                schema.GEOMETRY_COLUMN: self.backend.encode_geometry(polygon, self.srs_id),
                "name": name, "kind": kind})

    def add_measure(self, values: dict) -> int:
        problems = validate_measure(values, self.organisation_codes())
        unknown = set(values) - set(_MEASURE_FIELDS) - {"geometry"}
        problems += [Problem(n, "unknown_field", tr("is not a field of a measure")) for n in sorted(unknown)]
        polygon = None
        try:
            polygon = geom.multipolygon(values.get("geometry"))
        except geom.GeometryError as error:
            problems.append(Problem("geometry", "not_polygon", str(error)))
        if problems:
            raise ValidationError(problems)
        row = {schema.GEOMETRY_COLUMN: self.backend.encode_geometry(polygon, self.srs_id)}
        row |= {n: self._value(n, values[n]) for n in _MEASURE_FIELDS if values.get(n) is not None}
        with self.transaction() as db:
            self._widen_extent(db, "measures", shape=polygon)
            return self.backend.insert(db, "measures", row)

    def update_measure(self, fid: int, changes: dict) -> Measure:
        current = self.measure(fid)
        merged = {f.name: getattr(current, f.name) for f in fields(Measure) if f.name not in ("fid",)} | changes
        problems = validate_measure(merged, self.organisation_codes())
        unknown = set(changes) - set(_MEASURE_FIELDS)
        problems += [Problem(n, "not_editable", tr("cannot be changed")) for n in sorted(unknown)]
        if problems:
            raise ValidationError(problems)
        with self.transaction() as db:
            db.execute(f"UPDATE measures SET {', '.join(f'{n} = ?' for n in changes)} WHERE fid = ?",
                       [self._value(n, v) for n, v in changes.items()] + [fid])
        return self.measure(fid)


def _required_texts(values: dict, table: schema.Table) -> list[Problem]:
    return [Problem(name, "required", tr("is required")) for name, value in values.items()
            if not isinstance(value, str) or not value.strip()] + [
        Problem(name, "too_long", tr("is too long")) for name, value in values.items()
        if isinstance(value, str) and table.field(name).length and len(value) > table.field(name).length]
