"""lagesbild:measurefollowup: did a measure work, and did crime move?"""

from datetime import date

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ..core.compat import (
    DATETIME_DATE,
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    NUMBER_DOUBLE,
    SOURCE_VECTOR,
    SOURCE_VECTOR_POLYGON,
    WKB_NO_GEOMETRY,
)
from ..core.domain.analysis import AnalysisError
from ..core.domain.analysis.comparison import check_periods, make_period
from ..core.domain.analysis.effect import pre_trend
from ..core.domain.analysis.followup import default_periods, follow_up, split_period
from ..core.domain.analysis.zones import comparable_control, count_periods, follow_up_zones
from ..core.domain.geometry import to_ogr
from ..core.domain.periods import local_today
from ..core.domain.schema import MEASURES
from ..core.domain.wording import number
from ..core.i18n import language, tr
from ..core.presentation.layers import store_of
from ..core.store import Store, StoreError
from .base import AnalysisAlgorithm
from .common import optional, parameter_as_date
from .hotspots import boundary_geometry
from .inputs import add_incident_parameters, require_metres
from .precision import add_precision_parameter, read_placed_incidents

COUNT_FIELDS = ("rb", "ra", "db", "da", "cb", "ca", "dcb", "dca")
STAT_FIELDS = ("res", "res_low", "res_high", "target_change_pct", "control_change_pct", "sm", "bdm", "wdq", "tne",
               "wdd", "wdd_se", "wdd_z", "wdd_p", "wdd_low", "wdd_high")
PRE_COUNT_FIELDS = ("rb1", "rb2", "cb1", "cb2")
PRE_STAT_FIELDS = ("ratio", "low", "high")  # written as pretrend, pretrend_low, pretrend_high
TEXT_FIELDS = ("effect", "verdict", "reading", "comparison")
FOLLOWUP_RESULT_LENGTH = MEASURES.field("followup_result").length


class MeasureFollowUpAlgorithm(AnalysisAlgorithm):
    TARGET = "TARGET"
    BUFFER_WIDTH = "BUFFER_WIDTH"
    CONTROL = "CONTROL"
    CONTROL_BUFFER_WIDTH = "CONTROL_BUFFER_WIDTH"
    BEFORE_START = "BEFORE_START"
    BEFORE_END = "BEFORE_END"
    AFTER_START = "AFTER_START"
    AFTER_END = "AFTER_END"
    WRITE_RESULT = "WRITE_RESULT"
    OUTPUT = "OUTPUT"

    def name(self):
        return "measurefollowup"

    def displayName(self):
        return tr("Measure follow-up (effect and displacement)")

    def shortHelpString(self):
        return tr(
            "Did incidents fall in the area of a measure, relative to a comparison area, and did they move to "
            "the surrounding area (or did the benefit spread there)? Counts the incidents before and after "
            "in the target (rb, ra), in a buffer around it (db, da), in the comparison (control) area (cb, ca) "
            "and optionally in a buffer around the control (dcb, dca). The default comparison area is the rest "
            "of the store's districts that contain the target, beyond the target and its buffer; without "
            "districts, the rest of the incidents' extent (the log gives its size). Computes Farrington's "
            "relative effect size (res: above 1, the target did better than the comparison area, with its 95 % "
            "interval res_low, res_high), the Weighted Displacement Quotient of Bowers and Johnson (sm, bdm, "
            "wdq, the total net effect tne) and the Weighted Displacement Difference test of Wheeler and "
            "Ratcliffe (wdd with its standard error, z, p and 95 % interval), and checks whether the target was "
            "already falling faster than the comparison area before the measure (pretrend). The verdict says "
            "in words what the RES and the WDD mean together. By default the periods are equally long before "
            "and after the measure's start_date; periods of unequal length are weighted by days. Only with "
            "WRITE_RESULT, and when TARGET is one measure of a store, is the verdict appended with today's date "
            "to the measure's follow-up; the earlier text is kept."
        )

    def initAlgorithm(self, config=None):
        add_incident_parameters(self, period=False)
        add_precision_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TARGET, tr("Target area (the measure's polygon)"), [SOURCE_VECTOR_POLYGON]))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.BUFFER_WIDTH, tr("Buffer width (metres)"), NUMBER_DOUBLE,
            defaultValue=200.0, minValue=0.0)))
        self.addParameter(optional(QgsProcessingParameterFeatureSource(
            self.CONTROL, tr("Comparison (control) area (default: the rest of the districts around the target)"),
            [SOURCE_VECTOR_POLYGON])))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.CONTROL_BUFFER_WIDTH, tr("Control buffer width (metres, 0 = none)"),
            NUMBER_DOUBLE, defaultValue=0.0, minValue=0.0)))
        for key, label in ((self.BEFORE_START, tr("Before: first day")), (self.BEFORE_END, tr("Before: last day")),
                           (self.AFTER_START, tr("After: first day")), (self.AFTER_END, tr("After: last day"))):
            self.addParameter(optional(QgsProcessingParameterDateTime(key, label, DATETIME_DATE)))
        self.addParameter(optional(QgsProcessingParameterBoolean(
            self.WRITE_RESULT, tr("Append the verdict to the measure's follow-up in the store (earlier text kept)"),
            defaultValue=False)))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Follow-up"), SOURCE_VECTOR))

    def processAlgorithm(self, parameters, context, feedback):
        incidents = read_placed_incidents(self, parameters, context, feedback)
        require_metres(incidents)
        target_source = self.parameterAsSource(parameters, self.TARGET, context)
        target = boundary_geometry(target_source, incidents.crs, context)
        target_features = list(target_source.getFeatures())
        target_store = store_of(self._target_layer(parameters, context), "measures")
        start_dates = {f["start_date"] for f in target_features
                       if target_source.fields().indexOf("start_date") >= 0 and f["start_date"]}
        before, after = self._periods(parameters, context, start_dates, local_today(incidents.tz))
        halves = split_period(before)
        periods = {"b": before, "a": after} | ({"b1": halves[0], "b2": halves[1]} if halves else {})
        buffer_width = self.parameterAsDouble(parameters, self.BUFFER_WIDTH, context)
        control_buffer_width = self.parameterAsDouble(parameters, self.CONTROL_BUFFER_WIDTH, context)
        if incidents.count:
            extent = (float(incidents.x.min()), float(incidents.y.min()), float(incidents.x.max()),
                      float(incidents.y.max()))
        else:  # OGR's envelope is (xmin, xmax, ymin, ymax)
            xmin, xmax, ymin, ymax = target.GetEnvelope()
            extent = (xmin, ymin, xmax, ymax)
        try:
            control, comparison = self._comparison(parameters, context, incidents, target, buffer_width,
                                                   target_store)
            zones = follow_up_zones(target, buffer_width, control, control_buffer_width, extent)
            counts = count_periods(incidents.x, incidents.y, incidents.start, zones, periods, incidents.tz)
            if control is not None and comparison[0] == "districts" and not (counts["cb"] and counts["ca"]):
                feedback.pushInfo(tr("The rest of the districts around the target had no incidents in one of the "
                                     "periods: the comparison area is the rest of the incidents' extent instead"))
                comparison = ("extent", tr("the rest of the incidents' extent beyond the target and its buffer"))
                zones = follow_up_zones(target, buffer_width, None, control_buffer_width, extent)
                counts = count_periods(incidents.x, incidents.y, incidents.start, zones, periods, incidents.tz)
            pre = pre_trend(counts["rb1"], counts["rb2"], counts["cb1"], counts["cb2"], halves[0].days,
                            halves[1].days) if halves else None
            result = follow_up(**{n: counts[n] for n in COUNT_FIELDS}, language=language(),
                               days_before=before.days, days_after=after.days, pre=pre)
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        self._log(feedback, before, after, zones, comparison[1], counts, result)

        fields = QgsFields()
        for name in COUNT_FIELDS + ("days_before", "days_after") + PRE_COUNT_FIELDS:
            fields.append(QgsField(name, FIELD_INT))
        for name in STAT_FIELDS + ("pretrend", "pretrend_low", "pretrend_high"):
            fields.append(QgsField(name, FIELD_DOUBLE))
        for name in TEXT_FIELDS:
            fields.append(QgsField(name, FIELD_STRING))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        feature = QgsFeature(fields)
        values = ([getattr(result, n) for n in COUNT_FIELDS + ("days_before", "days_after")]
                  + [getattr(pre, n) if pre else None for n in PRE_COUNT_FIELDS]
                  + [getattr(result, n) for n in STAT_FIELDS]
                  + [getattr(pre, n) if pre else None for n in PRE_STAT_FIELDS]
                  + [result.effect, result.verdict, result.reading, comparison[1]])
        # plain Python numbers: a feature with NumPy scalars is dropped silently on QGIS 3.22
        feature.setAttributes([None if v is None else (float(v) if isinstance(v, float) else v) for v in values])
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        del sink
        if self.parameterAsBoolean(parameters, self.WRITE_RESULT, context):
            self._write_back(target_store, target_features, result, feedback)
        return {self.OUTPUT: destination}

    def _target_layer(self, parameters, context):
        value = parameters.get(self.TARGET)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):  # e.g. the selected measure only
            value = value.source.staticValue()
        return QgsProcessingUtils.mapLayerFromString(str(value), context) if value else None

    def _comparison(self, parameters, context, incidents, target, buffer_width, target_store):
        """(control geometry, or None for the incidents' extent; (kind, description))."""
        control_source = self.parameterAsSource(parameters, self.CONTROL, context)
        if control_source is not None:
            return (boundary_geometry(control_source, incidents.crs, context),
                    ("given", tr("the comparison area given (CONTROL) beyond the target and its buffer")))
        incident_store = incidents.store
        names, geometries = self._districts(incident_store or target_store, incidents.crs, context)
        chosen = comparable_control(target, buffer_width, geometries)
        if chosen is None:
            return None, ("extent", tr("the rest of the incidents' extent beyond the target and its buffer (no "
                                       "district of the store leaves a comparison area around the target)"))
        union, used = chosen
        words = (tr("the rest of the district {names} beyond the target and its buffer") if len(used) == 1 else
                 tr("the rest of the districts {names} beyond the target and its buffer"))
        return union, ("districts", words.format(names=", ".join(names[i] for i in used)))

    @staticmethod
    def _districts(path, crs, context) -> tuple[list[str], list]:
        """The names and OGR geometries (in ``crs``) of the store's districts."""
        if path is None:
            return [], []
        try:
            with Store.open(path, read_only=True) as store:
                areas, store_crs = store.areas("district"), store.crs
        except (StoreError, OSError):
            return [], []
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(store_crs), crs, context.transformContext())
        geometries = []
        for area in areas:
            geometry = QgsGeometry()
            geometry.fromWkb(bytes(area.geometry.ExportToWkb()))
            geometry.transform(transform)
            geometries.append(to_ogr(geometry))
        return [area.name for area in areas], geometries

    @staticmethod
    def _log(feedback, before, after, zones, description, counts, result):
        feedback.pushInfo(tr("Before: {b_start} to {b_end} ({b_days} days); after: {a_start} to {a_end} ({a_days} "
                             "days)").format(b_start=before.start, b_end=before.end, b_days=before.days,
                                             a_start=after.start, a_end=after.end, a_days=after.days))
        if before.days != after.days:
            feedback.pushInfo(tr("The periods differ in length: changes are compared per day, and in the WDD each "
                                 "count before is weighted by {a_days}/{b_days}").format(
                a_days=after.days, b_days=before.days))
        target_area = zones.target.Area()
        feedback.pushInfo(tr("Comparison area: {what}: {area} km² ({area_ratio} times the target's area), {cb} "
                             "incidents before the measure against the target's {rb}").format(
            what=description, area=number(zones.control.Area() / 1e6, None, decimals=2),
            area_ratio=number(zones.control.Area() / target_area, None) if target_area else "?",
            cb=result.cb, rb=result.rb))
        feedback.pushInfo(", ".join(f"{name} = {counts[name]}" for name in COUNT_FIELDS if counts[name] is not None))
        pre = result.pre
        if pre is not None:
            feedback.pushInfo(tr("Pre-trend, the before period in two halves ({days1} and {days2} days): target "
                                 "{rb1} and {rb2}, comparison area {cb1} and {cb2}; ratio {ratio} (below 1: the "
                                 "target was already falling faster)").format(
                days1=pre.days1, days2=pre.days2, rb1=pre.rb1, rb2=pre.rb2, cb1=pre.cb1, cb2=pre.cb2,
                ratio="?" if pre.ratio is None else "{} ({}\u2013{})".format(
                    *(number(v, None, decimals=2) for v in (pre.ratio, pre.low, pre.high)))))
        for note in result.notes:
            feedback.pushInfo(note)
        feedback.pushInfo(result.reading)

    def _periods(self, parameters, context, start_dates, today):
        given = [parameter_as_date(self, parameters, key, context)
                 for key in (self.BEFORE_START, self.BEFORE_END, self.AFTER_START, self.AFTER_END)]
        try:
            if all(given):
                before = make_period(given[0], given[1], tr("before"))
                after = make_period(given[2], given[3], tr("after"))
            elif any(given):
                raise QgsProcessingException(tr("give all four of BEFORE_START, BEFORE_END, AFTER_START and "
                                                "AFTER_END, or none (then they follow the measure's start_date)"))
            else:
                if len(start_dates) != 1:
                    raise QgsProcessingException(tr(
                        "the periods follow the measure's start_date, but TARGET has {n} different start dates: "
                        "choose one measure, or give the four period dates").format(n=len(start_dates)))
                value = next(iter(start_dates))
                start = date(value.year(), value.month(), value.day()) if hasattr(value, "year") and callable(
                    value.year) else date.fromisoformat(str(value)[:10])
                before, after = default_periods(start, today)
            check_periods(before, after, (tr("before"), tr("after")))
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        return before, after

    def _write_back(self, target_store, target_features, result, feedback):
        """Append the verdict, dated, to the measure's follow-up; the earlier text is kept."""
        if target_store is None or len(target_features) != 1:
            feedback.pushWarning(tr("WRITE_RESULT: the verdict is written only when TARGET is one measure of a "
                                    "store's measures layer; nothing was written"))
            return
        path = target_store
        fid = target_features[0].id()
        try:
            with Store.open(path) as store:
                today = local_today(store.tz)
                entry = f"{today.isoformat()}: {result.verdict}"
                earlier = (store.measure(fid).followup_result or "").rstrip()
                text = f"{earlier}\n\n{entry}" if earlier else entry
                if len(text) > FOLLOWUP_RESULT_LENGTH:
                    feedback.pushWarning(tr("the follow-up of measure {fid} would grow beyond {limit} characters: "
                                            "nothing was written, and the earlier text is unchanged").format(
                        fid=fid, limit=FOLLOWUP_RESULT_LENGTH))
                    return
                store.update_measure(fid, {"followup_date": today, "followup_result": text})
        except (StoreError, ValueError) as error:
            feedback.pushWarning(tr("the follow-up could not be written to the measure: {error}").format(
                error=error))
            return
        feedback.pushInfo(tr("Appended to the follow-up of measure {fid} in {store}").format(fid=fid, store=path))
