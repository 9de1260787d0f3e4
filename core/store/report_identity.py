"""The municipality's name and logo on its reports: settings of the store
(``lagesbild_meta``), so that they travel with the store to every
coordinator's machine and survive an update of the plugin (a file inside
the plugin's folder would be overwritten). The logo is kept as its bytes,
not as a path that exists on one machine only."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import Path

from ..i18n import tr
from .errors import StoreError

MUNICIPALITY_KEY = "report_municipality"
LOGO_KEY = "report_logo"  # "<suffix>:<base64 of the file>"
LOGO_SUFFIXES = ("svg", "png", "jpg", "jpeg")
MAX_LOGO_BYTES = 1_000_000


@dataclass(frozen=True)
class ReportIdentity:
    municipality: str = ""
    logo: bytes | None = None
    logo_suffix: str = ""  # "svg", "png", "jpg"


def read_logo(path) -> tuple[bytes, str]:
    """A logo file's bytes and suffix; StoreError in words when it is not one."""
    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in LOGO_SUFFIXES:
        raise StoreError(tr("the logo must be an SVG, PNG or JPEG file, not {name}").format(name=path.name))
    if not path.is_file():
        raise StoreError(tr("there is no logo file {path}").format(path=path))
    data = path.read_bytes()
    if len(data) > MAX_LOGO_BYTES:
        raise StoreError(tr("the logo {name} is larger than 1 MB: save a smaller one").format(name=path.name))
    return data, "jpg" if suffix == "jpeg" else suffix


class StoreReportIdentity:
    """Part of ``Store``: the name and logo its reports carry."""

    def report_identity(self) -> ReportIdentity:
        rows = dict(self._db.execute("SELECT key, value FROM lagesbild_meta WHERE key IN (?, ?)",
                                     (MUNICIPALITY_KEY, LOGO_KEY)).fetchall())
        logo, suffix = None, ""
        stored = rows.get(LOGO_KEY) or ""
        if ":" in stored:
            suffix, encoded = stored.split(":", 1)
            try:
                logo = base64.b64decode(encoded, validate=True)
            except (binascii.Error, ValueError):
                logo, suffix = None, ""  # a damaged setting: the report goes without a logo
        return ReportIdentity((rows.get(MUNICIPALITY_KEY) or "").strip(), logo, suffix if logo else "")

    def set_report_identity(self, municipality: str | None = None, logo_path=None,
                            remove_logo: bool = False) -> ReportIdentity:
        """Set the municipality's name (``""`` removes it) and, from
        ``logo_path``, its logo (or remove it); None leaves a setting as it
        is. In one transaction."""
        values: dict[str, str | None] = {}
        if municipality is not None:
            values[MUNICIPALITY_KEY] = " ".join(municipality.split())
        if remove_logo:
            values[LOGO_KEY] = None
        elif logo_path is not None:
            data, suffix = read_logo(logo_path)
            values[LOGO_KEY] = suffix + ":" + base64.b64encode(data).decode("ascii")
        with self.transaction():
            for key, value in values.items():
                if value:
                    self._db.execute("INSERT INTO lagesbild_meta (key, value) VALUES (?, ?) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
                else:
                    self._db.execute("DELETE FROM lagesbild_meta WHERE key = ?", (key,))
        return self.report_identity()
