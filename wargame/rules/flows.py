"""The quarter's automatic flows: income, debt service, deliveries, production, habit and decay."""
from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.rules.common import INFLOW_RELIEF, clamp, emit, external, inflow, name, transfer
from wargame.rules.deals import describe_deal, pay_grant
from wargame.rules.figures import (PROCEEDS_OUTSIDE, arms_instalment, capability_points, credit_repayment,
                                   line_revenue, line_split, loan_amortisation, quarter_interest)
from wargame.rules.layers import add_habit, add_shared_equipment
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


def income_paid(g: "Game", seat: str) -> int:
    """The income ``seat`` is paid next quarter ($m): its income, cut to 85% while sanctions bite."""
    income = g.state.seats[seat].income
    return int(income * SANCTION_BITE) if sanctioned(g, seat) else income


def quarter_flows(g: "Game") -> None:
    """Run every automatic flow of the events phase, in a fixed order."""
    st = g.state
    for seat in SEATS:
        s = st.seats[seat]
        external(g, seat, income_paid(g, seat))
        s.pc = s.pc_per_turn
        s.done = False
        due = [d for d in s.deliveries if d["turn"] <= st.turn]
        for d in due:
            s.capability[d["domain"]] = round(s.capability[d["domain"]] + d["points"], 4)
        s.deliveries = [d for d in s.deliveries if d["turn"] > st.turn]
    emit(g, "income", "Income: " + ", ".join(
        f"{name(s)} +{money(income_paid(g, s))}"
        + (" (sanctions bite)" if sanctioned(g, s) else "") for s in SEATS), SEATS, True)
    for com in list(st.commitments.values()):
        if com.status == "suspended" and com.kind in ("port_access", "premium"):
            _resume_fee(g, com)
        if com.status != "active":
            continue
        handler = _HANDLERS.get(com.kind)
        if handler is not None:
            handler(g, com)
    _posture_upkeep(g)
    _decay(g)
    for seat in SEATS:
        s = st.seats[seat]
        debt_load = s.debt / 1000.0 * 0.3
        s.stress = clamp(s.stress + s.stress_drift + debt_load - s.reserves / 5000.0)


def _loan(g: "Game", com: Commitment) -> None:
    """Debt service of a loan or a deposit, from the quarter after signing.

    A loan pays interest (rate / 4 a quarter on what is outstanding) plus an equal share of the
    principal; what the borrower cannot pay is in arrears: unpaid interest is added to the
    principal (and to the borrower's debt), stress rises and credibility falls. A deposit pays
    only interest; its principal sits in the borrower's reserves and returns at maturity.
    """
    t = com.terms
    if com.signed == g.state.turn:
        return
    lender, borrower = t["lender"], t["borrower"]
    b = g.state.seats[borrower]
    outstanding = int(t["outstanding"])
    interest = quarter_interest(outstanding, t["rate"])
    if com.kind == "deposit":
        paid = min(interest, max(0, b.budget))
        transfer(g, borrower, lender, paid)
        t["quarters"] = t.get("quarters", 0) + 1
        if paid < interest:
            b.stress = clamp(b.stress + 2)
            emit(g, "flow", f"{name(borrower)} cannot pay the interest on {com.name} "
                 f"({money(interest - paid)} unpaid)", com.parties, com.public, commitment=com.id,
                 shortfall=interest - paid)
        if t["quarters"] >= t["turns"]:
            back = min(outstanding, b.reserves)
            b.reserves -= back
            if com.signed >= 1:  # signed in play, so counted as an inflow: it counts net
                b.inflows = max(0, b.inflows - back)
            b.stress = clamp(b.stress + back / 1000.0 * INFLOW_RELIEF)  # capital leaves
            g.state.seats[lender].budget += back
            t["outstanding"] = outstanding - back
            com.status = "expired"
            emit(g, "flow", f"{com.name} matures: {money(back)} returns to {name(lender)}",
                 com.parties, com.public, commitment=com.id, amount=back)
        return
    amort = loan_amortisation(t, outstanding)
    due = interest + amort
    paid = min(due, max(0, b.budget))
    transfer(g, borrower, lender, paid)
    interest_paid = min(paid, interest)
    principal_paid = paid - interest_paid
    unpaid_interest = interest - interest_paid
    t["outstanding"] = outstanding - principal_paid + unpaid_interest
    b.debt = max(0, b.debt - principal_paid + unpaid_interest)
    shortfall = due - paid
    if shortfall > 0:
        t["arrears"] = int(t.get("arrears", 0)) + shortfall
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
    per = arms_instalment(t)
    if not t.get("prepaid"):
        credit = _credit_line(g, seller, buyer, per)
        if credit is not None:
            credit.terms["used"] += per
            credit.terms["outstanding"] = credit.terms.get("outstanding", 0) + per
            g.state.seats[buyer].debt += per
            t["financed"] = t.get("financed", 0) + per
        elif g.state.seats[buyer].budget < per:
            t["missed"] = int(t.get("missed", 0)) + 1
            if t["missed"] >= 2:
                com.status = "broken"
                b = g.state.seats[buyer]
                b.credibility = clamp(b.credibility - 1)
                emit(g, "flow", f"{com.name} is cancelled: {name(buyer)} missed two instalments",
                     com.parties, com.public, commitment=com.id)
            else:
                emit(g, "flow", f"{name(buyer)} cannot pay this quarter's instalment of {com.name}: "
                     "delivery postponed", com.parties, com.public, commitment=com.id)
            return
        elif seller in PROCEEDS_OUTSIDE:
            external(g, buyer, -per, spending=True)
        else:
            transfer(g, buyer, seller, per, spending=True)
    else:  # a converted loan: paid in advance (lending is not spending), spent as it arrives
        g.state.seats[buyer].spent += per
    seller_state = g.state.seats[seller]
    seller_state.exports += per
    if seller == "islamabad" and not t.get("prepaid"):
        inflow(g, seller, per)
    points = round(capability_points(g, per), 4)
    cap = g.state.seats[buyer].capability
    cap[t["domain"]] = round(cap[t["domain"]] + points, 4)
    t["delivered"] += 1
    add_shared_equipment(g, seller, buyer, points)
    emit(g, "delivery", f"{com.name}: delivery {t['delivered']}/{t['turns']} (+{points:g} {t['domain']})",
         com.parties, com.public, commitment=com.id, points=points, amount=per)
    if t["delivered"] >= t["turns"]:
        com.status = "expired"


def _credit_line(g: "Game", provider: str, beneficiary: str, amount: int) -> Commitment | None:
    for com in g.state.commitments.values():
        if (com.kind == "export_credit" and com.status == "active"
                and com.terms["provider"] == provider and com.terms["beneficiary"] == beneficiary
                and not com.terms.get("closed")
                and com.terms["limit"] - com.terms["used"] >= amount):
            return com
    return None


def _export_credit(g: "Game", com: Commitment) -> None:
    """Repay an export-credit facility: an eighth of what is owed, plus interest, each quarter."""
    t = com.terms
    owed = int(t.get("outstanding", 0))
    if owed <= 0:
        if t.get("closed"):
            com.status = "broken"
        return
    provider, beneficiary = t["provider"], t["beneficiary"]
    principal, interest = credit_repayment(owed, t["rate"])
    b = g.state.seats[beneficiary]
    paid = min(principal + interest, max(0, b.budget))
    transfer(g, beneficiary, provider, paid, spending=True)  # paying for arms bought on credit
    repaid = max(0, paid - interest)
    t["outstanding"] = owed - repaid
    b.debt = max(0, b.debt - repaid)
    if paid < principal + interest:
        b.stress = clamp(b.stress + 2)
        emit(g, "flow", f"{name(beneficiary)} falls behind on {com.name} "
             f"({money(principal + interest - paid)} unpaid)", com.parties, com.public,
             commitment=com.id, shortfall=principal + interest - paid)
    if t["outstanding"] <= 0 and t.get("closed"):
        com.status = "broken"


def _grant(g: "Game", com: Commitment) -> None:
    # the first instalment of a grant signed this quarter was paid at signing
    if com.signed != g.state.turn:
        pay_grant(g, com)


def _coproduction(g: "Game", com: Commitment) -> None:
    t = com.terms
    line = g.scenario.line(t["line"])
    if g.state.turn < t["ready"]:
        return
    if g.state.turn == t["ready"]:
        emit(g, "industry", f"{line.name} enters production", com.parties, com.public, commitment=com.id)
    for seat, part in line_split(t, t["host"]):
        cap = g.state.seats[seat].capability
        cap[line.domain] = round(cap[line.domain] + line.output * part, 4)
        revenue = line_revenue(line, part)
        external(g, seat, revenue)
        g.state.seats[seat].exports += revenue
        if seat == "islamabad":
            inflow(g, seat, revenue)
    add_shared_equipment(g, t["host"], t["partner"], line.output)
    t["produced"] = t.get("produced", 0) + 1


def _fee(g: "Game", com: Commitment, payer: str, payee: str, fee: int, what: str) -> None:
    if fee <= 0 or com.signed == g.state.turn:
        return
    if g.state.seats[payer].budget < fee:
        com.status = "suspended"
        emit(g, "flow", f"{com.name} is suspended: {name(payer)} cannot pay the {what}",
             com.parties, com.public, commitment=com.id)
        return
    transfer(g, payer, payee, fee, spending=True)
    inflow(g, payee, fee)
    if com.kind == "premium":
        g.state.seats[payee].premium_income += fee


def _resume_fee(g: "Game", com: Commitment) -> None:
    """A suspended fee-based commitment resumes in a quarter the payer can pay again."""
    t = com.terms
    payer = t.get("guest") or t.get("buyer")
    if payer and g.state.seats[payer].budget >= int(t.get("fee", 0)):
        com.status = "active"
        emit(g, "flow", f"{com.name} resumes: {name(payer)} can pay again", com.parties, com.public,
             commitment=com.id)


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
            gain = add_habit(g, com)
            emit(g, "exercise", f"{com.name}: recurring exercise held (habit {lay['habit']:.2f}, +{gain:.3f})",
                 com.parties, com.public, commitment=com.id, habit=lay["habit"], gain=gain)
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
    """Washington pays a quarter of a level's cost per level each quarter; short of money it
    draws down its strongest base by one level."""
    per_level = int(g.state.params["posture_cost"] / 4)
    upkeep = per_level * sum(g.state.posture.values())
    if upkeep:
        paid = min(upkeep, g.state.seats["washington"].budget)
        external(g, "washington", -paid, spending=True)
        if paid < upkeep:
            base = max(g.state.posture, key=lambda b: (g.state.posture[b], b))
            g.state.posture[base] -= 1
            site = g.scenario.site(base)
            if site.host in g.state.seats:
                host = g.state.seats[site.host]
                host.stress = clamp(host.stress + 2)
            emit(g, "posture", f"Washington cannot fund its posture: it draws down {site.name} "
                 f"(posture {g.state.posture[base]}/3)", ["washington"], True, base=base,
                 level=g.state.posture[base])


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
            emit(g, "lapsed", f"{name(prop.sender)}'s proposal lapses unanswered: "
                 f"{describe_deal(g, prop.deal, prop.terms, [prop.sender, *prop.to])} ({prop.id})",
                 [prop.sender, *prop.to], prop.public, proposal=prop.id)
