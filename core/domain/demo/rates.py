"""The numbers behind Solvik's incidents: how many of each kind, where they
cluster, in which season, week and hour, who reports them and what they cost.

The planted patterns' parameters live here (the package docstring names them).
"""

from __future__ import annotations

from ..codelist import DEFAULT_ORGANISATIONS

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

# Share of the lit area's incidents moved elsewhere once the lighting is up (pattern 5).
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

# Near repeats (pattern 6): a burglary followed by others close by soon after.
NEAR_REPEAT_SUBCATEGORY = "theft_burglary"
NEAR_REPEAT_ORIGIN_SHARE = 0.05  # of the burglaries, each the first of a series
NEAR_REPEAT_FOLLOWERS = 3  # later burglaries moved next to each first one
NEAR_REPEAT_RADIUS_M = 150.0  # uniformly within this distance of the first
NEAR_REPEAT_DAYS = 12  # the followers happened within this many days after the first
NEAR_REPEAT_STREAM = 6  # its own random stream: the other patterns' draws stay as they were
