"""The incident form: a dock to report incidents, and to review and handle
them, writing through the store (core/store).

Times are shown as local time in the store's zone and converted explicitly
(aware datetimes in that zone, then UTC); nothing relies on QDateTime's own
zone handling, which QGIS 3.22 gets wrong for GeoPackage times.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
    QgsProviderRegistry,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.gui import QgsDateTimeEdit, QgsDockWidget
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import codelist, form_config, personal_data, schema
from ..core.compat import MESSAGE_SUCCESS
from ..core.i18n import language, tr
from ..core.store import ConflictError, Store, StoreError
from ..core.timeutil import DEFAULT_TIME_ZONE, UTC, parse_utc, zone
from ..core.validation import Context, Problem, ValidationError, validate_incident
from .map_tools import PickTool, PlacementMarker, PlaceTool

STORE_KEY = "lagesbild/form_store_path"
ORGANISATION_KEY = "lagesbild/form_organisation"
ICON_PATH = Path(__file__).resolve().parent.parent / "resources" / "icons" / "lagesbild.svg"
ERROR_STYLE = "color: #b00020;"
DISPLAY_FORMAT = "yyyy-MM-dd HH:mm"
# Fields shown in the form; a problem of any other field goes to the message line.
FORM_FIELDS = ("geometry", "place_name", "category", "subcategory", "occurred_from", "occurred_to",
               "reporting_org", "police_report_ref", "estimated_cost_sek", "description", "status",
               "handling_org", "handling_note")
HANDLING_FIELDS = ("status", "handling_org", "handling_note")
TIME_FIELDS = ("occurred_from", "occurred_to", "reported_at", "created_at", "updated_at")


def store_path_of(layer) -> Path | None:
    """The GeoPackage of ``layer`` when it is a store's incidents layer."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if parts.get("layerName") != "incidents" or not path.lower().endswith(".gpkg"):
        return None
    try:
        Store.inspect(path)
    except StoreError:
        return None
    return Path(path).resolve()


class IncidentFormDock(QgsDockWidget):
    def __init__(self, iface, parent=None):  # noqa: QGS105 (the plugin hands its iface to its docks)
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.store: Store | None = None
        self.loaded = None  # the incident in handling mode, as loaded
        self.point: tuple[float, float] | None = None  # in the store's CRS
        self.tz = zone(DEFAULT_TIME_ZONE)  # the store's, once one is open
        self._connections: list = []
        self._layer_connections: list = []
        self.setObjectName("LagesbildIncidentFormDock")
        self.setWindowTitle(tr("Report incident"))
        self.setWindowIcon(QIcon(str(ICON_PATH)))
        self.toggleViewAction().setStatusTip(tr("Report an incident, or review and handle one"))
        self._build()
        self.place_tool = PlaceTool(self.canvas)
        self.pick_tool = PickTool(self.canvas)
        self.marker = PlacementMarker(self.canvas)
        self._wire()
        self.new_report()
        path = self._project_store_path() or QgsSettings().value(STORE_KEY, "", type=str)
        if path and Path(path).is_file():
            self.open_store(path, quiet=True)

    # --- widgets ----------------------------------------------------------------
    def _error_label(self, field: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{field}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self.errors[field] = label
        return label

    def _with_error(self, field: str, *widgets, stacked: bool = False) -> QWidget:
        """The widgets of a field (side by side, or ``stacked`` to keep the dock
        narrow) with the field's error label below them."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QVBoxLayout() if stacked else QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self._error_label(field))
        return box

    def _datetime_edit(self, allow_null: bool) -> QgsDateTimeEdit:
        edit = QgsDateTimeEdit()
        edit.setDisplayFormat(DISPLAY_FORMAT)
        edit.setCalendarPopup(True)
        edit.setAllowNull(allow_null)
        return edit

    def _build(self) -> None:
        self.errors: dict[str, QLabel] = {}
        content = QWidget()
        outer = QVBoxLayout(content)

        store_row = QHBoxLayout()
        self.store_label = QLabel(tr("No store chosen"))
        self.store_label.setWordWrap(True)
        self.store_label.setMinimumWidth(80)
        self.choose_store_button = QPushButton(tr("Choose store…"))
        store_row.addWidget(self.store_label, 1)
        store_row.addWidget(self.choose_store_button)
        outer.addLayout(store_row)

        self.mode_label = QLabel()
        self.mode_label.setStyleSheet("font-weight: bold;")
        self.mode_label.setWordWrap(True)
        outer.addWidget(self.mode_label)

        form = QFormLayout()
        self.place_button = QPushButton(tr("Click on the map"))
        self.place_button.setCheckable(True)
        self.centre_button = QPushButton(tr("Use the map centre"))
        self.place_label = QLabel(tr("No place yet"))
        place_box = self._with_error("geometry", self.place_button, self.centre_button)
        place_box.layout().insertWidget(1, self.place_label)
        form.addRow(tr("Place"), place_box)

        self.place_name = QLineEdit()
        self.place_name.setPlaceholderText(tr("e.g. Storgatan 12, the school yard"))
        form.addRow(tr("Place name"), self._with_error("place_name", self.place_name))

        self.category = QComboBox()
        self.subcategory = QComboBox()
        form.addRow(tr("Category"), self._with_error("category", self.category))
        form.addRow(tr("Subcategory"), self._with_error("subcategory", self.subcategory))

        self.occurred_from = self._datetime_edit(False)
        self.occurred_to = self._datetime_edit(True)
        self.night_button = QPushButton(tr("Happened during the night"))
        self.night_button.setToolTip(tr("From 22:00 the previous evening to 06:00 this morning"))
        form.addRow(tr("Occurred from"), self._with_error("occurred_from", self.occurred_from))
        form.addRow(tr("Occurred to"), self._with_error("occurred_to", self.occurred_to, self.night_button,
                                                             stacked=True))

        self.organisation = QComboBox()
        form.addRow(tr("Your organisation"), self._with_error("reporting_org", self.organisation))

        self.police_reported = QCheckBox(tr("Reported to the police"))
        self.police_report_ref = QLineEdit()
        self.police_report_ref.setPlaceholderText(tr("Report reference, e.g. 5000-K123456-25"))
        form.addRow(tr("Police"), self._with_error("police_report_ref", self.police_reported,
                                                         self.police_report_ref, stacked=True))

        self.cost = QLineEdit()
        self.cost.setPlaceholderText(tr("Estimated cost in SEK"))
        form.addRow(tr("Cost (SEK)"), self._with_error("estimated_cost_sek", self.cost))

        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(tr("What happened? Describe places and things, never persons."))
        self.description.setMaximumHeight(110)
        self.personal_data_flag = QLabel()
        self.personal_data_flag.setObjectName("personal_data_flag")
        self.personal_data_flag.setStyleSheet(ERROR_STYLE)
        self.personal_data_flag.setWordWrap(True)
        self.personal_data_flag.hide()
        description_box = self._with_error("description", self.description)
        description_box.layout().addWidget(self.personal_data_flag)
        form.addRow(tr("Description"), description_box)
        outer.addLayout(form)

        self.handling_group = QGroupBox(tr("Handling"))
        handling = QFormLayout(self.handling_group)
        self.status = QComboBox()
        self.handling_org = QComboBox()
        self.handling_note = QPlainTextEdit()
        self.handling_note.setTabChangesFocus(True)
        self.handling_note.setMaximumHeight(90)
        handling.addRow(tr("Status"), self._with_error("status", self.status))
        handling.addRow(tr("Handling organisation"), self._with_error("handling_org", self.handling_org))
        handling.addRow(tr("Handling note"), self._with_error("handling_note", self.handling_note))
        self.history = QTreeWidget()
        self.history.setHeaderLabels([tr("When"), tr("Organisation"), tr("Field"), tr("From"), tr("To")])
        self.history.setRootIsDecorated(False)
        self.history.setMinimumHeight(120)
        handling.addRow(QLabel(tr("History")))
        handling.addRow(self.history)
        outer.addWidget(self.handling_group)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(tr("Save"))
        self.save_button.setDefault(True)
        self.new_button = QPushButton(tr("New report"))
        self.pick_button = QPushButton(tr("Pick an incident"))
        self.pick_button.setCheckable(True)
        self.pick_button.setToolTip(tr("Click an incident on the map to review and handle it"))
        for button in (self.save_button, self.new_button, self.pick_button):
            buttons.addWidget(button)
        outer.addLayout(buttons)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        outer.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        # as wide as the form needs: a docked form is not scrolled sideways
        scroll.setMinimumWidth(content.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4)
        self.setWidget(scroll)

        chain = [self.place_button, self.centre_button, self.place_name, self.category, self.subcategory,
                 self.occurred_from, self.occurred_to, self.night_button, self.organisation,
                 self.police_reported, self.police_report_ref, self.cost, self.description, self.status,
                 self.handling_org, self.handling_note, self.save_button, self.new_button, self.pick_button,
                 self.choose_store_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

        self._fill_code_lists()

    def _fill_code_lists(self) -> None:
        lang = language()
        self.category.clear()
        self.category.addItem(tr("Choose a category…"), None)
        for category in codelist.CATEGORIES:
            self.category.addItem(QIcon(str(category.icon_path)), category.label(lang), category.code)
        self.status.clear()
        for code, sv, en in codelist.STATUSES:
            self.status.addItem(sv if lang == "sv" else en, code)
        self._fill_subcategories()

    def _fill_subcategories(self) -> None:
        self.subcategory.clear()
        category = codelist.BY_CODE.get(self.category.currentData() or "")
        subcategories = category.subcategories if category else ()
        self.subcategory.addItem(tr("(none)") if subcategories or category else "", None)
        icon = QIcon(str(category.icon_path)) if category else QIcon()
        for sub in subcategories:
            self.subcategory.addItem(icon, codelist.label(sub.code, language()), sub.code)
        self.subcategory.setEnabled(bool(subcategories))

    def _fill_organisations(self) -> None:
        lang = language()
        remembered = QgsSettings().value(ORGANISATION_KEY, "", type=str)
        for combo, empty in ((self.organisation, tr("Choose your organisation…")), (self.handling_org, tr("(none)"))):
            combo.clear()
            combo.addItem(empty, None)
            for org in (self.store.organisations() if self.store else []):
                if org["active"]:
                    combo.addItem(org["name_sv"] if lang == "sv" else org["name_en"], org["code"])
        index = self.organisation.findData(remembered) if remembered else -1
        self.organisation.setCurrentIndex(max(index, 0))

    # --- signals ------------------------------------------------------------------
    def _connect(self, signal, slot) -> None:
        signal.connect(slot)
        self._connections.append((signal, slot))

    def _wire(self) -> None:
        self._connect(self.choose_store_button.clicked, self.choose_store)
        self._connect(self.place_button.toggled, self._toggle_place_tool)
        self._connect(self.centre_button.clicked, self.use_map_centre)
        self._connect(self.category.currentIndexChanged, self._category_changed)
        self._connect(self.night_button.clicked, self.set_night)
        self._connect(self.police_reported.toggled, self.police_report_ref.setEnabled)
        self._connect(self.description.textChanged, self.check_personal_data)
        self._connect(self.save_button.clicked, self.save)
        self._connect(self.new_button.clicked, self._new_report_clicked)
        self._connect(self.pick_button.toggled, self._toggle_pick_tool)
        self._connect(self.place_tool.placed, self.place_at)
        self._connect(self.place_tool.cancelled, self.cancel_placement)
        self._connect(self.place_tool.deactivated, self._place_tool_deactivated)
        self._connect(self.pick_tool.picked, self.load_incident)
        self._connect(self.pick_tool.deactivated, self._pick_tool_deactivated)
        self._connect(QgsProject.instance().layersAdded, self._layers_added)
        self._connect(QgsProject.instance().layersRemoved, self._layers_removed)

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        """Enter saves, Esc cancels the placement: the keys a field does not use
        itself (a text box keeps Enter for a new line) come up to the dock."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            event.accept()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel_placement()
            event.accept()
        else:
            super().keyPressEvent(event)

    def _new_report_clicked(self, _checked=False) -> None:
        self.new_report()

    def _category_changed(self, _index=None) -> None:
        self._fill_subcategories()

    # --- the store ----------------------------------------------------------------
    def _project_store_path(self) -> str | None:
        for layer in QgsProject.instance().mapLayers().values():
            path = store_path_of(layer)
            if path is not None:
                return str(path)
        return None

    def _layers_added(self, layers) -> None:
        if self.store is None:
            for layer in layers:
                path = store_path_of(layer)
                if path is not None:
                    self.open_store(path, quiet=True)
                    return
        self._watch_layers()

    def _layers_removed(self, _layer_ids) -> None:
        self._watch_layers()

    def choose_store(self) -> None:
        start = QgsSettings().value(STORE_KEY, "", type=str)
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a Lägesbild store"), start,
                                              tr("GeoPackage (*.gpkg)"))
        if path:
            self.open_store(path)

    def open_store(self, path, quiet: bool = False) -> bool:
        """Open the store at ``path``, configure its layer's form, and remember it."""
        try:
            store = Store.open(path)
        except StoreError as error:
            if not quiet:
                self._show_message(str(error), error=True)
            return False
        self.close_store()
        self.store = store
        self.tz = store.tz
        self.store_crs = QgsCoordinateReferenceSystem(store.crs)
        QgsSettings().setValue(STORE_KEY, str(Path(path).resolve()))
        self.store_label.setText(tr("Store: {name} (times in {zone})").format(
            name=Path(path).name, zone=store.time_zone))
        problem = form_config.apply_to_store(path)
        if problem:
            self._show_message(problem, error=True)
        self._fill_organisations()
        self._watch_layers()
        self.new_report()
        return True

    def close_store(self) -> None:
        self._unwatch_layers()
        if self.store is not None:
            self.store.close()
            self.store = None

    def project_layers(self) -> list[QgsVectorLayer]:
        """The project's layers showing this store's incidents."""
        if self.store is None:
            return []
        target = Path(self.store.path).resolve()
        return [layer for layer in QgsProject.instance().mapLayers().values() if store_path_of(layer) == target]

    def _watch_layers(self) -> None:
        self._unwatch_layers()
        for layer in self.project_layers():
            slot = self._selection_changed_on(layer)
            layer.selectionChanged.connect(slot)
            self._layer_connections.append((layer, slot))
        self.pick_tool.layer = (self.project_layers() or [None])[0]

    def _unwatch_layers(self) -> None:
        for layer, slot in self._layer_connections:
            try:
                layer.selectionChanged.disconnect(slot)
            except (RuntimeError, TypeError):  # the layer was deleted meanwhile
                pass
        self._layer_connections = []
        if hasattr(self, "pick_tool"):
            self.pick_tool.layer = None

    def _selection_changed_on(self, layer):
        def selection_changed(*_args):
            if layer.selectedFeatureCount() == 1:
                feature = next(layer.getSelectedFeatures())
                if self.loaded is not None and self.loaded.uuid == feature["uuid"]:
                    return
                if self.has_draft() and not self.ask(tr("A report is being written"), tr(
                        "Leave the report you are writing and show the selected incident?")):
                    return
                self.load_incident(feature["uuid"])
        return selection_changed

    def refresh_layers(self) -> None:
        for layer in self.project_layers():
            layer.reload()
            layer.triggerRepaint()

    # --- place ----------------------------------------------------------------------
    def _to_store(self, point: QgsPointXY) -> QgsPointXY:
        transform = QgsCoordinateTransform(self.canvas.mapSettings().destinationCrs(), self.store_crs,
                                           QgsProject.instance())
        return transform.transform(point)

    def _toggle_place_tool(self, on: bool) -> None:
        if on:
            self.pick_button.setChecked(False)
            self.canvas.setMapTool(self.place_tool)
        elif self.canvas.mapTool() is self.place_tool:
            self.canvas.unsetMapTool(self.place_tool)

    def _place_tool_deactivated(self) -> None:
        self.place_button.setChecked(False)

    def place_at(self, canvas_point: QgsPointXY) -> None:
        """Place the report at a point given in the canvas CRS."""
        if self.store is None:
            self._show_message(tr("Choose a store first."), error=True)
            return
        point = self._to_store(canvas_point)
        problems = [p for p in validate_incident({"geometry": (point.x(), point.y())}, self._context())
                    if p.field == "geometry"]
        self._show_problems([], fields=("geometry",))
        if problems:
            self.point = None
            self.marker.clear()
            self.place_label.setText(tr("No place yet"))
            self._show_problems(problems, fields=("geometry",))
            return
        self.point = (point.x(), point.y())
        self.marker.show(canvas_point)
        self.place_label.setText(tr("E {x:,.0f}, N {y:,.0f}").format(x=point.x(), y=point.y()).replace(",", " "))

    def use_map_centre(self) -> None:
        self.place_at(self.canvas.center())

    def cancel_placement(self) -> None:
        self.place_button.setChecked(False)
        if self.loaded is None:
            self.point = None
            self.marker.clear()
            self.place_label.setText(tr("No place yet"))

    def _toggle_pick_tool(self, on: bool) -> None:
        if on:
            self.place_button.setChecked(False)
            self.canvas.setMapTool(self.pick_tool)
        elif self.canvas.mapTool() is self.pick_tool:
            self.canvas.unsetMapTool(self.pick_tool)

    def _pick_tool_deactivated(self) -> None:
        self.pick_button.setChecked(False)

    # --- times ------------------------------------------------------------------------
    def local_now(self) -> datetime:
        return datetime.now(self.tz).replace(second=0, microsecond=0)

    def set_time(self, edit: QgsDateTimeEdit, moment: datetime | None) -> None:
        """Show an aware ``moment`` as local time in the store's zone."""
        if moment is None:
            edit.clear()
            return
        local = moment.astimezone(self.tz)
        edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                   QTime(local.hour, local.minute, local.second)))

    def time_of(self, edit: QgsDateTimeEdit) -> datetime | None:
        """The edit's local figures as an aware UTC datetime."""
        if edit.isNull():
            return None
        value = edit.dateTime()
        day, clock = value.date(), value.time()
        local = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), clock.second(),
                         tzinfo=self.tz)
        return local.astimezone(UTC)

    def set_night(self) -> None:
        """22:00 the previous evening to 06:00 on the day shown in 'to' (today when empty)."""
        end = self.time_of(self.occurred_to)
        day = (end.astimezone(self.tz) if end else self.local_now()).date()
        morning = datetime(day.year, day.month, day.day, 6, 0, tzinfo=self.tz)
        self.set_time(self.occurred_from, morning - timedelta(hours=8))
        self.set_time(self.occurred_to, morning)

    # --- personal data --------------------------------------------------------------------
    def check_personal_data(self) -> list:
        findings = personal_data.find(self.description.toPlainText())
        if findings:
            kinds = sorted({f.label for f in findings})
            self.personal_data_flag.setText(tr(
                "Remove personal data: the description contains a {kinds}. The situation picture is about "
                "places, never persons.").format(kinds=", ".join(kinds)))
        self.personal_data_flag.setVisible(bool(findings))
        return findings

    def ask(self, title: str, text: str) -> bool:
        """A yes/no question; tests replace it."""
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    # --- values and problems --------------------------------------------------------------
    def _context(self) -> Context:
        return Context(extent=self.store.extent, organisations=self.store.organisation_codes())

    def form_values(self) -> tuple[dict, list[Problem]]:
        """The typed values as the store takes them, and the problems found
        before the store is asked (a cost that is not a number)."""
        problems = []
        cost_text = self.cost.text().replace(" ", "").replace("\u00a0", "").replace(",", ".").strip()
        cost = None
        if cost_text:
            try:
                cost = float(cost_text)
            except ValueError:
                problems.append(Problem("estimated_cost_sek", "type", tr("must be a number")))
        police = self.police_reported.isChecked()
        values = {
            "category": self.category.currentData() or None,
            "subcategory": self.subcategory.currentData() or None,
            "occurred_from": self.time_of(self.occurred_from),
            "occurred_to": self.time_of(self.occurred_to),
            "place_name": self.place_name.text().strip() or None,
            "description": self.description.toPlainText().strip() or None,
            "police_reported": police,
            "police_report_ref": (self.police_report_ref.text().strip() or None) if police else None,
            "estimated_cost_sek": cost,
            "geometry": self.point,
        }
        if self.loaded is None:
            values["reporting_org"] = self.organisation.currentData() or None
        else:
            values["status"] = self.status.currentData()
            values["handling_org"] = self.handling_org.currentData() or None
            values["handling_note"] = self.handling_note.toPlainText().strip() or None
        return values, problems

    def has_draft(self) -> bool:
        """Whether a new report has been started and not saved."""
        return self.loaded is None and bool(
            self.point or self.place_name.text().strip() or self.category.currentData()
            or self.description.toPlainText().strip() or self.cost.text().strip())

    def _show_problems(self, problems: list[Problem], fields=FORM_FIELDS) -> None:
        by_field: dict[str, list[str]] = {}
        general = []
        for problem in problems:
            if problem.field in self.errors:
                by_field.setdefault(problem.field, []).append(problem.message)
            else:
                general.append(str(Problem(problem.field, problem.code, problem.message)))
        for field in fields:
            label = self.errors[field]
            label.setText("\n".join(by_field.get(field, [])))
            label.setVisible(field in by_field)
        if general:
            self._show_message("\n".join(general), error=True)

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    # --- report and handle ------------------------------------------------------------------
    def new_report(self, keep_day: bool = False) -> None:
        """An empty form for the next report. The organisation stays; after a
        save (``keep_day``) the times stay too, for the next report of the day."""
        keep_from = self.time_of(self.occurred_from) if keep_day else None
        keep_to = self.time_of(self.occurred_to) if keep_day else None
        self.loaded = None
        self.cancel_placement()
        self.place_name.clear()
        self.category.setCurrentIndex(0)
        self._fill_subcategories()
        if keep_from is None:
            now = self.local_now()
            self.set_time(self.occurred_from, now)
            self.set_time(self.occurred_to, now)
        else:
            self.set_time(self.occurred_from, keep_from)
            self.set_time(self.occurred_to, keep_to)
        self.police_reported.setChecked(False)
        self.police_report_ref.clear()
        self.police_report_ref.setEnabled(False)
        self.cost.clear()
        self.description.clear()
        self.handling_group.hide()
        self.organisation.setEnabled(True)
        self.history.clear()
        self._show_problems([])
        self.mode_label.setText(tr("New report") if self.store else tr("Choose a store to report in."))
        self.save_button.setEnabled(self.store is not None)

    def save(self) -> bool:
        if self.store is None:
            self._show_message(tr("Choose a store first."), error=True)
            return False
        if self.check_personal_data():
            if not self.ask(tr("Personal data in the description"), tr(
                    "The description contains personal data. The situation picture is about places, never "
                    "persons. Remove it now and save?")):
                self._show_message(tr("Not saved: remove the personal data from the description."), error=True)
                return False
            self.description.setPlainText(personal_data.remove(self.description.toPlainText()))
        values, problems = self.form_values()
        if problems:
            clean = {k: v for k, v in values.items() if k not in {p.field for p in problems}}
            self._show_problems(problems + validate_incident(clean, self._context()))
            self._show_message(tr("Not saved: correct the fields marked in red."), error=True)
            return False
        try:
            if self.loaded is None:
                incident = self.store.add_incident(values)
            else:
                incident = self._save_handling(values)
                if incident is None:
                    return False
        except ValidationError as error:
            self._show_problems(error.problems)
            self._show_message(tr("Not saved: correct the fields marked in red."), error=True)
            return False
        except StoreError as error:
            self._show_message(str(error), error=True)
            return False
        organisation = values.get("reporting_org")
        if organisation:
            QgsSettings().setValue(ORGANISATION_KEY, organisation)
        self.refresh_layers()
        if self.loaded is None:
            self.new_report(keep_day=True)
        else:
            self.load_incident(incident.uuid)
        text = tr("Saved.")
        self._show_message(text)
        self.iface.messageBar().pushMessage(tr("Lägesbild"), text, MESSAGE_SUCCESS, 3)
        return True

    def _save_handling(self, values: dict):
        loaded = self.loaded.values()
        changes = {}
        for name, value in values.items():
            before = loaded.get(name)
            if isinstance(value, datetime) and isinstance(before, datetime):
                same = value.replace(microsecond=0) == before.replace(microsecond=0)
            elif name == "geometry":
                same = value is not None and before is not None and all(
                    abs(a - b) < 1e-6 for a, b in zip(value, before))
            else:
                same = value == before
            if not same:
                changes[name] = value
        if not changes:
            self._show_message(tr("Nothing to save: no field was changed."))
            return None
        by_org = self.organisation.currentData()
        if not by_org:
            self._show_problems([Problem("reporting_org", "required", tr("is required"))])
            self._show_message(tr("Not saved: choose your organisation."), error=True)
            return None
        try:
            return self.store.update_incident(self.loaded.uuid, changes, expected_version=self.loaded.version,
                                              by_org=by_org)
        except ConflictError as error:
            self._show_message(tr("Not saved: {error}").format(error=error), error=True)
            if self.ask(tr("Changed by someone else"), tr(
                    "Someone else saved this incident after you loaded it. Nothing was overwritten. "
                    "Reload it now? Your changes in the form are then replaced by the saved version.")):
                self.load_incident(self.loaded.uuid)
                self._show_message(tr("Reloaded: the incident as it is saved now. Make your change again."),
                                   error=True)
            return None

    def load_incident(self, incident_uuid: str) -> None:
        """Show an incident in handling mode."""
        if self.store is None:
            return
        try:
            incident = self.store.get_incident(incident_uuid)
        except StoreError as error:
            self._show_message(str(error), error=True)
            return
        self.place_button.setChecked(False)
        self.marker.clear()
        self.loaded = incident
        self.point = (incident.x, incident.y)
        self.place_label.setText(tr("E {x:,.0f}, N {y:,.0f}").format(x=incident.x, y=incident.y).replace(",", " "))
        self.place_name.setText(incident.place_name or "")
        self.category.setCurrentIndex(max(self.category.findData(incident.category), 0))
        self._fill_subcategories()
        self.subcategory.setCurrentIndex(max(self.subcategory.findData(incident.subcategory), 0))
        self.set_time(self.occurred_from, incident.occurred_from)
        self.set_time(self.occurred_to, incident.occurred_to)
        self.police_reported.setChecked(incident.police_reported)
        self.police_report_ref.setEnabled(incident.police_reported)
        self.police_report_ref.setText(incident.police_report_ref or "")
        self.cost.setText("" if incident.estimated_cost_sek is None else f"{incident.estimated_cost_sek:g}")
        self.description.setPlainText(incident.description or "")
        self.status.setCurrentIndex(max(self.status.findData(incident.status), 0))
        self.handling_org.setCurrentIndex(max(self.handling_org.findData(incident.handling_org), 0))
        self.handling_note.setPlainText(incident.handling_note or "")
        self.handling_group.show()
        self._show_problems([])
        self._show_message("")
        reported = incident.reported_at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M") if incident.reported_at else ""
        title = tr("Handling: {category}, reported {when} by {organisation} (version {version})")
        self.mode_label.setText(title.format(
            category=codelist.label(incident.category, language()), when=reported,
            organisation=self.organisation_name(incident.reporting_org), version=incident.version))
        self.save_button.setEnabled(True)
        self.show_history(incident.uuid)

    # --- history -------------------------------------------------------------------------
    def organisation_name(self, code: str | None) -> str:
        if not code:
            return tr("unknown organisation")
        for org in self.store.organisations():
            if org["code"] == code:
                return org["name_sv"] if language() == "sv" else org["name_en"]
        return code

    def _display_value(self, field: str, value) -> str:
        if value is None or value == "":
            return "–"
        if field in TIME_FIELDS:
            moment = parse_utc(str(value))
            return moment.astimezone(self.tz).strftime("%Y-%m-%d %H:%M")
        if field in ("category", "subcategory"):
            return codelist.label(str(value), language())
        if field in ("reporting_org", "handling_org"):
            return self.organisation_name(str(value))
        if field == "police_reported":
            return tr("yes") if str(value) in ("1", "True", "true") else tr("no")
        if field == "status":
            return next((s[1] if language() == "sv" else s[2] for s in codelist.STATUSES if s[0] == value), value)
        if field == schema.GEOMETRY_COLUMN:
            return tr("(a point)")
        return str(value)

    @staticmethod
    def field_label(field: str) -> str:
        if field == schema.GEOMETRY_COLUMN:
            return tr("Place")
        names = form_config.ALIASES.get(field)
        return (names[0] if language() == "sv" else names[1]) if names else field

    def show_history(self, incident_uuid: str) -> None:
        self.history.clear()
        for entry in self.store.history(incident_uuid):
            item = QTreeWidgetItem([
                entry["changed_at"].astimezone(self.tz).strftime("%Y-%m-%d %H:%M"),
                self.organisation_name(entry["changed_by_org"]),
                self.field_label(entry["field"]),
                self._display_value(entry["field"], entry["old_value"]),
                self._display_value(entry["field"], entry["new_value"]),
            ])
            self.history.addTopLevelItem(item)

    # --- unload ------------------------------------------------------------------------------
    def unload(self) -> None:
        """Remove the map tools and the marker, disconnect every signal, close the store."""
        for tool in (self.place_tool, self.pick_tool):
            if self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
        self.marker.clear()
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self._connections = []
        self.close_store()
