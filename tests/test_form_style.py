"""The standard form kept in the store from its creation: a new store (both
backends), opened by a QGIS that imports no plugin code, has the same form
and symbology as the plugin configures; opening a store in the form dock
only reads it; an older store gets the form once."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest
from plain_qgis_form import form_of
from qgis.core import QgsProject, QgsVectorLayer

from lagesbild.core.compat import save_style_to_database
from lagesbild.core.domain import codelist, schema
from lagesbild.core.i18n import translator
from lagesbild.core.presentation import form_config, form_style, styling
from lagesbild.core.store import Store, StoreLocation
from lagesbild.core.store.default_style import default_style

PLAIN_QGIS = Path(__file__).with_name("plain_qgis_form.py")
STORE_V1_SQL = Path(__file__).parent / "data" / "store_v1.sql"
SYSTEM_PYTHON = "/usr/bin/python3"
_SCHEMAS = itertools.count(1)


def plain_qgis(location: StoreLocation, tmp_path: Path) -> dict:
    """The incidents layer's form as a separate QGIS, with qgis.core and no
    plugin code on its path, opens it."""
    script = tmp_path / "plain_qgis_form.py"
    shutil.copy(PLAIN_QGIS, script)
    source, provider = location.layer_source("incidents")
    codes = {table: location.layer_source(table) for table in ("categories", "organisations")}
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "QGIS_PLUGINPATH")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run([SYSTEM_PYTHON, str(script), source, provider, json.dumps(codes)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def desktop_form(location: StoreLocation, language: str) -> dict:
    """The form the plugin configures on a layer of the store (its saved
    style not loaded), with the plugin's category symbology."""
    source, provider = location.layer_source("incidents")
    layer = QgsVectorLayer(source, "incidents", provider, QgsVectorLayer.LayerOptions(loadDefaultStyle=False))
    assert layer.isValid()
    form_config.configure(layer, location, language)
    layer.setRenderer(styling.incident_renderer(language))
    return form_of(layer)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_standard_form(plain: dict, location: StoreLocation, language: str) -> None:
    assert plain["valid"] and plain["plugin_modules"] == []
    assert plain["fields"] == desktop_form(location, language)["fields"]
    fields = plain["fields"]
    label, name = ("label_sv", "name_sv") if language == "sv" else ("label_en", "name_en")
    for field in ("category", "subcategory", "reporting_org", "handling_org"):
        assert fields[field]["widget"] == "ValueRelation", field
    assert fields["category"]["config"]["Value"] == label and fields["reporting_org"]["config"]["Value"] == name
    assert fields["subcategory"]["config"]["FilterExpression"] == "\"parent\" = current_value('category')"
    for field in ("occurred_from", "occurred_to", "reported_at"):
        assert fields[field]["widget"] == "DateTime", field
    assert fields["category"]["not_null"] and fields["category"]["not_null_strength"] == 1  # hard
    assert fields["estimated_cost_sek"]["expression"] == '"estimated_cost_sek" IS NULL OR "estimated_cost_sek" >= 0'
    assert fields["status"]["default"] == "'new'" and fields["uuid"]["default"] == "uuid('WithoutBraces')"
    assert [f for f, d in fields.items() if d["read_only"]] == list(form_config.READ_ONLY)
    for table_field in schema.INCIDENTS.fields:  # every field of the schema, new ones too
        sv, en = form_config.ALIASES.get(table_field.name, (table_field.name,) * 2)
        assert fields[table_field.name]["alias"] == (sv if language == "sv" else en)
    graffiti = next(c for c in codelist.CATEGORIES if c.code == "graffiti")
    police = next(o for o in codelist.DEFAULT_ORGANISATIONS if o[0] == "police")
    assert plain["shown"] == {"category": graffiti.label(language), "reporting_org": police[1 if language == "sv"
                                                                                              else 2]}
    assert plain["renderer"] == "categorizedSymbol"
    say = translator(language)
    assert [(c["value"], c["label"], c["colour"]) for c in plain["categories"]] == [
        (c.code, c.label(language), c.colour.lower()) for c in codelist.CATEGORIES] + [
        # the rings of a place that is not exact are drawn and explained in plain QGIS too
        ("lagesbild:legend:approximate", say("Place approximate: dotted ring"), "#4d4d4d"),
        ("lagesbild:legend:low_precision", say("Place only known to the municipality or county: dashed ring"),
         "#4d4d4d")]
    assert plain["categories"] == desktop_form(location, language)["categories"]


@pytest.fixture
def pg_location(postgres_server):
    schema_name = f"formular_{next(_SCHEMAS)}"
    yield StoreLocation.parse(f"postgresql://postgres@127.0.0.1:{postgres_server.port}/lagesbild_test"
                              f"?schema={schema_name}")
    postgres_server.sql("lagesbild_test", f"DROP SCHEMA IF EXISTS {schema_name} CASCADE")
    postgres_server.sql("lagesbild_test", "DROP TABLE IF EXISTS public.layer_styles")


def test_a_new_geopackage_store_has_the_standard_form_in_plain_qgis(run, tmp_path, translations_built):
    path = tmp_path / "ny.gpkg"
    run("lagesbild:createstore", {"STORE": str(path), "LANGUAGE": 0})  # Swedish
    location = StoreLocation.parse(path)
    assert_standard_form(plain_qgis(location, tmp_path), location, "sv")
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT f_table_schema, f_table_name, f_geometry_column, styleName, useAsDefault "
                                  "FROM layer_styles").fetchall()
        meta = dict(connection.execute("SELECT key, value FROM lagesbild_meta"))
    assert rows == [("", "incidents", "geom", form_style.STYLE_NAME, 1)]
    assert (meta["form_language"], meta["form_schema_version"]) == ("sv", str(schema.SCHEMA_VERSION))


def test_a_new_postgres_store_has_the_standard_form_in_plain_qgis(run, pg_location, postgres_server, tmp_path,
                                                                  translations_built):
    uri = f"postgresql://postgres@127.0.0.1:{postgres_server.port}/lagesbild_test?schema={pg_location.schema}"
    run("lagesbild:createstore", {"STORE": uri, "LANGUAGE": 1})  # English
    assert_standard_form(plain_qgis(pg_location, tmp_path), pg_location, "en")
    rows = postgres_server.query(
        f"SELECT f_table_catalog, f_table_name, f_geometry_column, stylename, useasdefault FROM public.layer_styles "
        f"WHERE f_table_schema = '{pg_location.schema}'")
    assert rows == [("lagesbild_test", "incidents", "geom", form_style.STYLE_NAME, True)]
    # the store's roles may read the form (a reporter's QGIS shows it too)
    reporter = f"{pg_location.schema}_reporter"
    assert postgres_server.query(f"SELECT has_table_privilege('{reporter}', 'public.layer_styles', 'SELECT')") == [
        (True,)]


def test_demo_data_in_a_new_file_carries_the_standard_form(run, tmp_path):
    path = tmp_path / "demo.gpkg"
    run("lagesbild:demodata", {"STORE": str(path), "SIZE": 1000, "SEED": 3, "END_DATE": "2025-06-30"})
    with Store.open(path) as store:
        assert default_style(store, "incidents")[0] == form_style.STYLE_NAME
        assert form_style.form_language(store) in form_style.LANGUAGES
        assert not form_style.needs_standard_form(store)


@pytest.fixture
def form_dock(qgis_iface):
    from lagesbild.ui.incident_form import IncidentFormDock

    QgsProject.instance().removeAllMapLayers()
    docks = []

    def open_in_dock(path) -> None:
        dock = IncidentFormDock(qgis_iface)
        docks.append(dock)
        assert dock.open_store(path)
        dock.close_store()

    yield open_in_dock
    for dock in docks:
        dock.unload()
        dock.deleteLater()


def test_the_form_dock_opening_a_store_leaves_the_file_byte_identical(run, tmp_path, form_dock):
    path = tmp_path / "ny.gpkg"
    run("lagesbild:createstore", {"STORE": str(path), "LANGUAGE": 0})
    before = sha256(path)
    form_dock(path)
    form_dock(path)
    assert sha256(path) == before


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_store_gets_the_standard_form_once_when_the_dock_first_opens_it(version, tmp_path, form_dock):
    path = tmp_path / "gammal.gpkg"  # as an earlier version of the plugin made it
    if version == 1:
        with sqlite3.connect(path) as connection:
            connection.executescript(STORE_V1_SQL.read_text(encoding="utf-8"))
    else:  # the current schema, without the form (the store layer alone makes none)
        Store.create(path).close()
    assert "layer_styles" not in {r[0] for r in sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    form_dock(path)  # migrates to the current schema if need be, then writes the form
    with Store.open(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        assert default_style(store, "incidents")[0] == form_style.STYLE_NAME
        language = form_style.form_language(store)
    after = sha256(path)
    form_dock(path)
    assert sha256(path) == after
    assert_standard_form(plain_qgis(StoreLocation.parse(path), tmp_path), StoreLocation.parse(path), language)


def test_a_store_of_the_current_version_without_a_form_gets_it_and_a_form_of_an_older_schema_is_renewed(tmp_path):
    path = tmp_path / "utan.gpkg"
    with Store.create(path) as store:
        assert default_style(store, "incidents") is None and form_style.needs_standard_form(store)
        assert form_style.ensure_standard_form(store, "en") is True
        assert form_style.ensure_standard_form(store, "sv") is False  # has it: nothing written
        assert form_style.form_language(store) == "en"
        store._db.execute("UPDATE lagesbild_meta SET value = ? WHERE key = 'form_schema_version'",
                          (str(schema.SCHEMA_VERSION - 1),))
        assert form_style.needs_standard_form(store)
        assert form_style.ensure_standard_form(store) is True  # in the store's language, not QGIS's
        assert form_style.form_language(store) == "en"
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM layer_styles").fetchone()[0] == 1


def test_a_default_style_of_ones_own_is_left_alone(tmp_path, qgis_app):
    path = tmp_path / "egen.gpkg"
    Store.create(path).close()
    layer = QgsVectorLayer(f"{path}|layername=incidents", "incidents", "ogr")
    assert save_style_to_database(layer, "vår egen", "our own", True) == ""
    del layer
    before = sha256(path)
    with Store.open(path) as store:
        assert not form_style.needs_standard_form(store)
        assert form_style.ensure_standard_form(store) is False
    assert sha256(path) == before


def test_a_copy_gets_a_form_that_names_its_own_code_tables(run, tmp_path):
    from lagesbild.core.store.demo_store import build_demo_store

    old = build_demo_store(tmp_path / "old.gpkg", 1000, 5, date(2025, 6, 30))  # made without a form
    copy = tmp_path / "copy.gpkg"
    run("lagesbild:copystore", {"INPUT": str(old), "OUTPUT": str(copy)})
    layer = QgsVectorLayer(f"{copy}|layername=incidents", "incidents", "ogr")
    config = layer.editorWidgetSetup(layer.fields().indexOf("category")).config()
    assert config["LayerSource"] == StoreLocation.parse(copy.resolve()).layer_source("categories")[0]

    again = tmp_path / "again.gpkg"
    run("lagesbild:copystore", {"INPUT": str(copy), "OUTPUT": str(again)})
    layer = QgsVectorLayer(f"{again}|layername=incidents", "incidents", "ogr")
    config = layer.editorWidgetSetup(layer.fields().indexOf("category")).config()
    assert config["LayerSource"] == StoreLocation.parse(again.resolve()).layer_source("categories")[0]
    with Store.open(again) as store:
        assert form_style.form_language(store) is not None
    with sqlite3.connect(again) as connection:
        assert connection.execute("SELECT count(*) FROM layer_styles").fetchone()[0] == 1


def test_qgis_process_makes_a_store_with_the_form_in_its_default_language(qgis_process_run, tmp_path):
    # LANGUAGE left out: optional, with QGIS's language as its default
    path = tmp_path / "cli.gpkg"
    qgis_process_run("lagesbild:createstore", {"STORE": str(path)})
    with Store.open(path) as store:
        assert default_style(store, "incidents")[0] == form_style.STYLE_NAME
        language = form_style.form_language(store)
    assert language in form_style.LANGUAGES
    layer = QgsVectorLayer(f"{path}|layername=incidents", "incidents", "ogr")
    assert layer.attributeAlias(layer.fields().indexOf("category")) == ("Kategori" if language == "sv"
                                                                        else "Category")


def test_a_store_file_copied_elsewhere_keeps_a_working_form_in_plain_qgis(run, tmp_path):
    made = tmp_path / "made" / "store.gpkg"
    made.parent.mkdir()
    run("lagesbild:createstore", {"STORE": str(made), "LANGUAGE": 0})
    elsewhere = tmp_path / "phone" / "store.gpkg"  # as a file is carried to a phone or another office
    elsewhere.parent.mkdir()
    shutil.copy(made, elsewhere)
    made.unlink()
    plain = plain_qgis(StoreLocation.parse(elsewhere), tmp_path)
    assert plain["valid"] and plain["plugin_modules"] == []
    assert plain["fields"]["category"]["widget"] == "ValueRelation"
    assert plain["fields"]["category"]["alias"] == "Kategori"
    # the code tables are found by name, from the copy, although the style names the first file
    assert str(made) in plain["fields"]["category"]["config"]["LayerSource"]
    graffiti = next(c for c in codelist.CATEGORIES if c.code == "graffiti")
    assert plain["shown"] == {"category": graffiti.label_sv, "reporting_org": "Polisen"}
