"""Solvik's incidents: ``generate()`` draws two years of them, with the planted
patterns, from ``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import numpy as np

from ..codelist import CATEGORIES
from .municipality import (
    DESCRIPTIONS,
    DISTRICT_RINGS,
    FOCUS_AREA_RINGS,
    LANDMARKS,
    LIGHTING_RING,
    PLACE_NAMES,
    TOWN_EXTENT,
    DemoArea,
    DemoMeasure,
    action_plan,
    demo_areas,
    points_in_ring,
)
from .near_repeat import plant_near_repeats
from .rates import (
    BACKGROUND_CENTRES,
    BACKGROUND_UNIFORM_SHARE,
    CATEGORY_SHARES,
    COST_MODEL,
    FIREWORKS_NEW_YEAR_SHARE,
    HOTSPOT_SHARES,
    HOTSPOT_SIGMA_M,
    HOURLY_PROFILE_OF,
    LIGHTING_REDUCTION,
    ORGANISATIONS,
    OVERNIGHT_SHARE,
    POLICE_REPORTED_SHARE,
    REPORTING_ORG_SHARES,
    SEASON_OF,
    SEASONAL_PROFILES,
    SUBCATEGORY_SHARES,
    WEEKEND_NIGHT_HOURS,
    WEEKEND_NIGHT_SHARE,
    WEEKEND_NIGHT_SUBCATEGORIES,
    WEEKEND_NIGHT_WEEKDAYS,
    YEAR_ON_YEAR_FACTOR,
)

MIN_SIZE, MAX_SIZE = 1_000, 1_000_000
DAY = 86_400
HOUR = 3_600


@dataclass(frozen=True)
class DemoData:
    areas: list[DemoArea]
    measures: list[DemoMeasure]
    incidents: dict[str, np.ndarray]
    landmarks: dict[str, tuple[float, float]]
    lighting_measure: DemoMeasure


def local_naive_to_utc(local_seconds: np.ndarray, time_zone: str) -> np.ndarray:
    """UTC epoch seconds of local wall-clock times given as naive epoch seconds.

    The offset is looked up per quarter hour in a table built with zoneinfo, so
    the result equals ``datetime(..., tzinfo=ZoneInfo(time_zone)).timestamp()``
    (fold=0: an ambiguous autumn time is read as the first one, a nonexistent
    spring time as one hour later).
    """
    local_seconds = np.asarray(local_seconds, dtype=np.int64)
    zone = ZoneInfo(time_zone)
    epoch = dt.datetime(1970, 1, 1)
    first_day = int(local_seconds.min() // DAY) - 1
    n_days = int(local_seconds.max() // DAY) - first_day + 2

    def offset(seconds: int) -> int:
        wall = (epoch + dt.timedelta(seconds=seconds)).replace(tzinfo=zone)
        return int(wall.utcoffset().total_seconds())

    midnight_offsets = [offset((first_day + d) * DAY) for d in range(n_days + 1)]
    quarters = 96
    table = np.repeat(np.array(midnight_offsets[:-1], dtype=np.int64), quarters)
    for d in range(n_days):
        if midnight_offsets[d] != midnight_offsets[d + 1]:  # a change during day d
            start = (first_day + d) * DAY
            table[d * quarters : (d + 1) * quarters] = [offset(start + q * 900) for q in range(quarters)]
    return local_seconds - table[(local_seconds - first_day * DAY) // 900]


def _background_points(rng, n: int) -> tuple[np.ndarray, np.ndarray]:
    xmin, ymin, xmax, ymax = TOWN_EXTENT
    weights = np.array([c[3] for c in BACKGROUND_CENTRES] + [BACKGROUND_UNIFORM_SHARE])
    centre = rng.choice(len(weights), size=n, p=weights / weights.sum())
    table = np.array([c[:3] for c in BACKGROUND_CENTRES] + [(0.0, 0.0, 0.0)])
    x = table[centre, 0] + rng.normal(0.0, 1.0, n) * table[centre, 2]
    y = table[centre, 1] + rng.normal(0.0, 1.0, n) * table[centre, 2]
    # Uniform points for the uniform share and for Gaussian tails beyond the town.
    outside = (centre == len(BACKGROUND_CENTRES)) | (x <= xmin) | (x >= xmax) | (y <= ymin) | (y >= ymax)
    x[outside] = rng.uniform(xmin + 1, xmax - 1, outside.sum())
    y[outside] = rng.uniform(ymin + 1, ymax - 1, outside.sum())
    return x, y


def _locations(rng, n: int, category: str) -> tuple[np.ndarray, np.ndarray]:
    hotspots = HOTSPOT_SHARES.get(category, {})
    shares = list(hotspots.values())
    component = rng.choice(len(shares) + 1, size=n, p=[*shares, 1.0 - sum(shares)])
    x, y = _background_points(rng, n)
    for index, landmark in enumerate(hotspots):
        chosen = component == index
        cx, cy = LANDMARKS[landmark]
        x[chosen] = cx + rng.normal(0.0, HOTSPOT_SIGMA_M, chosen.sum())
        y[chosen] = cy + rng.normal(0.0, HOTSPOT_SIGMA_M, chosen.sum())
    return x, y


def _month_and_day(days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Calendar month (1-12) and day of month of datetime64[D] days."""
    months = days.astype("datetime64[M]")
    day_of_month = (days - months.astype("datetime64[D]")).astype(np.int64) + 1
    return months.astype(np.int64) % 12 + 1, day_of_month


def _day_weights(days: np.ndarray, today: dt.date, code: str, category: str) -> np.ndarray:
    """Relative weight of each day for one (sub)category: season x trend."""
    season = SEASON_OF.get(code, SEASON_OF.get(category, "even"))
    month, _ = _month_and_day(days)
    years = days.astype("datetime64[Y]").astype(np.int64) + 1970
    weights = np.array(SEASONAL_PROFILES[season])[month - 1]
    return weights * np.where(years == today.year, YEAR_ON_YEAR_FACTOR, 1.0)


def _special_nights(days: np.ndarray, weights: np.ndarray, code: str):
    """(share, day weights, first hour, end hour) of a planted night pattern, or None."""
    if code in WEEKEND_NIGHT_SUBCATEGORIES:
        weekday = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday
        fri_sat = np.isin(weekday, WEEKEND_NIGHT_WEEKDAYS)
        return WEEKEND_NIGHT_SHARE, weights * fri_sat, *WEEKEND_NIGHT_HOURS
    if code == "disorder_fireworks":
        month, day_of_month = _month_and_day(days)
        new_years_eve = (month == 12) & (day_of_month == 31)
        return FIREWORKS_NEW_YEAR_SHARE, new_years_eve.astype(float), 18, 27
    return None


def _local_occurrence(rng, n: int, days: np.ndarray, today: dt.date, code: str, category: str):
    """Local naive epoch seconds of the start of each incident of one (sub)category."""
    weights = _day_weights(days, today, code, category)
    if code == "disorder_fireworks":  # outside New Year's night: still only around it
        month, day_of_month = _month_and_day(days)
        weights = weights * (((month == 12) & (day_of_month >= 15)) | ((month == 1) & (day_of_month <= 15)))
    day = rng.choice(len(days), size=n, p=weights / weights.sum())
    profile = np.array(HOURLY_PROFILE_OF[category], dtype=float)
    seconds = rng.choice(24, size=n, p=profile / profile.sum()) * HOUR + rng.integers(0, HOUR, n)
    special_nights = _special_nights(days, weights, code)
    if special_nights is not None:
        share, night_weights, first_hour, end_hour = special_nights
        chosen = rng.random(n) < share
        day[chosen] = rng.choice(len(days), size=chosen.sum(), p=night_weights / night_weights.sum())
        seconds[chosen] = rng.integers(first_hour * HOUR, end_hour * HOUR, chosen.sum())
    return days[day].astype(np.int64) * DAY + seconds


def _interval_and_report(rng, n: int, start: np.ndarray, category: str):
    """Local naive (occurred_from, occurred_to, reported_at) for one (sub)category."""
    draw = rng.random(n)
    overnight_share = OVERNIGHT_SHARE.get(category, 0.0)
    overnight = draw < overnight_share
    short = ~overnight & (draw < overnight_share + 0.3)  # seen within a few hours
    occurred_from = start.copy()
    occurred_to = start.copy()
    occurred_to[short] += rng.integers(15 * 60, 3 * HOUR, short.sum())
    evening = start[overnight] // DAY * DAY
    occurred_from[overnight] = evening + rng.integers(20 * HOUR, 23 * HOUR + 1800, overnight.sum())
    occurred_to[overnight] = evening + DAY + rng.integers(5 * HOUR, 7 * HOUR + 1800, overnight.sum())
    # Most reports follow within the hour; some the next day; a few days later.
    speed = rng.random(n)
    delay = np.where(
        speed < 0.6,
        rng.exponential(HOUR, n),
        np.where(speed < 0.9, rng.uniform(3 * HOUR, DAY, n), rng.uniform(DAY, 5 * DAY, n)),
    )
    delay[overnight] = rng.uniform(HOUR / 2, 4 * HOUR, overnight.sum())
    return occurred_from, occurred_to, occurred_to + delay.astype(np.int64)


def _pick(rng, options, n: int) -> np.ndarray:
    return np.array(options, dtype=object)[rng.integers(0, len(options), n)]


def _stream(rng, n: int, category: str, code: str, days: np.ndarray, today: dt.date) -> dict:
    """All columns but place names and status for n incidents of one (sub)category."""
    start = _local_occurrence(rng, n, days, today, code, category)
    occurred_from, occurred_to, reported_at = _interval_and_report(rng, n, start, category)
    x, y = _locations(rng, n, category)
    org_shares = REPORTING_ORG_SHARES.get(code, REPORTING_ORG_SHARES[category])
    org = rng.choice(len(ORGANISATIONS), size=n, p=org_shares)
    police_share = POLICE_REPORTED_SHARE[category]
    police_reported = (rng.random(n) < police_share) | (org == ORGANISATIONS.index("police"))
    cost = np.full(n, np.nan)
    known_share, median = COST_MODEL.get(code, COST_MODEL.get(category, (0.0, 1.0)))
    known = rng.random(n) < known_share
    cost[known] = np.round(median * rng.lognormal(0.0, 0.8, known.sum()), -2)
    return {
        "x": x,
        "y": y,
        "category": np.full(n, category, dtype=object),
        "subcategory": np.full(n, code if code != category else "", dtype=object),
        "occurred_from": occurred_from,
        "occurred_to": occurred_to,
        "reported_at": reported_at,
        "reporting_org": np.array(ORGANISATIONS, dtype=object)[org],
        "police_reported": police_reported,
        "estimated_cost_sek": cost,
        "description": _pick(rng, DESCRIPTIONS[code], n),
    }


def _category_streams(rng, size: int):
    """(category, code, count) per (sub)category; the counts sum to exactly size."""
    shares = np.array([CATEGORY_SHARES[c.code] for c in CATEGORIES])
    for category, count in zip(CATEGORIES, rng.multinomial(size, shares / shares.sum())):
        if not category.subcategories:
            yield category.code, category.code, int(count)
            continue
        sub_shares = np.array(SUBCATEGORY_SHARES[category.code])
        for sub, sub_count in zip(category.subcategories, rng.multinomial(count, sub_shares / sub_shares.sum())):
            yield category.code, sub.code, int(sub_count)


def _place_names(rng, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """A street or place name of the district, or mostly of the focus area around it."""
    names = np.full(len(x), "", dtype=object)
    for district, ring in DISTRICT_RINGS.items():
        inside = points_in_ring(x, y, ring) & (names == "")
        names[inside] = _pick(rng, PLACE_NAMES[district], inside.sum())
    for area, ring in FOCUS_AREA_RINGS.items():
        inside = points_in_ring(x, y, ring) & (rng.random(len(x)) < 0.8)
        names[inside] = _pick(rng, PLACE_NAMES[area], inside.sum())
    return names


def _status(rng, reported_at: np.ndarray, today_utc: int) -> np.ndarray:
    """Old incidents are mostly closed, the last two weeks' mostly new or in progress."""
    age_days = (today_utc - reported_at) / DAY
    share_new = np.select([age_days < 14, age_days < 90], [0.6, 0.1], 0.01)
    share_in_progress = np.select([age_days < 14, age_days < 90], [0.35, 0.4], 0.04)
    draw = rng.random(len(reported_at))
    codes = np.array(["new", "in_progress", "closed"], dtype=object)
    return codes[(draw >= share_new).astype(int) + (draw >= share_new + share_in_progress)]


def _displace_after_lighting(rng, x, y, occurred_from_local, lighting_start_local: int) -> None:
    """Move LIGHTING_REDUCTION of the lit area's later incidents elsewhere in town."""
    inside = points_in_ring(x, y, LIGHTING_RING) & (occurred_from_local >= lighting_start_local)
    moved = np.flatnonzero(inside & (rng.random(len(x)) < LIGHTING_REDUCTION))
    while moved.size:
        x[moved], y[moved] = _background_points(rng, moved.size)
        moved = moved[points_in_ring(x[moved], y[moved], LIGHTING_RING)]


def _two_years_before(today: dt.date) -> dt.date:
    try:
        return today.replace(year=today.year - 2)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 2, day=28)


def _epoch_day(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days


def generate(size: int, seed: int, today: dt.date, time_zone: str = "Europe/Stockholm") -> DemoData:
    """Solvik's areas, measures and ``size`` incidents over the two years before ``today``."""
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise ValueError(f"size must be between {MIN_SIZE} and {MAX_SIZE}, not {size}")
    rng = np.random.default_rng(seed)
    days = np.arange(np.datetime64(_two_years_before(today)), np.datetime64(today))
    streams = [
        _stream(rng, count, category, code, days, today) for category, code, count in _category_streams(rng, size)
    ]
    columns = {key: np.concatenate([s[key] for s in streams]) for key in streams[0]}

    # Night-time intervals drawn on the last day could end today: move them back
    # a whole week, which keeps their weekday and hour.
    end_local = _epoch_day(today) * DAY
    too_late = columns["occurred_to"] > end_local - 60
    for key in ("occurred_from", "occurred_to"):
        columns[key][too_late] -= 7 * DAY
    columns["reported_at"] = np.minimum(columns["reported_at"], end_local - 1)

    measures, lighting = action_plan(today)
    _displace_after_lighting(
        rng, columns["x"], columns["y"], columns["occurred_from"], _epoch_day(lighting.start_date) * DAY
    )
    for key in ("occurred_from", "occurred_to", "reported_at"):
        columns[key] = local_naive_to_utc(columns[key], time_zone)
    # A time in the spring-forward gap reads one hour later: keep the order.
    columns["occurred_to"] = np.maximum(columns["occurred_to"], columns["occurred_from"])
    columns["reported_at"] = np.maximum(columns["reported_at"], columns["occurred_to"])

    order = np.argsort(columns["occurred_from"], kind="stable")
    columns = {key: values[order] for key, values in columns.items()}
    columns["place_name"] = _place_names(rng, columns["x"], columns["y"])
    today_utc = int(local_naive_to_utc(np.array([end_local]), time_zone)[0])
    columns["status"] = _status(rng, columns["reported_at"], today_utc)
    plant_near_repeats(columns, seed, _place_names)
    return DemoData(demo_areas(), measures, columns, dict(LANDMARKS), lighting)
