"""Translation of user-visible strings.

Call ``tr("literal")`` with a plain string literal, so that
``scripts/update_translations.py`` finds it; put values in with ``.format()``
after the call.
"""

from qgis.PyQt.QtCore import QCoreApplication

DEFAULT_CONTEXT = "Lagesbild"


def tr(message: str, context: str = DEFAULT_CONTEXT) -> str:
    return QCoreApplication.translate(context, message)


def language() -> str:
    """'sv' while the Swedish translation is loaded, else 'en': the language
    in which code-list labels (which live in the code list, not in .ts files)
    are shown."""
    return "sv" if tr("en", "Language") == "sv" else "en"
