"""The import dialog: a file or a layer into the store, with the field and
value mapping shown and editable, a preview of the first rows and of every
problem (the import's own dry run) before anything is written, then the
import with a progress bar and cancel, and the counts in plain words.

Thin over core/: the edits, the preview and the sentences are
core/presentation/import_preview.py; the mapping widgets ui/import_mapping.py.
Nothing the user chose is reset by a refused import or an error."""

from __future__ import annotations

from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from ..core.compat import VECTOR_LAYER_FILTER
from ..core.domain.importing import ImportSourceError, MappingError, load_mapping, read_source
from ..core.domain.importing.mapping import save_mapping
from ..core.i18n import tr
from ..core.presentation.import_preview import MappingEdits, build_preview, has_geometry, result_sentence
from ..core.presentation.import_preview import write_rejected_csv as write_rejected
from ..core.presentation.layer_source import layer_source
from ..core.store import DEFAULT_CRS, Cancelled, Store, StoreError, StoreLocation
from ..core.store.importing import MODE_ALL_OR_NOTHING, MODE_SKIP_BAD_ROWS, import_source
from .busy import busy
from .import_mapping import CategoriesPanel, FieldsPanel
from .import_results import PreviewPanel
from .store_events import store_events

SOURCE_FILTER = "CSV, Excel, GeoJSON, JSON (*.csv *.txt *.xlsx *.geojson *.json *.gpkg *.shp);;All files (*)"


class ImportDialog(QDialog):
    imported = pyqtSignal(int)  # incidents written

    def __init__(self, location=None, parent=None):
        super().__init__(parent)
        self.setObjectName("LagesbildImportDialog")
        self.setWindowTitle(tr("Import incidents"))
        self.location: StoreLocation | None = None
        self.store_crs = DEFAULT_CRS
        self.data = None
        self.edits: MappingEdits | None = None
        self.loaded_mapping = None  # from a mapping file
        self.result = None  # of the last import
        self.fresh = False  # the preview shows the mapping and mode as they are
        self._cancelled = False
        self.busy = False  # an import is running
        self._build()
        if location:
            self.set_store(location)
        self._update_buttons()

    # --- widgets ----------------------------------------------------------------
    def _build(self) -> None:
        grid = QGridLayout()
        self.store_label = QLabel(tr("No store chosen"), self)
        self.store_button = QPushButton(tr("Choose store…"), self)
        self.file_edit = QLineEdit(self)
        self.file_edit.setPlaceholderText(tr("CSV, Excel, GeoJSON or a file of the police's open events"))
        self.browse_button = QPushButton(tr("Choose file…"), self)
        self.layer_box = QgsMapLayerComboBox(self)
        self.layer_box.setFilters(VECTOR_LAYER_FILTER)
        self.layer_box.setAllowEmptyLayer(True)
        self.layer_box.setLayer(None)
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.load_button = QPushButton(tr("Load mapping…"), self)
        self.save_button = QPushButton(tr("Save mapping…"), self)
        mapping_buttons = QHBoxLayout()
        mapping_buttons.addWidget(self.load_button)
        mapping_buttons.addWidget(self.save_button)
        mapping_buttons.addStretch(1)
        for row, (label, widget, button) in enumerate((
                (tr("Store"), self.store_label, self.store_button),
                (tr("File"), self.file_edit, self.browse_button),
                (tr("or a layer"), self.layer_box, None))):
            grid.addWidget(QLabel(label, self), row, 0)
            grid.addWidget(widget, row, 1)
            if button is not None:
                grid.addWidget(button, row, 2)
        grid.addWidget(self.source_label, 3, 1, 1, 2)
        grid.addLayout(mapping_buttons, 4, 1, 1, 2)
        grid.setColumnStretch(1, 1)

        self.fields_panel = FieldsPanel(self)
        self.categories_panel = CategoriesPanel(self)
        self.preview_panel = PreviewPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.fields_panel, tr("Fields"))
        self.tabs.addTab(self.categories_panel, tr("Categories"))
        self.tabs.addTab(self.preview_panel, tr("Preview and problems"))

        self.mode_box = QComboBox(self)
        self.mode_box.addItem(tr("Write nothing (all or nothing)"), MODE_ALL_OR_NOTHING)
        self.mode_box.addItem(tr("Skip the bad rows"), MODE_SKIP_BAD_ROWS)
        self.preview_button = QPushButton(tr("Preview"), self)
        self.import_button = QPushButton(tr("Import"), self)
        self.import_button.setToolTip(tr("Writes into the store what the preview shows"))
        self.cancel_button = QPushButton(tr("Cancel import"), self)
        self.rejected_button = QPushButton(tr("Save rejected rows…"), self)
        self.rejected_button.setToolTip(tr("The rows not written, with their line and problem, as a CSV file "
                                           "to fix and import again"))
        actions = QHBoxLayout()
        actions.addWidget(QLabel(tr("When a row is bad"), self))
        actions.addWidget(self.mode_box)
        actions.addStretch(1)
        for button in (self.preview_button, self.import_button, self.cancel_button, self.rejected_button):
            actions.addWidget(button)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(1040, 800)

        self.store_button.clicked.connect(self._choose_store)
        self.browse_button.clicked.connect(self._choose_file)
        self.file_edit.returnPressed.connect(lambda: self.read_file(self.file_edit.text().strip()))
        self.layer_box.layerChanged.connect(self._layer_chosen)
        self.load_button.clicked.connect(self._choose_mapping)
        self.save_button.clicked.connect(self._choose_mapping_file)
        self.fields_panel.changed.connect(self._fields_changed)
        self.categories_panel.changed.connect(self._mapping_changed)
        self.mode_box.currentIndexChanged.connect(self._mapping_changed)
        self.preview_button.clicked.connect(self.show_preview)
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button.clicked.connect(self.cancel)
        self.rejected_button.clicked.connect(self._choose_rejected_file)

    def _update_buttons(self, busy: bool = False) -> None:
        self.busy = busy
        ready = self.location is not None and self.edits is not None
        for widget in (self.store_button, self.browse_button, self.file_edit, self.layer_box, self.load_button,
                       self.tabs, self.mode_box):
            widget.setEnabled(not busy)
        self.save_button.setEnabled(not busy and self.edits is not None)
        self.preview_button.setEnabled(not busy and ready)
        self.import_button.setEnabled(not busy and ready and self.fresh)
        self.cancel_button.setEnabled(busy)
        self.rejected_button.setEnabled(not busy and bool(self.result and self.result.rejected))
        self.progress.setVisible(busy)

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    # --- the store and the source ------------------------------------------------------
    def set_store(self, location) -> bool:
        try:
            with Store.open(location, read_only=True) as store:
                self.location, self.store_crs = store.location, store.crs
        except StoreError as error:
            self.show_message(str(error), error=True)
            return False
        self.store_label.setText(self.location.display)
        if self.edits is None:
            self._reset_edits()
        else:  # another store: the mapping stays as the user left it, the preview is checked anew
            self._show_edits()
        return True

    def read_file(self, path: str) -> bool:
        if not path:
            return False
        self.file_edit.setText(path)
        try:
            with busy():
                data = read_source(path)
        except ImportSourceError as error:
            self.show_message(str(error), error=True)
            return False
        self.layer_box.blockSignals(True)
        self.layer_box.setLayer(None)
        self.layer_box.blockSignals(False)
        self._set_source(data)
        return True

    def read_layer(self, layer) -> bool:
        try:
            with busy():
                data = layer_source(layer)
        except ImportSourceError as error:
            self.show_message(str(error), error=True)
            return False
        self.file_edit.clear()
        self._set_source(data)
        return True

    def _set_source(self, data) -> None:
        self.data, self.result = data, None
        text = tr("{rows} rows and {columns} columns read from {name}.").format(
            rows=len(data.rows), columns=len(data.columns), name=data.name)
        if data.encoding:
            text += " " + tr("Read as {encoding}, columns separated by «{delimiter}».").format(
                encoding=data.encoding, delimiter=data.delimiter)
        self.source_label.setText(text)
        self.show_message("")
        self._reset_edits()

    def _reset_edits(self) -> None:
        if self.data is None:
            return
        self.edits = MappingEdits.of_source(self.data, self.loaded_mapping, self.store_crs)
        self._show_edits()

    def _show_edits(self) -> None:
        first = self.data.rows[0].values if self.data.rows else {}
        self.fields_panel.show_edits(self.edits, first, self.store_crs, has_geometry(self.data))
        self.categories_panel.show_edits(self.edits)
        self._mapping_changed()

    # --- the mapping ------------------------------------------------------------------
    def load_mapping_file(self, path) -> bool:
        try:
            self.loaded_mapping = load_mapping(path)
        except MappingError as error:
            self.show_message(str(error), error=True)
            return False
        self._reset_edits()
        self.show_message(tr("Mapping loaded from {path}.").format(path=path))
        return True

    def save_mapping_file(self, path) -> bool:
        try:
            save_mapping(self.edits.to_mapping(), path)
        except MappingError as error:
            self.show_message(str(error), error=True)
            return False
        self.show_message(tr("Mapping saved in {path}.").format(path=path))
        return True

    def _fields_changed(self) -> None:
        self.edits.read_texts(self.data)
        self.categories_panel.show_edits(self.edits)
        self._mapping_changed()

    def _mapping_changed(self, _index=None) -> None:
        self.fresh = False
        if self.data is not None:
            self.preview_panel.mark_stale()
        self._update_buttons()

    # --- preview and import -------------------------------------------------------------
    def mode(self) -> int:
        return self.mode_box.currentData()

    def show_preview(self) -> bool:
        """Check every row as the import would, write nothing, and show the first rows and the problems."""
        twice = self.edits.targets_taken_twice()
        if twice:
            self.show_message(tr("Two columns fill the same field: {fields}. Choose «not imported» for one of "
                                 "them.").format(fields=", ".join(twice)), error=True)
            return False
        try:
            with busy(), Store.open(self.location) as store:
                preview = build_preview(store, self.data, self.edits.to_mapping(), self.mode())
        except (StoreError, ValueError) as error:
            self.show_message(str(error), error=True)
            return False
        self.preview_panel.show_preview(preview)
        self.tabs.setCurrentWidget(self.preview_panel)
        self.fresh = True
        self.show_message("")
        self._update_buttons()
        return True

    def run_import(self) -> bool:
        """Import as previewed; the counts (or why nothing was written) in words."""
        if not self.fresh and not self.show_preview():
            return False
        mode = self.mode()
        self._cancelled = False
        self.progress.setValue(0)
        self._update_buttons(busy=True)

        def progress(fraction: float) -> bool:
            self.progress.setValue(int(100 * fraction))
            QCoreApplication.processEvents()
            return not self._cancelled

        try:
            with busy(), Store.open(self.location) as store:
                result = import_source(store, self.data, self.edits.to_mapping(), mode, progress)
        except (StoreError, Cancelled, ValueError) as error:
            self.show_message(str(error), error=True)
            return False
        finally:
            self._update_buttons()
        self.result = result
        self.fresh = False
        self.preview_panel.show_result(result)
        refused = bool(result.rejected) and mode == MODE_ALL_OR_NOTHING
        self.show_message(result_sentence(result, self.data.summaries_skipped, mode), error=refused)
        self._update_buttons()
        if result.imported:
            store_events().incidents_changed.emit(self.location.display)  # the docks' numbers follow
            self.imported.emit(result.imported)
        return not refused

    def cancel(self) -> None:
        self._cancelled = True

    def save_rejected(self, path) -> bool:
        try:
            write_rejected(path, self.data.columns, self.result.rejected)
        except OSError as error:
            self.show_message(tr("The file cannot be written: {error}").format(error=error.strerror), error=True)
            return False
        self.show_message(tr("{count} rejected rows saved in {path}: fix them there and import the file "
                             "again.").format(count=len(self.result.rejected), path=path))
        return True

    # --- file choosers ------------------------------------------------------------------
    def _choose_store(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a Lägesbild store"), "", tr("GeoPackage (*.gpkg)"))
        if path:
            self.set_store(path)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Incidents to import"), self.file_edit.text(), SOURCE_FILTER)
        if path:
            self.read_file(path)

    def _layer_chosen(self, layer) -> None:
        if layer is not None:
            self.read_layer(layer)

    def _choose_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Load a mapping"), "", tr("Mapping (*.json)"))
        if path:
            self.load_mapping_file(path)

    def _choose_mapping_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the mapping"), "", tr("Mapping (*.json)"))
        if path:
            self.save_mapping_file(path if path.lower().endswith(".json") else path + ".json")

    def _choose_rejected_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the rejected rows"), "", tr("CSV (*.csv)"))
        if path:
            self.save_rejected(path if path.lower().endswith(".csv") else path + ".csv")
