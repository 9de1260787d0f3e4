"""lagesbild:retention: blank the free texts of incidents closed longer ago
than the store's retention period (README "Retention")."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterNumber,
)

from ..core.compat import NUMBER_INTEGER
from ..core.i18n import tr
from ..core.store import Store
from ..core.store.retention import MAX_MONTHS, apply, plan
from .base import LagesbildAlgorithm
from .common import optional, store_input, store_parameter


class RetentionAlgorithm(LagesbildAlgorithm):
    STORE = "STORE"
    DRY_RUN = "DRY_RUN"
    MONTHS = "MONTHS"
    INCIDENTS = "INCIDENTS"
    HISTORY_ROWS = "HISTORY_ROWS"
    REPORT = "REPORT"

    def name(self) -> str:
        return "retention"

    def displayName(self) -> str:
        return tr("Retention: blank old free texts")

    def shortHelpString(self) -> str:
        return tr(
            "Blanks the free texts (place name, description, handling note) of incidents that were closed "
            "more than the store's retention period ago (the store's setting retention_months, 24 months "
            "unless changed; MONTHS overrides it for this run), in the incidents and in every history row "
            "that holds them. Categories, places, times and counts stay for the statistics. An incident was "
            "closed when its status last became closed in the history (else at its last update). The "
            "history keeps one retention row per incident saying what was blanked, and its hash chain stays "
            "whole. With Dry run (the default) it only reports what would be blanked and writes nothing. On "
            "PostgreSQL only the store's owner may run it for real."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_input(self.STORE, tr("Store")))
        self.addParameter(optional(QgsProcessingParameterBoolean(
            self.DRY_RUN, tr("Dry run: report only, write nothing"), defaultValue=True)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.MONTHS, tr("Retention period in months (empty: the store's setting)"), NUMBER_INTEGER,
            minValue=1, maxValue=MAX_MONTHS)))
        self.addOutput(QgsProcessingOutputNumber(self.INCIDENTS, tr("Incidents blanked (or to blank)")))
        self.addOutput(QgsProcessingOutputNumber(self.HISTORY_ROWS, tr("History rows holding their texts")))
        self.addOutput(QgsProcessingOutputString(self.REPORT, tr("Report")))

    def processAlgorithm(self, parameters, context, feedback):
        location = store_parameter(self, parameters, self.STORE, context)
        dry = self.parameterAsBool(parameters, self.DRY_RUN, context)
        given = parameters.get(self.MONTHS)
        months = None if given in (None, "") else self.parameterAsInt(parameters, self.MONTHS, context)
        with Store.open(location, read_only=dry) as store:
            result = plan(store, months) if dry else apply(store, months)
        report = result.text()
        for line in report.splitlines():
            feedback.pushInfo(line)
        return {self.INCIDENTS: len(result.incidents), self.HISTORY_ROWS: result.history_rows,
                self.REPORT: report}
