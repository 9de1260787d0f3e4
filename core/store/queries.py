"""What the store answers: incidents, counts and NumPy arrays for a filter,
areas and measures, and the layer filter that shows the same incidents in
QGIS. Filters become SQL in one place (``sqlfilter``); an area is decided
exactly in NumPy after the spatial index has narrowed the rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np

from ..domain import geometry as geom
from ..domain import schema
from ..domain.timeutil import local_parts
from ..i18n import tr
from . import sqlfilter
from .errors import NotFoundError, StoreError
from .records import CODE_GROUPS, GROUPS, TIME_FIELDS, Area, Incident, IncidentFilter, Measure

_MEASURE_FIELDS = schema.MEASURES.field_names
EVERY_INCIDENT = IncidentFilter()  # the default filter: no restriction


class StoreQueries:
    """Mixed into ``Store``: needs ``_db``, ``backend``, ``tz``."""

    def _where(self, incident_filter: IncidentFilter) -> tuple[str, list]:
        bounds = None
        if incident_filter.area:
            min_x, max_x, min_y, max_y = self._area_geometry(incident_filter.area).GetEnvelope()
            bounds = (min_x, min_y, max_x, max_y)
        return sqlfilter.render(incident_filter, self.backend, self.tz, area_bounds=bounds, srid=self.srs_id)

    def _area_geometry(self, name: str):
        row = self._db.execute("SELECT geom FROM areas WHERE name = ? ORDER BY fid LIMIT 1", (name,)).fetchone()
        if row is None:
            raise NotFoundError(tr("no area named {name}").format(name=name))
        return self.backend.decode_geometry(row[0])

    def _inside_area(self, name: str, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return geom.points_in_polygon(x, y, self._area_geometry(name))

    def incidents(self, incident_filter: IncidentFilter = EVERY_INCIDENT) -> list[Incident]:
        where, params = self._where(incident_filter)
        found = self._select_incidents(where, params)
        if incident_filter.area:
            inside = self._inside_area(incident_filter.area, np.array([i.x for i in found]),
                                       np.array([i.y for i in found]))
            found = [i for i, keep in zip(found, inside) if keep]
        return found

    def layer_filter(self, incident_filter: IncidentFilter = EVERY_INCIDENT) -> str:
        """The provider filter (subset string) of the store's incidents layer
        that shows the same incidents as ``incidents(incident_filter)``. An
        area is a spatial condition that the provider runs against the store's
        areas table (``backend.area_condition``), never a list of incidents: the
        filter's size does not grow with the store or the period."""
        if not incident_filter.area:
            return sqlfilter.render(incident_filter, self.backend, self.tz, inline=True)[0]
        inside = self.backend.area_condition(self.location, incident_filter.area,
                                             self._area_geometry(incident_filter.area))
        rest = sqlfilter.render(replace(incident_filter, area=None), self.backend, self.tz, inline=True)[0]
        return inside if rest == "1 = 1" else f"{rest} AND {inside}"

    def count(self, incident_filter: IncidentFilter = EVERY_INCIDENT) -> int:
        if incident_filter.area:
            return int(self.arrays(incident_filter, ()).get("x").size)
        where, params = self._where(incident_filter)
        return int(self._db.execute(f"SELECT count(*) FROM incidents WHERE {where}", params).fetchone()[0])

    def low_precision_count(self, incident_filter: IncidentFilter = EVERY_INCIDENT) -> int:
        """How many of the filtered incidents are placed only at a municipality's
        or county's centre (``schema.LOW_PRECISIONS``)."""
        if incident_filter.area:
            data = self.arrays(incident_filter, ("location_precision",))
            return int(np.isin(data["location_precision"].astype(str), schema.LOW_PRECISIONS).sum())
        where, params = self._where(incident_filter)
        marks = ", ".join("?" for _ in schema.LOW_PRECISIONS)
        sql = f"SELECT count(*) FROM incidents WHERE ({where}) AND location_precision IN ({marks})"
        return int(self._db.execute(sql, [*params, *schema.LOW_PRECISIONS]).fetchone()[0])

    def category_counts(self, incident_filter: IncidentFilter = EVERY_INCIDENT) -> tuple[dict, int]:
        """(``counts("category", …)``, ``low_precision_count(…)``) with one
        read of the rows where an area needs them read (the dock's summary)."""
        if not incident_filter.area:
            counts = self.counts("category", incident_filter)
            return counts, self.low_precision_count(incident_filter) if counts else 0
        data = self.arrays(incident_filter, ("category", "location_precision"))
        values, numbers = np.unique(data["category"].astype(str), return_counts=True)
        low = int(np.isin(data["location_precision"].astype(str), schema.LOW_PRECISIONS).sum())
        return {v: int(n) for v, n in zip(values, numbers)}, low

    def first_day(self, time_field: str = "occurred_from") -> date | None:
        """The local day (store's zone) of the earliest incident, None for an
        empty store: before it the store has no data, not zero incidents.
        Read through the time's index (the first rows in stored order, the
        earliest of them decoded: stored forms that sort a few hours apart
        as text still give the right day) rather than a scan of every row."""
        if time_field not in TIME_FIELDS:
            raise StoreError(tr("not a field of an incident: {name}").format(name=time_field))
        rows = self._db.execute(f"SELECT {time_field} FROM incidents WHERE {time_field} IS NOT NULL "
                                f"ORDER BY {time_field} LIMIT 50").fetchall()
        moments = [moment for (value,) in rows if (moment := self.backend.decode_time(value)) is not None]
        return min(moments).astimezone(self.tz).date() if moments else None

    def counts(self, group_by: str, incident_filter: IncidentFilter = EVERY_INCIDENT) -> dict:
        """Counts of the filtered incidents per group, sorted by group. Time
        groups are local to the store's zone: ``hour`` 0–23, ``weekday`` 0
        (Monday)–6, ``day`` a date, ``week`` 'YYYY-Www' (ISO), ``month``
        'YYYY-MM', ``year``; ``area`` counts an incident for every area that
        contains it (districts and focus areas may overlap)."""
        if group_by not in GROUPS:
            raise StoreError(tr("cannot group by {name}").format(name=group_by))
        if group_by in CODE_GROUPS and not incident_filter.area:
            where, params = self._where(incident_filter)
            cursor = self._db.execute(
                f"SELECT {group_by}, count(*) FROM incidents WHERE {where} "
                f"GROUP BY {group_by} ORDER BY {group_by}", params)
            return {key: int(n) for key, n in cursor}
        if group_by == "area":
            data = self.arrays(incident_filter, ())
            return {area.name: int(geom.points_in_polygon(data["x"], data["y"], area.geometry).sum())
                    for area in self.areas()}
        if group_by in CODE_GROUPS:
            data = self.arrays(incident_filter, (group_by,))
            keys = np.asarray([k if k is not None else "" for k in data[group_by]], dtype=object)
            if keys.size == 0:
                return {}
            values, numbers = np.unique(keys.astype(str), return_counts=True)
            return {(v or None): int(n) for v, n in zip(values, numbers)}
        data = self.arrays(incident_filter, (incident_filter.time_field,))
        return _time_counts(data[incident_filter.time_field], group_by, self.tz)

    def arrays(self, incident_filter: IncidentFilter = EVERY_INCIDENT,
               columns: tuple[str, ...] = ("category", "occurred_from")) -> dict[str, np.ndarray]:
        """The filtered incidents as NumPy arrays: ``fid``, ``x``, ``y`` and the
        ``columns`` asked for (times as UTC epoch seconds, -1 for none)."""
        for name in columns:
            if name not in schema.INCIDENTS.field_names:
                raise StoreError(tr("not a field of an incident: {name}").format(name=name))
        where, params = self._where(incident_filter)
        # a backend's own bulk read where it has one (PostGIS: a binary COPY),
        # which answers None for what it cannot read exactly; else plain SQL
        fast = getattr(self.backend, "read_arrays", None)
        result = fast(self._db, where, params, tuple(columns)) if fast is not None else None
        if result is None:
            result = self._select_arrays(where, params, columns)
        if incident_filter.area:
            keep = self._inside_area(incident_filter.area, result["x"], result["y"])
            result = {name: values[keep] for name, values in result.items()}
        return result

    def _select_arrays(self, where: str, params: list, columns: tuple[str, ...]) -> dict[str, np.ndarray]:
        """``arrays`` through a plain SELECT, row by row: every backend has it."""
        selected = ["fid", schema.GEOMETRY_COLUMN] + [
            self.backend.epoch_sql(name) if name in TIME_FIELDS else name for name in columns]
        rows = self._db.execute(f"SELECT {', '.join(selected)} FROM incidents WHERE {where} ORDER BY fid",
                                params).fetchall()
        parts = list(zip(*rows)) if rows else [()] * len(selected)
        x, y = self.backend.decode_points(list(parts[1]))
        result = {"fid": np.asarray(parts[0], dtype=np.int64), "x": x, "y": y}
        for name, values in zip(columns, parts[2:]):
            if name in TIME_FIELDS:
                result[name] = np.asarray([-1 if v is None else v for v in values], dtype=np.int64)
            elif schema.INCIDENTS.field(name).type == schema.REAL:
                result[name] = np.asarray([np.nan if v is None else v for v in values], dtype=np.float64)
            else:
                result[name] = np.asarray(values, dtype=object)
        return result

    # --- areas and measures ---------------------------------------------------
    def areas(self, kind: str | None = None) -> list[Area]:
        sql = "SELECT fid, name, kind, geom FROM areas" + (" WHERE kind = ?" if kind else "") + " ORDER BY fid"
        return [Area(fid, name, k, self.backend.decode_geometry(stored))
                for fid, name, k, stored in self._db.execute(sql, (kind,) if kind else ())]

    def measure(self, fid: int) -> Measure:
        found = [m for m in self.measures() if m.fid == fid]
        if not found:
            raise NotFoundError(tr("no measure {fid}").format(fid=fid))
        return found[0]

    def measures(self) -> list[Measure]:
        cursor = self._db.execute(f"SELECT fid, geom, {', '.join(_MEASURE_FIELDS)} FROM measures ORDER BY fid")
        result = []
        for fid, stored, *values in cursor:
            record = dict(zip(_MEASURE_FIELDS, values))
            for name in ("start_date", "end_date", "followup_date"):
                record[name] = _date(record[name])
            result.append(Measure(fid=fid, geometry=self.backend.decode_geometry(stored), **record))
        return result


def _time_counts(epochs: np.ndarray, group_by: str, tz) -> dict:
    epochs = epochs[epochs >= 0] if epochs.size else epochs
    if epochs.size == 0:
        return {}
    parts = local_parts(epochs, tz)
    if group_by == "hour":
        keys = parts.hour
    elif group_by == "weekday":
        keys = parts.weekday
    elif group_by == "year":
        keys = parts.year
    elif group_by == "month":
        keys = parts.year * 100 + parts.month
    else:  # day and week: count per local day, then name the days
        keys = parts.day
    values, numbers = np.unique(keys, return_counts=True)
    if group_by == "month":
        return {f"{v // 100:04d}-{v % 100:02d}": int(n) for v, n in zip(values, numbers)}
    if group_by in ("day", "week"):
        days = {date.fromordinal(date(1970, 1, 1).toordinal() + int(v)): int(n) for v, n in zip(values, numbers)}
        if group_by == "day":
            return days
        weeks: dict[str, int] = {}
        for day, n in days.items():
            year, week, _ = day.isocalendar()
            key = f"{year:04d}-W{week:02d}"
            weeks[key] = weeks.get(key, 0) + n
        return dict(sorted(weeks.items()))
    return {int(v): int(n) for v, n in zip(values, numbers)}


def _date(value) -> date | None:
    """A stored date: ISO text in a GeoPackage, a date from PostgreSQL."""
    if not value:
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)
