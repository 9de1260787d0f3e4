"""The standard form kept in the store itself: the incidents layer's default
style (``layer_styles``), so that plain QGIS, or a phone with QField, opens
the layer with the same form as the plugin's: value relations on the code
tables, date-time editors, constraints, defaults, read-only store fields,
aliases, and the categories with their colours and icons.

The style is made here, from the schema and the code list, on a layer in
memory (nothing is read from the store), and kept by the store
(``core/store/default_style``). It is written in one language, the store's
(a setting chosen when the store is created, kept in ``lagesbild_meta``):
QGIS 3.22 has no expression for an alias or a value relation's label column.

Every path that makes a store writes it (create, demo data, copy of a store
that has none); opening a store only reads it, except a store that has no
standard form yet, or one made for an older schema version: that store
gets it once, when the plugin first opens it for writing."""

from __future__ import annotations

from qgis.core import QgsField, QgsReadWriteContext, QgsVectorLayer
from qgis.PyQt.QtXml import QDomDocument

from ..compat import FIELD_BOOL, FIELD_DATE, FIELD_DATETIME, FIELD_DOUBLE, FIELD_LONG, FIELD_STRING
from ..domain import schema
from ..i18n import language as ui_language
from ..store import StoreLocation
from ..store.default_style import (
    FORM_LANGUAGE,
    FORM_SCHEMA_VERSION,
    SavedStyle,
    default_style,
    save_default_style,
    store_settings,
)
from . import form_config, styling

STYLE_NAME = "Lägesbild standard form"
LANGUAGES = ("sv", "en")
# what the plugin's form dock saved before the store kept the form itself
LEGACY_STYLE_NAME = "default"
LEGACY_DESCRIPTIONS = ("Lägesbild standard incident form", "Lägesbilds standardformulär för händelser")
_FIELD_TYPES = {schema.TEXT: FIELD_STRING, schema.INTEGER: FIELD_LONG, schema.REAL: FIELD_DOUBLE,
                schema.BOOLEAN: FIELD_BOOL, schema.DATETIME: FIELD_DATETIME, schema.DATE: FIELD_DATE}


def standard_layer(store, language: str) -> QgsVectorLayer:
    """A layer in memory with the incidents' fields (from the schema) and the
    standard form and symbology of the store at ``store``."""
    location = StoreLocation.parse(store)
    layer = QgsVectorLayer(f"{schema.INCIDENTS.geometry.capitalize()}?crs=EPSG:3006", "incidents", "memory")
    layer.dataProvider().addAttributes([QgsField(f.name, _FIELD_TYPES[f.type]) for f in schema.INCIDENTS.fields])
    layer.updateFields()
    form_config.configure(layer, location, language)
    layer.setRenderer(styling.incident_renderer(language, embed=True))
    return layer


def standard_style(store, language: str) -> SavedStyle:
    """The standard form of the store at ``store`` as QGIS saves a style."""
    layer = standard_layer(store, language)
    qml = QDomDocument()
    layer.exportNamedStyle(qml, QgsReadWriteContext())
    # no SLD: QGIS loads the QML, and SLD cannot say value relations or constraints
    description = ("Lägesbilds standardformulär för händelser" if language == "sv"
                   else "Lägesbild standard incident form")
    return SavedStyle(STYLE_NAME, f"{description} (schema {schema.SCHEMA_VERSION}, {language})",
                      qml.toString())


def form_language(store) -> str | None:
    """The language the store's standard form is written in, if it has one."""
    language = store_settings(store).get(FORM_LANGUAGE)
    return language if language in LANGUAGES else None


def write_standard_form(store, language: str | None = None) -> None:
    """Save the standard form into the open ``store`` as its incidents' default
    style, in ``language`` (default: the store's, else QGIS's); StoreError
    when the store cannot keep it."""
    language = language or form_language(store) or ui_language()
    save_default_style(store, schema.INCIDENTS.name, standard_style(store.location, language), {
        FORM_LANGUAGE: language, FORM_SCHEMA_VERSION: str(schema.SCHEMA_VERSION)})


def needs_standard_form(store) -> bool:
    """True for a store without a default style for its incidents, or with the
    plugin's own made for an older schema (or by an older plugin); never for
    a default style somebody made themselves."""
    current = default_style(store, schema.INCIDENTS.name)
    if current is None:
        return True
    name, description = current
    if name == STYLE_NAME:
        version = store_settings(store).get(FORM_SCHEMA_VERSION)
        return version is not None and version.isdigit() and int(version) < schema.SCHEMA_VERSION
    return name == LEGACY_STYLE_NAME and description in LEGACY_DESCRIPTIONS


def ensure_standard_form(store, language: str | None = None, renew: bool = False) -> bool:
    """Write the standard form when ``needs_standard_form`` (with ``renew``,
    also over the plugin's own: a copy's form must name the copy's code
    tables); True when it was written. A store that has it is only read."""
    current = default_style(store, schema.INCIDENTS.name) if renew else None
    if not (current is not None and current[0] == STYLE_NAME) and not needs_standard_form(store):
        return False
    write_standard_form(store, language)
    return True
