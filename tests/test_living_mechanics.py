"""Every mechanic lives (issue 14): each action kind and deal kind is taken by some computer
style in some situation over seeded play (undo aside: it takes back a person's own move), and
the new situations behave as their rules say."""
from __future__ import annotations

from collections import Counter

from wargame import actions as A
from wargame import load_scenario
from wargame.actions import make_terms
from wargame.bots import Bot, make_bots, play_bots
from wargame.rules.catalogue import ALL_KINDS
from wargame.rules.game import Game
from wargame.types import DEALS, SEATS

SCENARIO = load_scenario("pact-2026")


def _usage(style: str, seeds: range) -> Counter:
    used: Counter = Counter()
    for seed in seeds:
        g = Game(SCENARIO, seed)
        play_bots(g, make_bots(seed, styles={s: style for s in SEATS}))
        used.update(a.deal if a.kind == "propose" else a.kind for a in g.actions)
    return used


def test_every_action_and_deal_kind_is_taken_by_some_style():
    used = _usage("balanced", range(1, 31)) + _usage("opportunist", range(1, 61)) + _usage("cautious", range(1, 21))
    wanted = (set(ALL_KINDS) - {"propose", "undo"}) | set(DEALS)
    assert not wanted - set(used), f"never taken: {sorted(wanted - set(used))}"


def _at_diplomacy(seed: int = 3) -> Game:
    g = Game(SCENARIO, seed)
    while g.phase != "diplomacy":
        g.apply(A.EndPhase(g.acting_seats()[0]))
    return g


def test_an_arms_sale_the_buyer_cannot_carry_is_countered_over_more_quarters():
    g = _at_diplomacy()
    g.apply(A.Propose("ankara", "arms_sale", ("islamabad",),
                      make_terms(seller="ankara", buyer="islamabad", domain="strike", value=800, turns=2)))
    prop = next(p for p in g.state.proposals.values() if p.deal == "arms_sale" and p.status == "open")
    action = Bot("islamabad", 1).choose(g)
    assert isinstance(action, A.Counter) and action.proposal == prop.id, action
    assert dict(action.terms)["turns"] == 6 and g.check(action) is None


def test_a_counter_is_only_sent_when_the_seat_would_take_it():
    """A premium at any fee is worth less to Riyadh than its cost: no counter, a refusal."""
    g = _at_diplomacy()
    g.apply(A.Propose("islamabad", "premium", ("riyadh",), make_terms(buyer="riyadh", provider="islamabad", fee=400)))
    action = Bot("riyadh", 1).choose(g)
    assert isinstance(action, A.Reject)


def test_washington_answers_a_russian_purchase_with_sanctions_pressure():
    g = _at_diplomacy()
    while g.phase != "investment":
        g.apply(A.EndPhase(g.acting_seats()[0]))
    assert not g.state.seats["riyadh"].sanctioned
    g.apply(A.BuyForeign("riyadh", "russia", "amd", 500))
    while g.phase != "diplomacy" or "washington" not in g.acting_seats():
        g.apply(A.EndPhase(g.acting_seats()[0]) if g.phase != "crisis" else
                A.Respond(g.acting_seats()[0], g.state.crisis.id, "none"))
    bot = Bot("washington", 2, "opportunist")
    seen = []
    for _ in range(6):
        if "washington" not in g.acting_seats():
            break
        action = bot.choose(g)
        seen.append(action)
        g.apply(action)
    assert A.Sanction("washington", "riyadh") in seen
