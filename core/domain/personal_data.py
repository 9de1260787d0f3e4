"""The personal-data guard: finds what identifies a person in free text, and
keeps it out of the store.

The situation picture is about places, never persons, so a free text
(``FREE_TEXT_FIELDS``) must not carry a Swedish personal identity number
(personnummer) or coordination number (samordningsnummer), a phone number,
an e-mail address or a full name. ``find`` returns each one with its kind and
its span in the text as given; ``remove`` replaces them with '[…]';
``guard`` is what every path into the store calls (the store's add and
update, bulk loads, imports and merges): it refuses a write with each field
named, or cleans the values when the caller asks for it.

The text is normalised first, so that writing a number differently does not
get it through: full-width and other Unicode digits count as digits,
zero-width characters and soft hyphens are ignored, Unicode dashes and
spaces are dashes and spaces. The patterns are in personal_patterns.py and
personal_names.py.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..i18n import tr
from . import schema
from .personal_names import FULL_NAME, full_names
from .personal_patterns import (
    EMAIL_ADDRESS,
    PERSONAL_IDENTITY_NUMBER,
    PHONE_NUMBER,
    email_addresses,
    identity_numbers,
    luhn_valid,
    phone_numbers,
)
from .validation import Problem

__all__ = ["EMAIL_ADDRESS", "FREE_TEXT_FIELDS", "FULL_NAME", "KINDS", "PERSONAL_IDENTITY_NUMBER", "PHONE_NUMBER",
           "Finding", "find", "guard", "guard_column", "kind_label", "luhn_valid", "problem", "remove"]

KINDS = (PERSONAL_IDENTITY_NUMBER, PHONE_NUMBER, EMAIL_ADDRESS, FULL_NAME)
# Every free-text field of an incident (the schema names them); all other
# fields are codes, numbers, times or a point.
FREE_TEXT_FIELDS = schema.FREE_TEXT_FIELDS
REMOVED = "[…]"
PROBLEM_CODE = "personal_data"

_IGNORED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63")
_SPACES = frozenset("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")


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
    if kind == FULL_NAME:
        return tr("person's name")
    return tr("e-mail address")


def _normal_character(character: str) -> str:
    if character in _DASHES:
        return "-"
    if character in _SPACES:
        return " "
    if character.isascii():
        return character
    if unicodedata.category(character) == "Nd":
        return str(unicodedata.decimal(character))
    if "\uff01" <= character <= "\uff5e":  # full-width ASCII: '＠', '．', letters
        return chr(ord(character) - 0xFEE0)
    if character == "\ufe6b":  # small commercial at
        return "@"
    return character


def normalise(text: str) -> tuple[str, list[int]]:
    """``text`` with one character for each character kept, and where each
    came from in ``text`` (ignored characters are left out)."""
    characters, origin = [], []
    for index, character in enumerate(text):
        if character in _IGNORED:
            continue
        characters.append(_normal_character(character))
        origin.append(index)
    return "".join(characters), origin


def find(text: str | None) -> list[Finding]:
    """Every personal datum in ``text``, in order, without overlaps; spans
    index ``text`` as given (a zero-width space inside a number is inside its span)."""
    if not text:
        return []
    normal, origin = normalise(text)
    spans: list[tuple[str, int, int]] = []
    for finder in (email_addresses, phone_numbers, identity_numbers, full_names):
        for kind, start, end in finder(normal):
            if not any(start < other_end and other_start < end for _, other_start, other_end in spans):
                spans.append((kind, start, end))
    found = []
    for kind, start, end in sorted(spans, key=lambda span: span[1]):
        first, last = origin[start], origin[end - 1] + 1
        found.append(Finding(kind, first, last, text[first:last]))
    return found


def remove(text: str, findings: list[Finding] | None = None) -> str:
    """``text`` with every finding replaced by '[…]'."""
    findings = find(text) if findings is None else findings
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        text = text[:finding.start] + REMOVED + text[finding.end:]
    return text


def problem(field: str, findings: list[Finding], row: int | None = None) -> Problem:
    """The refusal of one field, naming what it holds (not the data itself:
    a message may end up in a log)."""
    kinds = ", ".join(dict.fromkeys(f.label for f in findings))
    return Problem(field, PROBLEM_CODE, tr(
        "holds personal data ({kinds}); the situation picture is about places, never persons: "
        "remove it").format(kinds=kinds), row)


def guard(values: dict, clean: bool = False, row: int | None = None,
          fields: tuple[str, ...] = FREE_TEXT_FIELDS) -> tuple[dict, list[Problem]]:
    """The one check every write of incident values goes through.

    Returns ``(values, problems)``. Without ``clean`` each free-text field
    holding personal data is a problem (``row`` numbers an import's row) and
    the values come back unchanged; with ``clean`` the personal data is
    replaced by '[…]' in a copy of the values and there are no problems."""
    problems, cleaned = [], dict(values)
    for field in fields:
        text = values.get(field)
        findings = find(text) if isinstance(text, str) else []
        if not findings:
            continue
        if clean:
            cleaned[field] = remove(text, findings)
        else:
            problems.append(problem(field, findings, row))
    return (cleaned if clean else values), problems


def guard_column(field: str, texts: list, clean: bool = False) -> tuple[list, list[Problem]]:
    """``guard`` over one column of many rows (a bulk load): ``(texts, problems)``
    with 1-based row numbers. Each distinct text is checked once, so that a
    million rows of a few hundred texts cost little more than the texts."""
    flagged = {}
    for text in dict.fromkeys(texts):
        if isinstance(text, str) and text and (findings := find(text)):
            flagged[text] = findings
    if not flagged:
        return list(texts), []
    if clean:
        return [remove(t, flagged[t]) if isinstance(t, str) and t in flagged else t for t in texts], []
    return list(texts), [problem(field, flagged[t], index + 1) for index, t in enumerate(texts)
                         if isinstance(t, str) and t in flagged]
