"""The police's open events (polisen.se's ``api/events``), saved as JSON.

Its quirks, each handled here: the hour of ``datetime`` is not zero-padded
(``2026-03-21 6:54:58 +01:00``) and the offset follows daylight saving;
``datetime`` is when the police published, while the event's own time is
in ``name`` (``21 mars 06.30, Skadegörelse, Kungsör``, without a year);
``gps`` is ``"lat,lng"`` in WGS 84, latitude first, and places the centre of
a municipality or county, never the place itself; summaries
(``Sammanfattning natt`` …) bundle several events and are skipped. Event
types become categories through the shipped, editable value mapping
``resources/import/police_events.json``."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

from ...resources import RESOURCES
from ..timeutil import to_utc, zone
from .readers import SourceData, SourceRow

POLICE_SOURCE = "polisen"
POLICE_MAPPING = RESOURCES / "import" / "police_events.json"
POLICE_TIME_ZONE = "Europe/Stockholm"
WGS84 = "EPSG:4326"
_KEYS = {"id", "datetime", "name", "type", "location"}
_PUBLISHED = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-])(\d{1,2}):?(\d{2})$")
_EVENT = re.compile(r"^\s*(\d{1,2})\s+([a-zåäö]+)\s+(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})", re.IGNORECASE)
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")


def looks_like_feed(data) -> bool:
    """A JSON list whose entries all have the feed's keys and a location with gps."""
    return (isinstance(data, list) and bool(data) and all(
        isinstance(e, dict) and _KEYS <= set(e) and isinstance(e["location"], dict) and "gps" in e["location"]
        for e in data))


def is_summary(event: dict) -> bool:
    return str(event.get("type", "")).strip().casefold().startswith("sammanfattning")


def published_time(text: str) -> datetime | None:
    """``2026-03-21 6:54:58 +01:00`` as an aware UTC time, or None."""
    match = _PUBLISHED.match(" ".join(str(text).split()))
    if not match:
        return None
    year, month, day, hour, minute, second, sign, off_h, off_m = match.groups()
    offset = timedelta(hours=int(off_h), minutes=int(off_m)) * (-1 if sign == "-" else 1)
    try:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0),
                          tzinfo=timezone(offset))
    except ValueError:
        return None
    return to_utc(moment)


def event_time(name: str, published: datetime) -> datetime | None:
    """The event's time from its name (``21 mars 06.30, …``), Swedish local
    time, the year taken from the publication: an event of 31 December
    published on 1 January belongs to the year before."""
    match = _EVENT.match(str(name))
    if not match:
        return None
    day, month_name, hour, minute = match.groups()
    if month_name.casefold() not in MONTHS:
        return None
    tz = zone(POLICE_TIME_ZONE)
    year = published.astimezone(tz).year
    for candidate_year in (year, year - 1):
        try:
            local = datetime(candidate_year, MONTHS.index(month_name.casefold()) + 1, int(day), int(hour), int(minute))
        except ValueError:
            return None
        moment = to_utc(local, tz)
        if moment <= published + timedelta(days=1):  # an event is never published long before it happens
            return moment
    return None


def gps_point(text) -> tuple[float, float] | None:
    """``"59.4,16.1"`` (latitude first) as (longitude, latitude)."""
    try:
        lat, lng = (float(part) for part in str(text).split(","))
    except ValueError:
        return None
    return lng, lat


def precision_of(location_name: str) -> str:
    return "county" if str(location_name).strip().casefold().endswith(" län") else "municipality"


def police_mapping():
    from .mapping import mapping_from_dict

    return mapping_from_dict(json.loads(POLICE_MAPPING.read_text(encoding="utf-8")))


def read_feed(events: list, name: str) -> SourceData:
    """The feed's events as rows (each numbered by its place in the list),
    with the field names of the store; summaries are counted, not returned."""
    rows, summaries = [], 0
    columns = ["source_id", "category", "occurred_from", "reported_at", "place_name", "description",
               "location_precision"]
    for number, event in enumerate(events, start=1):
        if is_summary(event):
            summaries += 1
            continue
        location = event.get("location") or {}
        published = published_time(event.get("datetime", ""))
        happened = event_time(event.get("name", ""), published) if published else None
        values = {
            "source_id": str(event.get("id", "")).strip() or None,
            "category": str(event.get("type", "")).strip(),
            "occurred_from": happened or published or event.get("datetime"),
            "reported_at": max(published, happened) if happened and published else published,
            "place_name": str(location.get("name", "")).strip() or None,
            "description": str(event.get("summary", "")).strip() or None,
            "location_precision": precision_of(location.get("name", "")),
        }
        point = gps_point(location.get("gps"))
        rows.append(SourceRow(number, values, point, None if point else "no_gps"))
    return SourceData(name, columns, rows, crs=WGS84, kind="police", summaries_skipped=summaries,
                      mapping=police_mapping())
