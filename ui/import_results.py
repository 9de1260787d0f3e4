"""The import dialog's preview tab: what the preview or the import found, in
a sentence, the first rows as they will land, and every problem with its
line (duplicates marked)."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QLabel, QSplitter, QTableWidget, QVBoxLayout, QWidget

from ..core.i18n import tr
from ..core.presentation.import_preview import Preview, PreviewProblem, problems_of
from ..core.presentation.incident_display import field_label
from .import_mapping import _text_item, fit_columns

PROBLEM_COLOUR = QColor("#fde0dc")
DUPLICATE_COLOUR = QColor("#eeeeee")


def _fields_text(fields: str) -> str:
    return ", ".join(tr("Place") if name == "geometry" else field_label(name) for name in fields.split(", ") if name)


class PreviewPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel(tr("Choose a source, check the mapping and press Preview: nothing is written "
                                 "until you press Import."), self)
        self.summary.setWordWrap(True)
        self.rows = QTableWidget(0, 0, self)
        self.problems = QTableWidget(0, 4, self)
        self.problems.setHorizontalHeaderLabels([tr("Line"), tr("Field"), tr("Problem"), tr("Duplicate")])
        fit_columns(self.problems, 2)
        self.problems_label = QLabel(self)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.problems_label)
        lower_layout.addWidget(self.problems)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.rows)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)  # the rows get more room than the problems
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def mark_stale(self) -> None:
        self.summary.setText(tr("The mapping or the choice for bad rows changed: press Preview to check the rows "
                                "again before importing."))

    def show_preview(self, preview: Preview) -> None:
        self.summary.setText(preview.sentence())
        self.rows.clear()
        self.rows.setColumnCount(len(preview.headers))
        self.rows.setHorizontalHeaderLabels(preview.headers)
        self.rows.setRowCount(len(preview.rows))
        for row, (line, check, values) in enumerate(preview.rows):
            cells = [str(line), check, *values]
            for column, text in enumerate(cells):
                item = _text_item(text)
                if check != tr("OK"):
                    item.setBackground(DUPLICATE_COLOUR if check == tr("duplicate") else PROBLEM_COLOUR)
                self.rows.setItem(row, column, item)
        fit_columns(self.rows, -1)
        self._show_problems(preview.problems)

    def show_result(self, result) -> None:
        self._show_problems(problems_of(result.refused))

    def _show_problems(self, problems: list[PreviewProblem]) -> None:
        self.problems_label.setText(tr("Rows that would not be written: {count}").format(count=len(problems))
                                    if problems else tr("No problems found."))
        self.problems.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            cells = [str(problem.line), _fields_text(problem.field), problem.reason,
                     tr("yes") if problem.duplicate else ""]
            for column, text in enumerate(cells):
                item = _text_item(text)
                item.setBackground(DUPLICATE_COLOUR if problem.duplicate else PROBLEM_COLOUR)
                self.problems.setItem(row, column, item)
