"""Pattern 6, near repeats: a burglary followed by others within about 200 m
and two weeks.

Planted after everything else, from its own random stream
(``default_rng([seed, NEAR_REPEAT_STREAM])``), by moving places only: a
share (``NEAR_REPEAT_ORIGIN_SHARE``) of the burglaries outside the focus
areas each starts a series, and up to ``NEAR_REPEAT_FOLLOWERS`` burglaries
that happened within ``NEAR_REPEAT_DAYS`` after it (by their drawn times,
which stay) are moved to a uniform point within ``NEAR_REPEAT_RADIUS_M`` of
it, outside every focus area. No time, count or category changes, and no
incident enters or leaves a focus area, so the other patterns stay as drawn.
"""

from __future__ import annotations

import numpy as np

from .municipality import FOCUS_AREA_RINGS, TOWN_EXTENT, points_in_ring
from .rates import (
    NEAR_REPEAT_DAYS,
    NEAR_REPEAT_FOLLOWERS,
    NEAR_REPEAT_ORIGIN_SHARE,
    NEAR_REPEAT_RADIUS_M,
    NEAR_REPEAT_STREAM,
    NEAR_REPEAT_SUBCATEGORY,
)

DAY = 86_400


def _outside_focus_areas(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    xmin, ymin, xmax, ymax = TOWN_EXTENT
    keep = (x > xmin + 1) & (x < xmax - 1) & (y > ymin + 1) & (y < ymax - 1)
    for ring in FOCUS_AREA_RINGS.values():
        keep &= ~points_in_ring(x, y, ring)
    return keep


def plant_near_repeats(columns: dict, seed: int, place_names) -> np.ndarray:
    """Move burglaries into near-repeat series (in place); returns the indices
    of the series' first burglaries. ``place_names(rng, x, y)`` names the moved ones."""
    rng = np.random.default_rng([seed, NEAR_REPEAT_STREAM])
    burglaries = np.flatnonzero(columns["subcategory"] == NEAR_REPEAT_SUBCATEGORY)
    x, y, start = columns["x"], columns["y"], columns["occurred_from"]
    eligible = burglaries[_outside_focus_areas(x[burglaries], y[burglaries])]
    count = min(eligible.size, int(round(NEAR_REPEAT_ORIGIN_SHARE * burglaries.size)))
    origins = np.sort(rng.choice(eligible, size=count, replace=False)) if count else eligible[:0]
    used = np.zeros(x.size, dtype=bool)
    used[origins] = True
    moved = []
    for origin in origins.tolist():
        soon = (start[eligible] > start[origin]) & (start[eligible] <= start[origin] + NEAR_REPEAT_DAYS * DAY)
        later = eligible[soon]
        later = later[~used[later]]
        followers = rng.choice(later, size=min(NEAR_REPEAT_FOLLOWERS, later.size), replace=False)
        radius = NEAR_REPEAT_RADIUS_M * np.sqrt(rng.random(followers.size))
        angle = rng.uniform(0.0, 2 * np.pi, followers.size)
        new_x = x[origin] + radius * np.cos(angle)
        new_y = y[origin] + radius * np.sin(angle)
        fits = _outside_focus_areas(new_x, new_y)
        followers = followers[fits]
        x[followers], y[followers] = new_x[fits], new_y[fits]
        used[followers] = True
        moved.append(followers)
    if moved:
        moved_all = np.concatenate(moved)
        if moved_all.size:
            columns["place_name"][moved_all] = place_names(rng, x[moved_all], y[moved_all])
    return origins
