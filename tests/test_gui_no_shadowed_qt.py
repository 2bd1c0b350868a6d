"""No window or widget of the app hides a Qt virtual method behind an attribute (issue 15).

The compare window kept its metric picker in ``self.metric``: that shadows ``QWidget.metric()``,
the virtual Qt calls for a paint device's size and resolution, so once the window was shown Qt's
calls failed with "'QComboBox' object is not callable" in the event loop, and later tests that
painted (the scoreboard's layout test) failed with it. This scan finds every ``self.<name> =``
in ui/ whose class derives from a Qt class that has a method of that name.
"""
from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

from PySide6.QtCore import QObject

ROOT = Path(__file__).resolve().parent.parent


def _assigned(cls_node: ast.ClassDef) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(cls_node):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                for el in (t.elts if isinstance(t, ast.Tuple) else [t]):
                    if isinstance(el, ast.Attribute) and isinstance(el.value, ast.Name) and el.value.id == "self":
                        names.add(el.attr)
    return names


def test_no_attribute_shadows_a_qt_method():
    clashes = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        module_name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = [n for n in tree.body if isinstance(n, ast.ClassDef)]
        if not classes:
            continue
        module = importlib.import_module(module_name)
        for node in classes:
            cls = getattr(module, node.name, None)
            if not (inspect.isclass(cls) and issubclass(cls, QObject)):
                continue
            qt_bases = [b for b in cls.__mro__ if b.__module__.startswith("PySide6")]
            for name in _assigned(node):
                if any(callable(b.__dict__.get(name)) for b in qt_bases):
                    clashes.append(f"{module_name}.{node.name}.{name}")
    assert not clashes, f"attributes that hide Qt methods: {clashes}"
