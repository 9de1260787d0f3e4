"""The wait cursor while the user waits for work done in QGIS's own thread
(reading a large file, checking every row of an import)."""

from __future__ import annotations

import contextlib

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QApplication


@contextlib.contextmanager
def busy():
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
