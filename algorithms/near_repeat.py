"""lagesbild:nearrepeat: does one incident raise the risk of another nearby soon after (Knox test)?"""

from pathlib import Path

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, NUMBER_INTEGER, SOURCE_VECTOR, WKB_NO_GEOMETRY
from ..core.domain.analysis import AnalysisError
from ..core.domain.analysis.knox import METRICS, PERMUTATIONS, SEED, knox, parse_edges
from ..core.domain.analysis.knox_report import days_label, distance_label, knox_html, near_repeat_window, summary
from ..core.domain.codelist import label as code_label
from ..core.domain.timeutil import local_parts
from ..core.i18n import language, tr
from .base import AnalysisAlgorithm
from .common import optional
from .inputs import add_incident_parameters, require_metres, resolve_input
from .precision import add_precision_parameter, placed, with_precision

DEFAULT_DISTANCE_BANDS = "0,100,200,300,400"
DEFAULT_TIME_BANDS = "0,7,14,21,28"


def common_label(attributes: dict, lang: str) -> str:
    """The label of the one subcategory (else category) every incident has, or ''."""
    for name in ("subcategory", "category"):
        values = {"" if v is None else str(v) for v in attributes.get(name, ())}
        if len(values) == 1 and "" not in values:
            return code_label(values.pop(), lang)
    return ""


class NearRepeatAlgorithm(AnalysisAlgorithm):
    DISTANCE_BANDS = "DISTANCE_BANDS"
    TIME_BANDS = "TIME_BANDS"
    METRIC = "METRIC"
    PERMUTATIONS = "PERMUTATIONS"
    SEED = "SEED"
    OUTPUT = "OUTPUT"
    OUTPUT_HTML = "OUTPUT_HTML"
    WINDOW_DISTANCE = "WINDOW_DISTANCE"
    WINDOW_DAYS = "WINDOW_DAYS"
    WINDOW_RATIO = "WINDOW_RATIO"

    def name(self):
        return "nearrepeat"

    def displayName(self):
        return tr("Near repeats (Knox test)")

    def shortHelpString(self):
        return tr(
            "Does one incident raise the risk of another nearby soon after? Every pair of incidents falls in "
            "a distance band and a time band. DISTANCE_BANDS are edges in metres (0,100,200 gives the bands "
            "same location, 0–100 m without the same location, 100–200 m, and 200 m or more); TIME_BANDS are "
            "edges in days (0,7,14 gives 0–6 days, 7–13 days and 14 days or more). A band includes its lower "
            "edge and excludes its upper one; days are whole calendar days apart in the time zone. For every "
            "distance band and time band the output gives the observed pairs, the expected pairs if time and "
            "place were unrelated (pairs in the distance band × pairs in the time band / all pairs, the mean "
            "over all permutations of the times among the places), the Knox ratio (observed / expected) and "
            "the p-value of a Monte Carlo test with PERMUTATIONS permutations of the times among the places "
            "((1 + permutations with at least as many pairs) / (PERMUTATIONS + 1)). The same SEED gives the "
            "same p-values; the other numbers do not depend on it. The log and the HTML output name the "
            "near-repeat window: the largest block of bands next to the incident in which every band has a "
            "ratio above 1 at p < 0.05. The bands of the Near Repeat Calculator are labelled one unit off: its "
            "\"8 to 14 days\" is 7–13 days here."
        )

    def initAlgorithm(self, config=None):
        add_incident_parameters(self)
        add_precision_parameter(self)
        self.addParameter(optional(QgsProcessingParameterString(
            self.DISTANCE_BANDS, tr("Distance band edges (metres, from 0)"), DEFAULT_DISTANCE_BANDS)))
        self.addParameter(optional(QgsProcessingParameterString(
            self.TIME_BANDS, tr("Time band edges (days, from 0)"), DEFAULT_TIME_BANDS)))
        self.addParameter(optional(QgsProcessingParameterEnum(
            self.METRIC, tr("Distance"), options=[tr("Euclidean (straight line)"), tr("Manhattan (along a grid)")],
            defaultValue=0)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.PERMUTATIONS, tr("Permutations"), NUMBER_INTEGER, defaultValue=PERMUTATIONS, minValue=19,
            maxValue=99_999)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.SEED, tr("Seed"), NUMBER_INTEGER, defaultValue=SEED, minValue=0)))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Knox table"), SOURCE_VECTOR))
        self.addParameter(optional(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, tr("Knox table (HTML)"), fileFilter=tr("HTML files (*.html)"))))
        self.addOutput(QgsProcessingOutputNumber(self.WINDOW_DISTANCE, tr("Near-repeat window: metres")))
        self.addOutput(QgsProcessingOutputNumber(self.WINDOW_DAYS, tr("Near-repeat window: days")))
        self.addOutput(QgsProcessingOutputNumber(self.WINDOW_RATIO, tr("Near-repeat window: Knox ratio")))

    def processAlgorithm(self, parameters, context, feedback):
        try:
            distance_edges = parse_edges(self.parameterAsString(parameters, self.DISTANCE_BANDS, context)
                                         or DEFAULT_DISTANCE_BANDS, tr("distance band edges"))
            time_edges = parse_edges(self.parameterAsString(parameters, self.TIME_BANDS, context)
                                     or DEFAULT_TIME_BANDS, tr("time band edges"))
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        metric = METRICS[self.parameterAsEnum(parameters, self.METRIC, context)]
        permutations = self.parameterAsInt(parameters, self.PERMUTATIONS, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        with resolve_input(self, parameters, context) as given:
            fields = given.source.fields()
            columns = tuple(name for name in ("category", "subcategory") if fields.indexOf(name) >= 0)
            incidents = given.read(feedback, columns=with_precision(columns, fields))
        incidents = placed(self, parameters, context, feedback, incidents, columns)
        require_metres(incidents)
        known = incidents.start >= 0  # those without a time are left out, and read() said so
        days = local_parts(incidents.start[known], incidents.tz).day
        feedback.pushInfo(tr("{n} incidents with a time; days counted in {zone}.").format(
            n=int(known.sum()), zone=incidents.tz.key))

        def progress(fraction):
            feedback.setProgress(5 + 90 * fraction)
            return not feedback.isCanceled()

        try:
            result = knox(incidents.x[known], incidents.y[known], days, distance_edges, time_edges, metric,
                          permutations, seed, progress)
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        lang = language()
        subject = common_label({k: v[known] for k, v in incidents.attributes.items()}, lang)
        sentence = summary(result, lang, subject)
        feedback.pushInfo(sentence)
        destination = self._write_table(parameters, context, result, lang)
        window = near_repeat_window(result)
        outputs = {self.OUTPUT: destination,
                   self.WINDOW_DISTANCE: window.distance if window else None,
                   self.WINDOW_DAYS: window.days if window else None,
                   self.WINDOW_RATIO: window.ratio if window else None}
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            title = tr("Near repeats: {source}").format(source=incidents.source_name)
            Path(html_path).write_text(knox_html(result, lang, title, sentence), encoding="utf-8")
            outputs[self.OUTPUT_HTML] = html_path
        return outputs

    def _write_table(self, parameters, context, result, lang):
        fields = QgsFields()
        for name, kind in (("distance_from", FIELD_DOUBLE), ("distance_to", FIELD_DOUBLE),
                           ("days_from", FIELD_DOUBLE), ("days_to", FIELD_DOUBLE),
                           ("distance_band", FIELD_STRING), ("time_band", FIELD_STRING),
                           ("observed", FIELD_INT), ("expected", FIELD_DOUBLE), ("knox_ratio", FIELD_DOUBLE),
                           ("p_value", FIELD_DOUBLE)):
            fields.append(QgsField(name, kind))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows, columns = result.observed.shape
        for r in range(rows):
            distance_from, distance_to = result.distance_band(r)
            for c in range(columns):
                days_from, days_to = result.time_band(c)
                ratio = float(result.ratio[r, c])
                feature = QgsFeature(fields)
                # plain Python numbers: a feature with NumPy scalars is dropped silently on QGIS 3.22
                feature.setAttributes([distance_from, distance_to, days_from, days_to,
                                       distance_label(result, r, lang), days_label(result, c, lang),
                                       int(result.observed[r, c]), float(result.expected[r, c]),
                                       None if np.isnan(ratio) else ratio, float(result.p[r, c])])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        del sink
        return destination
