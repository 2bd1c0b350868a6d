"""What-if analysis: determinism whatever the workers, cancel, JSON consistency, the command."""
from __future__ import annotations

import json
import math
import sys
import threading

import pytest

from wargame.bots import make_bots
from wargame.rules.game import Game
from wargame.scenario import load_scenario
from wargame.simulate import SimulationError, game_seed, simulate
from wargame.types import SEATS

SC = load_scenario("pact-2026")


def _without_timing(result) -> dict:
    data = json.loads(result.to_json())
    data.pop("timing")
    return data


def test_same_seed_same_result_whatever_the_workers():
    one = simulate(SC, games=10, seed=5, workers=1)
    two = simulate(SC, games=10, seed=5, workers=2, chunk_size=2)
    assert one.meta["completed"] == two.meta["completed"] == 10
    assert _without_timing(one) == _without_timing(two)
    assert two.timing["backend"] == "processes" and two.timing["workers"] == 2
    other = simulate(SC, games=10, seed=6, workers=1)
    assert [g["scores"] for g in other.games] != [g["scores"] for g in one.games]
    assert [g["seed"] for g in one.games] == [game_seed(5, i) for i in range(10)]


def test_game_record_matches_a_direct_replay():
    result = simulate(SC, games=2, seed=3)
    rec = result.games[1]
    game = Game(SC, rec["seed"])
    from wargame.bots import play_bots
    play_bots(game, make_bots(rec["seed"]))
    assert rec["scores"] == {s: game.score(s).total for s in SEATS}
    assert rec["crisis_count"] == len(game.state.crises)
    assert rec["gap"]["riyadh"] == [round(float(r["seats"]["riyadh"]["gap"]), 3) for r in game.state.history]


def test_cancel_stops_early_with_partial_results_flagged():
    cancel = threading.Event()
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= 3:
            cancel.set()

    result = simulate(SC, games=50, seed=1, progress=progress, cancel=cancel)
    assert result.cancelled and result.partial
    assert result.meta["completed"] == 3 and result.meta["requested"] == 50
    assert [g["index"] for g in result.games] == [0, 1, 2]
    assert result.aggregates["games"] == 3
    assert seen[:3] == [(1, 50), (2, 50), (3, 50)]
    data = json.loads(result.to_json())
    assert data["meta"]["cancelled"] is True
    assert "CANCELLED" in result.summary()


def test_cancel_with_workers():
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        cancel.set()

    result = simulate(SC, games=400, seed=2, workers=2, chunk_size=2, progress=progress, cancel=cancel)
    assert result.cancelled
    assert 2 <= result.meta["completed"] < 400
    # the games that were played are exactly those an uncancelled run plays
    ref = simulate(SC, games=result.games[-1]["index"] + 1, seed=2)
    by_index = {g["index"]: g for g in ref.games}
    for g in result.games:
        assert g == by_index[g["index"]]


def test_json_keys_and_aggregates_consistent_with_games():
    result = simulate(SC, games=24, seed=11)
    data = json.loads(result.to_json())
    assert set(data) == {"schema", "meta", "aggregates", "timing", "games"}
    agg = data["aggregates"]
    assert {"games", "scores", "components", "pacts", "crises", "bluff_gap", "decisions",
            "separating_decisions", "honour", "unfinished"} <= set(agg)
    games = data["games"]
    n = len(games)
    assert agg["games"] == n == 24
    for seat in SEATS:
        scores = [g["scores"][seat] for g in games]
        assert agg["scores"][seat]["mean"] == pytest.approx(sum(scores) / n, abs=1e-3)
        assert agg["scores"][seat]["min"] == pytest.approx(min(scores), abs=1e-3)
        assert agg["scores"][seat]["quantiles"]["0.5"] == pytest.approx(sorted(scores)[11:13][0] / 2 + sorted(scores)[11:13][1] / 2, abs=1e-3)
    for pid, p in agg["pacts"].items():
        assert p["survival"] == pytest.approx(sum(g["pacts"][pid]["active"] for g in games) / n, abs=1e-4)
    crises = agg["crises"]
    assert sum(crises["histogram"].values()) == n
    assert sum(crises["outcomes"].values()) == sum(g["crisis_count"] for g in games)
    assert sum(sum(v.values()) for v in crises["by_type"].values()) == sum(g["crisis_count"] for g in games)
    gap = agg["bluff_gap"]
    assert gap["turns"] == list(range(0, SC.meta.turns + 1))
    last = [g["gap"]["riyadh"][-1] for g in games]
    assert gap["riyadh"]["mean"][-1] == pytest.approx(sum(last) / n, abs=1e-3)
    assert gap["riyadh"]["q10"][-1] <= gap["riyadh"]["q50"][-1] <= gap["riyadh"]["q90"][-1]
    for seat in SEATS:
        for row in agg["separating_decisions"][seat]:
            key = row["decision"]
            open_games = [g for g in games if g["chances"].get(key, True)]
            assert row["with"] == sum(1 for g in open_games if g["decisions"].get(key))
            assert row["with"] + row["without"] == row["open_in"] == len(open_games)
            assert " = " not in row["label"]
            with_ = [g["scores"][seat] for g in open_games if g["decisions"].get(key)]
            assert row["mean_with"] == pytest.approx(sum(with_) / len(with_), abs=1e-3)
        effects = [abs(r["effect_size"]) for r in agg["separating_decisions"][seat]]
        assert effects == sorted(effects, reverse=True)
    for key, d in agg["decisions"].items():
        assert d["share"] == pytest.approx(sum(1 for g in games if g["decisions"].get(key)) / n, abs=1e-4)
    assert not any(math.isnan(v) for v in [agg["scores"][s]["std"] for s in SEATS])


def test_from_a_position_and_styles():
    start = Game(SC, 9)
    bots = make_bots(9)
    while start.turn < 4:
        start.apply(bots[start.acting_seats()[0]].choose(start))
    before = start.digest()
    result = simulate(start, games=4, seed=1, styles={"ankara": "opportunist", "riyadh": "cautious"})
    assert start.digest() == before  # the starting game is untouched
    assert result.meta["start_turn"] == 4 and result.meta["from_game"] is True
    assert result.meta["styles"]["ankara"] == "opportunist" and result.meta["styles"]["islamabad"] == "balanced"
    past = len(start.state.crises)
    for g in result.games:
        assert all(c["turn"] >= 4 for c in g["crises"])
        assert g["history_turns"][:4] == [0, 1, 2, 3]
        assert g["gap"]["riyadh"][:4] == [round(float(r["seats"]["riyadh"]["gap"]), 3) for r in start.state.history]
    assert past >= 0
    # different continuations see different dice
    assert len({json.dumps(g["scores"], sort_keys=True) for g in result.games}) > 1
    with pytest.raises(SimulationError):
        simulate(SC, games=2, seed=1, styles={"ankara": "reckless"})


def test_command_writes_json_and_summary(tmp_path, capsys):
    from wargame.cli import main
    out = tmp_path / "out.json"
    code = main(["simulate", "--games", "5", "--seed", "4", "--json", str(out), "--style", "ankara=cautious"])
    assert code == 0
    captured = capsys.readouterr()
    assert "Final score" in captured.out and "survives in" in captured.out
    assert "5/5 games" in captured.err
    data = json.loads(out.read_text())
    assert data["meta"]["completed"] == 5 and data["meta"]["styles"]["ankara"] == "cautious"
    assert main(["simulate", "--games", "2", "--style", "ankara=reckless"]) == 2


def test_command_from_a_save(tmp_path, capsys):
    storage = pytest.importorskip("wargame.storage")
    from wargame.cli import main
    path = tmp_path / "g.wargame"
    storage.play_and_save(SC, 7, make_bots(7), str(path))
    code = main(["simulate", "--from", str(path), "--at", "3", "--games", "3", "--json", str(tmp_path / "o.json")])
    assert code == 0
    data = json.loads((tmp_path / "o.json").read_text())
    assert data["meta"]["start_turn"] == 3 and data["meta"]["from_game"] is True


def test_ray_missing_gives_install_hint(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` raise ImportError
    from wargame.cli import main
    code = main(["simulate", "--games", "2", "--ray", "auto"])
    assert code == 1
    err = capsys.readouterr().err
    assert "pip install 'layered-deterrence[ray]'" in err
    with pytest.raises(SimulationError, match=r"layered-deterrence\[ray\]"):
        simulate(SC, games=2, seed=1, ray="auto")


def test_ray_local_instance_gives_the_same_result():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        on_ray = simulate(SC, games=6, seed=8, ray="auto", chunk_size=2)
    finally:
        ray.shutdown()
    assert on_ray.timing["backend"] == "ray"
    assert _without_timing(on_ray) == _without_timing(simulate(SC, games=6, seed=8))


def test_a_held_phase_does_not_stop_the_continuations():
    from wargame.actions import EndPhase, PhaseControl
    start = Game(SC, 4)
    start.apply(PhaseControl("facilitator", "hold"))
    for seat in SEATS:
        start.apply(EndPhase(seat))
    assert start.acting_seats() == [] and start.phase == "diplomacy"
    result = simulate(start, games=2, seed=1)
    assert result.aggregates["unfinished"] == 0
    assert all(g["over"] for g in result.games)
