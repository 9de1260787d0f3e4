"""Measure follow-up: the RES, the WDQ, the total net effect and the WDD on
small hand-made cases with the arithmetic written out (in exact fractions), the
published WDD example of Wheeler's calculator, the weighting of unequal periods,
the pre-trend check, the one verdict from the RES and the WDD, zero counts and
the readings in English and Swedish."""

import math
from datetime import date
from fractions import Fraction

import pytest
from osgeo import ogr

from lagesbild.core.domain import demo
from lagesbild.core.domain.analysis import AnalysisError, zones
from lagesbild.core.domain.analysis import effect as fx
from lagesbild.core.domain.analysis import followup as fu
from lagesbild.core.domain.timeutil import Period

Z_975 = 1.959963984540054
MINUS = "\u2212"


def test_hand_worked_case_with_a_buffer():
    # target 50 → 30, buffer 40 → 30, control 200 → 210
    result = fu.follow_up(rb=50, ra=30, db=40, da=30, cb=200, ca=210)
    sm = Fraction(30, 210) - Fraction(50, 200)  # 1/7 − 1/4 = −3/28: the target fell relative to the control
    bdm = Fraction(30, 210) - Fraction(40, 200)  # 1/7 − 1/5 = −2/35: so did the buffer
    assert sm == Fraction(-3, 28) and bdm == Fraction(-2, 35)
    assert result.sm == pytest.approx(float(sm), rel=1e-15)
    assert result.bdm == pytest.approx(float(bdm), rel=1e-15)
    assert result.wdq == pytest.approx(float(bdm / sm), rel=1e-15)  # (2/35)(28/3) = 8/15: diffusion
    assert bdm / sm == Fraction(8, 15)
    tne = (Fraction(50 * 210, 200) - 30) + (Fraction(40 * 210, 200) - 30)  # (52.5 − 30) + (42 − 30) = 34.5
    assert result.tne == pytest.approx(float(tne)) and tne == Fraction(69, 2)
    wdd = (30 - 50) - (210 - 200) + (30 - 40)  # −20 − 10 − 10 = −40
    se = math.sqrt(50 + 30 + 40 + 30 + 200 + 210)  # √560
    assert result.wdd == wdd == -40
    assert result.wdd_se == pytest.approx(se, rel=1e-15)
    assert result.wdd_z == pytest.approx(-40 / se, rel=1e-15)  # −1.690
    assert result.wdd_p == pytest.approx(math.erfc(40 / se / math.sqrt(2)), rel=1e-14)  # 0.0910
    assert result.wdd_p == pytest.approx(0.09097, abs=1e-5)
    assert (result.wdd_low, result.wdd_high) == pytest.approx((-40 - Z_975 * se, -40 + Z_975 * se), rel=1e-15)
    assert (result.dcb, result.dca) == (None, None)
    assert result.notes == ["The comparison area had 4.0 times the target's incidents before the measure. The WDD "
                            "compares absolute changes and reads best with a comparison of about the target's size; "
                            "the RES compares relative changes, whatever the sizes."]


def test_hand_worked_case_with_a_control_buffer():
    result = fu.follow_up(rb=50, ra=30, db=40, da=30, cb=200, ca=210, dcb=60, dca=45)
    wdd = (30 - 50) - (210 - 200) + (30 - 40) - (45 - 60)  # −40 + 15 = −25
    se = math.sqrt(50 + 30 + 40 + 30 + 200 + 210 + 60 + 45)  # √665
    assert result.wdd == wdd == -25
    assert result.wdd_se == pytest.approx(se, rel=1e-15)
    assert result.wdd_p == pytest.approx(math.erfc(25 / se / math.sqrt(2)), rel=1e-14)
    assert result.wdq == pytest.approx(8 / 15)  # the WDQ does not use the control buffer
    assert (result.dcb, result.dca) == (60, 45)


def test_the_published_calculator_example():
    # Wheeler's WDD calculator (crimede-coder.com): control 100 → 90, treated
    # 100 → 80, no displacement areas: 10 crimes fewer than expected, standard
    # error about 19.
    result = fu.follow_up(rb=100, ra=80, db=0, da=0, cb=100, ca=90)
    assert result.wdd == -10
    assert result.wdd_se == pytest.approx(math.sqrt(370), rel=1e-15)
    assert round(result.wdd_se) == 19
    assert result.wdd_p == pytest.approx(math.erfc(10 / math.sqrt(370) / math.sqrt(2)), rel=1e-14)


@pytest.mark.parametrize(("da", "wdq", "effect", "words"), [
    # target 1000 → 800 with the control steady (1000 → 1000): sm = −0.2; bdm = da/1000 − 1;
    # RES = 1000·1000/(1000·800) = 1.25, significant; WDD = −200 + (da − 1000)
    (700, 1.5, "reduction", "improved even more than the target area"),
    (800, 1.0, "reduction", "part of the benefit spread to the surrounding area"),
    (900, 0.5, "reduction", "part of the benefit spread to the surrounding area"),
    (1000, 0.0, "reduction", "no crime moved to the surrounding area, and no benefit spread to it"),
    (1100, -0.5, "probable_reduction", "some crime moved to the surrounding area, but less than the reduction"),
    (1200, -1.0, "probable_reduction", "some crime moved to the surrounding area, but less than the reduction"),
    (1300, -1.5, "displaced", "the measure backfired"),
])
def test_wdq_reading_follows_bowers_and_johnson(da, wdq, effect, words):
    result = fu.follow_up(rb=1000, ra=800, db=1000, da=da, cb=1000, ca=1000)
    assert result.sm == pytest.approx(-0.2)
    assert result.wdq == pytest.approx(wdq, abs=1e-12)
    wdd = -200 + (da - 1000)
    se = math.sqrt(1000 + 800 + 1000 + da + 1000 + 1000)
    assert result.wdd == wdd and (abs(wdd / se) > Z_975) == (effect == "reduction")  # 1100: z = −1.30
    assert result.effect == effect
    assert words in result.reading
    assert result.reading.startswith("Incidents in the target area fell by 20 % while the comparison area stayed "
                                     "level: ")
    if effect == "displaced":  # WDD +100 against RES 1.25: the buffer's rise outweighs the target's fall
        assert "no net reduction" in result.verdict and "displacement" in result.verdict


def test_no_reduction_leaves_the_wdq_empty_and_says_why():
    result = fu.follow_up(rb=10, ra=20, db=5, da=5, cb=100, ca=100)
    assert result.sm == pytest.approx(0.1) and result.wdq is None
    assert result.tne == pytest.approx(-10.0)  # (10 − 20) + (5 − 5)
    assert "0.100, not below 0" in result.notes[0]
    assert "10.0 times the target's incidents" in result.notes[1]  # 100/10: the WDD reads best at a like size
    # RES = 100·10/(100·20) = 0.5, interval 0.5·exp(±1.96·√0.17) = 0.22 to 1.12: not significant; WDD 10, se √240
    assert result.effect == "no_clear_difference"
    assert result.reading.startswith("Incidents in the target area rose by 100 % while the comparison area stayed "
                                     "level: no clear difference from the comparison area")
    assert "surrounding" not in result.reading


@pytest.mark.parametrize(("cb", "ca", "tne", "when"), [
    (0, 4, None, "before the measure"),
    (4, 0, -5.0, "after the measure"),  # tne = (5·0/4 − 3) + (2·0/4 − 2)
    (0, 0, None, "before or after the measure"),
])
def test_an_empty_control_area_gives_nulls_and_a_note(cb, ca, tne, when):
    result = fu.follow_up(rb=5, ra=3, db=2, da=2, cb=cb, ca=ca)
    assert (result.sm, result.bdm, result.wdq) == (None, None, None)
    assert (result.res, result.res_low, result.res_high) == (None, None, None)
    assert result.tne == tne
    assert f"The control area had no incidents {when}" in result.notes[0]
    assert "the relative effect size (RES) cannot be computed" in result.notes[1]
    assert result.wdd == (3 - 5) - (ca - cb) + 0
    assert result.wdd_se == pytest.approx(math.sqrt(5 + 3 + 2 + 2 + cb + ca))
    assert result.effect == "undetermined"
    assert "the effect cannot be judged" in result.verdict


def test_all_zero_counts():
    result = fu.follow_up(0, 0, 0, 0, 0, 0, dcb=0, dca=0)
    assert (result.wdd, result.wdd_se) == (0, 0.0)
    assert (result.wdd_z, result.wdd_p, result.wdd_low, result.wdd_high) == (None, None, None, None)
    assert (result.sm, result.wdq, result.tne, result.res) == (None, None, None, None)
    assert len(result.notes) == 3 and "no standard error" in result.notes[2]
    assert result.verdict == ("Incidents in the target area: 0 before, 0 after; in the comparison area: 0 before, "
                              "0 after: the effect cannot be judged, as the target or the comparison area had no "
                              "incidents in one of the periods.")
    assert "cannot be tested" in result.reading


def test_significance_in_words():
    reduction = fu.follow_up(rb=1000, ra=700, db=0, da=0, cb=1000, ca=1000)
    assert reduction.wdd == -300 and reduction.wdd_z == pytest.approx(-300 / math.sqrt(3700))  # −4.93
    assert reduction.effect == "reduction"
    assert reduction.verdict == ("Incidents in the target area fell by 30 % while the comparison area stayed level: "
                                 "a reduction where the comparison area had none, 95 % confidence.")
    assert f"{MINUS}300 incidents (95 % interval {MINUS}419.2 to {MINUS}180.8, p < 0.001)" in reduction.reading
    # 1.959963984540054 · √3700 = 119.22
    increase = fu.follow_up(rb=1000, ra=1300, db=0, da=0, cb=1000, ca=1000)
    assert increase.effect == "increase"
    assert increase.verdict == ("Incidents in the target area rose by 30 % while the comparison area stayed level: "
                                "a rise where the comparison area had none, 95 % confidence.")
    assert "reduction" not in increase.reading


def test_res_and_its_interval_by_hand():
    # Farrington's RES = (ca·rb)/(cb·ra), var(ln RES) = 1/ca + 1/rb + 1/cb + 1/ra
    rb, ra, cb, ca = 50, 30, 200, 210
    result = fu.follow_up(rb=rb, ra=ra, db=40, da=30, cb=cb, ca=ca)
    res = (210 * 50) / (200 * 30)  # 10500/6000 = 1.75: the target fell to 1/1.75 of what the control predicts
    assert res == 1.75
    se = math.sqrt(1 / 210 + 1 / 50 + 1 / 200 + 1 / 30)  # √0.0630952 = 0.251187
    assert se == pytest.approx(0.251187, abs=1e-6)
    low, high = math.exp(math.log(res) - Z_975 * se), math.exp(math.log(res) + Z_975 * se)
    assert (low, high) == pytest.approx((1.0696, 2.8632), abs=1e-4)
    assert result.res == pytest.approx(res, rel=1e-15)
    assert (result.res_low, result.res_high) == pytest.approx((low, high), rel=1e-14)
    # the lengths of the periods do not change it
    weighted = fu.follow_up(rb=rb, ra=ra, db=40, da=30, cb=cb, ca=ca, days_before=90, days_after=30)
    assert (weighted.res, weighted.res_low, weighted.res_high) == pytest.approx((res, low, high), rel=1e-14)
    # the same figure from a 2×2 table of the published form: 1/(odds ratio of ra/rb against ca/cb)
    assert 1 / ((ra / rb) / (ca / cb)) == pytest.approx(res, rel=1e-15)


def test_unequal_periods_weight_the_before_counts_by_days():
    # before 100 days, after 50: k = 0.5, each count before weighs half
    result = fu.follow_up(rb=80, ra=20, db=40, da=30, cb=400, ca=190, days_before=100, days_after=50)
    wdd = (20 - 0.5 * 80) - (190 - 0.5 * 400) + (30 - 0.5 * 40)  # −20 + 10 + 10 = 0
    assert result.wdd == pytest.approx(wdd, abs=1e-12) and wdd == 0
    se = math.sqrt(20 + 0.25 * 80 + 190 + 0.25 * 400 + 30 + 0.25 * 40)  # √370
    assert result.wdd_se == pytest.approx(se, rel=1e-15)
    # per day: target 0.8 → 0.4 (−50 %), control 4.0 → 3.8 (−5 %)
    assert result.target_change_pct == pytest.approx(-50.0) and result.control_change_pct == pytest.approx(-5.0)
    assert result.verdict.startswith("Incidents per day in the target area fell by 50 % while the comparison area "
                                     "fell by 5 %: ")
    # RES = 190·80/(400·20) = 1.9, significant: probably a reduction, as the WDD (0) is not
    assert result.res == pytest.approx(1.9) and result.res_low > 1
    assert result.effect == "probable_reduction"
    assert "probably a reduction larger than the comparison's (only the relative effect, RES, is significant" \
        in result.verdict
    with pytest.raises(AnalysisError, match="both periods"):
        fu.follow_up(rb=1, ra=1, db=0, da=0, cb=1, ca=1, days_before=3)
    with pytest.raises(AnalysisError, match="days_after = 0"):
        fu.follow_up(rb=1, ra=1, db=0, da=0, cb=1, ca=1, days_before=3, days_after=0)


def test_pre_trend_caution_by_hand():
    # before period halves: target 100 → 60, comparison 400 → 400
    pre = fx.pre_trend(rb1=100, rb2=60, cb1=400, cb2=400, days1=91, days2=91)
    ratio = (60 * 400) / (100 * 400)  # 0.6
    se = math.sqrt(1 / 60 + 1 / 400 + 1 / 100 + 1 / 400)  # √0.0316667 = 0.17795
    assert pre.ratio == pytest.approx(ratio) and pre.high == pytest.approx(ratio * math.exp(Z_975 * se))
    assert pre.high == pytest.approx(0.850, abs=1e-3) and pre.caution  # below 1 with its whole interval
    result = fu.follow_up(rb=160, ra=80, db=0, da=0, cb=800, ca=800, pre=pre)
    assert result.verdict.endswith(
        "Caution: the target was already falling faster than the comparison area before the measure (from the "
        "first half of the before period to the second: target fell by 40 %, comparison area stayed level); part "
        "of the change may be a trend that began earlier.")
    steady = fx.pre_trend(rb1=100, rb2=90, cb1=400, cb2=400, days1=91, days2=91)  # 0.9, interval up to 1.2
    assert steady.high > 1 and not steady.caution
    assert "Caution" not in fu.follow_up(rb=190, ra=80, db=0, da=0, cb=800, ca=800, pre=steady).verdict
    assert fx.pre_trend(0, 5, 10, 10, 10, 10).ratio is None  # a zero half: no ratio, no caution
    assert not fx.pre_trend(0, 5, 10, 10, 10, 10).caution


@pytest.mark.parametrize(("res", "low", "high", "wdd", "p", "target", "effect"), [
    (2.0, 1.5, 2.6, -50, 0.001, None, "reduction"),
    (2.0, 1.5, 2.6, -5, 0.5, None, "probable_reduction"),
    (1.1, 0.9, 1.3, -50, 0.01, None, "probable_reduction"),
    (1.1, 0.9, 1.3, -5, 0.5, None, "no_clear_difference"),
    (0.9, 0.8, 1.2, 5, 0.5, None, "no_clear_difference"),
    (0.5, 0.4, 0.6, 50, 0.001, None, "increase"),
    (0.5, 0.4, 0.6, 5, 0.5, None, "probable_increase"),
    (2.0, 1.5, 2.6, 296, 0.036, 405, "conflicting"),  # the issue: the whole town as control
    (2.0, 1.5, 2.6, 40, 0.3, -60, "displaced"),  # the buffer's rise outweighs the target's fall
    (0.9, 0.8, 1.05, -50, 0.01, -50, "conflicting"),
    (None, None, None, -50, 0.01, None, "undetermined"),
])
def test_judge_takes_the_res_and_the_wdd_together(res, low, high, wdd, p, target, effect):
    assert fx.judge(res, low, high, wdd, p, target) == effect


def test_the_issue_case_is_not_called_an_increase():
    # the lighting measure against the rest of the town (make demo, seed 1): the
    # WDD was +296 (p = 0.036) and the old reading said "significant increase"
    result = fu.follow_up(rb=1133, ra=477, db=565, da=456, cb=9215, ca=8154)
    assert result.wdd == 296 and result.wdd_p == pytest.approx(0.036, abs=5e-4)
    assert result.res == pytest.approx((8154 * 1133) / (9215 * 477)) and result.res_low > 1
    assert result.effect == "conflicting"
    assert result.verdict == (
        "Incidents in the target area fell by 58 % while the comparison area fell by 12 %: no clear result: the "
        "relative effect (RES) and the difference in counts (WDD) point in different directions, because the "
        "comparison area had 8.1 times the target's incidents; choose a comparison area nearer the target's size.")
    assert "increase" not in result.reading


def test_split_period_in_halves():
    first, second = fu.split_period(Period(date(2024, 1, 1), date(2024, 12, 31)))  # 366 days
    assert (first.start, first.end, first.days) == (date(2024, 1, 1), date(2024, 7, 1), 183)
    assert (second.start, second.end, second.days) == (date(2024, 7, 2), date(2024, 12, 31), 183)
    first, second = fu.split_period(Period(date(2025, 1, 1), date(2025, 1, 3)))
    assert (first.days, second.days) == (1, 2)
    assert fu.split_period(Period(date(2025, 1, 1), date(2025, 1, 1))) is None


def test_comparable_control_is_the_districts_around_the_target():
    districts = [ogr.CreateGeometryFromWkt(demo.ring_wkt(ring)) for ring in demo.DISTRICT_RINGS.values()]
    names = list(demo.DISTRICT_RINGS)
    lighting = ogr.CreateGeometryFromWkt(demo.ring_wkt(demo.LIGHTING_RING))
    union, used = zones.comparable_control(lighting, 200, districts)
    assert [names[i] for i in used] == ["Centrum"] and union.Equals(districts[names.index("Centrum")])
    # a target across the line between Centrum and Österäng (x = 621400 at y ≈ 6650000)
    across = ogr.CreateGeometryFromWkt("POLYGON((621300 6650000, 621500 6650000, 621500 6650100, 621300 6650100, "
                                       "621300 6650000))")
    union, used = zones.comparable_control(across, 100, districts)
    assert sorted(names[i] for i in used) == ["Centrum", "Österäng"]
    assert union.Area() == pytest.approx(districts[2].Area() + districts[3].Area(), rel=1e-9)
    # a district-wide measure leaves nothing of its district: no comparable control
    assert zones.comparable_control(districts[names.index("Centrum")].Clone(), 200, districts[2:3]) is None
    outside = ogr.CreateGeometryFromWkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))")
    assert zones.comparable_control(outside, 200, districts) is None


def test_reading_in_english_in_full():
    result = fu.follow_up(rb=50, ra=30, db=40, da=30, cb=200, ca=210, language="en")
    assert result.reading == (
        "Incidents in the target area fell by 40 % while the comparison area rose by 5 %: probably a reduction "
        "where the comparison area had none (only the relative effect, RES, is significant at the 95 % level). "
        "Around the target (WDQ 0.53): part of the benefit spread to the surrounding area (diffusion of benefits). "
        "Relative effect size (RES) 1.75 (95 % interval 1.07 to 2.86). Weighted displacement difference (WDD): "
        "\u221240 incidents (95 % interval \u221286.4 to 6.4, p = 0.091).")


def test_reading_and_notes_in_swedish(translations_built):
    result = fu.follow_up(rb=50, ra=30, db=40, da=30, cb=200, ca=210, language="sv")
    assert result.reading == (
        "Händelserna i målområdet minskade med 40 % medan jämförelseområdets ökade med 5 %: troligen en minskning "
        "där jämförelseområdet inte minskade (bara den relativa effekten, RES, är signifikant på 95 %-nivån). "
        "Runt målområdet (WDQ 0,53): en del av vinsten spred sig till omgivningen (spridning av positiva "
        "effekter). Relativ effektstorlek (RES) 1,75 (95 % intervall 1,07 till 2,86). Viktad "
        "förflyttningsdifferens (WDD): \u221240 händelser (95 % intervall \u221286,4 till 6,4, p = 0,091).")
    backfire = fu.follow_up(rb=1000, ra=800, db=1000, da=1300, cb=1000, ca=1000, language="sv")
    assert "åtgärden slog tillbaka" in backfire.reading
    empty = fu.follow_up(0, 0, 0, 0, 0, 0, language="sv")
    assert empty.notes[0].startswith("Kontrollområdet hade inga händelser vare sig före eller efter åtgärden")
    assert "effekten kan inte bedömas" in empty.verdict


def test_bad_counts_are_refused():
    with pytest.raises(AnalysisError, match="ra = -1"):
        fu.follow_up(rb=1, ra=-1, db=0, da=0, cb=1, ca=1)
    with pytest.raises(AnalysisError, match="both counts of the control buffer"):
        fu.follow_up(rb=1, ra=1, db=0, da=0, cb=1, ca=1, dcb=3)


def test_default_periods_are_equally_long_on_either_side_of_the_start():
    before, after = fu.default_periods(date(2024, 3, 1), today=date(2024, 3, 31))
    assert (after.start, after.end) == (date(2024, 3, 1), date(2024, 3, 30))  # through yesterday
    assert (before.start, before.end) == (date(2024, 1, 31), date(2024, 2, 29))  # 30 days, across 29 February
    assert before.days == after.days == 30
    before, after = fu.default_periods(date(2024, 3, 1), today=date(2025, 1, 1), days=90)
    assert (after.start, after.end, after.days) == (date(2024, 3, 1), date(2024, 5, 29), 90)
    assert (before.start, before.end, before.days) == (date(2023, 12, 2), date(2024, 2, 29), 90)
    with pytest.raises(AnalysisError, match="starts on 2024-03-01: there is no whole day after its start"):
        fu.default_periods(date(2024, 3, 1), today=date(2024, 3, 1))
