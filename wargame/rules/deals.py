"""Signing: validating proposed deals, what each party pays up front, and activating them."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wargame.rules.common import can_pay, emit, external, name, new_id, require, transfer
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
    require(isinstance(value, int) and not isinstance(value, bool),
            f"the terms need a whole number '{key}'", "form")
    require(low <= value <= high, f"'{key}' must be between {low} and {high}, not {value}", "form")
    return value


def _num(terms: dict[str, Any], key: str, low: float, high: float) -> float:
    value = terms.get(key)
    require(isinstance(value, (int, float)) and not isinstance(value, bool),
            f"the terms need a number '{key}'", "form")
    require(low <= value <= high, f"'{key}' must be between {low:g} and {high:g}, not {value}", "form")
    return float(value)


def _pair(terms: dict[str, Any], a: str, b: str, parties: set[str]) -> tuple[str, str]:
    first, second = terms.get(a), terms.get(b)
    require({first, second} == parties and first != second,
            f"'{a}' and '{b}' must be the two parties of the deal ({', '.join(sorted(parties))})", "form")
    return str(first), str(second)


def _pact(g: "Game", pact_id: Any) -> Commitment:
    com = g.state.commitments.get(str(pact_id))
    require(com is not None and com.kind == "pact" and com.status == "active",
            f"{pact_id!r} is not an active pact", "form")
    assert com is not None
    return com


def _expected_keys(deal: str) -> set[str]:
    return {
        "agreement": set(), "accession": {"pact", "candidate"}, "layer": {"pact", "layer"},
        "loan": {"lender", "borrower", "amount", "rate", "turns"},
        "deposit": {"lender", "borrower", "amount", "rate", "turns"},
        "grant": {"donor", "recipient", "amount", "turns"},
        "convert": {"loan", "domain", "turns"},
        "arms_sale": {"seller", "buyer", "domain", "value", "turns"},
        "export_credit": {"provider", "beneficiary", "limit", "rate"},
        "coproduction": {"line", "partner", "share"},
        "port_access": {"host", "guest", "site", "fee"},
        "premium": {"buyer", "provider", "fee"},
        "demand": {"ask", "reward"},
    }[deal]


def validate_deal(g: "Game", sender: str, deal: str, to: list[str], terms: dict[str, Any]) -> None:
    """Raise :class:`IllegalAction` unless the deal is well formed and allowed now."""
    require(deal in DEALS, f"unknown deal {deal!r}; deals are {', '.join(DEALS)}", "form")
    require(len(to) >= 1 and len(set(to)) == len(to), "a proposal needs distinct recipients", "form")
    require(all(s in SEATS for s in to), f"recipients must be seats, got {to}", "form")
    require(sender not in to, "a seat cannot propose a deal to itself", "form")
    expected = _expected_keys(deal)
    unknown = set(terms) - expected - {"clause"}
    require(not unknown, f"unknown terms for a {DEAL_NAMES[deal]}: {sorted(unknown)}", "form")
    parties = {sender, *to}
    two = len(to) == 1
    st = g.state
    if deal == "agreement":
        require(two, "an agreement is between two seats", "form")
        for com in st.commitments.values():
            require(not (com.kind in ("agreement", "pact") and com.status == "active"
                         and parties <= set(com.parties)),
                    f"{name(sender)} and {name(to[0])} are already bound by {com.name}")
        clause = terms.get("clause", "consultation")
        require(clause in CLAUSES, f"clause must be one of {list(CLAUSES)}", "form")
    elif deal == "accession":
        pact = _pact(g, terms.get("pact"))
        candidate = terms.get("candidate")
        require(candidate in SEATS and candidate not in pact.parties,
                f"{candidate!r} must be a seat that is not yet a member of {pact.name}", "form")
        require(set(to) == (set(pact.parties) | {candidate}) - {sender},
                f"accession to {pact.name} needs the consent of every member: address "
                f"{', '.join(name(s) for s in sorted((set(pact.parties) | {candidate}) - {sender}))}", "form")
        require(sender in pact.parties or sender == candidate,
                "only the candidate or a member can table an accession", "form")
        for com in st.commitments.values():
            require(not (com.kind == "understanding" and com.status == "active"
                         and com.terms.get("ask") == "pause_accession" and candidate in com.parties),
                    f"{name(str(candidate))} agreed with Washington to pause accession talks")
    elif deal == "layer":
        pact = _pact(g, terms.get("pact"))
        layer = terms.get("layer")
        require(layer in LAYERS, f"layer must be one of {list(LAYERS)}", "form")
        require(sender in pact.parties and set(to) == set(pact.parties) - {sender},
                f"a layer on {pact.name} is proposed by a member to every other member", "form")
        lay = pact.layers
        if layer == "planning":
            require(not lay.get("planning"), f"{pact.name} already has a joint planning cell")
        elif layer == "command":
            require(bool(lay.get("planning")), "combined command needs a joint planning cell first")
            require(lay.get("command", 0) < 2, f"{pact.name} already has unified command")
        elif layer == "interop":
            require(lay.get("interop", 0) < 3, f"{pact.name} is already fully interoperable")
        elif layer == "exercises":
            require(not lay.get("exercises"), f"{pact.name} already has a recurring exercise programme")
    elif deal in ("loan", "deposit"):
        require(two, f"a {deal} is between two seats", "form")
        _pair(terms, "lender", "borrower", parties)
        _int(terms, "amount", 100, 10000)
        _num(terms, "rate", 0, 15)
        _int(terms, "turns", 1, 20)
    elif deal == "grant":
        require(two, "a grant is between two seats", "form")
        _pair(terms, "donor", "recipient", parties)
        _int(terms, "amount", 50, 5000)
        _int(terms, "turns", 1, 12)
    elif deal == "convert":
        require(two, "a conversion is agreed between lender and borrower", "form")
        loan = st.commitments.get(str(terms.get("loan")))
        require(loan is not None and loan.kind == "loan" and loan.status == "active",
                f"{terms.get('loan')!r} is not an active loan", "form")
        assert loan is not None
        require(set(loan.parties) == parties, "only the lender and the borrower can convert a loan", "form")
        require(terms.get("domain") in DOMAINS, f"domain must be one of {list(DOMAINS)}", "form")
        _int(terms, "turns", 1, 12)
    elif deal == "arms_sale":
        require(two, "an arms sale is between two seats", "form")
        seller, buyer = _pair(terms, "seller", "buyer", parties)
        require(terms.get("domain") in DOMAINS, f"domain must be one of {list(DOMAINS)}", "form")
        _int(terms, "value", 100, 20000)
        _int(terms, "turns", 1, 12)
        if seller == "washington":
            require(not st.seats[buyer].sanctioned,
                    f"Washington does not sell arms to {name(buyer)} while it applies sanctions pressure")
    elif deal == "export_credit":
        require(two, "an export-credit facility is between two seats", "form")
        _pair(terms, "provider", "beneficiary", parties)
        _int(terms, "limit", 100, 10000)
        _num(terms, "rate", 0, 15)
    elif deal == "coproduction":
        require(two, "a co-production line is between a host and a partner", "form")
        try:
            line = g.scenario.line(str(terms.get("line")))
        except KeyError:
            raise_form(f"unknown production line {terms.get('line')!r}; lines are "
                       + ", ".join(x.id for x in g.scenario.lines))
        require(line.host in parties, f"{line.name} is hosted by {name(line.host)}, who must be a party")
        partner = terms.get("partner")
        require(partner in parties and partner != line.host, "the partner must be the other party", "form")
        _int(terms, "share", 10, 70)
        for com in st.commitments.values():
            require(not (com.kind == "coproduction" and com.status == "active"
                         and com.terms["line"] == line.id and com.terms["partner"] == partner),
                    f"{name(str(partner))} is already a partner in {line.name}")
    elif deal == "port_access":
        require(two, "access is granted by a host to a guest", "form")
        host, guest = _pair(terms, "host", "guest", parties)
        site_id = str(terms.get("site"))
        try:
            site = g.scenario.site(site_id)
        except KeyError:
            raise_form(f"unknown site {site_id!r}")
        require(site.kind in ("port", "base") and site.host == host,
                f"{site.name} is not a port or base on {name(host)}'s territory", "form")
        _int(terms, "fee", 0, 1000)
        for com in st.commitments.values():
            require(not (com.kind == "port_access" and com.status == "active"
                         and com.terms["site"] == site_id and com.terms["guest"] == guest),
                    f"{name(guest)} already has access at {site.name}")
    elif deal == "premium":
        require(two, "a premium arrangement is between two seats", "form")
        buyer, provider = _pair(terms, "buyer", "provider", parties)
        require(provider == "islamabad", "only Islamabad can price a nuclear-tinged deterrence premium", "form")
        _int(terms, "fee", 0, 2000)
    elif deal == "demand":
        require(sender == "washington" and two, "only Washington makes demands, to one seat", "form")
        require(terms.get("ask") in ("no_foreign_arms", "pause_accession"),
                "a demand asks 'no_foreign_arms' or 'pause_accession'", "form")
        _int(terms, "reward", 0, 20)
        for com in st.commitments.values():
            require(not (com.kind == "understanding" and com.status == "active" and to[0] in com.parties
                         and com.terms.get("ask") == terms.get("ask")),
                    f"{name(to[0])} already has this understanding with Washington")
    missing = expected - set(terms)
    require(not missing, f"the terms lack {sorted(missing)}", "form")


def raise_form(reason: str) -> None:
    """Raise a form error (helper that never returns)."""
    require(False, reason, "form")


def upfront(g: "Game", deal: str, terms: dict[str, Any], parties: list[str]) -> dict[str, int]:
    """What each seat pays ($m) when the deal is signed."""
    if deal in ("loan", "deposit"):
        return {terms["lender"]: terms["amount"]}
    if deal == "grant":
        return {terms["donor"]: terms["amount"]}
    if deal == "layer":
        pact = g.state.commitments[terms["pact"]]
        return {m: LAYER_COST[terms["layer"]] for m in pact.parties}
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
        return pact
    if deal == "layer":
        pact = st.commitments[terms["pact"]]
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
        st.seats[borrower].inflows += amount
    elif deal == "grant":
        com.terms["paid"] = 0
        _pay_grant(g, com)
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
    elif deal == "agreement":
        com.terms.setdefault("clause", "consultation")
        com.layers = {"habit": 0.0}
    st.commitments[com.id] = com
    emit(g, "signed", f"Signed: {com.name} ({seats_txt}){'' if prop.public else ' [secret]'}",
         parties, prop.public, commitment=com.id, deal=deal, upfront=pays)
    return com


def _pay_grant(g: "Game", com: Commitment) -> None:
    per_turn = com.terms["amount"] // com.terms["turns"] if com.terms["turns"] > 1 else com.terms["amount"]
    if com.terms["turns"] > 1:
        per_turn = com.terms["amount"]
    donor, recipient = com.terms["donor"], com.terms["recipient"]
    if g.state.seats[donor].budget < per_turn:
        emit(g, "flow", f"{name(donor)} cannot pay this quarter's grant to {name(recipient)}",
             [donor, recipient], com.public, commitment=com.id)
        g.state.seats[donor].credibility = max(0.0, g.state.seats[donor].credibility - 1)
        return
    transfer(g, donor, recipient, per_turn)
    g.state.seats[recipient].inflows += per_turn
    com.terms["paid"] += 1
    if com.terms["paid"] >= com.terms["turns"]:
        com.status = "expired"


def pay_grant(g: "Game", com: Commitment) -> None:
    """Pay one instalment of a grant (one-off grants pay once at signing)."""
    _pay_grant(g, com)


def _convert(g: "Game", prop: Proposal, terms: dict[str, Any]) -> Commitment:
    st = g.state
    loan = st.commitments[terms["loan"]]
    lender, borrower = loan.terms["lender"], loan.terms["borrower"]
    value = int(loan.terms["outstanding"])
    loan.status = "expired"
    loan.terms["converted"] = True
    st.seats[borrower].debt = max(0, st.seats[borrower].debt - value)
    st.seats[borrower].inflows += value
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
