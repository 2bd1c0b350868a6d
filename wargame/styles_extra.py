"""Scripted variants of the computer players, for experiments (``bench/model.py``, balance tests).

:class:`ScriptedBot` is the ordinary :class:`wargame.bots.Bot` of a style with two changes an
experiment may ask for:

* a fixed crisis rule for the seats it is obliged to help: ``"defect"`` (always sends nothing),
  ``"honour"`` (always sends what is required, as far as the rules allow) or ``"bot"`` (the
  style's own choice); as the target of a crisis it answers as the style would;
* a set of *closed channels*: deal kinds and action kinds (e.g. ``"layer"``, ``"loan"``,
  ``"show_exercise"``) it neither takes nor accepts, so one can measure what a channel does by
  playing the same seeds with and without it.
"""
from __future__ import annotations

from typing import Iterable

from wargame import actions as A
from wargame.actions import Action
from wargame.bots import Bot
from wargame.rules.game import Game
from wargame.state import Proposal
from wargame.types import RESPONSES, SEAT_NAMES

CRISIS_RULES = ("bot", "defect", "honour")
"""How a scripted bot answers a crisis obligation: as its style would, never, or always."""

CHANNELS: dict[str, tuple[str, ...]] = {
    "layers": ("layer", "show_exercise"),
    "finance": ("loan", "deposit", "grant", "convert", "export_credit"),
    "industry": ("coproduction", "arms_sale"),
    "signals": ("declare", "show_exercise"),
    "accession": ("accession",),
}
"""Named channels an experiment can close: the deal kinds and action kinds each one covers."""


def action_key(action: Action) -> str:
    """The kind an action is closed by: the deal of a proposal, else the action's kind."""
    return action.deal if isinstance(action, A.Propose) else action.kind


class ScriptedBot(Bot):
    """A bot of a style with a fixed crisis rule and closed channels (see the module's text)."""

    def __init__(self, seat: str, seed: int = 0, style: str = "balanced", crisis: str = "bot",
                 closed: Iterable[str] = ()) -> None:
        super().__init__(seat, seed, style)
        if crisis not in CRISIS_RULES:
            raise ValueError(f"unknown crisis rule {crisis!r}; rules are {', '.join(CRISIS_RULES)}")
        self.crisis_rule = crisis
        self.closed = frozenset(closed)

    def choose(self, g: Game) -> Action:
        """As the style's bot, but with the fixed crisis rule and without the closed channels."""
        crisis = g.state.crisis
        if g.phase == "crisis" and crisis is not None and crisis.target != self.seat \
                and self.crisis_rule != "bot":
            required = crisis.obligations.get(self.seat, 0) if self.crisis_rule == "honour" else 0
            for level in range(required, 0, -1):
                action = A.Respond(self.seat, crisis.id, RESPONSES[level])
                if g.check(action) is None:
                    return action
            return A.Respond(self.seat, crisis.id, "none")
        return super().choose(g)

    def _fresh(self, g: Game, action: Action) -> bool:
        return action_key(action) not in self.closed and super()._fresh(g, action)

    def decide(self, g: Game, prop: Proposal) -> tuple[bool, str]:
        """Refuse a deal of a closed kind; otherwise decide as the style's bot."""
        if prop.deal in self.closed:
            return False, f"{SEAT_NAMES[self.seat]} takes no {prop.deal} deals in this experiment"
        return super().decide(g, prop)
