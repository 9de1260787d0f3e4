"""The words and the page of a Knox test (``knox.KnoxResult``).

The near-repeat window is the largest block of bands next to the incident,
distance bands (0, e_1) … [e_{k−1}, e_k) by time bands [0, t_1) …
[t_{m−1}, t_m), in which every band has a Knox ratio above 1 at p < 0.05;
of equally large blocks the one with the higher ratio. Its risk is the
block's observed pairs over its expected pairs. The same location (repeat
victimisation) is named on its own, with the longest run of time bands from
0 that pass. Time bands are whole local days, so [0, 14) reads "14 days":
the same day up to 13 days later.
"""

from __future__ import annotations

import html
import math
from typing import NamedTuple

import numpy as np

from ...i18n import tr
from .knox import KnoxResult
from .timepattern import p_text

ALPHA = 0.05


class Window(NamedTuple):
    distance_bands: int  # k: the bands (0, e_1) … [e_{k−1}, e_k)
    time_bands: int  # m: the bands [0, t_1) … [t_{m−1}, t_m)
    distance: float  # e_k
    days: float  # t_m
    ratio: float  # observed / expected over the block


def significant(result: KnoxResult, alpha: float = ALPHA) -> np.ndarray:
    """Which bands have a Knox ratio above 1 at p < alpha."""
    with np.errstate(invalid="ignore"):
        return (result.p < alpha) & (np.nan_to_num(result.ratio, nan=0.0) > 1.0)


def near_repeat_window(result: KnoxResult, alpha: float = ALPHA) -> Window | None:
    """The near-repeat window (see the module), or None when no band next to the incident passes."""
    passing = significant(result, alpha)
    distance_bands = result.distance_edges.size - 1
    time_bands = result.time_edges.size - 1
    best = None
    for k in range(1, distance_bands + 1):
        for m in range(1, time_bands + 1):
            if not passing[1:k + 1, :m].all():
                continue
            ratio = float(result.observed[1:k + 1, :m].sum() / result.expected[1:k + 1, :m].sum())
            if best is None or (k * m, ratio) > (best.distance_bands * best.time_bands, best.ratio):
                best = Window(k, m, float(result.distance_edges[k]), float(result.time_edges[m]), ratio)
    return best


def same_location_window(result: KnoxResult, alpha: float = ALPHA) -> Window | None:
    """The longest run of time bands from 0 in which repeats at the same location pass, or None."""
    passing = significant(result, alpha)[0, :result.time_edges.size - 1]
    m = int(np.argmin(passing)) if not passing.all() else passing.size
    if m == 0:
        return None
    ratio = float(result.observed[0, :m].sum() / result.expected[0, :m].sum())
    return Window(0, m, 0.0, float(result.time_edges[m]), ratio)


def _number(value: float, language: str, decimals: int = 1) -> str:
    text = f"{value:.{decimals}f}" if not float(value).is_integer() or decimals == 0 else f"{value:.0f}"
    return text.replace(".", ",") if language == "sv" else text


def _days(days: float, language: str) -> str:
    if days == 1:
        return tr("1 day")
    return tr("{days} days").format(days=_number(days, language))


def summary(result: KnoxResult, language: str, subject: str = "") -> str:
    """One or two sentences naming the near-repeat window in words: "Within
    200 m and 14 days of an incident of burglary, the risk of another is 1.8
    times the expected." (``subject``: the incidents' one kind, if they share one)."""
    window = near_repeat_window(result)
    if window is None:
        text = tr("No near-repeat pattern: no band near in space and time has significantly more pairs "
                  "of incidents than expected (p < 0.05).")
        if subject:
            text = f"{subject}: {text}"
    else:
        values = {"distance": _number(window.distance, language), "days": _days(window.days, language),
                  "ratio": _number(round(window.ratio, 1), language), "subject": subject.lower()}
        if subject:
            text = tr("Within {distance} m and {days} of an incident of {subject}, the risk of another is "
                      "{ratio} times the expected.").format(**values)
        else:
            text = tr("Within {distance} m and {days} of an incident, the risk of another is {ratio} times "
                      "the expected.").format(**values)
    same = same_location_window(result)
    if same is not None:
        text += " " + tr("At the same place, within {days}, it is {ratio} times the expected.").format(
            days=_days(same.days, language), ratio=_number(round(same.ratio, 1), language))
    return text


def distance_label(result: KnoxResult, row: int, language: str) -> str:
    low, high = result.distance_band(row)
    if row == 0:
        return tr("Same location")
    if high is None:
        return tr("{low} m or more").format(low=_number(low, language))
    return f"{_number(low, language)}–{_number(high, language)} m"


def days_label(result: KnoxResult, column: int, language: str) -> str:
    """Whole days: [0, 7) is "0–6 days", [28, ∞) "28 days or more"."""
    low, high = result.time_band(column)
    first = math.ceil(low)
    if high is None:
        return tr("{first} days or more").format(first=first)
    last = math.ceil(high) - 1
    if last < first:
        return "–"
    if last == first:
        return tr("{first} days").format(first=first)
    return tr("{first}–{last} days").format(first=first, last=last)


_STYLE = (
    "body{font-family:sans-serif;margin:1em;color:#222}h1{font-size:1.3em}"
    ".summary{font-size:1.1em;font-weight:bold}table{border-collapse:collapse;font-size:0.85em}"
    "th,td{border:1px solid #ddd;padding:4px 6px;text-align:right}th.band{text-align:left}"
    "td small{color:inherit;opacity:0.8}.p01{background:#b2182b;color:#fff}.p05{background:#f4a582}"
    ".note{color:#666;font-size:0.9em}"
)


def knox_html(result: KnoxResult, language: str, title: str, sentence: str) -> str:
    """A self-contained page: the Knox ratios by distance (down) and time (across),
    dark red at p < 0.01 and light red at p < 0.05 where the ratio is above 1,
    each band with its observed and expected pairs and its p-value."""
    head = "".join(f"<th>{html.escape(days_label(result, c, language))}</th>"
                   for c in range(result.observed.shape[1]))
    rows = []
    for r in range(result.observed.shape[0]):
        cells = []
        for c in range(result.observed.shape[1]):
            ratio, p = result.ratio[r, c], result.p[r, c]
            above = not np.isnan(ratio) and ratio > 1
            kind = "p01" if above and p < 0.01 else "p05" if above and p < ALPHA else ""
            ratio_text = "–" if np.isnan(ratio) else _number(round(float(ratio), 2), language, 2)
            detail = tr("{observed} of {expected} expected, {p}").format(
                observed=int(result.observed[r, c]), expected=_number(round(float(result.expected[r, c]), 1),
                                                                      language), p=p_text(float(p), language))
            cells.append(f"<td class='{kind}'><b>{ratio_text}</b><br><small>{html.escape(detail)}</small></td>")
        label = html.escape(distance_label(result, r, language))
        rows.append(f"<tr><th class='band'>{label}</th>{''.join(cells)}</tr>")
    note = tr("Knox ratio (observed pairs / expected pairs) of {n} incidents ({pairs} pairs), {metric} distance, "
              "{permutations} permutations of the times among the places. Dark red: p < 0.01, light red: "
              "p < 0.05. A distance band includes its lower edge and excludes its upper one; the band from 0 "
              "excludes the same location. Days are whole calendar days apart.").format(
        n=result.incidents, pairs=result.pairs, metric=result.metric, permutations=result.permutations)
    title = html.escape(title)
    return (
        f"<!DOCTYPE html>\n<html lang='{html.escape(language)}'><head><meta charset='utf-8'>"
        f"<title>{title}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{title}</h1><p class='summary'>{html.escape(sentence)}</p>"
        f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<p class='note'>{html.escape(note)}</p></body></html>\n"
    )
