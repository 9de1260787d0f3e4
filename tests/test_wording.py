"""The one change sentence, in English and in Swedish, with figures worked
out here: (317 − 387)/387 = −70/387 = −18.09 %, (125 − 100)/100 = +25 %."""

from datetime import date

from lagesbild.core.domain.periods import Period
from lagesbild.core.domain.wording import change_in_words, number, percent_change, period_in_words

MINUS = "\u2212"
DASH = "\u2013"
FIRST_HALF_2020 = Period(date(2020, 1, 1), date(2020, 6, 15))


def test_change_in_english_names_the_base_with_a_true_minus_sign():
    text = change_in_words(387, 317, FIRST_HALF_2020, "en")
    assert text == f"{MINUS}18.1 % against 1 Jan{DASH}15 Jun 2020: 317 against 387"
    assert "-" not in text
    assert change_in_words(100, 125, Period(date(2019, 12, 1), date(2020, 1, 15)), "en") == \
        f"+25.0 % against 1 Dec 2019{DASH}15 Jan 2020: 125 against 100"
    assert change_in_words(0, 7, FIRST_HALF_2020, "en") == \
        f"7 against 0 in 1 Jan{DASH}15 Jun 2020: no percentage without a base"
    assert change_in_words(387, 317, FIRST_HALF_2020, "en", "the same period last year") == \
        f"{MINUS}18.1 % against the same period last year (1 Jan{DASH}15 Jun 2020): 317 against 387"


def test_change_in_swedish(translations_built):
    assert change_in_words(387, 317, FIRST_HALF_2020, "sv") == \
        f"{MINUS}18,1 % jämfört med 1 jan{DASH}15 juni 2020: 317 mot 387"
    assert change_in_words(0, 7, Period(date(2020, 5, 1), date(2020, 5, 1)), "sv") == \
        "7 mot 0 under 1 maj 2020: ingen procentsats utan bas"
    assert change_in_words(100, 125, Period(date(2019, 12, 1), date(2020, 1, 15)), "sv") == \
        f"+25,0 % jämfört med 1 dec 2019{DASH}15 jan 2020: 125 mot 100"


def test_numbers_and_percentages():
    assert percent_change(387, 317) == -70 * 100 / 387
    assert percent_change(0, 5) is None
    assert number(-0.5, "sv", sign=True) == f"{MINUS}0,5"
    assert number(1234.25, "en", decimals=2) == "1234.25"
    assert number(3.0, "en", decimals=0, sign=True) == "+3"


def test_a_period_that_includes_today_says_so(translations_built):
    week = Period(date(2025, 6, 9), date(2025, 6, 15))
    assert period_in_words(week, "en") == f"9 Jun{DASH}15 Jun 2025"
    assert period_in_words(week, "en", today=date(2025, 6, 16)) == f"9 Jun{DASH}15 Jun 2025"
    assert period_in_words(week, "en", today=date(2025, 6, 15)) == f"9 Jun{DASH}15 Jun 2025, including today so far"
    assert period_in_words(week, "sv", today=date(2025, 6, 15)) == \
        f"9 juni{DASH}15 juni 2025, inklusive dagen hittills"
