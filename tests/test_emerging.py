"""Emerging hot spots in core: Mann–Kendall against hand-worked series, each
pattern rule on a hand-made cube, space-time Gi* against the formula written
out with an explicit neighbour list, and the demo's lighting measure."""

from __future__ import annotations

import datetime as dt
import math
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from lagesbild.core.domain import demo
from lagesbild.core.domain.analysis import AnalysisError
from lagesbild.core.domain.analysis.bounds import Cancelled
from lagesbild.core.domain.analysis.emerging import (
    PATTERNS,
    classify,
    emerging_hotspots,
    space_time_gi,
    step_bins,
    step_of_days,
    step_start,
    whole_steps,
)
from lagesbild.core.domain.analysis.grid import make_grid
from lagesbild.core.domain.analysis.hotspots import hotspots
from lagesbild.core.domain.analysis.mann_kendall import Trend, mann_kendall, tie_term


def test_mann_kendall_of_a_hand_worked_series_with_one_tie():
    # 1 3 2 3 5: S = (+4) + (−1 + 0 + 1) + (+2) + (+1) = 7; the two 3s are one tie of 2:
    # Var = (5·4·15 − 2·1·9)/18 = 282/18; z = (7 − 1)/√(282/18) = 1.5159
    trend = mann_kendall(np.array([[1, 3, 2, 3, 5]]))
    assert trend.s[0] == 7
    assert trend.variance[0] == pytest.approx(282 / 18)
    assert trend.z[0] == pytest.approx(1.51587, abs=1e-4)
    assert trend.p[0] == pytest.approx(0.12956, abs=2e-4)


def test_mann_kendall_of_a_falling_series_with_two_ties():
    # 2 2 2 1 1: S = −6; ties of 3 and 2: 3·2·11 + 2·1·9 = 84; Var = (300 − 84)/18 = 12
    trend = mann_kendall(np.array([[2, 2, 2, 1, 1], [4, 4, 4, 4, 4]]))
    assert trend.s.tolist() == [-6, 0]
    assert trend.variance[0] == pytest.approx(12.0)
    assert trend.z[0] == pytest.approx(-5 / math.sqrt(12))
    assert trend.p[0] == pytest.approx(math.erfc(5 / math.sqrt(12) / math.sqrt(2)))
    assert (trend.z[1], trend.p[1]) == (0.0, 1.0)  # all tied: no variance, no trend


@pytest.mark.parametrize("kind", ["counts", "z-scores"])
def test_mann_kendall_equals_pair_by_pair_counting(kind):
    rng = np.random.default_rng(4)
    # counts with many ties; z-scores as floats (rounded so that some tie), over more steps than cells
    series = rng.integers(0, 5, (30, 12)) if kind == "counts" else np.round(rng.normal(0, 1.5, (7, 40)), 1)
    trend = mann_kendall(series)
    n = series.shape[1]
    for row, values in enumerate(series.tolist()):
        s = sum((b > a) - (b < a) for i, a in enumerate(values) for b in values[i + 1:])
        ties = sum(t * (t - 1) * (2 * t + 5) for t in (values.count(v) for v in set(values)))
        assert trend.s[row] == s and tie_term(series[row:row + 1])[0] == ties
        variance = (n * (n - 1) * (2 * n + 5) - ties) / 18
        assert trend.variance[row] == pytest.approx(variance)
        assert trend.z[row] == pytest.approx((s - np.sign(s)) / math.sqrt(variance))


def trend_of(*codes: str) -> Trend:
    """'up', 'down' or '' per cell: a significant rising or falling z, or none."""
    z = np.array([{"up": 3.0, "down": -3.0, "": 0.5}[code] for code in codes])
    p = np.array([0.001 if code else 0.6 for code in codes])
    return Trend(np.zeros(z.size, dtype=np.int64), np.ones(z.size), z, p)


HOT_CASES = [  # ten steps of Gi* bins, the trend of z, the pattern
    ([0, 0, 0, 0, 0, 0, 0, 0, 0, 2], "", "new_hot"),
    ([-1, 0, 0, 0, 0, 0, 0, 0, 0, 1], "", "new_hot"),
    ([0, 0, 0, 0, 0, 0, 0, 1, 3, 2], "", "consecutive_hot"),
    ([0, 1, 1, 1, 2, 2, 3, 3, 3, 3], "up", "intensifying_hot"),
    ([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], "", "persistent_hot"),
    ([0, 1, 1, 1, 1, 1, 1, 1, 1, 1], "up", "intensifying_hot"),  # exactly 90 %
    ([0, 0, 1, 1, 1, 1, 1, 1, 1, 1], "up", "consecutive_hot"),  # 80 %: a run, not intensifying
    ([3, 3, 3, 2, 2, 2, 1, 1, 1, 1], "down", "diminishing_hot"),
    ([1, 0, 1, 0, 0, 1, 0, 0, 0, 1], "", "sporadic_hot"),
    ([1, 0, -2, 0, 0, 0, 0, 0, 0, 1], "", "oscillating_hot"),
    ([1, 1, 1, 1, 1, 1, 1, 1, 1, 0], "down", "historical_hot"),
    ([1, 1, 1, 1, 1, 1, 1, 1, 0, 0], "", "none"),  # 80 %, no longer hot
    ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "", "none"),
    ([1, 0, 0, 0, 0, 0, 0, -1, 0, -1], "", "oscillating_cold"),
    ([1, 1, 1, 1, 1, 1, 1, 1, 1, -1], "", "new_cold"),  # cold for the first time, at the end
]


@pytest.mark.parametrize("bins,trend,pattern", HOT_CASES)
def test_each_pattern_rule_on_a_hand_made_cube(bins, trend, pattern):
    assert classify(np.array([bins]), trend_of(trend)).tolist() == [pattern]
    # the cold mirror: bins negated, the trend turned round
    mirror = {"up": "down", "down": "up", "": ""}[trend]
    flipped = {"hot": "cold", "cold": "hot"}
    expected = pattern if pattern == "none" else "_".join(
        [pattern.rsplit("_", 1)[0], flipped[pattern.rsplit("_", 1)[1]]])
    assert classify(-np.array([bins]), trend_of(mirror)).tolist() == [expected]


def test_a_whole_cube_is_classified_row_by_row():
    bins = np.array([case[0] for case in HOT_CASES])
    assert classify(bins, trend_of(*[case[1] for case in HOT_CASES])).tolist() == [c[2] for c in HOT_CASES]


def test_one_step_is_refused():
    with pytest.raises(AnalysisError, match="2 time steps"):
        classify(np.array([[1], [0]]), trend_of("", ""))


def test_steps_are_local_weeks_months_and_quarters():
    monday = dt.date(2026, 6, 15)
    days = np.array([(monday - dt.date(1970, 1, 1)).days + k for k in (0, 6, 7)])
    weeks = step_of_days(days, "week")
    assert weeks[0] == weeks[1] != weeks[2] and step_start(int(weeks[0]), "week") == monday
    assert step_start(int(step_of_days(days[:1], "month")[0]), "month") == dt.date(2026, 6, 1)
    assert step_start(int(step_of_days(days[:1], "quarter")[0]), "quarter") == dt.date(2026, 4, 1)


def test_only_whole_steps_are_analysed():
    def day(text):
        return (dt.date.fromisoformat(text) - dt.date(1970, 1, 1)).days

    low, high = whole_steps(day("2024-06-15"), day("2026-06-14"), "month")
    assert (step_start(low, "month"), step_start(high, "month")) == (dt.date(2024, 7, 1), dt.date(2026, 5, 1))
    low, high = whole_steps(day("2026-06-15"), day("2026-06-28"), "week")  # Monday to Sunday: two weeks
    assert high - low == 1 and step_start(low, "week") == dt.date(2026, 6, 15)
    low, high = whole_steps(day("2026-01-01"), day("2026-06-30"), "quarter")
    assert (step_start(low, "quarter"), high - low) == (dt.date(2026, 1, 1), 1)


def test_space_time_gi_equals_the_formula_with_an_explicit_neighbour_list():
    grid = make_grid("square", (0.0, 0.0, 500.0, 400.0), 100.0)
    rng = np.random.default_rng(9)
    cube = rng.poisson(3.0, (len(grid), 6)).astype(float)
    band, earlier = 150.0, 2
    z, p = space_time_gi(cube, grid, band, earlier)
    values, n = cube.ravel(), cube.size
    mean, spread = values.mean(), values.std()
    centres = grid.centres
    for cell in range(len(grid)):
        near = np.flatnonzero(np.hypot(*(centres - centres[cell]).T) <= band)
        for t in range(6):
            steps = range(max(0, t - earlier), t + 1)
            total = sum(cube[j, s] for j in near for s in steps)
            weight = len(near) * len(steps)
            expected = (total - mean * weight) / (spread * math.sqrt((n * weight - weight ** 2) / (n - 1)))
            assert z[cell, t] == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert np.allclose(p, [[math.erfc(abs(v) / math.sqrt(2)) for v in row] for row in z])


def test_the_lighting_measure_shows_as_a_fading_hot_spot_in_the_demo():
    today = dt.date(2026, 6, 15)
    data = demo.generate(20_000, 1, today).incidents
    zone = ZoneInfo("Europe/Stockholm")
    days = np.array([(dt.datetime.fromtimestamp(int(t), zone).date() - dt.date(1970, 1, 1)).days
                     for t in data["occurred_from"]])
    spots = hotspots(data["x"], data["y"])  # the scale of places: 100 m cells and the cells around
    result = emerging_hotspots(spots.grid, spots.band, data["x"], data["y"], days, "month", 1)
    assert result.steps.size == 23  # the whole months: July 2024 … May 2026
    inside = demo.points_in_ring(result.grid.centres[:, 0], result.grid.centres[:, 1], demo.LIGHTING_RING)
    assert inside.sum() >= 10
    # the lit area's cells were hot all along and fade once the lighting is up: their counts fall
    # (Mann–Kendall on the counts) and the rules call them diminishing hot spots
    assert np.median(result.count_trend.z[inside]) < -1.5
    assert np.mean(result.pattern[inside] == "diminishing_hot") >= 0.75


def bh_bin_by_hand(z: float, p: float, column: list[float]) -> int:
    """The Benjamini–Hochberg bin of one p-value among ``column``, written out."""
    passed = 0
    for alpha in (0.10, 0.05, 0.01):
        ordered = sorted(column)
        below = [value for k, value in enumerate(ordered, 1) if value <= k * alpha / len(ordered)]
        passed += bool(below) and p <= max(below)
    return int(math.copysign(passed, z)) if passed else 0


def test_benjamini_hochberg_is_applied_to_each_step_on_its_own():
    # step 0: every cell strongly significant; step 1: one cell at p = 0.04, the rest 0.9. Pooled over
    # the cube (20 p-values) 0.04 would pass at 90 % (k = 11: 11 · 0.1/20 = 0.055); within its step it
    # does not (k = 1: 0.1/10 = 0.01). Step 2: one cell at p = 0.009 passes within its step (0.01) and
    # would fail pooled with step 3's ten p-values of 0.9 (0.1/20 = 0.005).
    p = np.full((10, 4), 0.9)
    p[:, 0] = 0.001
    p[3, 1] = 0.04
    p[5, 2] = 0.009
    z = np.where(p < 0.5, 2.5, 0.1)
    bins = step_bins(z, p)
    assert bins[3, 1] == 0 and bins[5, 2] == 1 and np.all(bins[:, 0] == 3)
    for t in range(4):
        column = p[:, t].tolist()
        assert bins[:, t].tolist() == [bh_bin_by_hand(z[c, t], p[c, t], column) for c in range(10)]


def test_progress_reaches_the_end_and_a_no_stops_with_cancelled():
    grid = make_grid("square", (0.0, 0.0, 1000.0, 800.0), 100.0)
    rng = np.random.default_rng(2)
    x, y, days = rng.uniform(0, 1000, 3000), rng.uniform(0, 800, 3000), rng.integers(19_000, 19_000 + 84, 3000)
    seen = []
    result = emerging_hotspots(grid, 150.0, x, y, days, "week", 1, progress=lambda f: seen.append(f) or True)
    assert seen[-1] == 1.0 and seen == sorted(seen) and len(set(seen)) > result.steps.size // 2
    quiet = emerging_hotspots(grid, 150.0, x, y, days, "week", 1)
    assert np.array_equal(quiet.z, result.z) and np.array_equal(quiet.pattern, result.pattern)
    with pytest.raises(Cancelled):
        emerging_hotspots(grid, 150.0, x, y, days, "week", 1, progress=lambda f: f < 0.5)


def test_the_legend_reads_in_words_from_worsening_hot_to_no_pattern(qgis_app):
    from lagesbild.core.presentation.emerging_style import COLOURS, emerging_renderer

    categories = emerging_renderer().categories()
    codes = [c.value() for c in categories]
    assert sorted(codes) == sorted(PATTERNS) and codes[0] == "intensifying_hot" and codes[-1] == "none"
    assert codes.index("historical_hot") < codes.index("intensifying_cold")  # hot first, then cold
    assert [c.label() for c in categories][:2] == ["Intensifying hot spot", "New hot spot"]
    assert all("_" not in c.label() for c in categories)
    assert categories[-1].label() == "No pattern" and categories[-1].symbol().color().alpha() == 0
    assert categories[0].symbol().color().name() == COLOURS["intensifying_hot"]
