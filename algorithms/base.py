"""What every Lägesbild algorithm shares: translation, groups, instancing,
and words instead of tracebacks."""

import functools

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

from ..core.domain.analysis import AnalysisError
from ..core.i18n import tr
from ..core.store import StoreError


def in_words(error: BaseException) -> str | None:
    """What to tell the user of an error that escaped an algorithm's own
    checks; None for one that is a bug (it keeps its traceback)."""
    if isinstance(error, (StoreError, AnalysisError)):
        return str(error)
    if isinstance(error, OverflowError):
        return tr("a date or number given is too large to compute with ({reason}): check the period "
                  "(years up to 9998) and the sizes given").format(reason=error)
    if isinstance(error, MemoryError):
        return tr("the analysis needs more memory than this computer has: choose a larger cell size, "
                  "a smaller distance band or a smaller area")
    return None


def _speaking(process):
    @functools.wraps(process)
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS's name
        try:
            return process(self, parameters, context, feedback)
        except QgsProcessingException:
            raise
        except Exception as error:
            message = in_words(error)
            if message is None:
                raise
            raise QgsProcessingException(message) from error
    return processAlgorithm


class LagesbildAlgorithm(QgsProcessingAlgorithm):
    """Thin wrappers over core/: subclasses declare parameters and call core.
    Every subclass's ``processAlgorithm`` ends a store's, an analysis's, an
    overflow's or a memory error in one QgsProcessingException in words."""

    GROUP_STORE = "store"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "processAlgorithm" in cls.__dict__:
            cls.processAlgorithm = _speaking(cls.__dict__["processAlgorithm"])

    def tr(self, message: str) -> str:  # noqa: D102 - QGIS looks this name up
        return tr(message)

    def createInstance(self):
        return type(self)()

    def groupId(self) -> str:
        return self.GROUP_STORE

    def group(self) -> str:
        return tr("Store")


class AnalysisAlgorithm(LagesbildAlgorithm):
    """The analysis algorithms: one group in the toolbox. A FILTER QGIS
    cannot parse is refused already when the parameters are checked (the
    dialog says so before the run starts), and again in the run."""

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS's name
        from .common import expression_problem

        ok, message = super().checkParameterValues(parameters, context)
        problem = expression_problem(parameters.get("FILTER")) if ok else None
        return (False, problem) if problem else (ok, message)

    def groupId(self) -> str:
        return "analysis"

    def group(self) -> str:
        return tr("Analysis")
