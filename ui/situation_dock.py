"""The "Lägesbild" dock: open a store, load its styled layers, filter the
incidents and read the summary. Thin: the filter, the presets and the numbers
come from core/presentation/situation.py, the layers and styles from core/presentation/layers.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QDate, Qt, QTimer
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core import settings as plugin_settings
from ..core.compat import MESSAGE_CRITICAL, MESSAGE_INFO
from ..core.domain import codelist
from ..core.domain.periods import Period, local_today
from ..core.domain.timeutil import DEFAULT_TIME_ZONE, zone
from ..core.i18n import language, tr
from ..core.presentation import layers, report, situation
from ..core.resources import PLUGIN_ICON
from ..core.store import Store, StoreError, StoreLocation
from .charts import SummaryPanel
from .dock_base import LagesbildDock, background_button, server_button
from .map_tools import zoom_to
from .situation_live import LiveNumbersMixin
from .store_events import store_events

ICON = PLUGIN_ICON
CODE_ROLE = Qt.ItemDataRole.UserRole
LIVE_DELAY_MS = 300  # the numbers follow the filter this long after the last change


class SituationDock(LiveNumbersMixin, LagesbildDock):
    def __init__(self, iface, parent=None):  # noqa: QGS105 (plugin.py hands each dock its iface)
        super().__init__(tr("Lägesbild"), parent)
        self.iface = iface
        self.setObjectName("LagesbildSituationDock")
        self.setWindowIcon(QIcon(str(ICON)))
        self.toggleViewAction().setStatusTip(tr("Show the situation picture: the store, filters and summary"))
        self.store_path = ""
        self._opened: StoreLocation | None = None  # the store as opened, password and all: memory only
        self._base_preset = situation.SINCE_1_JANUARY
        self._restoring = False
        self._tz = zone(DEFAULT_TIME_ZONE)  # the store's, once one is open
        self._refusals: list[str] = []  # the map filter the provider refused, said until the next Apply
        self._applied: situation.FilterState | None = None  # the filter the map shows
        self.live_timer = QTimer(self)
        self.live_timer.setSingleShot(True)
        self.live_timer.setInterval(LIVE_DELAY_MS)
        self._build()
        for signal, slot in (
            (self.open_button.clicked, self.choose_store),
            (self.store_edit.returnPressed, self._store_typed),
            (self.load_button.clicked, self.load_layers),
            (self.apply_button.clicked, self.apply_filter),
            (self.clear_button.clicked, self.clear_filter),
            (self.heatmap_button.toggled, self.show_heatmap),
            (self.report_button.clicked, self.choose_report_file),
            (self.preset_combo.currentIndexChanged, self._preset_changed),
            (QgsProject.instance().readProject, self._project_read),
            (QgsProject.instance().cleared, self._project_cleared),
            # the numbers follow the filter, a save in the form and a commit in plain QGIS
            (self.live_timer.timeout, self.refresh_numbers),
            (self.start_edit.dateChanged, self.schedule_numbers),
            (self.end_edit.dateChanged, self.schedule_numbers),
            (self.category_list.itemChanged, self.schedule_numbers),
            (self.organisation_combo.currentIndexChanged, self.schedule_numbers),
            (self.status_combo.currentIndexChanged, self.schedule_numbers),
            (self.area_combo.currentIndexChanged, self.schedule_numbers),
            (store_events().incidents_changed, self._store_changed),
            (QgsProject.instance().layersAdded, self._watch_layers),
            (QgsProject.instance().layersRemoved, self._watch_layers),
        ):
            self.connect_signal(signal, slot)
        self._preset_changed()

    # --- widgets --------------------------------------------------------------
    def _build(self) -> None:
        frame = QWidget(self)
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(frame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self.scroll)
        outer = QVBoxLayout(body)

        store_row = QHBoxLayout()
        self.store_edit = QLineEdit(body)
        self.store_edit.setPlaceholderText(tr("Store file, or PostgreSQL connection"))
        self.store_edit.setToolTip(tr(
            "A GeoPackage store (Open store…), or a shared store on PostgreSQL typed as a connection, such as "
            "service=trygghet schema=lagesbild or postgresql://user@host/database?schema=lagesbild, or one of "
            "QGIS's saved connections (Server…); the password comes from QGIS's authentication database "
            "(authcfg=…), PGPASSWORD, ~/.pgpass or the service file, never from here"))
        self.open_button = QPushButton(tr("Open store…"), body)
        self.server_button = server_button(body, self.open_store)
        store_row.addWidget(self.store_edit)
        store_row.addWidget(self.open_button)
        store_row.addWidget(self.server_button)
        outer.addLayout(store_row)
        self.load_button = QPushButton(tr("Load layers"), body)
        self.load_button.setToolTip(tr("Add the store's incidents, areas and measures, styled, in one layer group"))
        load_row = QHBoxLayout()
        load_row.addWidget(self.load_button)
        load_row.addWidget(background_button(body, lambda text: self._message(text, MESSAGE_CRITICAL)))
        outer.addLayout(load_row)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.preset_combo = QComboBox(body)
        for preset in situation.PRESETS:
            self.preset_combo.addItem(situation.preset_label(preset), preset)
        self.preset_combo.setCurrentIndex(situation.PRESETS.index(situation.FilterState().preset))
        form.addRow(tr("Period"), self.preset_combo)
        dates = QVBoxLayout()  # one under the other: a narrow dock has no room for both side by side
        self.start_edit = QDateEdit(body)
        self.end_edit = QDateEdit(body)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            dates.addWidget(edit)
        form.addRow(tr("From – to"), dates)
        self.category_list = QListWidget(body)
        self.category_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.category_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for category in codelist.CATEGORIES:
            item = QListWidgetItem(QIcon(str(category.icon_path)), category.label(language()))
            item.setData(CODE_ROLE, category.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.category_list.addItem(item)
        rows = min(self.category_list.count(), max(6, self.category_list.count()))
        self.category_list.setMinimumHeight(self.category_list.sizeHintForRow(0) * rows
                                             + 2 * self.category_list.frameWidth())
        form.addRow(tr("Categories"), self.category_list)
        self.organisation_combo = QComboBox(body)
        self.status_combo = QComboBox(body)
        self.area_combo = QComboBox(body)
        form.addRow(tr("Reported by"), self.organisation_combo)
        form.addRow(tr("Status"), self.status_combo)
        form.addRow(tr("Area"), self.area_combo)
        self._fill_choices(None)
        outer.addLayout(form)

        self.summary = SummaryPanel(body)
        self.summary_label = self.summary.label
        outer.addWidget(self.summary)
        outer.addStretch(1)
        self.scroll.setWidget(body)
        # never wider than the dock: short combos, and the dock no narrower than its content
        for combo in (self.preset_combo, self.organisation_combo, self.status_combo, self.area_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.setMinimumWidth(combo.fontMetrics().averageCharWidth() * 14)
        for edit in (self.start_edit, self.end_edit):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("2026-12-31") + 30)
        for layout in (outer, form, dates):
            layout.invalidate()
        self.scroll.setMinimumWidth(body.minimumSizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width()
                                    + 2 * self.scroll.frameWidth())
        frame_layout.addWidget(self.scroll, 1)
        # the buttons under the scrolled part: where they are, whatever the summary's length
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 0, 6, 0)
        self.apply_button = QPushButton(tr("Apply filter"), frame)
        self.apply_button.setToolTip(tr("Filter the map's incidents as chosen (the numbers follow by themselves)"))
        self.clear_button = QPushButton(tr("Clear filter"), frame)
        self.heatmap_button = QPushButton(tr("Heat map"), frame)
        self.heatmap_button.setCheckable(True)
        for button in (self.apply_button, self.clear_button, self.heatmap_button):
            buttons.addWidget(button)
        frame_layout.addLayout(buttons)
        self.report_button = QPushButton(tr("Create situation report"), frame)
        self.report_button.setToolTip(tr("A PDF for the council of the chosen period, compared with the same period "
                                         "last year; the layout is added to the project's layouts"))
        report_row = QHBoxLayout()
        report_row.setContentsMargins(6, 0, 6, 6)
        report_row.addWidget(self.report_button)
        frame_layout.addLayout(report_row)
        self.setWidget(frame)

    def _fill_choices(self, store: Store | None) -> None:
        """The organisation, status and area choices, the first meaning all."""
        lang = language()
        self.organisation_combo.clear()
        self.organisation_combo.addItem(tr("All organisations"), "")
        if store is not None:
            for organisation in store.organisations():
                name = organisation["name_sv"] if lang == "sv" else organisation["name_en"]
                self.organisation_combo.addItem(name, organisation["code"])
        self.status_combo.clear()
        self.status_combo.addItem(tr("All statuses"), "")
        for code, label_sv, label_en in codelist.STATUSES:
            self.status_combo.addItem(label_sv if lang == "sv" else label_en, code)
        self.area_combo.clear()
        self.area_combo.addItem(tr("All areas"), "")
        if store is not None:
            for area in store.areas():
                self.area_combo.addItem(area.name, area.name)

    # --- state ----------------------------------------------------------------
    def state(self) -> situation.FilterState:
        preset = self.preset_combo.currentData()
        custom = None
        start, end = self.start_edit.date().toPyDate(), self.end_edit.date().toPyDate()
        if situation.CUSTOM in (preset, self._base_preset):
            custom = Period(min(start, end), max(start, end))
        categories = tuple(self.category_list.item(i).data(CODE_ROLE) for i in range(self.category_list.count())
                           if self.category_list.item(i).checkState() == Qt.CheckState.Checked)
        organisation, status, area = (combo.currentData() for combo in
                                      (self.organisation_combo, self.status_combo, self.area_combo))
        return situation.FilterState(
            preset=preset, base_preset=self._base_preset, custom=custom, categories=categories,
            organisations=(organisation,) if organisation else (), statuses=(status,) if status else (),
            area=area or None)

    def set_state(self, store_path: str, state: situation.FilterState) -> None:
        self._restoring = True
        try:
            self._set_store_path(store_path)
            self._base_preset = state.base_preset
            self.preset_combo.setCurrentIndex(situation.PRESETS.index(state.preset))
            if state.custom is not None:
                self.start_edit.setDate(QDate(state.custom.start))
                self.end_edit.setDate(QDate(state.custom.end))
            for i in range(self.category_list.count()):
                item = self.category_list.item(i)
                checked = item.data(CODE_ROLE) in state.categories
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            for combo, values in ((self.organisation_combo, state.organisations),
                                  (self.status_combo, state.statuses),
                                  (self.area_combo, (state.area,) if state.area else ())):
                index = combo.findData(values[0]) if values else 0
                combo.setCurrentIndex(max(index, 0))
        finally:
            self._restoring = False
        self._preset_changed()

    def _set_store_path(self, path: str) -> None:
        """Open the store ``path`` names (a file or a connection) and keep its
        location as shown to users: never with a password."""
        self.store_path = ""
        store = None
        if path:
            try:
                store = Store.open(self._location_for(path), read_only=True)
                self._tz = store.tz
                self._opened = store.location
                self.store_path = store.location.display
            except (StoreError, ValueError) as error:
                self._message(str(error), MESSAGE_CRITICAL)
        self.store_edit.setText(self.store_path)
        try:
            self._fill_choices(store)
        finally:
            if store is not None:
                store.close()

    def _location_for(self, path: str):
        """The store the dock opened, when ``path`` names it: with the password
        a connection was opened with (typed, or saved in QGIS), which its
        shown name (and the project) never hold."""
        return self._opened if self._opened is not None and self._opened.display == path else path

    def _save_state(self) -> None:
        situation.write_state(QgsProject.instance(), self.store_path, self.state())

    def _project_read(self, *_args) -> None:
        store_path, state = situation.read_state(QgsProject.instance())
        self.set_state(store_path, state)

    def _project_cleared(self) -> None:
        self._refusals, self._applied = [], None
        self.set_state("", situation.FilterState())
        self.summary.clear()

    # --- actions --------------------------------------------------------------
    def choose_store(self) -> None:
        start = self.store_path or plugin_settings.load().last_store
        path, _ = QFileDialog.getOpenFileName(self, tr("Open a Lägesbild store"), start,
                                              tr("GeoPackage (*.gpkg)"))
        if path:
            self.open_store(path)

    def _store_typed(self) -> None:
        text = self.store_edit.text().strip()
        if text and text != self.store_path:
            self.open_store(text)

    def open_store(self, path) -> None:
        self._set_store_path(path)
        self._watch_layers()
        if self.store_path:
            plugin_settings.update(last_store=self.store_path)
            self._save_state()
            self._preset_changed()
            self.store_opened.emit(self._opened)

    def current_store(self) -> str:
        return self.store_path

    def load_layers(self) -> None:
        if not self.store_path:
            self._message(tr("Choose a store first."), MESSAGE_CRITICAL)
            return
        try:
            loaded = layers.load_store(self._location_for(self.store_path), QgsProject.instance(), language())
        except layers.LayerLoadError as error:
            self._message(str(error), MESSAGE_CRITICAL)
            return
        if loaded.extent is not None and self.iface is not None:
            zoom_to(self.iface.mapCanvas(), layers.zoom_extent(loaded.extent), loaded.incidents.crs())
        self.heatmap_button.setChecked(False)
        self.apply_filter()

    def _today(self, store: Store) -> date:
        return local_today(store.tz)

    def apply_filter(self) -> None:
        if not self.store_path:
            return
        state = self.state()
        try:
            with Store.open(self._location_for(self.store_path), read_only=True) as store:
                subset = situation.subset_string(store, state, self._today(store))
        except (StoreError, ValueError) as error:
            self._message(str(error), MESSAGE_CRITICAL)
            return
        refusals = [refusal for layer in layers.store_layers(QgsProject.instance(), self.store_path)
                    if (refusal := layers.apply_filter(layer, subset))]
        for refusal in refusals:
            self._message(refusal, MESSAGE_CRITICAL)
        # in the dock too: a map that shows less than the numbers must say so
        self._refusals, self._applied = refusals, state
        self.refresh_numbers()
        self._save_state()

    def clear_filter(self) -> None:
        """Every restriction but the period off, and the layers unfiltered."""
        self.set_state(self.store_path, situation.cleared(self.state()))
        for layer in layers.store_layers(QgsProject.instance(), self.store_path):
            layer.setSubsetString("")
        self._refusals, self._applied = [], self.state()
        self.refresh_numbers()
        self._save_state()

    def show_heatmap(self, on: bool) -> None:
        for layer in layers.store_layers(QgsProject.instance(), self.store_path):
            layers.style_incidents(layer, language(), heatmap=on)

    def choose_report_file(self) -> None:
        if not self.store_path:
            self._message(tr("Choose a store first."), MESSAGE_CRITICAL)
            return
        location = StoreLocation.parse(self.store_path)
        folder = str((location.path.parent if location.backend == "gpkg" else Path.home()) / "lagesbild-report.pdf")
        path, _ = QFileDialog.getSaveFileName(self, tr("Create situation report"), folder, tr("PDF (*.pdf)"))
        if path:
            self.create_report(path)

    def create_report(self, pdf_path: str):
        """The report of the dock's period as a PDF, its layout added to the
        project's layout manager so that GIS staff can adjust it by hand."""
        try:
            location = self._location_for(self.store_path)
            with Store.open(location, read_only=True) as store:
                period = self.state().period(self._today(store))
            options = report.ReportOptions(period=period, title=tr("Situation picture"))
            result = report.export_report(location, pdf_path, options, QgsProject.instance())
        except (report.ReportError, StoreError, ValueError) as error:
            self._message(str(error), MESSAGE_CRITICAL)
            return None
        report.keep_in_project(QgsProject.instance(), result.layout,
                               f"{options.title} {period.start.isoformat()}–{period.end.isoformat()}")
        self._message(tr("Situation report written to {path}").format(path=pdf_path), MESSAGE_INFO)
        return result

    def _message(self, text: str, level) -> None:
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Lägesbild"), text, level, 8)

