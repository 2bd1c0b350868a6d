"""Shared helpers of the view tests: play a seeded game with the computer players."""
from __future__ import annotations

import dataclasses
from typing import Any

from wargame import Game
from wargame.bots import make_bots


def play(g: Game, turns: int, seed: int = 7) -> Game:
    """Let the bots play until ``turns`` quarters are done."""
    bots = make_bots(seed)
    while g.turn <= turns and not g.over:
        g.apply(bots[g.acting_seats()[0]].choose(g))
    return g


def play_alike(plain: Game, secret: Game, turns: int, seed: int = 7) -> tuple[Game, Game]:
    """The bots play ``plain`` until ``turns`` quarters are done, and ``secret`` takes the same
    actions: the two games then differ only in ``secret``'s secret, not in anyone's public moves.
    (Bots at the seats that know the secret may rightly play otherwise, and what they do in
    public is then fair evidence to every other seat; a leak test must hold those moves equal.)"""
    bots = make_bots(seed)
    ids: dict[str, str] = {}  # plain's proposal and commitment ids -> secret's (one id sequence)
    while plain.turn <= turns and not plain.over:
        action = bots[plain.acting_seats()[0]].choose(plain)
        known = (set(plain.state.proposals), set(plain.state.commitments),
                 set(secret.state.proposals), set(secret.state.commitments))
        plain.apply(action)
        fields = {f: ids.get(getattr(action, f), getattr(action, f))
                  for f in ("proposal", "commitment") if hasattr(action, f)}
        secret.apply(dataclasses.replace(action, **fields) if fields else action)
        for mine, theirs, before_p, before_s in (
                (plain.state.proposals, secret.state.proposals, known[0], known[2]),
                (plain.state.commitments, secret.state.commitments, known[1], known[3])):
            ids.update(zip([k for k in mine if k not in before_p], [k for k in theirs if k not in before_s]))
    return plain, secret


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
