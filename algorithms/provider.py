"""The Processing provider ``lagesbild``: one place lists its algorithms."""


from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr
from ..core.resources import PLUGIN_ICON
from .copy_store import CopyStoreAlgorithm
from .create_store import CreateStoreAlgorithm
from .demo_data import DemoDataAlgorithm
from .density import DensityAlgorithm
from .emerging_hotspots import EmergingHotspotsAlgorithm
from .field_project import FieldProjectAlgorithm
from .grant_access import GrantAccessAlgorithm
from .hotspots import HotspotsAlgorithm
from .import_incidents import ImportIncidentsAlgorithm
from .measure_followup import MeasureFollowUpAlgorithm
from .merge_field import MergeFieldAlgorithm
from .near_repeat import NearRepeatAlgorithm
from .period_comparison import PeriodComparisonAlgorithm
from .publish_aggregates import PublishAggregatesAlgorithm
from .retention import RetentionAlgorithm
from .situation_report import SituationReportAlgorithm
from .timeprofile import TimeProfileAlgorithm
from .verify_store import VerifyStoreAlgorithm

PROVIDER_ID = "lagesbild"
ICON_PATH = PLUGIN_ICON

# Every algorithm of the provider, in toolbox order: add new ones here.
ALGORITHM_CLASSES = (
    CreateStoreAlgorithm,
    DemoDataAlgorithm,
    CopyStoreAlgorithm,
    GrantAccessAlgorithm,
    ImportIncidentsAlgorithm,
    VerifyStoreAlgorithm,
    FieldProjectAlgorithm,
    MergeFieldAlgorithm,
    HotspotsAlgorithm,
    DensityAlgorithm,
    TimeProfileAlgorithm,
    PeriodComparisonAlgorithm,
    MeasureFollowUpAlgorithm,
    NearRepeatAlgorithm,
    EmergingHotspotsAlgorithm,
    SituationReportAlgorithm,
    PublishAggregatesAlgorithm,
    RetentionAlgorithm,
)


class LagesbildProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return "Lägesbild"

    def longName(self) -> str:
        return tr("Lägesbild: incident coordination for crime prevention")

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def svgIconPath(self) -> str:
        return str(ICON_PATH)

    def loadAlgorithms(self) -> None:
        for algorithm_class in ALGORITHM_CLASSES:
            self.addAlgorithm(algorithm_class())
