"""The situation picture's filter and summary: period presets, the provider
filter built safely from the chosen values, and the numbers the dock shows.

Pure functions of ``today`` (the store's: ``periods.local_today(store.tz)``)
and the store, so that they are tested without widgets. The presets' periods
(and their names, which the dock reads here as ``situation.PRESETS``) come
from ``core/domain/periods.py`` and end yesterday, the last whole day; a custom
period may include today, and then the summary says "today so far". Percent
change is always relative to the earlier period, and its base is named.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ..domain import codelist
from ..domain.periods import (
    BASE_PRESETS,
    CUSTOM,
    LAST_7_DAYS,
    LAST_14_DAYS,
    PRESETS,
    SAME_PERIOD_LAST_YEAR,
    SINCE_1_JANUARY,
    THIS_MONTH,
    Period,
    has_data_for,
    includes_today,
    preset_period,
    previous_period,
    same_period_last_year,
)
from ..domain.wording import (
    SMALL_BASE,
    change_in_words,
    incidents_in_words,
    no_data_in_words,
    percent_change,
    period_in_words,
)
from ..i18n import plural, tr, translator
from ..store import IncidentFilter, Store


def preset_label(preset: str) -> str:
    return {
        LAST_7_DAYS: tr("Last 7 days"),
        LAST_14_DAYS: tr("Last 14 days"),
        THIS_MONTH: tr("This month"),
        SINCE_1_JANUARY: tr("Since 1 January"),
        SAME_PERIOD_LAST_YEAR: tr("The same period last year"),
        CUSTOM: tr("Custom period"),
    }[preset]


@dataclass(frozen=True)
class FilterState:
    """What the dock's filter shows; empty tuples and None mean no restriction."""

    preset: str = LAST_14_DAYS
    base_preset: str = SINCE_1_JANUARY  # for SAME_PERIOD_LAST_YEAR
    custom: Period | None = None
    categories: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    area: str | None = None

    def period(self, today: date) -> Period:
        return preset_period(self.preset, today, self.custom, self.base_preset)

    def incident_filter(self, today: date, period: Period | None = None) -> IncidentFilter:
        return IncidentFilter(period=period or self.period(today), categories=self.categories,
                              organisations=self.organisations, statuses=self.statuses, area=self.area)


# --- the provider filter ----------------------------------------------------

def subset_string(store: Store, state: FilterState, today: date) -> str:
    """The incidents layer's provider filter: the same incidents as
    ``store.count(state.incident_filter(today))`` (``Store.layer_filter``)."""
    return store.layer_filter(state.incident_filter(today))


# --- the summary ------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    """The filter's count in ``period`` against the earlier ``base_period``;
    ``has_data`` is False when the base starts before the store's first
    incident (then there is nothing honest to compare with)."""

    period: Period
    count: int
    base_period: Period
    base_count: int
    has_data: bool = True

    @property
    def percent(self) -> float | None:
        """The change in percent, None without data, without a base or on a
        small base (fewer than ``SMALL_BASE``), where only counts are shown."""
        if not self.has_data or self.base_count < SMALL_BASE:
            return None
        return percent_change(self.base_count, self.count)

    def words(self, base_name: str, language: str | None = None) -> str:
        """'−18.1 % against the same period last year (…): 317 against 387',
        or why there is no comparison."""
        if not self.has_data:
            return no_data_in_words(self.base_period, language, base_name)
        return change_in_words(self.base_count, self.count, self.base_period, language, base_name)


@dataclass(frozen=True)
class Summary:
    period: Period
    total: int
    by_category: dict[str, int] = field(default_factory=dict)  # code -> count, code-list order, non-zero
    previous: Change | None = None  # against the previous period of the same length
    last_year: Change | None = None  # against the same period last year
    today: date | None = None  # the store's today, to say when the period includes it
    first_day: date | None = None  # the local day of the store's first incident
    low_precision: int = 0  # of ``total``, placed only at a municipality's or county's centre

    @property
    def includes_today(self) -> bool:
        """Whether the period counts today, a day not yet over (only a custom
        period can): then its counts are not comparable day for day."""
        return self.today is not None and includes_today(self.period, self.today)

    def lines(self, language: str = "en", categories: bool = True) -> list[str]:
        """The summary in sentences; ``categories=False`` leaves out the
        count per category (the dock's bars show them, with their text)."""
        tr = translator(language)
        result = [tr("{incidents}, {period}").format(
            incidents=incidents_in_words(self.total, language),
            period=period_in_words(self.period, language, self.today))]
        if self.low_precision:
            result.append(plural(self.low_precision, tr(
                "{n} of them is placed only at a municipality or county centre and is left out of hot spots and "
                "density"), tr("{n} of them are placed only at a municipality or county centre and are left out of "
                               "hot spots and density")))
        if self.previous is not None:
            result.append(self.previous.words(tr("the previous period"), language))
        if self.last_year is not None:
            result.append(self.last_year.words(tr("the same period last year"), language))
        for code, count in self.by_category.items() if categories else ():
            result.append(f"{codelist.label(code, language)}: {count}")
        return result


def summary(store: Store, state: FilterState, today: date) -> Summary:
    """The counts the dock shows for ``state``, all from the store."""
    period = state.period(today)
    counts, low_precision = store.category_counts(state.incident_filter(today, period))
    by_category = {c.code: counts[c.code] for c in codelist.CATEGORIES if counts.get(c.code)}
    total = sum(counts.values())
    first_day = store.first_day()

    def change(base_period: Period) -> Change:
        if not has_data_for(base_period, first_day):
            return Change(period, total, base_period, 0, has_data=False)
        return Change(period, total, base_period, store.count(state.incident_filter(today, base_period)))

    return Summary(period=period, total=total, by_category=by_category,
                   previous=change(previous_period(period)), last_year=change(same_period_last_year(period)),
                   today=today, first_day=first_day,
                   low_precision=low_precision)


def cleared(state: FilterState) -> FilterState:
    """The state with every restriction but the period removed."""
    return replace(state, categories=(), organisations=(), statuses=(), area=None)


# --- the dock's state in the QGIS project -------------------------------------

PROJECT_SCOPE = "lagesbild"


def write_state(project, store_path: str, state: FilterState) -> None:
    """Keep the store and the filter in ``project`` (saved with it)."""
    entries = {
        "situation/store": store_path or "",
        "situation/preset": state.preset,
        "situation/base_preset": state.base_preset,
        "situation/custom_start": state.custom.start.isoformat() if state.custom else "",
        "situation/custom_end": state.custom.end.isoformat() if state.custom else "",
        "situation/area": state.area or "",
    }
    for key, value in entries.items():
        project.writeEntry(PROJECT_SCOPE, key, value)
    for key, values in (("categories", state.categories), ("organisations", state.organisations),
                        ("statuses", state.statuses)):
        project.writeEntry(PROJECT_SCOPE, f"situation/{key}", list(values))


def read_state(project) -> tuple[str, FilterState]:
    """The store path and filter kept in ``project`` ("" and the default
    filter when it has none); unknown presets fall back to the default."""
    def text(key: str) -> str:
        value, found = project.readEntry(PROJECT_SCOPE, f"situation/{key}", "")
        return value if found else ""

    def texts(key: str) -> tuple[str, ...]:
        values, found = project.readListEntry(PROJECT_SCOPE, f"situation/{key}", [])
        return tuple(v for v in values if v) if found else ()

    default = FilterState()
    preset = text("preset") if text("preset") in PRESETS else default.preset
    base = text("base_preset") if text("base_preset") in BASE_PRESETS else default.base_preset
    custom = None
    try:
        if text("custom_start") and text("custom_end"):
            custom = Period(date.fromisoformat(text("custom_start")), date.fromisoformat(text("custom_end")))
    except ValueError:
        custom = None
    if custom is None and CUSTOM in (preset, base):
        preset, base = default.preset, default.base_preset
    state = FilterState(preset=preset, base_preset=base, custom=custom, categories=texts("categories"),
                        organisations=texts("organisations"), statuses=texts("statuses"),
                        area=text("area") or None)
    return text("store"), state
