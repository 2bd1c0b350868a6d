"""The accession question, measured both ways (issue 14): what Turkey joining the Saudi-Pakistani
pact does to the pact and to each seat, in several scenario variants.

For each variant, the same seeds are played twice by balanced bots: once as they like (Ankara may
table accession and the members may accept it) and once with accession closed (no seat tables or
accepts it; :class:`wargame.styles_extra.ScriptedBot`). Among the games where Ankara joined, it
prints the paired effect (95% CI) of accession on the pact's real deterrence at the end, the
damaging crises against each member, and each seat's final score, so that one can see where a
wider pact helps and where it hurts.

    .venv/bin/python bench/accession.py                 # 300 seeds per variant, 2 workers
    .venv/bin/python bench/accession.py --games 100
"""
from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import os
import statistics
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from wargame import load_scenario  # noqa: E402
from wargame.bots import play_bots  # noqa: E402
from wargame.rules.deterrence import pact_deterrence  # noqa: E402
from wargame.rules.game import Game  # noqa: E402
from wargame.scenario import Scenario  # noqa: E402
from wargame.styles_extra import CHANNELS, ScriptedBot  # noqa: E402
from wargame.types import SEATS  # noqa: E402


def variants() -> dict[str, Scenario]:
    """The scenario variants compared: the two built-in ones, and two plausible what-ifs."""
    base = load_scenario("pact-2026")
    tense = base.model_copy(update={"actors": [a.model_copy(update={"resolve": min(3.0, a.resolve * 1.3)})
                                               if a.id in ("greece", "israel") else a for a in base.actors]})
    poor = base.model_copy(update={"seats": {**base.seats, "islamabad": base.seats["islamabad"].model_copy(
        update={"income": 150, "stress": min(100.0, base.seats["islamabad"].stress + 15)})}})
    return {"pact-2026": base, "us-recommits-2026": load_scenario("us-recommits-2026"),
            "Turkey's quarrels hotter (Greece, Israel resolve x1.3)": tense,
            "Pakistan poorer (income $150m, stress +15)": poor}


def play(args: tuple[Scenario, int, bool]) -> dict[str, Any]:
    """One game: the final pact deterrence, damaging crises per member, scores, whether Ankara joined."""
    scenario, seed, closed = args
    shut = CHANNELS["accession"] if closed else ()
    g = Game(scenario, seed)
    play_bots(g, {s: ScriptedBot(s, seed, "balanced", "bot", shut) for s in SEATS})
    smda = g.state.commitments.get("smda")
    real = pact_deterrence(g, smda)[0] if smda is not None and smda.status == "active" else 0.0
    damaging = {s: sum(1 for c in g.state.crises if c.target == s and (c.ruling or c.outcome) == "damaging")
                for s in SEATS}
    return {"joined": smda is not None and "ankara" in smda.parties, "real": real, "damaging": damaging,
            "scores": {s: g.score(s).total for s in SEATS}, "standing": g.state.seats["ankara"].standing}


def _ci(values: list[float]) -> str:
    if len(values) < 2:
        return "   n/a"
    m = statistics.fmean(values)
    h = 1.96 * statistics.stdev(values) / math.sqrt(len(values))
    return f"{m:+7.2f}±{h:4.2f}"


def main(argv: list[str] | None = None) -> int:
    """Print the accession comparison for every variant."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--games", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args(argv)
    seeds = range(1, a.games + 1)
    with mp.get_context("fork").Pool(a.workers) as pool:
        for label, sc in variants().items():
            open_ = pool.map(play, [(sc, s, False) for s in seeds])
            shut = pool.map(play, [(sc, s, True) for s in seeds])
            pairs = [(o, c) for o, c in zip(open_, shut) if o["joined"]]
            print(f"\n== {label}: Ankara joined in {len(pairs)} of {a.games} games; effect of its accession "
                  "in those games (joined minus closed, paired by seed, 95% CI)")
            print(f"  pact real deterrence at the end      {_ci([o['real'] - c['real'] for o, c in pairs])}")
            print(f"  Ankara's NATO standing at the end    {_ci([o['standing'] - c['standing'] for o, c in pairs])}")
            for s in ("riyadh", "islamabad", "ankara"):
                print(f"  damaging crises against {s:<11}  {_ci([o['damaging'][s] - c['damaging'][s] for o, c in pairs])}")
            for s in SEATS:
                print(f"  score of {s:<26}  {_ci([o['scores'][s] - c['scores'][s] for o, c in pairs])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
