"""Engine speed: full games per second and microseconds per action, beside PettingZoo's
``connect_four_v3`` played with random legal moves in the same run, as ratios.

    .venv/bin/python bench/engine.py            # ~10 s
    .venv/bin/python bench/engine.py --games 40 --seconds 5

"Our game" is a whole 12-quarter game of four seeded computer players (``wargame.bots``),
so its time per action includes the bots' choices, as connect four's includes drawing a random
legal move from the action mask. A second line replays the recorded actions without the bots
(the engine alone). The aim: an action costs no more than a connect-four step, and a full game
stays well under 20 ms. Timings use the best of several rounds (other work on the machine only
ever makes a round slower), so the ratios are the figures to compare across machines.
"""
from __future__ import annotations

import argparse
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wargame.bots import make_bots  # noqa: E402
from wargame.rules.game import Game  # noqa: E402
from wargame.scenario import load_scenario  # noqa: E402


def bench_wargame(games: int, rounds: int) -> tuple[float, float, float, int]:
    """Best (seconds per game with bots, seconds per game replayed, actions per game)."""
    scenario = load_scenario("pact-2026")
    logs = []
    best_play = best_replay = float("inf")
    for r in range(rounds):
        actions = 0
        start = time.perf_counter()
        for seed in range(games):
            g = Game(scenario, seed)
            bots = make_bots(seed)
            while not g.over:
                g.apply(bots[g.acting_seats()[0]].choose(g))
            actions += len(g.actions)
            if r == 0:
                logs.append(g.actions)
        best_play = min(best_play, (time.perf_counter() - start) / games)
        start = time.perf_counter()
        for seed in range(games):
            Game.replay(scenario, seed, logs[seed])
        best_replay = min(best_replay, (time.perf_counter() - start) / games)
    per_game = actions / games
    return best_play, best_replay, per_game, games


def bench_connect_four(seconds: float, rounds: int) -> tuple[float, float] | None:
    """Best (seconds per game, seconds per step) of connect four with random legal moves."""
    try:
        import numpy as np
        try:
            from pettingzoo.classic import connect_four_v3
        except ModuleNotFoundError as err:  # pygame is only needed to render
            if err.name != "pygame":
                raise
            sys.modules["pygame"] = types.ModuleType("pygame")
            from pettingzoo.classic import connect_four_v3
    except ImportError as err:
        print(f"(connect four not available: {err}; install pettingzoo and numpy)")
        return None
    env = connect_four_v3.env()
    rng = np.random.default_rng(0)
    best_game = best_step = float("inf")
    for _ in range(rounds):
        games = steps = 0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds / rounds:
            env.reset(seed=games)
            for agent in env.agent_iter():
                obs, _reward, term, trunc, _info = env.last()
                action = None if term or trunc else int(rng.choice(np.flatnonzero(obs["action_mask"])))
                env.step(action)
                steps += 1
            games += 1
        elapsed = time.perf_counter() - start
        best_game = min(best_game, elapsed / games)
        best_step = min(best_step, elapsed / steps)
    env.close()
    return best_game, best_step


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="engine speed beside connect four")
    parser.add_argument("--games", type=int, default=20, help="seeded games per round (default 20)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds; the best is kept (default 5)")
    parser.add_argument("--seconds", type=float, default=4.0, help="time for connect four (default 4)")
    args = parser.parse_args(argv)
    play, replay, actions, _ = bench_wargame(args.games, args.rounds)
    c4 = bench_connect_four(args.seconds, args.rounds)
    print(f"Layered Deterrence (pact-2026, 4 computer players, {args.games} seeded games, "
          f"{actions:.0f} actions a game):")
    print(f"  with bots : {1 / play:8.1f} games/s  {play * 1e3:7.2f} ms/game  "
          f"{play / actions * 1e6:7.1f} us/action")
    print(f"  replay    : {1 / replay:8.1f} games/s  {replay * 1e3:7.2f} ms/game  "
          f"{replay / actions * 1e6:7.1f} us/action (engine alone)")
    if c4 is not None:
        game, step = c4
        print(f"PettingZoo connect_four_v3 (random legal moves from the action mask):")
        print(f"  {1 / game:8.1f} games/s  {game * 1e3:7.2f} ms/game  {step * 1e6:7.1f} us/step")
        print("Ratios (ours / connect four):")
        print(f"  time per action: {play / actions / step:5.2f}  (with bots; aim <= 1)")
        print(f"  time per game  : {play / game:5.2f}")
    print(f"aim: a full game well under 20 ms -> {'met' if play < 0.020 else 'NOT met'} ({play * 1e3:.1f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
