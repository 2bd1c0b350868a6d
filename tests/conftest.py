"""Fixtures shared by several test modules."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# never touch the user's own settings (recent games, window layout, PINs) from a test
os.environ.setdefault("WARGAME_SETTINGS_DIR", tempfile.mkdtemp(prefix="wargame-test-settings-"))
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="module")
def mid_game():
    """The default scenario after six quarters of seeded computer play (seed 7)."""
    from view_support import play
    from wargame import Game, load_scenario
    return play(Game(load_scenario("pact-2026"), seed=7), 6)
