"""metadata.txt: the keys QGIS and the plugin repository need, and a version
range that holds the running QGIS."""

import re
from configparser import ConfigParser

from conftest import ROOT
from qgis.core import Qgis

REQUIRED_KEYS = {
    "name": "Lägesbild",
    "qgisMinimumVersion": "3.22",
    "qgisMaximumVersion": "4.99",
    "hasProcessingProvider": "yes",
    "category": "Plugins",
    "server": "False",
}
NON_EMPTY_KEYS = [
    "description",
    "about",
    "version",
    "author",
    "email",
    "icon",
    "tags",
    "homepage",
    "repository",
    "tracker",
    "experimental",
]


def read_metadata() -> dict:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # keep qgisMinimumVersion's case
    assert parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return dict(parser["general"])


def version_tuple(text: str, fill: int) -> tuple:
    parts = [int(p) for p in text.split(".")]
    return tuple(parts + [fill] * (3 - len(parts)))


def test_required_values():
    metadata = read_metadata()
    for key, value in REQUIRED_KEYS.items():
        assert metadata.get(key) == value, key
    for key in NON_EMPTY_KEYS:
        assert metadata.get(key, "").strip(), f"{key} is missing or empty"
    assert metadata.get("supportsQt6") == "yes"  # backed by tests/test_qt6_readiness.py


def test_links_and_icon():
    metadata = read_metadata()
    assert metadata["repository"] == "https://github.com/lagesbild/lagesbild"
    assert metadata["tracker"] == metadata["repository"] + "/issues"
    assert (ROOT / metadata["icon"]).is_file()
    assert "EST" in metadata["about"] and "2023" in metadata["about"]


def test_running_qgis_within_version_range():
    metadata = read_metadata()
    version = Qgis.QGIS_VERSION_INT
    running = (version // 10000, version // 100 % 100, version % 100)
    assert version_tuple(metadata["qgisMinimumVersion"], 0) <= running
    assert running <= version_tuple(metadata["qgisMaximumVersion"], 99)


def test_about_reads_metadata():
    from lagesbild import __about__

    metadata = read_metadata()
    assert re.fullmatch(r"\d+\.\d+\.\d+", metadata["version"])
    assert __about__.__version__ == metadata["version"]
    assert __about__.__title__ == metadata["name"]
    assert __about__.__icon_path__.is_file()
