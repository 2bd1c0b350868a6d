"""One handler per action kind: checks first (raising :class:`IllegalAction`), then applies.

Every handler takes ``dry``: with ``dry=True`` it only checks, which is how the query API
explains why an action is unavailable. The contract every handler keeps: *all* its checks come
before its first change to the state (``if dry: return`` marks the boundary), so
``Game.apply`` runs a handler once, for real, and an illegal action still changes nothing
(the property tests check this for every kind).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from wargame import actions as A
from wargame.rules import crisis as crisis_rules
from wargame.errors import IllegalAction
from wargame.rules.common import can_pay, clamp, emit, external, fail, name, new_id, require
from wargame.rules.deals import activate, check_affordable, describe_deal, validate_deal
from wargame.rules.figures import capability_points
from wargame.rules.terms import PURCHASE
from wargame.rules.layers import VISIBLE_SHARE, add_habit
from wargame.state import Commitment, Proposal
from wargame.types import DOMAINS, RESPONSES, SEATS, money

if TYPE_CHECKING:
    from wargame.rules.game import Game

PC_COST = {
    "propose": 1, "counter": 1, "withdraw": 1, "declare": 1, "show_exercise": 1, "invest": 1,
    "buy_foreign": 1, "assure": 1, "posture": 1, "hold": 1, "release": 1, "sanction": 1,
    "lift_sanctions": 1,
}
"""Political capital each action costs."""

SHOW_EXERCISE = 1.5
"""A visible exercise costs one and a half quarters of a pact's recurring exercise."""

WASHINGTON_ONLY = ("assure", "posture", "hold", "release", "sanction", "lift_sanctions")
WITHDRAWABLE = ("pact", "agreement", "assurance", "port_access", "premium", "export_credit",
                "understanding")


def _open_proposal(g: "Game", seat: str, pid: str) -> Proposal:
    prop = g.state.proposals.get(pid)
    require(prop is not None, f"there is no proposal {pid!r}", "form")
    assert prop is not None
    require(prop.status == "open", f"proposal {pid} is {prop.status}, not open")
    require(seat in prop.to, f"proposal {pid} is not addressed to {name(seat)}")
    require(prop.answers.get(seat) is None, f"{name(seat)} has already answered proposal {pid}")
    return prop


def _party_commitment(g: "Game", seat: str, cid: str, kinds: tuple[str, ...],
                      suspended_ok: bool = False) -> Commitment:
    com = g.state.commitments.get(cid)
    require(com is not None, f"there is no commitment {cid!r}", "form")
    assert com is not None
    require(com.status == "active" or (suspended_ok and com.status == "suspended"),
            f"{com.name} is {com.status}, not active")
    require(com.kind in kinds, f"{com.name} is a {com.kind}; this needs one of {', '.join(kinds)}")
    require(seat in com.parties, f"{name(seat)} is not a party to {com.name}")
    return com


def propose(g: "Game", a: A.Propose, dry: bool) -> None:
    """Table a deal; the proposer's up-front share must be affordable now."""
    terms = dict(a.terms)
    validate_deal(g, a.seat, a.deal, list(a.to), terms)
    check_affordable(g, a.deal, terms, [a.seat, *a.to], only=a.seat)
    if dry:
        return
    prop = Proposal(id=new_id(g, "p"), sender=a.seat, deal=a.deal, to=list(a.to), terms=terms,
                    public=a.public, turn=g.state.turn)
    g.state.proposals[prop.id] = prop
    for seat in a.to:
        g.state.seats[seat].offers_received += 1
    emit(g, "proposal", f"{name(a.seat)} proposes to "
         f"{', '.join(name(s) for s in a.to)}: {describe_deal(g, a.deal, terms, [a.seat, *a.to])} ({prop.id})", [a.seat, *a.to], False,
         proposal=prop.id, deal=a.deal, terms=terms)


def accept(g: "Game", a: A.Accept, dry: bool) -> None:
    """Accept; the deal is signed once every recipient has accepted and every payer can pay."""
    prop = _open_proposal(g, a.seat, a.proposal)
    terms = prop.terms
    validate_deal(g, prop.sender, prop.deal, prop.to, terms)
    check_affordable(g, prop.deal, terms, [prop.sender, *prop.to], only=a.seat)
    last = all(prop.answers.get(s) == "accept" for s in prop.to if s != a.seat)
    if last:
        try:
            check_affordable(g, prop.deal, terms, [prop.sender, *prop.to])
        except IllegalAction as err:  # re-raise with advice to the accepter (a rule bug propagates)
            raise IllegalAction(f"{err}; reject the proposal instead", err.code) from err
    if dry:
        return
    prop.answers[a.seat] = "accept"
    emit(g, "answer", f"{name(a.seat)} accepts {name(prop.sender)}'s proposal ({prop.id}): "
         f"{describe_deal(g, prop.deal, terms, [prop.sender, *prop.to])}", [prop.sender, *prop.to], False,
         proposal=prop.id)
    if last:
        prop.status = "accepted"
        activate(g, prop)


def reject(g: "Game", a: A.Reject, dry: bool) -> None:
    """Reject a proposal."""
    prop = _open_proposal(g, a.seat, a.proposal)
    require(isinstance(a.reason, str) and len(a.reason) <= 300, "a reason is a text of at most 300 characters", "form")
    if dry:
        return
    prop.answers[a.seat] = "reject"
    prop.status = "rejected"
    what = describe_deal(g, prop.deal, prop.terms, [prop.sender, *prop.to])
    what = f"{what} ({prop.id})" if prop.deal == "demand" else f"{name(prop.sender)}'s proposal ({prop.id}): {what}"
    emit(g, "answer", f"{name(a.seat)} rejects {what}" + (f" — {a.reason}" if a.reason else ""),
         [prop.sender, *prop.to], False, proposal=prop.id, reason=a.reason)


def counter(g: "Game", a: A.Counter, dry: bool) -> None:
    """Reject and send back the same deal with new terms."""
    prop = _open_proposal(g, a.seat, a.proposal)
    require(g.state.phase == "diplomacy", "counter-proposals are made in the diplomacy phase", "phase")
    to = [prop.sender, *[s for s in prop.to if s != a.seat]]
    terms = dict(a.terms)
    validate_deal(g, a.seat, prop.deal, to, terms)
    check_affordable(g, prop.deal, terms, [a.seat, *to], only=a.seat)
    if dry:
        return
    prop.answers[a.seat] = "counter"
    prop.status = "rejected"
    new = Proposal(id=new_id(g, "p"), sender=a.seat, deal=prop.deal, to=to, terms=terms,
                   public=prop.public, turn=g.state.turn, reply_to=prop.id)
    g.state.proposals[new.id] = new
    for seat in to:
        g.state.seats[seat].offers_received += 1
    emit(g, "proposal", f"{name(a.seat)} counters {prop.id} with {new.id}: "
         f"{describe_deal(g, prop.deal, terms, [a.seat, *to])}", [a.seat, *to], False,
         proposal=new.id, reply_to=prop.id, terms=terms)


def withdraw(g: "Game", a: A.Withdraw, dry: bool) -> None:
    """Leave a commitment: credibility falls, more if it was public; leaving NATO costs standing."""
    com = _party_commitment(g, a.seat, a.commitment, WITHDRAWABLE, suspended_ok=True)
    if com.terms.get("closed"):
        fail(f"{com.name} is already closed to new drawings; what is owed is being repaid")
    if dry:
        return
    s = g.state.seats[a.seat]
    loss = g.state.params["withdraw_loss"] * (1.0 if com.public else 0.5)
    s.credibility = clamp(s.credibility - loss)
    if com.kind == "pact" and len(com.parties) > 2:
        com.parties.remove(a.seat)
    elif com.kind == "export_credit" and com.terms.get("outstanding", 0) > 0:
        # leaving a credit facility closes it to new drawings; what is owed is still repaid
        com.terms["closed"] = True
    else:
        com.status = "broken"
    if com.id == "nato" or (com.kind == "understanding"):
        s.standing = clamp(s.standing - (40 if com.id == "nato" else 15))
    emit(g, "withdrawal", f"{name(a.seat)} withdraws from {com.name} (credibility -{loss:g})",
         com.parties + ([a.seat] if a.seat not in com.parties else []), com.public,
         commitment=com.id)


def _covering_link(g: "Game", seat: str, target: str) -> bool:
    for com in g.state.commitments.values():
        if com.status != "active":
            continue
        if com.kind in ("pact", "agreement") and seat in com.parties and target in com.parties:
            return True
        if com.kind == "assurance" and seat == "washington" and com.terms["to"] == target:
            return True
    return False


def declare(g: "Game", a: A.Declare, dry: bool) -> None:
    """A public declaration of support: perceived deterrence rises; a test will check it."""
    require(a.target in SEATS and a.target != a.seat, "declare support for another seat", "form")
    require(_covering_link(g, a.seat, a.target),
            f"{name(a.seat)} has no pact, agreement or assurance with {name(a.target)} to declare")
    require(g.state.seats[a.seat].declared.get(a.target) != g.state.turn,
            f"{name(a.seat)} has already declared support for {name(a.target)} this quarter")
    if dry:
        return
    boost = g.state.params["declare_boost"]
    t = g.state.seats[a.target]
    t.signal = round(t.signal + boost, 4)
    g.state.seats[a.seat].declared[a.target] = g.state.turn
    emit(g, "signal", f"{name(a.seat)} publicly declares it stands with {name(a.target)}",
         [a.seat, a.target], True, target=a.target, boost=boost)


def show_exercise(g: "Game", a: A.ShowExercise, dry: bool) -> None:
    """A visible exercise: costs money, raises perceived deterrence, adds a little habit (none
    without a planning cell, rules §4.4) and keeps the habit from decaying."""
    com = _party_commitment(g, a.seat, a.commitment, ("pact", "agreement"))
    require(com.layers.get("last_show") != g.state.turn, f"{com.name} was already exercised visibly this quarter")
    cost = show_exercise_cost(g)
    can_pay(g, a.seat, cost, "a visible exercise")
    if dry:
        return
    external(g, a.seat, -cost, spending=True)
    p = g.state.params
    gain = add_habit(g, com, VISIBLE_SHARE)
    com.layers["last_show"] = g.state.turn
    com.layers["last_exercise"] = g.state.turn
    for seat in com.parties:
        s = g.state.seats[seat]
        s.signal = round(s.signal + p["declare_boost"] * 0.8, 4)
    emit(g, "signal", f"Visible exercise under {com.name}, led by {name(a.seat)} ({money(cost)})",
         com.parties, True, commitment=com.id, cost=cost, habit_gain=gain)


def show_exercise_cost(g: "Game") -> int:
    """What a visible exercise costs the seat that leads it ($m)."""
    return int(g.state.params["exercise_cost"] * SHOW_EXERCISE)


def posture_cost(g: "Game", change: int) -> int:
    """What changing posture at a base by ``change`` levels costs Washington now ($m): reinforcing
    costs the scenario's posture cost, drawing down is free."""
    return int(g.state.params["posture_cost"]) if change > 0 else 0


def _amount(a_amount: int) -> None:
    low, high = int(PURCHASE.low), int(PURCHASE.high)
    require(isinstance(a_amount, int) and low <= a_amount <= high,
            f"the amount must be a whole number of $m between {low} and {high}", "form")


def invest(g: "Game", a: A.Invest, dry: bool) -> None:
    """National procurement: pay now, capability arrives next quarter."""
    require(a.domain in DOMAINS, f"domain must be one of {list(DOMAINS)}", "form")
    _amount(a.amount)
    can_pay(g, a.seat, a.amount, f"{a.domain} procurement")
    if dry:
        return
    external(g, a.seat, -a.amount, spending=True)
    points = round(capability_points(g, a.amount), 4)
    g.state.seats[a.seat].deliveries.append({"turn": g.state.turn + 1, "domain": a.domain, "points": points})
    emit(g, "investment", f"{name(a.seat)} invests {money(a.amount)} in {a.domain} (+{points:g} next quarter)",
         [a.seat], False, domain=a.domain, amount=a.amount, points=points)


def buy_foreign(g: "Game", a: A.BuyForeign, dry: bool) -> None:
    """Buy from Russia or China: more capability per dollar, standing with Washington falls."""
    require(a.supplier in ("russia", "china"), "the supplier is 'russia' or 'china'", "form")
    require(a.domain in DOMAINS, f"domain must be one of {list(DOMAINS)}", "form")
    require(a.seat != "washington", "Washington does not buy from Russia or China")
    _amount(a.amount)
    for com in g.state.commitments.values():
        require(not (com.kind == "understanding" and com.status == "active" and a.seat in com.parties
                     and com.terms.get("ask") == "no_foreign_arms"),
                f"{name(a.seat)} agreed with Washington not to buy Russian or Chinese arms")
    can_pay(g, a.seat, a.amount, "a foreign purchase")
    if dry:
        return
    p = g.state.params
    external(g, a.seat, -a.amount, spending=True)
    points = round(capability_points(g, a.amount) * (1 + p["foreign_discount"]), 4)
    s = g.state.seats[a.seat]
    s.deliveries.append({"turn": g.state.turn + 2, "domain": a.domain, "points": points})
    hit = 12.0 if a.domain == "amd" and a.supplier == "russia" else 8.0
    s.standing = clamp(s.standing - hit)
    emit(g, "purchase", f"{name(a.seat)} buys {a.domain} systems from {a.supplier.title()} for "
         f"{money(a.amount)}; Washington takes note (standing -{hit:g})", [a.seat, "washington"], True,
         supplier=a.supplier, amount=a.amount, points=points)


def assure(g: "Game", a: A.Assure, dry: bool) -> None:
    """Washington's assurance: public ones raise perceived deterrence, private ones only real."""
    require(a.to in ("ankara", "riyadh", "islamabad"), "assure Ankara, Riyadh or Islamabad", "form")
    for com in g.state.commitments.values():
        require(not (com.kind == "assurance" and com.status == "active" and com.terms["to"] == a.to),
                f"Washington already has an assurance to {name(a.to)} ({com.name})")
    if dry:
        return
    base = {"riyadh": 0.45, "ankara": 0.55, "islamabad": 0.25}[a.to]
    com = Commitment(id=new_id(g, "c"), kind="assurance",
                     name=f"US {'public' if a.public else 'private'} assurance to {name(a.to)}",
                     parties=["washington", a.to], terms={"to": a.to, "integration": base},
                     status="active", public=a.public, signed=g.state.turn)
    g.state.commitments[com.id] = com
    g.state.seats[a.to].standing = clamp(g.state.seats[a.to].standing + 3)
    emit(g, "signed", f"Washington extends a {'public' if a.public else 'private'} assurance to {name(a.to)}",
         ["washington", a.to], a.public, commitment=com.id)


def posture(g: "Game", a: A.Posture, dry: bool) -> None:
    """Washington moves force posture at a base up or down one level."""
    require(a.base in g.state.posture, f"{a.base!r} is not a US base; bases are {', '.join(g.state.posture)}", "form")
    require(a.change in (1, -1), "posture changes by +1 or -1", "form")
    level = g.state.posture[a.base] + a.change
    site = g.scenario.site(a.base).name
    require(0 <= level <= 3, f"posture at {site} stays between 0 and 3")
    cost = posture_cost(g, a.change)
    can_pay(g, "washington", cost, f"reinforcing {site}")
    if dry:
        return
    external(g, "washington", -cost, spending=True)
    g.state.posture[a.base] = level
    host = g.scenario.site(a.base).host
    if host in SEATS and a.change < 0:
        g.state.seats[host].stress = clamp(g.state.seats[host].stress + 2)
    emit(g, "posture", f"Washington {'reinforces' if a.change > 0 else 'draws down'} {site} "
         f"(posture {level}/3)", ["washington"] + ([host] if host in SEATS else []), True,
         base=a.base, level=level)


def _us_sale(g: "Game", cid: str) -> Commitment:
    com = _party_commitment(g, "washington", cid, ("arms_sale",))
    require(com.terms["seller"] == "washington", f"{com.name} is not a US sale")
    return com


def hold(g: "Game", a: A.Hold, dry: bool) -> None:
    """Hold deliveries of a US arms sale."""
    com = _us_sale(g, a.commitment)
    require(not com.terms.get("held"), f"{com.name} is already held")
    if dry:
        return
    com.terms["held"] = True
    buyer = com.terms["buyer"]
    g.state.seats[buyer].stress = clamp(g.state.seats[buyer].stress + 2)
    emit(g, "hold", f"Washington holds {com.name}", com.parties, True, commitment=com.id)


def release(g: "Game", a: A.Release, dry: bool) -> None:
    """Release a held US arms sale."""
    com = _us_sale(g, a.commitment)
    require(bool(com.terms.get("held")), f"{com.name} is not held")
    if dry:
        return
    com.terms["held"] = False
    emit(g, "hold", f"Washington releases {com.name}", com.parties, True, commitment=com.id)


def sanction(g: "Game", a: A.Sanction, dry: bool) -> None:
    """Sanctions pressure: the target's income falls and its standing drops."""
    require(a.target in ("ankara", "riyadh", "islamabad"), "sanction Ankara, Riyadh or Islamabad", "form")
    require(not g.state.seats[a.target].sanctioned, f"{name(a.target)} is already under sanctions pressure")
    if dry:
        return
    t = g.state.seats[a.target]
    t.sanctioned = True
    t.standing = clamp(t.standing - 10)
    emit(g, "sanctions", f"Washington applies sanctions pressure on {name(a.target)}'s procurement",
         ["washington", a.target], True, target=a.target)


def lift_sanctions(g: "Game", a: A.LiftSanctions, dry: bool) -> None:
    """Lift sanctions pressure."""
    require(a.target in SEATS and g.state.seats[a.target].sanctioned,
            f"{name(a.target)} is not under sanctions pressure")
    if dry:
        return
    t = g.state.seats[a.target]
    t.sanctioned = False
    t.standing = clamp(t.standing + 8)
    emit(g, "sanctions", f"Washington lifts sanctions pressure on {name(a.target)}",
         ["washington", a.target], True, target=a.target)


def respond(g: "Game", a: A.Respond, dry: bool) -> None:
    """A seat's crisis response; the crisis resolves when every obliged seat has answered.

    The response stays secret until the outcome: nothing another seat sees changes now, and
    its cost is paid at the outcome (:func:`wargame.rules.crisis.pay_responses`)."""
    c = g.state.crisis
    require(c is not None, "there is no crisis under way", "phase")
    assert c is not None
    require(a.crisis == c.id, f"the crisis under way is {c.id}, not {a.crisis!r}", "form")
    require(a.level in RESPONSES, f"the response is one of {', '.join(RESPONSES)}", "form")
    cost = crisis_rules.response_cost(c, a.level)
    can_pay(g, a.seat, cost, f"a {a.level} response")
    if dry:
        return
    c.responses[a.seat] = a.level  # secret, and paid, at the outcome (rules §10.4)
    emit(g, "response", f"{name(a.seat)} responds to {c.title}: {a.level}", [a.seat], False,
         crisis=c.id, level=a.level)


def end_phase(g: "Game", a: A.EndPhase, dry: bool) -> None:
    """The seat is done for this phase."""
    if dry:
        return
    g.state.seats[a.seat].done = True
    emit(g, "pass", f"{name(a.seat)} ends the {g.state.phase} phase", [a.seat], True)


HANDLERS: dict[str, Callable[..., None]] = {
    "propose": propose, "accept": accept, "reject": reject, "counter": counter,
    "withdraw": withdraw, "declare": declare, "show_exercise": show_exercise, "invest": invest,
    "buy_foreign": buy_foreign, "assure": assure, "posture": posture, "hold": hold,
    "release": release, "sanction": sanction, "lift_sanctions": lift_sanctions,
    "respond": respond, "end_phase": end_phase,
}

PHASE_ACTIONS: dict[str, tuple[str, ...]] = {
    "diplomacy": ("propose", "accept", "reject", "counter", "withdraw", "declare", "assure",
                  "sanction", "lift_sanctions", "undo", "end_phase"),
    "investment": ("accept", "reject", "invest", "buy_foreign", "posture", "hold", "release",
                   "show_exercise", "undo", "end_phase"),
    "crisis": ("respond",),
}
"""Which seat actions each phase allows."""
