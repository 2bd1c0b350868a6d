"""Computer players: one per seat, driven by that seat's motives (article §5), in three styles.

A bot is deterministic given the seed: its random draws are seeded from (seed, seat, number of
actions so far), so a bot picks the same action from the same position even after a reload. It
only ever returns actions the engine accepts (it checks each candidate with ``Game.check``).

Each seat's *plan* (``PLANS``) lists what it would like to do now, most wanted first; the bot
takes the first fresh, legal item while it has political capital and has not yet made its
style's number of moves this phase. A plan never offers a deal that duplicates one in force or
on the table. In the investment phase every seat also spends what it holds above a reserve
(larger for cautious bots) on the capability its threats call for, up to the share of its
income its style is ready to spend.
"""
from __future__ import annotations

import dataclasses
import random
from functools import lru_cache
from typing import Callable, Iterator, Union

from wargame import actions as A
from wargame import rng
from wargame.actions import Action, make_terms
from wargame.rules.game import Game
from wargame.state import Proposal
from wargame.rules.crisis import response_cost
from wargame.rules.deterrence import provider_shares
from wargame.rules.honour import honour_chance, honour_price
from wargame.rules.layers import layer_refusal
from wargame.rules.preview import deal_value
from wargame.types import DOMAINS, RESPONSES, SEAT_NAMES, SEATS, money

STYLES = ("cautious", "balanced", "opportunist")
"""Computer-player styles: how much risk and money a bot puts behind its seat's motives."""

STYLE_SHIFT = {"cautious": -0.5, "balanced": 0.0, "opportunist": 0.5}
"""Score points a style adds to the value of honouring a crisis obligation (an opportunist
seeks the credit, a cautious bot the savings; Washington the other way round)."""

MOVES = {"cautious": 1, "balanced": 2, "opportunist": 3}
"""Moves (answers and proposals, not investment or pact layers) a bot makes per phase, by style."""

LAYER_EVERY = {"cautious": 6, "balanced": 3, "opportunist": 2}
"""Quarters between a bot's proposals of the next layer of each pact its seat belongs to (from
the first quarter), by style. Deepening a pact is a standing aim on its own cadence, outside the
move budget, so that how often it is tried does not depend on what else the seat has to do
(closing another channel in an experiment would otherwise free moves for layers)."""

RESERVE = {"ankara": 600, "riyadh": 2000, "islamabad": 1200, "washington": 1200}
"""Budget ($m) a balanced bot keeps in hand (x1.5 cautious, x0.6 opportunist)."""

SPEND_SHARE = {"cautious": 0.35, "balanced": 0.5, "opportunist": 0.65}
"""Share of its income a bot is ready to spend on security (purchases, fees, investment);
it invests in its own forces up to that share."""

RESERVE_STYLE = {"cautious": 1.5, "balanced": 1.0, "opportunist": 0.6}

BOLD = {"cautious": 0.75, "balanced": 1.0, "opportunist": 1.2}

VALUE_BAR = {"cautious": 0.0, "balanced": -0.5, "opportunist": -1.0}
"""The least :func:`wargame.rules.preview.deal_value` (score points) a deal must be worth to the
seat for the bot to accept it: a cautious bot wants no loss, an opportunist risks a little."""

PREMIUM_TRUST = {"cautious": 40.0, "balanced": 35.0, "opportunist": 30.0}
"""The seller's credibility below which a bot stops paying for a deterrence premium."""

DEAL_WORDS = {"port_access": "access request", "agreement": "agreement", "export_credit": "credit line"}


class BotRandom:
    """The bots' seeded generator: PCG32 (``wargame.rng``), with the two methods plans use.

    Cheap to create (a bot makes one per decision) and the same on every platform. Plans also
    accept a ``random.Random`` (the search bot passes one).
    """

    __slots__ = ("state",)

    def __init__(self, seed: int) -> None:
        self.state = rng.seed_state(seed)

    def random(self) -> float:
        """A float in [0, 1)."""
        self.state, value = rng.uniform(self.state)
        return value

    def shuffle(self, items: list) -> None:
        """Shuffle ``items`` in place (Fisher-Yates)."""
        for i in range(len(items) - 1, 0, -1):
            j = int(self.random() * (i + 1))
            items[i], items[j] = items[j], items[i]


Rand = Union[random.Random, BotRandom]
"""What a plan draws from: the bots' generator or a ``random.Random``."""


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

    def _rng(self, g: Game) -> "BotRandom":
        # seeded from what the seat knows: its own moves this phase, never the count of every
        # action (which secret moves of other seats would shift: issue 10)
        st = g.state
        mine = sum(1 for d in st.phase_actions if d["seat"] == self.seat)
        return BotRandom(self.seed * 1_000_003 + SEATS.index(self.seat) * 7_919
                         + (st.turn * 8 + PHASE_INDEX.get(st.phase, 7)) * 131 + mine * 31)

    def choose(self, g: Game) -> Action:
        """The bot's next action; the seat must be among ``g.acting_seats()``."""
        # the generator is seeded from the position, so making it only when needed changes nothing
        if g.phase == "crisis":
            return self._respond(g, self._rng(g))
        for prop in g.open_proposals(self.seat):
            accept, reason = self.decide(g, prop)
            if accept:
                action: Action = A.Accept(self.seat, prop.id)
                why = g.check(action)
                if why is None:
                    return action
                reason = why
            counter = self._counter(g, prop)
            if counter is not None:
                return counter
            return A.Reject(self.seat, prop.id, reason)
        s = g.state.seats[self.seat]
        if s.pc > 0:
            for action in _standing_layers(self, g):  # outside the move budget, on a cadence
                if self._fresh(g, action) and g.check(action) is None:
                    return action
            made = sum(1 for d in g.state.phase_actions
                       if d["seat"] == self.seat and d["type"] not in ("end_phase", "invest")
                       and d.get("deal") != "layer")
            if made < MOVES[self.style]:
                for action in PLANS[self.seat](self, g, self._rng(g)):
                    if self._fresh(g, action) and g.check(action) is None:
                        return action
            if g.phase == "investment":
                action = self._invest(g)
                if action is not None:
                    return action
        return A.EndPhase(self.seat)

    def _counter(self, g: Game, prop: Proposal) -> Action | None:
        """A counter-proposal the seat can live with, for a deal refused on its price or size
        (a premium's fee, money lent, given or deposited, an arms sale's instalments); ``None``
        when the deal is refused for what it is, or the changed deal would be refused too."""
        me, t, s = self.seat, dict(prop.terms), g.state.seats[self.seat]
        changed: dict[str, object] = {}
        if prop.deal == "premium" and t.get("buyer") == me and int(t.get("fee", 0)) > 250:
            changed = {"fee": 250}
        elif prop.deal in ("loan", "deposit", "grant") and (t.get("lender") or t.get("donor")) == me:
            room = (s.budget - int(self.reserve() / BOLD[self.style])) // 100 * 100
            if 100 <= room < int(t.get("amount", 0)):
                changed = {"amount": int(room)}
        elif prop.deal == "arms_sale" and t.get("buyer") == me and int(t.get("turns", 0)) < 8:
            if s.budget <= int(t["value"]) // int(t["turns"]) * 2:
                changed = {"turns": min(8, int(t["turns"]) + 4)}
        if not changed:
            return None
        terms = make_terms(**{**t, **changed})
        # counter only with a deal the seat would itself take: worth its style's bar
        if deal_value(g, me, dataclasses.replace(prop, terms=dict(terms)))[0] < VALUE_BAR[self.style]:
            return None
        action = A.Counter(me, prop.id, terms)
        return action if g.check(action) is None else None

    def _room(self, g: Game) -> int:
        """What the seat may still spend before exceeding its style's share of income."""
        target = SPEND_SHARE[self.style] * g.scenario.seats[self.seat].income * max(1, g.state.turn)
        return int(target) - g.state.seats[self.seat].spent

    def reserve(self) -> int:
        """Budget this bot keeps in hand before investing."""
        return int(RESERVE[self.seat] * RESERVE_STYLE[self.style])

    # ------------------------------------------------------------------ investment
    def _invest(self, g: Game) -> Action | None:
        """Spend the surplus above the reserve on the domain the seat's threats weigh most."""
        if self.seat == "washington":
            return None
        s = g.state.seats[self.seat]
        room = s.budget - self.reserve()
        if self.seat == "riyadh":  # the only investor whose score weighs the cost
            room = min(room, self._room(g))
        amount = min(2000, room) // 250 * 250
        if amount < 250:
            return None
        domain = _needed_domain(g, self.seat)
        action = A.Invest(self.seat, domain, int(amount))
        return action if g.check(action) is None else None

    # ------------------------------------------------------------------ crisis
    def _respond(self, g: Game, rnd: Rand) -> Action:
        crisis = g.state.crisis
        assert crisis is not None
        budget = g.state.seats[self.seat].budget
        if crisis.target == self.seat:
            wanted = "military" if self.style != "cautious" else "material"
        else:
            required = crisis.obligations.get(self.seat, 0)
            price = honour_price(g, self.seat)
            shift = STYLE_SHIFT[self.style] * (-1 if self.seat == "washington" else 1)
            honour = price is None or rnd.random() < honour_chance(price, shift)
            wanted = RESPONSES[required] if honour else RESPONSES[max(0, required - 1)]
        level = RESPONSES.index(wanted)
        while level > 0:
            action = A.Respond(self.seat, crisis.id, RESPONSES[level])
            if g.check(action) is None and budget >= response_cost(crisis, RESPONSES[level]):
                return action
            level -= 1
        return A.Respond(self.seat, crisis.id, "none")

    # ------------------------------------------------------------------ inbox
    def decide(self, g: Game, prop: Proposal) -> tuple[bool, str]:
        """Whether to accept ``prop``, and why not: ``(True, "")`` or ``(False, reason)``.

        The seat's motives decide (its score components, its reserve, the share of its income it
        is ready to spend); a deal that passes them must still be worth something to the seat:
        its :func:`deal_value` must reach the style's bar (``VALUE_BAR``).
        """
        motive = self._motive(g, prop, self._rng(g))
        if motive:
            return False, motive
        value, worst = deal_value(g, self.seat, prop)
        if value < VALUE_BAR[self.style]:
            what = f" ({worst})" if worst else ""
            return False, (f"not worth it to {SEAT_NAMES[self.seat]}: it would be worth "
                           f"{value:+.1f} score points{what}")
        return True, ""

    def _motive(self, g: Game, prop: Proposal, rnd: Rand) -> str:
        """A reason from the seat's motives to refuse (empty: none)."""
        me = self.seat
        who = SEAT_NAMES[me]
        t = prop.terms
        s = g.state.seats[me]
        bold = BOLD[self.style]
        keep = money(int(self.reserve() / bold))
        if prop.deal in ("loan", "deposit", "grant"):
            payer = t.get("lender") or t.get("donor")
            if payer != me:
                return ""
            if s.budget - t["amount"] <= self.reserve() / bold:
                return f"{who} keeps {keep} in hand and this would leave it {money(s.budget - t['amount'])}"
            if rnd.random() >= 0.8 * bold:
                return f"{who} will not tie up more money this quarter"
            return ""
        if prop.deal == "arms_sale":
            if t["seller"] == me:
                if me == "washington" and g.state.seats[t["buyer"]].sanctioned:
                    return f"Washington does not sell arms to {SEAT_NAMES[t['buyer']]} under sanctions"
                return ""
            if me == "riyadh" and self._room(g) < t["value"] // 2:
                return "Riyadh's security spending is at the share of its income it can bear"
            if s.budget <= t["value"] // t["turns"] * 2:
                return f"{who} cannot carry {money(t['value'] // t['turns'])} a quarter on its budget"
            return "" if rnd.random() < 0.85 else f"{who} is not buying {t['domain']} systems now"
        if prop.deal == "accession":
            if me == "riyadh":
                # Riyadh hedges: a third member is worth more when Washington wavers
                # ("Türkiye won't join ... it's a bilateral pact": a Saudi source, Jan 2026)
                p = {"cautious": 0.05, "balanced": 0.12, "opportunist": 0.25}[self.style]
                if g.state.seats["washington"].credibility < 60:
                    p += 0.1
                if provider_shares(g, me).get("washington", 0.0) > 0.6:
                    p += 0.08  # a portfolio that leans on Washington wants another pillar
                if g.state.seats[t["candidate"]].credibility < 50:
                    p -= 0.15
                if _entrapping(g, t["candidate"]):
                    return (f"Riyadh will not take on {SEAT_NAMES[t['candidate']]}'s quarrels: its "
                            "adversaries have just hit it hard")
                if rnd.random() >= p:
                    return ("Riyadh wants the pact bilateral: a third member would dilute Saudi "
                            "control while Washington's guarantee holds")
                return ""
            if me == "islamabad" and _entrapping(g, t["candidate"]):
                return (f"Islamabad will not share its umbrella with {SEAT_NAMES[t['candidate']]} "
                        "while its quarrels are this hot")
            if me == "washington":
                return "Washington wants Turkey anchored in NATO, not in a second alliance"
            return ""
        if prop.deal == "layer":
            return "" if rnd.random() < 0.85 * bold else f"{who} is not ready to deepen the pact this quarter"
        if prop.deal == "demand":
            if t["ask"] == "no_foreign_arms":
                if s.sanctioned or rnd.random() < 0.5:
                    return ""
                return f"{who} keeps Russian and Chinese suppliers open: its room for manoeuvre counts more"
            if s.standing < 40 and self.style == "cautious":
                return ""
            return f"{who} will not pause accession talks: its standing with NATO is {s.standing:.0f}"
        if prop.deal == "premium":
            return "" if t["fee"] <= 250 else f"a premium of {money(t['fee'])} a quarter is more than {who} pays"
        if prop.deal == "coproduction":
            return "" if rnd.random() < 0.8 * bold else f"{who} is not committing capital to a new line now"
        if prop.deal in ("port_access", "agreement", "export_credit"):
            return "" if rnd.random() < 0.85 else f"{who} wants to weigh the {DEAL_WORDS[prop.deal]} another quarter"
        return ""

    def _fresh(self, g: Game, action: Action) -> bool:
        """Skip a proposal that duplicates one on the table, one in force, or one the bot
        tabled (or had answered) this turn or last."""
        if not isinstance(action, A.Propose):
            return True
        terms = dict(action.terms)
        st = g.state
        for p in st.proposals.values():
            if p.deal != action.deal or p.terms != terms or not sees_proposal(p, self.seat):
                continue
            if p.status == "open" or (p.sender == self.seat and p.turn >= st.turn - 1):
                return False
        key = _deal_key(action.deal, terms)
        if key is None:
            return True
        for com in st.commitments.values():
            if (com.kind == action.deal and com.status == "active" and _deal_key(com.kind, com.terms) == key
                    and (com.public or self.seat in com.parties)):
                return False
        return True


PHASE_INDEX = {"events": 0, "diplomacy": 1, "investment": 2, "crisis": 3, "assessment": 4}


def sees_proposal(p: Proposal, seat: str) -> bool:
    """Whether ``seat`` knows of proposal ``p``: a public one, or one it sent or was sent."""
    return p.public or p.sender == seat or seat in p.to


def _deal_key(deal: str, t: dict) -> tuple | None:
    """What makes two deals the same for a bot (it holds one at a time)."""
    if deal == "arms_sale":
        if t.get("prepaid"):
            return None
        return ("arms_sale", t["seller"], t["buyer"], t["domain"])
    if deal in ("loan", "deposit"):
        return (deal, t["lender"], t["borrower"])
    if deal == "grant":
        return ("grant", t["donor"], t["recipient"])
    # the rules refuse these duplicates anyway; knowing it here spares a check
    if deal == "coproduction":
        return ("coproduction", t["line"], t["partner"])
    if deal == "export_credit":
        return ("export_credit", t["provider"], t["beneficiary"])
    if deal == "port_access":
        return ("port_access", t["site"], t["guest"])
    if deal == "premium":
        return ("premium", t["buyer"])
    return None


def _needed_domain(g: Game, seat: str) -> str:
    """The domain where the seat's threats are heaviest relative to what it has."""
    cap = g.state.seats[seat].capability
    need = {d: 0.0 for d in DOMAINS}
    for spec in g.scenario.crises:
        if seat in spec.targets and spec.kind == "attack":
            for d, w in spec.weights.items():
                need[d] += spec.likelihood * w
    if not any(need.values()):
        return "air"
    return max(DOMAINS, key=lambda d: (need[d] / (10.0 + cap[d]), d))


def _shuffled(rnd: Rand, items: list[Action], keep_first: int = 0) -> Iterator[Action]:
    head, tail = items[:keep_first], items[keep_first:]
    rnd.shuffle(tail)
    yield from head
    yield from tail


def _pact_layers(g: Game, seat: str, pact_id: str, pay: bool = False) -> list[Action]:
    """Layer proposals for a pact that the rules allow now, the next useful one first (``pay``:
    the proposer pays for all): the planning cell, then exercises, command, interoperability."""
    pact = g.state.commitments.get(pact_id)
    if pact is None or pact.status != "active" or seat not in pact.parties:
        return []
    to = tuple(p for p in pact.parties if p != seat)
    return [_layer(seat, to, pact_id, layer, pay) for layer in _LAYER_ORDER if layer_refusal(pact, layer) is None]


_LAYER_ORDER = ("planning", "exercises", "command", "interop")


def _standing_layers(bot: Bot, g: Game) -> list[Action]:
    """The next layer of each pact the bot's seat belongs to, in the quarters of its cadence
    (``LAYER_EVERY``); an opportunist Riyadh offers to pay every member's share."""
    if (g.state.turn - 1) % LAYER_EVERY[bot.style]:
        return []
    pay = bot.seat == "riyadh" and bot.style == "opportunist"
    return [action for com in g.state.commitments.values() if com.kind == "pact"
            for action in _pact_layers(g, bot.seat, com.id, pay)[:1]]


@lru_cache(maxsize=256)
def _layer(seat: str, to: tuple[str, ...], pact_id: str, layer: str, pay: bool) -> Action:
    extra = {"payer": seat} if pay else {}
    return A.Propose(seat, "layer", to, make_terms(pact=pact_id, layer=layer, **extra))


def _deal(seat: str, deal: str, to: str, **terms: int | float | str) -> A.Propose:
    return A.Propose(seat, deal, (to,), make_terms(**terms))


# The plans' fixed options, built once (actions are immutable values).
_CONVERT = _deal("riyadh", "convert", "islamabad", loan="saudi_loan", domain="air", turns=4)
_DEPOSIT = _deal("riyadh", "deposit", "islamabad", lender="riyadh", borrower="islamabad", amount=3000, rate=4.0, turns=4)
_DEPOSIT_FULL = _deal("riyadh", "deposit", "islamabad", lender="riyadh", borrower="islamabad", amount=5000, rate=4.0, turns=4)
_RIYADH = (
    _deal("riyadh", "premium", "islamabad", buyer="riyadh", provider="islamabad", fee=150),
    _deal("riyadh", "port_access", "islamabad", host="riyadh", guest="islamabad", site="jeddah", fee=0),
    _deal("riyadh", "coproduction", "ankara", line="sami_uav", partner="ankara", share=30),
    _deal("riyadh", "agreement", "ankara", clause="consultation"),
    _deal("riyadh", "coproduction", "islamabad", line="jf17_kamra", partner="riyadh", share=60),
    _deal("riyadh", "arms_sale", "ankara", seller="ankara", buyer="riyadh", domain="amd", value=1000, turns=4),
)
_LOAN = _deal("islamabad", "loan", "riyadh", lender="riyadh", borrower="islamabad", amount=1000, rate=3.0, turns=8)
_GRANT = _deal("islamabad", "grant", "washington", donor="washington", recipient="islamabad", amount=250, turns=4)
_ISLAMABAD = (
    _deal("islamabad", "coproduction", "riyadh", line="jf17_kamra", partner="riyadh", share=60),
    _deal("islamabad", "arms_sale", "riyadh", seller="islamabad", buyer="riyadh", domain="air", value=1000, turns=4),
    _deal("islamabad", "premium", "riyadh", buyer="riyadh", provider="islamabad", fee=200),
    _deal("islamabad", "port_access", "riyadh", host="islamabad", guest="riyadh", site="gwadar", fee=100),
    _deal("islamabad", "coproduction", "ankara", line="milgem_karachi", partner="ankara", share=60),
)
_ANKARA = (
    _deal("ankara", "arms_sale", "riyadh", seller="ankara", buyer="riyadh", domain="strike", value=1000, turns=4),
    _deal("ankara", "export_credit", "islamabad", provider="ankara", beneficiary="islamabad", limit=1000, rate=3.0),
    _deal("ankara", "arms_sale", "islamabad", seller="ankara", buyer="islamabad", domain="strike", value=500, turns=4),
    _deal("ankara", "coproduction", "riyadh", line="baykar_uav", partner="riyadh", share=30),
    _deal("ankara", "coproduction", "riyadh", line="kaan", partner="riyadh", share=40),
    _deal("ankara", "agreement", "riyadh", clause="consultation"),
    _deal("ankara", "agreement", "islamabad", clause="consultation"),
    _deal("ankara", "coproduction", "islamabad", line="milgem_karachi", partner="ankara", share=60),
)
_PAUSE = _deal("washington", "demand", "ankara", ask="pause_accession", reward=10)
_WASHINGTON = (
    _deal("washington", "arms_sale", "riyadh", seller="washington", buyer="riyadh", domain="air", value=2000, turns=6),
    _deal("washington", "demand", "ankara", ask="no_foreign_arms", reward=8),
    _deal("washington", "arms_sale", "ankara", seller="washington", buyer="ankara", domain="air", value=1500, turns=6),
    _deal("washington", "arms_sale", "riyadh", seller="washington", buyer="riyadh", domain="naval", value=1000, turns=4),
    A.Assure("washington", "islamabad", False),
)


def _riyadh(bot: Bot, g: Game, rnd: Rand) -> Iterator[Action]:
    me = bot.seat
    st = g.state
    if g.phase == "investment":
        smda = st.commitments.get("smda")
        if smda and smda.status == "active" and smda.layers.get("habit", 0) < 0.5 \
                and bot.style != "cautious":
            yield A.ShowExercise(me, "smda")
        return
    first: list[Action] = []
    for com in st.commitments.values():
        # a premium is only worth its fee while the seller's word is: drop it when Islamabad's
        # credibility has fallen far (credibility pays, issue 14)
        if (com.kind == "premium" and com.status == "active" and com.terms.get("buyer") == me
                and st.seats[com.terms.get("provider", "islamabad")].credibility < PREMIUM_TRUST[bot.style]):
            first.append(A.Withdraw(me, com.id))
    loan = st.commitments.get("saudi_loan")
    if loan is not None and loan.status == "active":
        first.append(_CONVERT)
    maturing = [c for c in st.commitments.values() if c.kind == "deposit" and c.status == "active"
                and c.terms["lender"] == me]
    if not maturing or all(c.terms.get("quarters", 0) >= c.terms["turns"] - 1 for c in maturing):
        # roll the deposit over: the full $5bn when the budget allows (saudi_support)
        first.append(_DEPOSIT_FULL if st.seats[me].budget >= 5000 + bot.reserve() else _DEPOSIT)
    options = list(_RIYADH)
    if bot.style == "opportunist":
        options.append(A.Declare(me, "islamabad"))
    yield from _standing_layers(bot, g)
    yield from first
    yield from _shuffled(rnd, options)


def _islamabad(bot: Bot, g: Game, rnd: Rand) -> Iterator[Action]:
    me = bot.seat
    st = g.state
    s = st.seats[me]
    if g.phase == "investment":
        smda = st.commitments.get("smda")
        if smda and smda.status == "active" and s.budget > 600 and bot.style != "cautious":
            yield A.ShowExercise(me, "smda")
        return
    first: list[Action] = []
    if s.stress > 50:
        first.append(_LOAN)
    if s.stress > 65:
        first.append(_GRANT)
    options: list[Action] = list(_ISLAMABAD)
    smda = st.commitments.get("smda")
    if (smda is not None and "ankara" not in smda.parties and bot.style != "cautious"
            and st.turn % 4 == 3):  # Islamabad raises Turkey's case once a year
        options.append(A.Propose(me, "accession", tuple(sorted(set(smda.parties) | {"ankara"} - {me})),
                                 make_terms(pact="smda", candidate="ankara")))
    yield from _standing_layers(bot, g)
    yield from first
    yield from _shuffled(rnd, options, 1)


def _entrapping(g: Game, candidate: str) -> bool:
    """Whether the candidate's crises went badly lately (a damaging outcome in the last four
    quarters): members then fear being drawn into its quarrels."""
    return any(c.target == candidate and (c.ruling or c.outcome) == "damaging" and c.turn >= g.state.turn - 4
               for c in g.state.crises)


def _ankara(bot: Bot, g: Game, rnd: Rand) -> Iterator[Action]:
    me = bot.seat
    st = g.state
    s = st.seats[me]
    if g.phase == "investment":
        if bot.style == "opportunist" and s.standing > 45 and s.budget > 900:
            yield A.BuyForeign(me, "russia", "amd", 500)
        return
    options: list[Action] = []
    smda = st.commitments.get("smda")
    if (smda is not None and me in smda.parties and smda.status == "active"
            and s.standing < st.params["standing_floor"] + 2 and bot.style != "opportunist"):
        # the second alliance has cost too much standing: back to NATO before sanctions bite
        yield A.Withdraw(me, "smda")
    margin = s.standing - st.params["standing_floor"] - st.params.get("accession_standing_cost", 0.0)
    if (smda is not None and me not in smda.parties and (bot.style != "cautious" or s.standing > 50)
            and margin > 8 and st.turn % 2 == 1):
        # Ankara tables accession every other quarter, and only while joining would leave its
        # NATO standing well above the floor under which sanctions bite
        options.append(A.Propose(me, "accession", tuple(p for p in smda.parties), make_terms(pact="smda", candidate=me)))
    options += _ANKARA
    yield from _standing_layers(bot, g)
    yield from _shuffled(rnd, options, 1)


def _washington(bot: Bot, g: Game, rnd: Rand) -> Iterator[Action]:
    me = bot.seat
    st = g.state
    budget = st.seats[me].budget
    if g.phase == "investment":
        for com in st.commitments.values():
            if (com.kind == "arms_sale" and com.terms.get("held") and com.status == "active"
                    and st.seats[com.terms["buyer"]].standing >= 40):
                yield A.Release(me, com.id)
        for com in st.commitments.values():
            if (com.kind == "arms_sale" and not com.terms.get("held") and com.status == "active"
                    and com.terms["seller"] == me and st.seats[com.terms["buyer"]].standing < 35):
                yield A.Hold(me, com.id)
        if budget > bot.reserve() * 2 and bot.style != "cautious":
            yield A.Posture(me, "prince_sultan", 1)
            yield A.Posture(me, "incirlik", 1)
        if budget < bot.reserve() // 2:
            yield A.Posture(me, "nsa_bahrain", -1)
        return
    first: list[Action] = []
    for seat in ("ankara", "riyadh", "islamabad"):
        # a purchase from Russia or China this quarter or last meets sanctions pressure (CAATSA, 2020)
        if (not st.seats[seat].sanctioned and bot.style != "cautious"
                and any(e.kind == "purchase" and seat in e.seats and e.turn >= st.turn - 1 for e in g.events[-400:])):
            first.append(A.Sanction(me, seat))
    pending_accession = any(p.deal == "accession" and p.status == "open" and sees_proposal(p, me)
                            for p in st.proposals.values())
    smda = st.commitments.get("smda")
    if pending_accession or (smda is not None and "ankara" in smda.parties):
        first.append(_PAUSE)
    if st.seats["ankara"].sanctioned and st.seats["ankara"].standing > 40 and bot.style != "cautious":
        first.append(A.LiftSanctions(me, "ankara"))
    options: list[Action] = list(_WASHINGTON)
    if bot.style != "cautious":
        options.append(A.Declare(me, "riyadh"))
    yield from first
    yield from _shuffled(rnd, options)


PLANS: dict[str, Callable[[Bot, Game, Rand], Iterator[Action]]] = {
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
