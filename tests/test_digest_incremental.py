"""The incremental state digest (issue 17, :mod:`wargame.digest`).

Seeded games mixing the computer players, random legal actions, undos and facilitator actions
(rulings change past crises, injected events, parameters, notes): at every step the digest the
game keeps up to date equals the digest computed from scratch from the state's dict form, on
the game itself and on copies made by ``clone()`` and by the dict round trip that then play on
with their own memo. Distinct states get distinct digests and equal states equal ones. The work
done per action (entries serialised and hashed) does not grow with the game.
"""
from __future__ import annotations

import json
import random

import pytest

from wargame import Game
from wargame import actions as A
from wargame.bots import make_bots
from wargame.digest import ENDED, dict_digest, digest
from wargame.state import state_to_dict
import wargame.digest as digest_module

from test_conformance import _apply
from test_engine_helpers import new_game, next_quarter, scenario, set_budget, sign

F = "facilitator"


def _long(turns: int):
    sc = scenario()
    return sc.model_copy(update={"meta": sc.meta.model_copy(update={"turns": turns})})


def _facilitator(g: Game, rnd: random.Random) -> A.Action:
    kind = rnd.randrange(5)
    seat = rnd.choice(("ankara", "riyadh", "islamabad", "washington"))
    if kind == 0 and g.state.crises:
        crisis = rnd.choice(g.state.crises)
        return A.Ruling(F, crisis.id, rnd.choice(("deterred", "contained", "damaging")), "test")
    if kind == 1:
        return A.InjectEvent(F, "Event", "", seat, A.make_terms({"budget": rnd.randint(-500, 500)}))
    if kind == 2:
        name = rnd.choice(sorted(g.state.params))
        return A.SetParameter(F, name, round(rnd.random(), 3), "test")
    if kind == 3:
        spec = rnd.choice(g.scenario.crises)
        return A.InjectCrisis(F, spec.id, spec.targets[0], 1.0)
    return A.Note(F, "note", rnd.randint(-1, len(g.events)))


def _choose(g: Game, bots: dict, rnd: random.Random) -> A.Action:
    if not g.acting_seats() or rnd.random() < 0.08:
        return _facilitator(g, rnd)
    seat = rnd.choice(g.acting_seats())
    u = rnd.random()
    if g.phase != "crisis" and u < 0.12:
        return A.Undo(seat)
    if u < 0.3:
        return rnd.choice(g.legal_actions(seat))
    return bots[seat].choose(g)


def _scratch(g: Game) -> str:
    return dict_digest(state_to_dict(g.state))


@pytest.mark.parametrize("seed", [4, 19, 2027])
def test_the_kept_digest_equals_the_digest_from_scratch_at_every_step(seed: int) -> None:
    rnd = random.Random(seed)
    g = Game(_long(18), seed)
    bots = make_bots(seed)
    copies: list[Game] = []
    seen: dict[str, str] = {}
    steps = undos = rulings = 0
    while not g.over and steps < 2500:
        action = _choose(g, bots, rnd)
        results = {_apply(x, action) for x in (g, *copies)}
        assert len(results) == 1, (steps, action, results)
        if results == {"ok"}:
            undos += action.kind == "undo"
            rulings += action.kind == "ruling"
        fast = g.digest()
        assert fast == _scratch(g), (steps, action)
        for copy in copies:
            assert copy.digest() == fast == _scratch(copy), (steps, action)
        text = json.dumps(state_to_dict(g.state))
        assert seen.setdefault(fast, text) == text, (steps, "two states share a digest")
        if steps % 40 == 7:  # fresh copies, which then play on with their own memo
            copies = [g.clone(), Game.from_dict(json.loads(json.dumps(g.to_dict())))]
            assert all(c.digest() == fast for c in copies)
        steps += 1
    assert g.over and undos > 5 and rulings > 0, (steps, undos, rulings)
    ended = sum(c.status in ENDED for c in g.state.commitments.values())
    assert ended > 5  # the sum of ended commitments was exercised
    assert len(set(seen)) == len(set(seen.values()))  # equal states, equal digests too


def test_a_suspended_commitment_that_resumes_is_seen() -> None:
    """``suspended`` is not an ended status: a fee-based commitment resumes when the guest can
    pay again, and the kept digest must follow it back."""
    g = new_game()
    com = sign(g, "riyadh", "port_access", "islamabad", host="islamabad", guest="riyadh", site="gwadar", fee=100)
    income = g.state.seats["riyadh"].income
    set_budget(g, "riyadh", 0)
    g.state.seats["riyadh"].income = 0
    g.digest()
    next_quarter(g)
    assert com.status == "suspended" and g.digest() == _scratch(g)
    g.state.seats["riyadh"].income = income
    set_budget(g, "riyadh", 5000)
    g.digest()
    next_quarter(g)
    assert com.status == "active" and g.digest() == _scratch(g)


def test_a_digest_differs_for_every_kind_of_change() -> None:
    g = Game(_long(14), 3)
    bots = make_bots(3)
    while not g.over:
        g.apply(bots[g.acting_seats()[0]].choose(g))
        if g.phase == "diplomacy" and g.turn == 12:
            break
    data = state_to_dict(g.state)
    base = dict_digest(data)
    assert base == g.digest()
    ended = next(k for k, c in data["commitments"].items() if c["status"] in ENDED)
    opened = next(k for k, c in data["commitments"].items() if c["status"] not in ENDED)
    keys = list(data["commitments"])

    def changed(edit) -> str:
        other = json.loads(json.dumps(data))
        edit(other)
        return dict_digest(other)
    edits = {
        "ended commitment's terms": lambda d: d["commitments"][ended]["terms"].update(x=1),
        "open commitment's terms": lambda d: d["commitments"][opened]["terms"].update(x=1),
        "commitment order": lambda d: d.update(commitments={k: d["commitments"][k] for k in reversed(keys)}),
        "past crisis": lambda d: d["crises"][0].update(ruling="damaging" if d["crises"][0]["ruling"] != "damaging" else "deterred"),
        "history row": lambda d: d["history"][3].update(turn=99),
        "phase snapshot": lambda d: d["phase_base"]["seats"]["ankara"].update(budget=-1),
        "snapshot's ended commitment": lambda d: d["phase_base"]["commitments"][ended].update(name="x"),
        "seat": lambda d: d["seats"]["riyadh"].update(budget=d["seats"]["riyadh"]["budget"] + 1),
        "int to float": lambda d: d["seats"]["riyadh"].update(budget=float(d["seats"]["riyadh"]["budget"])),
        "parameter": lambda d: d["params"].update(x=0.5),
        "counter": lambda d: d.update(counter=d["counter"] + 1),
    }
    digests = {name: changed(edit) for name, edit in edits.items()}
    assert data["crises"] and base not in digests.values()
    assert len(set(digests.values())) == len(digests)


def test_the_work_per_action_does_not_grow_with_the_game(monkeypatch) -> None:
    """Counts the JSON texts the kept digest hashes per action (no timing): about the same
    late in a long game as early, though the state holds far more commitments and crises."""
    count = [0]
    real_hash = digest_module._hash

    def counting(value):
        count[0] += 1
        return real_hash(value)
    monkeypatch.setattr(digest_module, "_hash", counting)
    g = Game(_long(120), 1)
    bots = make_bots(1)
    per_turn: dict[int, list[int]] = {}
    while not g.over:
        g.apply(bots[g.acting_seats()[0]].choose(g))
        count[0] = 0
        g.digest()
        per_turn.setdefault(g.turn, []).append(count[0])
    early = [n for t in range(3, 13) for n in per_turn[t]]
    late = [n for t in range(110, 121) for n in per_turn[t]]
    ended = sum(c.status in ENDED for c in g.state.commitments.values())
    assert ended > 60 and len(g.state.history) > 100
    mean_early, mean_late = sum(early) / len(early), sum(late) / len(late)
    assert mean_late <= 1.5 * mean_early, (mean_early, mean_late)
    fresh = Game.from_dict(g.to_dict())
    count[0] = 0
    assert digest(fresh.state) == g.digest()
    assert count[0] > 20 * mean_late  # from scratch it hashes everything: the count sees the work
