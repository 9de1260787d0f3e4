"""lagesbild:verifystore: is the store whole? Its file, schema version,
audit triggers and the history's hash chain, reported in words; with REPAIR
the triggers are restored (and the repair recorded in the history)."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
)

from ..core.i18n import tr
from ..core.store import StoreError
from ..core.store.verify import verify_store
from .base import LagesbildAlgorithm
from .common import optional, store_input, store_parameter


class VerifyStoreAlgorithm(LagesbildAlgorithm):
    STORE = "STORE"
    REPAIR = "REPAIR"
    PROBLEMS = "PROBLEMS"
    REPAIRED = "REPAIRED"
    SEALED = "SEALED"
    REPORT = "REPORT"

    def name(self) -> str:
        return "verifystore"

    def displayName(self) -> str:
        return tr("Verify store")

    def shortHelpString(self) -> str:
        return tr(
            "Checks that a store is whole: the file itself (a GeoPackage's integrity check), its schema "
            "version, its audit triggers (present, enabled and as this version of the plugin makes them) "
            "and the history's hash chain (no history row changed, removed or moved after it was sealed). "
            "History rows written by other programs are sealed into the chain. The report lists every "
            "problem in words and ends with the last sealed row's number and hash: note them outside the "
            "store, and a later rewrite of the whole chain shows. With Repair, missing or altered triggers "
            "are restored and the repair is recorded in the history; a break in the chain is evidence and "
            "is never repaired. The algorithm fails (a non-zero exit from qgis_process) while any problem "
            "remains."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_input(self.STORE, tr("Store")))
        self.addParameter(optional(QgsProcessingParameterBoolean(
            self.REPAIR, tr("Repair: restore missing or altered triggers"), defaultValue=False)))
        self.addOutput(QgsProcessingOutputNumber(self.PROBLEMS, tr("Problems")))
        self.addOutput(QgsProcessingOutputNumber(self.REPAIRED, tr("Problems repaired")))
        self.addOutput(QgsProcessingOutputNumber(self.SEALED, tr("History rows sealed now")))
        self.addOutput(QgsProcessingOutputString(self.REPORT, tr("Report")))

    def processAlgorithm(self, parameters, context, feedback):
        location = store_parameter(self, parameters, self.STORE, context)
        repair = self.parameterAsBool(parameters, self.REPAIR, context)
        try:
            report = verify_store(location, repair=repair)
        except StoreError as error:
            raise QgsProcessingException(str(error)) from error
        for line in report.text().splitlines():
            feedback.pushInfo(line)
        if report.problems:
            raise QgsProcessingException(tr(
                "{store} is not whole: {count} problems. {problems}{hint}").format(
                store=location.display, count=len(report.problems), problems=" ".join(
                    f"({number}) {problem}." for number, problem in enumerate(report.problems, start=1)),
                hint="" if repair else tr(" Run again with REPAIR=true to restore missing or altered triggers.")))
        return {self.PROBLEMS: 0, self.REPAIRED: len(report.repaired), self.SEALED: report.sealed,
                self.REPORT: report.text()}
