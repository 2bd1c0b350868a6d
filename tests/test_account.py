"""The headless account (``wargame play``): deals named by their terms, refusals with their
reasons, and a turning-point summary at the end (issue 16)."""
from __future__ import annotations

import io
import re

from wargame import Game
from wargame.account import turning_points, write_account
from wargame.bots import make_bots, play_bots

from test_engine_helpers import scenario


def _account(seed: int) -> tuple[Game, str]:
    g = Game(scenario(), seed)
    play_bots(g, make_bots(seed))
    out = io.StringIO()
    write_account(g, out)
    return g, out.getvalue()


def test_account_names_terms_and_reasons_not_bare_ids():
    g, text = _account(7)
    assert not re.search(r"accepts proposal p\d+", text)
    assert not re.search(r"counters p\d+ with p\d+\n", text)
    proposals = [line for line in text.splitlines() if " proposes to " in line]
    assert proposals and all(re.search(r": .+ \(p\d+\)$", line) for line in proposals)
    rejections = [line for line in text.splitlines() if " rejects " in line]
    assert rejections and all(" — " in line for line in rejections)  # a computer player says why
    assert "Washington's Washington's" not in text


def test_account_ends_with_turning_points():
    g, text = _account(7)
    assert "\nTurning points (" in text
    lines = turning_points(g)
    assert lines and all(line in text for line in lines)
    for line in lines:
        m = re.search(r"(rose|fell) ([+-]\d+\.\d) in (\d{4}-Q\d) \((\d+\.\d) → (\d+\.\d)\)", line)
        assert m, line
        assert (m.group(1) == "rose") == (float(m.group(2)) > 0)
        assert abs(float(m.group(5)) - float(m.group(4)) - float(m.group(2))) < 0.11
