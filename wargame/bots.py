"""Computer players: one per seat, driven by that seat's motives (article §5), in three styles.

A bot is deterministic given the seed: its random draws are seeded from (seed, seat, number of
actions so far), so a bot picks the same action from the same position even after a reload. It
only ever returns actions the engine accepts (it checks each candidate with ``Game.check``).
"""
from __future__ import annotations

import random
from typing import Callable, Iterator

from wargame import actions as A
from wargame.actions import Action, make_terms
from wargame.rules.game import Game
from wargame.state import Proposal
from wargame.types import CLAUSES, RESPONSES, SEATS

STYLES = ("cautious", "balanced", "opportunist")
"""Computer-player styles: how much risk and money a bot puts behind its seat's motives."""

HONOUR = {"ankara": 0.65, "riyadh": 0.8, "islamabad": 0.7, "washington": 0.75}
"""Base probability that a seat's bot honours a crisis obligation (Leeds et al.: ~75%)."""

STYLE_SHIFT = {"cautious": -0.1, "balanced": 0.0, "opportunist": 0.1}


class Bot:
    """A computer player for one seat."""

    def __init__(self, seat: str, seed: int = 0, style: str = "balanced") -> None:
        if seat not in SEATS:
            raise ValueError(f"unknown seat {seat!r}")
        if style not in STYLES:
            raise ValueError(f"unknown style {style!r}; styles are {', '.join(STYLES)}")
        self.seat = seat
        self.seed = seed
        self.style = style

    def _rng(self, g: Game) -> random.Random:
        return random.Random(self.seed * 1_000_003 + SEATS.index(self.seat) * 7_919
                             + g.state.action_count * 31 + g.state.turn)

    def choose(self, g: Game) -> Action:
        """The bot's next action; the seat must be among ``g.acting_seats()``."""
        rnd = self._rng(g)
        if g.phase == "crisis":
            return self._respond(g, rnd)
        for prop in g.open_proposals(self.seat):
            if self._likes(g, prop, rnd):
                action: Action = A.Accept(self.seat, prop.id)
                if g.check(action) is None:
                    return action
            return A.Reject(self.seat, prop.id)
        s = g.state.seats[self.seat]
        made = sum(1 for d in g.state.phase_actions if d["seat"] == self.seat and d["type"] != "end_phase")
        limit = {"cautious": 1, "balanced": 2, "opportunist": 3}[self.style]
        if s.pc > 0 and made < limit:
            plan = PLANS[self.seat]
            for action in plan(self, g, rnd):
                if self._fresh(g, action) and g.check(action) is None:
                    return action
        return A.EndPhase(self.seat)

    # ------------------------------------------------------------------ crisis
    def _respond(self, g: Game, rnd: random.Random) -> Action:
        crisis = g.state.crisis
        assert crisis is not None
        budget = g.state.seats[self.seat].budget
        if crisis.target == self.seat:
            wanted = "military" if self.style != "cautious" else "material"
        else:
            required = crisis.obligations.get(self.seat, 0)
            p = HONOUR[self.seat] + STYLE_SHIFT[self.style] * (-1 if self.seat == "washington" else 1)
            if crisis.target in g.state.seats[self.seat].declared:
                p += 0.1
            honour = rnd.random() < p
            wanted = RESPONSES[required] if honour else RESPONSES[max(0, required - 1)]
        level = RESPONSES.index(wanted)
        while level > 0:
            action = A.Respond(self.seat, crisis.id, RESPONSES[level])
            if g.check(action) is None and (budget > 600 or level <= 1 or crisis.target == self.seat):
                return action
            level -= 1
        return A.Respond(self.seat, crisis.id, "none")

    # ------------------------------------------------------------------ inbox
    def _likes(self, g: Game, prop: Proposal, rnd: random.Random) -> bool:
        me = self.seat
        t = prop.terms
        s = g.state.seats[me]
        bold = {"cautious": 0.75, "balanced": 1.0, "opportunist": 1.2}[self.style]
        if prop.deal in ("loan", "deposit", "grant"):
            payer = t.get("lender") or t.get("donor")
            if payer != me:
                return True
            reserve = 1500 if me == "riyadh" else 2500
            return s.budget - t["amount"] > reserve / bold and rnd.random() < 0.8 * bold
        if prop.deal == "convert":
            return True
        if prop.deal == "arms_sale":
            if t["seller"] == me:
                return me != "washington" or not g.state.seats[t["buyer"]].sanctioned
            return s.budget > t["value"] // t["turns"] * 2 and rnd.random() < 0.85
        if prop.deal == "accession":
            if me == "islamabad":
                return True
            if me == "riyadh":
                return rnd.random() < {"cautious": 0.35, "balanced": 0.6, "opportunist": 0.85}[self.style]
            if me == "washington":
                return False
            return True
        if prop.deal == "layer":
            return rnd.random() < 0.85 * bold
        if prop.deal == "demand":
            if t["ask"] == "no_foreign_arms":
                return s.sanctioned or rnd.random() < 0.5
            return s.standing < 40 and self.style == "cautious"
        if prop.deal == "premium":
            return t["fee"] <= 250
        if prop.deal == "coproduction":
            return rnd.random() < 0.8 * bold
        if prop.deal in ("port_access", "agreement", "export_credit"):
            return rnd.random() < 0.85
        return False

    def _fresh(self, g: Game, action: Action) -> bool:
        """Skip a proposal the bot already tabled (or had answered) this turn or last."""
        if not isinstance(action, A.Propose):
            return True
        key = (action.deal, tuple(action.to), action.terms)
        for p in g.state.proposals.values():
            if p.sender == self.seat and p.turn >= g.state.turn - 1 and \
                    (p.deal, tuple(p.to), make_terms(p.terms)) == key:
                return False
        return True


def _shuffled(rnd: random.Random, items: list[Action], keep_first: int = 0) -> Iterator[Action]:
    head, tail = items[:keep_first], items[keep_first:]
    rnd.shuffle(tail)
    yield from head
    yield from tail


def _pact_layers(g: Game, seat: str, pact_id: str) -> list[Action]:
    pact = g.state.commitments.get(pact_id)
    if pact is None or pact.status != "active" or seat not in pact.parties:
        return []
    to = tuple(p for p in pact.parties if p != seat)
    return [A.Propose(seat, "layer", to, make_terms(pact=pact_id, layer=layer))
            for layer in ("planning", "exercises", "interop", "command")]


def _riyadh(bot: Bot, g: Game, rnd: random.Random) -> Iterator[Action]:
    me = bot.seat
    st = g.state
    if g.phase == "investment":
        options: list[Action] = [A.Invest(me, "amd", 500), A.Invest(me, "air", 500)]
        smda = st.commitments.get("smda")
        if smda and smda.status == "active" and smda.layers.get("habit", 0) < 0.5:
            options.insert(0, A.ShowExercise(me, "smda"))
        if st.seats[me].budget > 4000:
            yield from _shuffled(rnd, options, 1)
        return
    options = []
    dep = st.commitments.get("saudi_deposit")
    if dep is not None and (dep.status != "active" or dep.terms.get("quarters", 0) >= 3):
        options.append(A.Propose(me, "deposit", ("islamabad",), make_terms(lender=me, borrower="islamabad", amount=3000, rate=4.0, turns=4)))
    loan = st.commitments.get("saudi_loan")
    if loan is not None and loan.status == "active":
        options.append(A.Propose(me, "convert", ("islamabad",), make_terms(loan="saudi_loan", domain="air", turns=4)))
    options += _pact_layers(g, me, "smda")
    options += [
        A.Propose(me, "premium", ("islamabad",), make_terms(buyer=me, provider="islamabad", fee=150)),
        A.Propose(me, "port_access", ("islamabad",), make_terms(host="islamabad", guest=me, site="gwadar", fee=50)),
        A.Propose(me, "coproduction", ("ankara",), make_terms(line="sami_uav", partner="ankara", share=30)),
        A.Propose(me, "agreement", ("ankara",), make_terms(clause="consultation")),
        A.Propose(me, "coproduction", ("islamabad",), make_terms(line="jf17_kamra", partner=me, share=40)),
        A.Declare(me, "islamabad"),
    ]
    yield from _shuffled(rnd, options, 2)


def _islamabad(bot: Bot, g: Game, rnd: random.Random) -> Iterator[Action]:
    me = bot.seat
    st = g.state
    s = st.seats[me]
    if g.phase == "investment":
        if s.budget > 900:
            yield A.Invest(me, "land", 250)
        smda = st.commitments.get("smda")
        if smda and smda.status == "active" and s.budget > 400:
            yield A.ShowExercise(me, "smda")
        return
    options: list[Action] = []
    if s.stress > 50:
        options.append(A.Propose(me, "loan", ("riyadh",), make_terms(lender="riyadh", borrower=me, amount=1000, rate=3.0, turns=8)))
    options += [
        A.Propose(me, "coproduction", ("riyadh",), make_terms(line="jf17_kamra", partner="riyadh", share=40)),
        A.Propose(me, "arms_sale", ("riyadh",), make_terms(seller=me, buyer="riyadh", domain="air", value=1000, turns=4)),
        A.Propose(me, "premium", ("riyadh",), make_terms(buyer="riyadh", provider=me, fee=200)),
        A.Propose(me, "port_access", ("riyadh",), make_terms(host=me, guest="riyadh", site="gwadar", fee=100)),
        A.Propose(me, "coproduction", ("ankara",), make_terms(line="milgem_karachi", partner="ankara", share=40)),
    ]
    smda = st.commitments.get("smda")
    if smda is not None and "ankara" not in smda.parties and bot.style != "cautious":
        options.append(A.Propose(me, "accession", tuple(sorted(set(smda.parties) | {"ankara"} - {me})),
                                 make_terms(pact="smda", candidate="ankara")))
    options += _pact_layers(g, me, "smda")[:1]
    yield from _shuffled(rnd, options, 1)


def _ankara(bot: Bot, g: Game, rnd: random.Random) -> Iterator[Action]:
    me = bot.seat
    st = g.state
    s = st.seats[me]
    if g.phase == "investment":
        options: list[Action] = [A.Invest(me, "strike", 250)]
        if bot.style == "opportunist" and s.standing > 45:
            options.append(A.BuyForeign(me, "russia", "amd", 500))
        if s.budget > 600:
            yield from _shuffled(rnd, options)
        return
    options = []
    smda = st.commitments.get("smda")
    if smda is not None and me not in smda.parties and (bot.style != "cautious" or s.standing > 50):
        options.append(A.Propose(me, "accession", tuple(p for p in smda.parties), make_terms(pact="smda", candidate=me)))
    options += [
        A.Propose(me, "arms_sale", ("riyadh",), make_terms(seller=me, buyer="riyadh", domain="strike", value=1000, turns=4)),
        A.Propose(me, "export_credit", ("islamabad",), make_terms(provider=me, beneficiary="islamabad", limit=1000, rate=3.0)),
        A.Propose(me, "arms_sale", ("islamabad",), make_terms(seller=me, buyer="islamabad", domain="strike", value=500, turns=4)),
        A.Propose(me, "coproduction", ("riyadh",), make_terms(line="baykar_uav", partner="riyadh", share=30)),
        A.Propose(me, "coproduction", ("riyadh",), make_terms(line="kaan", partner="riyadh", share=40)),
        A.Propose(me, "agreement", ("riyadh",), make_terms(clause="consultation")),
        A.Propose(me, "agreement", ("islamabad",), make_terms(clause="consultation")),
    ]
    if smda is not None and me in smda.parties:
        options += _pact_layers(g, me, "smda")
    yield from _shuffled(rnd, options, 1)


def _washington(bot: Bot, g: Game, rnd: random.Random) -> Iterator[Action]:
    me = bot.seat
    st = g.state
    if g.phase == "investment":
        options: list[Action] = []
        for com in st.commitments.values():
            if com.kind == "arms_sale" and com.terms.get("held") and com.status == "active":
                options.append(A.Release(me, com.id))
        if st.seats[me].budget > 3000 and bot.style != "cautious":
            options += [A.Posture(me, "prince_sultan", 1), A.Posture(me, "incirlik", 1)]
        yield from options
        return
    options = [A.Assure(me, "riyadh", True)]
    if st.seats["ankara"].sanctioned and st.seats["ankara"].standing > 40 and bot.style == "opportunist":
        options.append(A.LiftSanctions(me, "ankara"))
    pending_accession = any(p.deal == "accession" and p.status == "open" for p in st.proposals.values())
    smda = st.commitments.get("smda")
    if pending_accession or (smda is not None and "ankara" in smda.parties):
        options.append(A.Propose(me, "demand", ("ankara",), make_terms(ask="pause_accession", reward=10)))
    options += [
        A.Propose(me, "arms_sale", ("riyadh",), make_terms(seller=me, buyer="riyadh", domain="air", value=2000, turns=6)),
        A.Propose(me, "demand", ("ankara",), make_terms(ask="no_foreign_arms", reward=8)),
        A.Propose(me, "arms_sale", ("ankara",), make_terms(seller=me, buyer="ankara", domain="air", value=1500, turns=6)),
        A.Declare(me, "riyadh"),
    ]
    yield from _shuffled(rnd, options, 1)


PLANS: dict[str, Callable[[Bot, Game, random.Random], Iterator[Action]]] = {
    "riyadh": _riyadh, "islamabad": _islamabad, "ankara": _ankara, "washington": _washington,
}


def play_bots(g: Game, bots: dict[str, Bot], max_actions: int = 100_000) -> int:
    """Let the bots play every seat they hold until the game ends or a human seat must act.

    Returns the number of actions applied.
    """
    count = 0
    while not g.over and count < max_actions:
        acting = g.acting_seats()
        mover = next((s for s in acting if s in bots), None)
        if mover is None:
            break
        g.apply(bots[mover].choose(g))
        count += 1
    return count


def make_bots(seed: int, seats: tuple[str, ...] = SEATS, styles: dict[str, str] | None = None) -> dict[str, Bot]:
    """One bot per listed seat, in the given styles (``balanced`` by default)."""
    styles = styles or {}
    return {s: Bot(s, seed, styles.get(s, "balanced")) for s in seats}
