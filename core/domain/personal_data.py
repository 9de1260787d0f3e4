"""The personal-data guard: finds what identifies a person in free text.

The situation picture is about places, never persons, so a description must
not carry a Swedish personal identity number (personnummer or
samordningsnummer), a phone number or an e-mail address. ``find`` returns
each one found with its kind and span, so that a form can flag it as one
types and ask to remove it before saving.

A personal identity number counts only with a valid date (a samordningsnummer
adds 60 to the day) and a valid Luhn check digit, so that report references
("5000-K123456-25"), dates, sums and other ten-digit numbers pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..i18n import tr

PERSONAL_IDENTITY_NUMBER = "personal_identity_number"
PHONE_NUMBER = "phone_number"
EMAIL_ADDRESS = "email_address"
KINDS = (PERSONAL_IDENTITY_NUMBER, PHONE_NUMBER, EMAIL_ADDRESS)


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return kind_label(self.kind)


def kind_label(kind: str) -> str:
    if kind == PERSONAL_IDENTITY_NUMBER:
        return tr("personal identity number")
    if kind == PHONE_NUMBER:
        return tr("phone number")
    return tr("e-mail address")


# Not glued to other digits, letters or number punctuation on either side.
_EDGE_BEFORE = r"(?<![\w+\-/.:])"
_EDGE_AFTER = r"(?![\w\-/]|[.:]\d)"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

# YYMMDD or YYYYMMDD, an optional '-' or '+', then three digits and the check digit.
_IDENTITY = re.compile(_EDGE_BEFORE + r"(?P<century>\d{2})?(?P<date>\d{6})(?P<sep>[-+]?)(?P<tail>\d{4})" + _EDGE_AFTER)

# Mobile 07x, a number with an area code (08-…, 031-…), or +46 / 0046 for either.
_PHONE = re.compile(
    r"(?<![\w+\-/.:])"
    r"(?:(?:\+|00)46[ -]?(?:\(0\)[ -]?)?[1-9]|0[1-9])"  # country code or trunk 0, then the first digit
    r"(?:[ -]?\d){6,9}"
    + _EDGE_AFTER
)


def luhn_valid(digits: str) -> bool:
    """The Luhn check (weights 2, 1, 2, … from the left over ten digits)."""
    total = 0
    for position, character in enumerate(digits):
        product = int(character) * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def _valid_birth_date(century: str | None, yymmdd: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:])
    if day > 60:  # a samordningsnummer adds 60 to the day
        day -= 60
    if century is not None and century not in ("18", "19", "20"):
        return False
    centuries = (century,) if century else ("19", "20")
    for prefix in centuries:
        try:
            date(int(prefix + yymmdd[:2]), month, day)
            return True
        except ValueError:
            continue
    return False


def _identity_numbers(text: str) -> list[Finding]:
    found = []
    for match in _IDENTITY.finditer(text):
        if not _valid_birth_date(match.group("century"), match.group("date")):
            continue
        if match.group("sep") == "+" and match.group("century"):
            continue  # '+' (over 100 years old) belongs to the ten-digit form only
        if luhn_valid(match.group("date") + match.group("tail")):
            found.append(Finding(PERSONAL_IDENTITY_NUMBER, match.start(), match.end(), match.group(0)))
    return found


def _phone_numbers(text: str) -> list[Finding]:
    found = []
    for match in _PHONE.finditer(text):
        value = match.group(0)
        digits = re.sub(r"\D", "", value)
        national = digits[2:] if value.startswith("+") else digits[4:] if value.startswith("00") else digits[1:]
        separated = bool(re.search(r"[ -]", value[2:]))
        if national.startswith("7"):  # a mobile: 7x plus seven digits
            if len(national) != 9 or national[1] not in "02369":
                continue
        elif not (value.startswith(("+", "00")) or separated):
            continue  # a landline without '+46' is written with a separator after its area code
        elif not 7 <= len(national) <= 9:
            continue
        found.append(Finding(PHONE_NUMBER, match.start(), match.end(), value))
    return found


def find(text: str | None) -> list[Finding]:
    """Every personal datum in ``text``, in order, without overlaps."""
    if not text:
        return []
    found: list[Finding] = []
    for finder in (lambda t: [Finding(EMAIL_ADDRESS, m.start(), m.end(), m.group(0)) for m in _EMAIL.finditer(t)],
                   _identity_numbers, _phone_numbers):
        for finding in finder(text):
            if not any(finding.start < other.end and other.start < finding.end for other in found):
                found.append(finding)
    return sorted(found, key=lambda f: f.start)


def remove(text: str, findings: list[Finding] | None = None) -> str:
    """``text`` with every finding replaced by '[…]'."""
    findings = find(text) if findings is None else findings
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        text = text[:finding.start] + "[…]" + text[finding.end:]
    return text
