"""The incidents layer's own QGIS form, saved as the default style in the
GeoPackage (``form_style``): checked on a fresh QgsVectorLayer, as plain QGIS
opens it."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from qgis.core import (
    QgsFieldConstraints,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)

from lagesbild.core.domain import codelist
from lagesbild.core.domain.timeutil import now_utc, parse_utc
from lagesbild.core.presentation import form_style
from lagesbild.core.store import Store

NOT_NULL = QgsFieldConstraints.Constraint.ConstraintNotNull
EXPRESSION = QgsFieldConstraints.Constraint.ConstraintExpression
HARD = QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard


def write_form(path, language: str) -> None:
    with Store.open(path) as store:
        form_style.write_standard_form(store, language)


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "store.gpkg"
    Store.create(path).close()
    return path


def fresh_layer(path) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername=incidents", "fresh", "ogr")
    assert layer.isValid()
    return layer


def setup_of(layer, name):
    return layer.editorWidgetSetup(layer.fields().indexOf(name))


def constraints_of(layer, name) -> QgsFieldConstraints:
    return layer.fields().field(name).constraints()


def test_the_default_style_carries_the_widgets(store_path):
    write_form(store_path, "sv")
    layer = fresh_layer(store_path)

    category = setup_of(layer, "category")
    assert category.type() == "ValueRelation"
    assert {k: category.config()[k] for k in ("LayerName", "Key", "Value", "FilterExpression", "AllowNull")} == {
        "LayerName": "categories", "Key": "code", "Value": "label_sv", "FilterExpression": '"parent" IS NULL',
        "AllowNull": False}
    assert category.config()["LayerSource"].split("|")[1] == "layername=categories"
    subcategory = setup_of(layer, "subcategory")
    assert subcategory.type() == "ValueRelation"
    assert subcategory.config()["FilterExpression"] == "\"parent\" = current_value('category')"
    assert subcategory.config()["AllowNull"] is True
    for name in ("reporting_org", "handling_org"):
        setup = setup_of(layer, name)
        assert setup.type() == "ValueRelation"
        assert (setup.config()["LayerName"], setup.config()["Key"], setup.config()["Value"]) == (
            "organisations", "code", "name_sv")
    for name in ("occurred_from", "occurred_to", "reported_at"):
        assert setup_of(layer, name).type() == "DateTime"
        assert setup_of(layer, name).config()["display_format"] == "yyyy-MM-dd HH:mm"
    assert setup_of(layer, "status").type() == "ValueMap"
    assert setup_of(layer, "status").config()["map"] == [{"Ny": "new"}, {"Pågående": "in_progress"},
                                                         {"Avslutad": "closed"}]
    assert setup_of(layer, "police_reported").type() == "CheckBox"
    assert setup_of(layer, "estimated_cost_sek").type() == "Range"
    assert setup_of(layer, "estimated_cost_sek").config()["Min"] == 0.0
    assert layer.editFormConfig().readOnly(layer.fields().indexOf("version"))
    assert layer.attributeAlias(layer.fields().indexOf("category")) == "Kategori"


def test_the_default_style_carries_the_constraints_and_defaults(store_path):
    write_form(store_path, "en")
    layer = fresh_layer(store_path)
    for name in ("category", "occurred_from", "reporting_org", "status", "police_reported"):
        constraints = constraints_of(layer, name)
        assert constraints.constraints() & NOT_NULL, name
        assert constraints.constraintStrength(NOT_NULL) == HARD, name
    cost = constraints_of(layer, "estimated_cost_sek")
    assert cost.constraintExpression() == '"estimated_cost_sek" IS NULL OR "estimated_cost_sek" >= 0'
    assert cost.constraintStrength(EXPRESSION) == HARD
    assert constraints_of(layer, "place_name").constraintExpression() == (
        '"place_name" IS NULL OR length("place_name") <= 200')
    assert constraints_of(layer, "occurred_to").constraintExpression() == (
        '"occurred_to" IS NULL OR "occurred_to" >= "occurred_from"')
    assert constraints_of(layer, "subcategory").constraintDescription() == "is not a subcategory of the category"
    assert layer.defaultValueDefinition(layer.fields().indexOf("status")).expression() == "'new'"
    assert layer.defaultValueDefinition(layer.fields().indexOf("uuid")).expression() == "uuid('WithoutBraces')"
    assert layer.attributeAlias(layer.fields().indexOf("category")) == "Category"
    assert setup_of(layer, "category").config()["Value"] == "label_en"

    with sqlite3.connect(store_path) as connection:
        styles = connection.execute(
            "SELECT f_table_name, styleName, useAsDefault FROM layer_styles").fetchall()
    assert styles == [("incidents", form_style.STYLE_NAME, 1)]


def test_a_row_added_in_plain_qgis_gets_utc_defaults_and_passes_the_checks(store_path):
    write_form(store_path, "sv")
    layer = fresh_layer(store_path)
    fields = layer.fields()
    feature = QgsVectorLayerUtils.createFeature(
        layer, QgsGeometry.fromPointXY(QgsPointXY(620_000, 6_650_000)),
        {fields.indexOf("category"): "graffiti", fields.indexOf("reporting_org"): "police"},
        layer.createExpressionContext())
    for index in range(fields.count()):
        ok, errors = QgsVectorLayerUtils.validateAttribute(layer, feature, index)
        assert ok, (fields.at(index).name(), errors)
    feature.setAttribute(fields.indexOf("estimated_cost_sek"), -1)
    assert not QgsVectorLayerUtils.validateAttribute(layer, feature, fields.indexOf("estimated_cost_sek"))[0]
    feature.setAttribute(fields.indexOf("estimated_cost_sek"), None)

    before = now_utc()
    assert layer.startEditing() and layer.addFeature(feature)
    assert layer.commitChanges(), layer.commitErrors()
    with Store.open(store_path) as store:
        [incident] = store.incidents()
    assert incident.status == "new" and len(incident.uuid) == 36
    # UTC on every machine zone (TZ=Europe/Stockholm and TZ=UTC both run this)
    for moment in (incident.created_at, incident.reported_at, incident.occurred_from):
        assert before - timedelta(seconds=2) <= moment <= now_utc() + timedelta(seconds=2)
    with sqlite3.connect(store_path) as connection:
        created = connection.execute("SELECT created_at FROM incidents").fetchone()[0]
    assert abs(parse_utc(created) - before) < timedelta(seconds=5)


def test_the_default_style_carries_the_category_symbology_with_its_icons(store_path):
    write_form(store_path, "sv")
    layer = fresh_layer(store_path)
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "category"
    categories = renderer.categories()[:len(codelist.CATEGORIES)]
    assert [c.value() for c in categories] == [c.code for c in codelist.CATEGORIES]
    assert [c.label() for c in categories] == [c.label_sv for c in codelist.CATEGORIES]
    # then the two entries that explain the rings of a place that is not exact (they match no incident)
    assert [c.value() for c in renderer.categories()[len(codelist.CATEGORIES):]] == [
        "lagesbild:legend:approximate", "lagesbild:legend:low_precision"]
    symbol = categories[0].symbol()
    # the icon travels inside the style: no path to the plugin's files
    assert symbol.symbolLayer(0).path().startswith("base64:")


def test_writing_again_replaces_the_style_without_asking(store_path):
    # QGIS 3.22 would open a modal "overwrite?" box for an existing style name
    write_form(store_path, "sv")
    write_form(store_path, "en")
    with sqlite3.connect(store_path) as connection:
        assert connection.execute("SELECT count(*) FROM layer_styles").fetchone()[0] == 1
    assert setup_of(fresh_layer(store_path), "category").config()["Value"] == "label_en"
