"""The quarter's automatic flows: income, debt service, deliveries, production, habit and decay."""
from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.rules.common import clamp, emit, external, name, transfer
from wargame.rules.deals import pay_grant
from wargame.state import Commitment
from wargame.types import SEATS, money

if TYPE_CHECKING:
    from wargame.rules.game import Game

SANCTION_BITE = 0.85
"""Share of income a seat keeps under sanctions pressure."""


def sanctioned(g: "Game", seat: str) -> bool:
    """Whether sanctions bite on ``seat`` (applied by Washington, or NATO standing below the floor)."""
    s = g.state.seats[seat]
    if s.sanctioned:
        return True
    return seat == "ankara" and s.standing < g.state.params["standing_floor"]


def quarter_flows(g: "Game") -> None:
    """Run every automatic flow of the events phase, in a fixed order."""
    st = g.state
    inflow_before = {s: st.seats[s].inflows for s in SEATS}
    for seat in SEATS:
        s = st.seats[seat]
        income = s.income
        if sanctioned(g, seat):
            income = int(income * SANCTION_BITE)
        external(g, seat, income)
        s.pc = s.pc_per_turn
        s.done = False
        due = [d for d in s.deliveries if d["turn"] <= st.turn]
        for d in due:
            s.capability[d["domain"]] = round(s.capability[d["domain"]] + d["points"], 4)
        s.deliveries = [d for d in s.deliveries if d["turn"] > st.turn]
    emit(g, "income", "Income: " + ", ".join(
        f"{name(s)} +{money(st.seats[s].income if not sanctioned(g, s) else int(st.seats[s].income * SANCTION_BITE))}"
        + (" (sanctions bite)" if sanctioned(g, s) else "") for s in SEATS), SEATS, True)
    for com in list(st.commitments.values()):
        if com.status != "active":
            continue
        handler = _HANDLERS.get(com.kind)
        if handler is not None:
            handler(g, com)
    _posture_upkeep(g)
    _decay(g)
    for seat in SEATS:
        s = st.seats[seat]
        relief = (s.inflows - inflow_before[seat]) / 1000.0 * 2.5
        debt_load = s.debt / 1000.0 * 0.3
        s.stress = clamp(s.stress + s.stress_drift + debt_load - relief - s.reserves / 5000.0)


def _loan(g: "Game", com: Commitment) -> None:
    t = com.terms
    lender, borrower = t["lender"], t["borrower"]
    if com.signed == g.state.turn:
        return
    outstanding = int(t["outstanding"])
    interest = int(round(outstanding * t["rate"] / 400.0))
    amort = 0 if com.kind == "deposit" else min(outstanding, int(t["amount"]) // int(t["turns"]) or outstanding)
    due = interest + amort
    b = g.state.seats[borrower]
    paid = min(due, max(0, b.budget))
    transfer(g, borrower, lender, paid)
    if com.kind == "deposit":
        # a deposit's principal stays in reserves until maturity; only interest is due
        paid_interest = paid
        t["quarters"] = t.get("quarters", 0) + 1
        if paid_interest < interest:
            b.stress = clamp(b.stress + 2)
        if t["quarters"] >= t["turns"]:
            back = min(outstanding, b.reserves)
            b.reserves -= back
            g.state.seats[lender].budget += back
            t["outstanding"] = outstanding - back
            com.status = "expired"
            emit(g, "flow", f"{com.name} matures: {money(back)} returns to {name(lender)}",
                 com.parties, com.public, commitment=com.id, amount=back)
        return
    shortfall = due - paid
    principal_paid = max(0, paid - interest)
    t["outstanding"] = outstanding - principal_paid + (shortfall if shortfall > 0 and paid < interest else 0)
    b.debt = max(0, b.debt - principal_paid)
    if shortfall > 0:
        b.stress = clamp(b.stress + 3)
        b.credibility = clamp(b.credibility - 1)
        emit(g, "flow", f"{name(borrower)} falls into arrears on {com.name} ({money(shortfall)} unpaid)",
             com.parties, com.public, commitment=com.id, shortfall=shortfall)
    if t["outstanding"] <= 0:
        com.status = "expired"
        emit(g, "flow", f"{com.name} is repaid in full", com.parties, com.public, commitment=com.id)


def _arms_sale(g: "Game", com: Commitment) -> None:
    t = com.terms
    if t.get("held"):
        return
    if com.signed == g.state.turn:
        return
    seller, buyer = t["seller"], t["buyer"]
    per = int(t["value"]) // int(t["turns"])
    if not t.get("prepaid"):
        credit = _credit_line(g, seller, buyer, per)
        if credit is not None:
            credit.terms["used"] += per
            credit.terms["outstanding"] = credit.terms.get("outstanding", 0) + per
            g.state.seats[buyer].debt += per
            t["financed"] = t.get("financed", 0) + per
        elif g.state.seats[buyer].budget < per:
            emit(g, "flow", f"{name(buyer)} cannot pay this quarter's instalment of {com.name}: "
                 "delivery postponed", com.parties, com.public, commitment=com.id)
            return
        else:
            transfer(g, buyer, seller, per)
    seller_state = g.state.seats[seller]
    seller_state.exports += per
    if seller == "islamabad" and not t.get("prepaid"):
        seller_state.inflows += per
    points = round(per / 1000.0 * g.state.params["capability_per_bn"], 4)
    cap = g.state.seats[buyer].capability
    cap[t["domain"]] = round(cap[t["domain"]] + points, 4)
    t["delivered"] += 1
    emit(g, "delivery", f"{com.name}: delivery {t['delivered']}/{t['turns']} (+{points:g} {t['domain']})",
         com.parties, com.public, commitment=com.id, points=points, amount=per)
    if t["delivered"] >= t["turns"]:
        com.status = "expired"


def _credit_line(g: "Game", provider: str, beneficiary: str, amount: int) -> Commitment | None:
    for com in g.state.commitments.values():
        if (com.kind == "export_credit" and com.status == "active"
                and com.terms["provider"] == provider and com.terms["beneficiary"] == beneficiary
                and com.terms["limit"] - com.terms["used"] >= amount):
            return com
    return None


def _export_credit(g: "Game", com: Commitment) -> None:
    """Repay an export-credit facility: an eighth of what is owed, plus interest, each quarter."""
    t = com.terms
    owed = int(t.get("outstanding", 0))
    if owed <= 0:
        return
    provider, beneficiary = t["provider"], t["beneficiary"]
    interest = int(round(owed * t["rate"] / 400.0))
    principal = min(owed, max(25, owed // 8))
    b = g.state.seats[beneficiary]
    paid = min(principal + interest, max(0, b.budget))
    transfer(g, beneficiary, provider, paid)
    repaid = max(0, paid - interest)
    t["outstanding"] = owed - repaid
    b.debt = max(0, b.debt - repaid)
    if paid < principal + interest:
        b.stress = clamp(b.stress + 2)


def _grant(g: "Game", com: Commitment) -> None:
    if com.signed != g.state.turn and com.terms["turns"] > 1:
        pay_grant(g, com)


def _coproduction(g: "Game", com: Commitment) -> None:
    t = com.terms
    line = g.scenario.line(t["line"])
    if g.state.turn < t["ready"]:
        return
    if g.state.turn == t["ready"]:
        emit(g, "industry", f"{line.name} enters production", com.parties, com.public, commitment=com.id)
    share = t["share"] / 100.0
    host, partner = t["host"], t["partner"]
    for seat, part in ((partner, share), (host, 1 - share)):
        cap = g.state.seats[seat].capability
        cap[line.domain] = round(cap[line.domain] + line.output * part, 4)
        revenue = int(line.revenue * part)
        external(g, seat, revenue)
        g.state.seats[seat].exports += revenue
        g.state.seats[seat].inflows += revenue if seat == "islamabad" else 0
    t["produced"] = t.get("produced", 0) + 1


def _fee(g: "Game", com: Commitment, payer: str, payee: str, fee: int, what: str) -> None:
    if fee <= 0 or com.signed == g.state.turn:
        return
    if g.state.seats[payer].budget < fee:
        com.status = "suspended"
        emit(g, "flow", f"{com.name} is suspended: {name(payer)} cannot pay the {what}",
             com.parties, com.public, commitment=com.id)
        return
    transfer(g, payer, payee, fee)
    g.state.seats[payee].inflows += fee
    if com.kind == "premium":
        g.state.seats[payee].premium_income += fee


def _port(g: "Game", com: Commitment) -> None:
    _fee(g, com, com.terms["guest"], com.terms["host"], int(com.terms["fee"]), "access fee")


def _premium(g: "Game", com: Commitment) -> None:
    _fee(g, com, com.terms["buyer"], com.terms["provider"], int(com.terms["fee"]), "premium")


def _pact(g: "Game", com: Commitment) -> None:
    lay = com.layers
    p = g.state.params
    if lay.get("exercises"):
        cost = int(p["exercise_cost"])
        if all(g.state.seats[m].budget >= cost for m in com.parties):
            for m in com.parties:
                external(g, m, -cost, spending=True)
            lay["habit"] = round(min(1.0, lay.get("habit", 0.0) + p["habit_gain"]), 4)
            emit(g, "exercise", f"{com.name}: recurring exercise held (habit {lay['habit']:.2f})",
                 com.parties, com.public, commitment=com.id, habit=lay["habit"])
            lay["last_exercise"] = g.state.turn
            return
        emit(g, "exercise", f"{com.name}: the exercise is skipped, a member cannot pay",
             com.parties, com.public, commitment=com.id)
    _decay_habit(g, com)


def _decay_habit(g: "Game", com: Commitment) -> None:
    lay = com.layers
    if lay.get("last_exercise", -9) >= g.state.turn - 1:
        return
    habit = lay.get("habit", 0.0)
    if habit > 0:
        lay["habit"] = round(max(0.0, habit * (1 - g.state.params["habit_decay"])), 4)


def _agreement(g: "Game", com: Commitment) -> None:
    _decay_habit(g, com)


_HANDLERS = {
    "loan": _loan, "deposit": _loan, "arms_sale": _arms_sale, "grant": _grant,
    "coproduction": _coproduction, "port_access": _port, "premium": _premium, "pact": _pact,
    "agreement": _agreement, "export_credit": _export_credit,
}


def _posture_upkeep(g: "Game") -> None:
    upkeep = int(g.state.params["posture_cost"] / 4) * sum(g.state.posture.values())
    if upkeep:
        paid = min(upkeep, g.state.seats["washington"].budget)
        external(g, "washington", -paid, spending=True)


def _decay(g: "Game") -> None:
    st = g.state
    decay = st.params["signal_decay"]
    for seat in SEATS:
        s = st.seats[seat]
        s.signal = round(s.signal * (1 - decay), 4)
        s.declared = {t: turn for t, turn in s.declared.items() if turn >= st.turn - 3}
    for pid in [p.id for p in st.proposals.values() if p.status != "open" and p.turn < st.turn - 1]:
        del st.proposals[pid]
    for prop in st.proposals.values():
        if prop.status == "open" and prop.turn < st.turn:
            prop.status = "lapsed"
            emit(g, "lapsed", f"Proposal {prop.id} from {name(prop.sender)} lapses unanswered",
                 [prop.sender, *prop.to], prop.public, proposal=prop.id)
