"""lagesbild:copystore: a store copied into a new store, a GeoPackage into
PostgreSQL or back, with its whole history and saved styles."""

from qgis.core import QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingParameterFileDestination

from ..core.i18n import tr
from ..core.presentation.form_style import ensure_standard_form
from ..core.store import Cancelled, Store, StoreError
from ..core.store.copy import copy_store
from .base import LagesbildAlgorithm
from .common import store_input, store_parameter


class CopyStoreAlgorithm(LagesbildAlgorithm):
    INPUT = "INPUT"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "copystore"

    def displayName(self) -> str:
        return tr("Copy store")

    def shortHelpString(self) -> str:
        return tr(
            "Copies a Lägesbild store into a new store: a GeoPackage into a PostgreSQL database, a "
            "PostgreSQL store into a GeoPackage, or between two of the same kind. Each store is a "
            "GeoPackage file or a PostgreSQL connection (postgresql://…?schema=NAME, or service=NAME "
            "schema=NAME). The new store gets the input's CRS, time zone and extent, and every "
            "incident with the same id, version and times, every area, measure and organisation, "
            "the whole history of changes as it was, and the styles saved with the store's layers. "
            "The copy is one transaction: if anything fails, no output is left. An existing output "
            "is never written over."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_input(self.INPUT, tr("Store to copy")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("New store (a GeoPackage file or a PostgreSQL connection)"),
            fileFilter=tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputNumber("STYLES", tr("Styles copied")))

    def processAlgorithm(self, parameters, context, feedback):
        source = store_parameter(self, parameters, self.INPUT, context)
        target = store_parameter(self, parameters, self.OUTPUT, context, new=True)
        feedback.pushInfo(tr("Copying {source} into {target}").format(source=source.display, target=target.display))

        def progress(fraction):
            feedback.setProgress(100 * fraction)
            return not feedback.isCanceled()

        try:
            result = copy_store(source, target, progress)
        except (StoreError, Cancelled, ValueError) as error:
            raise QgsProcessingException(str(error)) from error
        for table, count in result.rows.items():
            feedback.pushInfo(tr("{table}: {count} rows").format(table=table, count=count))
        feedback.pushInfo(tr("{count} saved styles copied").format(count=result.styles))
        for style in result.skipped_styles:
            feedback.pushWarning(tr("A saved style was not copied: {style}").format(style=style))
        try:  # the copied form names the input's code tables; an older input had none
            with Store.open(target) as store:
                if ensure_standard_form(store, renew=True):
                    feedback.pushInfo(tr("The new store was given the standard form"))
        except StoreError as error:
            feedback.pushWarning(tr("The store has no standard form: {error}").format(error=error))
        return {self.OUTPUT: target.display, "STYLES": result.styles}
