"""The import dialog's mapping widgets: which column is which field, where
the place comes from, and which text is which category. They show and edit
a ``MappingEdits`` (core/presentation/import_preview.py) and say when it
changed (``changed``); what the edits mean is decided there, not here."""

from __future__ import annotations

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import tr
from ..core.presentation.import_preview import (
    MappingEdits,
    category_choices,
    crs_choices,
    field_choices,
    subcategory_choices,
)


def choice_box(choices, current, parent=None) -> QComboBox:
    box = QComboBox(parent)
    for value, text in choices:
        box.addItem(text, value)
    index = box.findData(current)
    box.setCurrentIndex(max(index, 0))
    return box


def _text_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


def fit_columns(table: QTableWidget, *stretch: int) -> None:
    """Every column as wide as its header and cells, and the ``stretch``
    columns sharing the rest (none given: the last; -1: none, the table
    scrolls sideways). Call it again when the columns change."""
    header = table.horizontalHeader()
    stretch = stretch or (table.columnCount() - 1,)
    for column in range(table.columnCount()):
        mode = QHeaderView.ResizeMode.Stretch if column in stretch else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


class FieldsPanel(QWidget):
    """Each source column with a sample value and the field it fills; below,
    the columns of the place and their CRS, or that the source has points."""

    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edits: MappingEdits | None = None
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([tr("Column in the source"), tr("First value"), tr("Lägesbild field")])
        fit_columns(self.table, 1)
        self.place_note = QLabel(self)
        self.place_note.setWordWrap(True)
        self.x_box, self.y_box, self.crs_box = QComboBox(self), QComboBox(self), QComboBox(self)
        place = QFormLayout()
        place.addRow(tr("Easting or longitude (x)"), self.x_box)
        place.addRow(tr("Northing or latitude (y)"), self.y_box)
        place.addRow(tr("Coordinates in"), self.crs_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.place_note)
        layout.addLayout(place)
        for box in (self.x_box, self.y_box, self.crs_box):
            box.currentIndexChanged.connect(self._place_changed)

    def show_edits(self, edits: MappingEdits, samples: dict, store_crs: str, geometry: bool) -> None:
        self.edits = edits
        self.table.setRowCount(len(edits.columns))
        for row, column in enumerate(edits.columns):
            self.table.setItem(row, 0, _text_item(column))
            sample = samples.get(column)
            self.table.setItem(row, 1, _text_item("" if sample is None else str(sample)))
        self._show_fields()
        columns = [(None, tr("— none —"))] + [(c, c) for c in edits.columns]
        for box, value, choices in ((self.x_box, edits.x_column, columns), (self.y_box, edits.y_column, columns),
                                    (self.crs_box, edits.crs or store_crs, crs_choices(store_crs))):
            box.blockSignals(True)
            box.clear()
            for data, text in choices:
                box.addItem(text, data)
            box.setCurrentIndex(max(box.findData(value), 0))
            box.blockSignals(False)
        for box in (self.x_box, self.y_box, self.crs_box):
            box.setEnabled(not geometry)
        self.place_note.setText(
            tr("The place comes from the source's own points (its geometry).") if geometry else
            tr("The place comes from two columns: choose them and the coordinate system they are written in."))

    def _show_fields(self) -> None:
        """A field to choose for each column; a column of the place says so instead."""
        for row, column in enumerate(self.edits.columns):
            if self.edits.is_place(column):
                text = tr("— the place (x) —") if column == self.edits.x_column else tr("— the place (y) —")
                self.table.setCellWidget(row, 2, QLabel(text, self.table))
                continue
            box = choice_box(field_choices(), self.edits.fields.get(column), self.table)
            box.currentIndexChanged.connect(lambda _i, column=column, box=box: self._field_changed(column, box))
            self.table.setCellWidget(row, 2, box)

    def field_box(self, column: str) -> QComboBox:
        return self.table.cellWidget(self.edits.columns.index(column), 2)

    def _field_changed(self, column: str, box: QComboBox) -> None:
        self.edits.fields[column] = box.currentData()
        self.changed.emit()

    def _place_changed(self, _index=None) -> None:
        if self.edits is None:
            return
        self.edits.x_column, self.edits.y_column = self.x_box.currentData(), self.y_box.currentData()
        self.edits.crs = self.crs_box.currentData()
        self._show_fields()
        self.changed.emit()


class CategoriesPanel(QWidget):
    """Each text of the category column, how many rows hold it, and the
    category and subcategory it stands for."""

    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edits: MappingEdits | None = None
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([tr("Text in the source"), tr("Rows"), tr("Category"),
                                              tr("Subcategory")])
        fit_columns(self.table, 2, 3)  # a combo box's width is not its cell's
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def show_edits(self, edits: MappingEdits) -> None:
        self.edits = edits
        column = edits.category_column()
        self.note.setText(
            tr("No column is mapped to the category: choose one under Fields.") if column is None else
            tr("Each text of the column «{column}» and the category it stands for (case and spaces are "
               "ignored).").format(column=column))
        self.table.setRowCount(len(edits.texts))
        for row, (text, count) in enumerate(edits.texts):
            codes = edits.codes(text) or (None, None)
            self.table.setItem(row, 0, _text_item(text))
            self.table.setItem(row, 1, _text_item(str(count)))
            category = choice_box(category_choices(), codes[0], self.table)
            sub = choice_box(subcategory_choices(codes[0]), codes[1], self.table)
            category.currentIndexChanged.connect(lambda _i, row=row: self._category_changed(row))
            sub.currentIndexChanged.connect(lambda _i, row=row: self._codes_changed(row))
            self.table.setCellWidget(row, 2, category)
            self.table.setCellWidget(row, 3, sub)

    def boxes(self, text: str) -> tuple[QComboBox, QComboBox]:
        row = [t for t, _count in self.edits.texts].index(text)
        return self.table.cellWidget(row, 2), self.table.cellWidget(row, 3)

    def _category_changed(self, row: int) -> None:
        category, sub = self.table.cellWidget(row, 2), self.table.cellWidget(row, 3)
        sub.blockSignals(True)
        sub.clear()
        for value, text in subcategory_choices(category.currentData()):
            sub.addItem(text, value)
        sub.blockSignals(False)
        self._codes_changed(row)

    def _codes_changed(self, row: int) -> None:
        text = self.edits.texts[row][0]
        self.edits.set_codes(text, self.table.cellWidget(row, 2).currentData(),
                             self.table.cellWidget(row, 3).currentData())
        self.changed.emit()
