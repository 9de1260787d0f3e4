"""The incidents an analysis algorithm reads: INPUT, FILTER, TIME_FIELD,
PERIOD_START, PERIOD_END and TIME_ZONE, the same in every algorithm.

INPUT is resolved once per run (``resolve_input``): the store behind it, if
any, is found and opened once, the time zone and the period are settled. The
incidents are then what the layer shows, never more: a store's incidents
layer is read through the store (fast, in NumPy) when it shows the whole
store; with a provider filter (subset string), a selection, a feature limit
or a FILTER, QGIS says which features are shown (their fids) and the store
gives their values; a layer with unsaved edits, or any other point layer, is
read through QGIS. Times become UTC epoch seconds: a GeoPackage time without
a zone is UTC (the GeoPackage rule, and QGIS 3.22 reads it so with no zone at
all); in other formats a time without a zone is local time in TIME_ZONE. The
period is applied in one place, ``in_period``."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import numpy as np
from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

from ..core.compat import DATETIME_DATE, GEOMETRY_POINT, REQUEST_NO_GEOMETRY, SOURCE_VECTOR_POINT
from ..core.domain import schema
from ..core.domain.timeutil import DEFAULT_TIME_ZONE, Period, parse_utc, zone
from ..core.i18n import tr
from ..core.presentation.layers import store_of
from ..core.store import IncidentFilter, Store, StoreError, StoreLocation
from .common import check_period_days, check_time_field, expression_problem, optional, parameter_as_date

INPUT = "INPUT"
FILTER = "FILTER"
TIME_FIELD = "TIME_FIELD"
PERIOD_START = "PERIOD_START"
PERIOD_END = "PERIOD_END"
TIME_ZONE = "TIME_ZONE"
DEFAULT_TIME_FIELD = "occurred_from"
STORE_TIME_FIELDS = frozenset(f.name for f in schema.INCIDENTS.fields if f.type == schema.DATETIME)


@dataclass
class Incidents:
    """What the analysis needs of the incidents, as arrays."""

    x: np.ndarray
    y: np.ndarray
    start: np.ndarray  # UTC epoch seconds of TIME_FIELD, -1 where empty
    end: np.ndarray  # UTC epoch seconds of the end field (occurred_to), -1 where empty or absent
    tz: ZoneInfo
    period: Period | None
    crs: object  # QgsCoordinateReferenceSystem
    store: StoreLocation | None  # the store the layer belongs to, if any
    source_name: str
    attributes: dict  # name -> object array, for the columns asked for

    @property
    def count(self) -> int:
        return int(self.x.size)


def require_metres(incidents: Incidents) -> None:
    """Distances are metres: a layer in degrees is refused, saying what to do."""
    if incidents.crs.isGeographic():
        raise QgsProcessingException(tr(
            "the incidents are in a geographic CRS ({crs}, degrees): distances must be in metres; "
            "reproject the layer to a projected CRS such as SWEREF 99 TM (EPSG:3006)").format(
            crs=incidents.crs.authid()))


def add_incident_parameters(algorithm, period: bool = True) -> None:
    """The common parameters of every analysis algorithm (``period``: with
    PERIOD_START and PERIOD_END)."""
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        INPUT, tr("Incidents (point layer)"), [SOURCE_VECTOR_POINT]))
    algorithm.addParameter(optional(QgsProcessingParameterExpression(
        FILTER, tr("Filter expression"), parentLayerParameterName=INPUT)))
    algorithm.addParameter(optional(QgsProcessingParameterField(
        TIME_FIELD, tr("Time field"), DEFAULT_TIME_FIELD, INPUT)))
    if period:
        algorithm.addParameter(optional(QgsProcessingParameterDateTime(
            PERIOD_START, tr("Period start (first day, inclusive)"), DATETIME_DATE)))
        algorithm.addParameter(optional(QgsProcessingParameterDateTime(
            PERIOD_END, tr("Period end (last day, inclusive)"), DATETIME_DATE)))
    algorithm.addParameter(optional(QgsProcessingParameterString(
        TIME_ZONE, tr("Time zone (default: the store's, else Europe/Stockholm)"))))


def qdatetime_to_epoch(value, naive_is_utc: bool, tz: ZoneInfo) -> int:
    """UTC epoch seconds of a QDateTime, QDate or ISO text; -1 for null.
    ValueError for a value that is there but cannot be read as a time.

    A zone-less QDateTime is converted from its clock figures, never through
    the machine's zone: QGIS 3.22 hands a GeoPackage's UTC time over as a
    zone-less QDateTime with the UTC figures, and on a machine in Stockholm
    time one whose figures fall in the hour skipped in spring is "invalid"
    (it does not exist locally) although its figures are right."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):  # also a NULL QVariant
        return -1
    if isinstance(value, QDate):  # a day without a time: its local midnight
        if not value.isValid():
            raise ValueError(value.toString(Qt.DateFormat.ISODate) or "?")
        return int(datetime(value.year(), value.month(), value.day(), tzinfo=tz).timestamp())
    if isinstance(value, QDateTime):
        if value.isValid() and value.timeSpec() in (Qt.TimeSpec.UTC, Qt.TimeSpec.OffsetFromUTC,
                                                    Qt.TimeSpec.TimeZone):
            return value.toMSecsSinceEpoch() // 1000
        d, t = value.date(), value.time()
        if not (d.isValid() and t.isValid()) or value.timeSpec() != Qt.TimeSpec.LocalTime:
            raise ValueError(value.toString(Qt.DateFormat.ISODate) or "?")
        fields = (d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
        if naive_is_utc:
            return calendar.timegm(fields)
        return int(datetime(*fields, tzinfo=tz).timestamp())
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return -1
        if naive_is_utc or text.endswith(("Z", "z")) or "+" in text[10:]:
            return int(parse_utc(text).timestamp())  # ValueError when unreadable
        return int(datetime.fromisoformat(text.replace(" ", "T")).replace(tzinfo=tz).timestamp())
    raise QgsProcessingException(tr("the time field holds a value that is not a time: {value}").format(value=value))


def in_period(epochs: np.ndarray, period: Period, tz) -> np.ndarray:
    """Which UTC epochs fall in the whole local days of ``period`` in ``tz``:
    the one place a period is applied to incidents read here."""
    low, high = period.utc_bounds(tz)
    return (epochs >= int(low.timestamp())) & (epochs < int(high.timestamp()))


def filter_expression(algorithm, parameters, context) -> str:
    """FILTER as text, refused when QGIS cannot parse it: ``parameterAsExpression``
    returns '' for such an expression, which would read as no filter at all."""
    raw = parameters.get(FILTER)
    text = raw.strip() if isinstance(raw, str) else algorithm.parameterAsExpression(parameters, FILTER, context).strip()
    problem = expression_problem(text)
    if problem:
        raise QgsProcessingException(problem)
    return text


def _input_layer(algorithm, parameters, context):
    """The vector layer behind INPUT and whether INPUT narrows it (selected
    features only, a feature limit, a filter of the source definition)."""
    value = parameters.get(INPUT)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        narrowed = bool(value.selectedFeaturesOnly) or value.featureLimit >= 0 or bool(
            getattr(value, "filterExpression", ""))
        layer = QgsProcessingUtils.mapLayerFromString(str(value.source.staticValue()), context)
        return layer, narrowed
    return algorithm.parameterAsVectorLayer(parameters, INPUT, context), False


@dataclass
class IncidentInput:
    """INPUT and its companion parameters, resolved once per run. Holds the
    store open while in use (``with``); ``whole_store`` when the layer shows
    every incident of the store, nothing more and nothing less."""

    source: object  # QgsProcessingFeatureSource
    layer: object  # QgsVectorLayer or None
    store: Store | None
    expression: str
    time_field: str
    tz: ZoneInfo
    period: Period | None
    narrowed: bool  # provider filter, selection, feature limit or FILTER
    edited: bool  # unsaved edits: only QGIS sees them

    @property
    def whole_store(self) -> bool:
        return self.store is not None and not self.narrowed and not self.edited

    @property
    def in_store_zone(self) -> bool:
        return self.store is not None and self.store.tz.key == self.tz.key

    def close(self) -> None:
        if self.store is not None:
            self.store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def read(self, feedback, with_end: bool = False, with_time: bool = True,
             columns: tuple[str, ...] = ()) -> Incidents:
        """The incidents the layer shows, within the period, as arrays, with
        the attribute ``columns`` asked for."""
        fields = self.source.fields()
        time_field = self.time_field if (with_time or self.period) else None
        if time_field and fields.indexOf(time_field) < 0:
            raise QgsProcessingException(tr("INPUT has no field {name}: choose the TIME_FIELD").format(
                name=time_field))
        end_field = "occurred_to" if with_end and fields.indexOf("occurred_to") >= 0 else None
        for name in columns:
            if fields.indexOf(name) < 0:
                raise QgsProcessingException(tr("INPUT has no field {name}").format(name=name))
        if self._store_can_read(time_field, end_field, columns):
            fids = self._shown_fids(feedback) if self.narrowed else None
            x, y, start, end, attributes = self._read_store(time_field, end_field, columns, fids)
            unreadable = (0, None)
        else:
            x, y, start, end, attributes, unreadable = _read_layer(
                self.source, self.expression, time_field, end_field, columns,
                self.layer is not None and self.layer.storageType() == "GPKG", self.tz, feedback)
        if time_field:
            _warn_untimed(feedback, time_field, int(np.count_nonzero(start == -1)), unreadable)
        if self.period is not None:
            keep = in_period(start, self.period, self.tz)
            x, y, start, end = x[keep], y[keep], start[keep], end[keep]
            attributes = {name: values[keep] for name, values in attributes.items()}
        return Incidents(x=x, y=y, start=start, end=end, tz=self.tz, period=self.period,
                         crs=self.source.sourceCrs(), store=self.store.location if self.store else None,
                         source_name=self.source.sourceName(), attributes=attributes)

    def _store_can_read(self, time_field, end_field, columns) -> bool:
        if self.store is None or self.edited:
            return False
        if self.narrowed and self.layer.subsetString().lstrip().upper().startswith("SELECT"):
            return False  # an SQL subset: its fids need not be the store's
        if time_field and time_field not in STORE_TIME_FIELDS:
            return False
        known = set(schema.INCIDENTS.field_names)
        return all(name in known for name in (end_field, *columns) if name)

    def _shown_fids(self, feedback) -> np.ndarray:
        """The fids of the features the layer shows, as QGIS filters them."""
        request = QgsFeatureRequest()
        request.setNoAttributes()
        if self.expression:
            request.setFilterExpression(self.expression)
        if not self.expression or not QgsExpression(self.expression).needsGeometry():
            request.setFlags(request.flags() | REQUEST_NO_GEOMETRY)
        fids = []
        for number, feature in enumerate(self.source.getFeatures(request)):
            if feedback is not None and number % 10000 == 0 and feedback.isCanceled():
                raise QgsProcessingException(tr("cancelled"))
            fids.append(feature.id())
        return np.asarray(fids, dtype=np.int64)

    def _read_store(self, time_field, end_field, extra, fids):
        # no time asked (and no period): none read, as the times cost the
        # store's reader more than the points (start is then -1, no time)
        times = ((time_field,) if time_field else ()) + ((end_field,) if end_field else ())
        columns = tuple(dict.fromkeys(times + tuple(extra)))
        # the store reads a period in its own zone: there it narrows the rows
        # read, and in_period (in read) stays the one that decides
        narrow = self.period if self.in_store_zone else None
        data = self.store.arrays(IncidentFilter(period=narrow, time_field=time_field or DEFAULT_TIME_FIELD), columns)
        if fids is not None:
            keep = np.isin(data["fid"], fids)
            data = {name: values[keep] for name, values in data.items()}
        start = data[time_field] if time_field else np.full(data["x"].size, -1, dtype=np.int64)
        end = data[end_field] if end_field else np.full(start.size, -1, dtype=np.int64)
        return data["x"], data["y"], start, end, {name: data[name] for name in extra}


def resolve_input(algorithm, parameters, context) -> IncidentInput:
    """Settle INPUT, FILTER, TIME_FIELD, TIME_ZONE and the period once: the
    store behind INPUT is found and opened here, and only here. Close the
    result (``with``) when done."""
    source = algorithm.parameterAsSource(parameters, INPUT, context)
    if source is None:
        raise QgsProcessingException(tr("choose a point layer of incidents as INPUT"))
    if QgsWkbTypes.geometryType(source.wkbType()) != GEOMETRY_POINT:
        raise QgsProcessingException(tr("INPUT must be a point layer"))
    layer, narrowed = _input_layer(algorithm, parameters, context)
    expression = filter_expression(algorithm, parameters, context)
    narrowed = narrowed or bool(expression) or bool(layer is not None and layer.subsetString().strip())
    time_field = algorithm.parameterAsString(parameters, TIME_FIELD, context) or DEFAULT_TIME_FIELD
    zone_name = (algorithm.parameterAsString(parameters, TIME_ZONE, context) or "").strip()
    start_day = parameter_as_date(algorithm, parameters, PERIOD_START, context)
    end_day = parameter_as_date(algorithm, parameters, PERIOD_END, context)
    period = None
    if start_day or end_day:
        if not (start_day and end_day):
            raise QgsProcessingException(tr("give both PERIOD_START and PERIOD_END, or neither"))
        if end_day < start_day:
            raise QgsProcessingException(tr("the period runs backwards: {start} to {end}").format(
                start=start_day, end=end_day))
        period = Period(start_day, end_day)
    check_period_days(start_day, end_day)
    location = store_of(layer)
    store = None
    if location is not None:
        try:
            store = Store.open(location, read_only=True)
            check_time_field(source, time_field, True, STORE_TIME_FIELDS)
        except StoreError as error:
            raise QgsProcessingException(str(error)) from error
        except QgsProcessingException:
            store.close()
            raise
    else:
        check_time_field(source, time_field, False, STORE_TIME_FIELDS)
    try:
        tz = zone(zone_name or (store.time_zone if store is not None else DEFAULT_TIME_ZONE))
    except ValueError as error:
        if store is not None:
            store.close()
        raise QgsProcessingException(str(error)) from error
    edited = bool(layer is not None and layer.isEditable() and layer.isModified())
    return IncidentInput(source=source, layer=layer, store=store, expression=expression, time_field=time_field,
                         tz=tz, period=period, narrowed=narrowed, edited=edited)


def read_incidents(algorithm, parameters, context, feedback, with_end: bool = False,
                   with_time: bool = True, columns: tuple[str, ...] = ()) -> Incidents:
    """The incidents INPUT shows within the period, as arrays, with the
    attribute ``columns`` asked for: ``resolve_input`` and ``read`` in one."""
    with resolve_input(algorithm, parameters, context) as given:
        return given.read(feedback, with_end=with_end, with_time=with_time, columns=columns)


def _warn_untimed(feedback, time_field, without, unreadable) -> None:
    """Say how many incidents have no usable time, and so are left out of
    whatever needs one (a period, a profile, a comparison)."""
    count, example = unreadable
    if feedback is None:
        return
    if count:
        feedback.pushWarning(tr("{n} incidents were left out: their time in {field} could not be read "
                                "(for example {value!r})").format(n=count, field=time_field, value=example))
    if without - count:
        feedback.pushWarning(tr("{n} incidents were left out: they have no time in {field}").format(
            n=without - count, field=time_field))


def _read_layer(source, expression, time_field, end_field, extra, naive_is_utc, tz, feedback):
    request = QgsFeatureRequest()
    if expression:
        request.setFilterExpression(expression)
    names = list(dict.fromkeys([n for n in (time_field, end_field) if n] + list(extra)))
    request.setSubsetOfAttributes(names, source.fields())
    xs, ys, starts, ends = [], [], [], []
    values: dict[str, list] = {name: [] for name in extra}
    unreadable, example = 0, None
    total = max(source.featureCount(), 1)
    for number, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and number % 10000 == 0:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("cancelled"))
            feedback.setProgress(min(99.0, 30.0 * number / total))
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            continue
        point = geometry.asPoint() if not geometry.isMultipart() else geometry.asMultiPoint()[0]
        xs.append(point.x())
        ys.append(point.y())
        try:
            starts.append(qdatetime_to_epoch(feature[time_field], naive_is_utc, tz) if time_field else -1)
        except ValueError:
            starts.append(-1)
            unreadable += 1
            example = example if example is not None else str(feature[time_field])
        try:
            ends.append(qdatetime_to_epoch(feature[end_field], naive_is_utc, tz) if end_field else -1)
        except ValueError:  # an unreadable end: the incident counts at its start
            ends.append(-1)
        for name in extra:
            value = feature[name]
            values[name].append(None if value is None or (hasattr(value, "isNull") and value.isNull()) else value)
    x, y = np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64)
    start, end = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
    attributes = {name: np.asarray(column, dtype=object) for name, column in values.items()}
    return x, y, start, end, attributes, (unreadable, example)
