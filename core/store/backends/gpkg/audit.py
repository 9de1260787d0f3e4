"""The GeoPackage's audit-trail triggers (README "Audit trail"): what no
client may do to an incident or to its history, written as SQLite triggers
so that they hold for QGIS, ogrinfo and plain ``sqlite3`` alike. They call no
function a plain client lacks; the history's hash chain is sealed later by
the plugin (``core/store/chain.py``), since SQLite has no sha256."""

from __future__ import annotations

from ....domain import schema
from ....domain.schema import GEOMETRY_COLUMN

PREFIX = "lagesbild_"
# the columns a sealing or a blanking must leave as they were
_KEPT_BY_SEAL = ("fid", "incident_uuid", "changed_at", "changed_by_org", "field", "old_value", "new_value")
_KEPT_BY_BLANK = ("fid", "incident_uuid", "changed_at", "changed_by_org", "field", "seal_seq", "row_hash")


def _text(name: str, row: str) -> str:
    return f"hex({row}.{name})" if name == GEOMETRY_COLUMN else f"{row}.{name}"


def _unchanged(names) -> str:
    return " AND ".join(f"NEW.{n} IS OLD.{n}" for n in names)


def _free_text_list() -> str:
    return ", ".join(f"'{name}'" for name in schema.FREE_TEXT_FIELDS)


def audit_trigger_statements(now_sql: str) -> list[str]:
    history = "INSERT INTO incident_history (incident_uuid, changed_at, changed_by_org, field, old_value, new_value)"
    no_audited_change = _unchanged(schema.AUDITED_FIELDS)
    statements = [
        f"""CREATE TRIGGER {PREFIX}incidents_immutable BEFORE UPDATE OF {', '.join(schema.IMMUTABLE_FIELDS)}
        ON incidents WHEN NOT ({_unchanged(schema.IMMUTABLE_FIELDS)})
        BEGIN SELECT RAISE(ABORT, 'an incident''s uuid and created_at never change'); END""",
        f"""CREATE TRIGGER {PREFIX}incidents_version_grows BEFORE UPDATE OF version ON incidents
        WHEN NEW.version < OLD.version
        BEGIN SELECT RAISE(ABORT, 'an incident''s version never goes back'); END""",
    ]
    # updated_at and updated_by_org changed by an update that changed nothing
    # audited: the version trigger's own stamp (updated_at set to this
    # statement's "now") is not a change of anyone's
    for name in schema.BOOKKEEPING_FIELDS:
        own_stamp = f" AND NEW.updated_at IS NOT {now_sql}" if name == "updated_at" else ""
        statements.append(
            f"""CREATE TRIGGER {PREFIX}history_{name} AFTER UPDATE OF {name} ON incidents
            WHEN OLD.{name} IS NOT NEW.{name}{own_stamp} AND {no_audited_change}
            BEGIN {history} VALUES (NEW.uuid, {now_sql}, NEW.updated_by_org, '{name}', OLD.{name}, NEW.{name}); END""")
    # a deleted incident: one row per field holding its last value, then the mark
    deleted_fields = (GEOMETRY_COLUMN, *schema.INCIDENTS.field_names)
    rows = "\n".join(f"  {history} VALUES (OLD.uuid, {now_sql}, NULL, '{name}', {_text(name, 'OLD')}, NULL);"
                     for name in deleted_fields)
    statements.append(
        f"""CREATE TRIGGER {PREFIX}history_deleted AFTER DELETE ON incidents
        BEGIN
{rows}
  {history} VALUES (OLD.uuid, {now_sql}, NULL, '{schema.HISTORY_DELETED}', OLD.uuid, NULL);
        END""")
    # the history is append-only. Two updates are let through: sealing an
    # unsealed row (its content untouched), and the retention job's blanking
    # of a sealed free-text row (values to NULL, the text seal's salt
    # dropped, its digest kept), which is itself recorded by the next trigger
    sealing = f"OLD.row_hash IS NULL AND OLD.seal_seq IS NULL AND {_unchanged(_KEPT_BY_SEAL)}"
    blanking = (f"OLD.row_hash IS NOT NULL AND OLD.field IN ({_free_text_list()}) AND NEW.old_value IS NULL "
                "AND NEW.new_value IS NULL AND NEW.text_seal IS substr(OLD.text_seal, instr(OLD.text_seal, ':') + 1) "
                f"AND {_unchanged(_KEPT_BY_BLANK)}")
    statements += [
        f"""CREATE TRIGGER {PREFIX}history_append_only BEFORE UPDATE ON incident_history
        WHEN NOT (({sealing}) OR ({blanking}))
        BEGIN SELECT RAISE(ABORT, 'the incident history is append-only: a row is never changed'); END""",
        f"""CREATE TRIGGER {PREFIX}history_blanked AFTER UPDATE OF old_value, new_value ON incident_history
        WHEN OLD.old_value IS NOT NEW.old_value OR OLD.new_value IS NOT NEW.new_value
        BEGIN {history} VALUES (OLD.incident_uuid, {now_sql}, NULL, '{schema.HISTORY_BLANKED}', OLD.field,
          'history row ' || OLD.fid); END""",
        f"""CREATE TRIGGER {PREFIX}history_no_delete BEFORE DELETE ON incident_history
        BEGIN SELECT RAISE(ABORT, 'the incident history is append-only: a row is never deleted'); END""",
    ]
    return statements
