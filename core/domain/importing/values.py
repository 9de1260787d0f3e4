"""Text from a file read as numbers, times and yes/no, as Swedish files
write them: decimal commas and spaces between thousands, dates as
``2026-03-05 21:30`` or ``5/3/2026 21.30`` (day before month). A time
without an offset is the store's local time."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from ..timeutil import to_utc

_SPACES = re.compile(r"[\s\u00a0\u202f']+")
_ISO = re.compile(
    r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,6}))?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$", re.IGNORECASE)
_DAY_FIRST = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$",
    re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_TRUE = {"1", "true", "ja", "j", "yes", "y", "x", "sant"}
_FALSE = {"0", "false", "nej", "n", "no", "falskt", ""}


def is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def normalised(text: str) -> str:
    """Text compared as a person would: case and runs of spaces ignored."""
    return " ".join(str(text).split()).casefold()


def parse_number(value) -> float:
    """A finite number; ValueError otherwise. ``1 234,5`` and ``1234.5`` alike."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = _SPACES.sub("", str(value))
        if "," in text and "." in text:  # the later mark is the decimal one
            text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") \
                else text.replace(",", "")
        else:
            text = text.replace(",", ".")
        if not _NUMBER.fullmatch(text):
            raise ValueError(value)
        number = float(text)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = normalised(str(value))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(value)


def _offset(text: str) -> timezone:
    if text.upper() == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_time(value, tz: ZoneInfo) -> datetime:
    """An aware UTC time; ValueError when the text is no date and time."""
    if isinstance(value, datetime):
        return to_utc(value, tz)
    if isinstance(value, date):
        return to_utc(datetime(value.year, value.month, value.day), tz)
    text = " ".join(str(value).split())
    match = _ISO.match(text)
    if match:
        year, month, day, hour, minute, second, fraction, offset = match.groups()
    else:
        match = _DAY_FIRST.match(text)
        if not match:
            raise ValueError(value)
        day, month, year, hour, minute, second = match.groups()
        fraction = offset = None
    micro = int((fraction or "0").ljust(6, "0")[:6])
    moment = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), micro)
    if offset:
        return to_utc(moment.replace(tzinfo=_offset(offset)))
    return to_utc(moment, tz)
