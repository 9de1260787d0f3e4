"""The Mann–Kendall trend test, for many series at once.

For a series x_1 … x_n:

    S = Σ_{i<j} sign(x_j − x_i)
    Var(S) = [n(n − 1)(2n + 5) − Σ_g t_g(t_g − 1)(2t_g + 5)] / 18

where t_g is the size of the g-th group of tied values (the tie correction).
The continuity-corrected z is (S − 1)/√Var for S > 0, (S + 1)/√Var for
S < 0 and 0 for S = 0; p is its two-sided normal p-value. A series whose
variance is 0 (all values tied, or fewer than two) has z = 0, p = 1.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .normal import two_sided_p


class Trend(NamedTuple):
    s: np.ndarray  # int64 per series
    variance: np.ndarray  # float64, tie-corrected
    z: np.ndarray
    p: np.ndarray


def tie_term(series: np.ndarray) -> np.ndarray:
    """Σ_g t_g(t_g − 1)(2t_g + 5) over the groups of equal values of each row."""
    values = np.sort(np.asarray(series, dtype=np.float64), axis=1)
    rows, length = values.shape
    if length == 0:
        return np.zeros(rows)
    starts = np.ones(values.shape, dtype=bool)
    starts[:, 1:] = values[:, 1:] != values[:, :-1]
    group = np.cumsum(starts.ravel()) - 1  # groups numbered across the rows, none spans two rows
    sizes = np.bincount(group).astype(np.float64)
    row_of_group = np.repeat(np.arange(rows), starts.sum(axis=1))
    return np.bincount(row_of_group, weights=sizes * (sizes - 1) * (2 * sizes + 5), minlength=rows)


def mann_kendall(series: np.ndarray) -> Trend:
    """The test of each row of ``series`` (rows: series, columns: time in order)."""
    values = np.atleast_2d(np.asarray(series, dtype=np.float64))
    rows, n = values.shape
    s = np.zeros(rows, dtype=np.int64)
    # time first, so that each comparison runs over contiguous rows: every later value against the one at
    # step i, two boolean sums (five times faster at 160 000 cells × 104 weeks than signs of lagged differences)
    by_time = np.ascontiguousarray(values.T)
    for i in range(n - 1):
        later, here = by_time[i + 1:], by_time[i]
        s += (later > here).sum(axis=0, dtype=np.int64)
        s -= (later < here).sum(axis=0, dtype=np.int64)
    variance = (n * (n - 1) * (2 * n + 5) - tie_term(values)) / 18.0
    z = np.zeros(rows)
    root = np.sqrt(np.maximum(variance, 0.0))
    up, down = (s > 0) & (root > 0), (s < 0) & (root > 0)
    z[up] = (s[up] - 1) / root[up]
    z[down] = (s[down] + 1) / root[down]
    return Trend(s, variance, z, two_sided_p(z))
