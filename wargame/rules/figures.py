"""The figures shown about one commitment: what each party pays, what is at stake, what is to come.

The quarter's flows (:mod:`wargame.rules.flows`) use the same helpers for interest, repayments,
arms instalments and a line's revenue, so what the portfolio and the network show is what is
paid. Money in $m; in the payment tables a positive amount is paid, a negative one received.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wargame.rules.deterrence import bought_premium

if TYPE_CHECKING:
    from wargame.rules.game import Game
    from wargame.scenario import LineSpec
    from wargame.state import Commitment

PERCENT_A_QUARTER = 400.0
"""Rates are annual and in %, charged a quarter at a time: a quarter's interest is outstanding × rate / 400."""

FEE_VALUE_QUARTERS = 4
"""A fee-based commitment (port access, a premium) is valued at a year of fees."""

CREDIT_REPAY_PARTS = 8
"""An export-credit facility repays an eighth of what is owed each quarter ..."""

CREDIT_MIN_REPAY = 25
"""... and at least $25m (or all of it, if less is owed)."""

PROCEEDS_OUTSIDE = frozenset({"washington"})
"""Sellers whose arms-sale proceeds go to their industry, not to the seat's budget: US sales are
paid to contractors and the FMS trust fund, not to the regional policy money the game tracks
(judgement; with the proceeds in its budget Washington piled up money it had no use for)."""

OBLIGED_TERM = {"loan": "borrower", "deposit": "borrower", "grant": "donor", "arms_sale": "seller",
                "export_credit": "provider", "coproduction": "host", "port_access": "host",
                "premium": "provider"}
"""The term naming the party whose honouring decides whether a commitment of each kind delivers."""


def quarter_interest(outstanding: int, rate: float) -> int:
    """A quarter's interest ($m) on ``outstanding`` at the annual ``rate`` (%)."""
    return int(round(outstanding * rate / PERCENT_A_QUARTER))


def loan_amortisation(terms: dict[str, Any], outstanding: int) -> int:
    """The principal a loan repays this quarter: an equal share of the amount lent, at most what is left."""
    return min(outstanding, max(1, int(terms["amount"]) // int(terms["turns"])))


def credit_repayment(owed: int, rate: float) -> tuple[int, int]:
    """``(principal, interest)`` an export-credit facility's beneficiary owes this quarter."""
    return min(owed, max(CREDIT_MIN_REPAY, owed // CREDIT_REPAY_PARTS)), quarter_interest(owed, rate)


def arms_instalment(terms: dict[str, Any]) -> int:
    """The value of an arms sale's next delivery: an equal share, the last one settling the remainder."""
    value, turns = int(terms["value"]), int(terms["turns"])
    per = value // turns
    return value - per * (turns - 1) if int(terms.get("delivered", 0)) == turns - 1 else per


def line_split(terms: dict[str, Any], host: str) -> tuple[tuple[str, float], tuple[str, float]]:
    """``((partner, share), (host, share))`` of a co-production line's output and revenue."""
    share = terms["share"] / 100.0
    return (terms["partner"], share), (host, 1 - share)


def line_revenue(line: "LineSpec", share: float) -> int:
    """A party's revenue ($m) from a running line in one quarter, for its ``share`` of it."""
    return int(line.revenue * share)


def capability_points(g: "Game", amount: float) -> float:
    """Capability points that ``amount`` ($m) of arms buys at the scenario's price."""
    return amount / 1000.0 * g.state.params["capability_per_bn"]


def obliged_seats(com: "Commitment") -> list[str]:
    """The seats whose honouring decides whether ``com`` delivers."""
    if com.kind == "assurance":
        return ["washington"]
    if com.kind == "understanding":
        return [p for p in com.parties if p != "washington"] or list(com.parties)
    key = OBLIGED_TERM.get(com.kind)
    if key is not None and com.terms.get(key):
        return [str(com.terms[key])]
    return list(com.parties)


@dataclass(frozen=True)
class CommitmentFigures:
    """The money and capability figures of one commitment.

    ``value`` is the money at stake ($m); ``capability`` the points each seat has to come (an arms
    sale: over its deliveries left; a co-production line: per quarter once running; a bought
    premium: perceived points); ``instalment`` and ``instalments_left`` describe an arms sale.
    """

    upfront: dict[str, int] = field(default_factory=dict)
    per_quarter: dict[str, int] = field(default_factory=dict)
    value: float = 0.0
    capability: dict[str, float] = field(default_factory=dict)
    instalment: int = 0
    instalments_left: int = 0


def _pay(table: dict[str, int], payer: str, payee: str, amount: int) -> None:
    if amount:
        table[payer] = table.get(payer, 0) + amount
        table[payee] = table.get(payee, 0) - amount


def commitment_figures(g: "Game", com: "Commitment") -> CommitmentFigures:
    """What ``com`` costs each party up front and per quarter, what is at stake and what is to come."""
    t, k = com.terms, com.kind
    up: dict[str, int] = {}
    per: dict[str, int] = {}
    capability: dict[str, float] = {}
    value = 0.0
    instalment = left = 0
    if k in ("loan", "deposit"):
        out = int(t.get("outstanding", t["amount"]))
        _pay(up, t["lender"], t["borrower"], int(t["amount"]))
        amort = 0 if k == "deposit" else loan_amortisation(t, out)
        _pay(per, t["borrower"], t["lender"], quarter_interest(out, t["rate"]) + amort)
        value = out
    elif k == "grant":
        _pay(up, t["donor"], t["recipient"], int(t["amount"]))
        if int(t["turns"]) > 1:
            _pay(per, t["donor"], t["recipient"], int(t["amount"]))
        value = int(t["amount"]) * max(1, int(t["turns"]) - int(t.get("paid", 0)))
    elif k == "arms_sale":
        turns = max(1, int(t["turns"]))
        instalment, left = int(t["value"]) // turns, int(t["turns"]) - int(t.get("delivered", 0))
        if t.get("prepaid"):
            _pay(up, t["buyer"], t["seller"], int(t["value"]))
        elif t["seller"] in PROCEEDS_OUTSIDE:  # the buyer pays; the proceeds leave the game
            per[t["buyer"]] = instalment
        else:
            _pay(per, t["buyer"], t["seller"], instalment)
        value = int(t["value"]) * left / turns
        capability[t["buyer"]] = capability_points(g, instalment) * left
    elif k == "export_credit":
        owed = int(t.get("outstanding", 0))
        if owed:
            principal, interest = credit_repayment(owed, t["rate"])
            _pay(per, t["beneficiary"], t["provider"], principal + interest)
        value = int(t["limit"])
    elif k == "coproduction":
        line = g.scenario.line(t["line"])
        part = line.capital * int(t["share"]) // 100
        up = {t["partner"]: part, line.host: line.capital - part}
        running = g.state.turn >= int(t.get("ready", 0))
        for seat, share in line_split(t, line.host):
            capability[seat] = line.output * share
            if running:
                per[seat] = -line_revenue(line, share)
        value = line.capital
    elif k in ("port_access", "premium"):
        payer, payee = (t["guest"], t["host"]) if k == "port_access" else (t["buyer"], t["provider"])
        _pay(per, payer, payee, int(t["fee"]))
        value = int(t["fee"]) * FEE_VALUE_QUARTERS
        if k == "premium":
            capability[t["buyer"]] = bought_premium(g)
    elif k == "pact" and com.layers.get("exercises"):
        per = {m: int(g.state.params["exercise_cost"]) for m in com.parties}
    return CommitmentFigures(up, per, value, capability, instalment, left)
