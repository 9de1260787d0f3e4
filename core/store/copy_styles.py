"""The QGIS styles saved with a store's layers, copied along with the store.

QGIS keeps a layer's saved styles where its data is: a GeoPackage in its own
``layer_styles`` table (a table of the file, with an empty catalogue and
schema), PostgreSQL in ``public.layer_styles`` of the database, one table for
every schema, the layer named by database, schema, table and geometry column.
Only the styles of the store's own tables are copied, with the settings the
standard form was made with (its language and schema version); on PostgreSQL the
table is created the way QGIS creates it when it is missing, and a style the
output cannot take (no right to create ``public.layer_styles``, or a style
that is not well-formed XML) is left out and named, without failing the copy."""

from __future__ import annotations

from datetime import datetime, timezone

from ..domain import schema
from ..domain.timeutil import format_utc
from ..i18n import tr

STORE_TABLES = tuple(t.name for t in schema.TABLES if t.registered)
# the settings in lagesbild_meta that the saved standard form was made with
FORM_LANGUAGE = "form_language"
FORM_SCHEMA_VERSION = "form_schema_version"
STYLE_SETTINGS = (FORM_LANGUAGE, FORM_SCHEMA_VERSION)
# public.layer_styles as QGIS's postgres provider creates it
PG_STYLES_TABLE = (
    "CREATE TABLE IF NOT EXISTS public.layer_styles (id SERIAL PRIMARY KEY, f_table_catalog varchar, "
    "f_table_schema varchar, f_table_name varchar, f_geometry_column varchar, styleName text, styleQML xml, "
    "styleSLD xml, useAsDefault boolean, description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml, "
    "update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)")
# layer_styles as QGIS's ogr provider (through GDAL) creates it in a GeoPackage
GPKG_STYLES_TABLE = (
    'CREATE TABLE layer_styles ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "f_table_catalog" TEXT(256), '
    '"f_table_schema" TEXT(256), "f_table_name" TEXT(256), "f_geometry_column" TEXT(256), "styleName" TEXT(30), '
    '"styleQML" TEXT, "styleSLD" TEXT, "useAsDefault" BOOLEAN, "description" TEXT, "owner" TEXT(30), '
    '"ui" TEXT(30), "update_time" DATETIME DEFAULT (strftime(\'%Y-%m-%dT%H:%M:%fZ\',\'now\')))')
_FIELDS = ("f_table_name", "f_geometry_column", "styleName", "styleQML", "styleSLD", "useAsDefault",
           "description", "owner", "ui", "update_time")


def read_styles(store) -> list[dict]:
    """The saved styles of the store's tables, in the order they were saved."""
    tables = ", ".join("?" for _ in STORE_TABLES)
    if store.backend.name == "postgres":
        if store._db.execute("SELECT to_regclass('public.layer_styles')").fetchone()[0] is None:
            return []
        rows = store._db.execute(
            "SELECT f_table_name, f_geometry_column, stylename, styleqml::text, stylesld::text, useasdefault, "
            "description, owner, ui::text, update_time FROM public.layer_styles WHERE f_table_catalog = "
            f"current_database() AND f_table_schema = ? AND f_table_name IN ({tables}) ORDER BY id",
            (store.location.schema, *STORE_TABLES)).fetchall()
    else:
        if "layer_styles" not in store.backend.table_names(store._db):
            return []
        rows = store._db.execute(f"SELECT {', '.join(_FIELDS)} FROM layer_styles WHERE f_table_name IN ({tables}) "
                                 "ORDER BY id", STORE_TABLES).fetchall()
    return [dict(zip(_FIELDS, row)) for row in rows]


def copy_styles(store, connection, out_backend, target) -> tuple[int, list[str]]:
    """Write the input store's styles into the output, inside the output's
    open transaction. Returns (styles copied, the ones left out, in words)."""
    styles = read_styles(store)
    if not styles:
        return 0, []
    settings = [(key, value) for key, value in store._db.execute("SELECT key, value FROM lagesbild_meta")
                if key in STYLE_SETTINGS]
    connection.executemany("INSERT INTO lagesbild_meta (key, value) VALUES (?, ?)", settings)
    if out_backend.name == "postgres":
        return _into_postgres(styles, connection, target)
    return _into_geopackage(styles, connection, out_backend)


def _time_text(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return format_utc(value if value.tzinfo else value.replace(tzinfo=timezone.utc))


def _time_value(value) -> datetime | None:
    """A GeoPackage's update time as PostgreSQL's ``timestamp`` (UTC, naive)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def _name(style: dict) -> str:
    return f"{style['f_table_name']}: {style['styleName'] or ''}"


def ensure_geopackage_styles_table(connection, backend) -> None:
    """``layer_styles`` in a GeoPackage, created and registered as GDAL does."""
    if "layer_styles" not in backend.table_names(connection):
        connection.execute(GPKG_STYLES_TABLE)
        connection.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
                           "VALUES ('layer_styles', 'attributes', 'layer_styles', '', 0)")


def _into_geopackage(styles: list[dict], connection, out_backend) -> tuple[int, list[str]]:
    ensure_geopackage_styles_table(connection, out_backend)
    connection.executemany(
        "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, "
        "styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) "
        "VALUES ('', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(s["f_table_name"], s["f_geometry_column"] or "", s["styleName"], s["styleQML"], s["styleSLD"],
          None if s["useAsDefault"] is None else int(bool(s["useAsDefault"])), s["description"], s["owner"],
          s["ui"], _time_text(s["update_time"])) for s in styles])
    return len(styles), []


def _into_postgres(styles: list[dict], connection, target) -> tuple[int, list[str]]:
    connection.execute("SAVEPOINT lagesbild_styles")
    try:
        connection.execute(PG_STYLES_TABLE)
    except Exception:  # noqa: BLE001 - no right to create it: the copy goes on without the styles
        connection.execute("ROLLBACK TO SAVEPOINT lagesbild_styles")
        return 0, [tr("{style}: public.layer_styles does not exist and could not be created").format(
            style=_name(s)) for s in styles]
    # the schema is new: rows that name it are left over from a schema dropped earlier
    connection.execute("DELETE FROM public.layer_styles WHERE f_table_catalog = current_database() "
                       "AND f_table_schema = ?", (target.schema,))
    connection.execute("RELEASE SAVEPOINT lagesbild_styles")
    copied, skipped = 0, []
    for style in styles:
        connection.execute("SAVEPOINT lagesbild_style")
        try:
            connection.execute(
                "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) VALUES "
                "(current_database(), ?, ?, ?, ?, XMLPARSE(DOCUMENT ?), XMLPARSE(DOCUMENT ?), ?, ?, "
                "coalesce(?, CURRENT_USER), XMLPARSE(DOCUMENT ?), coalesce(?, CURRENT_TIMESTAMP))",
                (target.schema, style["f_table_name"], style["f_geometry_column"] or None, style["styleName"],
                 style["styleQML"] or None, style["styleSLD"] or None,
                 None if style["useAsDefault"] is None else bool(style["useAsDefault"]), style["description"],
                 style["owner"], style["ui"] or None, _time_value(style["update_time"])))
        except Exception:  # noqa: BLE001 - this style is left out, named, and the copy goes on
            connection.execute("ROLLBACK TO SAVEPOINT lagesbild_style")
            skipped.append(tr("{style}: not well-formed XML for PostgreSQL").format(style=_name(style)))
            continue
        connection.execute("RELEASE SAVEPOINT lagesbild_style")
        copied += 1
    return copied, skipped
