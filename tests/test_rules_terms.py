"""The engine's term ranges and commitment figures (issue 9): the data the forms and the portfolio
read is the data the rules enforce and the flows pay.

Ranges: for every numeric term of every deal kind, the bounds pass the range check and one step
beyond each bound is refused with the range in the reason. Figures: each commitment's
``per_quarter`` equals what the quarter's flows move between the parties, measured against a twin
game (same seed) that did not sign it.
"""
from __future__ import annotations

from typing import Any

import pytest

from wargame import actions as A
from wargame.actions import make_terms
from wargame.rules.figures import commitment_figures
from wargame.rules.terms import DEAL_TERMS, PURCHASE

from test_engine_helpers import new_game, next_quarter, set_budget, sign, to_phase

STANDARD: dict[str, tuple[str, str, dict[str, Any]]] = {  # deal: (sender, recipient, terms)
    "loan": ("riyadh", "islamabad", {"lender": "riyadh", "borrower": "islamabad", "amount": 1000, "rate": 4.0,
                                     "turns": 8}),
    "deposit": ("riyadh", "islamabad", {"lender": "riyadh", "borrower": "islamabad", "amount": 1000, "rate": 4.0,
                                        "turns": 4}),
    "grant": ("riyadh", "islamabad", {"donor": "riyadh", "recipient": "islamabad", "amount": 300, "turns": 4}),
    "arms_sale": ("ankara", "riyadh", {"seller": "ankara", "buyer": "riyadh", "domain": "air", "value": 1000,
                                       "turns": 4}),
    "export_credit": ("ankara", "islamabad", {"provider": "ankara", "beneficiary": "islamabad", "limit": 1500,
                                              "rate": 3.0}),
    "us_arms_sale": ("washington", "riyadh", {"seller": "washington", "buyer": "riyadh", "domain": "air",
                                              "value": 1000, "turns": 4}),
    "coproduction": ("ankara", "riyadh", {"line": "baykar_uav", "partner": "riyadh", "share": 40}),
    "port_access": ("riyadh", "islamabad", {"host": "riyadh", "guest": "islamabad", "site": "jeddah", "fee": 50}),
    "premium": ("islamabad", "riyadh", {"buyer": "riyadh", "provider": "islamabad", "fee": 200}),
    "demand": ("washington", "riyadh", {"ask": "no_foreign_arms", "reward": 10}),
}


def _reason(g: Any, deal: str, terms: dict[str, Any]) -> str | None:
    if deal == "convert":
        loan = sign(g, "riyadh", "loan", "islamabad", **STANDARD["loan"][2])
        return g.check(A.Propose("riyadh", "convert", ("islamabad",), make_terms(loan=loan.id, **terms)))
    sender, to, _ = STANDARD[deal]
    return g.check(A.Propose(sender, deal, (to,), make_terms(**terms)))


@pytest.mark.parametrize("deal,key", [(d, k) for d, terms in DEAL_TERMS.items() for k in terms])
def test_every_term_range_is_what_validation_enforces(deal: str, key: str) -> None:
    rng = DEAL_TERMS[deal][key]
    base = {"domain": "air", "turns": 4} if deal == "convert" else dict(STANDARD[deal][2])
    assert rng.low <= rng.default <= rng.high and base.get(key, rng.default) is not None
    between = f"'{key}' must be between"
    for value in (rng.low, rng.high):
        g = new_game()
        for seat in g.state.seats:
            set_budget(g, seat, 50_000)
        reason = _reason(g, deal, {**base, key: int(value) if rng.whole else float(value)})
        assert reason is None or between not in reason, (deal, key, value, reason)
    for value in (rng.low - rng.step, rng.high + rng.step):
        g = new_game()
        reason = _reason(g, deal, {**base, key: int(value) if rng.whole else float(value)})
        assert reason is not None and between in reason and f"{rng.high:g}" in reason, (deal, key, value, reason)


def test_the_purchase_range_is_what_investing_enforces() -> None:
    g = new_game()
    to_phase(g, "investment")
    set_budget(g, "riyadh", 50_000)
    assert g.check(A.Invest("riyadh", "air", int(PURCHASE.low))) is None
    assert g.check(A.Invest("riyadh", "air", int(PURCHASE.high))) is None
    for value in (PURCHASE.low - 1, PURCHASE.high + 1):
        reason = g.check(A.Invest("riyadh", "air", int(value)))
        assert reason is not None and f"between {PURCHASE.low:g} and {PURCHASE.high:g}" in reason


FLOWING = ["loan", "deposit", "grant", "arms_sale", "us_arms_sale", "coproduction", "port_access", "premium"]


@pytest.mark.parametrize("deal", FLOWING)
def test_per_quarter_figures_are_what_the_flows_pay(deal: str) -> None:
    g, twin = new_game(), new_game()
    for game in (g, twin):
        for seat in game.state.seats:
            set_budget(game, seat, 20_000)
    sender, to, terms = STANDARD[deal]
    com = sign(g, sender, deal.removeprefix("us_"), to, **terms)
    for game in (g, twin):
        next_quarter(game)
    if deal == "coproduction":  # paid once the line runs
        while g.turn < com.terms["ready"]:
            next_quarter(g)
            next_quarter(twin)
    before = {s: g.state.seats[s].budget - twin.state.seats[s].budget for s in com.parties}
    figures = commitment_figures(g, com)
    assert any(figures.per_quarter.values()), figures
    next_quarter(g)
    next_quarter(twin)
    for seat in com.parties:
        moved = g.state.seats[seat].budget - twin.state.seats[seat].budget - before[seat]
        assert moved == -figures.per_quarter.get(seat, 0), (deal, seat, moved, figures)


def test_export_credit_figures_are_what_the_beneficiary_repays() -> None:
    g = new_game()
    set_budget(g, "islamabad", 20_000)
    credit = sign(g, "ankara", "export_credit", "islamabad", **STANDARD["export_credit"][2])
    credit.terms["outstanding"] = 800
    owed = commitment_figures(g, credit).per_quarter["islamabad"]
    assert owed == 100 + round(800 * 3.0 / 400)  # an eighth of what is owed, plus a quarter's interest
    budget = g.state.seats["ankara"].budget
    from wargame.rules.flows import _export_credit
    _export_credit(g, credit)
    assert g.state.seats["ankara"].budget - budget == owed
