"""A searching computer player: flat Monte Carlo over a pruned set of candidate actions.

:class:`SearchBot` has the same interface as :class:`wargame.bots.Bot` (``choose(game) -> Action``).
For each decision with more than one sensible option it

1. builds a short list of candidates: the simple bot's own choice first, then the alternatives
   that matter at this point (answer the oldest proposal either way, every crisis response,
   ending the phase, the seat's plan options and a few other legal catalogue actions drawn
   with the bot's seeded generator);
2. evaluates each candidate by ``rollouts`` playouts: clone the game, apply the candidate, let
   simple bots (seeded per playout) play every seat to the end of the quarter (``depth=1``) or
   ``depth`` quarter boundaries later, and read the seat's score;
3. picks the best mean (ties go to the earlier candidate, so the simple bot's choice wins ties).

Fairness: a playout never sees the game's own future dice. The clone's random generator is
re-seeded from the bot's seed for every playout, and the playout bots use seeds of their own,
so the search samples possible futures rather than reading the real one. It searches on its seat's
information state (:func:`wargame.rules.seat_view.information_game`): other seats' secret deals,
private budgets and crisis responses are not in the positions it plays out, and its random
numbers are keyed on what the seat can see. Every candidate is still checked against the real
game, as any move a player makes is. The same playout seeds are used for
every candidate (common random numbers), which makes the comparison between candidates much less
noisy for the same cost.

Deterministic: the choice depends only on the position, the seed and the parameters.
"""
from __future__ import annotations

import random
from typing import Iterable

from wargame import actions as A
from wargame import rng
from wargame.actions import Action, make_terms
from wargame.bots import PLANS, STYLES, Bot
from wargame.rules.game import Game
from wargame.rules.seat_view import information_game
from wargame.types import RESPONSES, SEAT_NAMES, SEATS

_MASK = (1 << 64) - 1


def mix(*values: int) -> int:
    """A 63-bit seed derived from integers (splitmix64 steps): stable across runs and machines."""
    h = 0x9E3779B97F4A7C15
    for v in values:
        h = (h ^ (v & _MASK)) & _MASK
        h = (h + 0x9E3779B97F4A7C15) & _MASK
        z = h
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        h = z ^ (z >> 31)
    return h >> 1


SKIP_KINDS = frozenset(("undo", "withdraw", "counter"))
"""Catalogue kinds the search never explores on its own (the simple bot may still pick them)."""


class SearchBot:
    """A computer player that searches: flat Monte Carlo with simple-bot playouts.

    ``rollouts``: playouts per candidate; ``depth``: quarter boundaries each playout runs to (1 =
    end of the current quarter); ``top_k``: most candidates evaluated per decision; ``explore``:
    extra legal catalogue actions drawn at random into the candidate list; ``style``: the style
    of the simple bot that proposes the first candidate and plays this seat in playouts;
    ``playout_style``: the style assumed for the other seats in playouts.
    """

    def __init__(self, seat: str, seed: int = 0, rollouts: int = 2, depth: int = 1, *,
                 top_k: int = 3, explore: int = 1, style: str = "balanced",
                 playout_style: str = "balanced") -> None:
        if seat not in SEATS:
            raise ValueError(f"unknown seat {seat!r}")
        if style not in STYLES or playout_style not in STYLES:
            raise ValueError(f"unknown style; styles are {', '.join(STYLES)}")
        if rollouts < 1 or depth < 1 or top_k < 1 or explore < 0:
            raise ValueError("rollouts, depth and top_k must be at least 1, explore at least 0")
        self.seat = seat
        self.seed = seed
        self.rollouts = rollouts
        self.depth = depth
        self.top_k = top_k
        self.explore = explore
        self.style = style
        self.playout_style = playout_style
        self.simple = Bot(seat, seed, style)
        self.searched = 0
        """Number of decisions that needed a search (for benchmarks)."""
        self.playouts = 0
        """Number of playouts run so far (for benchmarks)."""

    # ------------------------------------------------------------------ public
    def choose(self, g: Game) -> Action:
        """The bot's next action; the seat must be among ``g.acting_seats()``."""
        if self.seat not in g.acting_seats():
            raise ValueError(f"{self.seat} is not acting now")
        seen = information_game(g, self.seat)
        if seen is not g:
            _assume_scenario_books(seen, self.seat)
        options = [a for a in self.candidates(seen) if seen is g or g.check(a) is None]
        if len(options) <= 1:
            return options[0] if options else self.simple.choose(g)
        self.searched += 1
        best, best_value = options[0], float("-inf")
        values: dict[Action, float] = {}
        for action in options:
            value = values[action] = self.evaluate(seen, action)
            if value > best_value + 1e-9:
                best, best_value = action, value
        if isinstance(best, A.Reject):
            return _explained(best, values)
        return best

    def evaluate(self, g: Game, action: Action) -> float:
        """Mean score of this seat over the playouts after ``action``."""
        key = self._key(g)
        stop = g.turn + self.depth
        total = 0.0
        for r in range(self.rollouts):
            sim = g.clone()
            sim.state.rng = rng.seed_state(mix(key, r, 1))
            sim.apply(action)
            bots = {s: Bot(s, mix(key, r, 2 + i), self.style if s == self.seat else self.playout_style)
                    for i, s in enumerate(SEATS)}
            _playout(sim, bots, stop)
            total += sim.score(self.seat).total
            self.playouts += 1
        return total / self.rollouts

    def candidates(self, g: Game) -> list[Action]:
        """The pruned candidate list, the simple bot's choice first; every one is legal."""
        seat = self.seat
        first = self.simple.choose(g)
        out: list[Action] = [first]

        def add(items: Iterable[Action]) -> None:
            for action in items:
                if len(out) >= self.top_k:
                    return
                if action not in out and g.check(action) is None:
                    out.append(action)

        if g.phase == "crisis":
            crisis = g.state.crisis
            assert crisis is not None
            add(A.Respond(seat, crisis.id, level) for level in RESPONSES)
            return out
        inbox = g.open_proposals(seat)
        if inbox:
            prop = inbox[0]
            reject = first if isinstance(first, A.Reject) else A.Reject(seat, prop.id)
            add((A.Accept(seat, prop.id), reject))
            return out
        add((A.EndPhase(seat),))
        if g.state.seats[seat].pc <= 0:
            return out
        rnd = random.Random(mix(self._key(g), 99))
        plan = [a for a in PLANS[seat](self.simple, g, rnd) if self._fresh(g, a)]
        add(plan[: max(0, self.top_k - len(out) - self.explore)])
        if self.explore:
            pool = [a for a in g.legal_actions(seat)
                    if a.kind not in SKIP_KINDS and a not in out and self._fresh(g, a)]
            rnd.shuffle(pool)
            add(pool[: self.explore])
        return out

    # ------------------------------------------------------------------ helpers
    def _key(self, g: Game) -> int:
        """The decision's random key, from what the seat can see (its information state's turn,
        phase, highest visible id and own political capital), never from hidden counters."""
        st = g.state
        return mix(self.seed, SEATS.index(self.seat), st.turn, sum(map(ord, st.phase)), st.counter,
                   st.seats[self.seat].pc)

    def _fresh(self, g: Game, action: Action) -> bool:
        """Skip a proposal this seat already tabled this turn or last (as the simple bot does)."""
        if not isinstance(action, A.Propose):
            return True
        key = (action.deal, tuple(action.to), action.terms)
        for p in g.state.proposals.values():
            if p.sender == self.seat and p.turn >= g.state.turn - 1 and \
                    (p.deal, tuple(p.to), make_terms(p.terms)) == key:
                return False
        return True


def _assume_scenario_books(seen: Game, seat: str) -> None:
    """Give the other seats of an information state their scenario's opening books (budget,
    reserves, debt, political capital) in place of the neutral zeros: a public prior, so the
    playouts' other players can still pay for deals, as the real ones could."""
    for other, book in seen.state.seats.items():
        if other == seat:
            continue
        spec = seen.scenario.seats[other]
        book.budget, book.reserves, book.debt = spec.budget, spec.reserves, spec.debt
        book.pc = spec.political_capital


def _explained(reject: A.Reject, values: dict[Action, float]) -> A.Reject:
    """The rejection with the look-ahead's reason: what accepting and refusing scored."""
    accept = next((v for a, v in values.items() if isinstance(a, A.Accept) and a.proposal == reject.proposal), None)
    if accept is None:
        return reject
    ahead = (f"looking ahead, refusing scores {values[reject]:.1f} for {SEAT_NAMES[reject.seat]} "
             f"against {accept:.1f} for accepting")
    reason = f"{reject.reason}; {ahead}" if reject.reason else ahead
    return A.Reject(reject.seat, reject.proposal, reason[:300])


def _playout(g: Game, bots: dict[str, Bot], stop_turn: int) -> None:
    """Simple bots play every seat until the game ends or turn ``stop_turn`` begins."""
    while not g.over and g.turn < stop_turn:
        acting = g.acting_seats()
        if not acting:  # a held phase waits for the facilitator: nothing more to simulate
            return
        g.apply(bots[acting[0]].choose(g))


def make_search_bot(seat: str, seed: int, **params: int | str) -> SearchBot:
    """A :class:`SearchBot` with the given parameters (for worker processes)."""
    return SearchBot(seat, seed, **params)  # type: ignore[arg-type]
