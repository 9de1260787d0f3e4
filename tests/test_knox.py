"""The Knox test of near repeats (core/domain/analysis/knox.py, knox_report.py),
checked against brute-force counting over every pair (n × n, fine for a few
hundred points) and against permutations drawn here."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from lagesbild.core.domain import demo
from lagesbild.core.domain.analysis import AnalysisError
from lagesbild.core.domain.analysis import knox as knox_module
from lagesbild.core.domain.analysis.knox import KnoxResult, knox, near_pairs, pairs_closer_in_time, parse_edges
from lagesbild.core.domain.analysis.knox_report import (
    days_label,
    knox_html,
    near_repeat_window,
    same_location_window,
    summary,
)

DISTANCE_EDGES = np.array([0.0, 100.0, 200.0, 300.0])
TIME_EDGES = np.array([0.0, 7.0, 14.0])


def brute_table(x, y, days, distance_edges, time_edges, metric):
    """The observed table from every pair, with the band rules written out one by one."""
    i, j = np.triu_indices(x.size, 1)
    dx, dy = x[j] - x[i], y[j] - y[i]
    d = np.hypot(dx, dy) if metric == "euclidean" else np.abs(dx) + np.abs(dy)
    t = np.abs(days[j] - days[i])
    rows, columns = distance_edges.size + 1, time_edges.size
    table = np.zeros((rows, columns), dtype=np.int64)
    for distance, days_apart in zip(d.tolist(), t.tolist()):
        if distance == 0:
            row = 0
        elif distance >= distance_edges[-1]:
            row = rows - 1
        else:
            row = next(k for k in range(1, distance_edges.size) if distance < distance_edges[k])
        if days_apart >= time_edges[-1]:
            column = columns - 1
        else:
            column = next(k for k in range(time_edges.size - 1) if days_apart < time_edges[k + 1])
        table[row, column] += 1
    return table


def lattice_points(seed: int, n: int):
    """Points on a 30 m × 40 m lattice (so that many pairs are exactly 100,
    200 or 300 m apart, or at the same place) on days 0 … 40."""
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 15, n) * 30.0 + 600_000.0
    y = rng.integers(0, 12, n) * 40.0 + 6_650_000.0
    return x, y, rng.integers(0, 41, n)


@pytest.mark.parametrize("metric", ["euclidean", "manhattan"])
def test_counts_equal_brute_force_with_pairs_on_the_edges(metric):
    x, y, days = lattice_points(1, 400)
    result = knox(x, y, days, DISTANCE_EDGES, TIME_EDGES, metric, permutations=19, seed=3)
    expected = brute_table(x, y, days, DISTANCE_EDGES, TIME_EDGES, metric)
    i, j = np.triu_indices(x.size, 1)
    d = np.hypot(x[j] - x[i], y[j] - y[i]) if metric == "euclidean" else np.abs(x[j] - x[i]) + np.abs(y[j] - y[i])
    assert np.count_nonzero(d == 0) > 50 and np.count_nonzero(np.isin(d, DISTANCE_EDGES[1:])) > 100
    assert np.count_nonzero(np.isin(np.abs(days[j] - days[i]), [7, 14])) > 100
    assert np.array_equal(result.observed, expected)
    assert result.observed.sum() == result.pairs == 400 * 399 // 2


@pytest.mark.parametrize("metric", ["euclidean", "manhattan"])
def test_near_pairs_in_tiny_chunks_equal_brute_force(monkeypatch, metric):
    monkeypatch.setattr(knox_module, "_CHUNK_PAIRS", 7)  # split every cell's rows into many pieces
    rng = np.random.default_rng(5)
    x, y = rng.uniform(0, 900, 300), rng.uniform(0, 500, 300)
    x[:40], y[:40] = 450.0, 250.0  # one crowded place
    i, j, d = near_pairs(x, y, 120.0, metric)
    bi, bj = np.triu_indices(x.size, 1)
    bd = np.hypot(x[bj] - x[bi], y[bj] - y[bi]) if metric == "euclidean" else (
        np.abs(x[bj] - x[bi]) + np.abs(y[bj] - y[bi]))
    close = bd < 120.0
    found = sorted(zip(np.minimum(i, j).tolist(), np.maximum(i, j).tolist()))
    assert found == sorted(zip(bi[close].tolist(), bj[close].tolist()))
    assert np.allclose(np.sort(d), np.sort(bd[close]))


def test_pairs_closer_in_time_equal_brute_force():
    days = np.random.default_rng(2).integers(0, 30, 200)
    i, j = np.triu_indices(days.size, 1)
    apart = np.abs(days[j] - days[i])
    edges = np.array([0, 1, 7, 14, 29.5])
    assert pairs_closer_in_time(days, edges).tolist() == [int(np.count_nonzero(apart < e)) for e in edges]


def test_expected_is_the_mean_over_permutations_and_p_matches_an_independent_simulation():
    x, y, days = lattice_points(7, 80)
    result = knox(x, y, days, DISTANCE_EDGES, TIME_EDGES, "euclidean", permutations=999, seed=11)
    rng = np.random.default_rng(12345)
    tables = np.array([brute_table(x, y, days[rng.permutation(days.size)], DISTANCE_EDGES, TIME_EDGES, "euclidean")
                       for _ in range(400)])
    mean, spread = tables.mean(axis=0), tables.std(axis=0)
    assert np.all(np.abs(mean - result.expected) <= 4 * spread / np.sqrt(400) + 1e-9)
    p_here = (1 + (tables >= result.observed).sum(axis=0)) / 401
    assert np.all(np.abs(p_here - result.p) < 0.12)
    rows = result.observed.sum(axis=1)
    columns = result.observed.sum(axis=0)
    assert np.allclose(result.expected, np.outer(rows, columns) / result.pairs)


def test_same_seed_same_result_other_seed_only_other_p_values():
    x, y, days = lattice_points(3, 300)
    first = knox(x, y, days, DISTANCE_EDGES, TIME_EDGES, permutations=99, seed=5)
    again = knox(x, y, days, DISTANCE_EDGES, TIME_EDGES, permutations=99, seed=5)
    other = knox(x, y, days, DISTANCE_EDGES, TIME_EDGES, permutations=99, seed=6)
    for name in ("observed", "expected", "p"):
        assert np.array_equal(getattr(first, name), getattr(again, name))
    assert np.array_equal(first.observed, other.observed)
    assert np.array_equal(first.expected, other.expected)
    assert not np.array_equal(first.p, other.p)
    assert np.all((first.p >= 1 / 100) & (first.p <= 1))


def test_a_planted_cluster_is_significant_and_named():
    rng = np.random.default_rng(8)
    n = 600
    x, y, days = rng.uniform(0, 5000, n), rng.uniform(0, 5000, n), rng.integers(0, 365, n)
    for k in range(20):  # 20 series: 4 incidents within 85 m and 5 days
        at = slice(20 + 4 * k, 24 + 4 * k)
        x[at] = x[20 + 4 * k] + rng.uniform(-30, 30, 4)
        y[at] = y[20 + 4 * k] + rng.uniform(-30, 30, 4)
        days[at] = days[20 + 4 * k] + rng.integers(0, 6, 4)
    result = knox(x, y, days, [0, 100, 200, 300], [0, 7, 14, 21], permutations=199, seed=1)
    assert result.p[1, 0] == 1 / 200 and result.ratio[1, 0] > 5
    window = near_repeat_window(result)
    block = slice(1, window.distance_bands + 1), slice(0, window.time_bands)
    assert window.days == 7.0 and window.distance == result.distance_edges[window.distance_bands]
    ratio = result.observed[block].sum() / result.expected[block].sum()
    assert window.ratio == pytest.approx(ratio) and ratio > 2
    text = summary(result, "en", "Burglary")
    assert text.startswith(f"Within {window.distance:.0f} m and 7 days of an incident of burglary, the risk "
                           "of another is")
    assert f"{ratio:.1f} times the expected" in text
    page = knox_html(result, "sv", "Inbrott", text)
    assert "class='p01'" in page and "Inbrott" in page
    assert "0–6 days" in page or "0–6 dagar" in page


def test_cancelling_stops_with_an_analysis_error():
    x, y, days = lattice_points(1, 100)
    with pytest.raises(AnalysisError):
        knox(x, y, days, DISTANCE_EDGES, TIME_EDGES, permutations=99, progress=lambda fraction: fraction < 0.5)


@pytest.mark.parametrize("text", ["", "100,200", "0,200,100", "0,a,2", "0"])
def test_bad_edges_are_refused_in_words(text):
    with pytest.raises(AnalysisError, match="0"):
        parse_edges(text, "time band edges")


def test_too_few_incidents_are_refused():
    with pytest.raises(AnalysisError, match="at least two"):
        knox([1.0], [2.0], [3], DISTANCE_EDGES, TIME_EDGES)


def hand_result(p: np.ndarray, ratio: np.ndarray) -> KnoxResult:
    observed = np.round(np.nan_to_num(ratio) * 10).astype(np.int64)
    return KnoxResult(np.array([0.0, 100, 200]), np.array([0.0, 7, 14]), observed, np.full(p.shape, 10.0),
                      ratio, p, 100, 99, "euclidean")


def test_the_window_is_the_largest_block_of_passing_bands_next_to_the_incident():
    ratio = np.array([[np.nan, np.nan, np.nan], [3.0, 2.0, 1.0], [1.8, 0.9, 1.0], [1.0, 1.0, 1.0]])
    p = np.array([[1.0, 1, 1], [0.01, 0.02, 0.5], [0.01, 0.3, 0.5], [1, 1, 1]])
    window = near_repeat_window(hand_result(p, ratio))
    # 0–200 m × 0–6 days and 0–100 m × 0–13 days are both two bands: the higher ratio wins
    assert (window.distance, window.days, window.ratio) == (100.0, 14.0, 2.5)
    assert same_location_window(hand_result(p, ratio)) is None
    p[2, 1] = 0.01
    ratio[2, 1] = 1.5
    assert near_repeat_window(hand_result(p, ratio))[2:4] == (200.0, 14.0)
    assert near_repeat_window(hand_result(np.ones_like(p), ratio)) is None
    assert summary(hand_result(np.ones_like(p), ratio), "en").startswith("No near-repeat pattern")


def test_day_labels_are_whole_days():
    result = hand_result(np.ones((4, 3)), np.ones((4, 3)))
    assert [days_label(result, c, "en") for c in range(3)] == ["0–6 days", "7–13 days", "14 days or more"]


def test_the_planted_near_repeat_burglaries_of_the_demo_are_found():
    data = demo.generate(20_000, 2, dt.date(2026, 6, 15)).incidents
    burglary = data["subcategory"] == demo.NEAR_REPEAT_SUBCATEGORY
    local = [dt.datetime.fromtimestamp(int(t), ZoneInfo("Europe/Stockholm")).date() for t in
             data["occurred_from"][burglary]]
    days = np.array([(day - dt.date(1970, 1, 1)).days for day in local])
    result = knox(data["x"][burglary], data["y"][burglary], days, [0, 100, 200, 300, 400], [0, 7, 14, 21, 28],
                  permutations=199, seed=1)
    # the planted window (150 m, 12 days) lies in 0–200 m × 0–13 days: every band there stands out
    assert np.all(result.p[1:3, 0:2] <= 0.01) and np.all(result.ratio[1:3, 0:2] > 1.5)
    window = near_repeat_window(result)
    assert (window.distance, window.days) == (200.0, 14.0) and window.ratio > 2
    # and beyond it nothing is planted: 300–400 m, 21–27 days is ordinary
    assert result.p[4, 3] > 0.05


def knox_peak_bytes(monkeypatch, x, y, days, permutations):
    """tracemalloc's peak (NumPy reports its arrays to it) of one knox run, with
    small chunks and blocks so that the listing's fixed working space is small."""
    import tracemalloc

    monkeypatch.setattr(knox_module, "_CHUNK_PAIRS", 1 << 14)
    monkeypatch.setattr(knox_module, "_BLOCK_PAIRS", 1 << 12)
    tracemalloc.start()
    try:
        result = knox(x, y, days, [0, 100, 200, 300, 400], [0, 7, 14, 21, 28], permutations=permutations, seed=1)
        return tracemalloc.get_traced_memory()[1], result
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("side", [20_000.0, 1_200.0])  # few near pairs among many points; nearly all pairs near
def test_memory_stays_linear_in_the_near_pairs_never_n_by_n(monkeypatch, side):
    rng = np.random.default_rng(21)
    n = 6000 if side > 10_000 else 2500
    x, y, days = rng.uniform(0, side, n), rng.uniform(0, side, n), rng.integers(0, 400, n)
    pairs = int(knox_module.near_pairs(x, y, 400.0)[0].size)
    peak, result = knox_peak_bytes(monkeypatch, x, y, days, 9)
    assert result.observed[:-1].sum() == pairs
    # 8 bytes a near pair (two int32) with room to 16, a few hundred bytes a point, 4 MB of working space:
    # an n × n matrix of even one byte a pair (36 MB at 6 000 points) does not fit
    assert peak <= 4 * 2**20 + 300 * n + 16 * pairs, (peak, pairs)
    # and the permutations add nothing that grows with their number
    more, _ = knox_peak_bytes(monkeypatch, x, y, days, 60)
    assert more <= peak * 1.1 + 2**20


def test_the_sentence_names_the_subject_or_an_incident():
    rng = np.random.default_rng(3)
    x, y, days = rng.uniform(0, 5000, 400), rng.uniform(0, 5000, 400), rng.integers(0, 365, 400)
    x[:80], y[:80], days[:80] = x[0] + rng.uniform(0, 60, 80), y[0] + rng.uniform(0, 60, 80), days[0]
    result = knox(x, y, days, [0, 100, 200], [0, 7, 14], permutations=99, seed=2)
    window = near_repeat_window(result)
    assert window is not None and (window.distance, window.days) == (100.0, 7.0)
    ratio = f"{round(window.ratio, 1):.1f}"
    assert summary(result, "en").startswith(
        f"Within 100 m and 7 days of an incident, the risk of another is {ratio} times the expected.")
    assert summary(result, "en", "Car fire").startswith(
        f"Within 100 m and 7 days of an incident of car fire, the risk of another is {ratio} times the expected.")
