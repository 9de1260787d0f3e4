"""PostgreSQL's audit-trail rules (README "Audit trail"), the same as a
GeoPackage's: an incident's uuid and created_at never change, its version
never goes back, a bookkeeping-only change and a deletion are recorded, and
the history is append-only but for sealing and the retention job's blanking.
The pieces of ``ddl.PostgisDDL.trigger_statements`` that say so."""

from __future__ import annotations

from ....domain import schema
from ....domain.schema import GEOMETRY_COLUMN
from .access import LOGIN_ORG

PREFIX = "lagesbild_"
_KEPT_BY_SEAL = ("fid", "incident_uuid", "changed_at", "changed_by_org", "field", "old_value", "new_value")
_KEPT_BY_BLANK = ("fid", "incident_uuid", "changed_at", "changed_by_org", "field", "seal_seq", "row_hash")
SEAL_FUNCTION = f"{PREFIX}seal_history"
HISTORY_COLUMNS = "incident_history (incident_uuid, changed_at, changed_by_org, field, old_value, new_value)"


def _unchanged(names) -> str:
    return " AND ".join(f"NEW.{n} IS NOT DISTINCT FROM OLD.{n}" for n in names)


def update_checks() -> str:
    """The first lines of the incidents' update trigger: what never changes."""
    changed = " OR ".join(f"NEW.{n} IS DISTINCT FROM OLD.{n}" for n in schema.IMMUTABLE_FIELDS)
    return f"""  IF {changed} THEN
    RAISE EXCEPTION 'an incident''s uuid and created_at never change' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.version < OLD.version THEN
    RAISE EXCEPTION 'an incident''s version never goes back' USING ERRCODE = 'check_violation';
  END IF;"""


def bookkeeping_rows(text_of) -> str:
    """After the audited fields' rows (which set ``audited``): updated_at and
    updated_by_org changed by an update that changed nothing audited."""
    rows = "\n".join(
        f"    IF NEW.{name} IS DISTINCT FROM OLD.{name} THEN\n"
        f"      INSERT INTO {HISTORY_COLUMNS}\n"
        f"      VALUES (NEW.uuid, now(), by_org, '{name}', {text_of(name, 'OLD')}, {text_of(name, 'NEW')});\n"
        "    END IF;" for name in schema.BOOKKEEPING_FIELDS)
    return f"  IF NOT audited THEN\n{rows}\n  END IF;"


def audit_statements(text_of) -> list[str]:
    """The deletion record and the history's guard, functions and triggers."""
    names = (GEOMETRY_COLUMN, *schema.INCIDENTS.field_names)
    values = ",\n    ".join(f"(OLD.uuid, now(), by_org, '{n}', {text_of(n, 'OLD')}, NULL)" for n in names)
    free_text = ", ".join(f"'{name}'" for name in schema.FREE_TEXT_FIELDS)
    sealing = f"OLD.row_hash IS NULL AND OLD.seal_seq IS NULL AND {_unchanged(_KEPT_BY_SEAL)}"
    blanking = (f"OLD.row_hash IS NOT NULL AND OLD.field IN ({free_text}) AND NEW.old_value IS NULL "
                "AND NEW.new_value IS NULL AND NEW.text_seal IS NOT DISTINCT FROM "
                f"substr(OLD.text_seal, strpos(OLD.text_seal, ':') + 1) AND {_unchanged(_KEPT_BY_BLANK)}")
    return [
        f"""CREATE OR REPLACE FUNCTION {PREFIX}incidents_delete() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $body$
DECLARE
  by_org text := {LOGIN_ORG}();
BEGIN
  INSERT INTO {HISTORY_COLUMNS} VALUES
    {values},
    (OLD.uuid, now(), by_org, '{schema.HISTORY_DELETED}', OLD.uuid, NULL);
  RETURN OLD;
END
$body$""",
        f"CREATE TRIGGER {PREFIX}incidents_delete AFTER DELETE ON incidents "
        f"FOR EACH ROW EXECUTE FUNCTION {PREFIX}incidents_delete()",
        f"""CREATE OR REPLACE FUNCTION {PREFIX}history_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $body$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF {sealing} THEN
      RETURN NEW;
    END IF;
    IF {blanking} THEN
      INSERT INTO {HISTORY_COLUMNS}
      VALUES (OLD.incident_uuid, now(), {LOGIN_ORG}(), '{schema.HISTORY_BLANKED}', OLD.field,
              'history row ' || OLD.fid);
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'the incident history is append-only: a row is never changed or deleted'
    USING ERRCODE = 'insufficient_privilege';
END
$body$""",
        f"CREATE TRIGGER {PREFIX}history_guard BEFORE DELETE OR UPDATE ON incident_history "
        f"FOR EACH ROW EXECUTE FUNCTION {PREFIX}history_guard()",
        f"CREATE TRIGGER {PREFIX}history_no_truncate BEFORE TRUNCATE ON incident_history "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}history_guard()",
        # rows are written unsealed and sealed right after the write commits,
        # by this function (any login may call it: it runs with the owner's
        # rights and only seals), in the order of their fids, the chain's text
        # built as chain.row_hash builds it (core/store/chain.py checks it).
        # One sealer at a time per store, and a caller that finds one at work
        # leaves its rows to it or to the next: a save never waits for
        # another's commit, as it would behind a lock taken in the trigger.
        f"""CREATE OR REPLACE FUNCTION {SEAL_FUNCTION}() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $body$
DECLARE
  last_seq bigint;
  last_hash text;
  salt text;
  digest text;
  seal text;
  old_text text;
  new_text text;
  r record;
  sealed integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('lagesbild seal ' || current_schema())) THEN
    RETURN 0;
  END IF;
  SELECT seal_seq, row_hash INTO last_seq, last_hash FROM incident_history WHERE seal_seq IS NOT NULL
    ORDER BY seal_seq DESC LIMIT 1;
  last_seq := coalesce(last_seq, 0);
  FOR r IN SELECT fid, incident_uuid, changed_at, changed_by_org, field, old_value, new_value
           FROM incident_history WHERE seal_seq IS NULL AND row_hash IS NULL ORDER BY fid LOOP
    old_text := r.old_value;
    new_text := r.new_value;
    digest := NULL;
    seal := NULL;
    IF r.field IN ({free_text}) THEN
      salt := md5(random()::text || clock_timestamp()::text);
      digest := encode(sha256(convert_to(salt || json_build_array(old_text, new_text)::text, 'UTF8')), 'hex');
      seal := salt || ':' || digest;
      old_text := NULL;
      new_text := NULL;
    ELSIF r.field = '{GEOMETRY_COLUMN}' THEN
      old_text := encode(ST_AsBinary(ST_GeomFromText(old_text), 'NDR'), 'hex');
      new_text := encode(ST_AsBinary(ST_GeomFromText(new_text), 'NDR'), 'hex');
    END IF;
    last_seq := last_seq + 1;
    last_hash := encode(sha256(convert_to(coalesce(last_hash, '') || chr(10) || json_build_array(
      last_seq, r.fid, r.incident_uuid,
      to_char(r.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') || '+00:00',
      r.changed_by_org, r.field, old_text, new_text, digest)::text, 'UTF8')), 'hex');
    UPDATE incident_history SET seal_seq = last_seq, row_hash = last_hash, text_seal = seal WHERE fid = r.fid;
    sealed := sealed + 1;
  END LOOP;
  IF sealed > 0 THEN
    INSERT INTO lagesbild_meta (key, value) VALUES ('history_head', last_seq || ':' || last_hash)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value;
  END IF;
  RETURN sealed;
END
$body$""",
        # the store's owner also seals the history (core/store/chain.py): row-level
        # security, forced on the history, must let that update through to
        # the guard above, which refuses every other
        "DROP POLICY IF EXISTS owner_seals ON incident_history",
        "CREATE POLICY owner_seals ON incident_history FOR UPDATE TO CURRENT_USER USING (true) WITH CHECK (true)",
    ]
