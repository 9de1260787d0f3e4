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
6. Near repeats (``NEAR_REPEAT_*``): 5 % of the burglaries outside the focus
   areas each start a series; up to 3 burglaries drawn within the 12 days
   after it are moved (places only, times kept) to within 150 m of it, from
   their own random stream, so the patterns above stay as drawn.

The package: ``municipality`` holds the places (extent, landmarks, districts,
focus areas, names, descriptions, the measures), ``rates`` the numbers behind
the incidents (the parameters above among them) and ``incidents`` draws them.
Every public name is re-exported here, so callers keep writing ``demo.NAME``.
"""

from .incidents import DAY, HOUR, MAX_SIZE, MIN_SIZE, DemoData, generate, local_naive_to_utc
from .municipality import (
    DESCRIPTIONS,
    DISTRICT_RINGS,
    FOCUS_AREA_RINGS,
    LANDMARKS,
    LIGHTING_RING,
    LIGHTING_START_DAYS_BEFORE_TODAY,
    PLACE_NAMES,
    TOWN_EXTENT,
    TOWN_NAME,
    DemoArea,
    DemoMeasure,
    points_in_ring,
    ring_wkt,
)
from .rates import (
    BACKGROUND_CENTRES,
    BACKGROUND_UNIFORM_SHARE,
    CATEGORY_SHARES,
    COST_MODEL,
    FIREWORKS_NEW_YEAR_SHARE,
    HOTSPOT_RADIUS_M,
    HOTSPOT_SHARES,
    HOTSPOT_SIGMA_M,
    HOURLY_PROFILE_OF,
    LIGHTING_REDUCTION,
    NEAR_REPEAT_DAYS,
    NEAR_REPEAT_FOLLOWERS,
    NEAR_REPEAT_ORIGIN_SHARE,
    NEAR_REPEAT_RADIUS_M,
    NEAR_REPEAT_SUBCATEGORY,
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

__all__ = [
    "BACKGROUND_CENTRES",
    "BACKGROUND_UNIFORM_SHARE",
    "CATEGORY_SHARES",
    "COST_MODEL",
    "DAY",
    "DESCRIPTIONS",
    "DISTRICT_RINGS",
    "DemoArea",
    "DemoData",
    "DemoMeasure",
    "FIREWORKS_NEW_YEAR_SHARE",
    "FOCUS_AREA_RINGS",
    "HOTSPOT_RADIUS_M",
    "HOTSPOT_SHARES",
    "HOTSPOT_SIGMA_M",
    "HOUR",
    "HOURLY_PROFILE_OF",
    "LANDMARKS",
    "LIGHTING_REDUCTION",
    "LIGHTING_RING",
    "LIGHTING_START_DAYS_BEFORE_TODAY",
    "MAX_SIZE",
    "MIN_SIZE",
    "NEAR_REPEAT_DAYS",
    "NEAR_REPEAT_FOLLOWERS",
    "NEAR_REPEAT_ORIGIN_SHARE",
    "NEAR_REPEAT_RADIUS_M",
    "NEAR_REPEAT_SUBCATEGORY",
    "ORGANISATIONS",
    "OVERNIGHT_SHARE",
    "PLACE_NAMES",
    "POLICE_REPORTED_SHARE",
    "REPORTING_ORG_SHARES",
    "SEASONAL_PROFILES",
    "SEASON_OF",
    "SUBCATEGORY_SHARES",
    "TOWN_EXTENT",
    "TOWN_NAME",
    "WEEKEND_NIGHT_HOURS",
    "WEEKEND_NIGHT_SHARE",
    "WEEKEND_NIGHT_SUBCATEGORIES",
    "WEEKEND_NIGHT_WEEKDAYS",
    "YEAR_ON_YEAR_FACTOR",
    "generate",
    "local_naive_to_utc",
    "points_in_ring",
    "ring_wkt",
]
