"""Where a store is: one small value naming the backend and its target, parsed
in one place, shown to users without secrets, and turned into the layer
sources QGIS opens (through the backend, the one place that builds them).

A store is a GeoPackage file, or a schema in a PostgreSQL database with
PostGIS: a libpq URI ``postgresql://user@host:port/dbname?schema=NAME``, a
key/value string ``service=NAME schema=NAME`` (``host=… dbname=…``), or a
connection saved in QGIS, ``connection='NAME' schema=NAME``; the schema
defaults to ``lagesbild``. A password given in the text (or stored in a saved
connection) is kept apart (``secret``) and never shown, logged or written
into a layer's source: it belongs in libpq's usual places (``PGPASSWORD``,
``~/.pgpass``, the service file) or QGIS's authentication database, named by
``authcfg=ID``. An ``authcfg`` goes into a layer's source as it is (QGIS
resolves it); for the store's own connection its user and password are read
from QGIS when connecting (``qgis_connections``), and kept nowhere."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from ..i18n import tr
from .errors import StoreError

GPKG = "gpkg"
POSTGRES = "postgres"
DEFAULT_SCHEMA = "lagesbild"
_POSTGRES_URI = re.compile(r"^postgres(ql)?://", re.IGNORECASE)
_POSTGRES_KEYS = re.compile(r"^\s*(service|host|hostaddr|dbname|port|user|authcfg|connection)\s*=", re.IGNORECASE)
_CONNINFO_PAIR = re.compile(r"\s*(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S*)")
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# the keys that name a database (and that a layer's source carries); never a password
_LOCATION_KEYS = ("service", "host", "hostaddr", "port", "dbname", "user", "sslmode", "authcfg")
_SECRETS = (
    (re.compile(r"(://[^:/@]*):[^@]*@"), r"\1:***@"),  # user:password@ in a URI
    (re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE), r"\1***"),  # key/value form
    (re.compile(r"([?&]password=)[^&\s]*", re.IGNORECASE), r"\1***"),  # a URI's query parameter
)


def without_secrets(text: str) -> str:
    """``text`` with every password in it replaced by ***."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


def conninfo_pairs(text: str) -> dict[str, str]:
    """The key/value pairs of a libpq (or QGIS) connection string; a value may
    be single-quoted with backslash escapes."""
    pairs = {}
    for key, value in _CONNINFO_PAIR.findall(text):
        if value.startswith("'") and value.endswith("'") and len(value) >= 2:
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        pairs[key.lower()] = value
    return pairs


def _quote(value: str) -> str:
    return value if value and re.fullmatch(r"[\w.\-/:]+", value) else "'" + value.replace("\\", "\\\\").replace(
        "'", "\\'") + "'"


def _uri_pairs(text: str) -> dict[str, str]:
    parts = urlsplit(text)
    pairs = {k.lower(): v for k, v in parse_qsl(parts.query)}
    if parts.hostname:
        pairs["host"] = unquote(parts.hostname)
    if parts.port:
        pairs["port"] = str(parts.port)
    if parts.username:
        pairs["user"] = unquote(parts.username)
    if parts.password:
        pairs["password"] = unquote(parts.password)
    if parts.path.strip("/"):
        pairs["dbname"] = unquote(parts.path.strip("/"))
    return pairs


@dataclass(frozen=True)
class StoreLocation:
    """Which backend holds a store, and where: ``target`` is the absolute file
    path of a GeoPackage, or the canonical connection string (no password) of
    a PostgreSQL database, whose ``schema`` holds the store."""

    backend: str
    target: str
    schema: str = ""
    secret: str = field(default="", compare=False, repr=False)  # a password given in the text

    @classmethod
    def geopackage(cls, path) -> StoreLocation:
        return cls(GPKG, str(Path(path).expanduser().resolve()))

    @classmethod
    def postgres(cls, pairs: dict[str, str]) -> StoreLocation:
        """A PostgreSQL location from connection keys (``schema`` among them)."""
        pairs = dict(pairs)
        saved = pairs.pop("connection", "")
        if saved:  # a connection saved in QGIS; keys given beside it win
            from .qgis_connections import saved_connection_keys

            pairs = saved_connection_keys(saved) | {key: value for key, value in pairs.items() if value}
        schema = pairs.pop("schema", "") or DEFAULT_SCHEMA
        if not _SCHEMA_NAME.match(schema):
            raise StoreError(tr(
                "the schema name {name} is not usable: lower-case letters, digits and _ only").format(name=schema))
        secret = pairs.pop("password", "")
        if not (pairs.get("dbname") or pairs.get("service")):
            raise StoreError(tr("a PostgreSQL store needs a database: give dbname or a service"))
        target = " ".join(f"{key}={_quote(value)}" for key, value in sorted(pairs.items()) if value)
        return cls(POSTGRES, target, schema, secret)

    @classmethod
    def parse(cls, value) -> StoreLocation:
        """A location from what a user or a caller names a store by: a
        location, a path, or text (a file path or a PostgreSQL connection)."""
        if isinstance(value, StoreLocation):
            return value
        if isinstance(value, os.PathLike):
            return cls.geopackage(value)
        text = str(value or "").strip()
        if not text:
            raise StoreError(tr("no store was named: choose a store file"))
        if _POSTGRES_URI.match(text):
            return cls.postgres(_uri_pairs(text))
        if _POSTGRES_KEYS.match(text):
            return cls.postgres(conninfo_pairs(text))
        return cls.geopackage(text)

    @classmethod
    def of_layer_source(cls, provider: str, source: str) -> tuple[StoreLocation, str] | None:
        """(location, table) of a layer source that names a table of a
        GeoPackage or of a PostgreSQL schema, or None; the one place that reads
        a layer's source. Whether it is really a store is for ``Store.inspect``."""
        if not source:
            return None
        if provider == "postgres":
            table = re.search(r'table="((?:[^"]|"")+)"\."((?:[^"]|"")+)"', source)
            if table is None:
                return None
            pairs = {k: v for k, v in conninfo_pairs(source).items() if k in _LOCATION_KEYS}
            try:
                location = cls.postgres(pairs | {"schema": table.group(1).replace('""', '"')})
            except StoreError:
                return None
            return location, table.group(2).replace('""', '"')
        if provider != "ogr":
            return None
        path, *parts = source.split("|")
        if Path(path).suffix.lower() != ".gpkg":
            return None
        options = dict(part.split("=", 1) for part in parts if "=" in part)
        return cls.geopackage(path), options.get("layername", "")

    @property
    def path(self) -> Path:
        """The file of a GeoPackage store."""
        if self.backend != GPKG:
            raise StoreError(tr("{location} is not a store file").format(location=self.display))
        return Path(self.target)

    @property
    def display(self) -> str:
        """How the store is named to users and in logs: never with a password."""
        if self.backend == GPKG:
            return self.target
        return without_secrets(f"{self.target} schema={self.schema}")

    @property
    def name(self) -> str:
        """A short name: the file's name without its suffix, or the database's."""
        if self.backend == GPKG:
            return Path(self.target).stem
        pairs = conninfo_pairs(self.target)
        database = pairs.get("dbname") or pairs.get("service") or self.backend
        return database if self.schema == DEFAULT_SCHEMA else f"{database}.{self.schema}"

    @property
    def label(self) -> str:
        """How a dock names the store: the file's name, or the database's."""
        return Path(self.target).name if self.backend == GPKG else self.name

    def conninfo(self, with_secret: bool = True) -> str:
        """The libpq connection string of a PostgreSQL store; with the secret,
        an ``authcfg``'s user and password are read from QGIS now (libpq does
        not know the key)."""
        pairs = conninfo_pairs(self.target)
        authcfg = pairs.pop("authcfg", "")
        if with_secret and authcfg:
            from .qgis_connections import auth_credentials

            pairs |= auth_credentials(authcfg, self.display)
        elif with_secret and self.secret:
            pairs["password"] = self.secret
        if not authcfg and not pairs.get("password"):
            return self.target
        return " ".join(f"{key}={_quote(value)}" for key, value in pairs.items())

    def connection_keys(self) -> dict[str, str]:
        """The keys that name the database (no password)."""
        return conninfo_pairs(self.target)

    def exists(self) -> bool:
        return self.backend != GPKG or Path(self.target).is_file()

    def layer_source(self, table: str) -> tuple[str, str]:
        """(source, provider key) of a QGIS layer of ``table``."""
        from .backends import backend_for

        return backend_for(self).layer_source(self, table)

    def __str__(self) -> str:
        return self.display
