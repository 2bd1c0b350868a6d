"""What-if with a forced decision (paired seeds), matched separating decisions, and the
debrief's top_decisions (issue 16)."""
from __future__ import annotations

import pytest

from wargame import Game
from wargame import actions as A
from wargame.bots import make_bots, play_bots
from wargame.decisions import top_decisions
from wargame.errors import WargameError
from wargame.forced import Forced, compare_forced, paired_differences
from wargame.simulate import decision_effects, simulate

from test_engine_helpers import scenario


def _at_turn(seed: int, turn: int) -> Game:
    g = Game(scenario(), seed)
    bots = make_bots(seed)
    while g.turn < turn:
        g.apply(bots[g.acting_seats()[0]].choose(g))
    return g


def test_forced_decision_is_taken_in_every_continuation_and_paired_by_seed():
    g = _at_turn(4, 3)
    force = Forced(A.Declare("riyadh", "islamabad"))
    cmp = compare_forced(g, force, games=6, seed=1)
    assert cmp.applied == 6 and all(rec["forced"] for rec in cmp.forced.games)
    assert [r["seed"] for r in cmp.baseline.games] == [r["seed"] for r in cmp.forced.games]
    assert cmp.forced.meta["forced"]["text"].startswith("Riyadh: Public declaration")
    p = cmp.paired["riyadh"]
    diffs = [f["scores"]["riyadh"] - b["scores"]["riyadh"] for b, f in zip(cmp.baseline.games, cmp.forced.games)]
    assert p["difference"] == pytest.approx(sum(diffs) / 6, abs=1e-3) and p["pairs"] == 6
    assert "Forced decision: Riyadh" in cmp.summary()
    # the baseline is the plain run with the same seeds
    again = simulate(g, 6, 1)
    assert [r["scores"] for r in again.games] == [r["scores"] for r in cmp.baseline.games]


def test_forced_crisis_response_answers_the_first_crisis():
    g = _at_turn(4, 3)
    cmp = compare_forced(g, Forced(A.Respond("riyadh", "", "none")), games=8, seed=2)
    assert 0 < cmp.applied <= 8
    untouched = [(b, f) for b, f in zip(cmp.baseline.games, cmp.forced.games) if not f["forced"]]
    for b, f in untouched:  # where it never came up, the pair is the same game
        assert b["scores"] == f["scores"]


def test_a_forced_decision_that_is_never_legal_is_refused():
    g = _at_turn(4, 3)
    with pytest.raises(WargameError, match="never legal"):
        compare_forced(g, Forced(A.Withdraw("riyadh", "no-such-commitment")), games=2, seed=1)
    with pytest.raises(WargameError, match="already past"):
        compare_forced(g, Forced(A.Declare("riyadh", "islamabad"), turn=1), games=2, seed=1)


def test_paired_differences_count_ties_half():
    base = [{"index": i, "scores": {s: 10.0 for s in ("ankara", "riyadh", "islamabad", "washington")}} for i in range(2)]
    forced = [{"index": 0, "scores": {**base[0]["scores"], "riyadh": 12.0}}, {"index": 1, "scores": dict(base[1]["scores"])}]
    p = paired_differences(base, forced)["riyadh"]
    assert p["difference"] == 1.0 and p["better_share"] == 0.75


def _rec(score: float, honoured: bool, defected: bool, called: bool) -> dict:
    return {"scores": {"riyadh": score}, "decisions": {"riyadh.honoured": honoured, "riyadh.defected": defected},
            "chances": {"riyadh.honoured": called, "riyadh.defected": called}}


def test_separating_decisions_use_the_games_where_the_decision_was_open():
    # a crisis costs Riyadh 10 points whatever it does; honouring gains 2 over falling short
    games = ([_rec(60, False, False, False)] * 4 + [_rec(52, True, False, True)] * 4
             + [_rec(50, False, True, True)] * 4)
    rows = {r["decision"]: r for r in decision_effects(games, "riyadh", 2)}
    assert rows["riyadh.honoured"]["difference"] == pytest.approx(2.0)
    assert rows["riyadh.defected"]["difference"] == pytest.approx(-2.0)
    assert rows["riyadh.honoured"]["open_in"] == 8
    assert all(" = " not in r["label"] for r in rows.values())


def test_top_decisions_names_the_seats_weightiest_decisions():
    g = Game(scenario(), 7)
    play_bots(g, make_bots(7))
    top = top_decisions(g, "riyadh", n=3, playouts=2, max_decisions=8)
    assert 1 <= len(top) <= 3
    effects = [abs(d.effect) for d in top]
    assert effects == sorted(effects, reverse=True)
    for d in top:
        assert d.action.seat == "riyadh" and d.text.startswith("Riyadh") and d.alternative
        assert g.actions[d.index] == d.action
    assert top_decisions(g, "riyadh", n=3, playouts=2, max_decisions=8) == top  # deterministic


def test_simulate_command_forces_a_decision():
    from test_storage_support import cli
    done = cli("simulate", "--games", "3", "--seed", "1", "--no-progress",
               "--force", '{"type": "declare", "seat": "riyadh", "target": "islamabad"}')
    assert done.returncode == 0, done.stderr
    assert "Forced decision: Riyadh: Public declaration (target Islamabad)" in done.stdout
    bad = cli("simulate", "--games", "1", "--no-progress", "--force", "{oops")
    assert bad.returncode == 2 and "not JSON" in bad.stderr


def test_top_decisions_reads_a_save(tmp_path, monkeypatch):
    from test_storage_support import cli
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path))
    assert cli("play", "--seed", "5", "--save", "t", "--quiet").returncode == 0
    top = top_decisions(tmp_path / "t.wargame", "islamabad", n=2, playouts=1, max_decisions=4)
    assert 1 <= len(top) <= 2 and all(d.action.seat == "islamabad" for d in top)
    with pytest.raises(ValueError, match="unknown seat"):
        top_decisions(tmp_path / "t.wargame", "moscow")
