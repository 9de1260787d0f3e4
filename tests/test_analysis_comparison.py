"""Period comparison, checked against independent computations: the p-value
against the binomial sum in exact rational arithmetic written here, the
interval against the defining tail equations and against SciPy, and the rate
ratio against the published example of R's rateratio.test vignette."""

import math
import random
from datetime import date
from fractions import Fraction

import pytest

from lagesbild.core.domain.analysis import AnalysisError, exact
from lagesbild.core.domain.analysis import comparison as cmp
from lagesbild.core.domain.timeutil import Period

R_TOLERANCE = Fraction(10**7 + 1, 10**7)  # binom.test's relative tolerance, 1 + 1e-7


def exact_p_value(count_a: int, count_b: int, days_a: int, days_b: int) -> float:
    """The two-sided conditional test, in exact fractions: given n = a + b, b is
    Binomial(n, days_b/(days_a + days_b)); add up every outcome no more likely
    than b."""
    n = count_a + count_b
    probability = [Fraction(math.comb(n, k) * days_b**k * days_a ** (n - k), (days_a + days_b) ** n)
                   for k in range(n + 1)]
    limit = probability[count_b] * R_TOLERANCE
    return float(min(Fraction(1), sum(p for p in probability if p <= limit)))


def binomial_tail(k: int, n: int, p: float, upper: bool) -> float:
    """P(X ≥ k) (upper) or P(X ≤ k) for X ~ Binomial(n, p), summed term by term."""
    ks = range(k, n + 1) if upper else range(0, k + 1)
    return math.fsum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in ks)


CASES = [  # count_a, count_b, days_a, days_b
    (387, 317, 167, 167),
    (21, 11, 1083 + 1050 + 878, 800),
    (9, 2, 16660, 17877),
    (30, 45, 365, 366),  # a whole year against a leap year
    (10, 20, 10, 40),  # B four times as long
    (100, 130, 31, 28),
    (5, 0, 10, 10),
    (0, 5, 10, 10),
    (0, 1, 1, 1),
    (10, 10, 7, 7),  # b at the expected count: p = 1
    (1, 3, 1, 1),  # a tie: P(1) = P(3) both count
]


@pytest.mark.parametrize(("a", "b", "days_a", "days_b"), CASES)
def test_p_value_is_the_exact_binomial_sum(a, b, days_a, days_b):
    result = cmp.compare(a, b, days_a, days_b)
    assert result.p_value == pytest.approx(exact_p_value(a, b, days_a, days_b), rel=1e-10, abs=1e-15)


def test_a_tie_is_counted_on_both_sides():
    # n = 4, p = 1/2, b = 3: P(3) = P(1) = 4/16, so p = (1 + 4 + 4 + 1)/16
    assert cmp.compare(1, 3, 1, 1).p_value == pytest.approx(10 / 16, abs=1e-15)
    assert cmp.compare(10, 10, 7, 7).p_value == 1.0


def test_p_value_agrees_with_scipy_binomtest():
    stats = pytest.importorskip("scipy.stats")
    rng = random.Random(5)
    for _ in range(400):
        n = rng.choice([1, 3, 10, 50, 400, 5000, 100_000])
        b = rng.randint(0, n)
        days_a, days_b = rng.randint(1, 400), rng.randint(1, 400)
        expected = stats.binomtest(b, n, days_b / (days_a + days_b)).pvalue
        result = cmp.compare(n - b, b, days_a, days_b)
        assert result.p_value == pytest.approx(expected, rel=1e-9, abs=1e-300)


@pytest.mark.parametrize(("k", "n"), [(0, 1), (1, 1), (0, 7), (3, 7), (7, 7), (11, 32), (2, 11), (50, 100)])
def test_clopper_pearson_solves_its_defining_tail_equations(k, n):
    low, high = exact.clopper_pearson(k, n)
    if k == 0:
        assert low == 0
    else:  # P(X ≥ k | low) = 2.5 %
        assert binomial_tail(k, n, low, upper=True) == pytest.approx(0.025, rel=1e-9)
    if k == n:
        assert high == 1
    else:  # P(X ≤ k | high) = 2.5 %
        assert binomial_tail(k, n, high, upper=False) == pytest.approx(0.025, rel=1e-9)


def test_clopper_pearson_and_beta_quantiles_agree_with_scipy():
    stats = pytest.importorskip("scipy.stats")
    for n in (1, 2, 5, 32, 1000, 250_000):
        for k in sorted({0, 1, n // 3, n // 2, n - 1, n}):
            low, high = exact.clopper_pearson(k, n)
            expected_low = 0.0 if k == 0 else stats.beta.ppf(0.025, k, n - k + 1)
            expected_high = 1.0 if k == n else stats.beta.ppf(0.975, k + 1, n - k)
            assert low == pytest.approx(expected_low, rel=1e-10, abs=1e-300)
            assert high == pytest.approx(expected_high, rel=1e-10)
    for q in (1e-6, 0.025, 0.3, 0.5, 0.975, 0.999999):
        for a, b in ((0.5, 0.5), (1, 1), (2, 9), (30, 4), (1e4, 2e4)):
            assert exact.beta_ppf(q, a, b) == pytest.approx(stats.beta.ppf(q, a, b), rel=1e-10)


def test_normal_helpers():
    assert exact.normal_quantile(0.975) == pytest.approx(1.959963984540054, rel=1e-15)
    assert exact.normal_two_sided_p(1.959963984540054) == pytest.approx(0.05, rel=1e-14)
    assert exact.normal_two_sided_p(0) == 1.0


def test_rate_ratio_interval_matches_the_published_rateratio_test_example():
    # Fay, "Testing the ratio of two Poisson rates" (rateratio.test vignette):
    # rateratio.test(c(2, 9), c(17877, 16660)) prints the rate ratio
    # 0.2070941557 and the 95 % interval 0.02177406 1.00054910. That ratio is
    # B over A with b = 2 in 17877 days and a = 9 in 16660 days.
    result = cmp.compare(9, 2, 16660, 17877)
    assert result.rate_ratio == pytest.approx(0.2070941557, abs=1e-10)
    assert result.rr_low == pytest.approx(0.02177406, abs=1e-8)
    assert result.rr_high == pytest.approx(1.00054910, abs=1e-8)


def test_r_poisson_test_example_against_an_independent_computation():
    # poisson.test(c(11, 6 + 8 + 7), c(800, 1083 + 1050 + 878)) from R's
    # documentation: Fredericia (11 cases in 800 person-years) against the
    # other three cities (21 in 3011). Fredericia is B here.
    stats = pytest.importorskip("scipy.stats")
    result = cmp.compare(21, 11, 3011, 800)
    assert result.rate_ratio == pytest.approx((11 / 800) / (21 / 3011), rel=1e-14)  # 1.971488…
    low_p, high_p = stats.beta.ppf(0.025, 11, 22), stats.beta.ppf(0.975, 12, 21)
    assert result.rr_low == pytest.approx(low_p / (1 - low_p) * 3011 / 800, rel=1e-9)  # 0.8584…
    assert result.rr_high == pytest.approx(high_p / (1 - high_p) * 3011 / 800, rel=1e-9)  # 4.2773…
    assert result.p_value == pytest.approx(stats.binomtest(11, 32, 800 / 3811).pvalue, rel=1e-9)
    assert result.p_value == pytest.approx(0.07967, abs=5e-6)


def test_changes_and_periods_of_different_lengths():
    result = cmp.compare(10, 20, 10, 40)
    assert (result.change, result.change_pct) == (10, 100.0)
    assert result.rate_ratio == pytest.approx(0.5)  # 0.5 a day against 1 a day
    assert (result.days_a, result.days_b) == (10, 40)
    result = cmp.compare(387, 317, 167, 167)
    assert result.change == -70
    assert result.change_pct == pytest.approx(100 * -70 / 387)


def test_zero_counts_give_none_not_errors():
    only_b = cmp.compare(0, 5, 10, 20)
    assert only_b.change_pct is None and only_b.rate_ratio is None and only_b.rr_high is None
    # the lower limit exists: from the Clopper–Pearson lower limit of 5/5
    low = 0.025 ** (1 / 5)  # P(X ≥ 5 | p) = p^5 = 2.5 %
    assert only_b.rr_low == pytest.approx(low / (1 - low) * 10 / 20, rel=1e-10)
    assert only_b.p_value == pytest.approx(exact_p_value(0, 5, 10, 20), rel=1e-12)

    only_a = cmp.compare(5, 0, 10, 20)
    assert (only_a.change_pct, only_a.rate_ratio, only_a.rr_low) == (-100.0, 0.0, 0.0)
    high = 1 - 0.025 ** (1 / 5)  # P(X ≤ 0 | p) = (1 − p)^5 = 2.5 %
    assert only_a.rr_high == pytest.approx(high / (1 - high) * 10 / 20, rel=1e-10)

    none = cmp.compare(0, 0, 10, 10)
    assert (none.change, none.change_pct, none.rate_ratio, none.rr_low, none.rr_high, none.p_value) == (
        0, None, None, None, None, 1.0)


def test_bad_counts_and_days_are_refused():
    with pytest.raises(AnalysisError, match="count_a = -1"):
        cmp.compare(-1, 3, 10, 10)
    with pytest.raises(AnalysisError, match="days_b = 0"):
        cmp.compare(1, 3, 10, 0)


def test_groups_union_sorted_with_a_total_row():
    period_a, period_b = Period(date(2023, 1, 1), date(2023, 12, 31)), Period(date(2024, 1, 1), date(2024, 12, 31))
    rows = cmp.compare_groups({"theft": 10, "disorder": 4}, {"disorder": 6, "vandalism": 3}, period_a, period_b)
    assert [r.group for r in rows] == ["disorder", "theft", "vandalism", "total"]
    assert [(r.count_a, r.count_b) for r in rows] == [(4, 6), (10, 0), (0, 3), (14, 9)]
    assert all((r.days_a, r.days_b) == (365, 366) for r in rows)  # 2024 is a leap year
    total = rows[-1]
    assert total.rate_ratio == pytest.approx((9 / 366) / (14 / 365))
    assert total.p_value == pytest.approx(exact_p_value(14, 9, 365, 366), rel=1e-12)
    months = cmp.compare_groups({10: 1, 2: 2}, {9: 1}, period_a, period_b)
    assert [r.group for r in months] == [2, 9, 10, "total"]


def test_a_group_called_total_is_refused():
    with pytest.raises(AnalysisError, match="total"):
        cmp.compare_groups({"total": 1}, {}, Period(date(2023, 1, 1), date(2023, 1, 2)),
                           Period(date(2024, 1, 1), date(2024, 1, 2)))


def test_overlapping_periods_are_refused_with_their_dates():
    period_a = Period(date(2024, 1, 1), date(2024, 3, 31))
    period_b = Period(date(2024, 3, 31), date(2024, 6, 30))  # one shared day is enough
    with pytest.raises(AnalysisError, match=r"2024-01-01 to 2024-03-31.*2024-03-31 to 2024-06-30.*overlap"):
        cmp.check_periods(period_a, period_b)
    with pytest.raises(AnalysisError, match="overlap"):
        cmp.compare_groups({"x": 1}, {"x": 2}, period_a, period_b)
    cmp.check_periods(period_a, Period(date(2024, 4, 1), date(2024, 6, 30)))  # adjacent is fine


def test_backward_periods_are_refused_by_name():
    with pytest.raises(AnalysisError, match="Period B runs backwards: it starts on 2024-06-15, after its end on "
                                            "2024-01-01"):
        cmp.make_period(date(2024, 6, 15), date(2024, 1, 1), "B")
    assert cmp.make_period(date(2024, 6, 15), date(2024, 6, 15), "A").days == 1
