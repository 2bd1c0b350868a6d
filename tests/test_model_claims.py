"""The model's claims (game design, article §4 and §6), tested over a few hundred seeded states.

Each claim is tested on the mechanism itself: many seeded, randomly varied game states, each
played both ways (with and without the thing the claim is about), with the same crisis, the
same responses and the same dice. A last test checks over a hundred seeded bot games that the
game plays sensibly (crisis frequency, varied outcomes, spread scores, no runaway budgets).
"""
from __future__ import annotations

import random
import statistics

from wargame import Game
from wargame.bots import STYLES, make_bots, play_bots
from wargame.rules import crisis as crisis_rules
from wargame.rng import seed_state
from wargame.rules.deterrence import seat_deterrence
from wargame.state import Commitment
from wargame.types import SEATS

from test_engine_helpers import scenario

N = 300


def varied(seed: int) -> Game:
    """A seeded game whose capabilities, credibility, resolve and posture are varied at random."""
    g = Game(scenario(), seed)
    rnd = random.Random(seed)
    for s in g.state.seats.values():
        for d in s.capability:
            s.capability[d] = round(s.capability[d] * rnd.uniform(0.5, 1.5), 4)
        s.credibility = round(rnd.uniform(35, 90), 2)
        s.signal = 0.0
    for actor in g.state.actors.values():
        actor["resolve"] = round(actor["resolve"] * rnd.uniform(0.7, 1.3), 4)
    for base in g.state.posture:
        g.state.posture[base] = rnd.randint(0, 3)
    return g


def crisis_test(g: Game, crisis_type: str, target: str, responses: dict[str, str], seed: int):
    """Start a crisis, give the responses, resolve it with dice seeded by ``seed``."""
    g.state.rng = seed_state(seed)
    spec = g.scenario.crisis_type(crisis_type)
    c = crisis_rules.start(g, spec, target, spec.severity, spec.title, spec.text, injected=True)
    for seat, level in c.obligations.items():
        c.responses[seat] = responses.get(seat, "none")
    crisis_rules.resolve(g)
    return c


def strip_layers(com: Commitment) -> None:
    com.layers = {"planning": False, "command": 0, "interop": 0, "habit": 0.0}


def add_layers(g: Game, com: Commitment) -> None:
    com.layers = {"planning": True, "command": 2, "interop": 3, "habit": 0.8, "exercises": True}
    g.state.commitments["port_x"] = Commitment(
        id="port_x", kind="port_access", name="access", parties=["islamabad", "riyadh"],
        terms={"host": "islamabad", "guest": "riyadh", "site": "gwadar", "fee": 0},
        status="active", public=True, signed=0)


# ------------------------------------------------------------------------- claim 1
def test_integration_layers_deliver_more_in_crises():
    """A pact with integration layers delivers more in crises than the same clause without."""
    gains, damage_bare, damage_layered = [], [], []
    outcomes = {"bare": [], "layered": []}
    cases = (("india_pakistan", "islamabad", "riyadh"), ("abqaiq_strike", "riyadh", "islamabad"))
    for seed in range(N):
        crisis_type, target, partner = cases[seed % 2]
        bare, layered = varied(seed), varied(seed)
        strip_layers(bare.state.commitments["smda"])
        add_layers(layered, layered.state.commitments["smda"])
        responses = {target: "military", partner: "military"}
        cb = crisis_test(bare, crisis_type, target, responses, seed)
        cl = crisis_test(layered, crisis_type, target, responses, seed)
        gains.append(cl.details["contributions"][partner] - cb.details["contributions"][partner])
        damage_bare.append(cb.details["damage"])
        damage_layered.append(cl.details["damage"])
        outcomes["bare"].append(cb.outcome)
        outcomes["layered"].append(cl.outcome)
        # the same dice: more defence never makes the outcome worse
        rank = {"damaging": 0, "contained": 1, "deterred": 2}
        assert rank[cl.outcome] >= rank[cb.outcome], seed
    assert min(gains) > 0  # the partner delivers more in every state
    assert statistics.mean(damage_layered) < 0.85 * statistics.mean(damage_bare)
    assert outcomes["layered"].count("deterred") > outcomes["bare"].count("deterred") + N // 20
    assert outcomes["layered"].count("damaging") < outcomes["bare"].count("damaging")


def test_a_clause_without_integration_delivers_little():
    """Without layers a partner's military response delivers a small share of its capability."""
    shares = []
    for seed in range(N // 3):
        g = varied(seed)
        strip_layers(g.state.commitments["smda"])
        c = crisis_test(g, "india_pakistan", "islamabad", {"riyadh": "military"}, seed)
        spec = g.scenario.crisis_type("india_pakistan")
        cap = sum(w * g.state.seats["riyadh"].capability[d] for d, w in spec.weights.items())
        shares.append(c.details["contributions"]["riyadh"] / cap)
    assert max(shares) <= 0.15


# ------------------------------------------------------------------------- claim 2
def test_bluff_gap_deters_until_a_crisis_comes_then_fails_badly():
    """A large bluff gap lowers crisis frequency but worsens outcomes when a crisis comes."""
    freq_honest, freq_bluff = [], []
    damage_honest, damage_bluff, cred_honest, cred_bluff = [], [], [], []
    worse = 0
    for seed in range(N):
        honest, bluff = varied(seed), varied(seed)
        bluff.state.seats["riyadh"].signal = 30.0  # declarations and visible exercises, no capability
        r_h, p_h = seat_deterrence(honest, "riyadh")
        r_b, p_b = seat_deterrence(bluff, "riyadh")
        assert r_b == r_h and p_b - r_b > p_h - r_h + 5  # same real deterrence, larger gap
        freq_honest.append(sum(p for _, t, p in crisis_rules.likelihoods(honest) if t == "riyadh"))
        freq_bluff.append(sum(p for _, t, p in crisis_rules.likelihoods(bluff) if t == "riyadh"))
        ch = crisis_test(honest, "abqaiq_strike", "riyadh", {"riyadh": "military", "islamabad": "material"}, seed)
        cb = crisis_test(bluff, "abqaiq_strike", "riyadh", {"riyadh": "military", "islamabad": "material"}, seed)
        damage_honest.append(ch.details["damage"])
        damage_bluff.append(cb.details["damage"])
        cred_honest.append(honest.state.seats["riyadh"].credibility)
        cred_bluff.append(bluff.state.seats["riyadh"].credibility)
        worse += cb.details["damage"] > ch.details["damage"]
    assert all(b < h for b, h in zip(freq_bluff, freq_honest))  # fewer crises...
    assert statistics.mean(freq_bluff) < 0.9 * statistics.mean(freq_honest)
    assert statistics.mean(damage_bluff) > 1.2 * statistics.mean(damage_honest)  # ...worse ones
    assert worse > 0.9 * N
    assert statistics.mean(cred_bluff) < statistics.mean(cred_honest)


def test_threat_actors_see_through_an_exposed_bluff():
    """After a bluff is exposed, the actor discounts the target's signals: they deter less."""
    discounted = 0
    for seed in range(N // 3):
        g = varied(seed)
        for d in g.state.seats["riyadh"].capability:
            g.state.seats["riyadh"].capability[d] *= 0.3
        g.state.seats["riyadh"].signal = 40.0
        c = crisis_test(g, "abqaiq_strike", "riyadh", {}, seed)
        if c.outcome == "damaging":
            assert g.state.actors["houthis"]["discount"].get("riyadh", 0) > 0
            g.state.seats["riyadh"].signal = 40.0
            _, perceived = seat_deterrence(g, "riyadh")
            g.state.actors["houthis"]["discount"]["riyadh"] = 0.0
            _, naive = seat_deterrence(g, "riyadh")
            assert perceived < naive
            discounted += 1
    assert discounted > N // 10


# ------------------------------------------------------------------------- claim 3
def test_honouring_raises_credibility_and_defecting_lowers_it():
    """Honouring raises credibility and defecting lowers it, and credibility is what partners count on."""
    for seed in range(N):
        honour, defect = varied(seed), varied(seed)
        before = honour.state.seats["islamabad"].credibility
        crisis_test(honour, "abqaiq_strike", "riyadh", {"islamabad": "material"}, seed)
        crisis_test(defect, "abqaiq_strike", "riyadh", {"islamabad": "none"}, seed)
        assert honour.state.seats["islamabad"].credibility > before or before == 100.0
        assert defect.state.seats["islamabad"].credibility < before
        # Riyadh now counts less on a partner that defected
        assert seat_deterrence(defect, "riyadh")[0] < seat_deterrence(honour, "riyadh")[0]


# ------------------------------------------------------------------------- playing sensibly
def test_bot_games_play_sensibly():
    """Over a hundred seeded bot games: crises matter, outcomes vary, play changes scores."""
    crises, outcomes, totals, washington = [], [], {s: [] for s in SEATS}, []
    for seed in range(100):
        styles = {s: STYLES[(seed + i) % 3] for i, s in enumerate(SEATS)}
        g = Game(scenario(), seed)
        play_bots(g, make_bots(seed, styles=styles))
        crises.append(len(g.state.crises))
        outcomes += [c.outcome for c in g.state.crises]
        for seat, sc in g.scores().items():
            totals[seat].append(sc.total)
            assert all(0 <= c.value <= 100 for c in sc.components)
        washington.append(g.state.seats["washington"].budget)
    assert 3.0 <= statistics.mean(crises) <= 6.0
    for outcome in crisis_rules.OUTCOMES:
        assert outcomes.count(outcome) > 0.15 * len(outcomes), outcome
    for seat in SEATS:
        assert statistics.pstdev(totals[seat]) > 1.5, seat  # different play, different results
        assert statistics.mean(totals[seat]) < 85, seat
    assert statistics.mean(washington) < 4 * scenario().seats["washington"].budget
