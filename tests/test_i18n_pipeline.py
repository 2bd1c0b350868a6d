"""The translation pipeline and language switching (issue 12): lupdate finds ``tr()`` texts,
lrelease compiles them, installing a language translates, formats and mirrors."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from ui import i18n

ROOT = Path(__file__).resolve().parent.parent


def _tools_i18n():
    spec = importlib.util.spec_from_file_location("tools_i18n", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


SAMPLE = '''
from PySide6.QtWidgets import QWidget
from PySide6.QtCore import QCoreApplication

class SampleDialog(QWidget):
    def texts(self):
        return [self.tr("Propose a deal"), QCoreApplication.translate("Scores", "Bluff gap")]
'''


def test_lupdate_and_lrelease_give_a_catalogue_that_translates(tmp_path: Path, qapp) -> None:
    tools = _tools_i18n()
    source = tmp_path / "sample.py"
    source.write_text(SAMPLE, encoding="utf-8")
    ts = tools.update(("ar",), tmp_path / "ts", files=[source])[0]
    text = ts.read_text(encoding="utf-8")
    assert sorted(re.findall(r"<source>(.*?)</source>", text)) == ["Bluff gap", "Propose a deal"]
    text = text.replace('<source>Propose a deal</source>\n        <translation type="unfinished"></translation>',
                        "<source>Propose a deal</source>\n        <translation>اقترح صفقة</translation>")
    text = text.replace('<source>Bluff gap</source>\n        <translation type="unfinished"></translation>',
                        "<source>Bluff gap</source>\n        <translation>فجوة التهويل</translation>")
    assert "type=\"unfinished\"" not in text, "the lupdate output changed shape"
    ts.write_text(text, encoding="utf-8")
    qm = tools.release(ts.parent, tmp_path / "qm")[0]
    assert qm.stat().st_size > 0
    from PySide6.QtCore import QTranslator
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("SampleDialog", "Propose a deal") == "اقترح صفقة"
        assert QCoreApplication.translate("Scores", "Bluff gap") == "فجوة التهويل"
        assert QCoreApplication.translate("Scores", "Crisis") == "Crisis"
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("code, rtl", [("ar", True), ("ur", True), ("tr", False), ("en", False)])
def test_installing_a_language_sets_direction_and_number_format(qapp, code: str, rtl: bool) -> None:
    try:
        lang = i18n.install(code, qapp)
        assert lang.right_to_left is rtl
        want = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        assert qapp.layoutDirection() == want
        assert QLocale().name().split("_")[0] == code
    finally:
        i18n.install("en", qapp)
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert i18n.installed_catalogues() == 0


def test_arabic_numbers_follow_the_locale(qapp) -> None:
    try:
        i18n.install("ar", qapp)
        shown = QLocale().toString(1250)
        assert shown != "1,250" and shown != "1250", shown
    finally:
        i18n.install("en", qapp)


def test_chosen_language_is_remembered_and_a_bad_setting_falls_back(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path))
    i18n.remember_language("tr")
    assert i18n.chosen_language() == "tr"
    from ui import settings
    settings.settings().setValue(i18n.SETTING, "klingon")
    assert i18n.chosen_language() == i18n.system_language()
    with pytest.raises(ValueError, match="ar \\(العربية\\)"):
        i18n.remember_language("xx")


def test_system_language_maps_locales() -> None:
    assert i18n.system_language(QLocale("ar_SA")) == "ar"
    assert i18n.system_language(QLocale("tr_TR")) == "tr"
    assert i18n.system_language(QLocale("fr_FR")) == "en"
