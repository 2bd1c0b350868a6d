"""The catalogue of concrete actions a seat could take, and why unavailable ones are unavailable.

Parameterised actions are offered at a few standard sizes (the forms in the app allow others).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from wargame import actions as A
from wargame.actions import make_terms
from wargame.rules.moves import PHASE_ACTIONS, WASHINGTON_ONLY
from wargame.types import DOMAINS, LAYERS, PHASE_NAMES, SEATS

if TYPE_CHECKING:
    from wargame.rules.game import Game

ALL_KINDS = ("propose", "accept", "reject", "counter", "withdraw", "declare", "show_exercise",
             "invest", "buy_foreign", "assure", "posture", "hold", "release", "sanction",
             "lift_sanctions", "respond", "undo", "end_phase")

SIZES = (500, 1000, 2000)


def deal_templates(g: "Game", seat: str) -> Iterator[A.Propose]:
    """Standard proposals ``seat`` could table now."""
    st = g.state
    others = [s for s in SEATS if s != seat]
    for other in others:
        yield A.Propose(seat, "agreement", (other,), make_terms(clause="consultation"))
        for amount in SIZES:
            for lender, borrower in ((seat, other), (other, seat)):
                yield A.Propose(seat, "loan", (other,), make_terms(lender=lender, borrower=borrower, amount=amount, rate=4.0, turns=8))
                yield A.Propose(seat, "deposit", (other,), make_terms(lender=lender, borrower=borrower, amount=amount, rate=4.0, turns=4))
        yield A.Propose(seat, "grant", (other,), make_terms(donor=seat, recipient=other, amount=300, turns=4))
        for domain in DOMAINS:
            for seller, buyer in ((seat, other), (other, seat)):
                yield A.Propose(seat, "arms_sale", (other,), make_terms(seller=seller, buyer=buyer, domain=domain, value=1000, turns=4))
        for provider, beneficiary in ((seat, other), (other, seat)):
            yield A.Propose(seat, "export_credit", (other,), make_terms(provider=provider, beneficiary=beneficiary, limit=1500, rate=3.0))
        for line in g.scenario.lines:
            if line.host in (seat, other):
                partner = other if line.host == seat else seat
                yield A.Propose(seat, "coproduction", (other,), make_terms(line=line.id, partner=partner, share=40))
        for site in g.scenario.sites:
            if site.kind == "port" and site.host in (seat, other):
                guest = other if site.host == seat else seat
                yield A.Propose(seat, "port_access", (other,), make_terms(host=site.host, guest=guest, site=site.id, fee=50))
        if "islamabad" in (seat, other):
            buyer = other if seat == "islamabad" else seat
            yield A.Propose(seat, "premium", (other,), make_terms(buyer=buyer, provider="islamabad", fee=200))
        if seat == "washington":
            for ask in ("no_foreign_arms", "pause_accession"):
                yield A.Propose(seat, "demand", (other,), make_terms(ask=ask, reward=10))
        for com in st.commitments.values():
            if com.kind == "loan" and com.status == "active" and set(com.parties) == {seat, other}:
                for domain in ("air", "naval", "strike"):
                    yield A.Propose(seat, "convert", (other,), make_terms(loan=com.id, domain=domain, turns=4))
    for com in st.commitments.values():
        if com.kind != "pact" or com.status != "active":
            continue
        for candidate in SEATS:
            if candidate not in com.parties:
                to = tuple(sorted((set(com.parties) | {candidate}) - {seat}))
                yield A.Propose(seat, "accession", to, make_terms(pact=com.id, candidate=candidate))
        if seat in com.parties:
            to = tuple(p for p in com.parties if p != seat)
            for layer in LAYERS:
                yield A.Propose(seat, "layer", to, make_terms(pact=com.id, layer=layer))


def candidates(g: "Game", seat: str) -> Iterator[A.Action]:
    """Every catalogue action for ``seat`` (legal or not) in the current phase."""
    st = g.state
    allowed = PHASE_ACTIONS.get(st.phase, ())
    if "respond" in allowed and st.crisis is not None:
        for level in ("none", "diplomatic", "material", "military"):
            yield A.Respond(seat, st.crisis.id, level)
        return
    if "end_phase" in allowed:
        yield A.EndPhase(seat)
    if "undo" in allowed:
        yield A.Undo(seat)
    if "accept" in allowed:
        for prop in g.open_proposals(seat):
            yield A.Accept(seat, prop.id)
            yield A.Reject(seat, prop.id)
    if "propose" in allowed:
        yield from deal_templates(g, seat)
    if "withdraw" in allowed:
        for com in st.commitments.values():
            if seat in com.parties and com.status in ("active", "suspended"):
                yield A.Withdraw(seat, com.id)
    if "declare" in allowed:
        for other in SEATS:
            if other != seat:
                yield A.Declare(seat, other)
    if "show_exercise" in allowed:
        for com in st.commitments.values():
            if seat in com.parties and com.kind in ("pact", "agreement") and com.status == "active":
                yield A.ShowExercise(seat, com.id)
    if "invest" in allowed:
        for domain in DOMAINS:
            for amount in (250, 500, 1000):
                yield A.Invest(seat, domain, amount)
    if "buy_foreign" in allowed and seat != "washington":
        for supplier in ("russia", "china"):
            for domain in ("amd", "air", "strike"):
                yield A.BuyForeign(seat, supplier, domain, 500)
    if seat != "washington":
        return
    if "assure" in allowed:
        for other in ("ankara", "riyadh", "islamabad"):
            yield A.Assure(seat, other, True)
            yield A.Assure(seat, other, False)
    if "posture" in allowed:
        for base in st.posture:
            yield A.Posture(seat, base, 1)
            yield A.Posture(seat, base, -1)
    if "hold" in allowed:
        for com in st.commitments.values():
            if com.kind == "arms_sale" and com.terms.get("seller") == "washington":
                yield A.Hold(seat, com.id)
                yield A.Release(seat, com.id)
    if "sanction" in allowed:
        for other in ("ankara", "riyadh", "islamabad"):
            yield A.Sanction(seat, other)
            yield A.LiftSanctions(seat, other)


def explain(g: "Game", seat: str) -> dict[str, str]:
    """For every action kind ``seat`` cannot take now, the reason."""
    st = g.state
    legal_kinds: set[str] = set()
    first_reason: dict[str, str] = {}
    for action in candidates(g, seat):
        if action.kind in legal_kinds:
            continue
        reason = g.check(action)
        if reason is None:
            legal_kinds.add(action.kind)
        else:
            first_reason.setdefault(action.kind, reason)
    out: dict[str, str] = {}
    allowed = PHASE_ACTIONS.get(st.phase, ())
    phase_name = PHASE_NAMES[st.phase].lower()
    for kind in ALL_KINDS:
        if kind in legal_kinds:
            continue
        if kind == "counter" and "counter" in allowed and g.open_proposals(seat):
            continue
        label = A.ACTION_TYPES[kind].label
        if st.over:
            out[kind] = "the game is over"
        elif kind in WASHINGTON_ONLY and seat != "washington":
            out[kind] = f"'{label}' is Washington's alone"
        elif kind not in allowed:
            where = [PHASE_NAMES[p].lower() for p, kinds in PHASE_ACTIONS.items() if kind in kinds]
            out[kind] = f"not in the {phase_name} phase" + (f" (only in {', '.join(where)})" if where else "")
        elif seat not in g.acting_seats():
            out[kind] = "this seat is not acting now" if st.phase != "crisis" else "this seat is not involved in the crisis or has responded"
        elif kind in first_reason:
            out[kind] = first_reason[kind]
        elif kind in ("accept", "reject", "counter"):
            out[kind] = "no open proposal is addressed to this seat"
        else:
            out[kind] = "nothing to act on now"
    return out
