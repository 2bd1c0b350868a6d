"""Fit each crisis type's threat calibration to its historical damaging share (issue 14).

    .venv/bin/python tools/calibrate_crises.py            # pact-2026, 6 rounds of 150 games
    .venv/bin/python tools/calibrate_crises.py --rounds 8 --games 200

Writes ``calibration = x`` into each ``[[crises]]`` entry of assets/scenarios/pact-2026.toml (the
variants extend it) and prints each type's share against its target. Run it after changing the
rules, then tools/score_reference.py (the par depends on it) and tools/regen_golden.py.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wargame.calibration import damaging_shares, fit, with_calibration  # noqa: E402
from wargame.scenario import load_scenario  # noqa: E402

PATH = ROOT / "assets" / "scenarios" / "pact-2026.toml"


def write(values: dict[str, float], path: Path = PATH) -> None:
    """Set ``calibration`` in each crisis entry of the file, leaving the rest as it is."""
    text = path.read_text(encoding="utf-8")
    for cid, value in values.items():
        pattern = re.compile(r'(\[\[crises\]\]\nid = "' + re.escape(cid) + r'"\n(?:(?!\[\[).*\n)*?)calibration = [0-9.]+')
        text, n = pattern.subn(lambda m: f"{m.group(1)}calibration = {value:g}", text, count=1)
        if n != 1:
            raise SystemExit(f"error: no 'calibration = ' line in the {cid} entry of {path}")
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Fit, write, and print the shares obtained."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--games", type=int, default=150)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args(argv)
    scenario = load_scenario(PATH)

    def show(r: int, shares: dict, values: dict) -> None:
        print(f"round {r}: " + ", ".join(f"{k} {d}/{n} (x{values[k]:.2f})" for k, (d, n) in sorted(shares.items())))

    values = fit(scenario, a.rounds, a.games, a.workers, show)
    write(values)
    final = damaging_shares(with_calibration(scenario, values), a.games, seed=1, workers=a.workers)
    for c in scenario.crises:
        d, n = final.get(c.id, (0, 0))
        target = "" if c.damaging is None else f" (target {c.damaging:.0%})"
        print(f"  {c.id:<22} x{values[c.id]:<6g} damaging {d}/{n} = {d / max(1, n):.0%}{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
