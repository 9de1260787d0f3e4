"""The fictional demo municipality Solvik: two years of incidents with planted patterns.

Pure NumPy, no QGIS and no store: ``generate()`` returns a ``DemoData`` that the
store saves. Everything is drawn from ``numpy.random.default_rng(seed)``, so the
same (size, seed, today) always gives identical arrays. Solvik is invented; its
8 x 6 km extent (``TOWN_EXTENT``, SWEREF 99 TM, EPSG:3006) is tiled by five
districts, and three focus areas surround the landmarks in ``LANDMARKS``.

The incidents span the two years that end yesterday (local time): every time is
before ``today`` 00:00 in ``time_zone``. Text columns are object arrays of str;
times are int64 UTC epoch seconds; descriptions hold no person data.

Planted patterns, each strong enough for the analysis to find (parameters are
the module constants named here, so tests can check them):

1. Hotspots (``HOTSPOT_SHARES``, ``HOTSPOT_SIGMA_M`` = 120 m): 18 % of vandalism
   is drawn around the school and 17 % around the station (Gaussian, sigma
   120 m, so about 96 % of it within 300 m), i.e. at least a third of all
   vandalism lies within 300 m of the two landmarks, which cover about 1.2 % of
   the town. Drugs, disorder, threats and unsafe places cluster at the square.
2. Weekend nights (``WEEKEND_NIGHT_SHARE`` = 0.65 of noise and gatherings):
   drawn on a Friday or Saturday between 20:00 and 03:00 local; with the
   background and New Year's Eve, about 65 % of disorder falls Fri 18:00 -
   Sun 04:00 local (a week-uniform share would be 20 %).
3. Seasons (``SEASONAL_PROFILES``, ``SEASON_OF``): disorder, littering, drugs,
   bicycle thefts and mopeds peak in summer (July 2.7 x January, fireworks
   aside); burglary and
   poor lighting peak in the dark half year (December 3 x June).
   ``FIREWORKS_NEW_YEAR_SHARE`` = 0.6 of fireworks fall on New Year's night
   (31 Dec 18:00 - 1 Jan 03:00), the rest 15 Dec - 15 Jan.
4. Trend (``YEAR_ON_YEAR_FACTOR`` = 0.82): every day of the current calendar
   year weighs 0.82 of the same day a year before, so this year's incidents
   from 1 January to yesterday are about 18 % fewer than on the same dates last
   year.
5. The lighting measure (``LIGHTING_START_DAYS_BEFORE_TODAY`` = 365,
   ``LIGHTING_REDUCTION`` = 0.5): from its start_date, half of the incidents
   inside its polygon (the square's focus area) are moved to ordinary
   locations elsewhere in town (so the total stays exactly ``size``); inside
   drops by about 55 % year on year (the trend included), outside not more
   than the trend.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import numpy as np

from .codelist import CATEGORIES, DEFAULT_ORGANISATIONS

TOWN_NAME = "Solvik"
TOWN_EXTENT = (616000.0, 6647000.0, 624000.0, 6653000.0)  # xmin, ymin, xmax, ymax
MIN_SIZE, MAX_SIZE = 1_000, 1_000_000
DAY = 86_400
HOUR = 3_600

LANDMARKS: dict[str, tuple[float, float]] = {
    "school": (619300.0, 6650750.0),
    "station": (620950.0, 6649500.0),
    "square": (620100.0, 6650150.0),
}
HOTSPOT_SIGMA_M = 120.0
HOTSPOT_RADIUS_M = 300.0
HOTSPOT_SHARES: dict[str, dict[str, float]] = {
    "vandalism": {"school": 0.18, "station": 0.17},
    "graffiti": {"station": 0.12, "school": 0.08},
    "disorder": {"square": 0.20, "station": 0.08},
    "drugs": {"square": 0.25, "station": 0.15},
    "unsafe_place": {"square": 0.30},
    "littering": {"square": 0.15},
    "threat_violence": {"square": 0.15, "station": 0.10},
    "theft": {"station": 0.10},
}
# Where people live and move: (x, y, sigma m, weight); the rest is uniform.
BACKGROUND_CENTRES = (
    (620100.0, 6650150.0, 600.0, 0.30),
    (617500.0, 6650200.0, 700.0, 0.15),
    (620000.0, 6652100.0, 900.0, 0.20),
    (622700.0, 6650100.0, 700.0, 0.15),
    (620500.0, 6648000.0, 800.0, 0.12),
)
BACKGROUND_UNIFORM_SHARE = 0.08

# Probability tables are kept one row per line so that they read as tables.
# fmt: off
CATEGORY_SHARES = {
    "vandalism": 0.22, "littering": 0.18, "graffiti": 0.16, "disorder": 0.10,
    "theft": 0.09, "unsafe_place": 0.07, "fire": 0.05, "drugs": 0.04,
    "traffic": 0.04, "threat_violence": 0.03, "other": 0.02,
}
SUBCATEGORY_SHARES = {  # in the order of codelist's subcategories
    "fire": (0.35, 0.50, 0.15),
    "theft": (0.35, 0.10, 0.25, 0.05, 0.25),
    "disorder": (0.45, 0.40, 0.15),
    "threat_violence": (0.35, 0.30, 0.35),
    "drugs": (0.30, 0.45, 0.25),
    "unsafe_place": (0.45, 0.25, 0.30),
    "traffic": (0.50, 0.50),
}

WEEKEND_NIGHT_SUBCATEGORIES = ("disorder_noise", "disorder_gathering")
WEEKEND_NIGHT_SHARE = 0.65
WEEKEND_NIGHT_HOURS = (20, 27)  # local, 27 = 03:00 the next morning
WEEKEND_NIGHT_WEEKDAYS = (4, 5)  # Friday, Saturday (Monday = 0)
FIREWORKS_NEW_YEAR_SHARE = 0.6

SEASONAL_PROFILES = {  # January .. December
    "even":   (0.85, 0.85, 0.9, 1.0, 1.05, 1.1, 1.1, 1.1, 1.05, 1.0, 0.95, 0.9),
    "summer": (0.6, 0.6, 0.75, 0.9, 1.2, 1.5, 1.6, 1.5, 1.1, 0.9, 0.7, 0.8),
    "dark":   (1.4, 1.3, 1.1, 0.8, 0.6, 0.5, 0.5, 0.6, 0.9, 1.2, 1.4, 1.5),
}
SEASON_OF = {  # (sub)category -> profile; "even" when absent
    "disorder": "summer", "littering": "summer", "drugs": "summer",
    "theft_bicycle": "summer", "theft_boat_engine": "summer", "traffic_moped": "summer",
    "theft_burglary": "dark", "unsafe_place_lighting": "dark",
}
YEAR_ON_YEAR_FACTOR = 0.82

_NIGHT =   (6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 8)
_DAY =     (1, 1, 1, 1, 1, 1, 2, 3, 5, 6, 7, 8, 8, 8, 8, 8, 8, 7, 6, 4, 3, 2, 1, 1)
_EVENING = (4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9, 9, 8, 7, 5)
HOURLY_PROFILE_OF = {  # relative weight of each local hour 0..23
    "vandalism": _NIGHT, "graffiti": _NIGHT, "fire": _NIGHT, "disorder": _NIGHT,
    "theft": _DAY, "traffic": _DAY, "littering": _DAY, "other": _DAY,
    "unsafe_place": _EVENING, "drugs": _EVENING, "threat_violence": _EVENING,
}
# Share "found in the morning": occurred over the night 20:00-23:30 to 05:00-07:30.
OVERNIGHT_SHARE = {"vandalism": 0.25, "graffiti": 0.30, "theft": 0.20}

LIGHTING_START_DAYS_BEFORE_TODAY = 365
LIGHTING_REDUCTION = 0.5

ORGANISATIONS = tuple(code for code, _sv, _en in DEFAULT_ORGANISATIONS)
REPORTING_ORG_SHARES = {  # municipality, police, housing, security, rescue
    "vandalism":       (0.30, 0.10, 0.40, 0.18, 0.02),
    "graffiti":        (0.45, 0.05, 0.35, 0.15, 0.0),
    "fire":            (0.05, 0.05, 0.08, 0.02, 0.80),
    "theft":           (0.10, 0.65, 0.15, 0.10, 0.0),
    "theft_burglary":  (0.05, 0.80, 0.10, 0.05, 0.0),
    "disorder":        (0.20, 0.35, 0.30, 0.15, 0.0),
    "threat_violence": (0.15, 0.60, 0.15, 0.10, 0.0),
    "drugs":           (0.15, 0.55, 0.20, 0.10, 0.0),
    "littering":       (0.60, 0.0, 0.30, 0.10, 0.0),
    "unsafe_place":    (0.65, 0.05, 0.25, 0.05, 0.0),
    "traffic":         (0.35, 0.55, 0.10, 0.0, 0.0),
    "other":           (0.45, 0.10, 0.30, 0.15, 0.0),
}
POLICE_REPORTED_SHARE = {  # besides every incident the police itself reports
    "theft": 0.85, "threat_violence": 0.9, "drugs": 0.7, "fire": 0.6, "vandalism": 0.45,
    "traffic": 0.4, "disorder": 0.3, "graffiti": 0.2, "other": 0.1,
    "littering": 0.02, "unsafe_place": 0.02,
}
COST_MODEL = {  # (share with a known cost, median SEK); log-normal with sigma 0.8
    "vandalism": (0.7, 4_000), "graffiti": (0.8, 2_500), "fire_car": (0.6, 60_000),
    "fire_container": (0.8, 8_000), "fire_building": (0.6, 150_000),
}
# fmt: on


@dataclass(frozen=True)
class DemoArea:
    name: str
    kind: str  # "district" or "focus_area"
    wkt: str


@dataclass(frozen=True)
class DemoMeasure:
    title: str
    kind: str
    responsible_org: str
    start_date: dt.date
    end_date: dt.date | None
    status: str
    expected_effect: str
    followup_date: dt.date | None
    followup_result: str | None
    wkt: str


@dataclass(frozen=True)
class DemoData:
    areas: list[DemoArea]
    measures: list[DemoMeasure]
    incidents: dict[str, np.ndarray]
    landmarks: dict[str, tuple[float, float]]
    lighting_measure: DemoMeasure


# Districts share their boundary vertices, so together they tile TOWN_EXTENT.
_SOUTH_EDGE = ((616000, 6648800), (618800, 6649100), (621400, 6648900), (624000, 6649200))
_NORTH_EDGE = ((616000, 6651300), (618800, 6651100), (621400, 6651300), (624000, 6651000))
DISTRICT_RINGS: dict[str, tuple[tuple[float, float], ...]] = {
    "Södra hamnen": ((616000, 6647000), (624000, 6647000), *_SOUTH_EDGE[::-1]),
    "Västerhöjden": (_SOUTH_EDGE[0], _SOUTH_EDGE[1], _NORTH_EDGE[1], _NORTH_EDGE[0]),
    "Centrum": (_SOUTH_EDGE[1], _SOUTH_EDGE[2], _NORTH_EDGE[2], _NORTH_EDGE[1]),
    "Österäng": (_SOUTH_EDGE[2], _SOUTH_EDGE[3], _NORTH_EDGE[3], _NORTH_EDGE[2]),
    "Norrberga": (*_NORTH_EDGE, (624000, 6653000), (616000, 6653000)),
}


def _ring_around(landmark: str, offsets: tuple[tuple[float, float], ...]) -> tuple:
    cx, cy = LANDMARKS[landmark]
    return tuple((cx + dx, cy + dy) for dx, dy in offsets)


FOCUS_AREA_RINGS = {
    "Stationsområdet": _ring_around("station", ((-380, -260), (350, -300), (420, 180), (-300, 320))),
    "Skolområdet Solbacka": _ring_around("school", ((-300, -250), (280, -280), (320, 240), (-260, 300))),
    "Torget och Parkstråket": _ring_around(
        "square", ((-300, -200), (50, -260), (320, -120), (300, 200), (-20, 260), (-310, 150))
    ),
}
LIGHTING_RING = FOCUS_AREA_RINGS["Torget och Parkstråket"]

# fmt: off
PLACE_NAMES = {
    "Centrum": ("Storgatan", "Kyrkogatan", "Rådhusgatan", "Badhusgatan", "Järnvägsgatan"),
    "Västerhöjden": ("Västra ringvägen", "Höjdvägen", "Björkstigen", "Granbacken",
                     "Västerhöjdens centrum"),
    "Norrberga": ("Norrbergavägen", "Lärkgången", "Tallbacken", "Norrberga torg", "Skogsbrynet"),
    "Österäng": ("Östra ringvägen", "Ängsvägen", "Industrigatan", "Österängs idrottsplats",
                 "Hagvägen"),
    "Södra hamnen": ("Hamngatan", "Kajen", "Strandpromenaden", "Båthamnen", "Sjövägen"),
    "Stationsområdet": ("Solviks station", "Stationsgatan", "Cykelgaraget vid stationen",
                        "Resecentrum"),
    "Skolområdet Solbacka": ("Solbackaskolan", "Skolgården Solbacka", "Solbackavägen",
                             "Gångvägen vid skolan"),
    "Torget och Parkstråket": ("Stora torget", "Parkstråket", "Gångtunneln under Storgatan",
                               "Lekplatsen i Parkstråket"),
}
DESCRIPTIONS = {
    "vandalism": ("Krossad ruta i trapphus", "Sönderslagen busskur", "Skadad entrédörr",
                  "Sönderslagen belysningsarmatur", "Skadade parkbänkar", "Repad bil"),
    "graffiti": ("Klotter på fasad", "Klotter på elskåp", "Klotter i gångtunnel",
                 "Taggar på busskur", "Klotter på skolans vägg"),
    "fire_car": ("Brand i personbil", "Bilbrand på parkering"),
    "fire_container": ("Brand i sopkärl", "Brand i återvinningscontainer", "Brand i papperskorg"),
    "fire_building": ("Brand i källarförråd", "Brand i barnvagnsrum", "Brand i trapphus"),
    "theft_bicycle": ("Stulen cykel från cykelställ", "Cykel stulen från cykelgarage"),
    "theft_vehicle": ("Stulen moped", "Stulen bil från parkering"),
    "theft_shoplifting": ("Snatteri i livsmedelsbutik", "Butiksstöld i centrum"),
    "theft_boat_engine": ("Utombordsmotor stulen från båtplats",),
    "theft_burglary": ("Inbrott i källarförråd", "Inbrott i lägenhet",
                       "Inbrott i skolans lokaler", "Inbrott i villa"),
    "disorder_noise": ("Hög musik sent på kvällen", "Störande oväsen i trapphus",
                       "Skrik och bråk utomhus nattetid"),
    "disorder_gathering": ("Grupp ungdomar samlas vid entré", "Samling i gångtunnel upplevs otrygg",
                           "Större samling med alkohol i parken"),
    "disorder_fireworks": ("Fyrverkerier avfyras mot fasad", "Smällare i trapphus",
                           "Raketer avfyras på torget"),
    "threat_violence_staff": ("Hot mot busschaufför", "Hot mot personal i butik",
                              "Hot mot fastighetsskötare"),
    "threat_violence_fight": ("Slagsmål utanför restaurang", "Bråk mellan ungdomar vid torget"),
    "threat_violence_threat": ("Hotfullt beteende mot förbipasserande", "Hot vid busshållplats"),
    "drugs_dealing": ("Misstänkt narkotikaförsäljning vid entré", "Misstänkt langning i parken"),
    "drugs_use": ("Misstänkt narkotikapåverkade personer", "Lukt av cannabis i trapphus"),
    "drugs_syringes": ("Sprutor hittade i buskage", "Sprutfynd vid lekplats"),
    "littering": ("Nedskräpning vid återvinningsstation", "Skräp och flaskor i parken",
                  "Grovsopor dumpade vid soprum", "Nedskräpning efter samling"),
    "unsafe_place_lighting": ("Trasig gatubelysning", "Mörk gång- och cykelväg",
                              "Belysning saknas vid busshållplats"),
    "unsafe_place_vegetation": ("Igenvuxna buskar längs gångväg", "Skymd sikt vid gångtunnel"),
    "unsafe_place_deserted": ("Öde parkering kvällstid", "Otrygg passage utan insyn"),
    "traffic_reckless": ("Fortkörning på bostadsgata", "Vårdslös körning vid skola"),
    "traffic_moped": ("Mopeder kör på gångväg", "Mopeder kör i parken"),
    "other": ("Övergiven cykel", "Kundvagnar utspridda", "Trasigt staket",
              "Övrig iakttagelse vid rondering"),
}
# fmt: on


def ring_wkt(ring) -> str:
    points = [*ring, ring[0]]
    return "POLYGON((" + ", ".join(f"{x:.0f} {y:.0f}" for x, y in points) + "))"


def points_in_ring(x: np.ndarray, y: np.ndarray, ring) -> np.ndarray:
    """Even-odd ray casting, vectorised over the points (the loop is over edges)."""
    inside = np.zeros(len(x), dtype=bool)
    for (xi, yi), (xj, yj) in zip(ring, (*ring[1:], ring[0])):
        if yi == yj:
            continue  # a horizontal edge never crosses the ray
        crosses = ((yi > y) != (yj > y)) & (x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside ^= crosses
    return inside


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


def _areas() -> list[DemoArea]:
    districts = [DemoArea(name, "district", ring_wkt(ring)) for name, ring in DISTRICT_RINGS.items()]
    focus = [DemoArea(name, "focus_area", ring_wkt(ring)) for name, ring in FOCUS_AREA_RINGS.items()]
    return districts + focus


def _box(centre: tuple[float, float], half_width: float, half_height: float) -> tuple:
    x, y = centre
    return (
        (x - half_width, y - half_height),
        (x + half_width, y - half_height),
        (x + half_width, y + half_height),
        (x - half_width, y + half_height),
    )


def _measures(today: dt.date) -> tuple[list[DemoMeasure], DemoMeasure]:
    """The action plan: dates relative to today, so the demo never ages."""
    lighting_start = today - dt.timedelta(days=LIGHTING_START_DAYS_BEFORE_TODAY)
    lighting = DemoMeasure(
        title="Ny belysning i Parkstråket och på Stora torget",
        kind="situational",
        responsible_org="municipality",
        start_date=lighting_start,
        end_date=lighting_start + dt.timedelta(days=42),
        status="completed",
        expected_effect="Färre skadegörelser och ordningsstörningar kvällstid och ökad upplevd trygghet "
        "längs stråket mellan torget och stationen.",
        followup_date=lighting_start + dt.timedelta(days=330),
        followup_result="Antalet rapporterade händelser i området har ungefär halverats jämfört med året "
        "innan. Ingen tydlig ökning i angränsande kvarter.",
        wkt=ring_wkt(LIGHTING_RING),
    )
    camera = DemoMeasure(
        title="Kamerabevakning vid Solviks station",
        kind="situational",
        responsible_org="police",
        start_date=today - dt.timedelta(days=240),
        end_date=None,
        status="active",
        expected_effect="Färre skadegörelser och cykelstölder vid stationen och bättre underlag för utredning.",
        followup_date=today + dt.timedelta(days=120),
        followup_result=None,
        wkt=ring_wkt(_box(LANDMARKS["station"], 250, 200)),
    )
    night_walks = DemoMeasure(
        title="Nattvandring fredag och lördag kväll",
        kind="social",
        responsible_org="municipality",
        start_date=today - dt.timedelta(days=540),
        end_date=None,
        status="active",
        expected_effect="Vuxennärvaro i centrum på helgkvällar ska minska ordningsstörningar och samlingar "
        "som skapar otrygghet.",
        followup_date=today - dt.timedelta(days=360),
        followup_result="Vuxna har funnits på plats nästan varje helg. Ordningsstörningarna på "
        "helgnätterna kvarstår; insatsen fortsätter och följs upp igen.",
        wkt=ring_wkt(DISTRICT_RINGS["Centrum"]),
    )
    summer = today.year if today > dt.date(today.year, 9, 30) else today.year - 1  # the last one followed up
    youth = DemoMeasure(
        title="Sommarlovsaktiviteter för unga i Norrberga",
        kind="social",
        responsible_org="municipality",
        start_date=dt.date(summer, 6, 15),
        end_date=dt.date(summer, 8, 15),
        status="completed",
        expected_effect="Meningsfull fritid under sommarlovet ska minska skadegörelse och nedskräpning.",
        followup_date=dt.date(summer, 9, 15),
        followup_result="Många deltagare under hela sommaren. Skadegörelsen i stadsdelen låg på samma nivå "
        "som sommaren innan.",
        wkt=ring_wkt(DISTRICT_RINGS["Norrberga"]),
    )
    clearing = DemoMeasure(
        title="Röjning av vegetation vid gångtunneln",
        kind="situational",
        responsible_org="housing",
        start_date=today + dt.timedelta(days=30),
        end_date=None,
        status="planned",
        expected_effect="Bättre sikt och insyn ska öka tryggheten vid gångtunneln.",
        followup_date=None,
        followup_result=None,
        wkt=ring_wkt(_box(LANDMARKS["square"], 120, 80)),
    )
    return [lighting, camera, night_walks, youth, clearing], lighting


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

    measures, lighting = _measures(today)
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
    return DemoData(_areas(), measures, columns, dict(LANDMARKS), lighting)
