"""Swedish full names in free text, for the personal-data guard
(core/domain/personal_data.py).

A full name is a first name from the shipped list of common Swedish first
names (resources/data/first_names_sv.txt), capitalised, followed by one to
three capitalised words of which at least one is not itself a first name
("Anna Svensson", "Lars-Erik Nilsson", "Anna Maria Berg"). Streets, squares
and schools named after a person are places, not persons, so a name followed
by a place word ("Anna Lindhs plats", "Olof Palmes gata") or ending in one
("Erik Dahlbergsgatan", "Anna Lindh-skolan") passes. A first name alone, or
a surname alone, is not caught: neither identifies a person by itself, and
catching them would flag ordinary words ("Per", "Bo", "Stig").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import RESOURCES

FULL_NAME = "full_name"
FIRST_NAMES_PATH = RESOURCES / "data" / "first_names_sv.txt"

# Words naming a place; also as the end of a compound ("Storgatan", "minnesplats").
PLACE_WORDS = (
    "gata", "gatan", "väg", "vägen", "plats", "platsen", "torg", "torget", "park", "parken", "skola",
    "skolan", "förskola", "förskolan", "gymnasiet", "kyrka", "kyrkan", "kapell", "kapellet", "allé", "allén",
    "backe", "backen", "stig", "stigen", "gränd", "gränden", "plan", "gång", "gången", "hus", "huset",
    "hallen", "gård", "gården", "bro", "bron", "kaj", "kajen", "stranden", "hamn", "hamnen", "centrum",
    "station", "stationen", "sjukhus", "sjukhuset", "hem", "hemmet", "museum", "museet", "bibliotek",
    "biblioteket", "skolgård", "skolgården", "stadion", "arena", "arenan", "kvarter", "kvarteret",
)

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_GAP = re.compile(r"[ \t]+")


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The shipped list, as written (capitalised)."""
    lines = FIRST_NAMES_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _capitalised(word: str) -> bool:
    return word[0].isupper() and any(c.islower() for c in word[1:])


def _is_place(word: str) -> bool:
    lower = word.lower()
    return any(lower.endswith(place) for place in PLACE_WORDS)


def full_names(text: str) -> list[tuple[str, int, int]]:
    """(FULL_NAME, start, end) of each full name in ``text``."""
    names = first_names()
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    found = []
    index = 0
    while index < len(words):
        word, start, end = words[index]
        if word not in names:
            index += 1
            continue
        following = []  # the capitalised words right after, separated by spaces only
        last_end = end
        for next_word, next_start, next_end in words[index + 1:index + 4]:
            if not _GAP.fullmatch(text[last_end:next_start]) or not _capitalised(next_word):
                break
            following.append(next_word)
            last_end = next_end
        after = words[index + 1 + len(following)] if index + 1 + len(following) < len(words) else None
        followed_by_place = after is not None and _GAP.fullmatch(text[last_end:after[1]]) and _is_place(after[0])
        is_name = (following and any(w not in names for w in following)
                   and not _is_place(following[-1]) and not followed_by_place)
        if is_name:
            found.append((FULL_NAME, start, last_end))
            index += 1 + len(following)
        else:
            index += 1
    return found
