"""The incidents an analysis algorithm reads: INPUT, FILTER, TIME_FIELD,
PERIOD_START, PERIOD_END and TIME_ZONE, the same in every algorithm.

A store's incidents layer without a FILTER expression is read through the
store (fast, in NumPy); any other point layer through QGIS, with the FILTER
expression evaluated by QGIS. Times become UTC epoch seconds: a GeoPackage
time without a zone is UTC (the GeoPackage rule, and QGIS 3.22 reads it so
with no zone at all); in other formats a time without a zone is local time
in TIME_ZONE."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

from ..core.compat import DATETIME_DATE, GEOMETRY_POINT, SOURCE_VECTOR_POINT
from ..core.i18n import tr
from ..core.store import IncidentFilter, Store, StoreError
from ..core.timeutil import DEFAULT_TIME_ZONE, Period, parse_utc, zone
from .common import optional, parameter_as_date

INPUT = "INPUT"
FILTER = "FILTER"
TIME_FIELD = "TIME_FIELD"
PERIOD_START = "PERIOD_START"
PERIOD_END = "PERIOD_END"
TIME_ZONE = "TIME_ZONE"
DEFAULT_TIME_FIELD = "occurred_from"


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
    store_path: Path | None  # the store the layer belongs to, if any
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


def store_of(layer) -> Path | None:
    """The store whose incidents layer ``layer`` is, or None."""
    if layer is None or layer.providerType() != "ogr":
        return None
    source = layer.source().split("|")
    path = Path(source[0])
    options = dict(part.split("=", 1) for part in source[1:] if "=" in part)
    if path.suffix.lower() != ".gpkg" or options.get("layername", "incidents") != "incidents":
        return None
    try:
        Store.inspect(path)
    except (StoreError, OSError):
        return None
    return path


def direct_store(algorithm, parameters, context) -> Path | None:
    """The store to count in directly: INPUT is a store's whole incidents layer
    (no FILTER, no selection) and TIME_ZONE is empty or the store's own."""
    layer = algorithm.parameterAsVectorLayer(parameters, INPUT, context)
    source = algorithm.parameterAsSource(parameters, INPUT, context)
    path = store_of(layer)
    if path is None or source is None or source.featureCount() != layer.featureCount():
        return None
    if algorithm.parameterAsExpression(parameters, FILTER, context).strip():
        return None
    zone_name = (algorithm.parameterAsString(parameters, TIME_ZONE, context) or "").strip()
    if zone_name:
        with Store.open(path) as store:
            if store.time_zone != zone_name:
                return None
    return path


def qdatetime_to_epoch(value, naive_is_utc: bool, tz: ZoneInfo) -> int:
    """UTC epoch seconds of a QDateTime, QDate or ISO text; -1 for null.
    Never toUTC() on a zone-less value: QGIS 3.22 hands a GeoPackage's UTC
    time over as a zone-less QDateTime with the UTC clock figures."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return -1
    if isinstance(value, QDate):  # a day without a time: its local midnight
        if not value.isValid():
            return -1
        from datetime import datetime

        return int(datetime(value.year(), value.month(), value.day(), tzinfo=tz).timestamp())
    if isinstance(value, QDateTime):
        if not value.isValid():
            return -1
        if value.timeSpec() in (Qt.TimeSpec.UTC, Qt.TimeSpec.OffsetFromUTC, Qt.TimeSpec.TimeZone):
            return value.toMSecsSinceEpoch() // 1000
        d, t = value.date(), value.time()
        fields = (d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
        if naive_is_utc:
            return calendar.timegm(fields)
        from datetime import datetime

        return int(datetime(*fields, tzinfo=tz).timestamp())
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return -1
        moment = parse_utc(text) if naive_is_utc or text.endswith(("Z", "z")) or "+" in text[10:] else None
        if moment is None:
            from datetime import datetime

            moment = datetime.fromisoformat(text.replace(" ", "T")).replace(tzinfo=tz)
        return int(moment.timestamp())
    raise QgsProcessingException(tr("the time field holds a value that is not a time: {value}").format(value=value))


def read_incidents(algorithm, parameters, context, feedback, with_end: bool = False,
                   with_time: bool = True, columns: tuple[str, ...] = ()) -> Incidents:
    """The filtered incidents of INPUT within the period, as arrays, with the
    attribute ``columns`` asked for."""
    source = algorithm.parameterAsSource(parameters, INPUT, context)
    if source is None:
        raise QgsProcessingException(tr("choose a point layer of incidents as INPUT"))
    if QgsWkbTypes.geometryType(source.wkbType()) != GEOMETRY_POINT:
        raise QgsProcessingException(tr("INPUT must be a point layer"))
    layer = algorithm.parameterAsVectorLayer(parameters, INPUT, context)
    store_path = store_of(layer)
    expression = algorithm.parameterAsExpression(parameters, FILTER, context).strip()
    time_field = algorithm.parameterAsString(parameters, TIME_FIELD, context) or DEFAULT_TIME_FIELD
    zone_name = (algorithm.parameterAsString(parameters, TIME_ZONE, context) or "").strip()
    if not zone_name and store_path is not None:
        with Store.open(store_path) as store:
            zone_name = store.time_zone
    try:
        tz = zone(zone_name or DEFAULT_TIME_ZONE)
    except ValueError as error:
        raise QgsProcessingException(str(error)) from error
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
    fields = source.fields()
    if (with_time or period) and fields.indexOf(time_field) < 0:
        raise QgsProcessingException(tr("INPUT has no field {name}: choose the TIME_FIELD").format(name=time_field))
    end_field = "occurred_to" if with_end and fields.indexOf("occurred_to") >= 0 else None
    for name in columns:
        if fields.indexOf(name) < 0:
            raise QgsProcessingException(tr("INPUT has no field {name}").format(name=name))

    if store_path is not None and not expression and source.featureCount() == layer.featureCount():
        data = _read_store(store_path, time_field, end_field, columns, period, tz)
    else:
        data = _read_layer(source, expression, time_field if (with_time or period) else None, end_field, columns,
                           layer is not None and layer.storageType() == "GPKG", period, tz, feedback)
    x, y, start, end, attributes = data
    return Incidents(x=x, y=y, start=start, end=end, tz=tz, period=period, crs=source.sourceCrs(),
                     store_path=store_path, source_name=source.sourceName(), attributes=attributes)


def _read_store(path, time_field, end_field, extra, period, tz):
    with Store.open(path) as store:
        store_tz = store.tz
        columns = tuple(dict.fromkeys((time_field,) + ((end_field,) if end_field else ()) + tuple(extra)))
        if store_tz.key != tz.key and period is not None:
            # the store reads periods in its own zone: filter here in the zone asked for
            data = store.arrays(IncidentFilter(time_field=time_field), columns)
        else:
            data = store.arrays(IncidentFilter(period=period, time_field=time_field), columns)
    start = data[time_field]
    end = data[end_field] if end_field else np.full(start.size, -1, dtype=np.int64)
    x, y = data["x"], data["y"]
    attributes = {name: data[name] for name in extra}
    if store_tz.key != tz.key and period is not None:
        keep = _in_period(start, period, tz)
        x, y, start, end = x[keep], y[keep], start[keep], end[keep]
        attributes = {name: values[keep] for name, values in attributes.items()}
    return x, y, start, end, attributes


def _in_period(epochs, period: Period, tz) -> np.ndarray:
    low, high = period.utc_bounds(tz)
    return (epochs >= int(low.timestamp())) & (epochs < int(high.timestamp()))


def _read_layer(source, expression, time_field, end_field, extra, naive_is_utc, period, tz, feedback):
    request = QgsFeatureRequest()
    if expression:
        parsed = QgsExpression(expression)
        if parsed.hasParserError():
            raise QgsProcessingException(tr("the FILTER expression is not valid: {error}").format(
                error=parsed.parserErrorString()))
        request.setFilterExpression(expression)
    names = list(dict.fromkeys([n for n in (time_field, end_field) if n] + list(extra)))
    request.setSubsetOfAttributes(names, source.fields())
    xs, ys, starts, ends = [], [], [], []
    values: dict[str, list] = {name: [] for name in extra}
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
        starts.append(qdatetime_to_epoch(feature[time_field], naive_is_utc, tz) if time_field else -1)
        ends.append(qdatetime_to_epoch(feature[end_field], naive_is_utc, tz) if end_field else -1)
        for name in extra:
            value = feature[name]
            values[name].append(None if value is None or (hasattr(value, "isNull") and value.isNull()) else value)
    x, y = np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64)
    start, end = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
    attributes = {name: np.asarray(column, dtype=object) for name, column in values.items()}
    if period is not None:
        keep = _in_period(start, period, tz)
        x, y, start, end = x[keep], y[keep], start[keep], end[keep]
        attributes = {name: column[keep] for name, column in attributes.items()}
    return x, y, start, end, attributes
