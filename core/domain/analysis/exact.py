"""Exact small-sample statistics, scalar and in pure Python: the binomial
probability and test, the beta quantile and the Clopper–Pearson interval, the
normal tail and quantile.

SciPy would give all of them, but it does not ship with QGIS everywhere. Each
function follows the published algorithm that R and SciPy use, so that the
results agree with theirs to about 1e-12 (the tests check that).
"""

from __future__ import annotations

import math

# R's binom.test counts an outcome as "no more likely than the observed one"
# within this relative tolerance, so that ties survive rounding.
RELATIVE_TOLERANCE = 1 + 1e-7
_LOG_SQRT_2PI = 0.5 * math.log(2 * math.pi)
_EPSILON = 1e-15
_TINY = 1e-300


def _stirling_error(n: float) -> float:
    """log(n!) − log(√(2πn) (n/e)^n): the error of Stirling's formula
    (Loader 2000). Exact through lgamma for small n, a series beyond."""
    if n <= 15:
        return math.lgamma(n + 1) - (n + 0.5) * math.log(n) + n - _LOG_SQRT_2PI
    nn = n * n
    s0, s1, s2, s3, s4 = 1 / 12, 1 / 360, 1 / 1260, 1 / 1680, 1 / 1188
    if n > 500:
        return (s0 - s1 / nn) / n
    if n > 80:
        return (s0 - (s1 - s2 / nn) / nn) / n
    if n > 35:
        return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n
    return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n


def _deviance_term(x: float, mean: float) -> float:
    """x log(x/mean) + mean − x, without cancellation when x ≈ mean (Loader 2000)."""
    if abs(x - mean) < 0.1 * (x + mean):
        v = (x - mean) / (x + mean)
        total = (x - mean) * v
        term = 2 * x * v
        v2 = v * v
        for j in range(1, 1000):
            term *= v2
            following = total + term / (2 * j + 1)
            if following == total:
                return following
            total = following
        return total
    return x * math.log(x / mean) + mean - x


def binom_log_pmf(k: int, n: int, p: float) -> float:
    """log P(X = k) for X ~ Binomial(n, p), in log space by Loader's
    saddle-point form (as R's dbinom): accurate to a few ulp for any n."""
    if k < 0 or k > n:
        return -math.inf
    if p <= 0:
        return 0.0 if k == 0 else -math.inf
    if p >= 1:
        return 0.0 if k == n else -math.inf
    if k == 0:
        return n * math.log1p(-p)
    if k == n:
        return n * math.log(p)
    q = 1 - p
    log_c = (_stirling_error(n) - _stirling_error(k) - _stirling_error(n - k)
             - _deviance_term(k, n * p) - _deviance_term(n - k, n * q))
    log_f = 2 * _LOG_SQRT_2PI + math.log(k) + math.log1p(-k / n)
    return log_c - 0.5 * log_f


def binom_pmf(k: int, n: int, p: float) -> float:
    """P(X = k) for X ~ Binomial(n, p)."""
    return math.exp(binom_log_pmf(k, n, p))


def _tail_sum(start: int, stop: int, step: int, n: int, p: float) -> float:
    """Σ pmf(i) for i = start, start + step, … through stop, a run moving away
    from the mode, so its first term is its largest and the terms fall: the
    sum stops once they are too small to matter (below 1e-20 of the first)."""
    terms = []
    for i in range(start, stop + step, step):
        term = binom_pmf(i, n, p)
        terms.append(term)
        if term <= 1e-20 * terms[0]:
            break
    return math.fsum(terms)


def binom_test_two_sided(k: int, n: int, p: float) -> float:
    """The two-sided exact binomial test of H0: P(success) = p, having seen k
    successes in n trials: the sum of the probabilities of every outcome no
    more likely than k (within R's relative tolerance 1 + 1e-7), as R's
    binom.test and SciPy's binomtest compute it."""
    if not 0 <= k <= n:
        raise ValueError(f"k must lie in 0..n, got k={k}, n={n}")
    if not 0 <= p <= 1:
        raise ValueError(f"p must lie in [0, 1], got {p}")
    if n == 0:
        return 1.0
    if p == 0:
        return 1.0 if k == 0 else 0.0
    if p == 1:
        return 1.0 if k == n else 0.0
    observed = binom_pmf(k, n, p)
    limit = observed * RELATIVE_TOLERANCE
    mean = n * p
    if k == mean:
        return 1.0
    if k < mean:
        # k and below, plus the upper outcomes (from ⌈mean⌉) that are no more likely
        low = _tail_sum(k, 0, -1, n, p)
        high = _upper_run(math.ceil(mean), n, p, limit)
    else:
        high = _tail_sum(k, n, 1, n, p)
        low = _lower_run(math.floor(mean), n, p, limit)
    return min(1.0, low + high)


def _upper_run(first: int, n: int, p: float, limit: float) -> float:
    """Σ pmf(i) over the upper outcomes i ≥ first with pmf(i) ≤ limit. Above
    the mode the pmf falls, so those outcomes are one run y..n, found by
    bisection, then summed outward from y."""
    lo, hi = first, n + 1  # the run starts somewhere in [first, n + 1]
    while lo < hi:
        middle = (lo + hi) // 2
        if binom_pmf(middle, n, p) <= limit:
            hi = middle
        else:
            lo = middle + 1
    return 0.0 if lo > n else _tail_sum(lo, n, 1, n, p)


def _lower_run(last: int, n: int, p: float, limit: float) -> float:
    """Σ pmf(i) over the lower outcomes i ≤ last with pmf(i) ≤ limit: the run 0..y."""
    lo, hi = -1, last  # the run ends somewhere in [−1, last]
    while lo < hi:
        middle = (lo + hi + 1) // 2
        if binom_pmf(middle, n, p) <= limit:
            lo = middle
        else:
            hi = middle - 1
    return 0.0 if lo < 0 else _tail_sum(lo, 0, -1, n, p)


def _log_beta_front(x: float, a: float, b: float) -> float:
    """log of x^a (1 − x)^b / B(a, b), in Loader's saddle-point form: the large
    terms a log x, b log(1 − x) and log B(a, b) cancel analytically, so it
    stays accurate for counts in the millions (plain lgamma loses ~1e-10)."""
    total = a + b
    return (-_deviance_term(a, total * x) - _deviance_term(b, total * (1 - x))
            + 0.5 * math.log(a * b / total) - _LOG_SQRT_2PI
            - _stirling_error(a) - _stirling_error(b) + _stirling_error(total))


def _beta_continued_fraction(x: float, a: float, b: float) -> float:
    """The continued fraction of I_x(a, b), by the modified Lentz method
    (Numerical Recipes, betacf); converges fast for x < (a + 1)/(a + b + 2)."""
    qab, qap, qam = a + b, a + 1, a - 1
    c = 1.0
    d = 1 - qab * x / qap
    d = 1 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, 100_000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > _TINY else _TINY)
        c = 1 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > _TINY else _TINY)
        c = 1 + aa / c
        c = c if abs(c) > _TINY else _TINY
        delta = d * c
        h *= delta
        if abs(delta - 1) < _EPSILON:
            return h
    raise ArithmeticError(f"the beta continued fraction did not converge (x={x}, a={a}, b={b})")


def beta_cdf(x: float, a: float, b: float) -> float:
    """The regularised incomplete beta function I_x(a, b), a, b > 0."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    if x < (a + 1) / (a + b + 2):
        return math.exp(_log_beta_front(x, a, b)) * _beta_continued_fraction(x, a, b) / a
    return 1 - math.exp(_log_beta_front(1 - x, b, a)) * _beta_continued_fraction(1 - x, b, a) / b


def _beta_log_pdf(x: float, a: float, b: float) -> float:
    return _log_beta_front(x, a, b) - math.log(x) - math.log1p(-x)


def beta_ppf(q: float, a: float, b: float) -> float:
    """The q-quantile of the Beta(a, b) distribution: the x with I_x(a, b) = q,
    by Newton's method kept inside a shrinking bisection bracket."""
    if not 0 <= q <= 1:
        raise ValueError(f"q must lie in [0, 1], got {q}")
    if a <= 0 or b <= 0:
        raise ValueError(f"a and b must be positive, got a={a}, b={b}")
    if q == 0:
        return 0.0
    if q == 1:
        return 1.0
    lo, hi = 0.0, 1.0
    x = a / (a + b)
    for _ in range(400):
        error = beta_cdf(x, a, b) - q
        if error == 0:
            return x
        if error > 0:
            hi = x
        else:
            lo = x
        density = math.exp(_beta_log_pdf(x, a, b))
        following = x - error / density if density > 0 else math.nan
        if not lo < following < hi:  # also catches NaN: bisect instead
            following = 0.5 * (lo + hi)
        if abs(following - x) <= 1e-15 * max(x, 1e-300) or hi - lo <= 1e-16 * max(lo, 1e-300):
            return following
        x = following
    return x


def clopper_pearson(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """The exact (Clopper–Pearson) confidence interval of a binomial proportion
    k/n: low = 0 when k = 0, high = 1 when k = n."""
    if n <= 0 or not 0 <= k <= n:
        raise ValueError(f"need 0 ≤ k ≤ n and n > 0, got k={k}, n={n}")
    alpha = 1 - level
    low = 0.0 if k == 0 else beta_ppf(alpha / 2, k, n - k + 1)
    high = 1.0 if k == n else beta_ppf(1 - alpha / 2, k + 1, n - k)
    return low, high


def normal_two_sided_p(z: float) -> float:
    """P(|Z| ≥ |z|) for a standard normal Z."""
    return math.erfc(abs(z) / math.sqrt(2))


def normal_quantile(p: float) -> float:
    """The p-quantile of the standard normal distribution: Acklam's rational
    approximation, polished by one Halley step on erfc (about 1e-15)."""
    if not 0 < p < 1:
        if p == 0:
            return -math.inf
        if p == 1:
            return math.inf
        raise ValueError(f"p must lie in [0, 1], got {p}")
    a = (-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02,
         1.383577518672690e02, -3.066479806614716e01, 2.506628277459239e00)
    b = (-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02,
         6.680131188771972e01, -1.328068155288572e01)
    c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00,
         -2.549732539343734e00, 4.374664141464968e00, 2.938163982698783e00)
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)
    low = 0.02425
    if p < low:
        r = math.sqrt(-2 * math.log(p))
        x = (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) / \
            ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1)
    elif p <= 1 - low:
        r = p - 0.5
        s = r * r
        x = (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / \
            (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1)
    else:
        r = math.sqrt(-2 * math.log1p(-p))
        x = -(((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) / \
            ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1)
    for _ in range(2):
        error = 0.5 * math.erfc(-x / math.sqrt(2)) - p
        u = error * math.sqrt(2 * math.pi) * math.exp(x * x / 2)
        x -= u / (1 + x * u / 2)
    return x
