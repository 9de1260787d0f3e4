"""Every tr() literal in the code has a finished Swedish translation, and the
built .qm translates through a real QTranslator."""

import importlib.util
import sys
import xml.etree.ElementTree as ET

from conftest import I18N_DIR, ROOT
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

ACTION_TIP = "Show which version of Lägesbild is running"
ACTION_TIP_SV = "Visa vilken version av Lägesbild som körs"


def load_updater():
    name = "update_translations"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "update_translations.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def test_every_source_string_has_a_swedish_translation():
    updater = load_updater()
    extracted = updater.extract(updater.plugin_files())
    assert ("Lagesbild", ACTION_TIP) in extracted.messages  # the extractor finds plugin.py's strings
    # and the .ui files' strings, in the context their retranslateUi asks for
    assert extracted.messages[("IncidentFormDock", "Place name")] == {"resources/ui/incident_form.ui"}
    assert not any(source == "yyyy-MM-dd HH:mm" for _, source in extracted.messages)  # notr="true"
    problems = updater.check(updater.read_ts(updater.TS_PATH), extracted)
    assert problems == [], "run scripts/update_translations.py and translate:\n" + "\n".join(problems)


def test_check_exits_1_on_a_missing_translation(tmp_path, capsys):
    updater = load_updater()
    ts = tmp_path / "empty_sv.ts"
    ts.write_text('<?xml version="1.0"?><TS version="2.1" language="sv_SE"></TS>', encoding="utf-8")
    assert updater.main(["--check", "--ts", str(ts)]) == 1
    assert ACTION_TIP in capsys.readouterr().out


def test_update_keeps_adds_and_obsoletes(tmp_path):
    updater = load_updater()
    (tmp_path / "module.py").write_text(
        "from x import tr\n"
        'tr("Kept")\n'
        'tr("New {n}").format(n=1)\n'
        'tr("Elsewhere", "Other")\n'
        'self.tr("Method")\n'
        "tr(variable)\n"
        "class A:\n"
        "    def tr(self, message):\n"
        "        return tr(message)\n",
        encoding="utf-8",
    )
    ts_path = tmp_path / "test_sv.ts"
    ts_path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="sv_SE">'
        "<context><name>Lagesbild</name>"
        "<message><source>Kept</source><translation>Behållen</translation></message>"
        "<message><source>Gone</source><translation>Borta</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    extracted = updater.extract([tmp_path / "module.py"], root=tmp_path)
    assert set(extracted.messages) == {
        ("Lagesbild", "Kept"),
        ("Lagesbild", "New {n}"),
        ("Other", "Elsewhere"),
        ("Lagesbild", "Method"),
    }
    assert len(extracted.problems) == 1 and "module.py:6" in extracted.problems[0]

    ts = updater.read_ts(ts_path)
    updater.update(ts, extracted, ts_path)
    updater.write_ts(ts, ts_path)
    root = ET.parse(ts_path).getroot()
    translations = {
        (c.findtext("name"), m.findtext("source")): m.find("translation")
        for c in root.findall("context")
        for m in c.findall("message")
    }
    assert translations[("Lagesbild", "Kept")].text == "Behållen"
    assert translations[("Lagesbild", "Kept")].get("type") is None
    assert translations[("Lagesbild", "Gone")].get("type") == "obsolete"
    assert translations[("Lagesbild", "Gone")].text == "Borta"
    assert translations[("Lagesbild", "New {n}")].get("type") == "unfinished"
    assert translations[("Other", "Elsewhere")].get("type") == "unfinished"
    assert '<translation type="unfinished"></translation>' in ts_path.read_text(encoding="utf-8")
    problems = updater.check(root, extracted)
    assert len(problems) == 4  # three unfinished, one non-literal call


def test_built_qm_translates(translations_built):
    qm = I18N_DIR / "lagesbild_sv.qm"
    assert qm in translations_built and qm.is_file()
    translator = QTranslator()
    assert translator.load(str(qm))
    assert not translator.isEmpty()
    # QTranslator.translate() takes ASCII in PyQt5: go through the application, as tr() does
    assert QCoreApplication.translate("Lagesbild", ACTION_TIP) == ACTION_TIP
    assert QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Lagesbild", ACTION_TIP) == ACTION_TIP_SV
        running = QCoreApplication.translate("Lagesbild", "Lägesbild {version} is running.")
        assert running.format(version="0.1.0") == "Lägesbild 0.1.0 körs."
    finally:
        QCoreApplication.removeTranslator(translator)


def test_ui_strings_are_extracted_with_their_form_as_context(tmp_path):
    updater = load_updater()
    ui = tmp_path / "form.ui"
    ui.write_text(
        '<?xml version="1.0"?><ui version="4.0"><class>MyForm</class>'
        '<widget class="QWidget" name="MyForm"><property name="windowTitle"><string>Title</string></property>'
        '<widget class="QLabel" name="a"><property name="text"><string>Label</string></property></widget>'
        '<widget class="QLabel" name="b"><property name="text"><string notr="true">%</string></property></widget>'
        '<widget class="QLabel" name="c"><property name="text"><string/></property></widget>'
        "</widget></ui>",
        encoding="utf-8",
    )
    extracted = updater.extract([ui], root=tmp_path)
    assert set(extracted.messages) == {("MyForm", "Title"), ("MyForm", "Label")}
    assert extracted.problems == []
