"""The category code list: the one home of categories, subcategories, labels,
colours and icons.

Everything else (the store's ``categories`` table, validation, the form, the
styles, the analysis and the reports) reads this module. The codes follow the
EST practice of Swedish municipalities (EST: effektiv samordning för
trygghet). A subcategory's code starts with its category's code and an
underscore, so that every code is unique in the one ``categories`` table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..resources import ICONS

ICON_DIR = ICONS / "categories"


@dataclass(frozen=True)
class Subcategory:
    code: str
    label_sv: str
    label_en: str


@dataclass(frozen=True)
class Category:
    code: str
    label_sv: str
    label_en: str
    colour: str  # "#rrggbb"
    subcategories: tuple[Subcategory, ...] = field(default_factory=tuple)

    @property
    def icon(self) -> str:
        """File name of the category's SVG icon inside ``ICON_DIR``."""
        return f"{self.code}.svg"

    @property
    def icon_path(self) -> Path:
        return ICON_DIR / self.icon

    def label(self, language: str = "sv") -> str:
        return self.label_sv if language.startswith("sv") else self.label_en


def _sub(category: str, code: str, sv: str, en: str) -> Subcategory:
    return Subcategory(f"{category}_{code}", sv, en)


CATEGORIES: tuple[Category, ...] = (
    Category("vandalism", "Skadegörelse", "Vandalism", "#d7301f"),
    Category("graffiti", "Klotter", "Graffiti", "#ae017e"),
    Category(
        "fire",
        "Brand",
        "Fire",
        "#fd8d3c",
        (
            _sub("fire", "car", "Bilbrand", "Car fire"),
            _sub("fire", "container", "Brand i avfallskärl", "Waste container fire"),
            _sub("fire", "building", "Brand i byggnad", "Building fire"),
        ),
    ),
    Category(
        "theft",
        "Stöld och inbrott",
        "Theft and burglary",
        "#6a51a3",
        (
            _sub("theft", "bicycle", "Cykelstöld", "Bicycle theft"),
            _sub("theft", "vehicle", "Fordonsstöld", "Vehicle theft"),
            _sub("theft", "shoplifting", "Butiksstöld", "Shoplifting"),
            _sub("theft", "boat_engine", "Båtmotorstöld", "Boat engine theft"),
            _sub("theft", "burglary", "Inbrott", "Burglary"),
        ),
    ),
    Category(
        "disorder",
        "Ordningsstörning",
        "Disorder",
        "#2171b5",
        (
            _sub("disorder", "noise", "Störande ljud", "Noise"),
            _sub(
                "disorder",
                "gathering",
                "Samlingar som skapar otrygghet",
                "Gatherings that create insecurity",
            ),
            _sub("disorder", "fireworks", "Fyrverkerier", "Fireworks"),
        ),
    ),
    Category(
        "threat_violence",
        "Hot och våld",
        "Threats and violence",
        "#67000d",
        (
            _sub("threat_violence", "staff", "Hot eller våld mot personal", "Against staff"),
            _sub("threat_violence", "fight", "Slagsmål", "Fights"),
            _sub("threat_violence", "threat", "Hot", "Threats"),
        ),
    ),
    Category(
        "drugs",
        "Narkotika",
        "Drugs",
        "#238b45",
        (
            _sub("drugs", "dealing", "Försäljning", "Dealing"),
            _sub("drugs", "use", "Användning", "Use"),
            _sub("drugs", "syringes", "Sprutfynd", "Syringes found"),
        ),
    ),
    Category("littering", "Nedskräpning", "Littering", "#8c6d31"),
    Category(
        "unsafe_place",
        "Otrygg plats",
        "Unsafe place",
        "#e7ba52",
        (
            _sub("unsafe_place", "lighting", "Dålig belysning", "Poor lighting"),
            _sub("unsafe_place", "vegetation", "Igenvuxen vegetation", "Overgrown vegetation"),
            _sub("unsafe_place", "deserted", "Öde plats", "Deserted place"),
        ),
    ),
    Category(
        "traffic",
        "Trafik",
        "Traffic",
        "#525252",
        (
            _sub("traffic", "reckless", "Vårdslös körning", "Reckless driving"),
            _sub("traffic", "moped", "Mopeder", "Mopeds"),
        ),
    ),
    Category("other", "Övrigt", "Other", "#969696"),
)

BY_CODE: dict[str, Category] = {c.code: c for c in CATEGORIES}
SUBCATEGORY_PARENT: dict[str, str] = {
    s.code: c.code for c in CATEGORIES for s in c.subcategories
}
SUBCATEGORIES: dict[str, Subcategory] = {
    s.code: s for c in CATEGORIES for s in c.subcategories
}

# Handling status of an incident, in the order of its handling.
STATUSES: tuple[tuple[str, str, str], ...] = (
    ("new", "Ny", "New"),
    ("in_progress", "Pågående", "In progress"),
    ("closed", "Avslutad", "Closed"),
)
STATUS_CODES = tuple(s[0] for s in STATUSES)

# Kinds of measure in the action plan (åtgärdsplan).
MEASURE_KINDS: tuple[tuple[str, str, str], ...] = (
    ("situational", "Situationell", "Situational"),
    ("social", "Social", "Social"),
)
MEASURE_STATUSES: tuple[tuple[str, str, str], ...] = (
    ("planned", "Planerad", "Planned"),
    ("active", "Pågående", "Active"),
    ("completed", "Genomförd", "Completed"),
    ("cancelled", "Avbruten", "Cancelled"),
)

# Organisations a new store starts with; a municipality renames or adds its own.
DEFAULT_ORGANISATIONS: tuple[tuple[str, str, str], ...] = (
    ("municipality", "Kommunen", "The municipality"),
    ("police", "Polisen", "The police"),
    ("housing", "Bostadsbolaget", "The housing company"),
    ("security", "Väktarbolaget", "The security company"),
    ("rescue", "Räddningstjänsten", "The rescue service"),
)


def category_of(subcategory: str) -> str | None:
    """The category a subcategory code belongs to, or None for an unknown code."""
    return SUBCATEGORY_PARENT.get(subcategory)


def label(code: str, language: str = "sv") -> str:
    """Label of a category or subcategory code in ``language`` (sv or en)."""
    if code in BY_CODE:
        return BY_CODE[code].label(language)
    sub = SUBCATEGORIES.get(code)
    if sub is None:
        return code
    return sub.label_sv if language.startswith("sv") else sub.label_en
