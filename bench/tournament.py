"""Seeded tournament: does the searching computer player beat the simple one?

For every game seed, one game with simple bots at every seat (the baseline) and, for each seat,
the same seed with that seat played by :class:`wargame.search_bot.SearchBot` and the others by
the same simple bots. The comparison is paired by seed, so the table shows, per seat, the mean
score of the simple bot and of the search bot in that seat, the mean difference with its standard
error, and the win rate (share of seeds where the search bot scored more; ties count half).

    .venv/bin/python bench/tournament.py                 # 200 seeds, 2 workers
    .venv/bin/python bench/tournament.py --games 40 --workers 2 --rollouts 2 --depth 1
"""
from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import sys
import time
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from wargame.bots import make_bots, play_bots  # noqa: E402
from wargame.rules.game import Game  # noqa: E402
from wargame.scenario import load_scenario  # noqa: E402
from wargame.search_bot import SearchBot  # noqa: E402
from wargame.types import SEATS  # noqa: E402

_SCENARIO: Any = None


def _init(scenario_id: str) -> None:
    global _SCENARIO
    _SCENARIO = load_scenario(scenario_id)


def play_one(task: tuple[str | None, int, dict[str, Any], dict[str, str]]) -> tuple[str | None, int, dict[str, float], float, int]:
    """Play one game: ``(search seat or None, game seed, search params, styles)``."""
    seat, seed, params, styles = task
    game = Game(_SCENARIO, seed)
    bots: dict[str, Any] = make_bots(seed, SEATS, styles)
    searched = 0
    if seat is not None:
        bot = SearchBot(seat, seed, **params)
        bots[seat] = bot
    start = time.perf_counter()
    play_bots(game, bots)
    if seat is not None:
        searched = bot.searched
    return seat, seed, {s: game.score(s).total for s in SEATS}, time.perf_counter() - start, searched


def summarise(results: list[tuple[str | None, int, dict[str, float], float, int]],
              seats: tuple[str, ...]) -> dict[str, Any]:
    """Per-seat paired statistics from the played games."""
    base = {seed: scores for seat, seed, scores, _, _ in results if seat is None}
    table: dict[str, Any] = {}
    for seat in seats:
        pairs = [(base[seed][seat], scores[seat]) for s, seed, scores, _, _ in results
                 if s == seat and seed in base]
        n = len(pairs)
        if n == 0:
            continue
        diffs = [b - a for a, b in pairs]
        mean_diff = sum(diffs) / n
        var = sum((d - mean_diff) ** 2 for d in diffs) / (n - 1) if n > 1 else 0.0
        se = math.sqrt(var / n) if n > 1 else float("nan")
        wins = sum(1.0 if d > 1e-9 else 0.5 if abs(d) <= 1e-9 else 0.0 for d in diffs)
        times = [t for s, _, _, t, _ in results if s == seat]
        table[seat] = {
            "games": n, "simple": sum(a for a, _ in pairs) / n, "search": sum(b for _, b in pairs) / n,
            "diff": mean_diff, "se": se, "z": mean_diff / se if se and se > 0 else float("nan"),
            "win_rate": wins / n, "seconds_per_game": sum(times) / len(times),
            "searched_per_game": sum(k for s, _, _, _, k in results if s == seat) / n,
        }
    base_times = [t for s, _, _, t, _ in results if s is None]
    table["_simple_seconds_per_game"] = sum(base_times) / max(1, len(base_times))
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--games", type=int, default=200, help="game seeds (default 200)")
    parser.add_argument("--seed", type=int, default=1, help="first game seed")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--scenario", default="pact-2026")
    parser.add_argument("--seats", default=",".join(SEATS), help="seats to test the search bot in")
    parser.add_argument("--style", default="balanced", help="style of every simple bot")
    parser.add_argument("--rollouts", type=int, default=1,
                        help="playouts per candidate (default 1 to keep 200 seeds x 4 seats within "
                             "a few minutes on 2 cores; the SearchBot's own default is 2)")
    parser.add_argument("--depth", type=int, default=None)
    parser.add_argument("--top-k", type=int, default=None)
    parser.add_argument("--explore", type=int, default=None)
    parser.add_argument("--json", default=None, help="also write the table as JSON here")
    args = parser.parse_args(argv)
    seats = tuple(s.strip() for s in args.seats.split(",") if s.strip())
    params = {k: v for k, v in (("rollouts", args.rollouts), ("depth", args.depth),
                                ("top_k", args.top_k), ("explore", args.explore)) if v is not None}
    styles = {s: args.style for s in SEATS}
    seeds = [args.seed + i for i in range(args.games)]
    tasks: list[tuple[str | None, int, dict[str, Any], dict[str, str]]] = []
    for seed in seeds:
        tasks.append((None, seed, params, styles))
        tasks.extend((seat, seed, params, styles) for seat in seats)
    defaults = SearchBot(SEATS[0])
    shown = {k: params.get(k, getattr(defaults, k)) for k in ("rollouts", "depth", "top_k", "explore")}
    print(f"tournament: {args.games} seeds x ({len(seats)} search seats + 1 baseline) = {len(tasks)} games, "
          f"{args.workers} worker(s), search {shown}, simple style {args.style}", file=sys.stderr)
    start = time.perf_counter()
    results = []
    if args.workers <= 1:
        _init(args.scenario)
        for i, task in enumerate(tasks, 1):
            results.append(play_one(task))
            _progress(i, len(tasks), start)
    else:
        with mp.get_context("spawn").Pool(args.workers, initializer=_init, initargs=(args.scenario,)) as pool:
            for i, res in enumerate(pool.imap_unordered(play_one, tasks, chunksize=1), 1):
                results.append(res)
                _progress(i, len(tasks), start)
    wall = time.perf_counter() - start
    print(file=sys.stderr)
    table = summarise(results, seats)
    print(f"{'seat':<12}{'games':>6}{'simple':>9}{'search':>9}{'diff':>8}{'s.e.':>7}{'z':>7}"
          f"{'win rate':>10}{'s/game':>8}")
    for seat in seats:
        row = table.get(seat)
        if row is None:
            continue
        print(f"{seat:<12}{row['games']:>6}{row['simple']:>9.2f}{row['search']:>9.2f}{row['diff']:>+8.2f}"
              f"{row['se']:>7.2f}{row['z']:>7.1f}{row['win_rate']:>9.0%} {row['seconds_per_game']:>7.2f}")
    print(f"wall time {wall:.0f} s on {args.workers} worker(s); simple game "
          f"{table['_simple_seconds_per_game'] * 1000:.0f} ms, search games as shown (s/game)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"params": shown, "games": args.games, "seed": args.seed, "workers": args.workers,
                       "wall_seconds": wall, "table": table}, fh, indent=2)
    return 0


def _progress(done: int, total: int, start: float) -> None:
    if sys.stderr.isatty() or done == total or done % max(1, total // 20) == 0:
        elapsed = time.perf_counter() - start
        eta = elapsed / done * (total - done)
        tty = sys.stderr.isatty()
        print(f"{chr(13) if tty else ''}  {done}/{total} games, {elapsed:.0f} s elapsed, ~{eta:.0f} s left   ",
              end="" if tty else "\n", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
