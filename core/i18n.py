"""Translation of user-visible strings.

Call ``tr("literal")`` with a plain string literal, so that
``scripts/update_translations.py`` finds it; put values in with ``.format()``
after the call. ``translator(language)`` gives a ``tr`` into a language other
than the one QGIS has loaded (a report in Swedish from an English QGIS).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from .resources import RESOURCES

DEFAULT_CONTEXT = "Lagesbild"
I18N_DIR = RESOURCES / "i18n"
_translators: dict[str, QTranslator | None] = {}


def tr(message: str, context: str = DEFAULT_CONTEXT) -> str:
    return QCoreApplication.translate(context, message)


def plural(n: int, one: str, other: str) -> str:
    """``one`` or ``other`` (both already translated, with ``{n}``) for the
    count ``n``: English and Swedish both take the singular for exactly one
    ("1 incident" / "1 händelse", "0 incidents" / "0 händelser")."""
    return (one if n == 1 else other).format(n=n)


def language() -> str:
    """'sv' while the Swedish translation is loaded, else 'en': the language
    in which code-list labels (which live in the code list, not in .ts files)
    are shown."""
    return "sv" if tr("en", "Language") == "sv" else "en"


def translation_file(language: str) -> Path:
    """The built translation (.qm) of a two-letter ``language``."""
    return I18N_DIR / f"lagesbild_{language}.qm"


def _source(message: str) -> str:
    return message


def _load_translator(language: str) -> QTranslator | None:
    if language not in _translators:
        path = translation_file(language)
        loaded = QTranslator()
        if path.exists() and loaded.load(str(path)):
            _translators[language] = loaded
        else:
            logging.getLogger("lagesbild").warning("No built translation %s: the text stays in English.", path)
            _translators[language] = None
    return _translators[language]


def translator(wanted: str | None) -> Callable[[str], str]:
    """A ``tr`` into the language ``wanted`` ("sv", "en"), whichever
    translation QGIS has loaded, so that a text can be written in the language
    asked for; None means the loaded one. A language without a built .qm
    gives English."""
    if wanted is None:
        return tr
    code = wanted[:2].lower()
    if code == language():
        return tr
    if code == "en":
        return _source
    loaded = _load_translator(code)
    if loaded is None:
        return _source
    return lambda message: loaded.translate(DEFAULT_CONTEXT, message) or message
