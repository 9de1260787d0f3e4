"""Times: stored in UTC, read in the store's time zone.

A weekday, an hour or a period's day is always the local one of the store's
zone (Europe/Stockholm by default), across daylight-saving changes. Stored
times are ISO 8601 UTC text, ``YYYY-MM-DDTHH:MM:SS.sssZ``, the GeoPackage
DATETIME form. Local conversion of many instants is vectorised: the zone's
transitions within the data's range are found once with ``zoneinfo`` and each
instant takes the offset of the last transition before it. Periods of
whole local days, and today in the store's zone, are in ``core/domain/periods.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

# Periods and their arithmetic live in core/domain/periods.py; imported here so that
# ``from .timeutil import Period`` keeps working.
from .periods import Period, local_midnight, shift_years  # noqa: F401

UTC = timezone.utc
DEFAULT_TIME_ZONE = "Europe/Stockholm"
_EPOCH_DAY0 = date(1970, 1, 1)


def zone(name: str) -> ZoneInfo:
    """The IANA time zone ``name``; ValueError with a clear message if unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone: {name!r}") from error


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_utc(moment: datetime, tz: ZoneInfo | None = None) -> datetime:
    """An aware UTC datetime. A naive ``moment`` is read as local time in ``tz``
    (as UTC when ``tz`` is None)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz or UTC)
    return moment.astimezone(UTC)


def format_utc(moment: datetime) -> str:
    """The stored form: ``YYYY-MM-DDTHH:MM:SS.sssZ``."""
    moment = to_utc(moment)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_utc(text: str | None) -> datetime | None:
    """Read a stored time. Text without a zone is UTC (the GeoPackage rule);
    an explicit offset is honoured."""
    if text is None or text == "":
        return None
    value = text.strip().replace(" ", "T")
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def sql_bound(moment: datetime) -> str:
    """A bound for comparing stored time text in SQL: whole UTC seconds without
    fraction or zone suffix. A stored value of the same second compares as not
    smaller however it is suffixed ('.000Z', 'Z', none), so ``>= lower`` and
    ``< upper`` are exact for every form GeoPackage writers use."""
    moment = to_utc(moment)
    if moment.microsecond:
        raise ValueError("SQL bounds are whole seconds")
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def local_date(moment: datetime, tz: ZoneInfo) -> date:
    return to_utc(moment).astimezone(tz).date()


def _offset_seconds(epoch: int, tz: ZoneInfo) -> int:
    moment = datetime.fromtimestamp(int(epoch), UTC).astimezone(tz)
    return int(moment.utcoffset().total_seconds())


def _transitions(start: int, stop: int, tz: ZoneInfo) -> tuple[np.ndarray, np.ndarray]:
    """The instants (epoch seconds) in [start, stop] at which ``tz``'s UTC offset
    changes, with the offset from each on; the first entry is ``start``.

    Zones change their offset at most a few times a year, never twice within
    six hours, so a six-hourly scan finds every change and a bisection pins it
    to the second."""
    step = 6 * 3600
    probes = np.arange(start, stop + step, step, dtype=np.int64)
    offsets = np.fromiter((_offset_seconds(p, tz) for p in probes), dtype=np.int64, count=len(probes))
    starts = [int(start)]
    values = [int(offsets[0])]
    for i in np.nonzero(np.diff(offsets))[0]:
        low, high = int(probes[i]), int(probes[i + 1])  # offset differs between them
        while high - low > 1:
            middle = (low + high) // 2
            if _offset_seconds(middle, tz) == offsets[i]:
                low = middle
            else:
                high = middle
        starts.append(high)
        values.append(int(offsets[i + 1]))
    return np.asarray(starts, dtype=np.int64), np.asarray(values, dtype=np.int64)


def utc_offsets(epochs: np.ndarray, tz: ZoneInfo) -> np.ndarray:
    """UTC offset in seconds of ``tz`` at each UTC epoch second (vectorised)."""
    epochs = np.asarray(epochs, dtype=np.int64)
    if epochs.size == 0:
        return np.zeros(0, dtype=np.int64)
    starts, values = _transitions(int(epochs.min()), int(epochs.max()), tz)
    return values[np.searchsorted(starts, epochs, side="right") - 1]


@dataclass(frozen=True)
class LocalParts:
    """Local calendar parts of many instants, as arrays."""

    day: np.ndarray  # local date as days since 1970-01-01
    hour: np.ndarray  # 0..23
    weekday: np.ndarray  # 0 = Monday .. 6 = Sunday
    month: np.ndarray  # 1..12
    year: np.ndarray

    def dates(self) -> np.ndarray:
        return np.datetime64("1970-01-01", "D") + self.day.astype("timedelta64[D]")


def local_parts(epochs: np.ndarray, tz: ZoneInfo) -> LocalParts:
    """Local day, hour, weekday, month and year of UTC epoch seconds in ``tz``."""
    epochs = np.asarray(epochs, dtype=np.int64)
    local = epochs + utc_offsets(epochs, tz)
    day = np.floor_divide(local, 86400)
    hour = np.floor_divide(local - day * 86400, 3600)
    weekday = (day + 3) % 7  # 1970-01-01 was a Thursday
    months = day.astype("datetime64[D]").astype("datetime64[M]")
    years = months.astype("datetime64[Y]")
    month = (months - years).astype(np.int64) + 1
    year = years.astype(np.int64) + 1970
    return LocalParts(day=day, hour=hour, weekday=weekday, month=month, year=year)


def epoch_day(day: date) -> int:
    return (day - _EPOCH_DAY0).days


def day_from_epoch_day(value: int) -> date:
    return _EPOCH_DAY0 + timedelta(days=int(value))
