"""lagesbild:timeprofile: on which weekdays and hours incidents happen."""

from pathlib import Path

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
)

from ..core.compat import FIELD_DOUBLE, FIELD_INT, SOURCE_VECTOR, WKB_NO_GEOMETRY
from ..core.domain.analysis import AnalysisError
from ..core.domain.analysis.timepattern import DRAWS, aoristic_pattern, pattern_sentence, start_pattern
from ..core.domain.analysis.timeprofile import profile_html, time_of_week
from ..core.i18n import language, tr
from .base import AnalysisAlgorithm
from .common import optional
from .inputs import add_incident_parameters, read_incidents

METHODS = ("start", "aoristic")


class TimeProfileAlgorithm(AnalysisAlgorithm):
    METHOD = "METHOD"
    OUTPUT = "OUTPUT"
    OUTPUT_HTML = "OUTPUT_HTML"
    WEEKDAY_P = "WEEKDAY_P"
    HOUR_P = "HOUR_P"

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
            "number of incidents used.\n\n"
            "WEEKDAY_P: does the weekday matter? The p-value of the weekday totals against an even spread "
            "over the 7 days. HOUR_P: does the hour of day matter? The p-value of the hour totals against "
            "an even (uniform) spread over the 24 hours, which real incidents seldom follow, so with many "
            "incidents HOUR_P is usually small. With start times both are Pearson's chi-square "
            "goodness-of-fit tests (6 and 23 degrees of freedom); with aoristic weights, which have no "
            "chi-square distribution, they are Monte Carlo tests: {draws} draws with a fixed seed, each "
            "turning every incident by a random whole number of days (hours), so the smallest possible "
            "p is 0.001. A p-value below 0.05 counts as mattering, and the busiest windows are named "
            "accordingly: four-hour windows of the week (\"Friday and Saturday 22–02\") when both matter, "
            "the busiest four hours of the day on every day (\"evenings 20–00 on every day\") when only "
            "the hour matters, the busiest days when only the weekday matters, and none, saying so, when "
            "neither does. The log and the HTML output (a heat table of the week) give that sentence."
        ).format(draws=DRAWS)

    def initAlgorithm(self, config=None):
        add_incident_parameters(self)
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, tr("Method"), options=[tr("Start time"), tr("Aoristic (spread over the interval)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Time-of-week profile"),
                                                            SOURCE_VECTOR))
        self.addParameter(optional(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, tr("Heat table of the week (HTML)"), fileFilter=tr("HTML files (*.html)"))))
        self.addOutput(QgsProcessingOutputNumber(self.WEEKDAY_P, tr("p-value: does the weekday matter")))
        self.addOutput(QgsProcessingOutputNumber(self.HOUR_P, tr("p-value: does the hour of day matter")))

    def processAlgorithm(self, parameters, context, feedback):
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        incidents = read_incidents(self, parameters, context, feedback, with_end=method == "aoristic")
        known = incidents.start >= 0
        if not known.any():
            raise QgsProcessingException(tr("no incident has a time in the time field: nothing to profile"))
        # incidents without a readable time: left out, and said so by read_incidents
        start, end = incidents.start[known], incidents.end[known]

        def progress(fraction):
            feedback.setProgress(100 * fraction)
            return not feedback.isCanceled()

        try:
            profile = time_of_week(start, end, incidents.tz, method)
            if method == "start":
                pattern = start_pattern(profile)
            else:
                pattern = aoristic_pattern(profile, start, end, incidents.tz, progress=progress)
        except AnalysisError as error:
            raise QgsProcessingException(str(error)) from error
        lang = language()
        sentence = pattern_sentence(profile, pattern, lang)
        feedback.pushInfo(tr("{n} incidents, {method}, time zone {zone}.").format(
            n=int(known.sum()), method=method, zone=incidents.tz.key))
        for name, test in ((tr("weekday"), pattern.weekday), (tr("hour of day"), pattern.hour)):
            if test.method == "chi-square":
                line = tr("{name}: Pearson's chi-square {statistic:.2f} on {df} degrees of freedom, p = {p:.4g}")
            else:
                line = tr("{name}: Pearson's statistic {statistic:.2f}, Monte Carlo test with {draws} draws, "
                          "p = {p:.4g}")
            feedback.pushInfo(line.format(name=name, statistic=test.statistic, df=test.df, draws=DRAWS, p=test.p))
        feedback.pushInfo(sentence)

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
        results = {self.OUTPUT: destination, self.WEEKDAY_P: pattern.weekday.p, self.HOUR_P: pattern.hour.p}
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            title = tr("Incidents by weekday and hour: {source}").format(source=incidents.source_name)
            Path(html_path).write_text(profile_html(profile, lang, title, sentence), encoding="utf-8")
            results[self.OUTPUT_HTML] = html_path
        return results
