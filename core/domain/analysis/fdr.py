"""Confidence bins of Gi* with the Benjamini–Hochberg false discovery rate
correction, as ArcGIS's Hot Spot Analysis applies it.

For each confidence level (90, 95 and 99 %, α = 0.10, 0.05, 0.01) on its own:
sort the n p-values, p_(1) ≤ … ≤ p_(n); the threshold is the largest p_(k)
with p_(k) ≤ k·α/n (0 when there is none), and a cell passes the level when
its p-value is at or below the threshold. The bin is sign(z) times the number
of levels passed: −3 … 3, 0 where none is passed. The thresholds grow with α,
so a cell that passes 99 % passes 95 % and 90 % too.
"""

from __future__ import annotations

import numpy as np

from ...i18n import tr

LEVELS = (0.10, 0.05, 0.01)
CONFIDENCE = {1: 90, 2: 95, 3: 99}


def bh_threshold(p: np.ndarray, alpha: float) -> float:
    """The largest p_(k) with p_(k) ≤ k·α/n, or 0 when no p-value passes."""
    ordered = np.sort(np.asarray(p, dtype=np.float64).ravel())
    n = ordered.size
    if n == 0:
        return 0.0
    passing = np.flatnonzero(ordered <= np.arange(1, n + 1) * (alpha / n))
    return float(ordered[passing[-1]]) if passing.size else 0.0


def gi_bins(z: np.ndarray, p: np.ndarray) -> np.ndarray:
    """sign(z) × (number of the levels α = 0.10, 0.05, 0.01 passed), as int64."""
    z = np.asarray(z, dtype=np.float64)
    p = np.asarray(p, dtype=np.float64)
    passed = np.zeros(p.shape, dtype=np.int64)
    for alpha in LEVELS:
        # a threshold of 0 (none passes) lets no p-value through, as no p-value is 0 then
        passed += p <= bh_threshold(p, alpha)
    return (np.sign(z).astype(np.int64) * passed).astype(np.int64)


def label(gi_bin: int) -> str:
    """The readable label of a bin: 'Hot spot, 99 % confidence', 'Not significant', …"""
    gi_bin = int(gi_bin)
    if gi_bin == 0:
        return tr("Not significant")
    confidence = CONFIDENCE[abs(gi_bin)]
    if gi_bin > 0:
        return tr("Hot spot, {confidence} % confidence").format(confidence=confidence)
    return tr("Cold spot, {confidence} % confidence").format(confidence=confidence)
