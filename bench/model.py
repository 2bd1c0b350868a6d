"""The model bench: what the game rewards, measured over seeded games of computer play (issue 14).

Every *arm* plays the same seeds (1..N), so arms are compared paired by seed. The arms:

* ``balanced``: balanced bots at every seat (the reference);
* ``defect:<seat>`` / ``honour:<seat>``: that seat never / always honours a crisis obligation
  (:class:`wargame.styles_extra.ScriptedBot`), the others balanced;
* ``closed:<channel>``: every seat neither takes nor accepts the channel's deals and actions
  (layers, finance, industry, finance+industry, signals, accession);
* ``style:cautious`` / ``style:opportunist``: every seat in that style (for the usage table);
* ``param:<name>:<factor>``: balanced play with one scenario parameter at 0.8 or 1.2 (fewer seeds,
  ``--param-games``).

It prints: win shares per seat (winner: the highest rating against its par, ties shared), each seat's honour rate
(share of its crisis obligations it met), the mean score of each seat with its 95% CI, the
paired effect (95% CI) of always-defect and always-honour per seat and of each closed channel on
every seat's score and on crisis outcomes, regressions over the balanced games' crises of the
damaging outcome on the target's bluff gap (perceived − real when the crisis began) and
credibility, and of each seat's final score on its final gap and credibility, the pace of the
pact's integration (``bench/integration_pace.py``: its mean at quarters 4, 8 and 12, the habit
reached, and what closing a channel does to it and to the pact's real deterrence), and the
dead-mechanic table: how often each action kind and deal kind is taken in each style, and the
paired effect of each parameter from 0.8x to 1.2x on the scores and on crisis outcomes.

    .venv/bin/python bench/model.py                     # 1,000 seeds, 200 per parameter arm, 2 workers
    .venv/bin/python bench/model.py --games 200 --param-games 60
    .venv/bin/python bench/model.py --json /tmp/model.json
"""
from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import sys
import time
from collections import Counter
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import integration_pace  # noqa: E402 (beside this file)

from wargame.rules.catalogue import ALL_KINDS  # noqa: E402
from wargame.rules.crisis import LEVEL  # noqa: E402
from wargame.rules.deterrence import seat_deterrence  # noqa: E402
from wargame.rules.game import Game  # noqa: E402
from wargame.scenario import Scenario, load_scenario  # noqa: E402
from wargame.styles_extra import CHANNELS, ScriptedBot, action_key  # noqa: E402
from wargame.types import DEALS, SEATS  # noqa: E402

Record = dict[str, Any]

_SCENARIOS: dict[str, Scenario] = {}
_BASE_ID = "pact-2026"

CLOSED_ARMS: dict[str, tuple[str, ...]] = {
    "layers": CHANNELS["layers"], "finance": CHANNELS["finance"], "industry": CHANNELS["industry"],
    "finance+industry": CHANNELS["finance"] + CHANNELS["industry"], "signals": CHANNELS["signals"],
    "accession": CHANNELS["accession"],
}


def _init(scenario_id: str) -> None:
    global _BASE_ID
    _BASE_ID = scenario_id
    _SCENARIOS.clear()
    _SCENARIOS[""] = load_scenario(scenario_id)


def _scenario(param: str, factor: float) -> Scenario:
    key = f"{param}:{factor}" if param else ""
    if key not in _SCENARIOS:
        base = _SCENARIOS.get("") or load_scenario(_BASE_ID)
        _SCENARIOS[""] = base
        params = dict(base.params)
        params[param] = params[param] * factor
        _SCENARIOS[key] = base.model_copy(update={"params": params})
    return _SCENARIOS[key]


def _bots(arm: str, seed: int) -> dict[str, ScriptedBot]:
    parts = arm.split(":")
    styles = {s: "balanced" for s in SEATS}
    rules = {s: "bot" for s in SEATS}
    closed: tuple[str, ...] = ()
    if parts[0] in ("defect", "honour"):
        rules[parts[1]] = parts[0]
    elif parts[0] == "closed":
        closed = CLOSED_ARMS[parts[1]]
    elif parts[0] == "style":
        styles = {s: parts[1] for s in SEATS}
    return {s: ScriptedBot(s, seed, styles[s], rules[s], closed) for s in SEATS}


def play_one(task: tuple[str, int]) -> tuple[str, int, Record]:
    """Play one game of ``arm`` with ``seed``; returns what the tables need."""
    arm, seed = task
    parts = arm.split(":")
    sc = _scenario(parts[1], float(parts[2])) if parts[0] == "param" else _scenario("", 1.0)
    g = Game(sc, seed)
    bots = _bots(arm, seed)
    at_start: dict[str, tuple[float, float]] = {}  # crisis id -> (gap, credibility) of its target
    pace: dict[int, float] = {}
    while not g.over:
        integration_pace.watch(g, pace)
        crisis = g.state.crisis
        if crisis is not None and crisis.id not in at_start:
            real, perceived = seat_deterrence(g, crisis.target)
            at_start[crisis.id] = (perceived - real, g.state.seats[crisis.target].credibility)
        acting = g.acting_seats()
        g.apply(bots[acting[0]].choose(g))
    crises = []
    for c in g.state.crises:
        gap, cred = at_start.get(c.id, (float("nan"), float("nan")))
        tested = {s: LEVEL[c.responses.get(s, "none")] >= need for s, need in c.obligations.items()
                  if s != c.target and need >= 1}
        crises.append({"type": c.type, "target": c.target, "outcome": c.ruling or c.outcome,
                       "damage": int(c.details.get("damage", 0)), "gap": gap, "cred": cred, "tested": tested})
    final = {}
    for s in SEATS:
        real, perceived = seat_deterrence(g, s)
        sc = g.score(s)
        final[s] = {"score": sc.total, "rating": sc.rating, "gap": perceived - real,
                    "cred": g.state.seats[s].credibility}
    usage = Counter(action_key(a) if a.kind == "propose" else a.kind for a in g.actions)
    return arm, seed, {"final": final, "crises": crises, "usage": dict(usage),
                       "integration": integration_pace.finish(g, pace)}


# --------------------------------------------------------------------------- statistics
def mean_ci(xs: list[float]) -> tuple[float, float]:
    """Mean and the half-width of its normal 95% interval."""
    n = len(xs)
    if n == 0:
        return float("nan"), float("nan")
    m = sum(xs) / n
    if n < 2:
        return m, float("nan")
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1))
    return m, 1.96 * sd / math.sqrt(n)


def ols(y: list[float], cols: list[list[float]]) -> list[tuple[float, float]]:
    """Least squares of ``y`` on an intercept and ``cols``: ``(coefficient, 95% half-width)`` of
    each column (classical standard errors)."""
    X = np.column_stack([np.ones(len(y))] + [np.asarray(c, float) for c in cols])
    Y = np.asarray(y, float)
    keep = np.all(np.isfinite(X), axis=1) & np.isfinite(Y)
    X, Y = X[keep], Y[keep]
    n, k = X.shape
    if n <= k:
        return [(float("nan"), float("nan"))] * len(cols)
    beta, *_ = np.linalg.lstsq(X, Y, rcond=None)
    resid = Y - X @ beta
    sigma2 = float(resid @ resid) / (n - k)
    cov = sigma2 * np.linalg.pinv(X.T @ X)
    return [(float(beta[i]), 1.96 * math.sqrt(max(0.0, float(cov[i, i])))) for i in range(1, k)]


def winners(rec: Record) -> dict[str, float]:
    """Each seat's share of the win (highest rating against the seat's par; ties shared)."""
    totals = {s: rec["final"][s]["rating"] for s in SEATS}
    best = max(totals.values())
    top = [s for s in SEATS if abs(totals[s] - best) < 1e-9]
    return {s: (1.0 / len(top) if s in top else 0.0) for s in SEATS}


def damaging_share(rec: Record) -> float:
    """Damaging crises per game."""
    return float(sum(1 for c in rec["crises"] if c["outcome"] == "damaging"))


def damaging_rate_diff(a: dict[int, Record], b: dict[int, Record]) -> tuple[float, float]:
    """Difference of the share of crises that went damaging (``b`` - ``a``), pooled over every
    crisis of each arm, and its normal 95% half-width (two independent proportions)."""
    def rate(arm: dict[int, Record]) -> tuple[float, int]:
        outcomes = [c["outcome"] == "damaging" for r in arm.values() for c in r["crises"]]
        return (sum(outcomes) / len(outcomes) if outcomes else float("nan")), len(outcomes)
    (pa, na), (pb, nb) = rate(a), rate(b)
    if not na or not nb:
        return float("nan"), float("nan")
    return pb - pa, 1.96 * math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb)


def paired(a: dict[int, Record], b: dict[int, Record], metric) -> tuple[float, float, int]:
    """Mean paired difference ``metric(b) - metric(a)`` over common seeds, its 95% half-width, and
    the number of seeds where it is not zero."""
    diffs = [metric(b[s]) - metric(a[s]) for s in sorted(set(a) & set(b))]
    m, h = mean_ci(diffs)
    return m, h, sum(1 for d in diffs if abs(d) > 1e-9)


def _fmt(m: float, h: float, width: int = 15) -> str:
    return f"{m:+.2f}±{h:.2f}".rjust(width)


# --------------------------------------------------------------------------- tables
def print_tables(results: dict[str, dict[int, Record]], params: list[str]) -> dict[str, Any]:
    """Print every table; returns the figures as a JSON-safe dict."""
    out: dict[str, Any] = {}
    base = results["balanced"]
    n = len(base)
    print(f"\n== balanced bots at every seat, {n} seeds")
    wins = {s: sum(winners(r)[s] for r in base.values()) / n for s in SEATS}
    print(f"{'seat':<12}{'wins':>7}{'honour':>9}{'tests':>7}{'mean score':>16}{'sd':>7}")
    out["balanced"] = {}
    for s in SEATS:
        tests = [c["tested"][s] for r in base.values() for c in r["crises"] if s in c["tested"]]
        rate = sum(tests) / len(tests) if tests else float("nan")
        scores = [r["final"][s]["score"] for r in base.values()]
        m, h = mean_ci(scores)
        sd = float(np.std(scores, ddof=1)) if len(scores) > 1 else float("nan")
        print(f"{s:<12}{wins[s]:>6.0%}{rate:>9.0%}{len(tests):>7}{_fmt(m, h):>16}{sd:>7.2f}")
        out["balanced"][s] = {"wins": wins[s], "honour": rate, "tests": len(tests), "mean": m, "ci": h, "sd": sd}
    all_tests = [v for r in base.values() for c in r["crises"] for v in c["tested"].values()]
    crises = [c for r in base.values() for c in r["crises"]]
    dmg = sum(1 for c in crises if c["outcome"] == "damaging")
    print(f"honoured overall {sum(all_tests) / max(1, len(all_tests)):.0%} of {len(all_tests)} tests; "
          f"{len(crises) / n:.2f} crises a game, {dmg / max(1, len(crises)):.0%} damaging")
    by_type = Counter(c["type"] for c in crises)
    print("damaging share by crisis type: " + ", ".join(
        f"{t} {sum(1 for c in crises if c['type'] == t and c['outcome'] == 'damaging') / k:.0%} (n={k})"
        for t, k in sorted(by_type.items())))

    print("\n== per-seat crisis rule against balanced (paired by seed): the seat's own score, its win share, "
          "its final credibility")
    print(f"{'arm':<22}{'own score':>16}{'win share':>16}{'credibility':>16}")
    out["crisis_rules"] = {}
    for rule in ("defect", "honour"):
        for s in SEATS:
            arm = f"{rule}:{s}"
            if arm not in results:
                continue
            sc = paired(base, results[arm], lambda r, s=s: r["final"][s]["score"])
            wn = paired(base, results[arm], lambda r, s=s: winners(r)[s])
            cr = paired(base, results[arm], lambda r, s=s: r["final"][s]["cred"])
            print(f"{arm:<22}{_fmt(*sc[:2])}{_fmt(*wn[:2])}{_fmt(*cr[:2])}")
            out["crisis_rules"][arm] = {"score": sc[:2], "wins": wn[:2], "cred": cr[:2]}

    print("\n== closed channels against balanced (paired by seed): each seat's score, damaging crises a game; "
          "P(damaging) per crisis in pp (pooled over the crises, not paired)")
    print(f"{'closed':<20}" + "".join(f"{s:>15}" for s in SEATS) + f"{'damaging/game':>16}{'P(damaging) pp':>16}")
    out["channels"] = {}
    for ch in CLOSED_ARMS:
        arm = f"closed:{ch}"
        if arm not in results:
            continue
        row = {s: paired(base, results[arm], lambda r, s=s: r["final"][s]["score"])[:2] for s in SEATS}
        d = paired(base, results[arm], damaging_share)[:2]
        p = damaging_rate_diff(base, results[arm])
        print(f"{ch:<20}" + "".join(_fmt(*row[s]) for s in SEATS) + _fmt(*d, 16) + _fmt(p[0] * 100, p[1] * 100, 16))
        out["channels"][ch] = {**row, "damaging": d, "p_damaging": p}

    out["integration"] = integration_pace.print_table(results)

    print("\n== perception and credibility (OLS over the balanced games, 95% CI)")
    y = [1.0 if c["outcome"] == "damaging" else 0.0 for c in crises]
    gap = [c["gap"] for c in crises]
    cred = [c["cred"] for c in crises]
    (bg, hg), (bc, hc) = ols(y, [gap, cred])
    print(f"P(damaging) per crisis: per point of the target's bluff gap {bg * 100:+.2f}±{hg * 100:.2f} pp, "
          f"per point of its credibility {bc * 100:+.2f}±{hc * 100:.2f} pp  (n={len(y)}; median gap "
          f"{float(np.nanmedian(gap)) if gap else float('nan'):.1f})")
    (dg, dhg), (dc, dhc) = ols([float(c["damage"]) for c in crises], [gap, cred])
    print(f"damage per crisis: per point of gap {dg:+.3f}±{dhg:.3f}, per point of credibility {dc:+.3f}±{dhc:.3f}")
    out["perception"] = {"p_damaging_gap": (bg, hg), "p_damaging_cred": (bc, hc),
                         "damage_gap": (dg, dhg), "damage_cred": (dc, dhc)}
    print(f"{'seat':<12}{'score per gap point':>22}{'score per cred point':>22}")
    for s in SEATS:
        rows = list(base.values())
        (sg, shg), (scr, shc) = ols([r["final"][s]["score"] for r in rows],
                                    [[r["final"][s]["gap"] for r in rows], [r["final"][s]["cred"] for r in rows]])
        print(f"{s:<12}{_fmt(sg, shg, 22)}{_fmt(scr, shc, 22)}")
        out["perception"][s] = {"score_gap": (sg, shg), "score_cred": (scr, shc)}

    print("\n== dead-mechanic table: uses per game of each action kind (proposals by deal)")
    styles = [a for a in ("balanced", "style:cautious", "style:opportunist") if a in results]
    kinds = [k for k in ALL_KINDS if k != "propose"] + list(DEALS)
    print(f"{'kind':<16}" + "".join(f"{a.split(':')[-1]:>13}" for a in styles))
    out["usage"] = {}
    for k in kinds:
        row = [sum(r["usage"].get(k, 0) for r in results[a].values()) / max(1, len(results[a])) for a in styles]
        mark = ("   for people only (taking back one's own move)" if k == "undo" else "   never") if not any(row) else ""
        print(f"{k:<16}" + "".join(f"{v:>13.2f}" for v in row) + mark)
        out["usage"][k] = dict(zip(styles, row))

    if params:
        pn = len(results.get(f"param:{params[0]}:0.8", {}))
        print(f"\n== parameters from 0.8x to 1.2x, paired over {pn} seeds: score effect per seat, damaging "
              "crises a game; 'games moved' counts seeds where any seat's score changed")
        print(f"{'param':<18}" + "".join(f"{s:>15}" for s in SEATS) + f"{'damaging/game':>16}{'moved':>7}  verdict")
        out["params"] = {}
        for p in params:
            lo, hi = results[f"param:{p}:0.8"], results[f"param:{p}:1.2"]
            row = {s: paired(lo, hi, lambda r, s=s: r["final"][s]["score"]) for s in SEATS}
            d = paired(lo, hi, damaging_share)
            moved = sum(1 for k in set(lo) & set(hi)
                        if any(abs(lo[k]["final"][s]["score"] - hi[k]["final"][s]["score"]) > 1e-9 for s in SEATS))
            significant = any(abs(m) > h for m, h, _ in (*row.values(), d))
            verdict = "no effect" if moved == 0 else ("effect" if significant else "within noise")
            print(f"{p:<18}" + "".join(_fmt(*row[s][:2]) for s in SEATS) + _fmt(*d[:2], 16)
                  + f"{moved:>7}  {verdict}")
            out["params"][p] = {**{s: row[s][:2] for s in SEATS}, "damaging": d[:2], "moved": moved,
                                "verdict": verdict}
    return out


def main(argv: list[str] | None = None) -> int:
    """Play every arm over the seeds and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--games", type=int, default=1000, help="seeds per arm (default 1,000)")
    parser.add_argument("--param-games", type=int, default=200, help="seeds per parameter arm (default 200; 0: none)")
    parser.add_argument("--seed", type=int, default=1, help="first seed")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--scenario", default="pact-2026")
    parser.add_argument("--json", default=None, help="also write the figures as JSON here")
    parser.add_argument("--no-accession", action="store_true", help="skip the accession comparison across variants")
    args = parser.parse_args(argv)
    arms = (["balanced"] + [f"{r}:{s}" for r in ("defect", "honour") for s in SEATS]
            + [f"closed:{c}" for c in CLOSED_ARMS] + ["style:cautious", "style:opportunist"])
    tasks = [(arm, args.seed + i) for arm in arms for i in range(args.games)]
    params = sorted(load_scenario(args.scenario).params) if args.param_games > 0 else []
    tasks += [(f"param:{p}:{f}", args.seed + i) for p in params for f in (0.8, 1.2) for i in range(args.param_games)]
    print(f"model bench: {len(arms)} arms x {args.games} seeds + {len(params)} parameters x 2 x "
          f"{args.param_games} seeds = {len(tasks)} games on {args.workers} worker(s)", file=sys.stderr)
    start = time.perf_counter()
    results: dict[str, dict[int, Record]] = {}
    if args.workers <= 1:
        _init(args.scenario)
        for i, task in enumerate(tasks, 1):
            arm, seed, rec = play_one(task)
            results.setdefault(arm, {})[seed] = rec
            _progress(i, len(tasks), start)
    else:
        with mp.get_context("spawn").Pool(args.workers, initializer=_init, initargs=(args.scenario,)) as pool:
            for i, (arm, seed, rec) in enumerate(pool.imap_unordered(play_one, tasks, chunksize=8), 1):
                results.setdefault(arm, {})[seed] = rec
                _progress(i, len(tasks), start)
    wall = time.perf_counter() - start
    out = print_tables(results, params)
    print(f"\nwall time {wall:.0f} s for {len(tasks)} games on {args.workers} worker(s) "
          f"({wall * args.workers / len(tasks) * 1000:.0f} ms a game)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"games": args.games, "param_games": args.param_games, "seed": args.seed,
                       "scenario": args.scenario, "wall_seconds": wall, "figures": out}, fh, indent=2)
    if not args.no_accession:
        print("\n== the accession question across scenario variants (bench/accession.py)")
        import accession  # noqa: E402 (beside this file)
        accession.main(["--games", str(min(args.games, 300)), "--workers", str(args.workers)])
    return 0


def _progress(done: int, total: int, start: float) -> None:
    if done == total or done % max(1, total // 20) == 0:
        elapsed = time.perf_counter() - start
        print(f"  {done}/{total} games, {elapsed:.0f} s elapsed, ~{elapsed / done * (total - done):.0f} s left",
              file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
