"""Measure follow-up: did crime fall in the target area of a measure, relative
to a comparison (control) area, and did it move to (or did the benefit spread
to) the surrounding buffer? The core of ``lagesbild:measurefollowup``.

- The relative effect size of Farrington, RES = (ca·rb)/(cb·ra), with its
  log-normal 95 % interval (``effect.relative_effect``): above 1 the target did
  better than the comparison area, whatever the two areas' sizes.
- The Weighted Displacement Quotient (Bowers and Johnson 2003): the success
  measure sm = ra/ca − rb/cb (negative: the target improved relative to the
  control), the buffer displacement measure bdm = da/ca − db/cb, their
  quotient wdq = bdm/sm, defined only after a reduction (sm < 0), and the total
  net effect tne = (rb·ca/cb − ra) + (db·ca/cb − da).
- The Weighted Displacement Difference test (Wheeler and Ratcliffe 2018):
  wdd = (ra − rb) − (ca − cb) + (da − db) − (dca − dcb), negative for a
  reduction, with the Poisson standard error √(sum of the counts used) and a
  normal test and 95 % interval. With periods of unequal length the before
  counts are weighted by k = days after / days before (each before count b
  becomes k·b, with variance k²·b); the RES, sm, bdm, wdq and tne do not
  depend on the lengths.
- One verdict from the RES and the WDD together (``effect.judge``), with a
  caution when the target was already falling faster than the comparison
  area in the before period (``effect.pre_trend``).

Bowers and Johnson's reading of the WDQ: above 1, the buffer gained more than
the target (diffusion of benefits greater than the direct effect); 0 to 1,
diffusion of benefits; 0, neither displacement nor diffusion; −1 to 0, some
displacement, less than the direct effect (still a net benefit); below −1,
displacement greater than the direct effect (the measure backfired).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from ...i18n import tr, translator
from ..periods import Period, since_start
from ..wording import number
from . import AnalysisError
from . import effect as fx
from .exact import normal_quantile, normal_two_sided_p

Z_95 = normal_quantile(0.975)  # 1.959963984540054
SIGNIFICANCE = 0.05
SIZE_RATIO_WARNING = 3.0  # a comparison area with over 3 times (or under a third of) the target's incidents


@dataclass
class FollowUp:
    rb: int  # target area, before and after
    ra: int
    db: int  # buffer (displacement zone) around the target
    da: int
    cb: int  # control area
    ca: int
    dcb: int | None  # buffer around the control area; None without one
    dca: int | None
    sm: float | None  # success measure
    bdm: float | None  # buffer displacement measure
    wdq: float | None  # weighted displacement quotient; None unless sm < 0
    tne: float | None  # total net effect (incidents prevented; negative: added)
    wdd: float  # weighted displacement difference (negative: a reduction); whole with equal periods
    wdd_se: float
    wdd_z: float | None  # None when every count is 0
    wdd_p: float | None
    wdd_low: float | None
    wdd_high: float | None
    days_before: int | None = None  # None: equally long periods
    days_after: int | None = None
    res: float | None = None  # relative effect size (above 1: the target did better); None when a count is 0
    res_low: float | None = None
    res_high: float | None = None
    target_change_pct: float | None = None  # change of the daily rate; None without incidents before
    control_change_pct: float | None = None
    pre: fx.PreTrend | None = None
    effect: str = fx.UNDETERMINED  # one of effect.EFFECTS
    notes: list[str] = field(default_factory=list)
    verdict: str = ""
    reading: str = ""

    @property
    def weight(self) -> float:
        """k: what one day before weighs against one day after."""
        if not self.days_before or not self.days_after:
            return 1.0
        return self.days_after / self.days_before

    @property
    def size_ratio(self) -> float | None:
        """The comparison area's incidents before, as a multiple of the target's."""
        return self.cb / self.rb if self.rb else None


def _count(name: str, value) -> int:
    if value is None or int(value) != value or value < 0:
        raise AnalysisError(tr("A count must be a whole number of at least 0: {name} = {value}")
                            .format(name=name, value=value))
    return int(value)


def _days(name: str, value) -> int | None:
    if value is None:
        return None
    if int(value) != value or value < 1:
        raise AnalysisError(tr("A period must be at least one whole day long: {name} = {value}")
                            .format(name=name, value=value))
    return int(value)


def follow_up(rb, ra, db, da, cb, ca, dcb=None, dca=None, language="en", days_before=None, days_after=None,
              pre: fx.PreTrend | None = None) -> FollowUp:
    """The RES, the WDQ, the total net effect and the WDD of the counts before
    (b) and after (a) the measure, the verdict, notes and a plain-language
    reading in ``language`` ("sv" or "en"). ``days_before``, ``days_after``:
    the lengths of the periods (both or neither; neither: equally long);
    ``pre``: the pre-trend check of the before period."""
    rb, ra, db, da, cb, ca = (_count(n, v) for n, v in
                              (("rb", rb), ("ra", ra), ("db", db), ("da", da), ("cb", cb), ("ca", ca)))
    if (dcb is None) != (dca is None):
        raise AnalysisError(tr("Give both counts of the control buffer (dcb before, dca after), or neither"))
    if (days_before is None) != (days_after is None):
        raise AnalysisError(tr("Give the lengths of both periods (days_before, days_after), or neither"))
    days_before, days_after = _days("days_before", days_before), _days("days_after", days_after)
    with_control_buffer = dcb is not None
    if with_control_buffer:
        dcb, dca = _count("dcb", dcb), _count("dca", dca)
    sm = bdm = wdq = tne = None
    if cb > 0:
        tne = (rb * ca / cb - ra) + (db * ca / cb - da)
    if cb > 0 and ca > 0:
        sm = ra / ca - rb / cb
        bdm = da / ca - db / cb
        if sm < 0:
            wdq = bdm / sm + 0.0  # + 0.0: no −0.0 when the buffer did not change

    pairs = [(rb, ra), (cb, ca), (db, da)] + ([(dcb, dca)] if with_control_buffer else [])
    signs = [1, -1, 1, -1]
    k = 1 if days_before == days_after else days_after / days_before  # equally long: whole numbers, as published
    changes = [s * (a - k * b) for s, (b, a) in zip(signs, pairs)]
    wdd = sum(changes)
    variance = sum(k * k * b + a for b, a in pairs)
    wdd_se = math.sqrt(variance)
    wdd_z = wdd_p = wdd_low = wdd_high = None
    if wdd_se > 0:
        wdd_z = wdd / wdd_se
        wdd_p = normal_two_sided_p(wdd_z)
        wdd_low, wdd_high = wdd - Z_95 * wdd_se, wdd + Z_95 * wdd_se

    res = fx.relative_effect(rb, ra, cb, ca)
    length_b, length_a = days_before or 1, days_after or 1
    result = FollowUp(rb=rb, ra=ra, db=db, da=da, cb=cb, ca=ca, dcb=dcb, dca=dca, sm=sm, bdm=bdm, wdq=wdq,
                      tne=tne, wdd=wdd, wdd_se=wdd_se, wdd_z=wdd_z, wdd_p=wdd_p, wdd_low=wdd_low,
                      wdd_high=wdd_high, days_before=days_before, days_after=days_after,
                      res=res[0] if res else None, res_low=res[1] if res else None,
                      res_high=res[2] if res else None,
                      target_change_pct=fx.change_pct(rb, ra, length_b, length_a),
                      control_change_pct=fx.change_pct(cb, ca, length_b, length_a), pre=pre)
    result.effect = fx.judge(result.res, result.res_low, result.res_high, wdd, wdd_p,
                             wdd_target=changes[0] + changes[1])
    result.notes = notes(result, language)
    result.verdict = verdict(result, language)
    result.reading = reading(result, language)
    return result


def split_period(period: Period) -> tuple[Period, Period] | None:
    """The two halves of a period (the second one day longer when its length
    is odd), or None for a single day."""
    if period.days < 2:
        return None
    middle = period.start + timedelta(days=period.days // 2)
    return Period(period.start, middle - timedelta(days=1)), Period(middle, period.end)


def notes(result: FollowUp, language: str | None) -> list[str]:
    """Why a figure is left empty, in ``language``."""
    tr = translator(language)
    found = []
    if result.cb == 0 and result.ca == 0:
        found.append(tr("The control area had no incidents before or after the measure: the success measure, "
                        "the WDQ and the total net effect cannot be computed."))
    elif result.cb == 0:
        found.append(tr("The control area had no incidents before the measure: the success measure, the WDQ "
                        "and the total net effect cannot be computed."))
    elif result.ca == 0:
        found.append(tr("The control area had no incidents after the measure: the success measure and the WDQ "
                        "cannot be computed."))
    elif result.sm >= 0:
        found.append(tr("The success measure is {sm}, not below 0: the target area did not improve relative to "
                        "the control area, and the WDQ, which measures the displacement of a reduction, is left "
                        "empty.").format(sm=number(result.sm, language, decimals=3)))
    if result.res is None:
        found.append(tr("The target or the comparison area had no incidents in one of the periods: the relative "
                        "effect size (RES) cannot be computed."))
    if result.wdd_p is None:
        found.append(tr("There were no incidents in any area in either period: the WDD has no standard error, "
                        "so there is no test and no interval."))
    ratio = result.size_ratio
    if ratio is not None and result.cb and not 1 / SIZE_RATIO_WARNING <= ratio <= SIZE_RATIO_WARNING:
        found.append(tr("The comparison area had {ratio} times the target's incidents before the measure. The WDD "
                        "compares absolute changes and reads best with a comparison of about the target's size; "
                        "the RES compares relative changes, whatever the sizes.").format(
            ratio=number(ratio, language, decimals=1)))
    return found


def _change(pct: float | None, tr, language) -> str:
    if round(pct) == 0:
        return tr("stayed level")
    template = tr("fell by {pct} %") if pct < 0 else tr("rose by {pct} %")
    return template.format(pct=number(abs(pct), language, decimals=0))


def _outcome(result: FollowUp, tr) -> str:
    """The effect in a few words, oriented by what happened in both areas."""
    target, control = round(result.target_change_pct), round(result.control_change_pct)
    if result.effect in (fx.REDUCTION, fx.PROBABLE_REDUCTION):
        if target < 0:
            return tr("a reduction larger than the comparison's") if control < 0 else tr(
                "a reduction where the comparison area had none")
        return tr("a smaller rise than the comparison's")
    if target > 0:
        return tr("a rise larger than the comparison's") if control > 0 else tr(
            "a rise where the comparison area had none")
    return tr("a smaller reduction than the comparison's")


def verdict(result: FollowUp, language: str | None) -> str:
    """One short reading from the RES and the WDD together: what happened in
    the target against the comparison area, and what that means."""
    tr = translator(language)
    effect = result.effect
    if result.target_change_pct is None or result.control_change_pct is None:
        facts = tr("Incidents in the target area: {rb} before, {ra} after; in the comparison area: {cb} before, "
                   "{ca} after").format(rb=result.rb, ra=result.ra, cb=result.cb, ca=result.ca)
    else:
        template = (tr("Incidents in the target area {target} while the comparison area {control}")
                    if result.days_before == result.days_after else
                    tr("Incidents per day in the target area {target} while the comparison area {control}"))
        facts = template.format(target=_change(result.target_change_pct, tr, language),
                                control=_change(result.control_change_pct, tr, language))
    if effect == fx.UNDETERMINED:
        conclusion = tr("the effect cannot be judged, as the target or the comparison area had no incidents in "
                        "one of the periods")
    elif effect == fx.NO_CLEAR_DIFFERENCE:
        conclusion = tr("no clear difference from the comparison area (neither the relative effect nor the "
                        "difference in counts is significant at the 95 % level)")
    elif effect == fx.DISPLACED:
        conclusion = tr("no net reduction: the target's fall relative to the comparison area was outweighed by more "
                        "incidents in the surrounding area (displacement)")
    elif effect == fx.CONFLICTING:
        conclusion = tr("no clear result: the relative effect (RES) and the difference in counts (WDD) point in "
                        "different directions")
        ratio = result.size_ratio
        if ratio is not None and not 1 / SIZE_RATIO_WARNING <= ratio <= SIZE_RATIO_WARNING:
            conclusion += tr(", because the comparison area had {ratio} times the target's incidents; choose a "
                             "comparison area nearer the target's size").format(
                ratio=number(ratio, language, decimals=1))
    elif effect in (fx.REDUCTION, fx.INCREASE):
        conclusion = tr("{outcome}, 95 % confidence").format(outcome=_outcome(result, tr))
    elif result.res_low > 1 or result.res_high < 1:
        conclusion = tr("probably {outcome} (only the relative effect, RES, is significant at the 95 % "
                        "level)").format(outcome=_outcome(result, tr))
    else:
        conclusion = tr("probably {outcome} (only the difference in counts, WDD, is significant at the 95 % "
                        "level)").format(outcome=_outcome(result, tr))
    text = tr("{facts}: {conclusion}.").format(facts=facts, conclusion=conclusion)
    if result.pre is not None and result.pre.caution:
        text += " " + tr("Caution: the target was already falling faster than the comparison area before the "
                         "measure (from the first half of the before period to the second: target {target}, "
                         "comparison area {control}); part of the change may be a trend that began earlier.").format(
            target=_change(result.pre.target_change_pct, tr, language),
            control=_change(result.pre.control_change_pct, tr, language))
    return text


def _p_text(p: float, language) -> str:
    if p < 0.001:
        return "p < " + number(0.001, language, decimals=3)
    return "p = " + number(p, language, decimals=3)


def reading(result: FollowUp, language: str | None) -> str:
    """The verdict, the displacement or diffusion around the target (from the
    WDQ, after a reduction), then the figures behind the verdict."""
    tr = translator(language)
    parts = [result.verdict]
    wdq = result.wdq
    # the WDQ's words only where they agree with the verdict: a net reduction
    # with at most some displacement, or displacement that outweighed it
    if wdq is not None and ((result.effect in (fx.REDUCTION, fx.PROBABLE_REDUCTION) and wdq >= -1)
                            or (result.effect == fx.DISPLACED and wdq < -1)):
        if wdq > 1:
            spread = tr("the surrounding area improved even more than the target area (diffusion of benefits "
                        "greater than the direct effect)")
        elif wdq > 0:
            spread = tr("part of the benefit spread to the surrounding area (diffusion of benefits)")
        elif wdq == 0:
            spread = tr("no crime moved to the surrounding area, and no benefit spread to it")
        elif wdq >= -1:
            spread = tr("some crime moved to the surrounding area, but less than the reduction (displacement, "
                        "still a net benefit)")
        else:
            spread = tr("more crime moved to the surrounding area than the target area gained (displacement "
                        "greater than the direct effect: the measure backfired)")
        parts.append(tr("Around the target (WDQ {wdq}): {spread}.").format(
            wdq=number(wdq, language, decimals=2), spread=spread))
    if result.res is None:
        parts.append(tr("Relative effect size (RES): none, as a count is 0."))
    else:
        parts.append(tr("Relative effect size (RES) {res} (95 % interval {low} to {high}).").format(
            res=number(result.res, language, decimals=2), low=number(result.res_low, language, decimals=2),
            high=number(result.res_high, language, decimals=2)))
    if result.wdd_p is None:
        parts.append(tr("With no incidents at all, the weighted displacement difference cannot be tested."))
    else:
        parts.append(tr("Weighted displacement difference (WDD): {wdd} incidents (95 % interval {low} to {high}, "
                        "{p}).").format(wdd=number(result.wdd, language, decimals=0 if isinstance(
                            result.wdd, int) else 1), low=number(result.wdd_low, language),
                                        high=number(result.wdd_high, language), p=_p_text(result.wdd_p, language)))
    return " ".join(parts)


def default_periods(start_date: date, today: date, days: int | None = None) -> tuple[Period, Period]:
    """(before, after): after from the measure's start through yesterday, the
    last whole day (at most ``days`` days), before the same number of days
    ending the day before the start."""
    found = since_start(start_date, today, days)
    if found is None:
        raise AnalysisError(tr("The measure starts on {start}: there is no whole day after its start to follow "
                               "up before {today}").format(start=start_date.isoformat(), today=today.isoformat()))
    return found
