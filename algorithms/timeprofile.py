"""lagesbild:timeprofile: on which weekdays and hours incidents happen."""

from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
)

from ..core.compat import FIELD_DOUBLE, FIELD_INT, SOURCE_VECTOR, WKB_NO_GEOMETRY
from ..core.domain.analysis import AnalysisError
from ..core.domain.analysis.timeprofile import profile_html, time_of_week, top_windows, window_label
from ..core.i18n import language, tr
from .base import AnalysisAlgorithm
from .common import optional
from .inputs import add_incident_parameters, read_incidents

METHODS = ("start", "aoristic")


class TimeProfileAlgorithm(AnalysisAlgorithm):
    METHOD = "METHOD"
    OUTPUT = "OUTPUT"
    OUTPUT_HTML = "OUTPUT_HTML"

    def name(self):
        return "timeprofile"

    def displayName(self):
        return tr("Time-of-week profile")

    def shortHelpString(self):
        return tr(
            "On which weekdays and at which hours do incidents happen? A 7 × 24 table of weights by "
            "weekday (1 = Monday … 7 = Sunday) and local hour (0–23) in the time zone, all 168 rows. "
            "METHOD start counts each incident 1 at the hour of its time field; aoristic spreads an "
            "incident known only to have happened between occurred_from and occurred_to over that "
            "interval, in proportion to the real time in each local clock hour (across daylight-saving "
            "changes; an interval of 7 days or more spreads over the whole week). The weights sum to the "
            "number of incidents used. The HTML output is a heat table of the week naming the three "
            "busiest four-hour windows."
        )

    def initAlgorithm(self, config=None):
        add_incident_parameters(self)
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, tr("Method"), options=[tr("Start time"), tr("Aoristic (spread over the interval)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Time-of-week profile"),
                                                            SOURCE_VECTOR))
        self.addParameter(optional(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, tr("Heat table of the week (HTML)"), fileFilter=tr("HTML files (*.html)"))))

    def processAlgorithm(self, parameters, context, feedback):
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        incidents = read_incidents(self, parameters, context, feedback, with_end=method == "aoristic")
        known = incidents.start >= 0
        if not known.any():
            raise QgsProcessingException(tr("no incident has a time in the time field: nothing to profile"))
        # incidents without a readable time: left out, and said so by read_incidents
        try:
            profile = time_of_week(incidents.start[known], incidents.end[known], incidents.tz, method)
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        lang = language()
        windows = top_windows(profile)
        feedback.pushInfo(tr("{n} incidents, {method}, time zone {zone}. Busiest: {windows}").format(
            n=int(known.sum()), method=method, zone=incidents.tz.key,
            windows=", ".join(window_label(w, lang) for w in windows) or "–"))

        fields = QgsFields()
        fields.append(QgsField("weekday", FIELD_INT))
        fields.append(QgsField("hour", FIELD_INT))
        fields.append(QgsField("weight", FIELD_DOUBLE))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for weekday in range(7):
            for hour in range(24):
                feature = QgsFeature(fields)
                feature.setAttributes([weekday + 1, hour, float(profile[weekday, hour])])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        del sink
        results = {self.OUTPUT: destination}
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            title = tr("Incidents by weekday and hour: {source}").format(source=incidents.source_name)
            Path(html_path).write_text(profile_html(profile, lang, title), encoding="utf-8")
            results[self.OUTPUT_HTML] = html_path
        return results
