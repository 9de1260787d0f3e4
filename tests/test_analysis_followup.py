"""Measure follow-up: the WDQ, the total net effect and the WDD on small
hand-made cases with the arithmetic written out (in exact fractions), the
published WDD example of Wheeler's calculator, zero counts and the readings in
English and Swedish."""

import math
from datetime import date
from fractions import Fraction

import pytest

from lagesbild.core.analysis import AnalysisError
from lagesbild.core.analysis import followup as fu

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
    assert (result.dcb, result.dca, result.notes) == (None, None, [])


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


@pytest.mark.parametrize(("da", "wdq", "words"), [
    # target 100 → 80 with the control steady (100 → 100): sm = −0.2; bdm = da/100 − 1
    (70, 1.5, "improved even more than the target area"),
    (80, 1.0, "part of the benefit spread to the surrounding area"),
    (90, 0.5, "part of the benefit spread to the surrounding area"),
    (100, 0.0, "no crime moved to the surrounding area, and no benefit spread to it"),
    (110, -0.5, "some crime moved to the surrounding area, but less than the reduction"),
    (120, -1.0, "some crime moved to the surrounding area, but less than the reduction"),
    (130, -1.5, "the measure backfired"),
])
def test_wdq_reading_follows_bowers_and_johnson(da, wdq, words):
    result = fu.follow_up(rb=100, ra=80, db=100, da=da, cb=100, ca=100)
    assert result.sm == pytest.approx(-0.2)
    assert result.wdq == pytest.approx(wdq, abs=1e-12)
    assert result.reading.startswith("The measure was followed by a reduction relative to the control area; ")
    assert words in result.reading


def test_no_reduction_leaves_the_wdq_empty_and_says_why():
    result = fu.follow_up(rb=10, ra=20, db=5, da=5, cb=100, ca=100)
    assert result.sm == pytest.approx(0.1) and result.wdq is None
    assert result.tne == pytest.approx(-10.0)  # (10 − 20) + (5 − 5)
    assert len(result.notes) == 1 and "0.100, not below 0" in result.notes[0]
    assert result.reading.startswith("No reduction in the target area relative to the control area.")


@pytest.mark.parametrize(("cb", "ca", "tne", "when"), [
    (0, 4, None, "before the measure"),
    (4, 0, -5.0, "after the measure"),  # tne = (5·0/4 − 3) + (2·0/4 − 2)
    (0, 0, None, "before or after the measure"),
])
def test_an_empty_control_area_gives_nulls_and_a_note(cb, ca, tne, when):
    result = fu.follow_up(rb=5, ra=3, db=2, da=2, cb=cb, ca=ca)
    assert (result.sm, result.bdm, result.wdq) == (None, None, None)
    assert result.tne == tne
    assert f"The control area had no incidents {when}" in result.notes[0]
    assert result.wdd == (3 - 5) - (ca - cb) + 0
    assert result.wdd_se == pytest.approx(math.sqrt(5 + 3 + 2 + 2 + cb + ca))
    assert result.reading.startswith("The effect cannot be judged")


def test_all_zero_counts():
    result = fu.follow_up(0, 0, 0, 0, 0, 0, dcb=0, dca=0)
    assert (result.wdd, result.wdd_se) == (0, 0.0)
    assert (result.wdd_z, result.wdd_p, result.wdd_low, result.wdd_high) == (None, None, None, None)
    assert (result.sm, result.wdq, result.tne) == (None, None, None)
    assert len(result.notes) == 2 and "no standard error" in result.notes[1]
    assert "cannot be tested" in result.reading


def test_significance_in_words():
    reduction = fu.follow_up(rb=1000, ra=700, db=0, da=0, cb=1000, ca=1000)
    assert reduction.wdd == -300 and reduction.wdd_z == pytest.approx(-300 / math.sqrt(3700))  # −4.93
    assert "a statistically significant reduction at the 5 % level (p < 0.001)" in reduction.reading
    assert f"{MINUS}300 incidents (95 % interval {MINUS}419.2 to {MINUS}180.8)" in reduction.reading
    # 1.959963984540054 · √3700 = 119.22
    increase = fu.follow_up(rb=1000, ra=1300, db=0, da=0, cb=1000, ca=1000)
    assert "a statistically significant increase at the 5 % level (p < 0.001)" in increase.reading
    assert increase.reading.startswith("No reduction")


def test_reading_in_english_in_full():
    result = fu.follow_up(rb=50, ra=30, db=40, da=30, cb=200, ca=210, language="en")
    assert result.reading == (
        "The measure was followed by a reduction relative to the control area; part of the benefit spread to "
        "the surrounding area (diffusion of benefits). Weighted displacement difference: \u221240 incidents "
        "(95 % interval \u221286.4 to 6.4), not statistically significant at the 5 % level (p = 0.091).")


def test_reading_and_notes_in_swedish(translations_built):
    result = fu.follow_up(rb=50, ra=30, db=40, da=30, cb=200, ca=210, language="sv")
    assert result.reading == (
        "Åtgärden följdes av en minskning jämfört med kontrollområdet; en del av vinsten spred sig till "
        "omgivningen (spridning av positiva effekter). Viktad förflyttningsdifferens: \u221240 händelser "
        "(95 % intervall \u221286,4 till 6,4), inte statistiskt signifikant på 5 %-nivån (p = 0,091).")
    backfire = fu.follow_up(rb=100, ra=80, db=100, da=130, cb=100, ca=100, language="sv")
    assert "åtgärden slog tillbaka" in backfire.reading
    empty = fu.follow_up(0, 0, 0, 0, 0, 0, language="sv")
    assert empty.notes[0].startswith("Kontrollområdet hade inga händelser vare sig före eller efter åtgärden")
    assert empty.reading.startswith("Effekten kan inte bedömas")


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
