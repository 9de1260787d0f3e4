"""The Lägesbild dock's live numbers: the summary and charts follow the
filter as it changes (shortly after the last change, through a single-shot
timer), a save in the form (``store_events``) and an edit committed to the
store's incidents layer in plain QGIS. The map's own filter waits for
*Apply*: on a large store a provider filter per tick would be slow. A mixin
of ``SituationDock`` (ui/situation_dock.py)."""

from __future__ import annotations

from datetime import date

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QDate

from ..core.domain.periods import local_today
from ..core.i18n import language, tr
from ..core.presentation import charts_data, layers, situation
from ..core.store import Store, StoreError

LAYER_GROUP = "incident layers"


class LiveNumbersMixin:
    """Needs the dock's ``store_path``, ``state()``, ``summary``, ``live_timer``,
    ``_tz``, ``_refusals``, ``_applied``, ``_location_for`` and ``_today``."""

    def _preset_changed(self, *_args) -> None:
        preset = self.preset_combo.currentData()
        if preset != situation.SAME_PERIOD_LAST_YEAR and not self._restoring:
            self._base_preset = preset
        custom = situation.CUSTOM in (preset, self._base_preset)
        self.start_edit.setEnabled(custom)
        self.end_edit.setEnabled(custom)
        if not custom:  # the dates the preset means, ending yesterday in the store's zone
            period = situation.FilterState(preset=preset, base_preset=self._base_preset).period(self._store_today)
            for edit, day in ((self.start_edit, period.start), (self.end_edit, period.end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day))
                edit.blockSignals(False)
        self.schedule_numbers()

    @property
    def _store_today(self) -> date:
        return local_today(self._tz)

    def schedule_numbers(self, *_args) -> None:
        """Count again shortly: many changes in a row (ticking categories) count once."""
        if self.store_path:
            self.live_timer.start()

    def _store_changed(self, display: str) -> None:
        if display and display == self.store_path:
            self.schedule_numbers()

    def _watch_layers(self, *_args) -> None:
        """Count again when an edit to the store's incidents layer is saved in plain QGIS."""
        self.disconnect_signals(LAYER_GROUP)
        if not self.store_path:
            return
        for layer in layers.store_layers(QgsProject.instance(), self.store_path):
            self.connect_signal(layer.afterCommitChanges, self.schedule_numbers, LAYER_GROUP)

    def refresh_numbers(self) -> bool:
        """The summary and charts of the filter as it is now (the map's filter
        waits for Apply); False when the store cannot be read."""
        self.live_timer.stop()
        if not self.store_path:
            return False
        state = self.state()
        lang = language()
        try:
            with Store.open(self._location_for(self.store_path), read_only=True) as store:
                today = self._today(store)
                numbers = situation.summary(store, state, today)
                trend = charts_data.trend(store, state, today, numbers.first_day)
        except (StoreError, ValueError) as error:
            self.summary.show_text([str(error)])
            return False
        lines = self._refusals + numbers.lines(lang, categories=False)
        if self._applied is not None and self._applied != state and layers.store_layers(
                QgsProject.instance(), self.store_path):
            lines.append(tr("The map still shows the filter as last applied: Apply filter to show these."))
        self.summary.show_numbers(lines, trend,
                                  charts_data.category_bars(numbers.by_category, lang), lang)
        return True

