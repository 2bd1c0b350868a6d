"""The crisis deck is calibrated against history (issue 14): under balanced play each type of
test ends damaging about as often as the cited history suggests (``damaging`` in the scenario),
through its fitted threat ``calibration``; the fit moves a share the right way."""
from __future__ import annotations

import pytest

from wargame import load_scenario
from wargame.calibration import damaging_shares, fit, with_calibration
from wargame.scenario import ScenarioError, parse_scenario

SCENARIO = load_scenario("pact-2026")


def test_every_crisis_type_has_a_cited_historical_share():
    for c in SCENARIO.crises:
        assert c.damaging is not None and len(c.damaging_cite) > 20, c.id


def test_balanced_play_lands_near_the_historical_shares_out_of_sample():
    shares = damaging_shares(SCENARIO, 100, seed=9001)
    checked = 0
    for c in SCENARIO.crises:
        d, n = shares.get(c.id, (0, 0))
        if n >= 25:
            checked += 1
            assert abs(d / n - c.damaging) <= 0.2, (c.id, d, n, c.damaging, "run tools/calibrate_crises.py")
    assert checked >= 6


def test_a_stronger_threat_makes_a_type_end_damaging_more_often():
    weak = with_calibration(SCENARIO, {"abqaiq_strike": 1.0})
    strong = with_calibration(SCENARIO, {"abqaiq_strike": 3.0})
    d_w, n_w = damaging_shares(weak, 30, seed=11)["abqaiq_strike"]
    d_s, n_s = damaging_shares(strong, 30, seed=11)["abqaiq_strike"]
    assert d_s / n_s > d_w / n_w + 0.2


def test_fitting_moves_a_multiplier_towards_its_target():
    off = with_calibration(SCENARIO, {"abqaiq_strike": 1.0})  # far too few damaging tests
    values = fit(off, rounds=2, games=30)  # the better of the starting value and one step
    assert values["abqaiq_strike"] > 1.0


def test_a_share_out_of_range_is_named():
    data = SCENARIO.model_dump(mode="json")
    data["crises"][0]["damaging"] = 1.5
    with pytest.raises(ScenarioError, match="damaging"):
        parse_scenario(data, "my.toml")
