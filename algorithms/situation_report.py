"""lagesbild:situationreport: the situation report for the council, as a PDF."""


from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.compat import DATETIME_DATE, NUMBER_INTEGER
from ..core.domain.periods import local_today
from ..core.domain.timeutil import Period
from ..core.i18n import tr
from ..core.presentation.report import ReportError, ReportOptions, export_report
from ..core.presentation.report_data import COMPARE_OPTIONS, MIN_COUNT, default_period
from ..core.store import Store, StoreError
from .base import LagesbildAlgorithm
from .common import check_period_days, optional, parameter_as_date, store_input, store_parameter


class SituationReportAlgorithm(LagesbildAlgorithm):
    STORE = "STORE"
    PERIOD_START = "PERIOD_START"
    PERIOD_END = "PERIOD_END"
    COMPARE_WITH = "COMPARE_WITH"
    ATLAS_BY_AREA = "ATLAS_BY_AREA"
    MIN_COUNT = "MIN_COUNT"
    TITLE = "TITLE"
    MUNICIPALITY = "MUNICIPALITY"
    LOGO = "LOGO"
    OUTPUT_PDF = "OUTPUT_PDF"
    PAGES = "PAGES"

    def name(self):
        return "situationreport"

    def displayName(self):
        return tr("Situation report (PDF)")

    def groupId(self):
        return "report"

    def group(self):
        return tr("Report")

    def shortHelpString(self):
        return tr(
            "The situation report for the crime-prevention council: an A4 landscape PDF from the template "
            "resources/layouts/situation_report.qpt with a map of the period's incidents counted in squares "
            "(a square with fewer than MIN_COUNT left blank; no single incident is drawn) under their hot spots "
            "and the areas, a table of incidents per category with the change against the "
            "comparison period (its dates named), the time of week, the measures of the action plan, and an "
            "empty frame for the meeting's assessment and decisions. By default the period is the last 28 "
            "days up to yesterday, compared with the same dates last year. ATLAS_BY_AREA makes one page per "
            "district instead. The report is meant to be shared: no incident descriptions or handling notes, "
            "and every count below MIN_COUNT is shown as \"fewer than\", also where a total would reveal it. "
            "The PDF keeps its text as text (searchable and readable by a screen reader). The municipality's name "
            "and logo are the store's settings (set when the store is created, or by lagesbild:createstore's "
            "MUNICIPALITY and LOGO); MUNICIPALITY and LOGO here change them for this report only."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_input(self.STORE, tr("Store")))
        self.addParameter(optional(QgsProcessingParameterDateTime(
            self.PERIOD_START, tr("Period start (default: 28 days before today)"), DATETIME_DATE)))
        self.addParameter(optional(QgsProcessingParameterDateTime(
            self.PERIOD_END, tr("Period end (default: yesterday)"), DATETIME_DATE)))
        self.addParameter(optional(QgsProcessingParameterEnum(
            self.COMPARE_WITH, tr("Compare with"),
            options=[tr("The previous period"), tr("The same period last year"), tr("No comparison")],
            defaultValue=1)))
        self.addParameter(optional(QgsProcessingParameterBoolean(
            self.ATLAS_BY_AREA, tr("One page per district"), defaultValue=False)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.MIN_COUNT, tr("Smallest count shown"), NUMBER_INTEGER, defaultValue=MIN_COUNT, minValue=1)))
        self.addParameter(optional(QgsProcessingParameterString(self.TITLE, tr("Title"), defaultValue="")))
        self.addParameter(optional(QgsProcessingParameterString(
            self.MUNICIPALITY, tr("Municipality (default: the store's setting)"), defaultValue="")))
        self.addParameter(optional(QgsProcessingParameterFile(
            self.LOGO, tr("Logo, SVG, PNG or JPEG (default: the store's setting)"),
            fileFilter=tr("Images (*.svg *.png *.jpg *.jpeg)"))))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, tr("Situation report"), fileFilter=tr("PDF files (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, tr("Pages")))

    def processAlgorithm(self, parameters, context, feedback):
        location = store_parameter(self, parameters, self.STORE, context)
        if not location.exists():
            raise QgsProcessingException(tr("no such store: {path}").format(path=location.display))
        store_path = location
        try:
            with Store.open(store_path, read_only=True) as store:
                today = local_today(store.tz)  # the store's today, not the machine's
        except (StoreError, ValueError) as error:
            raise QgsProcessingException(str(error)) from error
        default = default_period(today)
        start = parameter_as_date(self, parameters, self.PERIOD_START, context)
        end = parameter_as_date(self, parameters, self.PERIOD_END, context)
        if start is None and end is not None:
            start = end - (default.end - default.start)
        start, end = start or default.start, end or default.end
        check_period_days(start, end)
        if end < start:
            raise QgsProcessingException(tr("the period runs backwards: it starts on {start}, after its end on {end}")
                                         .format(start=start.isoformat(), end=end.isoformat()))
        options = ReportOptions(
            period=Period(start, end),
            compare_with=COMPARE_OPTIONS[self.parameterAsEnum(parameters, self.COMPARE_WITH, context)],
            atlas_by_area=self.parameterAsBool(parameters, self.ATLAS_BY_AREA, context),
            min_count=self.parameterAsInt(parameters, self.MIN_COUNT, context),
            title=self.parameterAsString(parameters, self.TITLE, context).strip(),
            municipality=self.parameterAsString(parameters, self.MUNICIPALITY, context).strip() or None,
            logo=Path(logo) if (logo := self.parameterAsFile(parameters, self.LOGO, context)) else None,
            today=today)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        feedback.pushInfo(tr("Report of {start} to {end} ({compare})").format(
            start=start.isoformat(), end=end.isoformat(), compare=options.compare_with))
        try:
            result = export_report(store_path, output, options, feedback=feedback)
        except (ReportError, StoreError, ValueError) as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(tr("{pages} pages, {n} incidents: {path}").format(
            pages=result.pages, n=result.incidents, path=output))
        return {self.OUTPUT_PDF: output, self.PAGES: result.pages}
