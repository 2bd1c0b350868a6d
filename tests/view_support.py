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


class Alike:
    """Applies to a second game the actions taken in a first, mapping the proposal, commitment
    and crisis ids the two number differently (one id sequence: a secret deal in one game shifts
    every later id by one)."""

    def __init__(self, first: Game, second: Game) -> None:
        self.first, self.second = first, second
        self.ids: dict[str, str] = {}

    def mapped(self, action: Any) -> Any:
        """``action`` (taken in the first game) with its ids as the second game numbers them."""
        fields = {f: self.ids.get(getattr(action, f), getattr(action, f))
                  for f in ("proposal", "commitment", "crisis") if hasattr(action, f)}
        return dataclasses.replace(action, **fields) if fields else action

    def apply(self, action: Any) -> None:
        """Apply ``action`` to the first game and its mapped form to the second."""
        a, b = self.first.state, self.second.state
        known = (set(a.proposals), set(a.commitments), set(b.proposals), set(b.commitments))
        second = self.mapped(action)
        self.first.apply(action)
        self.second.apply(second)
        for mine, theirs, before_a, before_b in ((a.proposals, b.proposals, known[0], known[2]),
                                                 (a.commitments, b.commitments, known[1], known[3])):
            self.ids.update(zip([k for k in mine if k not in before_a], [k for k in theirs if k not in before_b]))
        if a.crisis is not None and b.crisis is not None:
            self.ids.setdefault(a.crisis.id, b.crisis.id)


def play_alike(plain: Game, secret: Game, turns: int, seed: int = 7) -> tuple[Game, Game]:
    """The bots play ``plain`` until ``turns`` quarters are done, and ``secret`` takes the same
    actions: the two games then differ only in ``secret``'s secret, not in anyone's public moves.
    (Bots at the seats that know the secret may rightly play otherwise, and what they do in
    public is then fair evidence to every other seat; a leak test must hold those moves equal.)"""
    bots = make_bots(seed)
    alike = Alike(plain, secret)
    while plain.turn <= turns and not plain.over:
        alike.apply(bots[plain.acting_seats()[0]].choose(plain))
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
