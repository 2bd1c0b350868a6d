"""Each seat's books: its cash, what others owe it and what it owes, so that conservation of
money can be checked across every flow (loans, deposits, credit, conversions, deliveries).

A seat's *net position* is ``budget + reserves + claims − liabilities``. Claims are what it has
lent (outstanding loans and deposits, export credit drawn by others) and arms it has paid for but
not yet received (a converted loan); liabilities are its debt, deposits it holds for others and
arms it has been paid for but not yet delivered. Moving money between seats, lending it or
repaying it in kind leaves the seats' total net position unchanged; only money from or to the
outside world (``state.external``) changes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wargame.types import SEATS

if TYPE_CHECKING:
    from wargame.rules.game import Game


@dataclass(frozen=True, slots=True)
class Books:
    """One seat's balance sheet ($m)."""

    cash: int
    claims: int
    liabilities: int

    @property
    def net(self) -> int:
        """Cash plus claims less liabilities."""
        return self.cash + self.claims - self.liabilities


def prepaid_undelivered(t: dict) -> int:
    """Value of a prepaid arms package (a converted loan) not yet delivered ($m)."""
    value, turns, delivered = int(t["value"]), int(t["turns"]), int(t["delivered"])
    per = value // turns
    return value - per * delivered if delivered < turns else 0


def books(g: "Game") -> dict[str, Books]:
    """Every seat's books now."""
    st = g.state
    claims = {s: 0 for s in SEATS}
    owed = {s: 0 for s in SEATS}
    for com in st.commitments.values():
        t = com.terms
        if com.kind in ("loan", "deposit") and com.status == "active":
            claims[t["lender"]] += int(t["outstanding"])
            if com.kind == "deposit":
                owed[t["borrower"]] += int(t["outstanding"])
        elif com.kind == "export_credit":
            claims[t["provider"]] += int(t.get("outstanding", 0))
        elif com.kind == "arms_sale" and t.get("prepaid") and com.status == "active":
            left = prepaid_undelivered(t)
            claims[t["buyer"]] += left
            owed[t["seller"]] += left
    out = {}
    for seat in SEATS:
        s = st.seats[seat]
        out[seat] = Books(s.budget + s.reserves, claims[seat], s.debt + owed[seat])
    return out


def total_net(g: "Game") -> int:
    """The seats' total net position less the money that came from outside: constant in play."""
    return sum(b.net for b in books(g).values()) - g.state.external
