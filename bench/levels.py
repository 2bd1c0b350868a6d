"""Difficulty levels: how each level scores in one seat against balanced computer players.

For each seed, the same game is played with the seat held by each level (the other seats by the
balanced bot); prints the mean score per level, the mean paired difference against the balanced
level and the seconds per game. Figures, not asserts.

    .venv/bin/python bench/levels.py --seat riyadh --games 10
"""
from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from wargame.bots import make_bots  # noqa: E402
from wargame.players import LEVELS, make_player  # noqa: E402
from wargame.rules.game import Game  # noqa: E402
from wargame.scenario import load_scenario  # noqa: E402


def play(seat: str, level: str, seed: int) -> float:
    """One game with ``seat`` at ``level``; returns its final score."""
    g = Game(load_scenario("pact-2026"), seed)
    players: dict = make_bots(seed)
    players[seat] = make_player(level, seat, seed)
    while not g.over:
        acting = g.acting_seats()
        g.apply(players[acting[0]].choose(g))
    return g.score(seat).total


def main() -> None:
    """Run every level over the seeds and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seat", default="riyadh")
    ap.add_argument("--games", type=int, default=10)
    ap.add_argument("--levels", default=",".join(lv.id for lv in LEVELS))
    args = ap.parse_args()
    levels = args.levels.split(",")
    scores: dict[str, list[float]] = {}
    secs: dict[str, float] = {}
    for level in levels:
        began = time.perf_counter()
        scores[level] = [play(args.seat, level, seed) for seed in range(args.games)]
        secs[level] = (time.perf_counter() - began) / args.games
    base = scores.get("balanced")
    print(f"{args.seat} over {args.games} seeds (other seats: balanced bots)")
    for level in levels:
        line = f"  {level:<14} mean {statistics.mean(scores[level]):5.1f}   {secs[level]:6.2f} s/game"
        if base is not None and level != "balanced":
            diffs = [a - b for a, b in zip(scores[level], base)]
            se = statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else 0.0
            wins = sum(1 for d in diffs if d > 0)
            line += f"   vs balanced {statistics.mean(diffs):+5.1f} ± {se:.1f} (better in {wins}/{len(diffs)})"
        print(line)


if __name__ == "__main__":
    main()
