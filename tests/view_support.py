"""Shared helpers of the view tests: play a seeded game with the computer players."""
from __future__ import annotations

from typing import Any

from wargame import Game
from wargame.bots import make_bots


def play(g: Game, turns: int, seed: int = 7) -> Game:
    """Let the bots play until ``turns`` quarters are done."""
    bots = make_bots(seed)
    while g.turn <= turns and not g.over:
        g.apply(bots[g.acting_seats()[0]].choose(g))
    return g


def shown_main_window(qtbot: Any, controller: Any, size: tuple[int, int] = (1280, 720),
                      settle_ms: int = 0) -> Any:
    """A paused main window on ``controller``, shown at ``size`` (a classroom screen by default)
    and exposed; ``settle_ms`` waits for the heavy views that load after the first paint."""
    from ui.main_window import MainWindow
    controller.set_paused(True)
    win = MainWindow(controller, restore=False)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    if settle_ms:
        qtbot.wait(settle_ms)
    return win
