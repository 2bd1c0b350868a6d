"""Every user-visible text of the translated screens goes through Qt's translation (issue 12).

Two checks over the files listed in :data:`TRANSLATED`:

* a scan of the calls that put text on screen (``setText``, ``QLabel``, ``QAction``, ``addMenu``,
  ``setToolTip``...) finds no string literal or f-string with words in it that is not wrapped in
  ``translate()``/``tr()``;
* lupdate extracts exactly the texts that the files pass to ``translate()`` and
  ``QT_TRANSLATE_NOOP()`` (a context that is not a literal, or a helper lupdate cannot see,
  would leave a text out of every catalogue).
"""
from __future__ import annotations

import ast
import html
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

TRANSLATED = (
    "ui/main_menus.py", "ui/main_window.py", "ui/status.py", "ui/handover.py", "ui/i18n.py",
    "ui/dialogs/about.py", "ui/replay/hooks.py", "ui/whatif/__init__.py",
)
"""The files whose every user-visible text is translatable (the list grows file by file)."""

SHOWN = frozenset({
    "setText", "setWindowTitle", "setTitle", "setToolTip", "setStatusTip", "setPlaceholderText",
    "setWhatsThis", "setAccessibleName", "setInformativeText", "setDetailedText", "setLabelText",
    "setTabText", "addTab", "insertTab", "addMenu", "addAction", "addItem", "addItems", "addRow",
    "setHeaderLabels", "setHorizontalHeaderLabels", "showMessage", "setHtml", "setPlainText",
    "setIconText", "setPrefix", "setSuffix", "setSpecialValueText", "drawText",
    "QLabel", "QAction", "QMenu", "QToolBar", "QDockWidget", "QPushButton", "QCheckBox",
    "QRadioButton", "QGroupBox", "QMessageBox", "information", "warning", "critical", "question",
    "getOpenFileName", "getSaveFileName", "getExistingDirectory", "getText", "getItem", "getInt",
})
"""Calls whose string arguments are shown to the player."""

TRANSLATING = frozenset({"translate", "tr", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"})


def _name(call: ast.Call) -> str | None:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None


def _words(text: str) -> bool:
    """Whether ``text`` holds words a reader sees (markup, entities, placeholders and shortcuts aside)."""
    text = re.sub(r"<[^>]*>", " ", text)
    text = html.unescape(text)
    return re.search(r"[^\W\d_]{2,}", text) is not None


def _literal_words(node: ast.AST) -> bool:
    """Whether ``node`` is a string literal, an f-string or a concatenation with words in its literal parts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _words(node.value)
    if isinstance(node, ast.JoinedStr):
        return _words("".join(v.value for v in node.values if isinstance(v, ast.Constant)))
    if isinstance(node, ast.BinOp):
        return _literal_words(node.left) or _literal_words(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_words(node.body) or _literal_words(node.orelse)
    return False


def untranslated(source: str) -> list[tuple[int, str]]:
    """``(line, call)`` of every shown text in ``source`` that is a literal not passed through translation."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _name(node) in SHOWN:
            for arg in list(node.args) + [k.value for k in node.keywords]:
                if _literal_words(arg):
                    found.append((node.lineno, f"{_name(node)}({ast.unparse(arg)[:60]})"))
    return found


def marked(source: str) -> set[tuple[str, str]]:
    """``(context, text)`` of every literal that ``source`` marks with ``translate``/``QT_TRANSLATE_NOOP``."""
    out = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _name(node) in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
            ctx, text = node.args[0], node.args[1]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                context = ctx.value if isinstance(ctx, ast.Constant) else "<not a literal>"
                out.add((context, text.value))
    return out


def _tools_i18n():
    spec = importlib.util.spec_from_file_location("tools_i18n", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def extracted(ts: Path) -> set[tuple[str, str]]:
    """``(context, source)`` of every message of a ``.ts`` file."""
    import xml.etree.ElementTree as ET
    root = ET.parse(ts).getroot()
    return {(c.findtext("name") or "", m.findtext("source") or "")
            for c in root.iter("context") for m in c.iter("message")}


def test_the_scan_catches_an_untranslated_text() -> None:
    bad = 'w.setText("Propose a deal")\nQLabel(f"{n} turns left")\nb.setToolTip("<b>" + x)\n'
    good = ('w.setText(translate("X", "Propose a deal"))\nw.setText(f"<b>{name}</b>")\n'
            'w.setText(str(n))\nw.setStyleSheet("color:red")\nQLabel("—")\n')
    assert [line for line, _ in untranslated(bad)] == [1, 2]
    assert untranslated(good) == []


@pytest.mark.parametrize("path", TRANSLATED)
def test_every_shown_text_is_translatable(path: str) -> None:
    assert untranslated((ROOT / path).read_text(encoding="utf-8")) == []


def test_lupdate_extracts_every_marked_text(tmp_path: Path) -> None:
    files = [ROOT / p for p in TRANSLATED]
    want = set().union(*(marked(f.read_text(encoding="utf-8")) for f in files))
    assert not [t for c, t in want if c == "<not a literal>"], "a translate() context must be a literal"
    ts = _tools_i18n().update(("ar",), tmp_path, files=files)[0]
    got = extracted(ts)
    assert len(want) > 100
    assert want - got == set(), "texts lupdate does not see"
    assert got - want == set(), "texts lupdate finds that the scan does not"


def test_the_app_names_every_phase_of_the_engine() -> None:
    from ui import i18n
    from wargame.types import PHASE_NAMES
    assert i18n.PHASES == dict(PHASE_NAMES)
    assert set(i18n.PHASES_IN_SENTENCE) == set(PHASE_NAMES)
    assert i18n.phase_name("diplomacy", lower=True) == "diplomacy"
    assert i18n.phase_name("no-such-phase") == "no-such-phase"
