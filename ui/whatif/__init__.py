"""In-app what-if analysis: many seeded continuations played by computer players.

* :class:`~ui.whatif.dialog.WhatIfDialog` — settings, progress and Cancel, charts, JSON export.
* :func:`install_menu` — the main window's "Analysis → What-if analysis…" (Ctrl+Shift+W), added
  with one line from :func:`ui.main_menus.build_menus`.

The runs themselves are :func:`wargame.simulate.simulate` in a worker thread
(:mod:`ui.whatif.runner`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar

if TYPE_CHECKING:
    from ui.whatif.dialog import WhatIfDialog

__all__ = ["WhatIfDialog", "install_menu", "open_whatif"]

SHORTCUT = "Ctrl+Shift+W"


def __getattr__(name: str) -> Any:
    """``WhatIfDialog`` is imported on first use (pyqtgraph stays out of the app's start-up)."""
    if name == "WhatIfDialog":
        from ui.whatif.dialog import WhatIfDialog
        return WhatIfDialog
    raise AttributeError(name)


def open_whatif(win: Any) -> "WhatIfDialog | None":
    """Open the what-if dialog on a copy of the window's game (or raise the one already open)."""
    from ui.whatif.dialog import WhatIfDialog
    controller = getattr(win, "controller", None)
    if controller is None:
        return None
    handover = getattr(win, "handover", None)
    if handover is not None and handover.isVisible():  # never show anything behind a hand-over
        return None
    dialog = getattr(win, "whatif_dialog", None)
    if isinstance(dialog, WhatIfDialog) and dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()
        return dialog
    styles = {s: controller.styles.get(s, "balanced") for s in controller.styles
              if not controller.is_human(s)}
    dialog = WhatIfDialog(controller.game, win, styles=styles)
    dialog.finished.connect(lambda _code: setattr(win, "whatif_dialog", None))
    dialog.finished.connect(dialog.deleteLater)
    win.whatif_dialog = dialog
    dialog.show()
    return dialog


def install_menu(win: Any, bar: QMenuBar, acts: dict[str, QAction]) -> QAction:
    """Add the "Analysis" menu with "What-if analysis…" to ``bar`` (and to ``acts`` as ``whatif``)."""
    act = QAction("&What-if analysis…", win)
    act.setShortcut(QKeySequence(SHORTCUT))
    tip = ("Play many continuations of this game (or of the scenario) with computer players and "
           "compare the outcomes")
    act.setStatusTip(tip)
    act.setToolTip(tip)
    act.triggered.connect(lambda _=False: open_whatif(win))
    bar.addMenu("&Analysis").addAction(act)
    acts["whatif"] = act
    return act
