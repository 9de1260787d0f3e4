"""The schema rendered for a GeoPackage: SQLite DDL, the GeoPackage metadata
tables, the R-tree spatial index, and the triggers that audit and check edits
made by any client (this plugin, QGIS, ogrinfo, a mobile app). Everything is
rendered from ``core/domain/schema.py``; the backend (``__init__.py``) runs it."""

from __future__ import annotations

import sqlite3

from osgeo import osr

from ....domain import schema
from ....domain.schema import FID, GEOMETRY_COLUMN, Field, Table
from .. import sqltext
from . import codec
from .audit import audit_trigger_statements

osr.UseExceptions()

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10300  # GeoPackage 1.3
NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"
UUID_SQL = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
    "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)
TRIGGER_PREFIX = "lagesbild_"

_TYPES = {
    schema.TEXT: "TEXT",
    schema.INTEGER: "INTEGER",
    schema.REAL: "REAL",
    schema.BOOLEAN: "BOOLEAN",
    schema.DATETIME: "DATETIME",
    schema.DATE: "DATE",
}



class GeoPackageDDL:
    """The GeoPackage rendering of every table, index, trigger and migration."""

    # --- DDL ----------------------------------------------------------------
    @staticmethod
    def column_sql(f: Field, table_name: str) -> str:
        sql_type = _TYPES[f.type] + (f"({f.length})" if f.type == schema.TEXT and f.length else "")
        checks = []
        if f.type == schema.TEXT and f.length:
            checks.append(f"length({f.name}) <= {f.length}")
        if f.type in (schema.DATETIME, schema.DATE):
            checks.append(f"julianday({f.name}) IS NOT NULL")
        return sqltext.column_sql(f, sql_type, NOW_SQL, UUID_SQL, tuple(checks))

    def table_sql(self, table: Table) -> str:
        return sqltext.table_sql(
            table, f"{FID} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL", str(table.geometry),
            lambda f: self.column_sql(f, table.name),
            lambda later, earlier: f"julianday({later}) >= julianday({earlier})")

    @staticmethod
    def index_statements(table: Table) -> list[str]:
        return [
            f"CREATE INDEX IF NOT EXISTS idx_{table.name}_{'_'.join(cols)} ON {table.name} ({', '.join(cols)})"
            for cols in table.indexes
        ] + sqltext.unique_index_statements(table)

    @staticmethod
    def srs_row(srs: osr.SpatialReference) -> tuple:
        authority, code = srs.GetAuthorityName(None), int(srs.GetAuthorityCode(None))
        return (srs.GetName(), code, authority, code, srs.ExportToWkt(), srs.GetName())

    def create_statements(self, srs: osr.SpatialReference, extent: tuple[float, float, float, float]):
        """Everything a new store's file needs, in order, as (sql, params)."""
        statements: list[tuple[str, tuple]] = [
            (f"PRAGMA application_id = {GPKG_APPLICATION_ID}", ()),
            (f"PRAGMA user_version = {GPKG_USER_VERSION}", ()),
            ("""CREATE TABLE gpkg_spatial_ref_sys (
                srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
                organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
                definition TEXT NOT NULL, description TEXT)""", ()),
            ("""CREATE TABLE gpkg_contents (
                table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
                identifier TEXT UNIQUE, description TEXT DEFAULT '',
                last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""", ()),
            ("""CREATE TABLE gpkg_geometry_columns (
                table_name TEXT NOT NULL, column_name TEXT NOT NULL,
                geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
                z TINYINT NOT NULL, m TINYINT NOT NULL,
                CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""", ()),
            ("""CREATE TABLE gpkg_extensions (
                table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
                definition TEXT NOT NULL, scope TEXT NOT NULL,
                CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))""", ()),
            ("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, "
             "'undefined', 'undefined cartesian coordinate reference system')", ()),
            ("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, "
             "'undefined', 'undefined geographic coordinate reference system')", ()),
        ]
        wgs84 = osr.SpatialReference()
        wgs84.ImportFromEPSG(4326)
        rows = {4326: self.srs_row(wgs84)}
        own = self.srs_row(srs)
        rows[own[1]] = own
        for row in rows.values():
            statements.append(("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", row))
        srs_id = own[1]
        for table in schema.TABLES:
            statements.append((self.table_sql(table), ()))
            statements.extend((sql, ()) for sql in self.index_statements(table))
            if not table.registered:
                continue
            data_type = "features" if table.geometry else "attributes"
            bounds = extent if table.geometry else (None, None, None, None)
            statements.append((
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                "min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (table.name, data_type, table.name, table.description, *bounds,
                 srs_id if table.geometry else None),
            ))
            if table.geometry:
                statements.append((
                    "INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)",
                    (table.name, GEOMETRY_COLUMN, table.geometry, srs_id),
                ))
                statements.extend((sql, ()) for sql in self.rtree_statements(table.name))
        return statements

    @staticmethod
    def rtree_statements(table_name: str) -> list[str]:
        """The GeoPackage R-tree spatial index extension, as its specification
        writes it (the ST_* functions come from OGR or ``register_functions``)."""
        t, c, i = table_name, GEOMETRY_COLUMN, FID
        r = f"rtree_{t}_{c}"
        return [
            f"CREATE VIRTUAL TABLE {r} USING rtree(id, minx, maxx, miny, maxy)",
            f"INSERT INTO gpkg_extensions VALUES ('{t}', '{c}', 'gpkg_rtree_index', "
            "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
            f"""CREATE TRIGGER {r}_insert AFTER INSERT ON {t}
              WHEN (new.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c}))
              BEGIN INSERT OR REPLACE INTO {r} VALUES (NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}),
                ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})); END""",
            f"""CREATE TRIGGER {r}_update1 AFTER UPDATE OF {c} ON {t}
              WHEN OLD.{i} = NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
              BEGIN INSERT OR REPLACE INTO {r} VALUES (NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}),
                ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})); END""",
            f"""CREATE TRIGGER {r}_update2 AFTER UPDATE OF {c} ON {t}
              WHEN OLD.{i} = NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
              BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END""",
            f"""CREATE TRIGGER {r}_update3 AFTER UPDATE ON {t}
              WHEN OLD.{i} != NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
              BEGIN DELETE FROM {r} WHERE id = OLD.{i};
                INSERT OR REPLACE INTO {r} VALUES (NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}),
                ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})); END""",
            f"""CREATE TRIGGER {r}_update4 AFTER UPDATE ON {t}
              WHEN OLD.{i} != NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
              BEGIN DELETE FROM {r} WHERE id IN (OLD.{i}, NEW.{i}); END""",
            f"""CREATE TRIGGER {r}_delete AFTER DELETE ON {t} WHEN old.{c} NOT NULL
              BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END""",
        ]

    # --- triggers of our own ------------------------------------------------
    @staticmethod
    def trigger_statements() -> list[str]:
        """Audit, version and reference triggers: dropped and rebuilt on every
        migration, so that they always match the current schema."""
        statements = []
        # History: one row per changed field. The organisation is known when
        # the update set updated_at or updated_by_org (the store always does);
        # an edit in plain QGIS or SQL is recorded with no organisation.
        by_org = ("CASE WHEN NEW.updated_at IS NOT OLD.updated_at OR "
                  "NEW.updated_by_org IS NOT OLD.updated_by_org THEN NEW.updated_by_org END")
        for name in schema.AUDITED_FIELDS:
            old, new = f"OLD.{name}", f"NEW.{name}"
            if name == GEOMETRY_COLUMN:
                old, new = f"hex(OLD.{name})", f"hex(NEW.{name})"
            statements.append(
                f"""CREATE TRIGGER {TRIGGER_PREFIX}history_{name} AFTER UPDATE OF {name} ON incidents
                WHEN OLD.{name} IS NOT NEW.{name}
                BEGIN INSERT INTO incident_history
                  (incident_uuid, changed_at, changed_by_org, field, old_value, new_value)
                  VALUES (NEW.uuid, {NOW_SQL}, {by_org}, '{name}', {old}, {new}); END"""
            )
        # Optimistic concurrency for every client: an update that did not
        # raise the version itself raises it (and stamps updated_at), so a
        # form holding the old version sees the conflict.
        statements.append(
            f"""CREATE TRIGGER {TRIGGER_PREFIX}version AFTER UPDATE ON incidents
            WHEN NEW.version IS OLD.version
            BEGIN UPDATE incidents SET version = OLD.version + 1, updated_at = {NOW_SQL}
              WHERE fid = NEW.fid; END"""
        )
        for table_name, field_name, code_table, condition in schema.REFERENCES:
            for event in ("INSERT", "UPDATE"):
                statements.append(
                    f"""CREATE TRIGGER {TRIGGER_PREFIX}{table_name}_{field_name}_{event.lower()}
                    BEFORE {event} ON {table_name}
                    WHEN NEW.{field_name} IS NOT NULL AND NOT EXISTS
                      (SELECT 1 FROM {code_table} WHERE code = NEW.{field_name} AND {condition})
                    BEGIN SELECT RAISE(ABORT, 'unknown {field_name}: not in {code_table}'); END"""
                )
        for event in ("INSERT", "UPDATE"):
            statements.append(
                f"""CREATE TRIGGER {TRIGGER_PREFIX}incidents_subcategory_{event.lower()}
                BEFORE {event} ON incidents
                WHEN NEW.subcategory IS NOT NULL AND NOT EXISTS
                  (SELECT 1 FROM categories WHERE code = NEW.subcategory AND parent = NEW.category)
                BEGIN SELECT RAISE(ABORT, 'subcategory is not one of its category'); END"""
            )
        return statements + audit_trigger_statements(NOW_SQL)

    def expected_triggers(self) -> dict[str, str]:
        """Each trigger of ours by name, as the schema renders it (for verify)."""
        return {sql.split()[2]: _normal(sql) for sql in self.trigger_statements()}

    @staticmethod
    def installed_triggers(connection) -> dict[str, str]:
        return {name: _normal(sql) for name, sql in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?", (TRIGGER_PREFIX + "%",))}

    @staticmethod
    def drop_trigger_statements(connection) -> list[str]:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
            (TRIGGER_PREFIX + "%",),
        )]
        return [f"DROP TRIGGER {name}" for name in names]

    # --- migrations ---------------------------------------------------------
    def migration_statements(self, migration: schema.Migration) -> list[str]:
        statements = []
        for table_name, field_name in migration.add_fields:
            f = schema.table(table_name).field(field_name)
            column = self.column_sql(f, table_name)
            statements.append(f"ALTER TABLE {table_name} ADD COLUMN {column}")
        return statements

    def repair_statements(self, connection) -> list[str]:
        """What a store made by an older version may lack: the registration of
        a table in gpkg_contents, and the spatial index (built from the rows)."""
        tables = self.table_names(connection)
        registered = {row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")}
        statements = []
        for table in schema.TABLES:
            if table.registered and table.name not in registered and not table.geometry:
                name, description = sqltext.quote(table.name), sqltext.quote(table.description)
                statements.append(
                    "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES "
                    f"({name}, 'attributes', {name}, {description})")
            if table.geometry and f"rtree_{table.name}_{GEOMETRY_COLUMN}" not in tables:
                statements += self.rtree_statements(table.name)
                c = GEOMETRY_COLUMN
                statements.append(
                    f"INSERT INTO rtree_{table.name}_{c} SELECT {FID}, ST_MinX({c}), ST_MaxX({c}), ST_MinY({c}), "
                    f"ST_MaxY({c}) FROM {table.name} WHERE {c} NOT NULL AND NOT ST_IsEmpty({c})")
        return statements

    @staticmethod
    def refresh_extents(connection, table_names: tuple[str, ...] = ("incidents", "areas", "measures")) -> None:
        """Set each table's extent in gpkg_contents to its rows' envelope, read
        from its R-tree (an empty table keeps the store's bounds). GDAL, and so
        QGIS, answers a layer's extent from gpkg_contents: left at the CRS's
        area of use, *Zoom to layer* shows all of Sweden."""
        for table_name in table_names:
            envelope = connection.execute(
                f"SELECT min(minx), min(miny), max(maxx), max(maxy) FROM rtree_{table_name}_{GEOMETRY_COLUMN}"
            ).fetchone()
            if envelope[0] is not None:
                connection.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                                   "WHERE table_name = ?", (*envelope, table_name))

    @staticmethod
    def widen_extent(connection, table_name: str, envelope: tuple[float, float, float, float]) -> None:
        """Widen a table's extent in gpkg_contents to take in ``envelope``
        (min x, min y, max x, max y) of rows just written one at a time (a
        bulk write sets it from the R-tree, ``refresh_extents``)."""
        connection.execute(
            "UPDATE gpkg_contents SET min_x = min(coalesce(min_x, ?1), ?1), min_y = min(coalesce(min_y, ?2), ?2), "
            "max_x = max(coalesce(max_x, ?3), ?3), max_y = max(coalesce(max_y, ?4), ?4) WHERE table_name = ?5",
            (*(float(v) for v in envelope), table_name))

    # --- introspection ------------------------------------------------------
    @staticmethod
    def table_names(connection) -> set[str]:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _normal(sql: str) -> str:
    return " ".join(str(sql).split())


def register_functions(connection: sqlite3.Connection) -> None:
    """The ST_* functions the GeoPackage R-tree triggers call."""

    def envelope_part(index):
        def part(blob):
            envelope = codec.blob_envelope(blob)
            return None if envelope is None else envelope[index]
        return part

    connection.create_function("ST_IsEmpty", 1, lambda b: None if b is None else int(codec.blob_envelope(b) is None),
                               deterministic=True)
    for index, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        connection.create_function(name, 1, envelope_part(index), deterministic=True)
