"""The incidents layer's own QGIS attribute form, configured from the code
list and the schema; ``form_style`` saves it as the layer's default style in
the store.

Whoever opens the store in plain QGIS, or in a field app that reads QGIS
forms, gets the same standard form as the plugin's dock: value relations on
``categories`` (subcategories filtered by the chosen category) and
``organisations``, date-time editors, not-null and range constraints,
defaults, read-only store fields, and aliases in Swedish or English.
qgis.core only.
"""

from __future__ import annotations

from qgis.core import (
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsVectorLayer,
)

from ..domain import codelist, schema
from ..i18n import language as ui_language
from ..i18n import translator
from ..store import StoreLocation

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
    "photo": ("Foto (plats eller skada, aldrig personer)", "Photo (place or damage, never people)"),
}

# Filled in by the store or its triggers: shown, never typed.
READ_ONLY = ("uuid", "created_at", "updated_at", "updated_by_org", "version", "source", "source_id")


# QField's attachment widget: a photo taken with the camera, kept as a path
# relative to the project's (and the store's) folder, in DCIM/ as QField does
PHOTO_WIDGET = QgsEditorWidgetSetup("ExternalResource", {
    "DocumentViewer": 1,  # an image
    "DocumentViewerHeight": 0,
    "DocumentViewerWidth": 0,
    "FileWidget": True,
    "FileWidgetButton": True,
    "FileWidgetFilter": "Images (*.jpg *.jpeg *.png)",
    "RelativeStorage": 1,  # relative to the project's folder
    "StorageMode": 0,  # files
    "StorageType": None,
    "UseLink": False,
    "FullUrl": False,
})


def value_relation(location: StoreLocation, table: str, key: str, value: str, filter_expression: str,
                   allow_null: bool) -> QgsEditorWidgetSetup:
    """A value relation on the store's code ``table``. It names the table, not
    a layer of one project (no layer id): QGIS finds the code table among the
    project's layers by that name, and QGIS desktop loads it from the incidents
    layer's own GeoPackage or database when it is missing."""
    source, provider = location.layer_source(table)
    return QgsEditorWidgetSetup("ValueRelation", {
        "Layer": "",
        "LayerName": table,
        "LayerSource": source,
        "LayerProviderName": provider,
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


def configure(layer: QgsVectorLayer, store, language: str | None = None) -> None:
    """Set the form of ``layer`` (the incidents of the store at ``store``) from
    the code list and the schema, its words in ``language`` (default: QGIS's)."""
    language = language or ui_language()
    tr = translator(language)
    location = StoreLocation.parse(store)
    fields = layer.fields()
    label = "label_sv" if language == "sv" else "label_en"
    org_name = "name_sv" if language == "sv" else "name_en"

    def index(name: str) -> int:
        return fields.indexOf(name)

    def value_relation_on(table, key, value, filter_expression, allow_null):
        return value_relation(location, table, key, value, filter_expression, allow_null)

    widgets = {
        "category": value_relation_on("categories", "code", label, '"parent" IS NULL', False),
        "subcategory": value_relation_on("categories", "code", label,
                                         "\"parent\" = current_value('category')", True),
        "reporting_org": value_relation_on("organisations", "code", org_name, '"active" = 1', False),
        "handling_org": value_relation_on("organisations", "code", org_name, '"active" = 1', True),
        "updated_by_org": value_relation_on("organisations", "code", org_name, "", True),
        "status": _status_widget(language),
        "police_reported": QgsEditorWidgetSetup("CheckBox", {"CheckedState": "", "UncheckedState": ""}),
        "estimated_cost_sek": QgsEditorWidgetSetup("Range", {
            "Min": 0.0, "Max": float(COST_MAXIMUM), "Step": 100.0, "Precision": 0, "AllowNull": True,
            "Style": "SpinBox"}),
        "uuid": QgsEditorWidgetSetup("TextEdit", {"IsMultiline": False, "UseHtml": False}),
        "description": QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False}),
        "handling_note": QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False}),
        "photo": PHOTO_WIDGET,
    }
    for table_field in schema.INCIDENTS.fields:
        if table_field.type == schema.DATETIME:
            widgets[table_field.name] = _datetime_widget(not table_field.not_null)
    for name, setup in widgets.items():
        layer.setEditorWidgetSetup(index(name), setup)

    expressions: dict[str, tuple[str, str]] = {}
    for table_field in schema.INCIDENTS.fields:
        i = index(table_field.name)
        # a field without an alias yet (added by a newer schema) shows its name
        sv, en = ALIASES.get(table_field.name, (table_field.name, table_field.name))
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

