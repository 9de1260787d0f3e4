"""What plain QGIS makes of a layer's form: run as a script by a Python that
has qgis.core and nothing of the plugin (``form_of`` is also imported by the
tests, to describe a layer the plugin configured, the same way).

    python3 plain_qgis_form.py SOURCE PROVIDER CODE_TABLE_SOURCES_JSON

prints JSON: each field's widget, config, alias, constraints, default and
whether it is read-only; the renderer's categories; the labels the value
relations show once the code tables are in the project (added by name, as
QGIS desktop does); and whether any plugin module was loaded."""

from __future__ import annotations

import json
import os
import sys


def _plain(value):
    """A widget config as JSON-comparable values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value == "":  # an empty setting: QGIS 3.40 reads one saved in a style back as NULL, 3.22 as ""
        return None
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def form_of(layer) -> dict:
    from qgis.core import QgsFieldConstraints

    not_null = QgsFieldConstraints.Constraint.ConstraintNotNull
    expression = QgsFieldConstraints.Constraint.ConstraintExpression
    form = layer.editFormConfig()
    fields = {}
    for index, field in enumerate(layer.fields()):
        setup = layer.editorWidgetSetup(index)
        constraints = field.constraints()
        config = _plain(setup.config())
        fields[field.name()] = {
            "widget": setup.type(), "config": config, "alias": layer.attributeAlias(index),
            "not_null": bool(constraints.constraints() & not_null),
            "not_null_strength": int(constraints.constraintStrength(not_null)) if constraints.constraints() & not_null
            else None,
            "expression": constraints.constraintExpression(),
            "expression_description": constraints.constraintDescription(),
            "expression_strength": int(constraints.constraintStrength(expression)) if constraints.constraintExpression()
            else None,
            "default": layer.defaultValueDefinition(index).expression(),
            "read_only": form.readOnly(index),
        }
    renderer = layer.renderer()
    categories = []
    if renderer is not None and renderer.type() == "categorizedSymbol":
        for category in renderer.categories():
            symbol = category.symbol()
            categories.append({"value": category.value(), "label": category.label(),
                               "colour": symbol.symbolLayer(0).fillColor().name()})
    return {"fields": fields, "renderer": renderer.type() if renderer else None,
            "renderer_field": renderer.classAttribute() if categories else None, "categories": categories}


def shown_labels(layer, code_sources: dict, values: dict) -> dict:
    """The label each value relation shows for ``values`` ({field: code}),
    with the code tables added to the project under their own names."""
    from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

    for name, (source, provider) in code_sources.items():
        QgsProject.instance().addMapLayer(QgsVectorLayer(source, name, provider))
    formatter = QgsApplication.fieldFormatterRegistry().fieldFormatter("ValueRelation")
    shown = {}
    for field, value in values.items():
        index = layer.fields().indexOf(field)
        config = layer.editorWidgetSetup(index).config()
        # no cache given: the formatter resolves the code table itself
        shown[field] = formatter.representValue(layer, index, config, None, value)
    return shown


def main(argv: list[str]) -> None:
    from qgis.core import QgsApplication, QgsVectorLayer

    source, provider, code_sources = argv[1], argv[2], json.loads(argv[3])
    app = QgsApplication([], False)
    app.initQgis()
    layer = QgsVectorLayer(source, "incidents", provider)
    result = {"valid": layer.isValid()}
    if layer.isValid():
        result.update(form_of(layer))
        result["shown"] = shown_labels(layer, code_sources, {"category": "graffiti", "reporting_org": "police"})
    result["plugin_modules"] = sorted(name for name in sys.modules if "lagesbild" in name)
    print(json.dumps(result))
    sys.stdout.flush()
    # leave without tearing QGIS down: layers held in the project at exitQgis
    # can crash the exit (after the answer is out)
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv)
