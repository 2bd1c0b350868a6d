"""The decisions that moved a seat's score most, for the end-of-game debrief.

:func:`top_decisions` replays a finished (or running) game and, at each decision the seat took,
plays the rest of the game out both ways from that point: with the decision as taken and with
the obvious alternative (accept ↔ reject, another crisis response, or not taking the move and
letting the seat's computer player act instead). Both ways use the same playout seeds (paired),
so the difference in the seat's mean final score is the decision's effect, not the luck of later
dice. Computer players play every seat in the playouts.
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from wargame import actions as A
from wargame import rng
from wargame.actions import Action
from wargame.bots import Bot
from wargame.rules.common import name
from wargame.rules.deals import describe_deal
from wargame.rules.game import Game
from wargame.search_bot import mix
from wargame.types import RESPONSES, SEATS

DECISION_KINDS = frozenset({
    "propose", "accept", "reject", "counter", "respond", "invest", "buy_foreign", "declare",
    "show_exercise", "withdraw", "assure", "posture", "hold", "release", "sanction", "lift_sanctions",
})
"""Action kinds that count as decisions (not: ending a phase, undo, facilitator actions)."""


@dataclass(frozen=True)
class Decision:
    """One decision and what it did to the seat's final score (points, mean over paired playouts)."""

    index: int
    turn: int
    quarter: str
    action: Action
    text: str
    alternative: str
    effect: float
    se: float
    playouts: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"index": self.index, "turn": self.turn, "quarter": self.quarter,
                "action": self.action.to_dict(), "text": self.text, "alternative": self.alternative,
                "effect": self.effect, "se": self.se, "playouts": self.playouts}


def decision_text(g: Game, action: Action) -> str:
    """A decision in words, at the position where it is taken."""
    who = name(action.seat)
    if isinstance(action, (A.Accept, A.Reject, A.Counter)):
        prop = g.state.proposals.get(action.proposal)
        verb = {"accept": "accepted", "reject": "rejected", "counter": "countered"}[action.kind]
        if prop is not None:
            what = describe_deal(g, prop.deal, prop.terms, [prop.sender, *prop.to])
            return f"{who} {verb} {what}" if prop.deal == "demand" else f"{who} {verb} {name(prop.sender)}'s proposal: {what}"
    if isinstance(action, A.Propose):
        return f"{who} proposed {describe_deal(g, action.deal, dict(action.terms), [action.seat, *action.to])}"
    if isinstance(action, A.Respond):
        crisis = g.state.crisis
        return f"{who} gave a {action.level} response to {crisis.title if crisis else 'the crisis'}"
    details = ", ".join(f"{v}" for k, v in action.to_dict().items() if k not in ("type", "seat") and v not in ("", ()))
    return f"{who}: {action.label.lower()}" + (f" ({details})" if details else "")


def _alternative(g: Game, action: Action, seed: int) -> tuple[Action | None, str]:
    """The obvious other choice at this point, and its description (None: there is none)."""
    seat = action.seat
    if isinstance(action, A.Accept):
        return A.Reject(seat, action.proposal), "rejecting it"
    if isinstance(action, (A.Reject, A.Counter)):
        alt = A.Accept(seat, action.proposal)
        return (alt, "accepting it") if g.check(alt) is None else (None, "")
    if isinstance(action, A.Respond):
        bot = Bot(seat, seed).choose(g)
        level = bot.level if isinstance(bot, A.Respond) and bot.level != action.level else None
        if level is None:
            i = RESPONSES.index(action.level)
            level = RESPONSES[i - 1] if i > 0 else RESPONSES[1]
        response = A.Respond(seat, action.crisis, level)
        return (response, f"a {level} response") if g.check(response) is None else (None, "")
    bot = Bot(seat, seed).choose(g)
    if bot == action:
        bot = A.EndPhase(seat)
    if g.check(bot) is not None:
        return None, ""
    return bot, "not doing it" if isinstance(bot, A.EndPhase) else f"what the computer would have done ({bot.label.lower()})"


def _playout(g: Game, first: Action, seat: str, seed: int) -> float:
    sim = g.clone()
    sim.state.rng = rng.seed_state(seed)
    sim.apply(first)
    bots = {s: Bot(s, mix(seed, i)) for i, s in enumerate(SEATS)}
    guard = 0
    while not sim.over and guard < 20_000:
        acting = sim.acting_seats()
        if not acting:
            break
        sim.apply(bots[acting[0]].choose(sim))
        guard += 1
    return sim.score(seat).total


def _load(save_or_game: Game | str | Path) -> Game:
    if isinstance(save_or_game, Game):
        return save_or_game
    from wargame.storage import GameRecord
    with GameRecord.open(save_or_game, readonly=True) as rec:
        return rec.load()


def _candidates(actions: list[Action], phases: list[tuple[int, str]], seat: str) -> list[int]:
    """Indices of the seat's decisions that were not undone."""
    out: list[int] = []
    for i, a in enumerate(actions):
        if a.seat != seat:
            continue
        if a.kind == "undo":
            for j in reversed(out):  # the undo takes back the seat's latest move of the phase
                if phases[j] == phases[i]:
                    out.remove(j)
                    break
        elif a.kind in DECISION_KINDS:
            out.append(i)
    return out


def top_decisions(save_or_game: Game | str | Path, seat: str, n: int = 3, *, playouts: int = 3,
                  seed: int = 0, max_decisions: int = 40,
                  progress: Callable[[int, int], None] | None = None) -> list[Decision]:
    """The ``n`` decisions of ``seat`` that moved its final score most (largest |effect| first).

    ``save_or_game``: a :class:`Game` or the path of a save. ``playouts``: paired playouts per
    side of each decision; ``max_decisions``: at most this many of the seat's decisions are
    weighed (the latest ones, when there are more). ``progress(done, total)`` is called after
    each decision. Deterministic in its arguments.
    """
    if seat not in SEATS:
        raise ValueError(f"unknown seat {seat!r}; seats are {', '.join(SEATS)}")
    if playouts < 1:
        raise ValueError("playouts must be at least 1")
    game = _load(save_or_game)
    actions = list(game.actions)
    g = Game(game.scenario, game.seed)
    phases: list[tuple[int, str]] = []
    positions: dict[int, Game] = {}
    for a in actions:  # the phase each action was taken in
        phases.append((g.turn, g.phase))
        g.apply(a)
    wanted = set(_candidates(actions, phases, seat)[-max_decisions:])
    g = Game(game.scenario, game.seed)
    for i, a in enumerate(actions):
        if i in wanted:
            positions[i] = g.clone()
        g.apply(a)
    out: list[Decision] = []
    for done, i in enumerate(sorted(positions)):
        pos = positions[i]
        action = actions[i]
        alt, alt_text = _alternative(pos, action, mix(seed, i, 7))
        if alt is not None:
            diffs = []
            for r in range(playouts):
                s = mix(seed, i, r)
                diffs.append(_playout(pos, action, seat, s) - _playout(pos, alt, seat, s))
            mean = math.fsum(diffs) / playouts
            var = math.fsum((d - mean) ** 2 for d in diffs) / (playouts - 1) if playouts > 1 else 0.0
            out.append(Decision(i, pos.turn, pos.quarter, action, decision_text(pos, action), alt_text,
                                round(mean, 2), round(math.sqrt(var / playouts), 2), playouts))
        if progress is not None:
            progress(done + 1, len(positions))
    out.sort(key=lambda d: (-abs(d.effect), d.index))
    return out[:n]
