"""lagesbild:copystore: a GeoPackage store into PostgreSQL and back, with every
row, version and history entry, compared row by row through plain sqlite3
and psycopg2 against the original (not through the plugin); an existing
output refused and left untouched; a failing copy leaving no output."""

from __future__ import annotations

import itertools
import sqlite3
from datetime import date, datetime, timezone

import pytest
from store_helpers import fingerprint, ogr_sql

from lagesbild.core.presentation import form_style
from lagesbild.core.store import Cancelled, Store, StoreError, StoreLocation
from lagesbild.core.store.copy import copy_store
from lagesbild.core.store.demo_store import build_demo_store

SECRET = "kopia-hemligt"  # trust authentication: ignored, and must never show
_SCHEMAS = itertools.count(1)
TABLES = ("categories", "organisations", "incidents", "incident_history", "areas", "measures")
_ENVELOPE = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


# --- independent readers ---------------------------------------------------------

def gpkg_wkb(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage geometry blob (header and envelope skipped)."""
    assert blob[:2] == b"GP"
    return bytes(blob[8 + _ENVELOPE[(blob[3] >> 1) & 0x07]:])


def sqlite_rows(path, table: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()


def sqlite_columns(path, table: str) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def pg_query(server, sql: str, params=()) -> list[tuple]:
    import psycopg2

    connection = psycopg2.connect(server.dsn())
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    finally:
        connection.close()


def pg_rows(server, schema: str, table: str, columns: list[str]) -> list[tuple]:
    """The table's rows as psycopg2 gives them; a geometry as NDR WKB, a
    position in the history as the WKB of its WKT."""
    selected = []
    for name in columns:
        if name == "geom":
            selected.append("ST_AsBinary(geom, 'NDR')")
        elif table == "incident_history" and name in ("old_value", "new_value"):
            selected.append(f"CASE WHEN field = 'geom' THEN encode(ST_AsBinary(ST_GeomFromText({name}), 'NDR'), "
                            f"'hex') ELSE {name} END")
        else:
            selected.append(name)
    return pg_query(server, f'SELECT {", ".join(selected)} FROM "{schema}".{table} ORDER BY 1')


def normalised_gpkg_value(table: str, name: str, value, row: dict):
    """A GeoPackage value in the form psycopg2 hands the same value over."""
    if value is None:
        return None
    if name == "geom":
        return gpkg_wkb(value)
    if table == "incident_history" and name in ("old_value", "new_value") and row["field"] == "geom":
        return gpkg_wkb(bytes.fromhex(value)).hex()
    if isinstance(value, str) and name in ("occurred_from", "occurred_to", "reported_at", "created_at",
                                           "updated_at", "changed_at"):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    if name in ("start_date", "end_date", "followup_date"):
        return date.fromisoformat(value)
    return value


def assert_same_rows(path, server, schema: str, table: str) -> int:
    columns = sqlite_columns(path, table)
    original = sqlite_rows(path, table)
    copied = pg_rows(server, schema, table, columns)
    assert len(copied) == len(original), table
    for before, after in zip(original, copied):
        row = dict(zip(columns, before))
        expected = tuple(normalised_gpkg_value(table, n, v, row) for n, v in zip(columns, before))
        got = tuple(bytes(v) if isinstance(v, memoryview) else v for v in after)
        assert got == expected, (table, row.get("fid"))
    return len(original)


# --- fixtures -----------------------------------------------------------------------

@pytest.fixture
def pg_location(postgres_server):
    schema = f"kopia_{next(_SCHEMAS)}"
    yield StoreLocation.parse(f"postgresql://postgres:{SECRET}@127.0.0.1:{postgres_server.port}/lagesbild_test"
                              f"?schema={schema}")
    postgres_server.sql("lagesbild_test", f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    postgres_server.sql("lagesbild_test", "DROP TABLE IF EXISTS public.layer_styles")


@pytest.fixture
def original(tmp_path, qgis_app):
    """A demo store with history: incidents edited through the store, by
    several organisations, one of them added to the store, and the incident
    form saved as the layer's default style."""
    path = build_demo_store(tmp_path / "original.gpkg", 1000, 11, date(2025, 6, 30))
    with Store.open(path) as store:
        form_style.write_standard_form(store, "sv")
        store.add_organisation("school", "Skolan", "The school")
        edited = store.incidents()[:12]
        for number, incident in enumerate(edited):
            changes = {"status": "in_progress" if incident.status != "in_progress" else "closed",
                       "handling_org": "school" if number % 2 else "police",
                       "estimated_cost_sek": 1234.5 + number}
            if number % 3 == 0:
                changes["geometry"] = (incident.x + 12.3456789, incident.y - 0.987654321)
            updated = store.update_incident(incident.uuid, changes, incident.version, "housing")
            if number % 4 == 0:
                store.update_incident(incident.uuid, {"handling_note": f"uppföljning {number}"}, updated.version,
                                      "school")
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM incident_history WHERE field = 'geom'").fetchone()[0] == 4
        assert connection.execute("SELECT max(version) FROM incidents").fetchone()[0] == 3
    return path


# --- the round trip -----------------------------------------------------------------

def test_a_geopackage_into_postgres_and_back_keeps_every_row_version_and_history_entry(
        run, original, pg_location, postgres_server, tmp_path, qgis_app):
    uri = (f"postgresql://postgres:{SECRET}@127.0.0.1:{postgres_server.port}/lagesbild_test"
           f"?schema={pg_location.schema}")
    result = run("lagesbild:copystore", {"INPUT": str(original), "OUTPUT": uri})
    assert result["OUTPUT"] == pg_location.display and SECRET not in result["OUTPUT"]
    assert result["STYLES"] == 1

    schema = pg_location.schema
    counts = {table: assert_same_rows(original, postgres_server, schema, table) for table in TABLES}
    assert counts["incidents"] == 1000 and counts["incident_history"] > 12 and counts["organisations"] == 6
    meta = dict(pg_query(postgres_server, f'SELECT key, value FROM "{schema}".lagesbild_meta'))
    with sqlite3.connect(original) as connection:
        original_meta = dict(connection.execute("SELECT key, value FROM lagesbild_meta"))
    for key in ("crs", "srs_id", "time_zone", "extent", "schema_version"):
        assert meta[key] == original_meta[key], key
    # the saved style, where QGIS's postgres provider looks for it
    [(style_table, geometry_column, qml)] = pg_query(
        postgres_server, "SELECT f_table_name, f_geometry_column, styleqml::text FROM public.layer_styles "
        "WHERE f_table_catalog = 'lagesbild_test' AND f_table_schema = %s", (schema,))
    with sqlite3.connect(original) as connection:
        [(original_qml,)] = connection.execute("SELECT styleQML FROM layer_styles").fetchall()
    assert (style_table, geometry_column) == ("incidents", "geom") and "ValueRelation" in qml
    assert len(qml) > 0.9 * len(original_qml)

    back = tmp_path / "back.gpkg"
    run("lagesbild:copystore", {"INPUT": uri, "OUTPUT": str(back)})
    for table in TABLES + ("rtree_incidents_geom", "rtree_areas_geom", "gpkg_geometry_columns"):
        assert sqlite_rows(back, table) == sqlite_rows(original, table), table
    # the standard form comes back made anew, naming the copy's own code tables
    with sqlite3.connect(back) as connection:
        [(name, default, back_qml)] = connection.execute(
            "SELECT styleName, useAsDefault, styleQML FROM layer_styles").fetchall()
    assert (name, default) == (form_style.STYLE_NAME, 1)
    assert f"{back.resolve()}|layername=categories" in back_qml and str(original) not in back_qml
    with sqlite3.connect(back) as connection:
        back_meta = dict(connection.execute("SELECT key, value FROM lagesbild_meta"))
    assert {k: back_meta[k] for k in ("crs", "time_zone", "extent")} == {
        k: original_meta[k] for k in ("crs", "time_zone", "extent")}


def test_the_copy_has_working_triggers_and_numbers_new_rows_on(original, pg_location, postgres_server, qgis_app):
    from qgis.core import QgsVectorLayer

    copy_store(original, pg_location)
    schema = pg_location.schema
    history_before = pg_query(postgres_server, f'SELECT count(*) FROM "{schema}".incident_history')[0][0]
    top = pg_query(postgres_server, f'SELECT max(fid) FROM "{schema}".incidents')[0][0]
    with Store.open(pg_location) as store:
        incident = store.get_incident(pg_query(postgres_server,
                                               f'SELECT uuid FROM "{schema}".incidents WHERE fid = 7')[0][0])
        store.update_incident(incident.uuid, {"place_name": "Torget"}, incident.version, "police")
        added = store.add_incident({"category": "graffiti", "occurred_from": datetime(2025, 5, 1, tzinfo=timezone.utc),
                                    "reporting_org": "school", "geometry": (620_000.0, 6_650_000.0)})
    assert pg_query(postgres_server, f'SELECT version FROM "{schema}".incidents WHERE fid = 7')[0][0] == (
        incident.version + 1)
    assert pg_query(postgres_server, f'SELECT count(*) FROM "{schema}".incident_history')[0][0] == history_before + 1
    assert added.fid == top + 1
    # QGIS opens the copy's incidents layer with the copied default style: the incident form
    source, provider = pg_location.layer_source("incidents")
    layer = QgsVectorLayer(source, "incidents", provider)
    assert layer.isValid()
    assert layer.editorWidgetSetup(layer.fields().indexOf("category")).type() == "ValueRelation"


def test_a_postgres_copy_refuses_a_schema_that_exists_and_leaves_it_untouched(
        run, original, pg_location, postgres_server):
    Store.create(pg_location).close()
    before = pg_query(postgres_server, "SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
                                       "ORDER BY 1", (pg_location.schema,))
    uri = (f"postgresql://postgres:{SECRET}@127.0.0.1:{postgres_server.port}/lagesbild_test"
           f"?schema={pg_location.schema}")
    with pytest.raises(Exception, match="exists already: a copy is never written over") as raised:
        run("lagesbild:copystore", {"INPUT": str(original), "OUTPUT": uri})
    assert SECRET not in str(raised.value)
    assert pg_query(postgres_server, "SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
                                     "ORDER BY 1", (pg_location.schema,)) == before
    assert pg_query(postgres_server, f'SELECT count(*) FROM "{pg_location.schema}".incidents')[0][0] == 0


def test_a_geopackage_copy_refuses_a_file_that_exists_and_leaves_it_untouched(run, original, tmp_path):
    existing = tmp_path / "existing.gpkg"
    existing.write_bytes(b"someone else's file")
    before = fingerprint(existing)
    with pytest.raises(Exception, match="exists already: a copy is never written over"):
        run("lagesbild:copystore", {"INPUT": str(original), "OUTPUT": str(existing)})
    assert fingerprint(existing) == before
    with pytest.raises(StoreError, match="cannot be copied onto itself"):
        copy_store(original, original)


# --- failures leave nothing ---------------------------------------------------------

def schema_exists(server, schema: str) -> bool:
    return bool(pg_query(server, "SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)))


@pytest.mark.parametrize("kind", ["gpkg", "postgres"])
def test_a_copy_cancelled_half_way_leaves_no_output(kind, original, pg_location, postgres_server, tmp_path):
    target = tmp_path / "half.gpkg" if kind == "gpkg" else pg_location
    seen = []

    def progress(fraction):
        seen.append(fraction)
        return fraction < 0.5  # after the incidents are in

    with pytest.raises(Cancelled):
        copy_store(original, target, progress)
    assert seen and seen[-1] >= 0.5
    if kind == "gpkg":
        assert not target.exists()
    else:
        assert not schema_exists(postgres_server, pg_location.schema)
    assert sqlite_rows(original, "incidents")  # the input is there as it was


def test_a_row_postgres_refuses_fails_the_copy_in_words_and_leaves_no_schema(original, pg_location,
                                                                              postgres_server):
    # a NUL character: a GeoPackage's text may hold one, PostgreSQL's may not
    ogr_sql(original, "UPDATE incidents SET description = 'ruta' || char(0) || 'krossad' WHERE fid = 900")
    with sqlite3.connect(original) as connection:
        assert "\x00" in connection.execute("SELECT description FROM incidents WHERE fid = 900").fetchone()[0]
    with pytest.raises(StoreError) as raised:
        copy_store(original, pg_location)
    message = str(raised.value)
    assert message.startswith("the store could not be written, and nothing was written")
    assert SECRET not in message and "Traceback" not in message
    assert not schema_exists(postgres_server, pg_location.schema)
    assert pg_query(postgres_server, "SELECT to_regclass('public.layer_styles')") == [(None,)]
