"""Guard against PySide6 6.12.0's ``none_dealloc`` bug on Python 3.11 (we pin PySide6 < 6.12 there).

That release dropped a reference to ``None`` on every Qt call returning nothing, so a long
session crashed once ``None``'s refcount reached zero. Many thousand such calls must leave the
process alive and ``None``'s refcount where it was.
"""
from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtWidgets import QGraphicsRectItem, QLabel  # noqa: E402

CALLS = 20_000


def test_void_qt_calls_keep_none_alive(qtbot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    item = QGraphicsRectItem(0, 0, 10, 10)
    point = QPointF()
    before = sys.getrefcount(None)
    for i in range(CALLS):
        label.setToolTip("tip")          # returns None
        point.setX(float(i))             # returns None
        item.setPos(float(i), 1.0)       # returns None
    after = sys.getrefcount(None)
    assert after > 0
    assert after >= before - 1000, f"None lost {before - after} references in {3 * CALLS} Qt calls"
    assert point.x() == CALLS - 1
