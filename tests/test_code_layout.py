"""Architecture rules as tests. Each rule is a function returning violations;
the rules are first shown to catch a bad example, then run on the code."""

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT

SKIPPED_DIRS = {".venv", ".git", "build", "dist", "demo-output", "__pycache__", ".qgis-settings"}
NON_PLUGIN_DIRS = {"tests", "scripts", "bench"}
MAX_MODULE_LINES = 400


def python_files(plugin_only: bool = False) -> list[Path]:
    files = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts[:-1]
        if any(p in SKIPPED_DIRS or p.startswith(".") for p in parts):
            continue
        if plugin_only and parts and parts[0] in NON_PLUGIN_DIRS:
            continue
        files.append(path)
    return files


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    modules = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.append((node.lineno, node.module))
            modules += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return modules


def gui_free_violations(source: str) -> list[str]:
    """core/ rule: no qgis.gui, qgis.utils, Qt widgets or iface."""
    tree = ast.parse(source)
    forbidden = ("qgis.gui", "qgis.utils", "qgis._gui", "qgis.PyQt.QtWidgets")
    found = [
        f"{line}: imports {name}"
        for line, name in imported_modules(tree)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]
    found += [
        f"{node.lineno}: uses iface"
        for node in ast.walk(tree)
        if (isinstance(node, ast.Name) and node.id == "iface")
        or (isinstance(node, ast.alias) and (node.asname or node.name).split(".")[-1] == "iface")
        or (isinstance(node, ast.arg) and node.arg == "iface")
    ]
    return found


def direct_pyqt_violations(source: str) -> list[str]:
    return [
        f"{line}: imports {name}"
        for line, name in imported_modules(ast.parse(source))
        if name.split(".")[0] in {"PyQt5", "PyQt6", "PySide2", "PySide6", "sip"}
    ]


def qt_free_violations(source: str) -> list[str]:
    """core/domain/analysis/ rule: statistics and words only, no qgis and no Qt (the
    translations come through core/i18n.py)."""
    return [
        f"{line}: imports {name}"
        for line, name in imported_modules(ast.parse(source))
        if name.split(".")[0] in {"qgis", "PyQt5", "PyQt6", "PySide2", "PySide6", "sip"}
    ]


def exec_underscore_violations(source: str) -> list[str]:
    return [
        f"{node.lineno}: {node.attr}()"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute) and node.attr == "exec_"
    ]


def processing_import_violations(source: str) -> list[str]:
    """No QGIS-internal processing.* modules (renamed in QGIS 4)."""
    found = []
    for line, name in imported_modules(ast.parse(source)):
        if name == "processing" or name.startswith("processing."):
            found.append(f"{line}: imports {name}")
    return found


def processing_package_violations(root: Path) -> list[str]:
    return [
        str(path.relative_to(root))
        for path in root.rglob("processing*")
        if path.name in {"processing", "processing.py"}
        and not any(p in SKIPPED_DIRS or p.startswith(".") for p in path.relative_to(root).parts)
    ]


def ui_connection_violations(source: str) -> list[str]:
    """lizmap's rule: a .ui file holds widgets only; signals are connected in
    code, where a dock's bookkeeping (ui/dock_base.py) can undo them."""
    root = ET.fromstring(source)
    return [f"connects {c.findtext('sender')}.{c.findtext('signal')}" for c in root.iter("connection")]


def long_module_violations(source: str, limit: int = MAX_MODULE_LINES) -> list[str]:
    lines = len(source.splitlines())
    return [f"{lines} lines (at most {limit})"] if lines > limit else []


# The layers, lowest first: a module may import only from its own layer or a
# lower one (and ui/ and algorithms/ not from each other). core/'s top-level
# modules (compat, i18n, log, resources, settings) are the base every layer uses.
LAYERS = {"base": 0, "domain": 1, "store": 2, "presentation": 3, "ui": 4, "algorithms": 4, "plugin": 5}


def layer_of(module: str) -> str:
    parts = module.split(".")
    if parts[0] == "core":
        return parts[1] if len(parts) > 1 and parts[1] in ("domain", "store", "presentation") else "base"
    if parts[0] in ("ui", "algorithms"):
        return parts[0]
    return "plugin"


def plugin_imports(module: str, source: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, module) of every import of the plugin's own code in ``source``,
    relative imports resolved from ``module`` (dotted from the plugin root)."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level == 0:
            if not (node.module or "").startswith("lagesbild"):
                continue
            base = (node.module or "").split(".")[1:]
        else:
            if node.level - 1 > len(package):
                continue
            base = package[: len(package) - (node.level - 1)] + (node.module.split(".") if node.module else [])
        if node.module:
            found.append((node.lineno, ".".join(base)))
        else:  # from . import x: x is a module of the package, or a name in it
            found += [(node.lineno, ".".join(base + [alias.name])) for alias in node.names]
    return found


def layer_violations(module: str, source: str, is_package: bool = False) -> list[str]:
    own = layer_of(module)
    found = []
    for line, target in plugin_imports(module, source, is_package):
        theirs = layer_of(target)
        if LAYERS[theirs] > LAYERS[own] or (own != theirs and {own, theirs} == {"ui", "algorithms"}):
            found.append(f"{line}: {own} imports {target} ({theirs})")
    return found


UI_WITH_A_CONNECTION = (
    "<ui><class>F</class><widget class='QWidget' name='F'/><connections><connection>"
    "<sender>save</sender><signal>clicked()</signal><receiver>F</receiver><slot>close()</slot>"
    "</connection></connections></ui>"
)


@pytest.mark.parametrize(
    ("rule", "bad"),
    [
        (gui_free_violations, "from qgis.gui import QgsMapCanvas"),
        (gui_free_violations, "import qgis.utils"),
        (gui_free_violations, "from qgis.utils import iface"),
        (gui_free_violations, "from qgis.PyQt.QtWidgets import QWidget"),
        (gui_free_violations, "def f(iface):\n    return 1"),
        (direct_pyqt_violations, "from PyQt5.QtCore import QObject"),
        (direct_pyqt_violations, "import PyQt6.QtWidgets"),
        (qt_free_violations, "from qgis.PyQt.QtCore import QTranslator"),
        (qt_free_violations, "import qgis.core"),
        (qt_free_violations, "from PyQt5 import QtCore"),
        (exec_underscore_violations, "dialog.exec" + "_()"),  # in two parts, for plain greps
        (processing_import_violations, "from processing.core.Processing import Processing"),
        (processing_import_violations, "import processing"),
        (ui_connection_violations, UI_WITH_A_CONNECTION),
        (long_module_violations, "x = 1\n" * (MAX_MODULE_LINES + 1)),
    ],
)
def test_rules_catch_bad_code(rule, bad):
    assert rule(bad) != []


@pytest.mark.parametrize(
    ("rule", "good"),
    [
        (gui_free_violations, "from qgis.core import QgsVectorLayer\nfrom qgis.PyQt.QtCore import QVariant"),
        (direct_pyqt_violations, "from qgis.PyQt.QtCore import QObject"),
        (qt_free_violations, "import numpy as np\nfrom ..i18n import tr"),
        (exec_underscore_violations, "dialog.exec()"),
        (processing_import_violations, "from qgis.core import QgsProcessingAlgorithm"),
        (ui_connection_violations, "<ui><class>F</class><widget class='QWidget' name='F'/><connections/></ui>"),
        (long_module_violations, "x = 1\n" * MAX_MODULE_LINES),
    ],
)
def test_rules_pass_good_code(rule, good):
    assert rule(good) == []


def test_the_file_walk_sees_the_plugin():
    names = {p.relative_to(ROOT).as_posix() for p in python_files(plugin_only=True)}
    assert {"plugin.py", "__init__.py", "core/log.py", "algorithms/provider.py"} <= names
    assert not any(n.startswith("tests/") for n in names)


def test_core_is_gui_free():
    core_files = [p for p in python_files() if p.relative_to(ROOT).parts[0] == "core"]
    assert core_files
    problems = {str(p.relative_to(ROOT)): v for p in core_files if (v := gui_free_violations(p.read_text("utf-8")))}
    assert problems == {}


def test_core_analysis_imports_no_qt():
    analysis_files = [p for p in python_files() if p.relative_to(ROOT).parts[:3] == ("core", "domain", "analysis")]
    assert len(analysis_files) > 5
    problems = {str(p.relative_to(ROOT)): v for p in analysis_files if (v := qt_free_violations(p.read_text("utf-8")))}
    assert problems == {}


@pytest.mark.parametrize("rule", [direct_pyqt_violations, exec_underscore_violations], ids=lambda r: r.__name__)
def test_all_code(rule):
    problems = {str(p.relative_to(ROOT)): v for p in python_files() if (v := rule(p.read_text("utf-8")))}
    assert problems == {}


def test_plugin_code_uses_no_internal_processing_modules():
    problems = {
        str(p.relative_to(ROOT)): v
        for p in python_files(plugin_only=True)
        if (v := processing_import_violations(p.read_text("utf-8")))
    }
    assert problems == {}


def test_no_package_named_processing(tmp_path):
    (tmp_path / "processing").mkdir()
    assert processing_package_violations(tmp_path) == ["processing"]
    assert processing_package_violations(ROOT) == []


def test_algorithms_create_fresh_instances_of_their_own_type():
    from qgis.core import QgsProcessingAlgorithm

    from lagesbild.algorithms.provider import ALGORITHM_CLASSES, LagesbildProvider

    provider = LagesbildProvider()
    provider.refreshAlgorithms()  # calls loadAlgorithms(), as the registry does
    algorithms = provider.algorithms()
    assert len(algorithms) == len(ALGORITHM_CLASSES) >= 2
    for algorithm in algorithms:
        instance = algorithm.createInstance()
        assert type(instance) is type(algorithm), algorithm.id()
        assert instance is not algorithm
        assert isinstance(instance, QgsProcessingAlgorithm)
        assert algorithm.id() == f"lagesbild:{algorithm.name()}"


def test_every_algorithm_module_is_registered():
    from qgis.core import QgsProcessingAlgorithm

    from lagesbild.algorithms.provider import ALGORITHM_CLASSES

    registered = {cls.__module__.rsplit(".", 1)[-1] for cls in ALGORITHM_CLASSES}
    modules = set()
    for path in sorted((ROOT / "algorithms").glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        # a concrete algorithm names itself and processes; a shared base class does neither
        defines_algorithm = any(
            isinstance(node, ast.ClassDef)
            and {"name", "processAlgorithm"} <= {f.name for f in node.body if isinstance(f, ast.FunctionDef)}
            for node in tree.body
        )
        if defines_algorithm:
            modules.add(path.stem)
    assert modules and modules <= registered
    assert all(issubclass(cls, QgsProcessingAlgorithm) for cls in ALGORITHM_CLASSES)


def test_ui_files_connect_no_signals():
    ui_files = sorted((ROOT / "resources" / "ui").glob("*.ui"))
    assert ui_files
    problems = {p.name: v for p in ui_files if (v := ui_connection_violations(p.read_text("utf-8")))}
    assert problems == {}


@pytest.mark.parametrize(
    ("module", "bad"),
    [
        ("core.domain.schema", "from ...ui import situation_dock"),
        ("core.store.writes", "from ..presentation.styling import incident_renderer"),
        ("core.domain.analysis.grid", "from ...store import Store"),
        ("core.i18n", "from .domain import codelist"),
        ("core.presentation.report", "from lagesbild.algorithms.inputs import store_of"),
        ("algorithms.hotspots", "from ..ui import incident_form"),
        ("ui.situation_dock", "from .. import algorithms"),
    ],
)
def test_the_layer_rule_catches_imports_upwards(module, bad):
    assert layer_violations(module, bad) != []


@pytest.mark.parametrize(
    ("module", "good"),
    [
        ("core.presentation.report", "from ..store import Store\nfrom ..domain import codelist\nfrom ..i18n import tr"),
        ("core.store.writes", "from ..domain import schema\nfrom .errors import StoreError"),
        ("ui.situation_dock", "from ..core.presentation import situation\nfrom .dock_base import LagesbildDock"),
        ("plugin", "from .ui import DOCKS\nfrom .algorithms.provider import LagesbildProvider"),
    ],
)
def test_the_layer_rule_lets_imports_go_down(module, good):
    assert layer_violations(module, good) == []


def test_every_import_goes_down_the_layers():
    """core/ shows its layers as sub-packages (domain, store, presentation) and
    no import goes upwards, relative imports included."""
    for layer in ("domain", "store", "presentation"):
        assert (ROOT / "core" / layer / "__init__.py").is_file()
    problems = {}
    for path in python_files(plugin_only=True):
        relative = path.relative_to(ROOT).with_suffix("")
        is_package = relative.name == "__init__"
        module = ".".join(relative.parts[:-1] if is_package else relative.parts)
        if violations := layer_violations(module or "plugin", path.read_text("utf-8"), is_package):
            problems[str(path.relative_to(ROOT))] = violations
    assert problems == {}


def test_no_module_is_long():
    """No module grows past what one person reads in one sitting: one that does
    is doing several jobs."""
    problems = {str(p.relative_to(ROOT)): v for p in python_files(plugin_only=True)
                if (v := long_module_violations(p.read_text("utf-8")))}
    assert problems == {}


def test_ui_modules_are_short():
    """ui/ stays thin: no module there grows past what one person reads in one sitting."""
    ui_modules = [p for p in python_files() if p.relative_to(ROOT).parts[0] == "ui"]
    assert ui_modules
    problems = {str(p.relative_to(ROOT)): v for p in ui_modules if (v := long_module_violations(p.read_text("utf-8")))}
    assert problems == {}
