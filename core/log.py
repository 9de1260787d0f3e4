"""Logging: the ``lagesbild`` logger, forwarded to QGIS's message log.

Code anywhere in the plugin logs through ``logger`` (or
``logging.getLogger("lagesbild.<module>")``); ``install()`` makes the records
appear in the "Lägesbild" tab of the QGIS log panel, ``remove()`` undoes it.
"""

import logging

from qgis.core import Qgis, QgsMessageLog

LOGGER_NAME = "lagesbild"
MESSAGE_LOG_TAG = "Lägesbild"

logger = logging.getLogger(LOGGER_NAME)


def qgis_level(levelno: int) -> Qgis.MessageLevel:
    """The QGIS message level for a Python logging level."""
    if levelno >= logging.ERROR:
        return Qgis.MessageLevel.Critical
    if levelno >= logging.WARNING:
        return Qgis.MessageLevel.Warning
    return Qgis.MessageLevel.Info


class QgsMessageLogHandler(logging.Handler):
    """Forwards log records to ``QgsMessageLog`` under the plugin's tag."""

    def __init__(self, tag: str = MESSAGE_LOG_TAG, level: int = logging.INFO):
        super().__init__(level)
        self.tag = tag
        self.setFormatter(logging.Formatter("%(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            QgsMessageLog.logMessage(self.format(record), self.tag, qgis_level(record.levelno))
        except Exception:  # a log call must never break the caller
            self.handleError(record)


_handler = None
_level_before_install = logging.NOTSET


def install() -> QgsMessageLogHandler:
    """Attach the handler to the ``lagesbild`` logger (once, however often called)."""
    global _handler, _level_before_install
    if _handler is None:
        _handler = QgsMessageLogHandler()
        logger.addHandler(_handler)
        _level_before_install = logger.level
        if logger.level == logging.NOTSET:  # else INFO records stop at the root's WARNING
            logger.setLevel(logging.INFO)
    return _handler


def remove() -> None:
    """Detach the handler that ``install()`` attached."""
    global _handler
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
        _handler = None
        logger.setLevel(_level_before_install)
