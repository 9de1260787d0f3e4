"""The regularized upper incomplete gamma function Q(a, x) and the chi-square
upper tail built on it, in pure Python.

Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x), and a chi-square variable with ``df``
degrees of freedom exceeds x with probability Q(df/2, x/2).

Two classical expansions cover the plane, as in Numerical Recipes (gser/gcf):

- x < a + 1: the series P(a, x) = e^(−x) x^a / Γ(a + 1) · Σ x^n / ((a + 1)…(a + n)),
  whose terms fall at least geometrically there, and Q = 1 − P. For a ≥ 1/2
  (every chi-square) Q stays above 0.08 on this side, so the subtraction
  costs at most about one decimal digit.
- x ≥ a + 1: Legendre's continued fraction for Q itself, evaluated forwards by
  the modified Lentz method, so that a tiny Q keeps its relative accuracy.

The common factor e^(−x) x^a / Γ(a) is taken in log space through
``math.lgamma``. The tests check Q against SciPy to 1e-10 relative.
"""

from __future__ import annotations

import math

_EPSILON = 2.220446049250313e-16
_FLOOR = 1e-300  # keeps Lentz's denominators off zero
_MAX_TERMS = 100_000  # about sqrt(a) terms are needed; a runaway loop is a bug


def _log_prefactor(a: float, x: float) -> float:
    """log(e^(−x) x^a / Γ(a))."""
    return -x + a * math.log(x) - math.lgamma(a)


def _lower_series(a: float, x: float) -> float:
    """P(a, x) by its power series (x < a + 1)."""
    term = total = 1.0 / a
    denominator = a
    for _ in range(_MAX_TERMS):
        denominator += 1.0
        term *= x / denominator
        total += term
        if abs(term) < abs(total) * _EPSILON:
            return total * math.exp(_log_prefactor(a, x))
    raise ArithmeticError(f"the incomplete gamma series did not converge for a={a!r}, x={x!r}")


def _upper_fraction(a: float, x: float) -> float:
    """Q(a, x) by Legendre's continued fraction (x ≥ a + 1), modified Lentz."""
    b = x + 1.0 - a
    c = 1.0 / _FLOOR
    d = 1.0 / b
    fraction = d
    for i in range(1, _MAX_TERMS):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        if abs(d) < _FLOOR:
            d = _FLOOR
        c = b + an / c
        if abs(c) < _FLOOR:
            c = _FLOOR
        d = 1.0 / d
        step = d * c
        fraction *= step
        if abs(step - 1.0) < _EPSILON:
            return math.exp(_log_prefactor(a, x)) * fraction
    raise ArithmeticError(f"the incomplete gamma fraction did not converge for a={a!r}, x={x!r}")


def upper_gamma_q(a: float, x: float) -> float:
    """Q(a, x) = Γ(a, x)/Γ(a) for a > 0 and x ≥ 0 (Q(a, 0) = 1; Q → 0 as x → ∞)."""
    a, x = float(a), float(x)
    if not a > 0 or not x >= 0 or math.isnan(x):
        raise ValueError(f"the incomplete gamma function needs a > 0 and x ≥ 0, not a={a!r}, x={x!r}")
    if x == 0:
        return 1.0
    if math.isinf(x):
        return 0.0
    if x < a + 1.0:
        return 1.0 - _lower_series(a, x)
    return _upper_fraction(a, x)


def chi2_sf(statistic: float, df: int) -> float:
    """P(X ≥ statistic) for X chi-square with ``df`` > 0 degrees of freedom."""
    if df <= 0:
        raise ValueError(f"a chi-square distribution needs df > 0, not {df!r}")
    if statistic <= 0:
        return 1.0
    return upper_gamma_q(df / 2.0, statistic / 2.0)
