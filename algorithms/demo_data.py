"""lagesbild:demodata: the fictional demo municipality Solvik in a store."""


from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterNumber,
)

from ..core.compat import DATETIME_DATE, NUMBER_INTEGER
from ..core.domain import demo
from ..core.domain.periods import local_today
from ..core.domain.timeutil import DEFAULT_TIME_ZONE, zone
from ..core.i18n import tr
from ..core.presentation.form_style import ensure_standard_form
from ..core.store import Cancelled, Store, StoreError
from ..core.store.backends import backend_for
from ..core.store.demo_store import build_demo_store
from .base import LagesbildAlgorithm
from .common import optional, parameter_as_date, store_input, store_parameter


class DemoDataAlgorithm(LagesbildAlgorithm):
    STORE = "STORE"
    SIZE = "SIZE"
    SEED = "SEED"
    END_DATE = "END_DATE"

    def name(self) -> str:
        return "demodata"

    def displayName(self) -> str:
        return tr("Demo data")

    def shortHelpString(self) -> str:
        return tr(
            "Fills a store with the fictional municipality Solvik, for trying the plugin out: five "
            "districts and three focus areas, a few measures, and two years of incidents up to "
            "yesterday with the patterns the analysis should find (vandalism near the school and the "
            "station, disorder on Friday and Saturday nights, seasons, a downward trend this year, and "
            "new lighting that lowered incidents in its area). STORE is an existing, empty store or a "
            "new file (then created with the defaults). The same SIZE, SEED and END_DATE always give "
            "the same data."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_input(self.STORE, tr("Store (an empty store, or a new file)")))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.SIZE, tr("Number of incidents"), NUMBER_INTEGER,
            defaultValue=20_000, minValue=demo.MIN_SIZE, maxValue=demo.MAX_SIZE)))
        self.addParameter(optional(QgsProcessingParameterNumber(
            self.SEED, tr("Seed"), NUMBER_INTEGER, defaultValue=1, minValue=0)))
        self.addParameter(optional(QgsProcessingParameterDateTime(
            self.END_DATE, tr("Today of the demo (default: today)"), DATETIME_DATE)))
        self.addOutput(QgsProcessingOutputFile(self.STORE, tr("Store")))

    @staticmethod
    def _store_today(location):
        """Today in the zone of the store (of a new one: the default zone), not the machine's."""
        try:
            if not backend_for(location).exists(location):
                return local_today(zone(DEFAULT_TIME_ZONE))
            with Store.open(location) as store:
                return local_today(store.tz)
        except StoreError as error:
            raise QgsProcessingException(str(error)) from error

    def processAlgorithm(self, parameters, context, feedback):
        path = store_parameter(self, parameters, self.STORE, context)
        size = self.parameterAsInt(parameters, self.SIZE, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        today = parameter_as_date(self, parameters, self.END_DATE, context) or self._store_today(path)
        feedback.pushInfo(tr("Generating {size} incidents (seed {seed}, up to {today})").format(
            size=size, seed=seed, today=today.isoformat()))

        def progress(fraction):
            feedback.setProgress(100 * fraction)
            return not feedback.isCanceled()

        try:
            build_demo_store(path, size, seed, today, progress)
        except Cancelled as error:
            raise QgsProcessingException(str(error)) from error
        except (StoreError, ValueError) as error:
            raise QgsProcessingException(str(error)) from error
        with Store.open(path) as store:
            try:
                ensure_standard_form(store)
            except StoreError as error:
                feedback.pushWarning(tr("The store has no standard form: {error}").format(error=error))
            feedback.pushInfo(tr("{path}: {count} incidents, {areas} areas, {measures} measures").format(
                path=path.label, count=store.count(), areas=len(store.areas()),
                measures=len(store.measures())))
        return {self.STORE: path.display}
