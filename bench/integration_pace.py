"""How fast the pact integrates, over seeded games of computer play (issue 14: "integration is
slow and ordered"; "track 2 reaches the crisis").

For each arm (the arms of ``bench/model.py``: balanced bots, a style at every seat, a closed
channel): the SMDA's mean integration at the end of quarters 4, 8 and 12 with its 95% CI, NATO's
at the end, the habit the SMDA reached (mean, 10th/50th/90th percentile, share of games at 1.0),
its equipment commonality, the share of games with each of its layers, and, paired by seed
against balanced play, the effect on the SMDA's integration, its own real index and its members'
real deterrence at the end.

    .venv/bin/python bench/integration_pace.py --games 100      # this table only
    .venv/bin/python bench/model.py --games 300 --param-games 0   # prints it among the others
"""
from __future__ import annotations

import argparse
import math
import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402

from wargame.rules.deterrence import integration, pact_deterrence, seat_deterrence  # noqa: E402
from wargame.rules.game import Game  # noqa: E402

PACT = "smda"
"""The pact whose pace is measured (the scenario's Saudi-Pakistani pact)."""

REFERENCE = "nato"
"""The pact it is compared with."""

TURNS = (4, 8, 12)
"""Quarters at whose end integration is recorded."""

ARMS = ("balanced", "style:cautious", "style:opportunist", "closed:layers", "closed:finance+industry")
"""The arms the table shows, when played."""

Record = dict[str, Any]


def _integration(g: Game, cid: str) -> float:
    com = g.state.commitments.get(cid)
    return integration(g, com) if com is not None and com.status == "active" else float("nan")


def watch(g: Game, pace: dict[int, float]) -> None:
    """Call before each action: keeps the pact's integration as the recorded quarters end."""
    if g.state.turn in TURNS:
        pace[g.state.turn] = _integration(g, PACT)


def finish(g: Game, pace: dict[int, float]) -> Record:
    """What the table needs from a finished game (``pace`` as filled by :func:`watch`)."""
    pace = dict(pace)
    if g.state.turn in TURNS:
        pace[g.state.turn] = _integration(g, PACT)
    com = g.state.commitments.get(PACT)
    lay = com.layers if com is not None else {}
    members = [s for s in (com.parties if com is not None else []) if s in g.state.seats]
    real = [seat_deterrence(g, s)[0] for s in members]
    return {"at": {str(t): pace.get(t, float("nan")) for t in TURNS},
            "nato": _integration(g, REFERENCE), "habit": float(lay.get("habit", 0.0)),
            "kit": float(lay.get("kit", 0.0)), "planning": bool(lay.get("planning")),
            "command": int(lay.get("command", 0)), "interop": int(lay.get("interop", 0)),
            "exercises": bool(lay.get("exercises")),
            "pact_real": pact_deterrence(g, com)[0] if com is not None else float("nan"),
            "members_real": sum(real) / len(real) if real else float("nan")}


def _ci(xs: list[float]) -> tuple[float, float]:
    xs = [x for x in xs if not math.isnan(x)]
    if len(xs) < 2:
        return (xs[0] if xs else float("nan")), float("nan")
    return float(np.mean(xs)), 1.96 * float(np.std(xs, ddof=1)) / math.sqrt(len(xs))


def print_table(results: dict[str, dict[int, Record]]) -> dict[str, Any]:
    """Print the pace table over ``results`` (arm -> seed -> record with an ``integration``
    entry); returns the figures as a JSON-safe dict."""
    arms = [a for a in ARMS if a in results]
    out: dict[str, Any] = {}
    print(f"\n== integration pace of {PACT} (NATO for reference): mean at the end of quarters "
          f"{', '.join(map(str, TURNS))}, 95% CI")
    head = "".join(f"{'q' + str(t):>14}" for t in TURNS)
    print(f"{'arm':<26}{head}{'NATO':>7}{'habit':>7}{'p10/50/90':>16}{'at 1.0':>8}{'kit':>6}  layers (share of games)")
    for arm in arms:
        recs = [r["integration"] for r in results[arm].values()]
        at = {t: _ci([r["at"][str(t)] for r in recs]) for t in TURNS}
        habit = [r["habit"] for r in recs]
        p10, p50, p90 = np.percentile(habit, [10, 50, 90])
        full = sum(1 for h in habit if h >= 0.999) / len(habit)
        layers = {"planning": np.mean([r["planning"] for r in recs]), "exercises": np.mean([r["exercises"] for r in recs]),
                  "command 1+": np.mean([r["command"] >= 1 for r in recs]), "unified": np.mean([r["command"] >= 2 for r in recs]),
                  "interop 2+": np.mean([r["interop"] >= 2 for r in recs]), "interop 3": np.mean([r["interop"] >= 3 for r in recs])}
        nato = float(np.nanmean([r["nato"] for r in recs]))
        kit = float(np.mean([r["kit"] for r in recs]))
        print(f"{arm:<26}" + "".join(f"{m:>8.3f}±{h:.3f}" for m, h in at.values())
              + f"{nato:>7.3f}{float(np.mean(habit)):>7.3f}{f'{p10:.2f}/{p50:.2f}/{p90:.2f}':>16}{full:>8.1%}{kit:>6.2f}  "
              + ", ".join(f"{k} {v:.0%}" for k, v in layers.items()))
        out[arm] = {"at": {str(t): at[t] for t in TURNS}, "nato": nato, "habit_mean": float(np.mean(habit)),
                    "habit_p10_50_90": [float(p10), float(p50), float(p90)], "habit_full": full, "kit": kit,
                    "layers": {k: float(v) for k, v in layers.items()}}
    base = results.get("balanced")
    if base:
        print(f"paired by seed against balanced, at the end: {PACT}'s integration, its own real index, "
              "its members' mean real deterrence")
        for arm in arms:
            if arm == "balanced":
                continue
            common = sorted(set(base) & set(results[arm]))
            row = {}
            for key in ("at", "pact_real", "members_real"):
                def value(r: Record, key: str = key) -> float:
                    v = r["integration"][key]
                    return v[str(TURNS[-1])] if key == "at" else v
                row[key] = _ci([value(results[arm][s]) - value(base[s]) for s in common])
            print(f"  {arm:<24}" + "".join(f"{m:>+10.3f}±{h:<7.3f}" for m, h in row.values()))
            out[arm]["paired"] = {k: list(v) for k, v in row.items()}
    return out


def main(argv: list[str] | None = None) -> int:
    """Play the table's arms over the seeds and print it."""
    import model  # noqa: E402 (beside this file)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--games", type=int, default=100, help="seeds per arm (default 100)")
    parser.add_argument("--seed", type=int, default=1, help="first seed")
    parser.add_argument("--scenario", default="pact-2026")
    args = parser.parse_args(argv)
    model._init(args.scenario)
    results: dict[str, dict[int, Record]] = {}
    for arm in ARMS:
        for seed in range(args.seed, args.seed + args.games):
            results.setdefault(arm, {})[seed] = model.play_one((arm, seed))[2]
    print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
