"""Numbers, periods and changes in words, in the language asked for.

The one home of the change sentence that the dock, the summary, the period
comparison and the report all show: "−18.1 % against 1 Jan–15 Jun 2020: 317
against 387". The change is always relative to the earlier period, which is
named as the base; a minus is a true minus sign (U+2212) and Swedish takes a
decimal comma.

``language`` is "sv" or "en", or None for the language QGIS has loaded.
"""

from __future__ import annotations

from datetime import date

from ..i18n import language as loaded_language
from ..i18n import plural, translator
from .periods import Period, includes_today

MINUS = "\u2212"
SMALL_BASE = 10  # fewer incidents than this in the base: counts only, no percentage


def number(value: float, language: str | None, decimals: int = 1, sign: bool = False) -> str:
    """A number as written in ``language``: a true minus sign, and a decimal
    comma in Swedish."""
    text = f"{value:+.{decimals}f}" if sign else f"{value:.{decimals}f}"
    text = text.replace("-", MINUS)
    if (language or loaded_language()).startswith("sv"):
        text = text.replace(".", ",")
    return text


def percent_change(before: int, after: int) -> float | None:
    """100 (after − before) / before; None when there is no base."""
    return None if before == 0 else 100.0 * (after - before) / before


def incidents_in_words(count: int, language: str | None = None) -> str:
    """'1 incident', '2 incidents' ('1 händelse', '2 händelser')."""
    tr = translator(language)
    return plural(count, tr("{n} incident"), tr("{n} incidents"))


def period_in_words(period: Period, language: str | None = None, today: date | None = None) -> str:
    """'1 Jan–15 Jun 2020' (the year once when both ends share it). Given
    ``today``, a period that includes it says so: '…, including today so far'
    (a day not yet over counts fewer incidents than a whole one)."""
    tr = translator(language)
    months = (tr("Jan"), tr("Feb"), tr("Mar"), tr("Apr"), tr("May"), tr("Jun"), tr("Jul"), tr("Aug"),
              tr("Sep"), tr("Oct"), tr("Nov"), tr("Dec"))
    start, end = period.start, period.end
    text = f"{end.day} {months[end.month - 1]} {end.year}"
    if start != end:
        start_text = f"{start.day} {months[start.month - 1]}" + ("" if start.year == end.year else f" {start.year}")
        text = f"{start_text}\u2013{text}"
    if today is not None and includes_today(period, today):
        text = tr("{period}, including today so far").format(period=text)
    return text


def change_in_words(before: int, after: int, base: Period, language: str | None = None,
                    base_name: str | None = None) -> str:
    """'−18.1 % against 1 Jan–15 Jun 2020: 317 against 387': ``after``
    incidents against ``before`` in the earlier period ``base``, named by its
    dates, after ``base_name`` when given ('… against the same period last
    year (1 Jan–15 Jun 2020): …'). On a small base (fewer than
    ``SMALL_BASE`` incidents) a percentage says more than the numbers do
    ('+700.0 %' for 8 against 1): the sentence gives the counts only."""
    tr = translator(language)
    base_text = period_in_words(base, language)
    if base_name:
        base_text = tr("{name} ({period})").format(name=base_name, period=base_text)
    change = percent_change(before, after)
    if change is None:
        return tr("{after} against 0 in {base}: no percentage without a base").format(after=after, base=base_text)
    if before < SMALL_BASE:
        return tr("{after} against {before} in {base}: too few for a percentage").format(
            after=after, before=before, base=base_text)
    return tr("{change} % against {base}: {after} against {before}").format(
        change=number(change, language, sign=True), base=base_text, after=after, before=before)


def no_data_in_words(base: Period, language: str | None = None, base_name: str | None = None) -> str:
    """'No comparison with the previous period: no data for 23–29 Nov 2024':
    the base starts before the store's first incident, so its count would
    take days nobody recorded for days without incidents."""
    tr = translator(language)
    text = tr("no data for {period}").format(period=period_in_words(base, language))
    if base_name:
        text = tr("No comparison with {name}: {reason}").format(name=base_name, reason=text)
    return text
