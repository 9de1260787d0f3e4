"""The incidents layer's own QGIS attribute form, configured from the code
list and the schema, and saved as the layer's default style inside the
GeoPackage (``layer_styles``).

Whoever opens the store in plain QGIS, or in a field app that reads QGIS
forms, gets the same standard form as the plugin's dock: value relations on
``categories`` (subcategories filtered by the chosen category) and
``organisations``, date-time editors, not-null and range constraints,
defaults, and aliases in Swedish or English. qgis.core only.
"""

from __future__ import annotations

from qgis.core import (
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsVectorLayer,
)

from ..compat import save_style_to_database
from ..domain import codelist, schema
from ..i18n import language as ui_language
from ..i18n import tr
from ..store import StoreLocation

STYLE_NAME = "default"
DATETIME_DISPLAY = "yyyy-MM-dd HH:mm"
COST_MAXIMUM = 100_000_000
# The current UTC instant as GeoPackage DATETIME text: the local clock figures
# read as UTC, less now(), is the zone's offset.
UTC_NOW_EXPRESSION = (
    "format_date(datetime_from_epoch(2 * epoch(now()) - "
    "epoch(to_datetime(format_date(now(), 'yyyy-MM-dd HH:mm:ss.zzz') || 'Z'))), "
    "'yyyy-MM-ddTHH:mm:ss.zzz') || 'Z'"
)

CONSTRAINT_NOT_NULL = QgsFieldConstraints.Constraint.ConstraintNotNull
CONSTRAINT_EXPRESSION = QgsFieldConstraints.Constraint.ConstraintExpression
STRENGTH_HARD = QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard

# Field aliases: (Swedish, English).
ALIASES: dict[str, tuple[str, str]] = {
    "uuid": ("Id", "Id"),
    "category": ("Kategori", "Category"),
    "subcategory": ("Underkategori", "Subcategory"),
    "occurred_from": ("Inträffade från", "Occurred from"),
    "occurred_to": ("Inträffade till", "Occurred to"),
    "reported_at": ("Rapporterad", "Reported at"),
    "place_name": ("Plats", "Place name"),
    "description": ("Beskrivning", "Description"),
    "reporting_org": ("Rapporterande organisation", "Reporting organisation"),
    "police_reported": ("Polisanmäld", "Reported to the police"),
    "police_report_ref": ("Diarienummer hos polisen", "Police report reference"),
    "estimated_cost_sek": ("Uppskattad kostnad (kr)", "Estimated cost (SEK)"),
    "status": ("Status", "Status"),
    "handling_org": ("Handläggande organisation", "Handling organisation"),
    "handling_note": ("Handläggningsanteckning", "Handling note"),
    "created_at": ("Skapad", "Created at"),
    "updated_at": ("Ändrad", "Updated at"),
    "updated_by_org": ("Ändrad av organisation", "Updated by organisation"),
    "version": ("Version", "Version"),
    "source": ("Importerad från", "Imported from"),
    "source_id": ("Id i källan", "Id in the source"),
    "location_precision": ("Platsens noggrannhet", "Location precision"),
}

# Filled in by the store or its triggers: shown, never typed.
READ_ONLY = ("uuid", "created_at", "updated_at", "updated_by_org", "version", "source", "source_id")


def _table_layer(store, table: str) -> QgsVectorLayer:
    source, provider = StoreLocation.parse(store).layer_source(table)
    return QgsVectorLayer(source, table, provider)


def incidents_layer(store) -> QgsVectorLayer:
    """The incidents layer of the store at ``store`` (a location or a path)."""
    return _table_layer(store, "incidents")


def value_relation(layer: QgsVectorLayer, key: str, value: str, filter_expression: str,
                   allow_null: bool) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup("ValueRelation", {
        "Layer": layer.id(),
        "LayerName": layer.name(),
        "LayerSource": layer.source(),
        "LayerProviderName": layer.providerType(),
        "Key": key,
        "Value": value,
        "FilterExpression": filter_expression,
        "AllowNull": allow_null,
        "OrderByValue": False,
        "AllowMulti": False,
        "UseCompleter": False,
        "NofColumns": 1,
    })


def _datetime_widget(allow_null: bool) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup("DateTime", {
        "field_format": "yyyy-MM-ddTHH:mm:ss",
        "display_format": DATETIME_DISPLAY,
        "calendar_popup": True,
        "allow_null": allow_null,
    })


def _status_widget(language: str) -> QgsEditorWidgetSetup:
    index = 1 if language == "sv" else 2
    return QgsEditorWidgetSetup("ValueMap", {"map": [{status[index]: status[0]} for status in codelist.STATUSES]})


def configure(layer: QgsVectorLayer, path, language: str | None = None) -> None:
    """Set the form of ``layer`` (the store's incidents) from the code list."""
    language = language or ui_language()
    fields = layer.fields()
    categories = _table_layer(path, "categories")
    organisations = _table_layer(path, "organisations")
    label = "label_sv" if language == "sv" else "label_en"
    org_name = "name_sv" if language == "sv" else "name_en"

    def index(name: str) -> int:
        return fields.indexOf(name)

    widgets = {
        "category": value_relation(categories, "code", label, '"parent" IS NULL', False),
        "subcategory": value_relation(categories, "code", label,
                                      "\"parent\" = current_value('category')", True),
        "reporting_org": value_relation(organisations, "code", org_name, '"active" = 1', False),
        "handling_org": value_relation(organisations, "code", org_name, '"active" = 1', True),
        "updated_by_org": value_relation(organisations, "code", org_name, "", True),
        "status": _status_widget(language),
        "police_reported": QgsEditorWidgetSetup("CheckBox", {"CheckedState": "", "UncheckedState": ""}),
        "estimated_cost_sek": QgsEditorWidgetSetup("Range", {
            "Min": 0.0, "Max": float(COST_MAXIMUM), "Step": 100.0, "Precision": 0, "AllowNull": True,
            "Style": "SpinBox"}),
        "uuid": QgsEditorWidgetSetup("TextEdit", {"IsMultiline": False, "UseHtml": False}),
        "description": QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False}),
        "handling_note": QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False}),
    }
    for table_field in schema.INCIDENTS.fields:
        if table_field.type == schema.DATETIME:
            widgets[table_field.name] = _datetime_widget(not table_field.not_null)
    for name, setup in widgets.items():
        layer.setEditorWidgetSetup(index(name), setup)

    expressions: dict[str, tuple[str, str]] = {}
    for table_field in schema.INCIDENTS.fields:
        i = index(table_field.name)
        sv, en = ALIASES[table_field.name]
        layer.setFieldAlias(i, sv if language == "sv" else en)
        if table_field.not_null:
            layer.setFieldConstraint(i, CONSTRAINT_NOT_NULL, STRENGTH_HARD)
        if table_field.type == schema.TEXT and table_field.length:
            expressions[table_field.name] = (
                f'"{table_field.name}" IS NULL OR length("{table_field.name}") <= {table_field.length}',
                tr("at most {limit} characters").format(limit=table_field.length))
    statuses = ", ".join(f"'{code}'" for code in codelist.STATUS_CODES)
    expressions.update({
        "estimated_cost_sek": ('"estimated_cost_sek" IS NULL OR "estimated_cost_sek" >= 0',
                               tr("cannot be negative")),
        "occurred_to": ('"occurred_to" IS NULL OR "occurred_to" >= "occurred_from"',
                        tr("is before the start of the incident")),
        "subcategory": ("\"subcategory\" IS NULL OR left(\"subcategory\", length(\"category\") + 1) = "
                        "\"category\" || '_'", tr("is not a subcategory of the category")),
        "status": (f'"status" IN ({statuses})', tr("unknown status")),
    })
    for name, (expression, description) in expressions.items():
        layer.setConstraintExpression(index(name), expression, description)
        layer.setFieldConstraint(index(name), CONSTRAINT_EXPRESSION, STRENGTH_HARD)

    # Times are stored as UTC text. QGIS 3.22 writes now() with the local
    # clock figures and no zone, which reads back as UTC (an hour or two off
    # in Sweden): the default is the UTC instant as text with 'Z' instead.
    defaults = {
        "uuid": "uuid('WithoutBraces')",
        "status": "'new'",
        "police_reported": "false",
        "version": "1",
        "location_precision": "'exact'",
        "occurred_from": UTC_NOW_EXPRESSION,
        "reported_at": UTC_NOW_EXPRESSION,
        "created_at": UTC_NOW_EXPRESSION,
        "updated_at": UTC_NOW_EXPRESSION,
    }
    for name, expression in defaults.items():
        layer.setDefaultValueDefinition(index(name), QgsDefaultValue(expression, False))

    form = layer.editFormConfig()
    for name in READ_ONLY:
        form.setReadOnly(index(name), True)
    layer.setEditFormConfig(form)


def apply_to_store(path, language: str | None = None) -> str:
    """Configure the form of the store's incidents layer and save it as the
    layer's default style in the GeoPackage, keeping what another part of the
    plugin saved there (the symbology). Returns an error message, or ''."""
    layer = incidents_layer(path)
    if not layer.isValid():
        return tr("the incidents layer of {path} cannot be opened").format(path=path)
    configure(layer, path, language)
    # QGIS 3.22 asks in a message box before it overwrites a style of the same
    # name (a modal dialog from core code, which blocks a headless run): the
    # old row goes first. The layer loaded it, so its symbology is saved again.
    _count, ids, names, _descriptions, _error = layer.listStylesInDatabase()
    for style_id, name in zip(ids, names):
        if name == STYLE_NAME:
            layer.deleteStyleFromDatabase(style_id)
    error = save_style_to_database(layer, STYLE_NAME, tr("Lägesbild standard incident form"), True)
    return error or ""
