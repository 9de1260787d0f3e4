"""The personal-data guard on positive and negative examples (no QGIS GUI)."""

import pytest

from lagesbild.core.domain import personal_data
from lagesbild.core.domain.demo.municipality import DESCRIPTIONS, PLACE_NAMES
from lagesbild.core.domain.personal_data import (
    EMAIL_ADDRESS,
    FULL_NAME,
    PERSONAL_IDENTITY_NUMBER,
    PHONE_NUMBER,
    find,
    guard,
    guard_column,
    luhn_valid,
)
from lagesbild.core.domain.personal_names import first_names


def kinds(text):
    return [(f.kind, f.text) for f in find(text)]


def test_luhn_against_the_tax_agency_example():
    # Skatteverket's worked example: 811218-9876 has check digit 6
    assert luhn_valid("8112189876")
    assert not luhn_valid("8112189875")


@pytest.mark.parametrize("number", [
    "811218-9876", "8112189876", "19811218-9876", "198112189876", "811218+9876",
    "811278-9873",  # samordningsnummer: day 18 + 60
    "20000101-0008",
])
def test_personal_identity_numbers_are_found(number):
    text = f"Anmälare {number} ringde in."
    assert kinds(text) == [(PERSONAL_IDENTITY_NUMBER, number)]
    finding = find(text)[0]
    assert text[finding.start:finding.end] == number


@pytest.mark.parametrize("number", [
    "070-123 45 67", "0701234567", "073 123 45 67", "+46 70 123 45 67", "+46701234567",
    "08-123 456 78", "08-12 34 56", "031-123 45 67", "+46 8 123 456 78", "0046 70 123 45 67",
])
def test_phone_numbers_are_found(number):
    text = f"Ring {number} vid frågor"
    assert kinds(text) == [(PHONE_NUMBER, number)]


@pytest.mark.parametrize("address", ["anna.svensson@example.se", "vakt+natt@bolaget.example.com"])
def test_email_addresses_are_found(address):
    assert kinds(f"Kontakt: {address}.") == [(EMAIL_ADDRESS, address)]


@pytest.mark.parametrize("text", [
    "Krossad ruta i trapphus B, Storgatan 12, upptäckt 2025-05-10 kl. 06:30.",
    "Polisanmälan 5000-K123456-25 gjord, kostnad 12 500 kr (ca 12500 SEK).",
    "Klotter på 3 väggar, 40 m2, mellan 22:00 och 06:00 natten mot 2025-05-11.",
    "Bilbrand på parkeringen vid Skolvägen 4; brandkåren kom 23.15.",
    "Ärende 2025-1234, fakturanummer 1234567890, order 2025-0510-12.",
    "8112189875 är inte ett giltigt nummer (tio siffror i följd, fel kontrollsiffra).",
    "Datum 20251310-0000 och tid 2025-05-10T21:15:00Z.",
    "Kostnad 0 kr, 100 000 kr eller 1 500 000 kr.",
    "",
])
def test_ordinary_text_passes(text):
    assert find(text) == []


def test_several_findings_in_order_and_removed():
    text = "Mejla a@b.se eller ring 070-123 45 67, pnr 811218-9876."
    found = find(text)
    assert [f.kind for f in found] == [EMAIL_ADDRESS, PHONE_NUMBER, PERSONAL_IDENTITY_NUMBER]
    assert personal_data.remove(text) == "Mejla […] eller ring […], pnr […]."
    assert find(personal_data.remove(text)) == []


def test_labels_are_words():
    assert {personal_data.kind_label(k) for k in personal_data.KINDS} == {
        "personal identity number", "phone number", "e-mail address", "person's name"}


# --- the forms that once got through (issue 15, issue 18) ----------------------------

ZWSP = "\u200b"


@pytest.mark.parametrize(("written", "kind"), [
    ("850101 1234", PERSONAL_IDENTITY_NUMBER),  # a space for the dash
    ("850101.1234", PERSONAL_IDENTITY_NUMBER),  # a dot for the dash
    (f"850101{ZWSP}-1234", PERSONAL_IDENTITY_NUMBER),  # a zero-width space
    (f"8501{ZWSP}01-1234", PERSONAL_IDENTITY_NUMBER),
    ("\uff18\uff15\uff10\uff11\uff10\uff11-\uff11\uff12\uff13\uff14", PERSONAL_IDENTITY_NUMBER),  # full-width
    ("850101\u20131234", PERSONAL_IDENTITY_NUMBER),  # an en dash
    ("19850101-1234", PERSONAL_IDENTITY_NUMBER),  # wrong check digit: a typo of a real one
    ("850101-1234", PERSONAL_IDENTITY_NUMBER),
    ("198501011234", PERSONAL_IDENTITY_NUMBER),  # twelve digits, wrong check digit
    ("850161-1234", PERSONAL_IDENTITY_NUMBER),  # coordination number: day 1 + 60
    ("19850161-1234", PERSONAL_IDENTITY_NUMBER),
    ("811278-9873", PERSONAL_IDENTITY_NUMBER),
    ("070.123.45.67", PHONE_NUMBER),
    (f"070{ZWSP}123{ZWSP}45{ZWSP}67", PHONE_NUMBER),
    ("\uff10\uff17\uff10-123 45 67", PHONE_NUMBER),
    ("070 - 123 45 67", PHONE_NUMBER),
    ("(08) 123 45 67", PHONE_NUMBER),
    ("anna at example dot se", EMAIL_ADDRESS),
    ("anna[at]example.se", EMAIL_ADDRESS),
    ("anna (at) example (dot) se", EMAIL_ADDRESS),
    ("anna snabel-a example punkt se", EMAIL_ADDRESS),
    ("anna\uff20example\uff0ese", EMAIL_ADDRESS),
    ("anna @ example.se", EMAIL_ADDRESS),
    ("Anna Svensson", FULL_NAME),
    ("Lars-Erik Nilsson", FULL_NAME),
    ("Anna Maria Berg", FULL_NAME),
    ("Mohammed Ali Hassan", FULL_NAME),
    ("Karin Lindh-Berg", FULL_NAME),
])
def test_the_forms_that_got_through_are_caught(written, kind):
    text = f"Uppgift: {written} enligt vakten."
    assert kinds(text) == [(kind, written)]
    assert personal_data.remove(text) == "Uppgift: […] enligt vakten."


@pytest.mark.parametrize(("text", "found"), [
    ("pnr:850101-1234", "850101-1234"), ("Pnr.8501011234", "8501011234"), ("Faktura 8501011234", None),
    ("pnr850101-1234", "850101-1234"),
    ("Tel.070-123 45 67", "070-123 45 67"), ("tel:+46701234567", "+46701234567"), ("tel0701234567", "0701234567"),
])
def test_a_label_right_before_a_number_does_not_hide_it(text, found):
    assert [f.text for f in find(text)] == ([found] if found else [])


def test_a_zero_width_space_is_removed_with_the_number():
    text = f"ring 070{ZWSP}1234567 nu"
    assert personal_data.remove(text) == "ring […] nu"


def test_the_first_names_list_is_shipped_and_big_enough():
    names = first_names()
    assert len(names) >= 300
    assert {"Anna", "Erik", "Maria", "Lars", "Karin", "Mohammed", "Åsa"} <= names
    assert all(name[0].isupper() for name in names)


# Ordinary sentences of an incident report that must NOT be flagged: dates,
# times, amounts, report references, and places named after persons.
ORDINARY = [
    "Upptäckt 2026-03-05 kl. 14:30, anmäld 2026-03-06.",
    "Mellan 2025-05-10 och 2025-05-11, kl 22-06.",
    "Öppet 07.30-08.15 och 16.00-17.30.",
    "Klotter 23.15-23.45, 40 m2.",
    "Larmet kom 2025-05-10 22:41, 112 ringde.",
    "Ring 112 eller 114 14.",
    "Kostnad 12 500 kr, 2 x 1 500 kr, moms 25 %.",
    "Skadan beräknas till 1 500 000 kr (1500000 SEK).",
    "Polisanmälan K123456-25 och 5000-K123456-25.",
    "Diarienummer KS 2025/123, ärende 2025-1234.",
    "Org.nr 556036-0793 äger fastigheten.",
    "Koordinater 620100 6650150 (SWEREF 99 TM).",
    "Klotter vid Anna Lindhs plats.",
    "Brand i container på Olof Palmes gata.",
    "Krossad ruta på Karl Johans väg 3.",
    "Samling på Gustav Adolfs torg.",
    "Erik Dahlbergsgatan 4, port B.",
    "Inbrott i Anna Lindh-skolan.",
    "Skadegörelse vid Maria Magdalena kyrka.",
    "Per person: 3 st.",
    "Bo Centrum har ny belysning.",
    "Stig Norra vägen är mörk.",
    "Bussen linje 150 mot Centrum.",
    "Möte at 10.30 vid stationen.",
    "They looked at the door.",
    "Se www.solvik.se/trygghet för mer.",
    "Polisen kom 22.41. Stina från fältgruppen var på plats.",
    "Anna från fältgruppen ringde.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_sentences_are_not_flagged(text):
    assert find(text) == []


def test_the_demo_texts_are_not_flagged():
    texts = [d for ds in DESCRIPTIONS.values() for d in ds] + [s for ss in PLACE_NAMES.values() for s in ss]
    assert len(texts) > 100
    assert [t for t in texts if find(t)] == []


def test_guard_refuses_with_the_field_named_or_cleans_on_request():
    values = {"description": "Ring 070-123 45 67", "place_name": "Storgatan 12", "handling_note": "a@b.se", "x": 1}
    same, problems = guard(values)
    assert same is values
    assert [(p.field, p.code) for p in problems] == [
        ("description", "personal_data"), ("handling_note", "personal_data")]
    assert "phone number" in problems[0].message and "070" not in problems[0].message
    cleaned, problems = guard(values, clean=True)
    assert problems == []
    assert cleaned == {"description": "Ring […]", "place_name": "Storgatan 12", "handling_note": "[…]", "x": 1}
    assert values["description"] == "Ring 070-123 45 67"  # the caller's dict is left alone


def test_guard_column_numbers_the_rows_and_checks_each_text_once():
    texts = ["Storgatan", None, "Anna Svensson", "", "Anna Svensson"]
    same, problems = guard_column("place_name", texts)
    assert same == texts
    assert [(p.field, p.row) for p in problems] == [("place_name", 3), ("place_name", 5)]
    cleaned, problems = guard_column("place_name", texts, clean=True)
    assert cleaned == ["Storgatan", None, "[…]", "", "[…]"] and problems == []
