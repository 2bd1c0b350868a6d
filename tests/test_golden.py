"""Golden playthrough: seed 7 played by the computer players, diffed line by line.

If this fails after a deliberate change to the rules, the scenario or the bots, run
``.venv/bin/python tools/regen_golden.py``, review the diff of ``tests/golden/`` and commit it.
"""
from __future__ import annotations

import difflib
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "pact-2026-seed7.txt"


def _regen():
    spec = importlib.util.spec_from_file_location("regen_golden", ROOT / "tools" / "regen_golden.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _diff(expected: str, actual: str) -> str:
    lines = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "golden", "now", lineterm="", n=2)
    return "\n".join(list(lines)[:80]) + "\n(run tools/regen_golden.py if the change is intended)"


def test_golden_playthrough_seed7() -> None:
    expected = GOLDEN.read_text(encoding="utf-8")
    actual = _regen().render("pact-2026", 7)
    assert actual == expected, _diff(expected, actual)


def test_command_line_prints_the_golden_text() -> None:
    result = subprocess.run([sys.executable, "-m", "wargame", "play", "--scenario", "pact-2026",
                             "--seed", "7", "--bots", "all"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    expected = GOLDEN.read_text(encoding="utf-8")
    assert result.stdout == expected, _diff(expected, result.stdout)
