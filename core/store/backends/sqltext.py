"""SQL text that every backend writes alike: a quoted value, a column's
clause rendered from the schema (each backend giving its types and
defaults), and a literal for a provider filter (each backend giving its own
text and time forms)."""

from __future__ import annotations

from collections.abc import Callable

from ...domain import schema
from ...domain.schema import GEOMETRY_COLUMN, Field, Table


def quote(value) -> str:
    """A value in DDL: text in single quotes (doubled inside), else as Python writes it."""
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def column_sql(f: Field, sql_type: str, now_sql: str, uuid_sql: str, extra_checks: tuple[str, ...] = ()) -> str:
    """``name type [NOT NULL] [UNIQUE] [DEFAULT …] [CHECK (…)]`` for ``f``."""
    parts = [f.name, sql_type]
    if f.not_null:
        parts.append("NOT NULL")
    if f.unique:
        parts.append("UNIQUE")
    if f.default == schema.NOW_DEFAULT:
        parts.append(f"DEFAULT ({now_sql})")
    elif f.default == schema.UUID_DEFAULT:
        parts.append(f"DEFAULT ({uuid_sql})")
    elif f.default is not None:
        parts.append(f"DEFAULT {quote(f.default)}")
    checks = []
    if f.allowed:
        checks.append(f"{f.name} IN ({', '.join(quote(v) for v in f.allowed)})")
    if f.minimum is not None:
        checks.append(f"{f.name} >= {f.minimum!r}")
    if f.type == schema.BOOLEAN:
        checks.append(f"{f.name} IN (0, 1)")
    checks += list(extra_checks)
    if checks:
        parts.append("CHECK (" + f"{f.name} IS NULL OR (" + " AND ".join(checks) + "))")
    return " ".join(parts)


def table_sql(table: Table, fid_sql: str, geometry_sql: str, column: Callable[[Field], str],
              later_check: Callable[[str, str], str]) -> str:
    """``CREATE TABLE`` for ``table``: the backend gives its fid and geometry
    column, its rendering of a field, and its "later >= earlier" check."""
    columns = []
    if table.key is None:
        columns.append(fid_sql)
    if table.geometry:
        columns.append(f"{GEOMETRY_COLUMN} {geometry_sql}")
    for f in table.fields:
        sql = column(f)
        if f.name == table.key:
            sql = sql.replace(" NOT NULL", " NOT NULL PRIMARY KEY", 1)
        columns.append(sql)
    columns += [f"CHECK ({later} IS NULL OR {earlier} IS NULL OR {later_check(later, earlier)})"
                for later, earlier in table.not_before]
    return f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(columns) + "\n)"


def unique_index_statements(table: Table) -> list[str]:
    """``CREATE UNIQUE INDEX`` for each of the table's partial unique keys
    (unique where the key's last column is not null), alike in both backends."""
    return [
        f"CREATE UNIQUE INDEX IF NOT EXISTS uidx_{table.name}_{'_'.join(cols)} ON {table.name} "
        f"({', '.join(cols)}) WHERE {cols[-1]} IS NOT NULL"
        for cols in table.unique_indexes
    ]


def literal(value, text) -> str:
    """``value`` as a literal of a provider filter: always data, never SQL.
    Numbers and NULL are the same everywhere; ``text(str)`` writes the rest."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("not a finite number")
        return repr(float(value))
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("text with a NUL character cannot be a filter value")
    return text(value)
