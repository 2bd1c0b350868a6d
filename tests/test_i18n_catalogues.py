"""The translation catalogues (issue 12): every text of ``i18n/wargame_<code>.ts`` is translated and
keeps what the code fills in or the reader relies on; the shipped ``.qm`` files are compiled from
them; the app switches to Arabic and back from View → Language; ``wargame gui --lang`` chooses the
language of a run."""
from __future__ import annotations

import importlib.util
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui import i18n

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("ar", "tr", "ur")
"""The languages whose catalogue is translated (the list grows with each language)."""
RIGHT_TO_LEFT = {lang.code for lang in i18n.LANGUAGES if lang.right_to_left}


def _tools_i18n():
    spec = importlib.util.spec_from_file_location("tools_i18n", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def messages(code: str) -> list[tuple[str, str, ET.Element]]:
    """``(context, source, translation element)`` of every message of the language's ``.ts``."""
    root = ET.parse(ROOT / "i18n" / f"wargame_{code}.ts").getroot()
    return [(c.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
            for c in root.iter("context") for m in c.iter("message")]


def placeholders(text: str) -> Counter:
    """The ``{name}`` and ``%1``/``%n`` markers the code fills in."""
    return Counter(re.findall(r"\{\w*\}|%(?:\d+|n)", text))


def tags(text: str) -> Counter:
    """The HTML tags (by name, opening and closing apart)."""
    return Counter(m.lower() for m in re.findall(r"</?\s*\w+", text))


def mnemonics(text: str) -> list[str]:
    """The letters marked as keyboard shortcuts with ``&`` (``&&`` and a lone ``& `` are not)."""
    return re.findall(r"(?<!&)&([^&\s])", text)


def fixed_tokens(text: str) -> Counter:
    """What must read the same in every language: keys, file patterns, options, the web address."""
    return Counter(re.findall(r"(?:Ctrl|Shift)\+[\w+]+|\bF\d+\b|\bEsc\b|\bPIN\b|\(\*[^)]*\)|--[\w-]+|;;"
                              r"|\w+\.com\b|\bPDF\b", text))


ENDINGS = {"…": ("…",), ".": (".", "۔"), "?": ("?", "؟"), ":": (":",)}
"""A source's last character and the endings its translation may have (Urdu's full stop, Arabic's question mark)."""


def first_strong_direction(text: str) -> str | None:
    """``"R"`` or ``"L"``: the direction of the first strong character once tags are dropped and
    each placeholder is read as a Latin word (seat names, quarters and paths are Latin)."""
    text = re.sub(r"\{\w*\}", "X", re.sub(r"<[^>]*>", "", text))
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return None


def has_words(text: str) -> bool:
    """Whether a source text has words a reader sees (not only placeholders and punctuation)."""
    return re.search(r"[^\W\d_]{2,}", re.sub(r"<[^>]*>|\{\w*\}", " ", text)) is not None


@pytest.mark.parametrize("code", LANGS)
def test_every_message_is_translated(code: str) -> None:
    found = messages(code)
    assert len(found) > 100
    unfinished = [src for _, src, tr in found if tr is None or tr.get("type") or not (tr.text or "").strip()]
    assert unfinished == []
    copied = [src for _, src, tr in found if has_words(src) and tr.text == src]
    assert copied == [], "left in English"


@pytest.mark.parametrize("code", LANGS)
def test_translations_keep_placeholders_markup_shortcuts_and_endings(code: str) -> None:
    problems = []
    for ctx, src, tr in messages(code):
        text = tr.text or ""
        for what, check in (("placeholders", placeholders), ("HTML tags", tags), ("fixed tokens", fixed_tokens)):
            if check(src) != check(text):
                problems.append(f"{ctx}/{src[:40]!r}: {what} {dict(check(src))} -> {dict(check(text))}")
        if src.count("\n\n") != text.count("\n\n"):
            problems.append(f"{ctx}/{src[:40]!r}: paragraph breaks")
        marks = mnemonics(text)
        if len(mnemonics(src)) != len(marks) or not all(m.isalpha() for m in marks):
            problems.append(f"{ctx}/{src[:40]!r}: shortcut {mnemonics(src)} -> {marks}")
        end = src.rstrip()[-1:]
        if end in ENDINGS and not text.rstrip().endswith(ENDINGS[end]):
            problems.append(f"{ctx}/{src[:40]!r}: ends {text.rstrip()[-1:]!r}, not {end!r}")
    assert problems == []


@pytest.mark.parametrize("code", sorted(RIGHT_TO_LEFT & set(LANGS)))
def test_right_to_left_texts_start_right_to_left(code: str) -> None:
    """A text that starts with a seat, a quarter or a path (Latin) would be laid out left to right
    and read backwards ("2026-Q4 (4/12 الدور)"): such translations start with a right-to-left mark."""
    wrong = [src for _, src, tr in messages(code) if has_words(src) and first_strong_direction(tr.text or "") != "R"]
    assert wrong == []


def _menu_letters() -> dict[str, list[str]]:
    """The shortcut letter of each item of each main-window menu, in the app's language now."""
    from ui import main_menus
    from ui.dialogs.about import action_texts as about
    from ui.replay.hooks import action_texts as replay
    from ui.whatif import action_texts as whatif
    from ui.whatif import menu_title
    texts = {**main_menus.action_texts(), **replay(), **whatif(), **about(),
             **{k: (v, "") for k, v in main_menus.menu_titles().items()}}
    titles = main_menus.menu_titles()
    menus = {
        "bar": [titles[k] for k in ("game", "turn", "view", "help")] + [menu_title()],
        "game": [texts[k][0] for k in ("new", "open", "recent", "save_as", "replay", "replay_this", "compare",
                                       "export_seat", "quit")],
        "turn": [texts[k][0] for k in ("propose", "respond", "undo", "redo", "end_phase", "pause")],
        "view": [texts[k][0] for k in ("map", "network", "fit", "full", "large", "reset", "language")],
        "help": [texts[k][0] for k in ("help", "rulebook", "briefs", "about")],
    }
    letters = {menu: [m.lower() for t in shown for m in mnemonics(t)] for menu, shown in menus.items()}
    assert all(len(letters[m]) == len(menus[m]) for m in menus), menus
    return letters


ISOLATED = re.compile(r"\{quarter\}|\{path\}|--[\w-]+")
"""Latin values that begin with punctuation or digits ("2026-Q4", "/home/...", "--scenarios-dir"):
inside right-to-left text the bidi algorithm moves their first characters ("Q4-2026", "scenarios-dir--")
unless they sit in a left-to-right isolate (U+2066 ... U+2069)."""


@pytest.mark.parametrize("code", sorted(RIGHT_TO_LEFT & set(LANGS)))
def test_right_to_left_texts_isolate_quarters_paths_and_options(code: str) -> None:
    bare = []
    for _, src, tr in messages(code):
        text = tr.text or ""
        if text.count("\u2066") != text.count("\u2069"):
            bare.append((src, "unbalanced isolates"))
        for found in ISOLATED.finditer(text):
            start, end = found.span()
            if text[start - 1:start] != "\u2066" or text[end:end + 1] != "\u2069":
                bare.append((src, found.group()))
    assert bare == []


@pytest.mark.parametrize("code", LANGS)
def test_menus_share_no_more_shortcut_letters_than_in_english(code: str, qapp) -> None:
    """Alt+letter should open one item: a translated menu repeats a letter no more often than the
    English one (English repeats P, R and F)."""
    def repeats(letters: dict[str, list[str]]) -> dict[str, int]:
        return {menu: len(found) - len(set(found)) for menu, found in letters.items()}
    english = repeats(_menu_letters())
    try:
        i18n.install(code, qapp)
        translated = _menu_letters()
    finally:
        i18n.install("en", qapp)
    assert translated["bar"] != _menu_letters()["bar"], "the catalogue was not loaded"
    worse = {menu: translated[menu] for menu, n in repeats(translated).items() if n > english[menu]}
    assert worse == {}


def test_shipped_catalogues_are_compiled_from_the_sources(tmp_path: Path) -> None:
    tools = _tools_i18n()
    fresh = {qm.name: qm.read_bytes() for qm in tools.release(target=tmp_path)}
    shipped = {qm.name: qm.read_bytes() for qm in (ROOT / "ui" / "translations").glob("*.qm")}
    assert set(fresh) >= {f"wargame_{code}.qm" for code in LANGS}
    assert shipped.keys() == fresh.keys()
    stale = [name for name in fresh if fresh[name] != shipped[name]]
    assert stale == [], "run `python tools/i18n.py release`"


def _translation(code: str, context: str, source: str) -> str:
    return next(tr.text for ctx, src, tr in messages(code) if ctx == context and src == source)


def test_view_language_menu_switches_to_arabic_and_back(qtbot, qapp, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path))
    from ui.app import demo_controller
    from ui.main_window import MainWindow
    controller = demo_controller(turns=1)
    controller.set_paused(True)
    before = controller.game.digest()
    win = MainWindow(controller, restore=False)
    qtbot.addWidget(win)
    win.show()
    try:
        assert win.main_menus["game"].title() == "&Game"
        win.menu_actions["language_ar"].trigger()
        qapp.processEvents()  # Qt posts the LanguageChange event
        assert win.main_menus["game"].title() == _translation("ar", "MainMenus", "&Game")
        assert win.main_menus["game"].title() != "&Game"
        assert win.menu_actions["end_phase"].text() == _translation("ar", "MainMenus", "&End phase…")
        assert win.tabs.tabText(0) == _translation("ar", "MainWindow", "Map")
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert win.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert win.menu_actions["language_ar"].isChecked()
        assert i18n.chosen_language() == "ar"
        win.menu_actions["language_en"].trigger()
        qapp.processEvents()
        assert win.main_menus["game"].title() == "&Game"
        assert win.tabs.tabText(0) == "Map"
        assert win.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert i18n.chosen_language() == "en"
    finally:
        i18n.install("en", qapp)
    assert controller.game.digest() == before


def test_gui_lang_renders_the_window_in_that_language(tmp_path, monkeypatch, capsys, qapp) -> None:
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path))
    from wargame.cli import main
    shot = tmp_path / "ar.png"
    try:
        assert main(["gui", "--lang", "ar", "--size", "800x600", "--screenshot", str(shot)]) == 0
        assert i18n.current() == "ar" and i18n.installed_catalogues() >= 1
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        i18n.install("en", qapp)
    assert shot.stat().st_size > 0
    assert i18n.chosen_language() != "ar", "--lang is for one run: the remembered choice stays"


LIVE_APP = r"""
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication
from ui import app as ui_app, i18n
i18n.remember_language("ar")

def report():
    print("language:", i18n.current(), flush=True)
    print("menu:", QCoreApplication.translate("MainMenus", "&Game"), flush=True)
    print("direction:", QApplication.layoutDirection().name, flush=True)
    QApplication.quit()

QTimer.singleShot(0, report)
print("exit status:", ui_app.run(), flush=True)
"""


def test_the_app_starts_in_the_remembered_language(tmp_path) -> None:
    """``ui.app.run`` (the ``wargame`` command) installs the language chosen in an earlier session."""
    import os
    import subprocess
    import sys
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WARGAME_LOG_DIR=str(tmp_path / "log"),
               WARGAME_SETTINGS_DIR=str(tmp_path / "settings"),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-c", LIVE_APP], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert "exit status: 0" in out.stdout, out.stderr[-2000:]
    assert "language: ar" in out.stdout
    assert f"menu: {_translation('ar', 'MainMenus', '&Game')}" in out.stdout
    assert "direction: RightToLeft" in out.stdout


def test_gui_lang_unknown_code_gives_one_clear_line(capsys) -> None:
    from wargame.cli import main
    assert main(["gui", "--lang", "klingon", "--screenshot", "never.png"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown language 'klingon'" in err and "ar (العربية)" in err
    assert "Traceback" not in err
    assert not Path("never.png").exists()


def test_the_catalogues_are_packaged() -> None:
    """The wheel ships the compiled catalogues the app loads; the sdist also carries their sources."""
    import tomllib
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "translations/*.qm" in conf["tool"]["setuptools"]["package-data"]["ui"]
    assert i18n.CATALOGUE_DIR == ROOT / "ui" / "translations"
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8").splitlines()
    assert {"recursive-include ui/translations *.qm", "recursive-include i18n *.ts"} <= set(manifest)
