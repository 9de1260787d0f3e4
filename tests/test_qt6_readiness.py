"""QGIS 4 (Qt 6) readiness, checked statically: QGIS 4 cannot be installed here.

The names come from QGIS's own migration script
(scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py in the QGIS repository): what it
rewrites or warns about is what breaks on Qt 6. Two kinds of rules:

- fixed lists (imports, ``exec_``, ``QVariant`` types and null values,
  renamed Qt enums, removed Qt classes, QGIS enums moved into ``Qgis``);
- a check against the running QGIS: ``Class.Value`` where Value belongs to a
  nested enum must be written ``Class.Enum.Value`` (PyQt6 has scoped enums
  only), and an enum that the running QGIS reports as moved (its type lives
  in another class, e.g. ``Qgis``) must come from ``core/compat.py``. On
  QGIS 3.22 this finds unscoped enums; on 3.40 and later also the moves.

``core/compat.py`` is the one place allowed to name the old spellings.
Each rule is first shown to catch a bad example (a seeded violation).
"""

from __future__ import annotations

import ast
import enum
import importlib
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

COMPAT = Path("core") / "compat.py"
SKIPPED_DIRS = {".venv", ".git", "build", "dist", "demo-output", "__pycache__", ".qgis-settings"}

REMOVED_MODULES = {"PyQt5", "PyQt6", "PySide2", "PySide6", "sip", "qgis.PyQt.Qt"}
REMOVED_NAMES = {
    "QRegExp": "removed in Qt 6: use QRegularExpression",
    "qApp": "removed in Qt 6: use QApplication.instance()",
    "QDesktopWidget": "removed in Qt 6: use QScreen",
    "resources_rc": "compiled resources are removed in Qt 6: load files by path",
}
# Qt 5 enum values that Qt 6 renamed (pyqt5_to_pyqt6.py: deprecated_renamed_enums)
RENAMED_QT_ENUMS = {
    ("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
    ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
    ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole",
    ("QPainter", "HighQualityAntialiasing"): "QPainter.RenderHint.Antialiasing",
}
# QGIS 3 names moved into Qgis (deprecated on 3.3x, removed in QGIS 4); the
# running QGIS finds more of them, this list holds the ones the plugin needs
# even on a QGIS too old to know about the move.
MOVED_QGIS_ENUMS = {
    "QgsProcessing": ("Type", "SourceType"),  # TypeVectorPoint… -> Qgis.ProcessingSourceType
    "QgsProcessingParameterDefinition": ("Flag",),  # FlagOptional -> Qgis.ProcessingParameterFlag
    "QgsProcessingParameterNumber": ("Integer", "Double", "Type"),
    "QgsProcessingParameterDateTime": ("Date", "DateTime", "Time", "Type"),
    "QgsProcessingParameterField": ("Any", "Numeric", "String", "DateTime", "Binary", "Boolean", "DataType"),
    "QgsProcessingAlgorithm": ("Flag",),
    "QgsProcessingProvider": ("Flag",),
    "QgsProcessingContext": ("LogLevel",),
    "QgsWkbTypes": ("PointGeometry", "LineGeometry", "PolygonGeometry", "UnknownGeometry", "NullGeometry",
                    "GeometryType", "Type", "Point", "MultiPoint", "Polygon", "MultiPolygon", "LineString"),
    "QgsMapLayerProxyModel": ("Filter", "VectorLayer", "PointLayer", "PolygonLayer", "LineLayer"),
    "QgsFeatureRequest": ("Flag", "NoGeometry", "SubsetOfAttributes", "NoFlags"),
    "QgsMapLayer": ("VectorLayer", "RasterLayer", "LayerType"),
    "QgsFields": ("FieldOrigin",),
    "QgsVectorFileWriter": ("NoError",),
    "Qgis": ("Info", "Warning", "Critical", "Success", "NoLevel"),  # -> Qgis.MessageLevel.…
}


def prefix_matches(name: str, names: tuple[str, ...]) -> bool:
    """``Flag`` and ``Type`` stand for themselves and every FlagX or TypeX value."""
    return name in names or any(name.startswith(p) for p in ("Flag", "Type") if p in names)


def imported_names(tree: ast.AST) -> dict[str, str]:
    """local name -> module, for ``from module import name`` of QGIS and Qt."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith(("qgis.core", "qgis.gui", "qgis.PyQt.")):
                for alias in node.names:
                    names[alias.asname or alias.name] = (node.module, alias.name)
    return names


def static_violations(source: str) -> list[str]:
    """The fixed lists: what QGIS's migration script rewrites or warns about."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in REMOVED_MODULES or alias.name in REMOVED_MODULES:
                    found.append(f"{node.lineno}: imports {alias.name}: import through qgis.PyQt")
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.split(".")[0] in REMOVED_MODULES or module in REMOVED_MODULES:
                found.append(f"{node.lineno}: imports from {node.module}: import through qgis.PyQt.QtCore etc.")
            for alias in node.names:
                if alias.name in REMOVED_NAMES:
                    found.append(f"{node.lineno}: imports {alias.name}: {REMOVED_NAMES[alias.name]}")
        elif isinstance(node, ast.FunctionDef) and node.name == "exec_":
            found.append(f"{node.lineno}: defines exec_(): name it exec()")
        elif isinstance(node, ast.Attribute):
            if node.attr == "exec_":
                found.append(f"{node.lineno}: exec_(): use exec()")
            if isinstance(node.value, ast.Name):
                owner, name = node.value.id, node.attr
                if owner == "QVariant":
                    found.append(f"{node.lineno}: QVariant.{name}: QVariant types are gone in Qt 6: use core/compat.py")
                if (owner, name) in RENAMED_QT_ENUMS:
                    found.append(f"{node.lineno}: {owner}.{name}: renamed in Qt 6 to {RENAMED_QT_ENUMS[owner, name]}")
                if owner in MOVED_QGIS_ENUMS and prefix_matches(name, MOVED_QGIS_ENUMS[owner]):
                    found.append(f"{node.lineno}: {owner}.{name}: moved into Qgis (removed in QGIS 4): "
                                 "use core/compat.py")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "QVariant":
                found.append(f"{node.lineno}: QVariant(…) as a null value: use qgis.core.NULL")
            elif node.func.id == "QDateTime" and (
                len(node.args) == 8
                or (len(node.args) == 1 and isinstance(node.args[0], ast.Call)
                    and isinstance(node.args[0].func, ast.Name) and node.args[0].func.id == "QDate")
            ):
                found.append(f"{node.lineno}: QDateTime(…) constructor removed in Qt 6: use QDateTime(QDate, QTime)")
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute):
            if node.value.attr == "activated" and isinstance(node.slice, ast.Name) and node.slice.id == "str":
                found.append(f"{node.lineno}: activated[str] is removed in Qt 6: use textActivated")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "desktop" and not node.args):
            found.append(f"{node.lineno}: desktop(): QDesktopWidget is removed in Qt 6: use QScreen")
    return found


def is_enum_type(value) -> bool:
    kind = type(value)
    return (isinstance(value, type) and issubclass(value, enum.Enum)) or kind.__name__ == "enumtype"


def is_enum_value(value) -> bool:
    return isinstance(value, enum.Enum) or type(type(value)).__name__ == "enumtype"


def live_violations(source: str) -> list[str]:
    """Unscoped and moved enums, as the running QGIS and PyQt know them."""
    tree = ast.parse(source)
    imported = imported_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        chain = []  # Owner.Value or Owner.Enum.Value
        inner = node
        while isinstance(inner, ast.Attribute):
            chain.insert(0, inner.attr)
            inner = inner.value
        if not isinstance(inner, ast.Name) or inner.id not in imported or len(chain) not in (1, 2):
            continue
        module, name = imported[inner.id]
        try:
            owner = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue
        owner_name = getattr(owner, "__name__", name)
        if len(chain) == 1:
            value = getattr(owner, chain[0], None)
            if value is None or not is_enum_value(value):
                continue
            enum_qualname = type(value).__qualname__
            spelled = f"{inner.id}.{chain[0]}"
            if getattr(value, "is_monkey_patched", False) or not enum_qualname.startswith(owner_name + "."):
                found.append(f"{node.lineno}: {spelled}: moved to {enum_qualname}.{chain[0]}: use core/compat.py")
            else:
                found.append(f"{node.lineno}: {spelled}: unscoped enum: write {enum_qualname}.{chain[0]}")
        else:
            nested = getattr(owner, chain[0], None)
            if nested is None or not is_enum_type(nested):
                continue
            if getattr(nested, "is_monkey_patched", False) or not nested.__qualname__.startswith(owner_name + "."):
                found.append(f"{node.lineno}: {inner.id}.{chain[0]}: moved to {nested.__qualname__}: "
                             "use core/compat.py")
    return found


def violations(source: str) -> list[str]:
    return static_violations(source) + live_violations(source)


def python_files(root: Path) -> list[Path]:
    files = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts[:-1]
        if any(p in SKIPPED_DIRS or p.startswith(".") for p in parts):
            continue
        if path.relative_to(root) == COMPAT:
            continue
        files.append(path)
    return files


def tree_violations(root: Path) -> list[str]:
    return [
        f"{path.relative_to(root)}:{problem}"
        for path in python_files(root)
        for problem in violations(path.read_text(encoding="utf-8"))
    ]


@pytest.mark.parametrize(
    "bad",
    [
        "from PyQt5.QtCore import QObject",
        "import sip",
        "from qgis.PyQt.Qt import Qt",
        "from qgis.PyQt.QtCore import QRegExp",
        "from qgis.PyQt.QtWidgets import qApp",
        "from . import resources_rc",
        "dialog.exec" + "_()",  # spelled in two parts: a plain grep of the tree must not find it
        "class Dialog:\n    def exec_(self):\n        pass",
        "from qgis.PyQt.QtCore import QVariant\nfield_type = QVariant.Int",
        "from qgis.PyQt.QtCore import QVariant\nvalue = QVariant()",
        "from qgis.PyQt.QtCore import QDateTime\nwhen = QDateTime(2025, 1, 1, 0, 0, 0, 0, 0)",
        "from qgis.PyQt.QtCore import Qt\nbutton = Qt.MidButton",
        "from qgis.PyQt.QtCore import Qt\nalign = Qt.AlignLeft",  # unscoped Qt enum
        "from qgis.core import Qgis\nlevel = Qgis.Info",
        "from qgis.core import QgsProcessingParameterDefinition\nf = QgsProcessingParameterDefinition.FlagOptional",
        "from qgis.core import QgsProcessingParameterNumber\nkind = QgsProcessingParameterNumber.Integer",
        "from qgis.core import QgsProcessingParameterNumber\nkind = QgsProcessingParameterNumber.Type.Integer",
        "from qgis.core import QgsProcessingParameterDateTime\nkind = QgsProcessingParameterDateTime.Date",
        "from qgis.core import QgsProcessing\nkind = QgsProcessing.TypeVectorPoint",
        "from qgis.core import QgsWkbTypes\nkind = QgsWkbTypes.PointGeometry",
        "combo.activated[str].connect(slot)",
        "screen = QApplication.desktop()",
    ],
)
def test_rule_catches_bad_example(bad):
    assert violations(bad), bad


@pytest.mark.parametrize(
    "good",
    [
        "from qgis.PyQt.QtCore import QObject, Qt\nalign = Qt.AlignmentFlag.AlignLeft",
        "dialog.exec()",
        "from qgis.core import Qgis\nlevel = Qgis.MessageLevel.Info",
        "from qgis.PyQt.QtCore import Qt\nzone = Qt.TimeSpec.UTC",
        "from lagesbild.core.compat import NUMBER_INTEGER, PARAMETER_FLAG_OPTIONAL",
        "from qgis.core import QgsProcessingParameterNumber\np = QgsProcessingParameterNumber('N', 'n')",
        "from qgis.core import NULL\nvalue = NULL",
    ],
)
def test_rule_passes_good_example(good):
    assert violations(good) == [], good


def test_a_seeded_violation_makes_the_tree_scan_fail(tmp_path):
    """The tree scan, on a copy of the plugin with one bad file added, fails."""
    copy = tmp_path / "lagesbild"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*SKIPPED_DIRS, ".*"))
    assert tree_violations(copy) == tree_violations(ROOT)
    (copy / "algorithms" / "seeded.py").write_text(
        "from qgis.core import QgsProcessingParameterDefinition\n"
        "OPTIONAL = QgsProcessingParameterDefinition.FlagOptional\n",
        encoding="utf-8",
    )
    found = tree_violations(copy)
    assert any(v.startswith("algorithms/seeded.py:2:") for v in found), found


def test_the_tree_is_qt6_ready():
    assert tree_violations(ROOT) == []


def test_compat_names_resolve_on_the_running_qgis():
    from lagesbild.core import compat

    names = [n for n in dir(compat) if n.isupper() and not n.startswith("QGIS_")]
    assert len(names) > 20
    for name in names:
        assert getattr(compat, name) is not None, name


def test_metadata_claims_qt6_only_with_these_checks():
    from test_metadata import read_metadata

    assert read_metadata().get("supportsQt6") == "yes"
