"""Who may do what in a PostgreSQL store, enforced by the database itself
(grants and row-level security), not by the plugin's user interface.

Three group roles per store, named after its schema (NOLOGIN): ``_reporter``,
``_coordinator`` and ``_reader``. A login joins one of them for one
organisation (``grant_statements``); the mapping lives in the store's table
``organisation_logins``, and the database sets an edit's organisation from
the login, never trusting the client. Row-level security is forced, so the
tables' owner is held by the policies too: nobody, the owner included, may
change or delete a history row through them."""

from __future__ import annotations

from ...records import ROLES

# what a reader sees of an incident: no free text, no police reference
PUBLIC_COLUMNS = ("fid", "geom", "uuid", "category", "subcategory", "occurred_from", "occurred_to", "reported_at",
                  "reporting_org", "police_reported", "estimated_cost_sek", "status", "handling_org", "created_at",
                  "updated_at", "updated_by_org", "version")
LOGIN_ORG = "lagesbild_login_org"


def identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def role_name(schema: str, role: str) -> str:
    return f"{schema}_{role}"


def access_statements(schema: str) -> list[str]:
    """The mapping table, the login's organisation, the roles, their grants and
    the policies of a new store in ``schema`` (run by its owner)."""
    reporter, coordinator, reader = (identifier(role_name(schema, r)) for r in ROLES)
    everyone = f"{reporter}, {coordinator}, {reader}"
    statements = [
        """CREATE TABLE organisation_logins (
  login name NOT NULL PRIMARY KEY,
  organisation varchar(32) NOT NULL REFERENCES organisations (code),
  role text NOT NULL CHECK (role IN ('reporter', 'coordinator', 'reader'))
)""",
        "COMMENT ON TABLE organisation_logins IS 'Which organisation and role each database login reports for'",
        # the login's organisation: read with the owner's rights, whoever asks
        f"""CREATE FUNCTION {LOGIN_ORG}() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS
$body$ SELECT organisation::text FROM organisation_logins WHERE login = session_user $body$""",
    ]
    for role in ROLES:
        name = role_name(schema, role)
        statements.append(
            f"DO $do$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
            f"CREATE ROLE {identifier(name)} NOLOGIN; END IF; END $do$")
    statements += [
        f"GRANT USAGE ON SCHEMA {identifier(schema)} TO {everyone}",
        f"GRANT SELECT ON categories, organisations, lagesbild_meta, areas, measures TO {everyone}",
        f"GRANT EXECUTE ON FUNCTION {LOGIN_ORG}() TO {everyone}",
        f"GRANT SELECT, INSERT, UPDATE ON incidents TO {reporter}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON incidents TO {coordinator}",
        f"GRANT INSERT, UPDATE, DELETE ON areas, measures TO {coordinator}",
        f"GRANT SELECT ON incident_history TO {reporter}, {coordinator}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {identifier(schema)} TO {reporter}, {coordinator}",
        f"CREATE VIEW incidents_public WITH (security_barrier) AS SELECT {', '.join(PUBLIC_COLUMNS)} FROM incidents",
        "COMMENT ON VIEW incidents_public IS 'The incidents without free text: what a reader may see'",
        f"GRANT SELECT ON incidents_public TO {everyone}",
        # incidents: everyone with a role reads them; a reporter adds and changes
        # only its own organisation's, and only while they are new
        "ALTER TABLE incidents ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE incidents FORCE ROW LEVEL SECURITY",
        "CREATE POLICY owner_all ON incidents TO CURRENT_USER USING (true) WITH CHECK (true)",
        f"CREATE POLICY read_all ON incidents FOR SELECT TO {reporter}, {coordinator} USING (true)",
        f"CREATE POLICY reporter_adds_own ON incidents FOR INSERT TO {reporter} "
        f"WITH CHECK (reporting_org = {LOGIN_ORG}())",
        f"CREATE POLICY reporter_changes_own_new ON incidents FOR UPDATE TO {reporter} "
        f"USING (reporting_org = {LOGIN_ORG}() AND status = 'new') "
        f"WITH CHECK (reporting_org = {LOGIN_ORG}() AND status = 'new')",
        f"CREATE POLICY coordinator_all ON incidents TO {coordinator} USING (true) WITH CHECK (true)",
        # the history: written by the audit trigger (as the owner), read, never changed
        "ALTER TABLE incident_history ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE incident_history FORCE ROW LEVEL SECURITY",
        "CREATE POLICY owner_reads ON incident_history FOR SELECT TO CURRENT_USER USING (true)",
        "CREATE POLICY audit_writes ON incident_history FOR INSERT TO CURRENT_USER WITH CHECK (true)",
        f"CREATE POLICY coordinator_reads ON incident_history FOR SELECT TO {coordinator} USING (true)",
        f"CREATE POLICY reporter_reads_own ON incident_history FOR SELECT TO {reporter} USING (EXISTS "
        f"(SELECT 1 FROM incidents i WHERE i.uuid = incident_uuid AND i.reporting_org = {LOGIN_ORG}()))",
    ]
    return statements


def grant_statements(schema: str, login: str, organisation: str, role: str) -> list[tuple[str, tuple]]:
    """(sql, params) making ``login`` a ``role`` of the store for ``organisation``;
    an earlier role of the same store is taken back."""
    statements = [(f"REVOKE {identifier(role_name(schema, other))} FROM {identifier(login)}", ())
                  for other in ROLES if other != role]
    statements.append((f"GRANT {identifier(role_name(schema, role))} TO {identifier(login)}", ()))
    statements.append((
        "INSERT INTO organisation_logins (login, organisation, role) VALUES (?, ?, ?) "
        "ON CONFLICT (login) DO UPDATE SET organisation = excluded.organisation, role = excluded.role",
        (login, organisation, role)))
    return statements
