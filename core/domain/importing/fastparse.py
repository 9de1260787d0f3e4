"""Whole columns of text read as times and numbers at once, for the shapes
files hold most (``2026-03-05 21:30[:ss]``, ``620000,5``); every other text
is left to ``values.parse_time`` and ``values.parse_number``, which stay
the rule: what is read here is exactly what they read."""

from __future__ import annotations

import contextlib
import gc
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np

NO_TIME = np.iinfo(np.int64).min  # bulk.NO_TIME: no time, among UTC epoch milliseconds
_DIGITS = (0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15)
_BATCH = 200_000  # texts read at a time: the arrays of characters stay small
_NAIVE_EPOCH = datetime(1970, 1, 1)


@contextlib.contextmanager
def collection_paused():
    """Python's cycle collector held off while millions of cells and rows
    are made, none of which forms a cycle: it would walk all that is held
    again and again (half the time of reading a million rows)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _number_or_nan(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return np.nan


def plain_numbers(texts: list) -> tuple[np.ndarray, np.ndarray]:
    """(numbers, read): the texts that Python's ``float`` reads once a
    decimal comma is a point, as ``parse_number`` reads them (digits, one
    decimal mark, an exponent; no spaces, no ``_``, finite); NaN elsewhere."""
    texts = [t.replace(",", ".") for t in texts]
    try:
        numbers = np.fromiter(map(float, texts), dtype=np.float64, count=len(texts))
    except ValueError:  # an empty or odd cell: read value by value
        numbers = np.fromiter(map(_number_or_nan, texts), dtype=np.float64, count=len(texts))
    read = np.isfinite(numbers)
    if "_" in "".join(texts):  # float reads 1_000, parse_number does not
        read &= np.fromiter(("_" not in t for t in texts), dtype=bool, count=len(texts))
    return numbers, read


def _days_from_civil(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of proleptic Gregorian dates (H. Hinnant's algorithm)."""
    year = year - (month <= 2)
    era = np.floor_divide(year, 400)
    year_of_era = year - era * 400
    day_of_year = (153 * (month + np.where(month > 2, -3, 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def _offsets(hours: np.ndarray, tz: ZoneInfo) -> np.ndarray:
    """Seconds east of UTC of each local hour (naive epoch hours) as
    ``timeutil.to_utc`` reads a naive time (fold 0); NaN for an hour in
    which the offset changes (left to ``parse_time``)."""
    result = np.empty(len(hours), dtype=np.float64)
    for i, hour in enumerate(hours.tolist()):
        start = _NAIVE_EPOCH + timedelta(hours=hour)
        first = start.replace(tzinfo=tz).utcoffset()
        middle = (start + timedelta(minutes=30)).replace(tzinfo=tz).utcoffset()
        last = (start + timedelta(seconds=3599)).replace(tzinfo=tz).utcoffset()
        result[i] = first.total_seconds() if first == middle == last else np.nan
    return result


def iso_local_times(texts: list, tz: ZoneInfo) -> tuple[np.ndarray, np.ndarray]:
    """(UTC epoch milliseconds, read): the texts of the form
    ``YYYY-MM-DD HH:MM`` or ``YYYY-MM-DD HH:MM:SS`` (or with a ``T``), the
    store's local time, as ``parse_time`` reads them; ``NO_TIME`` elsewhere."""
    if len(texts) <= _BATCH:
        return _iso_local_times(texts, tz)
    parts = [_iso_local_times(texts[start:start + _BATCH], tz) for start in range(0, len(texts), _BATCH)]
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def _iso_local_times(texts: list, tz: ZoneInfo) -> tuple[np.ndarray, np.ndarray]:
    count = len(texts)
    millis = np.full(count, NO_TIME, dtype=np.int64)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=count)
    candidates = np.nonzero((lengths == 16) | (lengths == 19))[0]
    if not len(candidates):
        return millis, np.zeros(count, dtype=bool)
    chars = np.array([texts[i] for i in candidates.tolist()], dtype="U19").view(np.uint32).reshape(-1, 19)
    digits = chars - np.uint32(48)  # a character that is no digit wraps round to a large number
    long = lengths[candidates] == 19
    shape = np.all(digits[:, _DIGITS] <= 9, axis=1)
    shape &= (chars[:, 4] == 45) & (chars[:, 7] == 45) & ((chars[:, 10] == 32) | (chars[:, 10] == 84))
    shape &= chars[:, 13] == 58
    shape &= ~long | ((chars[:, 16] == 58) & (digits[:, 17] <= 9) & (digits[:, 18] <= 9))
    del chars

    def number(*positions):
        value = np.zeros(len(digits), dtype=np.int64)
        for p in positions:
            value = value * 10 + digits[:, p]
        return value

    year, month, day = number(0, 1, 2, 3), number(5, 6), number(8, 9)
    hour, minute = number(11, 12), number(14, 15)
    second = np.where(long, number(17, 18), 0)
    offsets = np.full(len(digits), np.nan)
    shape &= (year >= 1900) & (year <= 2200) & (month >= 1) & (month <= 12) & (day >= 1)
    shape &= (hour <= 23) & (minute <= 59) & (second <= 59)
    month_ok = np.clip(month, 1, 12)
    days = _days_from_civil(year, month_ok, np.ones_like(day))
    next_month = _days_from_civil(year + (month_ok == 12), np.where(month_ok == 12, 1, month_ok + 1),
                                  np.ones_like(day))
    shape &= day <= next_month - days
    local = (days + day - 1) * 86400 + hour * 3600 + minute * 60 + second
    local_hours = local // 3600
    unique, inverse = np.unique(local_hours[shape], return_inverse=True)
    offsets[shape] = _offsets(unique, tz)[inverse]
    shape &= np.isfinite(offsets)
    read = np.zeros(count, dtype=bool)
    read[candidates[shape]] = True
    millis[candidates[shape]] = (local[shape] - offsets[shape].astype(np.int64)) * 1000
    return millis, read
