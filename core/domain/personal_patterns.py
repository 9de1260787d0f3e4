"""The patterns of the personal-data guard (core/domain/personal_data.py):
personal identity and coordination numbers, phone numbers and e-mail
addresses, each found in text already normalised by the guard (ASCII digits,
dashes and spaces, no zero-width characters). Each finder returns
(kind, start, end) spans in that normalised text.

An identity number counts with a valid birth date (a coordination number adds
60 to the day). With a valid check digit it counts in any form; a wrong check
digit (a typo of a real number is still one) counts when the number is
written as a person's number is written: with a separator (``-``, ``+``,
space, dot), with its century, or after a label ("pnr", "personnummer").
Ten bare digits with a wrong check digit and no label pass: they are more
often an invoice or order number.
"""

from __future__ import annotations

import re
from datetime import date

PERSONAL_IDENTITY_NUMBER = "personal_identity_number"
PHONE_NUMBER = "phone_number"
EMAIL_ADDRESS = "email_address"

# Not glued to other digits or number punctuation on either side; a label
# right before counts as a label ("pnr:850101-1234", "Tel.070…", "tel070…").
_EDGE_BEFORE = r"(?:(?<![\w+\-/.:])|(?<=[^\W\d_])|(?<=[^\W\d_][.:]))"
_EDGE_AFTER = r"(?![\w\-/]|[.:]\d)"

# YYMMDD or YYYYMMDD, a separator or none, then three digits and the check digit.
_IDENTITY = re.compile(
    _EDGE_BEFORE + r"(?P<century>\d{2})?(?P<date>\d{6})(?P<sep> ?[-+.] ?| |)(?P<tail>\d{4})" + _EDGE_AFTER)

# "pnr", "personnummer", "samordningsnr" … right before a number: it is one, whatever its check digit
_IDENTITY_LABEL = re.compile(r"(?:p-?nr|person\w*|samordn\w*)\W{0,3}$", re.IGNORECASE)

# Mobile 07x, a number with an area code (08-…, 031-…), or +46 / 0046 for
# either; groups separated by a space, a dot or a dash.
_SEPARATOR = r"(?:[ .]| ?- ?)"
_PHONE = re.compile(
    _EDGE_BEFORE
    + r"(?:(?:\+|00)46" + _SEPARATOR + r"?(?:\(0\) ?)?[1-9]|\(?0[1-9])"  # country code or trunk 0, first digit
    + r"(?:\)? ?|" + _SEPARATOR + r"?)(?:\d" + _SEPARATOR + r"?){5,8}\d"
    + _EDGE_AFTER
)

# E-mail, also written to dodge a filter: "anna at example dot se",
# "anna[at]example.se", "anna (snabel-a) example (punkt) se".
_BRACKETED = r"\s*[\[({<]\s*{word}\s*[\])}>]\s*"
_AT_WORDS = r"(?:at|snabel-?a)"
_DOT_WORDS = r"(?:dot|punkt)"
_AT = (r"(?:\s*@\s*|" + _BRACKETED.replace("{word}", _AT_WORDS) + r"|\s+" + _AT_WORDS + r"\s+)")
_DOT = (r"(?:\.|" + _BRACKETED.replace("{word}", _DOT_WORDS) + r"|\s+" + _DOT_WORDS + r"\s+)")
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*" + _AT + _LABEL + r"(?:" + _DOT + _LABEL + r")*" + _DOT + r"[a-z]{2,}\b",
    re.IGNORECASE)


def luhn_valid(digits: str) -> bool:
    """The Luhn check (weights 2, 1, 2, … from the left over ten digits)."""
    total = 0
    for position, character in enumerate(digits):
        product = int(character) * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def valid_birth_date(century: str | None, yymmdd: str) -> bool:
    """Whether YYMMDD (day + 60 for a coordination number) is a real date."""
    month, day = int(yymmdd[2:4]), int(yymmdd[4:])
    if day > 60:
        day -= 60
    if century is not None and century not in ("18", "19", "20"):
        return False
    for prefix in (century,) if century else ("19", "20"):
        try:
            date(int(prefix + yymmdd[:2]), month, day)
            return True
        except ValueError:
            continue
    return False


def identity_numbers(text: str) -> list[tuple[str, int, int]]:
    found = []
    for match in _IDENTITY.finditer(text):
        century, sep = match.group("century"), match.group("sep").strip()
        if not valid_birth_date(century, match.group("date")):
            continue
        if sep == "+" and century:
            continue  # '+' (over 100 years old) belongs to the ten-digit form only
        written_as_one = (bool(century) or bool(match.group("sep"))
                          or bool(_IDENTITY_LABEL.search(text, max(0, match.start() - 24), match.start())))
        if written_as_one or luhn_valid(match.group("date") + match.group("tail")):
            found.append((PERSONAL_IDENTITY_NUMBER, match.start(), match.end()))
    return found


def phone_numbers(text: str) -> list[tuple[str, int, int]]:
    found = []
    for match in _PHONE.finditer(text):
        value = match.group(0)
        digits = re.sub(r"\D", "", value)
        international = value.startswith(("+", "00"))
        national = digits[2:] if value.startswith("+") else digits[4:] if value.startswith("00") else digits[1:]
        mobile = national.startswith("7")
        if mobile:  # 7x plus seven digits
            if len(national) != 9 or national[1] not in "02369":
                continue
        else:
            if "." in value:
                continue  # dotted groups in a landline look like times ("06.30-07.15")
            separated = bool(re.search(r"[ ()-]", value[2:]))
            if not (international or separated):
                continue  # a landline without '+46' is written with a separator after its area code
            if not 7 <= len(national) <= 9:
                continue
        found.append((PHONE_NUMBER, match.start(), match.end()))
    return found


def email_addresses(text: str) -> list[tuple[str, int, int]]:
    return [(EMAIL_ADDRESS, m.start(), m.end()) for m in _EMAIL.finditer(text)]
