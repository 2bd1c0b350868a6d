"""Measuring each seat's par: what balanced computer play scores in it, quarter by quarter.

A scenario's ``[par.<seat>]`` tables (:class:`wargame.scenario.ParSpec`) hold the mean and
standard deviation of each seat's score at the end of every quarter over seeded games of
balanced bots at every seat. Scores are then judged against par (:attr:`Score.rating
<wargame.rules.scoring.Score.rating>`), so a seat whose brief scores low by construction can
still win by playing it well. :func:`measure_par` plays the games; ``tools/score_reference.py``
writes the result into the scenario file, and a test checks the stored par still matches play.
"""
from __future__ import annotations

import statistics
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from wargame.bots import make_bots, play_bots
from wargame.rules.game import Game
from wargame.scenario import Scenario
from wargame.types import SEATS

MIN_SPREAD = 0.5
"""The least spread a par may have (score points): a seat whose score barely varies under
balanced play is not judged by hundredths."""


def quarter_scores(scenario: Scenario, seed: int) -> dict[str, list[float]]:
    """Each seat's score at the end of every quarter of one balanced game with this seed."""
    g = Game(scenario, seed)
    play_bots(g, make_bots(seed))
    rows = [r for r in g.state.history if r["turn"] >= 1]
    return {s: [float(r["seats"][s]["score"]) for r in rows] for s in SEATS}


def _chunk(args: tuple[Scenario, list[int]]) -> list[dict[str, list[float]]]:
    scenario, seeds = args
    return [quarter_scores(scenario, seed) for seed in seeds]


def measure_par(scenario: Scenario, games: int, seed: int = 1, workers: int = 1) -> dict[str, dict[str, Any]]:
    """Play ``games`` balanced games (seeds ``seed`` .. ``seed + games - 1``) and return each
    seat's par as the dict form of a :class:`~wargame.scenario.ParSpec` (``measured`` left to
    the caller). The result does not depend on ``workers``."""
    if games < 2:
        raise ValueError("a par needs at least 2 games")
    seeds = list(range(seed, seed + games))
    if workers > 1:
        parts = [seeds[i::workers] for i in range(workers)]
        with ProcessPoolExecutor(workers) as pool:
            chunks = list(pool.map(_chunk, [(scenario, p) for p in parts]))
        by_seed: dict[int, dict[str, list[float]]] = {}
        for part, chunk in zip(parts, chunks):
            by_seed.update(zip(part, chunk))
        results = [by_seed[s] for s in seeds]
    else:
        results = _chunk((scenario, seeds))
    quarters = min(len(r[SEATS[0]]) for r in results)
    out: dict[str, dict[str, Any]] = {}
    for s in SEATS:
        cols = [[r[s][q] for r in results] for q in range(quarters)]
        out[s] = {"mean": [round(statistics.fmean(c), 2) for c in cols],
                  "sd": [round(max(MIN_SPREAD, statistics.stdev(c)), 2) for c in cols],
                  "games": games}
    return out
