"""lagesbild:fieldproject: the QField project opens in a plain QGIS (no plugin
code) from wherever its folder is moved, every layer valid, with the desktop
form; the field copy holds only what a reporter needs and no other
organisation's free text."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest
from field_helpers import field_store
from qgis.core import QgsProcessingException

from lagesbild.core.presentation.field_project import PROJECT_NAME
from lagesbild.core.store import StoreLocation
from lagesbild.core.store.field_copy import BASE_TABLE, FIELD_COPY_NAME

HERE = Path(__file__).parent
SYSTEM_PYTHON = "/usr/bin/python3"


def plain_qgis_project(project: Path, tmp_path: Path) -> dict:
    scripts = tmp_path / "plain-scripts"
    scripts.mkdir(exist_ok=True)
    for name in ("plain_qgis_project.py", "plain_qgis_form.py"):
        shutil.copy(HERE / name, scripts / name)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "QGIS_PLUGINPATH")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run([SYSTEM_PYTHON, str(scripts / "plain_qgis_project.py"), str(project)], cwd=scripts,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def background_map(path: Path) -> Path:
    from osgeo import gdal, osr

    gdal.UseExceptions()
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 20, 20, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform((619000, 150, 0, 6652000, 0, -150))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3006)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).Fill(200)
    dataset = None
    return path


@pytest.fixture
def made(run, tmp_path):
    store = tmp_path / "store.gpkg"
    uuids = field_store(store)
    folder = tmp_path / "field"
    result = run("lagesbild:fieldproject", {"STORE": str(store), "OUTPUT": str(folder), "ORGANISATION": "housing",
                                            "BACKGROUND": str(background_map(tmp_path / "karta.tif"))})
    return store, folder, uuids, result


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return list(db.execute(sql))


def test_the_field_copy_holds_recent_incidents_without_other_organisations_texts(made):
    store, folder, uuids, result = made
    copy = folder / FIELD_COPY_NAME
    assert result["FIELD_COPY"] == str(copy) and result["INCIDENTS"] == 3
    held = {row[0]: row[1:] for row in rows(copy, "SELECT uuid, reporting_org, description, handling_note, "
                                                  "police_report_ref, place_name, version FROM incidents")}
    assert set(held) == {uuids["own"], uuids["other"], uuids["far"]}  # not the one of 200 days ago
    assert held[uuids["own"]][:4] == ("housing", "Krossad ruta i trapphus", None, "5000-K1")
    assert held[uuids["other"]][:4] == ("police", None, None, None)
    assert held[uuids["other"]][4] == "Stationsgatan 4"  # the place stays: it is what a reporter needs
    # nowhere in the file: not in a history row, a free page or the base table
    content = copy.read_bytes()
    for text in ("Polisens egen text", "Polisens anteckning", "5000-K2", "Gammal händelse"):
        assert text.encode() not in content
    assert rows(copy, "SELECT title FROM measures") == [("Belysning",)]
    assert sorted(rows(copy, "SELECT name FROM areas")) == [("Bruket",), ("Centrum",)]
    assert rows(copy, f"SELECT count(*) FROM {BASE_TABLE}") == [(3,)]
    with sqlite3.connect(store) as db:
        codes = sorted(db.execute("SELECT code, label_sv FROM categories"))
    assert sorted(rows(copy, "SELECT code, label_sv FROM categories")) == codes
    assert (folder / "DCIM").is_dir()
    assert (folder / "background" / "karta.tif").is_file()


def test_the_project_opens_in_plain_qgis_from_a_moved_folder_with_the_desktop_form(made, tmp_path):
    from test_form_style import desktop_form

    _, folder, _, result = made
    assert result["PROJECT"] == str(folder / PROJECT_NAME)
    with zipfile.ZipFile(folder / PROJECT_NAME) as archive:
        qgs = next(archive.read(name).decode() for name in archive.namelist() if name.endswith(".qgs"))
    sources = [line.strip() for line in qgs.splitlines()
               if "<datasource>" in line and "<datasource></datasource>" not in line]
    assert str(tmp_path) not in "".join(sources)
    assert len(sources) == 6 and all("<datasource>./" in line for line in sources), sources
    moved = tmp_path / "phone" / "lagesbild"
    shutil.copytree(folder, moved)
    shutil.rmtree(folder)
    plain = plain_qgis_project(moved / PROJECT_NAME, tmp_path)
    assert plain["read"] and plain["plugin_modules"] == []
    names = {layer["name"]: layer for layer in plain["layers"]}
    assert set(names) in ({"categories", "organisations", "Händelser", "Åtgärder", "Områden", "karta"},
                          {"categories", "organisations", "Incidents", "Measures", "Areas", "karta"})
    assert all(layer["valid"] for layer in plain["layers"]), plain["layers"]
    assert all(str(moved) in layer["source"] for layer in plain["layers"])
    incidents = next(layer for layer in plain["layers"] if layer["name"] in ("Händelser", "Incidents"))
    assert incidents["features"] == 3
    assert plain["resolved"] == {"category": "categories", "subcategory": "categories", "reporting_org":
                                 "organisations", "handling_org": "organisations", "updated_by_org": "organisations"}
    field_form = plain["form"]["fields"]
    language = "sv" if incidents["name"] == "Händelser" else "en"
    desktop = desktop_form(StoreLocation.geopackage(moved / FIELD_COPY_NAME), language)["fields"]
    assert set(field_form) == set(desktop)
    for name, expected in desktop.items():
        got = dict(field_form[name])
        if got["widget"] == "ValueRelation":  # the project's own code-table layer, by id and relative source
            config = dict(got["config"])
            assert config.pop("Layer") and expected["config"].get("Layer") in ("", None)  # 3.40 reads '' as NULL
            table = config["LayerName"]
            assert config.pop("LayerSource") == f"./{FIELD_COPY_NAME}|layername={table}|option:DO_NOT_ENABLE_WAL=ON"
            got["config"] = config
            expected = {**expected, "config": {k: v for k, v in expected["config"].items()
                                               if k not in ("Layer", "LayerSource")}}
        if name == "reporting_org":  # the reporters' organisation, fixed
            assert got.pop("default") == "'housing'" and got.pop("read_only") is True
            expected = {k: v for k, v in expected.items() if k not in ("default", "read_only")}
        keys = set(got["config"]) | set(expected["config"])
        differing = {key: (got["config"].get(key), expected["config"].get(key)) for key in keys
                     if got["config"].get(key) != expected["config"].get(key)}
        assert got == expected, (name, differing)
    assert field_form["photo"]["widget"] == "ExternalResource"
    assert field_form["photo"]["config"]["RelativeStorage"] == 1
    assert "now(" in field_form["reported_at"]["default"]
    assert plain["form"]["renderer"] == "categorizedSymbol"


def test_only_the_area_s_incidents_go_into_the_copy(run, tmp_path):
    store = tmp_path / "store.gpkg"
    uuids = field_store(store)
    result = run("lagesbild:fieldproject", {"STORE": str(store), "OUTPUT": str(tmp_path / "f"),
                                            "ORGANISATION": "housing", "AREA": "Centrum"})
    held = {row[0] for row in rows(Path(result["FIELD_COPY"]), "SELECT uuid FROM incidents")}
    assert held == {uuids["own"], uuids["other"]}


def test_bad_parameters_are_refused_in_words_and_write_nothing(run, tmp_path):
    store = tmp_path / "store.gpkg"
    field_store(store)
    for params, words in (({"ORGANISATION": "nobody"}, "unknown organisation nobody"),
                          ({"ORGANISATION": "housing", "ONLINE": True}, "ONLINE needs a PostgreSQL store"),
                          ({"ORGANISATION": "housing", "AREA": "Ingenstans"}, "Ingenstans")):
        folder = tmp_path / f"out-{len(words)}"
        with pytest.raises(QgsProcessingException, match=words):
            run("lagesbild:fieldproject", {"STORE": str(store), "OUTPUT": str(folder), **params})
        assert not (folder / PROJECT_NAME).exists()
    # a background QGIS cannot open: refused after the copy was made, and the copy is gone again
    not_a_map = tmp_path / "karta.tif"
    not_a_map.write_text("no map")
    folder = tmp_path / "out-background"
    with pytest.raises(QgsProcessingException, match="not a raster"):
        run("lagesbild:fieldproject", {"STORE": str(store), "OUTPUT": str(folder), "ORGANISATION": "housing",
                                       "BACKGROUND": str(not_a_map)})
    assert not (folder / PROJECT_NAME).exists() and not (folder / FIELD_COPY_NAME).exists()


def test_an_online_project_edits_the_postgres_store_and_opens_in_plain_qgis(run, postgres_server, tmp_path):
    location = StoreLocation.parse(f"postgresql://postgres@127.0.0.1:{postgres_server.port}/lagesbild_test"
                                   "?schema=field_online")
    try:
        field_store(location)
        folder = tmp_path / "online"
        result = run("lagesbild:fieldproject", {"STORE": location.display, "OUTPUT": str(folder),
                                                "ORGANISATION": "housing", "ONLINE": True})
        assert result["FIELD_COPY"] is None and not (folder / FIELD_COPY_NAME).exists()
        plain = plain_qgis_project(Path(result["PROJECT"]), tmp_path)
        assert plain["read"] and len(plain["layers"]) == 5
        assert all(layer["valid"] and layer["provider"] == "postgres" for layer in plain["layers"]), plain["layers"]
        assert all("password" not in layer["source"] for layer in plain["layers"])
        incidents = next(layer for layer in plain["layers"] if layer["name"] in ("Händelser", "Incidents"))
        assert incidents["features"] == 4  # the server's own table: every incident
        assert plain["form"]["fields"]["reporting_org"]["default"] == "'housing'"
        assert set(plain["resolved"].values()) == {"categories", "organisations"}
    finally:
        postgres_server.sql("lagesbild_test", "DROP SCHEMA IF EXISTS field_online CASCADE")
