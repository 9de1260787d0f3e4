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
from ..i18n import translator
from .periods import Period, includes_today

MINUS = "\u2212"


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
    year (1 Jan–15 Jun 2020): …'). Without a base count there is no
    percentage, and the sentence says so."""
    tr = translator(language)
    base_text = period_in_words(base, language)
    if base_name:
        base_text = tr("{name} ({period})").format(name=base_name, period=base_text)
    change = percent_change(before, after)
    if change is None:
        return tr("{after} against 0 in {base}: no percentage without a base").format(after=after, base=base_text)
    return tr("{change} % against {base}: {after} against {before}").format(
        change=number(change, language, sign=True), base=base_text, after=after, before=before)
