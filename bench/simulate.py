"""How fast are what-if sweeps? Games per second on one core and with workers, and a yardstick.

Prints, in one run:

* ``simulate`` games/s with 1 worker (in process) and with ``--workers`` processes, and the
  scaling efficiency (speed-up / workers); the pool's start-up is included, as a user sees it;
* the agent API: Layered Deterrence random games/s through the PettingZoo AEC environment with
  masked random actions;
* the same for PettingZoo classic environments (``connect_four_v3``, ``tictactoe_v3``; they need
  ``pygame``), and the ratios.

    .venv/bin/python bench/simulate.py                     # 300 games, 2 workers
    .venv/bin/python bench/simulate.py --games 1000 --workers 2 --seconds 5
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from typing import Any, Callable

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from wargame.scenario import load_scenario  # noqa: E402
from wargame.simulate import simulate  # noqa: E402


def random_games_per_second(make_env: Callable[[], Any], seconds: float, max_games: int = 10_000) -> tuple[float, float]:
    """Masked random games per second of an AEC environment, and mean steps per game."""
    import numpy as np
    rng = np.random.default_rng(0)
    e = make_env()
    games = steps = 0
    start = time.perf_counter()
    while games < max_games and (games == 0 or time.perf_counter() - start < seconds):
        e.reset(seed=games)
        for agent in e.agent_iter():
            obs, _, terminated, truncated, _ = e.last()
            if terminated or truncated:
                action = None
            else:
                action = int(rng.choice(np.flatnonzero(obs["action_mask"])))
            e.step(action)
            steps += 1
        games += 1
    elapsed = time.perf_counter() - start
    e.close()
    return games / elapsed, steps / games


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--games", type=int, default=300, help="games per simulate measurement")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=3.0, help="time per random-play measurement")
    parser.add_argument("--scenario", default="pact-2026")
    args = parser.parse_args(argv)
    sc = load_scenario(args.scenario)
    simulate(sc, games=3, seed=0)  # warm up imports and caches

    one = simulate(sc, games=args.games, seed=1, workers=1)
    gps1 = one.meta["completed"] / one.timing["seconds"]
    tiny = simulate(sc, games=args.workers, seed=2, workers=args.workers, chunk_size=1)
    startup = max(0.0, tiny.timing["seconds"] - args.workers / gps1)  # spawn + imports, roughly
    many = simulate(sc, games=args.games, seed=1, workers=args.workers)
    gpsn = many.meta["completed"] / many.timing["seconds"]
    steady = many.meta["completed"] / max(1e-9, many.timing["seconds"] - startup)
    same = one.to_dict()["games"] == many.to_dict()["games"]
    print(f"simulate, {args.games} games of {args.scenario} ({sc.meta.turns} quarters, computer players):")
    print(f"  1 worker  : {gps1:7.1f} games/s ({1000 / gps1:.1f} ms/game)")
    print(f"  {args.workers} workers : {gpsn:7.1f} games/s, speed-up {gpsn / gps1:.2f}x, "
          f"scaling efficiency {gpsn / gps1 / args.workers:.0%} (pool start-up included); "
          f"identical results: {same}")
    print(f"            pool start-up about {startup:.1f} s; without it {steady:.1f} games/s, "
          f"efficiency {steady / gps1 / args.workers:.0%}")

    from wargame.env import env as ld_env
    ld, ld_steps = random_games_per_second(ld_env, args.seconds)
    print("random play through the PettingZoo AEC API (masked random actions, 1 core):")
    print(f"  layered_deterrence_v0 : {ld:9.2f} games/s ({ld_steps:.0f} agent steps/game, "
          f"{ld * ld_steps:,.0f} steps/s)")
    for name in ("connect_four_v3", "tictactoe_v3"):
        try:
            module = importlib.import_module(f"pettingzoo.classic.{name}")
        except ImportError as err:
            print(f"  {name:<21} : unavailable ({err}; pip install 'pettingzoo[classic]')")
            continue
        gps, steps = random_games_per_second(module.env, args.seconds)
        print(f"  {name:<21} : {gps:9.2f} games/s ({steps:.0f} agent steps/game, {gps * steps:,.0f} steps/s); "
              f"simulate (1 worker) is {gps1 / gps:.3f}x its games/s, the AEC env "
              f"{ld / gps:.4f}x its games/s and {ld * ld_steps / (gps * steps):.3f}x its steps/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
