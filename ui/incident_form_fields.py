"""The incident form's widgets read and written: code lists, times in the
store's zone, the typed values, problems next to their fields, the personal
data guard and the history. A mixin of IncidentFormDock (ui/incident_form.py),
whose widgets come from resources/ui/incident_form.ui.

Times are shown as local time in the store's zone and converted explicitly
(aware datetimes in that zone, then UTC); nothing relies on QDateTime's own
zone handling, which QGIS 3.22 gets wrong for GeoPackage times.
"""

from __future__ import annotations

from datetime import datetime

from qgis.gui import QgsDateTimeEdit
from qgis.PyQt.QtCore import QDate, QDateTime, QTime
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMessageBox, QTreeWidgetItem

from ..core import settings as plugin_settings
from ..core.domain import codelist, personal_data
from ..core.domain.form_changes import parse_cost, validation_context
from ..core.domain.periods import last_night
from ..core.domain.timeutil import UTC
from ..core.domain.validation import Problem, validate_incident
from ..core.i18n import language, tr
from ..core.presentation.incident_display import history_rows

ERROR_STYLE = "color: #b00020;"
# Fields shown in the form; a problem of any other field goes to the message line.
FORM_FIELDS = ("geometry", "place_name", "category", "subcategory", "occurred_from", "occurred_to",
               "reporting_org", "police_report_ref", "estimated_cost_sek", "description", "status",
               "handling_org", "handling_note")


class FormFieldsMixin:
    # --- set-up ---------------------------------------------------------------
    def _setup_fields(self) -> None:
        """What the .ui file cannot say: error labels found by field, styles, nulls."""
        self.errors = {field: getattr(self, f"error_{field}") for field in FORM_FIELDS}
        for label in (*self.errors.values(), self.personal_data_flag):
            label.setStyleSheet(ERROR_STYLE)
            label.hide()
        self.occurred_from.setAllowNull(False)
        self.occurred_to.setAllowNull(True)
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
        remembered = plugin_settings.load().organisation
        for combo, empty in ((self.organisation, tr("Choose your organisation…")), (self.handling_org, tr("(none)"))):
            combo.clear()
            combo.addItem(empty, None)
            for org in (self.store.organisations() if self.store else []):
                if org["active"]:
                    combo.addItem(org["name_sv"] if lang == "sv" else org["name_en"], org["code"])
        index = self.organisation.findData(remembered) if remembered else -1
        self.organisation.setCurrentIndex(max(index, 0))

    # --- times ------------------------------------------------------------------
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
        """22:00 the previous evening to 06:00 on the day shown in 'to' (today
        when empty); a night still going on ends now (``periods.last_night``)."""
        end = self.time_of(self.occurred_to)
        now = self.local_now()
        start, end = last_night(now, end.astimezone(self.tz).date() if end else None)
        self.set_time(self.occurred_from, start)
        self.set_time(self.occurred_to, end)

    # --- personal data ------------------------------------------------------------
    def free_texts(self) -> dict:
        """The free-text widgets the form shows now, by field: their text is
        what the personal-data guard checks."""
        widgets = {"place_name": self.place_name, "description": self.description}
        if self.loaded is not None:
            widgets["handling_note"] = self.handling_note
        return widgets

    def personal_data_found(self) -> dict:
        """The personal data in each free text shown, by field (fields without any left out)."""
        found = {}
        for field, widget in self.free_texts().items():
            text = widget.text() if hasattr(widget, "text") else widget.toPlainText()
            if findings := personal_data.find(text):
                found[field] = findings
        return found

    def check_personal_data(self, *_args) -> dict:
        """Flag personal data as one types: which field holds what kind."""
        found = self.personal_data_found()
        if found:
            parts = [tr("{field}: {kinds}").format(
                field=field_label(field), kinds=", ".join(dict.fromkeys(f.label for f in findings)))
                for field, findings in found.items()]
            self.personal_data_flag.setText(tr(
                "Remove personal data ({found}). The situation picture is about places, never persons."
            ).format(found="; ".join(parts)))
        self.personal_data_flag.setVisible(bool(found))
        return found

    def removal_question(self, found: dict) -> str:
        """The question before saving: every text that will be removed, field by field."""
        lines = [tr("The following personal data will be removed before saving, each replaced by […]:"), ""]
        for field, findings in found.items():
            for finding in findings:
                lines.append(tr("{field}: “{text}” ({kind})").format(
                    field=field_label(field), text=finding.text, kind=finding.label))
        lines += ["", tr("The situation picture is about places, never persons. Remove it and save?")]
        return "\n".join(lines)

    def remove_personal_data(self) -> bool:
        """Before a save: when a free text holds personal data, show exactly
        what will be removed and remove it if the user agrees. False when the
        user declines (the texts stay as typed)."""
        found = self.check_personal_data()
        if not found:
            return True
        if not self.ask(tr("Remove personal data?"), self.removal_question(found)):
            self._show_message(tr("Not saved: remove the personal data first."), error=True)
            return False
        for field, findings in found.items():
            widget = self.free_texts()[field]
            if hasattr(widget, "setPlainText"):
                widget.setPlainText(personal_data.remove(widget.toPlainText(), findings))
            else:
                widget.setText(personal_data.remove(widget.text(), findings))
        return True

    def ask(self, title: str, text: str) -> bool:
        """A yes/no question; tests replace it."""
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    # --- values and problems --------------------------------------------------------
    def form_values(self) -> tuple[dict, list[Problem]]:
        """The typed values as the store takes them, and the problems found
        before the store is asked (a cost that is not a number)."""
        cost, cost_problem = parse_cost(self.cost.text())
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
        return values, [cost_problem] if cost_problem else []

    def has_draft(self) -> bool:
        """Whether a new report has been started and not saved."""
        return self.loaded is None and bool(
            self.point or self.place_name.text().strip() or self.category.currentData()
            or self.description.toPlainText().strip() or self.cost.text().strip())

    def watch_problems(self) -> None:
        """Each field's change checks the problems shown again, so that a
        field's message goes as soon as the field is valid."""
        for signal in (self.place_name.textChanged, self.category.currentIndexChanged,
                       self.subcategory.currentIndexChanged, self.occurred_from.valueChanged,
                       self.occurred_to.valueChanged, self.organisation.currentIndexChanged,
                       self.police_reported.toggled, self.police_report_ref.textChanged, self.cost.textChanged,
                       self.description.textChanged, self.status.currentIndexChanged,
                       self.handling_org.currentIndexChanged, self.handling_note.textChanged):
            self.connect_signal(signal, self.recheck_problems)

    def recheck_problems(self, *_args) -> None:
        """Hide the message of every field that is valid now; a message still
        true stays (a new one waits for the next save)."""
        shown = [field for field, label in self.errors.items() if not label.isHidden()]
        if not shown or self.store is None:
            return
        values, problems = self.form_values()
        checked = {k: v for k, v in values.items() if k not in {p.field for p in problems}}
        if self.loaded is not None:  # handling: the loaded incident, changed by the organisation chosen
            checked = self.loaded.values() | checked
            if not self.organisation.currentData():
                problems.append(Problem("reporting_org", "required", tr("is required")))
        problems += validate_incident(checked, validation_context(self.store))
        problems += personal_data.guard(values)[1]
        remaining = {p.field for p in problems}
        for field in shown:
            if field not in remaining:
                self.errors[field].hide()

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

    # --- history ----------------------------------------------------------------------
    def show_history(self, incident_uuid: str) -> None:
        self.history.clear()
        for row in history_rows(self.store, incident_uuid, self.tz):
            self.history.addTopLevelItem(QTreeWidgetItem(row))


def field_label(field: str) -> str:
    """A free-text field's name as the form's label shows it."""
    if field == "place_name":
        return tr("Place name")
    if field == "handling_note":
        return tr("Handling note")
    return tr("Description")
