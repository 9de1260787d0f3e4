"""The incident form: a dock to report incidents, and to review and handle
them, writing through the store (core/store).

Its widgets come from resources/ui/incident_form.ui, loaded by path; reading
and writing them is ui/incident_form_fields.py, the map side
ui/incident_form_map.py, and what needs no widgets (the changes to save, the
validation context) core/domain/form_changes.py.
"""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsProject
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QFileDialog, QHBoxLayout, QHeaderView, QLayout, QWidget

from ..core import settings as plugin_settings
from ..core.compat import MESSAGE_SUCCESS
from ..core.domain import codelist
from ..core.domain.form_changes import changed_fields, validation_context
from ..core.domain.timeutil import DEFAULT_TIME_ZONE, zone
from ..core.domain.validation import Problem, ValidationError, validate_incident
from ..core.i18n import language, tr
from ..core.presentation.form_style import ensure_standard_form
from ..core.presentation.incident_display import organisation_name
from ..core.resources import PLUGIN_ICON, RESOURCES
from ..core.store import ConflictError, Store, StoreError, StoreLocation
from .dock_base import LagesbildDock, background_button, server_button
from .incident_form_fields import FormFieldsMixin
from .incident_form_map import FormMapMixin, place_text
from .map_tools import PickTool, PlacementMarker, PlaceTool
from .store_events import store_events

UI_PATH = RESOURCES / "ui" / "incident_form.ui"
ICON_PATH = PLUGIN_ICON
FORM_CLASS, _ = uic.loadUiType(str(UI_PATH))

__all__ = ["IncidentFormDock"]


class IncidentFormDock(FormFieldsMixin, FormMapMixin, LagesbildDock, FORM_CLASS):
    def __init__(self, iface, parent=None):  # noqa: QGS105 (the plugin hands its iface to its docks)
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.store: Store | None = None
        self.loaded = None  # the incident in handling mode, as loaded
        self.point: tuple[float, float] | None = None  # in the store's CRS
        self.tz = zone(DEFAULT_TIME_ZONE)  # the store's, once one is open
        self.setupUi(self)
        self.setWindowIcon(QIcon(str(ICON_PATH)))
        self.toggleViewAction().setStatusTip(tr("Report an incident, or review and handle one"))
        self._setup_fields()
        # the server and background buttons on a row of their own under the
        # store's name: beside it they made the form wider than its dock
        buttons = QHBoxLayout()
        self.server_button = server_button(self.content, self.open_store)
        buttons.addWidget(self.server_button)
        buttons.addWidget(background_button(self.content, lambda text: self._show_message(text, error=True)))
        buttons.addStretch(1)
        self.outer.insertLayout(1, buttons)
        # as wide as the form needs: a docked form is not scrolled sideways. The
        # layouts measured their widgets before setupUi set the texts: measure again.
        for layout in self.content.findChildren(QLayout):
            layout.invalidate()
        for widget in self.content.findChildren(QWidget):
            widget.updateGeometry()
        self.scroll.setMinimumWidth(self.content.minimumSizeHint().width()
                                    + self.scroll.verticalScrollBar().sizeHint().width() + 4)
        # each history column at least as wide as its header (Swedish ones are longer) and its rows
        header = self.history.header()
        for column in range(self.history.columnCount() - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.place_tool = PlaceTool(self.canvas)
        self.pick_tool = PickTool(self.canvas)
        self.marker = PlacementMarker(self.canvas)
        self._wire()
        self.new_report()
        path = self._project_store_path() or plugin_settings.load().last_store
        if path and StoreLocation.parse(path).exists():
            self.open_store(path, quiet=True)

    def _wire(self) -> None:
        connect = self.connect_signal
        connect(self.choose_store_button.clicked, self.choose_store)
        connect(self.place_button.toggled, self._toggle_place_tool)
        connect(self.centre_button.clicked, self.use_map_centre)
        connect(self.category.currentIndexChanged, self._category_changed)
        connect(self.night_button.clicked, self.set_night)
        connect(self.police_reported.toggled, self.police_report_ref.setEnabled)
        for free_text in (self.place_name, self.description, self.handling_note):
            connect(free_text.textChanged, self.check_personal_data)
        self.watch_problems()
        connect(self.save_button.clicked, self.save)
        connect(self.new_button.clicked, self._new_report_clicked)
        connect(self.pick_button.toggled, self._toggle_pick_tool)
        connect(self.place_tool.placed, self.place_at)
        connect(self.place_tool.cancelled, self.cancel_placement)
        connect(self.place_tool.deactivated, self._place_tool_deactivated)
        connect(self.pick_tool.picked, self.load_incident)
        connect(self.pick_tool.deactivated, self._pick_tool_deactivated)
        connect(QgsProject.instance().layersAdded, self._layers_added)
        connect(QgsProject.instance().layersRemoved, self._layers_removed)

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
    def choose_store(self) -> None:
        start = plugin_settings.load().last_store
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a Lägesbild store"), start,
                                              tr("GeoPackage (*.gpkg)"))
        if path:
            self.open_store(path)

    def open_store(self, path, quiet: bool = False) -> bool:
        """Open the store at ``path`` and remember it. Opening only reads the
        store, but for giving a store made by an older version its standard form."""
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
        plugin_settings.update(last_store=store.location.display)
        self.store_label.setText(tr("Store: {name} (times in {zone})").format(
            name=store.location.label, zone=store.time_zone))
        try:  # only a store without the standard form (an older one) is written to
            ensure_standard_form(store)
        except StoreError as error:
            self._show_message(tr("The standard form could not be saved in the store: {error}").format(
                error=error), error=True)
        self._fill_organisations()
        self._watch_layers()
        self.new_report()
        self.store_opened.emit(store.location)
        return True

    def current_store(self) -> str:
        return self.store.location.display if self.store is not None else ""

    def close_store(self) -> None:
        self._unwatch_layers()
        if self.store is not None:
            self.store.close()
            self.store = None

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
        self.check_personal_data()  # a handling note left from handling mode is no longer shown
        self.mode_label.setText(tr("New report") if self.store else tr("Choose a store to report in."))
        self.save_button.setEnabled(self.store is not None)

    def save(self) -> bool:
        """Save the report or the handling. When refused, every typed value stays in the form."""
        if self.store is None:
            self._show_message(tr("Choose a store first."), error=True)
            return False
        if not self.remove_personal_data():
            return False
        values, problems = self.form_values()
        if problems:
            clean = {k: v for k, v in values.items() if k not in {p.field for p in problems}}
            self._show_problems(problems + validate_incident(clean, validation_context(self.store)))
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
            plugin_settings.update(organisation=organisation)
        self.refresh_layers()
        store_events().incidents_changed.emit(self.store.location.display)
        if self.loaded is None:
            self.new_report(keep_day=True)
        else:
            self.load_incident(incident.uuid)
        text = tr("Saved.")
        self._show_message(text)
        self.iface.messageBar().pushMessage(tr("Lägesbild"), text, MESSAGE_SUCCESS, 3)
        return True

    def _save_handling(self, values: dict):
        changes = changed_fields(self.loaded.values(), values)
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
        self.place_label.setText(place_text(incident.x, incident.y))
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
            organisation=organisation_name(self.store.organisations(), incident.reporting_org),
            version=incident.version))
        self.save_button.setEnabled(True)
        self.show_history(incident.uuid)

    # --- unload ------------------------------------------------------------------------------
    def unload(self) -> None:
        """Remove the map tools and the marker, disconnect every signal, close the store."""
        self._remove_map_tools()
        super().unload()
        self.close_store()
