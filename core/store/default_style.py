"""A layer's default style saved in the store, where plain QGIS looks for
it when it opens the layer: a GeoPackage's own ``layer_styles`` table, or
``public.layer_styles`` of a PostgreSQL database (one table for every schema,
the layer named by database, schema, table and geometry column).

The style itself (QGIS's QML) is made by the presentation layer; the store
only keeps it, in one transaction with the settings it was made for
(``lagesbild_meta``: the form's language and schema version)."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import schema
from ..i18n import tr
from .copy_styles import FORM_LANGUAGE, FORM_SCHEMA_VERSION, PG_STYLES_TABLE, ensure_geopackage_styles_table
from .errors import StoreError

__all__ = ["FORM_LANGUAGE", "FORM_SCHEMA_VERSION", "SavedStyle", "default_style", "save_default_style",
           "store_settings"]


@dataclass(frozen=True)
class SavedStyle:
    """A row of ``layer_styles``, as much of it as QGIS reads."""

    name: str
    description: str
    qml: str
    sld: str | None = None


def _geometry_column(table: str) -> str:
    return schema.GEOMETRY_COLUMN if schema.table(table).geometry else ""


def default_style(store, table: str) -> tuple[str, str] | None:
    """(name, description) of the style QGIS loads by default for the
    store's ``table``, or None when it has none."""
    if store.backend.name == "postgres":
        if store._db.execute("SELECT to_regclass('public.layer_styles')").fetchone()[0] is None:
            return None
        row = store._db.execute(
            "SELECT stylename, description FROM public.layer_styles WHERE f_table_catalog = current_database() "
            "AND f_table_schema = ? AND f_table_name = ? AND useasdefault ORDER BY update_time DESC, id DESC LIMIT 1",
            (store.location.schema, table)).fetchone()
    else:
        if "layer_styles" not in store.backend.table_names(store._db):
            return None
        row = store._db.execute(
            "SELECT styleName, description FROM layer_styles WHERE f_table_schema = '' AND f_table_name = ? "
            "AND useAsDefault ORDER BY update_time DESC, id DESC LIMIT 1", (table,)).fetchone()
    return None if row is None else (row[0] or "", row[1] or "")


def store_settings(store) -> dict[str, str]:
    """The store's settings in ``lagesbild_meta`` (read each time: another
    client may have changed them)."""
    return {key: value for key, value in store._db.execute("SELECT key, value FROM lagesbild_meta")}


def save_default_style(store, table: str, style: SavedStyle, settings: dict[str, str] | None = None) -> None:
    """Save ``style`` as the default style of the store's ``table``, and
    ``settings`` into ``lagesbild_meta``, in one transaction. An earlier
    style of the same name is replaced; other styles stay, no longer default.
    StoreError when the store cannot keep it (no right to create
    ``public.layer_styles``)."""
    with store.transaction():
        if store.backend.name == "postgres":
            _into_postgres(store, table, style)
        else:
            _into_geopackage(store, table, style)
        for key, value in (settings or {}).items():
            store._db.execute("INSERT INTO lagesbild_meta (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


def _into_geopackage(store, table: str, style: SavedStyle) -> None:
    connection = store._db
    ensure_geopackage_styles_table(connection, store.backend)
    connection.execute("DELETE FROM layer_styles WHERE f_table_schema = '' AND f_table_name = ? AND styleName = ?",
                       (table, style.name))
    connection.execute("UPDATE layer_styles SET useAsDefault = 0 WHERE f_table_schema = '' AND f_table_name = ?",
                       (table,))
    connection.execute(
        "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, "
        "styleQML, styleSLD, useAsDefault, description, owner, ui) VALUES ('', '', ?, ?, ?, ?, ?, 1, ?, '', '')",
        (table, _geometry_column(table), style.name, style.qml, style.sld or None, style.description))


def _into_postgres(store, table: str, style: SavedStyle) -> None:
    connection = store._db
    connection.execute("SAVEPOINT lagesbild_styles_table")
    try:
        connection.execute(PG_STYLES_TABLE)
    except Exception as error:  # noqa: BLE001 - said in words: the store itself is fine
        connection.execute("ROLLBACK TO SAVEPOINT lagesbild_styles_table")
        raise StoreError(tr(
            "the standard form could not be saved in the database: public.layer_styles does not exist and this "
            "login may not create it (ask the database's administrator)")) from error
    connection.execute("RELEASE SAVEPOINT lagesbild_styles_table")
    where = "f_table_catalog = current_database() AND f_table_schema = ? AND f_table_name = ?"
    connection.execute(f"DELETE FROM public.layer_styles WHERE {where} AND stylename = ?",
                       (store.location.schema, table, style.name))
    connection.execute(f"UPDATE public.layer_styles SET useasdefault = false WHERE {where}",
                       (store.location.schema, table))
    connection.execute(
        "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
        "stylename, styleqml, stylesld, useasdefault, description, ui) VALUES (current_database(), ?, ?, ?, ?, "
        "XMLPARSE(DOCUMENT ?), XMLPARSE(DOCUMENT ?), true, ?, NULL)",
        (store.location.schema, table, _geometry_column(table) or None, style.name, style.qml,
         style.sld or None, style.description))
    # the store's roles open the layer too: without reading the styles their
    # QGIS would show raw text boxes (styles hold no data, only the form)
    from .backends.postgis.access import identifier, role_name
    from .records import ROLES

    roles = ", ".join(identifier(role_name(store.location.schema, role)) for role in ROLES)
    connection.execute("SAVEPOINT lagesbild_styles_grant")
    try:
        connection.execute(f"GRANT SELECT ON public.layer_styles TO {roles}")
    except Exception:  # noqa: BLE001 - the roles' own QGIS then shows plain fields; the owner's is right
        connection.execute("ROLLBACK TO SAVEPOINT lagesbild_styles_grant")
    else:
        connection.execute("RELEASE SAVEPOINT lagesbild_styles_grant")
