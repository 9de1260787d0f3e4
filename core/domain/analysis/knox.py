"""The Knox test of near repeats: are incidents close in space also close in
time more often than chance would have it?

Every pair of incidents falls in one distance band and one time band:

- distance bands, from the edges ``e_0 = 0 < e_1 < … < e_K`` (metres): a
  "same location" band (distance exactly 0), then ``(0, e_1)``,
  ``[e_1, e_2)`` … ``[e_{K−1}, e_K)``, and "beyond" ``[e_K, ∞)``;
- time bands, from the edges ``t_0 = 0 < t_1 < … < t_M`` (days):
  ``[t_0, t_1)`` … ``[t_{M−1}, t_M)`` and "beyond" ``[t_M, ∞)``.

Time differences are whole calendar days in the store's time zone (the
caller passes each incident's local day number), as the standard Near Repeat
Calculator uses dates: two incidents on the same local date are 0 days apart,
on consecutive dates 1 day, whatever their clock times. So a band's edges are
exact: ``[0, 7)`` is "the same day up to 6 days later".

For each band pair: ``observed`` pairs; ``expected`` = N_d · N_t / N (pairs
in the distance band times pairs in the time band over all pairs), which is
the mean over all permutations of the times among the places, in closed form,
so that a seed changes only the p-values; ``knox_ratio`` = observed /
expected; and the Monte Carlo ``p_value`` = (1 + #{simulated ≥ observed}) /
(permutations + 1), the times permuted among the places.

Only the pairs closer than the largest distance edge are ever listed, with a
grid of cells as wide as that edge (a pair closer than it, in either metric,
lies in the same or a neighbouring cell), never an n × n matrix; they are
kept as two int32 indices, 8 bytes a pair, grouped by distance band. The pairs
beyond it are counted per time band as (all pairs in that time band, from the
sorted days) minus the near ones; the all-pairs time-band totals do not
change when the days are permuted, so each permutation needs only the near
pairs' day differences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ...i18n import tr
from . import AnalysisError

METRICS = ("euclidean", "manhattan")
PERMUTATIONS = 999
SEED = 1
# candidate pairs looked at in one go, and near pairs kept in one array: they bound the working space of
# listing (about 70 bytes a candidate) and of joining chunks (5 bands of pending pairs), which at 180
# million near pairs (100 000 incidents in one town) came on top of the 1.45 GB the pairs themselves take
_CHUNK_PAIRS = 1 << 20
_BLOCK_PAIRS = 1 << 20
_NEIGHBOUR_OFFSETS = ((0, 0), (0, 1), (1, -1), (1, 0), (1, 1))  # each neighbouring cell pair once


@dataclass(frozen=True)
class KnoxResult:
    """The table of a Knox test: ``observed``, ``expected``, ``ratio`` and
    ``p`` have one row per distance band and one column per time band."""

    distance_edges: np.ndarray
    time_edges: np.ndarray
    observed: np.ndarray  # int64 (K + 2, M + 1)
    expected: np.ndarray  # float64
    ratio: np.ndarray  # float64, nan where expected is 0
    p: np.ndarray  # float64
    incidents: int
    permutations: int
    metric: str

    @property
    def pairs(self) -> int:
        return self.incidents * (self.incidents - 1) // 2

    def distance_band(self, row: int) -> tuple[float, float | None]:
        """(from, to) of a distance band: (0, 0) the same location, to None beyond."""
        edges = self.distance_edges
        if row == 0:
            return 0.0, 0.0
        if row > edges.size - 1:
            return float(edges[-1]), None
        return float(edges[row - 1]), float(edges[row])

    def time_band(self, column: int) -> tuple[float, float | None]:
        """(from, to) of a time band in days, to None beyond."""
        edges = self.time_edges
        if column >= edges.size - 1:
            return float(edges[-1]), None
        return float(edges[column]), float(edges[column + 1])


def parse_edges(text: str, what: str) -> np.ndarray:
    """Band edges from "0,100,200": numbers from 0, strictly increasing, at least two."""
    try:
        values = [float(part) for part in str(text).replace(";", ",").split(",") if part.strip()]
    except ValueError:
        raise AnalysisError(tr("the {what} must be numbers separated by commas, such as 0,7,14, not {text!r}").format(
            what=what, text=text)) from None
    edges = np.asarray(values, dtype=np.float64)
    if edges.size < 2 or edges[0] != 0 or not np.all(np.isfinite(edges)) or np.any(np.diff(edges) <= 0):
        raise AnalysisError(tr("the {what} must start at 0 and grow, with at least two numbers, "
                               "such as 0,7,14; not {text!r}").format(what=what, text=text))
    return edges


def _distances(dx: np.ndarray, dy: np.ndarray, metric: str) -> np.ndarray:
    if metric == "manhattan":
        return np.abs(dx) + np.abs(dy)
    return np.hypot(dx, dy)


def _cell_pairs(x: np.ndarray, y: np.ndarray, reach: float):
    """The points sorted by grid cell (``order``) and the work items
    (first rows of a, rows in a, first row of b, rows in b) over that order:
    every pair of points in the same or neighbouring cells is in one item."""
    cx = np.floor((x - x.min()) / reach).astype(np.int64)
    cy = np.floor((y - y.min()) / reach).astype(np.int64) + 1  # + 1: a neighbour below stays >= 0
    width = int(cy.max()) + 2
    key = cx * width + cy
    order = np.argsort(key, kind="stable")
    cells, starts, counts = np.unique(key[order], return_index=True, return_counts=True)
    items = []
    for dx, dy in _NEIGHBOUR_OFFSETS:
        target = cells + dx * width + dy
        position = np.minimum(np.searchsorted(cells, target), cells.size - 1)
        found = np.flatnonzero(cells[position] == target)
        items.append((found, position[found]))
    a = np.concatenate([pair[0] for pair in items])
    b = np.concatenate([pair[1] for pair in items])
    a_start, a_count, b_start, b_count = starts[a], counts[a], starts[b], counts[b]
    # split the rows of a big cell so that no item holds more than a chunk of candidates
    rows = np.maximum(1, _CHUNK_PAIRS // np.maximum(b_count, 1))
    pieces = -(-a_count // rows)
    item = np.repeat(np.arange(a.size), pieces)
    piece = np.arange(item.size) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    first = a_start[item] + piece * rows[item]
    size = np.minimum(rows[item], a_start[item] + a_count[item] - first)
    return order, first, size, b_start[item], b_count[item]


def near_pair_chunks(x: np.ndarray, y: np.ndarray, reach: float, metric: str = "euclidean",
                     cancelled: Callable[[], bool] | None = None):
    """Yield (i, j, distance) of the pairs i < j of points closer than
    ``reach``, a chunk of candidates at a time (int64, int64, float64)."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if metric not in METRICS:
        raise AnalysisError(tr("unknown distance metric {metric!r}: use euclidean or manhattan").format(metric=metric))
    if x.size < 2:
        return
    order, a_first, a_size, b_first, b_size = _cell_pairs(x, y, reach)
    sx, sy = x[order], y[order]
    totals = a_size * b_size
    # items in chunks of about _CHUNK_PAIRS candidates (an item is at most one chunk, but for a huge cell)
    window = (np.cumsum(totals) - totals) // _CHUNK_PAIRS
    bounds = np.append(np.flatnonzero(np.diff(window)) + 1, totals.size)
    low = 0
    for high in bounds.tolist():
        if cancelled is not None and cancelled():
            raise AnalysisError(tr("the near-repeat analysis was cancelled"))
        part = slice(low, high)
        sizes = totals[part]
        item = np.repeat(np.arange(sizes.size), sizes)
        offset = np.arange(item.size) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        width = b_size[part][item]
        i = a_first[part][item] + offset // width
        j = b_first[part][item] + offset % width
        keep = i < j  # within one cell each pair once; across cells b's rows come after a's
        i, j = i[keep], j[keep]
        d = _distances(sx[j] - sx[i], sy[j] - sy[i], metric)
        close = d < reach
        yield order[i[close]], order[j[close]], d[close]
        low = high


def near_pairs(x: np.ndarray, y: np.ndarray, reach: float, metric: str = "euclidean",
               cancelled: Callable[[], bool] | None = None):
    """(i, j, distance) of every pair i < j of points closer than ``reach``, as
    int64, int64 and float64 arrays."""
    chunks = list(near_pair_chunks(x, y, reach, metric, cancelled))
    if not chunks:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64)
    return tuple(np.concatenate(parts) for parts in zip(*chunks))


def _near_pairs_by_band(x, y, distance_edges, metric, cancelled):
    """The near pairs' (i, j) as int32, grouped by distance band (same
    location, then each band from 0): for each band a list of blocks of
    (first, second), 8 bytes a pair. Chunks are joined into blocks of about
    _BLOCK_PAIRS as they come, never into one array at the end, so that the
    memory stays 8 bytes a pair plus one block, not twice the pairs."""
    bands = distance_edges.size
    blocks: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in range(bands)]
    pending: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in range(bands)]
    waiting = [0] * bands

    def flush(k: int) -> None:
        if pending[k]:
            firsts, seconds = zip(*pending[k])
            blocks[k].append((np.concatenate(firsts), np.concatenate(seconds)))
            pending[k], waiting[k] = [], 0

    for i, j, d in near_pair_chunks(x, y, float(distance_edges[-1]), metric, cancelled):
        band = np.searchsorted(distance_edges, d, side="right")
        band[d == 0] = 0
        for k in range(bands):
            chosen = band == k
            if chosen.any():
                pending[k].append((i[chosen].astype(np.int32), j[chosen].astype(np.int32)))
                waiting[k] += int(np.count_nonzero(chosen))
                if waiting[k] >= _BLOCK_PAIRS:
                    flush(k)
    for k in range(bands):
        flush(k)
    return blocks


def pairs_closer_in_time(days: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """For each edge e, the number of pairs whose day difference is below e,
    from the sorted days (no pair list)."""
    ordered = np.sort(np.asarray(days, dtype=np.int64))
    index = np.arange(ordered.size)
    counts = []
    for edge in edges:
        if edge <= 0:
            counts.append(0)
            continue
        reach = np.searchsorted(ordered, ordered + edge, side="left")  # first day at least `edge` later
        counts.append(int((reach - index - 1).sum()))
    return np.asarray(counts, dtype=np.int64)


def knox(x: np.ndarray, y: np.ndarray, days: np.ndarray, distance_edges, time_edges, metric: str = "euclidean",
         permutations: int = PERMUTATIONS, seed: int = SEED,
         progress: Callable[[float], bool] | None = None) -> KnoxResult:
    """The Knox test of points (x, y in metres) on local ``days`` (whole day
    numbers). ``progress(fraction)`` returning False stops with an AnalysisError."""
    x = np.asarray(x, dtype=np.float64).ravel()
    y = np.asarray(y, dtype=np.float64).ravel()
    days = np.asarray(days, dtype=np.int64).ravel()
    distance_edges = np.asarray(distance_edges, dtype=np.float64)
    time_edges = np.asarray(time_edges, dtype=np.float64)
    n = x.size
    if n < 2:
        raise AnalysisError(tr("the near-repeat analysis needs at least two incidents with a time, not {n}").format(
            n=n))
    if permutations < 1:
        raise AnalysisError(tr("give at least 1 permutation, not {n}").format(n=permutations))

    def cancelled() -> bool:
        return progress is not None and not progress(0.0)

    blocks = _near_pairs_by_band(x, y, distance_edges, metric, cancelled)
    rows = distance_edges.size + 1
    # days as small integers; a whole number of days apart is below an edge e when below ceil(e)
    relative = days - days.min()
    span = int(relative.max())
    relative = relative.astype(np.int16 if span < 2**15 - 1 else np.int32)
    limits = [min(int(np.ceil(edge)), span + 1) for edge in time_edges[1:]]

    closer = pairs_closer_in_time(days, time_edges)
    total = n * (n - 1) // 2
    per_time_band = np.append(np.diff(closer), total - closer[-1])

    def table(day_of_place: np.ndarray) -> np.ndarray:
        below = np.zeros((rows - 1, len(limits) + 2), dtype=np.int64)  # pairs below each limit, then all
        for k in range(rows - 1):
            for first, second in blocks[k]:
                apart = day_of_place[first]
                apart -= day_of_place[second]
                np.abs(apart, out=apart)
                below[k] += [0] + [int(np.count_nonzero(apart < limit)) for limit in limits] + [apart.size]
        near = np.diff(below, axis=1)
        return np.vstack([near, per_time_band - near.sum(axis=0)])

    observed = table(relative)
    per_distance_band = observed.sum(axis=1)
    expected = np.outer(per_distance_band, per_time_band) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(expected > 0, observed / np.where(expected > 0, expected, 1.0), np.nan)
    rng = np.random.default_rng(seed)
    at_least = np.zeros(observed.shape, dtype=np.int64)
    for done in range(1, permutations + 1):
        at_least += table(relative[rng.permutation(n)]) >= observed
        if progress is not None and not progress(done / permutations):
            raise AnalysisError(tr("the near-repeat analysis was cancelled"))
    p = (1 + at_least) / (permutations + 1)
    return KnoxResult(distance_edges, time_edges, observed.astype(np.int64), expected, ratio, p, n,
                      int(permutations), metric)
