"""How fast are what-if sweeps? Games per second on one core and with workers, and a yardstick.

Prints, in one run:

* ``simulate`` games/s with 1 worker (in process) and with ``--workers`` processes, and the
  scaling efficiency (speed-up / workers); the pool's start-up is included, as a user sees it;
* the agent API: Layered Deterrence random games/s through the PettingZoo AEC environment with
  masked random actions;
* the same for PettingZoo classic environments (``connect_four_v3``, ``tictactoe_v3``; they need
  ``pygame``: ``pip install -e '.[bench]'``), and the ratios; the environments play in turns of a
  quarter of a second so that the machine's load falls on them alike, and the last line gives
  the agent API's steps/s against connect four's.

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


class RandomPlay:
    """Masked random games of one AEC environment, played in slices and timed as they go."""

    def __init__(self, make_env: Callable[[], Any]) -> None:
        import numpy as np
        self._np = np
        self.rng = np.random.default_rng(0)
        self.env = make_env()
        self.games = self.steps = 0
        self.seconds = 0.0

    def play(self, seconds: float) -> None:
        """Whole games until ``seconds`` have passed (at least one)."""
        np, e, rng = self._np, self.env, self.rng
        start = time.perf_counter()
        while True:
            e.reset(seed=self.games)
            for agent in e.agent_iter():
                obs, _, terminated, truncated, _ = e.last()
                if terminated or truncated:
                    action = None
                else:
                    action = int(rng.choice(np.flatnonzero(obs["action_mask"])))
                e.step(action)
                self.steps += 1
            self.games += 1
            if time.perf_counter() - start >= seconds:
                break
        self.seconds += time.perf_counter() - start

    @property
    def games_per_second(self) -> float:
        return self.games / self.seconds

    @property
    def steps_per_second(self) -> float:
        return self.steps / self.seconds

    @property
    def steps_per_game(self) -> float:
        return self.steps / self.games


def interleaved(makers: dict[str, Callable[[], Any]], seconds: float, slice_seconds: float = 0.25) -> dict[str, RandomPlay]:
    """Random play of every environment, in turns of ``slice_seconds`` each until every one has
    played ``seconds``: the machine's load falls on all of them alike."""
    plays = {name: RandomPlay(make) for name, make in makers.items()}
    while any(p.seconds < seconds for p in plays.values()):
        for p in plays.values():
            if p.seconds < seconds:
                p.play(slice_seconds)
    return plays


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
    makers: dict[str, Callable[[], Any]] = {"layered_deterrence_v0": ld_env}
    missing = {}
    for name in ("connect_four_v3", "tictactoe_v3"):
        try:
            makers[name] = importlib.import_module(f"pettingzoo.classic.{name}").env
        except ImportError as err:
            missing[name] = err
    plays = interleaved(makers, args.seconds)
    ld = plays["layered_deterrence_v0"]
    print("random play through the PettingZoo AEC API (masked random actions, 1 core, interleaved):")
    print(f"  layered_deterrence_v0 : {ld.games_per_second:9.2f} games/s ({ld.steps_per_game:.0f} agent steps/game, "
          f"{ld.steps_per_second:,.0f} steps/s)")
    for name, err in missing.items():
        print(f"  {name:<21} : unavailable ({err}; pip install 'pettingzoo[classic]')")
    for name, p in plays.items():
        if name == "layered_deterrence_v0":
            continue
        print(f"  {name:<21} : {p.games_per_second:9.2f} games/s ({p.steps_per_game:.0f} agent steps/game, "
              f"{p.steps_per_second:,.0f} steps/s); simulate (1 worker) is {gps1 / p.games_per_second:.3f}x its "
              f"games/s, the AEC env {ld.games_per_second / p.games_per_second:.4f}x its games/s and "
              f"{ld.steps_per_second / p.steps_per_second:.3f}x its steps/s")
    if "connect_four_v3" in plays:
        c4 = plays["connect_four_v3"]
        print(f"agent API steps/s {ld.steps_per_second:,.0f}, connect_four_v3 {c4.steps_per_second:,.0f} "
              f"(same run, interleaved): ratio {ld.steps_per_second / c4.steps_per_second:.3f}x (aim: at least 1x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
