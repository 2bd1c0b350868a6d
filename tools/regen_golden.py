"""Regenerate the golden playthrough files under ``tests/golden/``.

A golden file is the full text of ``wargame play --scenario pact-2026 --seed 7 --bots all``:
the turn-by-turn account (``wargame.account.write_account``), the indicators and scores
(``write_summary``) and the final state's ``digest:`` line. ``tests/test_golden.py`` plays the
same game and diffs the text against the file, so any change to the rules, the scenario or
the computer players shows up as a readable diff.

When you change the rules, the scenario numbers or the bots *on purpose*, regenerate the files
and review the diff before committing::

    .venv/bin/python tools/regen_golden.py          # rewrite every golden file
    .venv/bin/python tools/regen_golden.py --check  # exit 1 if any file is out of date
"""
from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wargame.account import write_account, write_summary  # noqa: E402
from wargame.bots import make_bots, play_bots  # noqa: E402
from wargame.rules.game import Game  # noqa: E402
from wargame.scenario import load_scenario  # noqa: E402

GOLDEN_DIR = ROOT / "tests" / "golden"
GOLDENS = {"pact-2026-seed7.txt": ("pact-2026", 7)}
"""Golden file name -> (scenario id, seed)."""


def render(scenario: str = "pact-2026", seed: int = 7) -> str:
    """The text ``wargame play --scenario SCENARIO --seed SEED --bots all`` prints."""
    game = Game(load_scenario(scenario), seed)
    play_bots(game, make_bots(seed))
    out = io.StringIO()
    write_account(game, out)
    write_summary(game, out)
    out.write(f"digest: {game.digest()}\n")
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report files that are out of date")
    args = parser.parse_args(argv)
    stale = 0
    for filename, (scenario, seed) in GOLDENS.items():
        path = GOLDEN_DIR / filename
        text = render(scenario, seed)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            print(f"up to date: {path.relative_to(ROOT)}")
            continue
        stale += 1
        if args.check:
            print(f"out of date: {path.relative_to(ROOT)}")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"rewrote: {path.relative_to(ROOT)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
