"""The price of honouring a crisis obligation (issue 14): an engine query weighs cost, credibility,
stakes and the partner's own exposure; the computer players' chance follows the price."""
from __future__ import annotations

import dataclasses

import pytest

from wargame import load_scenario
from wargame.bots import make_bots
from wargame.rules.game import Game
from wargame.rules.honour import HonourPrice, honour_chance, honour_price
from wargame.rules.scoring import SHARED_WEIGHT, Score, par_of, ranked
from wargame.scenario import ScenarioError, parse_scenario

SCENARIO = load_scenario("pact-2026")


def _at_a_crisis(seed: int = 1) -> Game:
    """A balanced game stopped at its first crisis with an obliged partner."""
    bots = make_bots(seed)
    g = Game(SCENARIO, seed)
    for _ in range(5000):
        c = g.state.crisis
        if g.phase == "crisis" and c is not None and any(
                s != c.target and need > 0 for s, need in c.obligations.items()):
            return g
        g.apply(bots[g.acting_seats()[0]].choose(g))
    raise AssertionError("no crisis with an obligation")


def test_the_price_names_what_honouring_costs_and_gains():
    g = _at_a_crisis()
    c = g.state.crisis
    partner = next(s for s, need in c.obligations.items() if s != c.target and need > 0)
    price = honour_price(g, partner)
    assert price is not None and price.seat == partner
    assert price.cost >= 0 and price.credibility_gain > 0 and price.credibility_loss > 0
    assert price.credibility_points > (price.credibility_gain + price.credibility_loss) * SHARED_WEIGHT / 2 - 1e-9
    assert price.damaging_short >= price.damaging_honour  # sending less never makes defence stronger
    assert honour_price(g, c.target) is None  # the target owes nothing to itself


def test_a_dearer_response_is_honoured_less_often_and_a_style_shifts_it():
    g = _at_a_crisis()
    c = g.state.crisis
    partner = next(s for s, need in c.obligations.items() if s != c.target and need > 0)
    price = honour_price(g, partner)
    assert price is not None
    dear = dataclasses.replace(price, money_points=price.money_points + 5)
    assert honour_chance(dear) < honour_chance(price)
    assert honour_chance(price, shift=0.5) > honour_chance(price) > honour_chance(price, shift=-0.5)
    assert 0 < honour_chance(dataclasses.replace(price, money_points=1e9)) < 1e-6


def test_exposure_raises_the_stake():
    base = HonourPrice("ankara", "material", "diplomatic", 300, 5, 8, 1.0, 1.0, 0.2, 0.5, 3.0, False)
    assert base.net_points == pytest.approx(3.0)
    assert dataclasses.replace(base, stake_points=4.8, exposed=True).net_points > base.net_points


def test_rating_is_fifty_at_par_and_ten_per_spread():
    assert Score("riyadh", 66.0, (), 66.0, 2.5).rating == 50.0
    assert Score("riyadh", 71.0, (), 66.0, 2.5).rating == 70.0
    assert Score.from_dict(Score("ankara", 60.0, (), 61.0, 2.0).to_dict()).rating == 45.0
    assert Score.from_dict({"seat": "ankara", "total": 60.0, "components": []}).rating == 60.0  # no par: 50/10


def test_ranking_is_by_rating_and_ties_break_in_seat_order():
    scores = {"washington": Score("washington", 80.0, (), 77.0, 6.0),   # 55
              "ankara": Score("ankara", 66.0, (), 65.0, 2.0),           # 55
              "islamabad": Score("islamabad", 30.0, (), 40.0, 10.0)}    # 40
    assert [s for s, _ in ranked(scores)] == ["washington", "ankara", "islamabad"]  # equal rating: higher score
    scores["ankara"] = Score("ankara", 80.0, (), 79.0, 2.0)             # 55, same total as Washington
    assert [s for s, _ in ranked(scores)][:2] == ["ankara", "washington"]


def test_par_follows_the_quarter_and_a_scenario_without_par_is_judged_at_fifty():
    g = Game(SCENARIO, 1)
    par = SCENARIO.par["islamabad"]
    assert par_of(g, "islamabad") == (par.mean[0], par.sd[0])
    bare = parse_scenario({**SCENARIO.model_dump(mode="json"), "par": {}})
    assert par_of(Game(bare, 1), "islamabad") == (50.0, 10.0)


@pytest.mark.parametrize("bad, words", [
    ({"ankara": {"mean": [1.0], "sd": [1.0], "games": 10, "measured": "x"}}, "every seat"),
    ({s: {"mean": [1.0, 2.0], "sd": [1.0], "games": 10, "measured": "x"}
      for s in ("ankara", "riyadh", "islamabad", "washington")}, "must match"),
    ({s: {"mean": [1.0], "sd": [0.0], "games": 10, "measured": "x"}
      for s in ("ankara", "riyadh", "islamabad", "washington")}, "above 0"),
])
def test_a_malformed_par_is_named(bad, words):
    with pytest.raises(ScenarioError) as err:
        parse_scenario({**SCENARIO.model_dump(mode="json"), "par": bad}, "my.toml")
    assert "par" in str(err.value) and words in str(err.value)
