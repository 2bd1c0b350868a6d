"""Measure each seat's par in a scenario and write it into the scenario file (issue 14).

    .venv/bin/python tools/score_reference.py                       # every built-in scenario
    .venv/bin/python tools/score_reference.py pact-2026 --games 400

The par is what balanced bots at every seat score in each seat, quarter by quarter
(:mod:`wargame.par`). Run this after any change to the rules, the bots or a scenario's
figures: ``tests/test_scoring_fair.py`` fails while a stored par no longer matches play. The
block between the ``# par: measured by tools/score_reference.py`` marker and the end of the file
is replaced; the rest of the file is left as it is.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wargame.par import measure_par  # noqa: E402
from wargame.scenario import load_scenario  # noqa: E402
from wargame.types import SEATS  # noqa: E402

SCENARIO_DIR = ROOT / "assets" / "scenarios"
"""The built-in scenarios, in the source tree (where the par is written)."""

MARKER = "# par: measured by tools/score_reference.py"


def par_block(par: dict[str, dict], games: int, seed: int) -> str:
    """The TOML text of a scenario's par tables."""
    lines = [MARKER, "# what balanced bots at every seat score in each seat at the end of each quarter",
             f"# (mean and standard deviation over {games} seeded games, seeds {seed}..{seed + games - 1})"]
    for s in SEATS:
        p = par[s]
        lines += ["", f"[par.{s}]", f"mean = [{', '.join(f'{v:g}' for v in p['mean'])}]",
                  f"sd = [{', '.join(f'{v:g}' for v in p['sd'])}]", f"games = {games}",
                  f'measured = "balanced bots at every seat, seeds {seed}..{seed + games - 1}"']
    return "\n".join(lines) + "\n"


def write_par(path: Path, block: str) -> None:
    """Replace the file's par block (from the marker to the end) or append one."""
    text = path.read_text(encoding="utf-8")
    at = text.find(MARKER)
    head = text[:at] if at >= 0 else text.rstrip("\n") + "\n\n"
    path.write_text(head + block, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: measure and write the par of the named (default: every built-in) scenario."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenarios", nargs="*", help="scenario ids (default: every built-in one)")
    ap.add_argument("--games", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    names = args.scenarios or sorted(p.stem for p in SCENARIO_DIR.glob("*.toml"))
    for name in names:
        path = SCENARIO_DIR / f"{name}.toml"
        par = measure_par(load_scenario(path), args.games, args.seed, args.workers)
        write_par(path, par_block(par, args.games, args.seed))
        check = load_scenario(path)
        print(f"{name}: par written; final quarter "
              + ", ".join(f"{s} {check.par[s].mean[-1]:.1f}±{check.par[s].sd[-1]:.1f}" for s in SEATS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
