"""lagesbild:measurefollowup: did a measure work, and did crime move?"""

from datetime import date

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ..core.analysis import AnalysisError
from ..core.analysis.comparison import check_periods, make_period
from ..core.analysis.followup import default_periods, follow_up
from ..core.analysis.zones import count_zones, follow_up_zones
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
from ..core.i18n import language, tr
from ..core.store import Store, StoreError
from .base import AnalysisAlgorithm
from .common import optional, parameter_as_date
from .hotspots import boundary_geometry
from .inputs import add_incident_parameters, read_incidents, require_metres

COUNT_FIELDS = ("rb", "ra", "db", "da", "cb", "ca", "dcb", "dca")
STAT_FIELDS = ("sm", "bdm", "wdq", "tne", "wdd", "wdd_se", "wdd_z", "wdd_p", "wdd_low", "wdd_high")


def measure_of(source_layer) -> tuple[str, None] | None:
    """The store's path when TARGET is a store's measures layer."""
    if source_layer is None or source_layer.providerType() != "ogr":
        return None
    parts = source_layer.source().split("|")
    options = dict(part.split("=", 1) for part in parts[1:] if "=" in part)
    if options.get("layername") != "measures":
        return None
    try:
        Store.inspect(parts[0])
    except (StoreError, OSError):
        return None
    return parts[0], None


class MeasureFollowUpAlgorithm(AnalysisAlgorithm):
    TARGET = "TARGET"
    BUFFER_WIDTH = "BUFFER_WIDTH"
    CONTROL = "CONTROL"
    CONTROL_BUFFER_WIDTH = "CONTROL_BUFFER_WIDTH"
    BEFORE_START = "BEFORE_START"
    BEFORE_END = "BEFORE_END"
    AFTER_START = "AFTER_START"
    AFTER_END = "AFTER_END"
    OUTPUT = "OUTPUT"

    def name(self):
        return "measurefollowup"

    def displayName(self):
        return tr("Measure follow-up (effect and displacement)")

    def shortHelpString(self):
        return tr(
            "Did incidents fall in the area of a measure, relative to a control area, and did they move to "
            "the surrounding area (or did the benefit spread there)? Counts the incidents before and after "
            "in the target (rb, ra), in a buffer around it (db, da), in the control area (cb, ca) and "
            "optionally in a buffer around the control (dcb, dca), and computes the Weighted Displacement "
            "Quotient of Bowers and Johnson (sm, bdm, wdq, the total net effect tne) and the Weighted "
            "Displacement Difference test of Wheeler and Ratcliffe (wdd with its standard error, z, p and "
            "95 % interval), with a reading in words. By default the periods are equally long before and "
            "after the measure's start_date. When TARGET is one measure of a store, the result is written "
            "to its follow-up."
        )

    def initAlgorithm(self, config=None):
        add_incident_parameters(self, period=False)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TARGET, tr("Target area (the measure's polygon)"), [SOURCE_VECTOR_POLYGON]))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.BUFFER_WIDTH, tr("Buffer width (metres)"), NUMBER_DOUBLE,
            defaultValue=200.0, minValue=0.0)))
        self.addParameter(optional(QgsProcessingParameterFeatureSource(
            self.CONTROL, tr("Control area (default: the rest of the incidents' extent)"),
            [SOURCE_VECTOR_POLYGON])))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.CONTROL_BUFFER_WIDTH, tr("Control buffer width (metres, 0 = none)"),
            NUMBER_DOUBLE, defaultValue=0.0, minValue=0.0)))
        for key, label in ((self.BEFORE_START, tr("Before: first day")), (self.BEFORE_END, tr("Before: last day")),
                           (self.AFTER_START, tr("After: first day")), (self.AFTER_END, tr("After: last day"))):
            self.addParameter(optional(QgsProcessingParameterDateTime(key, label, DATETIME_DATE)))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Follow-up"), SOURCE_VECTOR))

    def processAlgorithm(self, parameters, context, feedback):
        incidents = read_incidents(self, parameters, context, feedback)
        require_metres(incidents)
        target_source = self.parameterAsSource(parameters, self.TARGET, context)
        target = boundary_geometry(target_source, incidents.crs, context)
        target_features = list(target_source.getFeatures())
        start_dates = {f["start_date"] for f in target_features
                       if target_source.fields().indexOf("start_date") >= 0 and f["start_date"]}
        before, after = self._periods(parameters, context, start_dates)
        control_source = self.parameterAsSource(parameters, self.CONTROL, context)
        control = boundary_geometry(control_source, incidents.crs, context) if control_source else None
        extent = (float(incidents.x.min()), float(incidents.y.min()), float(incidents.x.max()),
                  float(incidents.y.max())) if incidents.count else target.GetEnvelope()
        try:
            zones = follow_up_zones(target, self.parameterAsDouble(parameters, self.BUFFER_WIDTH, context),
                                    control, self.parameterAsDouble(parameters, self.CONTROL_BUFFER_WIDTH, context),
                                    extent)
            counts = count_zones(incidents.x, incidents.y, incidents.start, zones, before, after, incidents.tz)
            result = follow_up(**counts, language=language())
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(tr("Before: {b_start} to {b_end}; after: {a_start} to {a_end} ({days} days each)").format(
            b_start=before.start, b_end=before.end, a_start=after.start, a_end=after.end, days=after.days))
        feedback.pushInfo(", ".join(f"{name} = {counts[name]}" for name in COUNT_FIELDS if counts[name] is not None))
        for note in result.notes:
            feedback.pushInfo(note)
        feedback.pushInfo(result.reading)

        fields = QgsFields()
        for name in COUNT_FIELDS:
            fields.append(QgsField(name, FIELD_INT))
        for name in STAT_FIELDS:
            fields.append(QgsField(name, FIELD_DOUBLE))
        fields.append(QgsField("reading", FIELD_STRING))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        feature = QgsFeature(fields)
        values = [getattr(result, n) for n in COUNT_FIELDS + STAT_FIELDS] + [result.reading]
        feature.setAttributes([None if v is None else (float(v) if isinstance(v, float) else v) for v in values])
        sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        del sink
        self._write_back(parameters, context, target_features, result, feedback)
        return {self.OUTPUT: destination}

    def _periods(self, parameters, context, start_dates):
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
                before, after = default_periods(start, date.today())
            check_periods(before, after, (tr("before"), tr("after")))
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        return before, after

    def _write_back(self, parameters, context, target_features, result, feedback):
        value = parameters.get(self.TARGET)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):  # e.g. the selected measure only
            value = value.source.staticValue()
        layer = QgsProcessingUtils.mapLayerFromString(str(value), context) if value else None
        found = measure_of(layer)
        if found is None or len(target_features) != 1:
            return
        path = found[0]
        fid = target_features[0].id()
        try:
            with Store.open(path) as store:
                store.update_measure(fid, {"followup_date": date.today(), "followup_result": result.reading[:2000]})
        except (StoreError, ValueError) as error:
            feedback.pushWarning(tr("the follow-up could not be written to the measure: {error}").format(
                error=error))
            return
        feedback.pushInfo(tr("Written to the follow-up of measure {fid} in {store}").format(fid=fid, store=path))


