"""The effect of a measure relative to its comparison area, in one reading.

- The relative effect size of Farrington (Farrington et al. 2007; Welsh and
  Farrington 2009): RES = (ca·rb)/(cb·ra), the odds ratio of the target's and
  the comparison area's counts before (b) and after (a). Above 1 the target
  did better than the comparison area (RES 2: its incidents fell to half of
  what the comparison area's change predicts). Its 95 % interval is
  log-normal: var(ln RES) = 1/ca + 1/rb + 1/cb + 1/ra. It does not depend on
  the lengths of the periods or on the sizes of the areas, which the WDD does.
- The pre-trend check: the before period split into two halves, and the same
  odds ratio of the target's and the comparison's counts from the first half
  to the second. Below 1 with its whole 95 % interval, the target was already
  falling faster than the comparison area before the measure began.
- ``judge``: one effect from the RES and the WDD test together, so that the
  words never say "reduction" and "increase" of the same result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .exact import normal_quantile

Z_95 = normal_quantile(0.975)
SIGNIFICANCE = 0.05

# the effect codes of ``judge``
REDUCTION = "reduction"
PROBABLE_REDUCTION = "probable_reduction"
NO_CLEAR_DIFFERENCE = "no_clear_difference"
PROBABLE_INCREASE = "probable_increase"
INCREASE = "increase"
DISPLACED = "displaced"
CONFLICTING = "conflicting"
UNDETERMINED = "undetermined"
EFFECTS = (REDUCTION, PROBABLE_REDUCTION, NO_CLEAR_DIFFERENCE, PROBABLE_INCREASE, INCREASE, DISPLACED, CONFLICTING,
           UNDETERMINED)


def odds_ratio(a: float, b: float, c: float, d: float) -> tuple[float, float, float] | None:
    """(a·b)/(c·d) with its log-normal 95 % interval, var = 1/a + 1/b + 1/c + 1/d;
    None when a count is 0 (the ratio or its variance does not exist)."""
    if min(a, b, c, d) <= 0:
        return None
    value = (a * b) / (c * d)
    half = Z_95 * math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    return value, value * math.exp(-half), value * math.exp(half)


def relative_effect(rb: int, ra: int, cb: int, ca: int) -> tuple[float, float, float] | None:
    """Farrington's RES = (ca·rb)/(cb·ra) with its 95 % interval, or None."""
    return odds_ratio(ca, rb, cb, ra)


def change_pct(before: float, after: float, days_before: int, days_after: int) -> float | None:
    """The change of the daily rate in per cent; None without a base."""
    if before <= 0:
        return None
    return 100.0 * ((after / days_after) / (before / days_before) - 1.0)


@dataclass
class PreTrend:
    rb1: int  # target, first and second half of the before period
    rb2: int
    cb1: int  # comparison area, the same halves
    cb2: int
    days1: int
    days2: int
    ratio: float | None  # (rb2·cb1)/(rb1·cb2): below 1, the target fell faster
    low: float | None
    high: float | None
    target_change_pct: float | None
    control_change_pct: float | None
    caution: bool  # the target was already falling faster, beyond chance at 95 %


def pre_trend(rb1: int, rb2: int, cb1: int, cb2: int, days1: int, days2: int) -> PreTrend:
    """The target's change from the first half of the before period to the
    second, against the comparison area's."""
    found = odds_ratio(rb2, cb1, rb1, cb2)
    ratio, low, high = found if found else (None, None, None)
    return PreTrend(rb1=rb1, rb2=rb2, cb1=cb1, cb2=cb2, days1=days1, days2=days2, ratio=ratio, low=low,
                    high=high, target_change_pct=change_pct(rb1, rb2, days1, days2),
                    control_change_pct=change_pct(cb1, cb2, days1, days2),
                    caution=high is not None and high < 1.0)


def judge(res: float | None, res_low: float | None, res_high: float | None, wdd: float,
          wdd_p: float | None, wdd_target: float | None = None) -> str:
    """One effect code from the RES (relative) and the WDD test (absolute):

    - both significant at 95 % in the same direction: REDUCTION or INCREASE;
    - one significant, the other pointing the same way or not at all:
      PROBABLE_REDUCTION or PROBABLE_INCREASE;
    - the two pointing in opposite directions, one of them significantly:
      DISPLACED when the target improved (RES above 1) and the WDD of the
      target and the comparison area alone (``wdd_target``, without the
      buffers) agrees, so that the buffer's rise outweighs the target's fall;
      else CONFLICTING (usually a comparison area far larger or smaller than
      the target, where the absolute WDD and the relative RES part ways);
    - neither significant: NO_CLEAR_DIFFERENCE;
    - no RES (a count of 0): UNDETERMINED."""
    if res is None:
        return UNDETERMINED
    res_sign = (res > 1) - (res < 1)  # +1: the target did better than the comparison area
    res_significant = res_low > 1 or res_high < 1
    wdd_sign = (wdd < 0) - (wdd > 0)  # the same orientation: a negative WDD is a reduction
    wdd_significant = wdd_p is not None and wdd_p < SIGNIFICANCE and wdd_sign != 0
    if res_sign * wdd_sign < 0 and (res_significant or wdd_significant):
        if res_sign > 0 and wdd_target is not None and wdd_target < 0:
            return DISPLACED
        return CONFLICTING
    if not (res_significant or wdd_significant):
        return NO_CLEAR_DIFFERENCE
    better = (res_sign if res_significant else wdd_sign) > 0
    if res_significant and wdd_significant:
        return REDUCTION if better else INCREASE
    return PROBABLE_REDUCTION if better else PROBABLE_INCREASE
