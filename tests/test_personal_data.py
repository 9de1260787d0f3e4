"""The personal-data guard on positive and negative examples (no QGIS GUI)."""

import pytest

from lagesbild.core.domain import personal_data
from lagesbild.core.domain.personal_data import EMAIL_ADDRESS, PERSONAL_IDENTITY_NUMBER, PHONE_NUMBER, find, luhn_valid


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
    "811218-9875 är inte ett giltigt nummer (fel kontrollsiffra).",
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
        "personal identity number", "phone number", "e-mail address"}
