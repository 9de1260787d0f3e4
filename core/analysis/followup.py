"""Measure follow-up: did crime fall in the target area of a measure, relative
to a control area, and did it move to (or did the benefit spread to) the
surrounding buffer? The core of ``lagesbild:measurefollowup``.

- The Weighted Displacement Quotient (Bowers and Johnson 2003): the success
  measure sm = ra/ca − rb/cb (negative: the target improved relative to the
  control), the buffer displacement measure bdm = da/ca − db/cb, their
  quotient wdq = bdm/sm, defined only after a reduction (sm < 0), and the total
  net effect tne = (rb·ca/cb − ra) + (db·ca/cb − da).
- The Weighted Displacement Difference test (Wheeler and Ratcliffe 2018):
  wdd = (ra − rb) − (ca − cb) + (da − db) − (dca − dcb), negative for a
  reduction, with the Poisson standard error √(sum of the counts used) and a
  normal test and 95 % interval.

Bowers and Johnson's reading of the WDQ: above 1, the buffer gained more than
the target (diffusion of benefits greater than the direct effect); 0 to 1,
diffusion of benefits; 0, neither displacement nor diffusion; −1 to 0, some
displacement, less than the direct effect (still a net benefit); below −1,
displacement greater than the direct effect (the measure backfired).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from ..i18n import tr, translator
from ..periods import Period, since_start
from ..wording import number
from . import AnalysisError
from .exact import normal_quantile, normal_two_sided_p

Z_95 = normal_quantile(0.975)  # 1.959963984540054
SIGNIFICANCE = 0.05


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
    wdd: int  # weighted displacement difference (negative: a reduction)
    wdd_se: float
    wdd_z: float | None  # None when every count is 0
    wdd_p: float | None
    wdd_low: float | None
    wdd_high: float | None
    notes: list[str] = field(default_factory=list)
    reading: str = ""


def _count(name: str, value) -> int:
    if value is None or int(value) != value or value < 0:
        raise AnalysisError(tr("A count must be a whole number of at least 0: {name} = {value}")
                            .format(name=name, value=value))
    return int(value)


def follow_up(rb, ra, db, da, cb, ca, dcb=None, dca=None, language="en") -> FollowUp:
    """The WDQ, the total net effect and the WDD of the counts before (b) and
    after (a) the measure, with notes and a plain-language reading in
    ``language`` ("sv" or "en")."""
    rb, ra, db, da, cb, ca = (_count(n, v) for n, v in
                              (("rb", rb), ("ra", ra), ("db", db), ("da", da), ("cb", cb), ("ca", ca)))
    if (dcb is None) != (dca is None):
        raise AnalysisError(tr("Give both counts of the control buffer (dcb before, dca after), or neither"))
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

    wdd = (ra - rb) - (ca - cb) + (da - db)
    counts = [rb, ra, cb, ca, db, da]
    if with_control_buffer:
        wdd -= dca - dcb
        counts += [dcb, dca]
    wdd_se = math.sqrt(sum(counts))
    wdd_z = wdd_p = wdd_low = wdd_high = None
    if wdd_se > 0:
        wdd_z = wdd / wdd_se
        wdd_p = normal_two_sided_p(wdd_z)
        wdd_low, wdd_high = wdd - Z_95 * wdd_se, wdd + Z_95 * wdd_se

    result = FollowUp(rb=rb, ra=ra, db=db, da=da, cb=cb, ca=ca, dcb=dcb, dca=dca, sm=sm, bdm=bdm, wdq=wdq,
                      tne=tne, wdd=wdd, wdd_se=wdd_se, wdd_z=wdd_z, wdd_p=wdd_p, wdd_low=wdd_low,
                      wdd_high=wdd_high)
    result.notes = notes(result, language)
    result.reading = reading(result, language)
    return result


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
    if result.wdd_p is None:
        found.append(tr("There were no incidents in any area in either period: the WDD has no standard error, "
                        "so there is no test and no interval."))
    return found


def reading(result: FollowUp, language: str | None) -> str:
    """The result in plain words: the effect and the displacement or diffusion
    (from the WDQ), then whether the WDD is significant at the 5 % level."""
    tr = translator(language)
    if result.sm is None:
        effect = tr("The effect cannot be judged: the control area had no incidents in at least one of the periods.")
    elif result.sm >= 0:
        effect = tr("No reduction in the target area relative to the control area.")
    else:
        wdq = result.wdq
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
        effect = tr("The measure was followed by a reduction relative to the control area; {spread}.").format(
            spread=spread)
    if result.wdd_p is None:
        return effect + " " + tr("With no incidents at all, the weighted displacement difference cannot be tested.")
    if result.wdd_p < 0.001:
        p_text = "p < " + number(0.001, language, decimals=3)
    else:
        p_text = "p = " + number(result.wdd_p, language, decimals=3)
    if result.wdd_p >= SIGNIFICANCE:
        verdict = tr("not statistically significant at the 5 % level ({p})")
    elif result.wdd < 0:
        verdict = tr("a statistically significant reduction at the 5 % level ({p})")
    else:
        verdict = tr("a statistically significant increase at the 5 % level ({p})")
    test = tr("Weighted displacement difference: {wdd} incidents (95 % interval {low} to {high}), {verdict}.").format(
        wdd=number(result.wdd, language, decimals=0), low=number(result.wdd_low, language),
        high=number(result.wdd_high, language), verdict=verdict.format(p=p_text))
    return effect + " " + test


def default_periods(start_date: date, today: date, days: int | None = None) -> tuple[Period, Period]:
    """(before, after): after from the measure's start through yesterday, the
    last whole day (at most ``days`` days), before the same number of days
    ending the day before the start."""
    found = since_start(start_date, today, days)
    if found is None:
        raise AnalysisError(tr("The measure starts on {start}: there is no whole day after its start to follow "
                               "up before {today}").format(start=start_date.isoformat(), today=today.isoformat()))
    return found
