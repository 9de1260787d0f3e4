"""Name and version of the plugin, read once from metadata.txt (their single source)."""

from configparser import ConfigParser
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
METADATA_PATH = PLUGIN_DIR / "metadata.txt"


def _read_metadata() -> dict:
    parser = ConfigParser(interpolation=None)
    parser.read(METADATA_PATH, encoding="utf-8")
    return dict(parser["general"])


_METADATA = _read_metadata()

__title__ = _METADATA["name"]
__version__ = _METADATA["version"]
__summary__ = _METADATA["description"]
__author__ = _METADATA["author"]
__email__ = _METADATA["email"]
__uri_homepage__ = _METADATA["homepage"]
__uri_repository__ = _METADATA["repository"]
__uri_tracker__ = _METADATA["tracker"]
__icon_path__ = PLUGIN_DIR / _METADATA["icon"]
