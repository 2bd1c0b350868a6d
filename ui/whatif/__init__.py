"""In-app what-if analysis: many seeded continuations played by computer players.

* :class:`~ui.whatif.dialog.WhatIfDialog` — settings, progress and Cancel, charts, JSON export.
* :func:`install_menu` — the main window's "Analysis → What-if analysis…" (Ctrl+Shift+W), added
  with one line from :func:`ui.main_menus.build_menus`.

The runs themselves are :func:`wargame.simulate.simulate` in a worker thread
(:mod:`ui.whatif.runner`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

if TYPE_CHECKING:
    from ui.whatif.dialog import WhatIfDialog

__all__ = ["WhatIfDialog", "action_texts", "install_menu", "menu_title", "open_whatif"]

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


def action_texts() -> dict[str, tuple[str, str]]:
    """The what-if action's menu text and tip, in the app's language now."""
    return {"whatif": (QCoreApplication.translate("WhatIf", "&What-if analysis…"),
                       QCoreApplication.translate("WhatIf", "Play many continuations of this game (or of the "
                                                  "scenario) with computer players and compare the outcomes"))}


def menu_title() -> str:
    """The title of the Analysis menu, in the app's language now."""
    return QCoreApplication.translate("WhatIf", "&Analysis")


def install_menu(win: Any, bar: QMenuBar, acts: dict[str, QAction]) -> QMenu:
    """Add the "Analysis" menu with "What-if analysis…" to ``bar`` (and to ``acts`` as ``whatif``);
    returns the menu. The texts are set here and again by the main window when the language changes."""
    text, tip = action_texts()["whatif"]
    act = QAction(text, win)
    act.setShortcut(QKeySequence(SHORTCUT))
    act.setStatusTip(tip)
    act.setToolTip(tip)
    act.triggered.connect(lambda _=False: open_whatif(win))
    menu = bar.addMenu(menu_title())
    menu.addAction(act)
    acts["whatif"] = act
    return menu
