"""Signing: validating proposed deals, what each party pays up front, and activating them."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from wargame.rules.common import can_pay, clamp, emit, external, fail, inflow, name, new_id, transfer
from wargame.rules.terms import DEAL_TERMS
from wargame.rules.layers import layer_refusal
from wargame.state import Commitment, Proposal
from wargame.types import CLAUSES, DEALS, DOMAINS, LAYERS, SEATS, money

if TYPE_CHECKING:
    from wargame.rules.game import Game

LAYER_COST = {"planning": 300, "command": 600, "interop": 400, "exercises": 0}
"""One-off cost per member of adding a layer to a pact ($m)."""

DEAL_NAMES = {
    "agreement": "defence cooperation agreement", "accession": "accession to a pact",
    "layer": "pact capability layer", "loan": "loan", "deposit": "central-bank deposit",
    "grant": "grant", "convert": "conversion of a loan into an arms package",
    "arms_sale": "arms sale", "export_credit": "export-credit facility",
    "coproduction": "co-production line", "port_access": "port and logistics access",
    "premium": "deterrence-premium arrangement", "demand": "Washington's demand",
}


def _int(terms: dict[str, Any], key: str, low: int, high: int) -> int:
    value = terms.get(key)
    if type(value) is not int:
        fail(f"the terms need a whole number '{key}'", "form")
    if not low <= value <= high:
        fail(f"'{key}' must be between {low} and {high}, not {value}", "form")
    return value


def _num(terms: dict[str, Any], key: str, low: float, high: float) -> float:
    value = terms.get(key)
    if type(value) not in (int, float):
        fail(f"the terms need a number '{key}'", "form")
    if not low <= value <= high:
        fail(f"'{key}' must be between {low:g} and {high:g}, not {value}", "form")
    return float(value)


def _term(terms: dict[str, Any], deal: str, key: str) -> float:
    """Check term ``key`` of ``deal`` against its range in :data:`wargame.rules.terms.DEAL_TERMS`."""
    r = DEAL_TERMS[deal][key]
    return _int(terms, key, int(r.low), int(r.high)) if r.whole else _num(terms, key, r.low, r.high)


def _pair(terms: dict[str, Any], a: str, b: str, parties: set[str]) -> tuple[str, str]:
    first, second = terms.get(a), terms.get(b)
    if {first, second} != parties or first == second:
        fail(f"'{a}' and '{b}' must be the two parties of the deal ({', '.join(sorted(parties))})", "form")
    return str(first), str(second)


def _pact(g: "Game", pact_id: Any) -> Commitment:
    com = g.state.commitments.get(str(pact_id))
    if com is None or com.kind != "pact" or com.status != "active":
        fail(f"{pact_id!r} is not an active pact", "form")
    return com


EXPECTED_KEYS: dict[str, frozenset[str]] = {
    "agreement": frozenset(), "accession": frozenset({"pact", "candidate"}),
    "layer": frozenset({"pact", "layer"}),
    "loan": frozenset({"lender", "borrower", "amount", "rate", "turns"}),
    "deposit": frozenset({"lender", "borrower", "amount", "rate", "turns"}),
    "grant": frozenset({"donor", "recipient", "amount", "turns"}),
    "convert": frozenset({"loan", "domain", "turns"}),
    "arms_sale": frozenset({"seller", "buyer", "domain", "value", "turns"}),
    "export_credit": frozenset({"provider", "beneficiary", "limit", "rate"}),
    "coproduction": frozenset({"line", "partner", "share"}),
    "port_access": frozenset({"host", "guest", "site", "fee"}),
    "premium": frozenset({"buyer", "provider", "fee"}),
    "demand": frozenset({"ask", "reward"}),
}
"""The terms each deal kind needs. Optional terms: ``clause`` on an agreement (consultation by
default) and ``payer`` on a layer (one member pays every member's share; by default each pays its own)."""

OPTIONAL_KEYS: dict[str, frozenset[str]] = {
    "agreement": frozenset({"clause"}), "layer": frozenset({"payer"}),
}


def _active(g: "Game", kind: str) -> Iterator[Commitment]:
    for com in g.state.commitments.values():
        if com.kind == kind and com.status == "active":
            yield com


def validate_deal(g: "Game", sender: str, deal: str, to: list[str], terms: dict[str, Any]) -> None:
    """Raise :class:`IllegalAction` unless the deal is well formed and allowed now."""
    if deal not in EXPECTED_KEYS:
        fail(f"unknown deal {deal!r}; deals are {', '.join(DEALS)}", "form")
    if len(to) < 1 or len(set(to)) != len(to):
        fail("a proposal needs distinct recipients", "form")
    if not all(s in SEATS for s in to):
        fail(f"recipients must be seats, got {to}", "form")
    if sender in to:
        fail("a seat cannot propose a deal to itself", "form")
    expected = EXPECTED_KEYS[deal]
    optional = OPTIONAL_KEYS.get(deal, frozenset())
    for key in terms:
        if key not in expected and key not in optional:
            unknown = sorted(k for k in terms if k not in expected and k not in optional)
            fail(f"unknown terms for a {DEAL_NAMES[deal]}: {unknown}", "form")
    parties = {sender, *to}
    two = len(to) == 1
    st = g.state
    if deal == "agreement":
        if not two:
            fail("an agreement is between two seats", "form")
        for kind in ("agreement", "pact"):
            for com in _active(g, kind):
                if parties <= set(com.parties):
                    fail(f"{name(sender)} and {name(to[0])} are already bound by {com.name}")
        if terms.get("clause", "consultation") not in CLAUSES:
            fail(f"clause must be one of {list(CLAUSES)}", "form")
    elif deal == "accession":
        pact = _pact(g, terms.get("pact"))
        candidate = terms.get("candidate")
        if candidate not in SEATS or candidate in pact.parties:
            fail(f"{candidate!r} must be a seat that is not yet a member of {pact.name}", "form")
        needed = (set(pact.parties) | {candidate}) - {sender}
        if set(to) != needed:
            fail(f"accession to {pact.name} needs the consent of every member: address "
                 f"{', '.join(name(s) for s in sorted(needed))}", "form")
        if sender not in pact.parties and sender != candidate:
            fail("only the candidate or a member can table an accession", "form")
        for com in _active(g, "understanding"):
            if com.terms.get("ask") == "pause_accession" and candidate in com.parties:
                fail(f"{name(str(candidate))} agreed with Washington to pause accession talks")
    elif deal == "layer":
        pact = _pact(g, terms.get("pact"))
        layer = terms.get("layer")
        if layer not in LAYERS:
            fail(f"layer must be one of {list(LAYERS)}", "form")
        if sender not in pact.parties or set(to) != set(pact.parties) - {sender}:
            fail(f"a layer on {pact.name} is proposed by a member to every other member", "form")
        if "payer" in terms and terms["payer"] not in pact.parties:
            fail(f"the payer of a layer must be a member of {pact.name}", "form")
        refusal = layer_refusal(pact, str(layer))
        if refusal:
            fail(refusal)
    elif deal in ("loan", "deposit"):
        if not two:
            fail(f"a {deal} is between two seats", "form")
        _pair(terms, "lender", "borrower", parties)
        _term(terms, deal, "amount")
        _term(terms, deal, "rate")
        _term(terms, deal, "turns")
    elif deal == "grant":
        if not two:
            fail("a grant is between two seats", "form")
        _pair(terms, "donor", "recipient", parties)
        _term(terms, deal, "amount")
        _term(terms, deal, "turns")
    elif deal == "convert":
        if not two:
            fail("a conversion is agreed between lender and borrower", "form")
        loan = st.commitments.get(str(terms.get("loan")))
        if loan is None or loan.kind != "loan" or loan.status != "active":
            fail(f"{terms.get('loan')!r} is not an active loan", "form")
        if set(loan.parties) != parties:
            fail("only the lender and the borrower can convert a loan", "form")
        if terms.get("domain") not in DOMAINS:
            fail(f"domain must be one of {list(DOMAINS)}", "form")
        _term(terms, deal, "turns")
    elif deal == "arms_sale":
        if not two:
            fail("an arms sale is between two seats", "form")
        seller, buyer = _pair(terms, "seller", "buyer", parties)
        if terms.get("domain") not in DOMAINS:
            fail(f"domain must be one of {list(DOMAINS)}", "form")
        _term(terms, deal, "value")
        _term(terms, deal, "turns")
        if seller == "washington" and st.seats[buyer].sanctioned:
            fail(f"Washington does not sell arms to {name(buyer)} while it applies sanctions pressure")
    elif deal == "export_credit":
        if not two:
            fail("an export-credit facility is between two seats", "form")
        provider, beneficiary = _pair(terms, "provider", "beneficiary", parties)
        _term(terms, deal, "limit")
        _term(terms, deal, "rate")
        for com in _active(g, "export_credit"):
            if com.terms["provider"] == provider and com.terms["beneficiary"] == beneficiary:
                fail(f"{name(beneficiary)} already has an export-credit facility from {name(provider)}")
    elif deal == "coproduction":
        if not two:
            fail("a co-production line is between a host and a partner", "form")
        try:
            line = g.scenario.line(str(terms.get("line")))
        except KeyError:
            fail(f"unknown production line {terms.get('line')!r}; lines are "
                 + ", ".join(x.id for x in g.scenario.lines), "form")
        if line.host not in parties:
            fail(f"{line.name} is hosted by {name(line.host)}, who must be a party")
        partner = terms.get("partner")
        if partner not in parties or partner == line.host:
            fail("the partner must be the other party", "form")
        _term(terms, deal, "share")
        for com in _active(g, "coproduction"):
            if com.terms["line"] == line.id and com.terms["partner"] == partner:
                fail(f"{name(str(partner))} is already a partner in {line.name}")
    elif deal == "port_access":
        if not two:
            fail("access is granted by a host to a guest", "form")
        host, guest = _pair(terms, "host", "guest", parties)
        site_id = str(terms.get("site"))
        try:
            site = g.scenario.site(site_id)
        except KeyError:
            fail(f"unknown site {site_id!r}", "form")
        if site.kind not in ("port", "base") or site.host != host:
            fail(f"{site.name} is not a port or base on {name(host)}'s territory", "form")
        _term(terms, deal, "fee")
        for com in _active(g, "port_access"):
            if com.terms["site"] == site_id and com.terms["guest"] == guest:
                fail(f"{name(guest)} already has access at {site.name}")
    elif deal == "premium":
        if not two:
            fail("a premium arrangement is between two seats", "form")
        buyer, provider = _pair(terms, "buyer", "provider", parties)
        if provider != "islamabad":
            fail("only Islamabad can price a nuclear-tinged deterrence premium", "form")
        _term(terms, deal, "fee")
        for com in _active(g, "premium"):
            if com.terms["buyer"] == buyer:
                fail(f"{name(buyer)} already buys into the premium ({com.name})")
    elif deal == "demand":
        if sender != "washington" or not two:
            fail("only Washington makes demands, to one seat", "form")
        if terms.get("ask") not in ("no_foreign_arms", "pause_accession"):
            fail("a demand asks 'no_foreign_arms' or 'pause_accession'", "form")
        _term(terms, deal, "reward")
        for com in _active(g, "understanding"):
            if to[0] in com.parties and com.terms.get("ask") == terms.get("ask"):
                fail(f"{name(to[0])} already has this understanding with Washington")
    if len(terms) < len(expected) or not expected <= terms.keys():
        fail(f"the terms lack {sorted(expected - set(terms))}", "form")


def upfront(g: "Game", deal: str, terms: dict[str, Any], parties: list[str]) -> dict[str, int]:
    """What each seat pays ($m) when the deal is signed."""
    if deal in ("loan", "deposit"):
        return {terms["lender"]: terms["amount"]}
    if deal == "grant":
        return {terms["donor"]: terms["amount"]}
    if deal == "layer":
        pact = g.state.commitments[terms["pact"]]
        cost = LAYER_COST[terms["layer"]]
        if "payer" in terms:
            return {terms["payer"]: cost * len(pact.parties)}
        return {m: cost for m in pact.parties}
    if deal == "coproduction":
        line = g.scenario.line(terms["line"])
        partner_part = line.capital * terms["share"] // 100
        return {terms["partner"]: partner_part, line.host: line.capital - partner_part}
    return {}


def check_affordable(g: "Game", deal: str, terms: dict[str, Any], parties: list[str],
                     only: str | None = None) -> None:
    """Raise unless every payer (or just ``only``) can pay its share up front."""
    for seat, amount in upfront(g, deal, terms, parties).items():
        if only is None or seat == only:
            can_pay(g, seat, amount, f"the {DEAL_NAMES[deal]}")


def activate(g: "Game", prop: Proposal) -> Commitment | None:
    """Sign an accepted proposal: pay up front, create or change the commitment, emit events."""
    st = g.state
    parties = [prop.sender, *prop.to]
    terms = dict(prop.terms)
    deal = prop.deal
    pays = upfront(g, deal, terms, parties)
    label = DEAL_NAMES[deal]
    seats_txt = " and ".join(name(s) for s in parties)
    if deal == "accession":
        pact = st.commitments[terms["pact"]]
        pact.parties.append(terms["candidate"])
        emit(g, "signed", f"{name(terms['candidate'])} joins {pact.name}: every member consented",
             parties, prop.public, commitment=pact.id, deal=deal)
        accession_costs(g, pact, terms["candidate"])
        return pact
    if deal == "layer":
        pact = st.commitments[terms["pact"]]
        refusal = layer_refusal(pact, terms["layer"])
        if refusal:  # overtaken since it was proposed (another proposal signed the same level)
            fail(refusal)
        for seat, amount in pays.items():
            external(g, seat, -amount, spending=True)
        layer = terms["layer"]
        if layer == "planning":
            pact.layers["planning"] = True
        elif layer in ("command", "interop"):
            pact.layers[layer] = pact.layers.get(layer, 0) + 1
        else:
            pact.layers["exercises"] = True
        emit(g, "signed", f"{pact.name} adds a layer: {layer_text(pact, layer)}", parties,
             prop.public, commitment=pact.id, deal=deal, layer=layer)
        return pact
    if deal == "convert":
        return _convert(g, prop, terms)
    com = Commitment(id=new_id(g, "c"), kind=deal, name=commitment_name(g, deal, terms, parties),
                     parties=parties, terms=terms, status="active", public=prop.public,
                     signed=st.turn, origin=prop.id)
    if deal == "demand":
        com.kind = "understanding"
        target = prop.to[0]
        st.seats[target].standing = min(100.0, st.seats[target].standing + terms["reward"])
    if deal in ("loan", "deposit"):
        lender, borrower, amount = terms["lender"], terms["borrower"], terms["amount"]
        com.terms["outstanding"] = amount
        st.seats[lender].budget -= amount
        if deal == "loan":
            st.seats[borrower].budget += amount
            st.seats[borrower].debt += amount
        else:
            st.seats[borrower].reserves += amount
        inflow(g, borrower, amount)
    elif deal == "grant":
        com.terms["paid"] = 0
        pay_grant(g, com)
    elif deal == "coproduction":
        for seat, amount in pays.items():
            external(g, seat, -amount, spending=True)
        line = g.scenario.line(terms["line"])
        com.terms["host"] = line.host
        com.terms["ready"] = st.turn + line.build_turns
        com.terms["capital"] = line.capital
    elif deal == "arms_sale":
        com.terms["delivered"] = 0
        com.terms["held"] = False
    elif deal == "export_credit":
        com.terms["used"] = 0
        com.terms["outstanding"] = 0
    elif deal == "agreement":
        com.terms.setdefault("clause", "consultation")
        com.layers = {"habit": 0.0}
    st.commitments[com.id] = com
    emit(g, "signed", f"Signed: {com.name} ({seats_txt}){'' if prop.public else ' [secret]'}",
         parties, prop.public, commitment=com.id, deal=deal, upfront=pays)
    return com


def pay_grant(g: "Game", com: Commitment) -> None:
    """Pay one quarterly instalment: ``amount`` is paid each quarter for ``turns`` quarters
    (the first at signing)."""
    t = com.terms
    per_turn = int(t["amount"])
    donor, recipient = t["donor"], t["recipient"]
    if g.state.seats[donor].budget < per_turn:
        emit(g, "flow", f"{name(donor)} cannot pay this quarter's grant to {name(recipient)}",
             [donor, recipient], com.public, commitment=com.id)
        donor_state = g.state.seats[donor]
        donor_state.credibility = clamp(donor_state.credibility - 1)
        t["missed"] = t.get("missed", 0) + 1
        if t["missed"] >= 2:
            com.status = "broken"
            emit(g, "flow", f"{com.name} lapses: {name(donor)} missed two instalments",
                 [donor, recipient], com.public, commitment=com.id)
        return
    transfer(g, donor, recipient, per_turn, spending=True)
    inflow(g, recipient, per_turn)
    t["paid"] += 1
    t["last_paid"] = g.state.turn
    if t["paid"] >= t["turns"]:
        com.status = "expired"


def _convert(g: "Game", prop: Proposal, terms: dict[str, Any]) -> Commitment:
    st = g.state
    loan = st.commitments[terms["loan"]]
    lender, borrower = loan.terms["lender"], loan.terms["borrower"]
    value = int(loan.terms["outstanding"])
    loan.status = "expired"
    loan.terms["converted"] = True
    st.seats[borrower].debt = max(0, st.seats[borrower].debt - value)
    if loan.signed < 1:  # lent before the game: the money was never counted as an inflow
        inflow(g, borrower, value)
    com = Commitment(
        id=new_id(g, "c"), kind="arms_sale", name=f"Arms package ({money(value)} loan converted)",
        parties=[borrower, lender],
        terms={"seller": borrower, "buyer": lender, "domain": terms["domain"], "value": value,
               "turns": terms["turns"], "delivered": 0, "held": False, "prepaid": True,
               "from_loan": loan.id},
        status="active", public=prop.public, signed=st.turn, origin=prop.id)
    st.commitments[com.id] = com
    emit(g, "signed", f"{name(lender)}'s {money(value)} loan to {name(borrower)} is converted into "
         f"an arms package: {name(borrower)} delivers {terms['domain']} capability over "
         f"{terms['turns']} quarters", [lender, borrower], prop.public, commitment=com.id,
         deal="convert", value=value)
    return com


def layer_text(pact: Commitment, layer: str) -> str:
    """Readable description of a pact layer's new level."""
    from wargame.types import COMMAND_LEVELS, INTEROP_LEVELS
    if layer == "planning":
        return "a joint planning cell"
    if layer == "command":
        return f"{COMMAND_LEVELS[pact.layers.get('command', 0)]} command"
    if layer == "interop":
        return f"interoperability: {INTEROP_LEVELS[pact.layers.get('interop', 0)]}"
    return "a recurring exercise programme"


def commitment_name(g: "Game", deal: str, t: dict[str, Any], parties: list[str]) -> str:
    """A short human name for a new commitment."""
    if deal in ("loan", "deposit"):
        kind = "Loan" if deal == "loan" else "Deposit"
        return f"{kind} {name(t['lender'])}→{name(t['borrower'])} {money(t['amount'])} at {t['rate']:g}%"
    if deal == "grant":
        return f"Grant {name(t['donor'])}→{name(t['recipient'])} {money(t['amount'])}"
    if deal == "arms_sale":
        return f"Arms sale {name(t['seller'])}→{name(t['buyer'])} {money(t['value'])} ({t['domain']})"
    if deal == "export_credit":
        return f"Export credit {name(t['provider'])}→{name(t['beneficiary'])} {money(t['limit'])}"
    if deal == "coproduction":
        return f"{g.scenario.line(t['line']).name} co-production"
    if deal == "port_access":
        return f"{name(t['guest'])} access at {g.scenario.site(t['site']).name}"
    if deal == "premium":
        return f"Deterrence premium {name(t['provider'])}→{name(t['buyer'])}"
    if deal == "demand":
        ask = "no Russian/Chinese arms" if t["ask"] == "no_foreign_arms" else "accession paused"
        return f"Understanding with Washington: {ask}"
    return f"Defence cooperation {' – '.join(name(p) for p in parties)}"


def describe_deal(g: "Game", deal: str, terms: dict[str, Any], parties: list[str]) -> str:
    """A deal with its terms in a few words, e.g. "loan Riyadh→Islamabad $1.0bn at 3% over 8
    quarters" (for events, inbox cards and the headless account)."""
    t = terms
    try:
        if deal in ("loan", "deposit"):
            return (f"{deal} {name(t['lender'])}→{name(t['borrower'])} {money(t['amount'])} at "
                    f"{t['rate']:g}% over {t['turns']} quarters")
        if deal == "grant":
            return f"grant {name(t['donor'])}→{name(t['recipient'])} {money(t['amount'])} a quarter for {t['turns']} quarters"
        if deal == "arms_sale":
            return (f"arms sale {name(t['seller'])}→{name(t['buyer'])} {money(t['value'])} of {t['domain']} "
                    f"over {t['turns']} quarters")
        if deal == "convert":
            loan = g.state.commitments.get(str(t["loan"]))
            what = loan.name if loan is not None else str(t["loan"])
            return f"conversion of {what} into {t['domain']} arms over {t['turns']} quarters"
        if deal == "export_credit":
            return (f"export credit {name(t['provider'])}→{name(t['beneficiary'])} up to {money(t['limit'])} "
                    f"at {t['rate']:g}%")
        if deal == "coproduction":
            return f"{g.scenario.line(t['line']).name} co-production, {name(t['partner'])} {t['share']}%"
        if deal == "port_access":
            return (f"{name(t['guest'])} access at {g.scenario.site(t['site']).name} for "
                    f"{money(t['fee'])} a quarter")
        if deal == "premium":
            return f"deterrence premium {name(t['provider'])}→{name(t['buyer'])} {money(t['fee'])} a quarter"
        if deal == "demand":
            ask = "no Russian/Chinese arms" if t["ask"] == "no_foreign_arms" else "accession talks paused"
            return f"Washington's demand ({ask}; standing +{t['reward']})"
        if deal == "accession":
            pact = g.state.commitments.get(str(t["pact"]))
            return f"{name(t['candidate'])} joining {pact.name if pact else t['pact']}"
        if deal == "layer":
            pact = g.state.commitments.get(str(t["pact"]))
            payer = f", paid by {name(t['payer'])}" if t.get("payer") else ""
            return f"{t['layer']} layer on {pact.name if pact else t['pact']}{payer}"
        if deal == "agreement":
            return (f"defence cooperation agreement {' – '.join(name(p) for p in parties)} "
                    f"({t.get('clause', 'consultation')} clause)")
    except (KeyError, TypeError, ValueError):
        pass
    return DEAL_NAMES.get(deal, deal)


def accession_costs(g: "Game", pact: Commitment, candidate: str) -> None:
    """What a wider pact costs (issue 14: accession is two-sided).

    * The candidate's standing with Washington and NATO falls by ``accession_standing_cost``:
      allies read a second alliance as a hedge against the first (Ankara's NATO score, and the
      floor under which sanctions bite, §7).
    * Every threat actor whose crises target a member of the wider pact reads it as aimed at
      itself: its resolve rises by ``accession_reaction`` (a share), so the candidate's
      adversaries become the members' and the members' adversaries harden (entrapment). The
      members also owe responses in the candidate's crises, as in any pact.
    * The premium Pakistan's nuclear ambiguity lends through the pact is shared among more
      members when ``premium_shared`` is set (see :func:`wargame.rules.deterrence.premium`).

    Scenarios older than these parameters keep their rules (each defaults to 0).
    """
    p = g.state.params
    cost = float(p.get("accession_standing_cost", 0.0))
    if cost:
        s = g.state.seats[candidate]
        s.standing = clamp(s.standing - cost)
        emit(g, "standing", f"NATO allies question {name(candidate)}'s second alliance: standing -{cost:g}",
             [candidate], True, seat=candidate, delta=-cost, commitment=pact.id)
    reaction = float(p.get("accession_reaction", 0.0))
    if not reaction:
        return
    members = set(pact.parties)
    reacting = sorted({spec.actor for spec in g.scenario.crises if members & set(spec.targets)})
    for actor_id in reacting:
        actor = g.state.actors[actor_id]
        actor["resolve"] = round(min(2.5, actor["resolve"] * (1 + reaction)), 4)
    actor_names = {a.id: a.name for a in g.scenario.actors}
    names = ", ".join(actor_names.get(a, a) for a in reacting)
    emit(g, "reaction", f"{names} read the wider {pact.name} as aimed at them (resolve +{reaction:.0%})",
         [], True, commitment=pact.id, actors=reacting, factor=reaction)
