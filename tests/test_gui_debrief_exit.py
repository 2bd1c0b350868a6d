"""The game-over debrief's worker threads never abort the process (issue 15).

A QThread destroyed while it runs aborts the whole program ("QThread: Destroyed while thread is
still running"). A process that ends while the debrief is still weighing decisions, without the
event loop's quit (a script, a test run, an exit from a handler), did exactly that: exit status
134, and the GUI soak had to stop before the last quarter because of it.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from wargame import Game
    from wargame.bots import make_bots, play_bots
    from ui.dialogs.game_over import GameOverDialog
    g = Game("pact-2026", 1)
    play_bots(g, make_bots(1))
    dialog = GameOverDialog(g, None, ["riyadh", "ankara"])
    dialog.show()
    app.processEvents()
    if sys.argv[1] == "deleted":
        dialog.deleteLater()
        app.processEvents()
    print("leaving while the debrief weighs decisions", flush=True)
""")


@pytest.mark.timeout(180)
@pytest.mark.parametrize("how", ["open", "deleted"])
def test_leaving_mid_debrief_exits_cleanly(how):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", SCRIPT, how], capture_output=True, text=True,
                         timeout=170, env=env)
    assert "leaving while" in run.stdout
    assert "Destroyed while thread" not in run.stderr, run.stderr
    assert run.returncode == 0, run.stderr[-2000:]
