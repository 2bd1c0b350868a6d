"""Consequences before committing: what a deal, an inbox card or a move would cost a seat, what it
obliges the seat to, what it would deliver if tested and how the seat's score would move.

Every figure comes from the rules themselves: the deal is signed (or the move applied) on a
clone of the game and the clone is compared with the game; the per-quarter cost runs one
quarter's automatic flows on both. Nothing here changes the game it is given.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wargame import actions as A
from wargame.errors import IllegalAction
from wargame.rules.common import name
from wargame.rules.deals import DEAL_NAMES, activate, check_affordable, validate_deal
from wargame.rules.deterrence import memo, seat_deterrence
from wargame.rules.figures import capability_points
from wargame.state import Proposal
from wargame.types import CLAUSES, RESPONSES, SEATS, money

if TYPE_CHECKING:
    from wargame.rules.game import Game


@dataclass(frozen=True, slots=True)
class ComponentMove:
    """One score component before and after (in points, i.e. value × weight)."""

    key: str
    label: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        """Points gained (negative: lost)."""
        return round(self.after - self.before, 2)


@dataclass(frozen=True, slots=True)
class Consequence:
    """What committing to something would mean for one seat.

    Money is in $m; ``cost_now`` and ``per_quarter`` are what the seat *pays* (negative: it
    receives). ``per_quarter`` is the net of one quarter's automatic flows caused by the deal,
    from the quarter ``starts_in`` quarters after signing, for ``quarters`` quarters (``None``:
    for as long as it stands). ``deterrence`` maps every seat whose deterrence index moves to
    ``(real before, real after, perceived before, perceived after)``.
    """

    seat: str
    what: str
    legal: str | None
    cost_now: int
    per_quarter: int
    starts_in: int
    quarters: int | None
    debt_change: int
    obligations: tuple[str, ...]
    if_tested: tuple[str, ...]
    deterrence: dict[str, tuple[float, float, float, float]]
    score_before: float
    score_after: float
    components: tuple[ComponentMove, ...] = field(default=())

    @property
    def score_delta(self) -> float:
        """Score points gained at once (negative: lost)."""
        return round(self.score_after - self.score_before, 2)

    def lines(self) -> list[str]:
        """A short readable account, one line per fact (for cards, tooltips and the account)."""
        out = []
        if self.legal:
            out.append(f"Not possible now: {self.legal}")
        if self.cost_now:
            out.append(("Costs you " if self.cost_now > 0 else "Brings you ") + money(abs(self.cost_now)) + " now")
        if self.per_quarter:
            span = f" for {self.quarters} quarters" if self.quarters else " while it stands"
            start = f", from {self.starts_in} quarters on" if self.starts_in > 1 else ""
            out.append(("Costs you " if self.per_quarter > 0 else "Brings you ")
                       + f"{money(abs(self.per_quarter))} a quarter{span}{start}")
        if self.debt_change:
            out.append(f"Your debt {'rises' if self.debt_change > 0 else 'falls'} by {money(abs(self.debt_change))}")
        out.extend(self.obligations)
        out.extend(self.if_tested)
        moved = [c for c in self.components if c.delta]
        if moved:
            out.append(f"Score {self.score_before:.1f} → {self.score_after:.1f}: "
                       + ", ".join(f"{c.label} {c.delta:+.1f}" for c in moved))
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"seat": self.seat, "what": self.what, "legal": self.legal, "cost_now": self.cost_now,
                "per_quarter": self.per_quarter, "starts_in": self.starts_in, "quarters": self.quarters,
                "debt_change": self.debt_change, "obligations": list(self.obligations),
                "if_tested": list(self.if_tested),
                "deterrence": {s: list(v) for s, v in self.deterrence.items()},
                "score_before": self.score_before, "score_after": self.score_after,
                "score_delta": self.score_delta,
                "components": [{"key": c.key, "label": c.label, "before": c.before, "after": c.after,
                                "delta": c.delta} for c in self.components]}


# ------------------------------------------------------------------ public queries
def preview_deal(g: "Game", seat: str, sender: str, deal: str, to: list[str] | tuple[str, ...],
                 terms: dict[str, Any]) -> Consequence:
    """What signing ``deal`` (tabled by ``sender`` to ``to`` with ``terms``) would mean for ``seat``.

    Used by the propose form (``seat == sender``) and by inbox cards (``seat`` a recipient).
    ``legal`` names why the deal could not be signed now (it is still previewed if it can be).
    """
    terms = dict(terms)
    to = list(to)
    reason = None
    try:
        validate_deal(g, sender, deal, to, terms)
        check_affordable(g, deal, terms, [sender, *to])
    except IllegalAction as err:
        reason = err.reason
    prop = Proposal(id="preview", sender=sender, deal=deal, to=to, terms=terms, public=True,
                    turn=g.state.turn)
    after = g.clone()
    after._pending = []
    try:
        com = activate(after, prop)
    except (KeyError, TypeError, ValueError, IllegalAction) as err:  # malformed terms: nothing to sign
        return _unsigned(g, seat, DEAL_NAMES.get(deal, deal), reason or str(err))
    starts = 1
    if com is not None and com.kind == "coproduction":
        starts = max(1, int(com.terms["ready"]) - g.state.turn)
    out = _compare(g, after, seat, DEAL_NAMES[deal], reason, starts, _quarters(deal, terms),
                   _deal_obligations(g, seat, sender, deal, to, terms))
    if com is not None and com.kind in ("arms_sale", "coproduction") and com.status == "active":
        out = _with_delivery(g, after, com, out)
    return out


def _with_delivery(g: "Game", after: "Game", com: Any, out: Consequence) -> Consequence:
    """Add what an arms package or a line will deliver in a test once it has delivered."""
    done = after.clone()
    _deliver_at_once(g, done, com)
    t = com.terms
    receiver = t["buyer"] if com.kind == "arms_sale" else None
    lines = list(out.if_tested)
    with memo(after), memo(done):
        for other in SEATS:
            if receiver is not None and other != receiver:
                continue
            r0, p0 = seat_deterrence(after, other)
            r1, p1 = seat_deterrence(done, other)
            if abs(r1 - r0) >= 0.05:
                who = "you are" if other == out.seat else f"{name(other)} is"
                lines.append(f"Once delivered, if {who} tested: real deterrence {r0:.1f} → {r1:.1f}, "
                             f"perceived {p0:.1f} → {p1:.1f}")
    return dataclasses.replace(out, if_tested=tuple(lines))


def preview_proposal(g: "Game", seat: str, proposal_id: str) -> Consequence:
    """What accepting proposal ``proposal_id`` would mean for ``seat`` (an inbox card)."""
    prop = g.state.proposals.get(proposal_id)
    if prop is None:
        raise KeyError(f"no proposal {proposal_id!r}")
    out = preview_deal(g, seat, prop.sender, prop.deal, prop.to, prop.terms)
    if out.legal is None:
        reason = g.check(A.Accept(seat=seat, proposal=proposal_id)) if seat in prop.to else None
        if reason:
            return _with_reason(out, reason)
    return out


def preview_action(g: "Game", action: A.Action) -> Consequence:
    """What any action would mean for the seat taking it.

    A proposal or counter-proposal is previewed as if signed; an acceptance as the deal it
    signs; every other move is applied to a clone.
    """
    seat = action.seat
    if isinstance(action, A.Propose):
        out = preview_deal(g, seat, seat, action.deal, list(action.to), dict(action.terms))
    elif isinstance(action, A.Accept):
        return preview_proposal(g, seat, action.proposal)
    elif isinstance(action, A.Counter):
        prop = g.state.proposals.get(action.proposal)
        if prop is None:
            raise KeyError(f"no proposal {action.proposal!r}")
        to = [prop.sender, *[s for s in prop.to if s != seat]]
        out = preview_deal(g, seat, seat, prop.deal, to, dict(action.terms))
    else:
        reason = g.check(action)
        after = g.clone()
        if reason is None:
            after.apply(action)
        out = _compare(g, after, seat, action.label, reason, 1, None, _move_obligations(g, action))
    reason = g.check(action)
    return _with_reason(out, reason) if reason and not out.legal else out


# ------------------------------------------------------------------ building blocks
def _with_reason(out: Consequence, reason: str) -> Consequence:
    return dataclasses.replace(out, legal=reason)


def _unsigned(g: "Game", seat: str, what: str, reason: str) -> Consequence:
    score = g.score(seat)
    moves = tuple(ComponentMove(c.key, c.label, c.points, c.points) for c in score.components)
    return Consequence(seat, what, reason, 0, 0, 1, None, 0, (), (), {}, score.total, score.total, moves)


def _compare(g: "Game", after: "Game", seat: str, what: str, reason: str | None, starts: int,
             quarters: int | None, obligations: tuple[str, ...]) -> Consequence:
    before_s, after_s = g.state.seats[seat], after.state.seats[seat]
    cost_now = before_s.budget - after_s.budget
    per_quarter = _flow_cost(g, seat, starts) - _flow_cost(after, seat, starts)
    s0, s1 = g.score(seat), after.score(seat)
    by_key = {c.key: c for c in s1.components}
    moves = tuple(ComponentMove(c.key, c.label, c.points, by_key[c.key].points) for c in s0.components)
    deterrence = {}
    with memo(g), memo(after):
        for other in SEATS:
            r0, p0 = seat_deterrence(g, other)
            r1, p1 = seat_deterrence(after, other)
            if abs(r1 - r0) >= 0.05 or abs(p1 - p0) >= 0.05:
                deterrence[other] = (round(r0, 1), round(r1, 1), round(p0, 1), round(p1, 1))
    tested = []
    for other, (r0, r1, p0, p1) in deterrence.items():
        who = "you are" if other == seat else f"{name(other)} is"
        tested.append(f"If {who} tested: real deterrence {r0:.1f} → {r1:.1f}, perceived {p0:.1f} → {p1:.1f}")
    return Consequence(seat, what, reason, cost_now, per_quarter, starts, quarters,
                       after_s.debt - before_s.debt, obligations, tuple(tested), deterrence,
                       s0.total, s1.total, moves)


def _flow_cost(g: "Game", seat: str, starts: int) -> int:
    """The seat's budget change over one quarter's automatic flows, ``starts`` quarters on."""
    from wargame.rules.flows import quarter_flows
    c = g.clone()
    c._pending = []
    c.state.turn += starts
    before = c.state.seats[seat].budget
    quarter_flows(c)
    return c.state.seats[seat].budget - before


def _quarters(deal: str, terms: dict[str, Any]) -> int | None:
    turns = terms.get("turns")
    if deal == "grant" and isinstance(turns, int):
        return max(0, turns - 1)  # the first instalment is paid at signing
    if deal in ("loan", "deposit", "arms_sale", "convert") and isinstance(turns, int):
        return turns
    return None


def _clause_line(partners: list[str], clause: str) -> str:
    level = RESPONSES[CLAUSES.get(clause, 1)]
    names = [name(p) for p in partners]
    who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    return f"If {who} is tested, you are expected to give at least {level} support ({clause} clause)"


def _deal_obligations(g: "Game", seat: str, sender: str, deal: str, to: list[str],
                      t: dict[str, Any]) -> tuple[str, ...]:
    """What the deal would oblige ``seat`` to do, in words."""
    parties = [sender, *to]
    others = [p for p in parties if p != seat]
    out: list[str] = []
    try:
        if deal == "agreement":
            out.append(_clause_line(others, str(t.get("clause", "consultation"))))
        elif deal == "accession":
            pact = g.state.commitments[t["pact"]]
            clause = str(pact.terms.get("clause", "assistance"))
            members = [p for p in [*pact.parties, t["candidate"]] if p != seat]
            out.append(_clause_line(members, clause))
        elif deal == "layer":
            from wargame.rules.deals import LAYER_COST
            pact = g.state.commitments[t["pact"]]
            payer = t.get("payer")
            if payer == seat:
                out.append(f"You pay every member's share of the layer ({money(LAYER_COST[t['layer']] * len(pact.parties))})")
            elif payer is None:
                out.append(f"Each member pays {money(LAYER_COST[t['layer']])} for the layer")
            if t["layer"] == "exercises":
                out.append(f"Each member pays {money(int(g.state.params['exercise_cost']))} a quarter "
                           "for the recurring exercise")
        elif deal in ("loan", "deposit"):
            if seat == t["borrower"]:
                if deal == "loan":
                    out.append(f"Repay {money(t['amount'])} to {name(t['lender'])} over {t['turns']} quarters "
                               f"with {t['rate']:g}% interest")
                else:
                    out.append(f"Pay {t['rate']:g}% interest to {name(t['lender'])}; the deposit leaves your "
                               f"reserves after {t['turns']} quarters")
            elif seat == t["lender"]:
                out.append(f"Your {money(t['amount'])} is tied up with {name(t['borrower'])} for {t['turns']} quarters")
        elif deal == "grant":
            if seat == t["donor"]:
                out.append(f"Pay {name(t['recipient'])} {money(t['amount'])} a quarter for {t['turns']} quarters")
        elif deal == "convert":
            loan = g.state.commitments[t["loan"]]
            value = money(int(loan.terms["outstanding"]))
            if seat == loan.terms["borrower"]:
                out.append(f"Deliver {value} of {t['domain']} arms to {name(loan.terms['lender'])} over "
                           f"{t['turns']} quarters instead of repaying the loan")
            else:
                out.append(f"Your {value} loan is repaid in {t['domain']} arms, not cash")
        elif deal == "arms_sale":
            if seat == t["buyer"]:
                out.append(f"Pay {name(t['seller'])} {money(t['value'])} in {t['turns']} quarterly instalments")
            else:
                out.append(f"Deliver {t['domain']} capability to {name(t['buyer'])} over {t['turns']} quarters")
        elif deal == "export_credit":
            if seat == t["provider"]:
                out.append(f"Finance up to {money(t['limit'])} of {name(t['beneficiary'])}'s purchases of your arms")
            else:
                out.append(f"Repay what you draw (up to {money(t['limit'])}) with {t['rate']:g}% interest")
        elif deal == "coproduction":
            line = g.scenario.line(t["line"])
            out.append(f"{line.name} enters production after {line.build_turns} quarters")
        elif deal == "port_access":
            if seat == t["guest"]:
                out.append(f"Pay {name(t['host'])} {money(t['fee'])} a quarter for access")
            else:
                out.append(f"Host {name(t['guest'])}'s forces at {g.scenario.site(t['site']).name}")
        elif deal == "premium":
            if seat == t["buyer"]:
                out.append(f"Pay {name(t['provider'])} {money(t['fee'])} a quarter for its deterrent")
            else:
                out.append(f"Extend your deterrent to {name(t['buyer'])}")
        elif deal == "demand":
            ask = "buy no Russian or Chinese arms" if t["ask"] == "no_foreign_arms" else "pause accession talks"
            target = to[0] if sender == "washington" else sender
            out.append(f"{name(target)} must {ask}" if seat != target else f"You must {ask}")
    except (KeyError, TypeError):
        pass
    return tuple(out)


def _move_obligations(g: "Game", action: A.Action) -> tuple[str, ...]:
    if isinstance(action, A.Declare):
        return (f"If {name(action.target)} is tested, falling short costs half as much credibility again",)
    if isinstance(action, A.Withdraw):
        com = g.state.commitments.get(action.commitment)
        return (f"You leave {com.name}; your credibility falls",) if com else ()
    if isinstance(action, A.Respond):
        crisis = g.state.crisis
        if crisis is not None:
            from wargame.rules.crisis import response_cost
            out = []
            cost = response_cost(crisis, action.level) if action.level in RESPONSES else 0
            if cost:
                out.append(f"Costs you {money(cost)}, paid at the outcome")
            need = crisis.obligations.get(action.seat, 0)
            if need and action.level in RESPONSES and RESPONSES.index(action.level) < need:
                out.append(f"You fall short of the {RESPONSES[need]} support you are committed to")
            return tuple(out)
    return ()


# ------------------------------------------------------------------ what a deal is worth
def _future_money(g: "Game", seat: str, deal: str, t: dict[str, Any]) -> tuple[int, int]:
    """``(security spending, receipts)`` ($m) the deal brings the seat after signing, over the
    quarters left (fees and premiums run to the end of the game)."""
    left = max(0, g.scenario.meta.turns - g.state.turn)
    spend = receive = 0
    if deal == "arms_sale":
        if t.get("buyer") == seat:
            spend += int(t["value"])
        elif t.get("seller") == seat:
            receive += int(t["value"])
    elif deal == "convert":
        loan = g.state.commitments.get(str(t.get("loan")))
        if loan is not None and loan.terms.get("lender") == seat:
            spend += int(loan.terms["outstanding"])
    elif deal == "grant":
        rest = int(t["amount"]) * max(0, min(int(t["turns"]), left + 1) - 1)
        if t.get("donor") == seat:
            spend += rest
        elif t.get("recipient") == seat:
            receive += rest
    elif deal in ("port_access", "premium"):
        payer = t.get("guest") or t.get("buyer")
        payee = t.get("host") or t.get("provider")
        total = int(t["fee"]) * left
        if payer == seat:
            spend += total
        elif payee == seat:
            receive += total
    return spend, receive


def _deliver_at_once(g: "Game", after: "Game", com: Any) -> None:
    """Put on ``after`` what a new arms package or co-production line will have delivered by
    the end of the game (capability; a line's revenue as exports), to weigh it now."""
    t = com.terms
    st = after.state
    if com.kind == "arms_sale":
        points = round(capability_points(after, int(t["value"])), 4)
        cap = st.seats[t["buyer"]].capability
        cap[t["domain"]] = round(cap[t["domain"]] + points, 4)
    elif com.kind == "coproduction":
        line = g.scenario.line(t["line"])
        runs = max(0, g.scenario.meta.turns - int(t["ready"]) + 1)
        share = t["share"] / 100.0
        for seat, part in ((t["partner"], share), (t["host"], 1 - share)):
            s = st.seats[seat]
            s.capability[line.domain] = round(s.capability[line.domain] + line.output * part * runs, 4)
            s.exports += int(line.revenue * part) * runs
        if runs:
            t["produced"] = runs


def deal_value(g: "Game", seat: str, prop: Proposal) -> tuple[float, str]:
    """What signing ``prop`` is worth to ``seat`` in score points, and its worst effect in words.

    The deal is signed on a clone and, for an arms package or a co-production line, what it
    delivers by the end of the game is delivered at once, and the seat's
    score is compared; the spending and receipts still to come over the game are priced at what
    $1bn more spent (or received) would move the seat's score now. Cheaper than
    :func:`preview_deal` (no flows are run), for computer players weighing their inbox.
    """
    after = g.clone()
    after._pending = []
    try:
        com = activate(after, prop)
    except (KeyError, TypeError, ValueError, IllegalAction):
        return -100.0, "it cannot be signed"
    if com is not None and com.status == "active":
        _deliver_at_once(g, after, com)
    s0, s1 = g.score(seat), after.score(seat)
    value = s1.total - s0.total
    spend, receive = _future_money(g, seat, prop.deal, dict(prop.terms))
    if spend:
        probe = after.clone()
        probe.state.seats[seat].spent += 1000
        value += spend / 1000.0 * (probe.score(seat).total - s1.total)
    if receive:
        probe = after.clone()
        ps = probe.state.seats[seat]
        ps.inflows += 1000 if seat == "islamabad" else 0
        ps.exports += 1000 if prop.deal == "arms_sale" else 0
        value += receive / 1000.0 * (probe.score(seat).total - s1.total)
    by_key = {c.key: c for c in s1.components}
    moves = sorted(((by_key[c.key].points - c.points, c.label) for c in s0.components))
    worst = f"{moves[0][1]} {moves[0][0]:+.1f}" if moves and moves[0][0] < -0.05 else ""
    if spend and not worst:
        worst = f"{money(spend)} more security spending"
    return round(value, 2), worst
