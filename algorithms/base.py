"""What every Lägesbild algorithm shares: translation, groups, instancing."""

from qgis.core import QgsProcessingAlgorithm

from ..core.i18n import tr


class LagesbildAlgorithm(QgsProcessingAlgorithm):
    """Thin wrappers over core/: subclasses declare parameters and call core."""

    GROUP_STORE = "store"

    def tr(self, message: str) -> str:  # noqa: D102 - QGIS looks this name up
        return tr(message)

    def createInstance(self):
        return type(self)()

    def groupId(self) -> str:
        return self.GROUP_STORE

    def group(self) -> str:
        return tr("Store")


class AnalysisAlgorithm(LagesbildAlgorithm):
    """The analysis algorithms: one group in the toolbox."""

    def groupId(self) -> str:
        return "analysis"

    def group(self) -> str:
        return tr("Analysis")
