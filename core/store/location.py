"""Where a store is: one small value naming the backend and its target, parsed
in one place, shown to users without secrets, and turned into the layer
sources QGIS opens (through the backend, the one place that builds them).

Today a store is a GeoPackage file; a PostgreSQL store (``postgresql://…`` or
``service=…``) is recognised already, and refused with a clear word until its
backend exists."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import tr
from .errors import StoreError

GPKG = "gpkg"
POSTGRES = "postgres"
_POSTGRES_URI = re.compile(r"^postgres(ql)?://", re.IGNORECASE)
_POSTGRES_KEYS = re.compile(r"^\s*(service|host|hostaddr|dbname|port|user)\s*=", re.IGNORECASE)
_SECRETS = (
    (re.compile(r"(://[^:/@]*):[^@]*@"), r"\1:***@"),  # user:password@ in a URI
    (re.compile(r"(password\s*=\s*)('[^']*'|\S+)", re.IGNORECASE), r"\1***"),  # key/value form
    (re.compile(r"([?&]password=)[^&]*", re.IGNORECASE), r"\1***"),  # a URI's query parameter
)


def without_secrets(text: str) -> str:
    """``text`` with every password in it replaced by ***."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True)
class StoreLocation:
    """Which backend holds a store, and where: ``target`` is the absolute file
    path of a GeoPackage, or the connection string of a server store."""

    backend: str
    target: str

    @classmethod
    def geopackage(cls, path) -> StoreLocation:
        return cls(GPKG, str(Path(path).expanduser().resolve()))

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
        if _POSTGRES_URI.match(text) or _POSTGRES_KEYS.match(text):
            return cls(POSTGRES, text)
        return cls.geopackage(text)

    @classmethod
    def of_layer_source(cls, provider: str, source: str) -> tuple[StoreLocation, str] | None:
        """(location, table) of a layer source that names a table of a
        GeoPackage, or None; the one place that reads a layer's source.
        Whether the file is really a store is for ``Store.inspect`` to say."""
        if provider != "ogr" or not source:
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
        return self.target if self.backend == GPKG else without_secrets(self.target)

    @property
    def name(self) -> str:
        """A short name: the file's name without its suffix."""
        if self.backend == GPKG:
            return Path(self.target).stem
        database = re.search(r"(?:dbname|service)\s*=\s*(\S+)", self.target) or re.search(
            r"/([^/?]+)(\?|$)", self.target)
        return database.group(1) if database else self.backend

    @property
    def label(self) -> str:
        """How a dock names the store: the file's name, or the database's."""
        return Path(self.target).name if self.backend == GPKG else self.name

    def exists(self) -> bool:
        return self.backend != GPKG or Path(self.target).is_file()

    def layer_source(self, table: str) -> tuple[str, str]:
        """(source, provider key) of a QGIS layer of ``table``."""
        from .backends import backend_for

        return backend_for(self).layer_source(self, table)

    def __str__(self) -> str:
        return self.display
