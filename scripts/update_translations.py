#!/usr/bin/env python3
"""Keep resources/i18n/lagesbild_sv.ts in step with the tr() calls in the code.

Finds every ``tr("literal")``, ``tr("literal", "Context")`` and
``self.tr("literal")`` in the plugin's Python files (not tests/, scripts/,
bench/ or virtual environments), and every translatable ``<string>`` of its
Qt Designer files (``*.ui``, in the context of the form's ``<class>``, as
their ``retranslateUi`` asks for it), then updates the Qt TS file: existing
translations are kept, new sources are added as unfinished, and sources no
longer in the code are marked obsolete.

    scripts/update_translations.py           update the .ts file
    scripts/update_translations.py --check   exit 1 if a source is missing from
                                             the .ts or has no finished translation
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_PATH = ROOT / "resources" / "i18n" / "lagesbild_sv.ts"
LANGUAGE = "sv_SE"
DEFAULT_CONTEXT = "Lagesbild"
EXCLUDED_DIRS = {"tests", "scripts", "bench", "build", "dist", "demo-output", "__pycache__"}


@dataclass
class Extracted:
    # (context, source) -> files (relative to the repository root) that use it
    messages: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def plugin_files(root: Path = ROOT) -> list[Path]:
    files = []
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.ui")]):
        parts = path.relative_to(root).parts[:-1]
        if any(part in EXCLUDED_DIRS or part.startswith(".") for part in parts):
            continue
        files.append(path)
    return files


def _is_tr_call(node: ast.Call) -> bool:
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "tr") or (isinstance(func, ast.Attribute) and func.attr == "tr")


def _tr_calls(tree: ast.AST) -> list[ast.Call]:
    """tr() calls, except inside a function itself named ``tr``: such a
    wrapper (an algorithm's ``def tr(self, message)``) only forwards."""
    calls = []

    def visit(node: ast.AST, inside_tr: bool) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inside_tr = inside_tr or node.name == "tr"
        if isinstance(node, ast.Call) and _is_tr_call(node) and not inside_tr:
            calls.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child, inside_tr)

    visit(tree, False)
    return calls


def _string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _extract_ui(path: Path, relative: str, result: Extracted) -> None:
    """The strings a .ui file's retranslateUi translates: every non-empty
    ``<string>`` not marked ``notr="true"``, in the context of its ``<class>``."""
    ui = ET.parse(path).getroot()
    context = (ui.findtext("class") or "").strip()
    if not context:
        result.problems.append(f"{relative}: a .ui file needs a <class>, the context of its strings")
        return
    for string in ui.iter("string"):
        if string.get("notr") == "true" or not (string.text or "").strip():
            continue
        if string.get("comment") or string.get("extracomment"):
            result.problems.append(f"{relative}: {string.text!r} has a comment: this extractor keeps none")
            continue
        result.messages.setdefault((context, string.text), set()).add(relative)


def extract(files: list[Path], root: Path = ROOT) -> Extracted:
    result = Extracted()
    for path in files:
        relative = path.relative_to(root).as_posix()
        if path.suffix == ".ui":
            _extract_ui(path, relative, result)
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
        for node in _tr_calls(tree):
            source = _string(node.args[0]) if node.args else None
            if source is None:
                result.problems.append(
                    f"{relative}:{node.lineno}: tr() needs a plain string literal as its first argument"
                )
                continue
            context_node = node.args[1] if len(node.args) > 1 else None
            for keyword in node.keywords:
                if keyword.arg == "context":
                    context_node = keyword.value
            context = DEFAULT_CONTEXT
            if context_node is not None:
                context = _string(context_node)
                if context is None:
                    result.problems.append(
                        f"{relative}:{node.lineno}: tr() needs a plain string literal as its context"
                    )
                    continue
            result.messages.setdefault((context, source), set()).add(relative)
    return result


def read_ts(path: Path) -> ET.Element:
    if path.exists():
        return ET.parse(path).getroot()
    return ET.Element("TS", {"version": "2.1", "language": LANGUAGE})


def _translation(message: ET.Element) -> ET.Element:
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    return translation


def is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is not None and translation.get("type") is None and bool((translation.text or "").strip())


def update(ts: ET.Element, extracted: Extracted, ts_path: Path = TS_PATH) -> None:
    """Bring ``ts`` in step with ``extracted`` (in place)."""
    contexts = {c.findtext("name"): c for c in ts.findall("context")}
    seen = set()
    for context_element in ts.findall("context"):
        context = context_element.findtext("name")
        for message in context_element.findall("message"):
            key = (context, message.findtext("source"))
            seen.add(key)
            translation = _translation(message)
            for location in message.findall("location"):
                message.remove(location)
            if key in extracted.messages:
                if translation.get("type") == "obsolete":
                    # back in the code: a translation is finished only if it has text
                    del translation.attrib["type"]
                    if not (translation.text or "").strip():
                        translation.set("type", "unfinished")
                _add_locations(message, extracted.messages[key], ts_path)
            else:
                translation.set("type", "obsolete")
    for (context, source), files in sorted(extracted.messages.items()):
        if (context, source) in seen:
            continue
        context_element = contexts.get(context)
        if context_element is None:
            context_element = ET.SubElement(ts, "context")
            ET.SubElement(context_element, "name").text = context
            contexts[context] = context_element
        message = ET.SubElement(context_element, "message")
        _add_locations(message, files, ts_path)
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", {"type": "unfinished"})


def _add_locations(message: ET.Element, files: set[str], ts_path: Path) -> None:
    # file names only, no line numbers, so that editing code does not churn the .ts
    prefix = "../" * (len(ts_path.relative_to(ROOT).parts) - 1) if ts_path.is_relative_to(ROOT) else ""
    for index, name in enumerate(sorted(files)):
        location = ET.Element("location", {"filename": prefix + name})
        message.insert(index, location)


def write_ts(ts: ET.Element, path: Path) -> None:
    ET.indent(ts, space="    ")
    body = ET.tostring(ts, encoding="unicode")
    # Qt Linguist writes empty translations as an open and a close tag
    body = re.sub(r"<translation([^>]*?) />", r"<translation\1></translation>", body)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def check(ts: ET.Element, extracted: Extracted) -> list[str]:
    """Problems that keep the Swedish translation from being complete."""
    messages = {
        (c.findtext("name"), m.findtext("source")): m for c in ts.findall("context") for m in c.findall("message")
    }
    problems = list(extracted.problems)
    for key, files in sorted(extracted.messages.items()):
        context, source = key
        where = ", ".join(sorted(files))
        if key not in messages:
            problems.append(f"missing from the .ts: [{context}] {source!r} ({where})")
        elif not is_finished(messages[key]):
            problems.append(f"no finished translation: [{context}] {source!r} ({where})")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    parser.add_argument("--ts", type=Path, default=TS_PATH, help="the .ts file (default: %(default)s)")
    args = parser.parse_args(argv)

    extracted = extract(plugin_files())
    ts = read_ts(args.ts)
    if args.check:
        problems = check(ts, extracted)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} translation problem(s) in {args.ts}", file=sys.stderr)
            return 1
        print(f"{len(extracted.messages)} sources, all translated in {args.ts.name}")
        return 0
    update(ts, extracted, args.ts.resolve())
    write_ts(ts, args.ts)
    for problem in extracted.problems:
        print(problem)
    unfinished = check(ts, extracted)
    print(f"{args.ts}: {len(extracted.messages)} sources, {len(unfinished)} without a finished translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
