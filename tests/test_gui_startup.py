"""Start-up of the desktop app: the first frame comes before the heavy views, and is complete.

The app starts in a subprocess the way ``bench/gui.py`` (and the ``wargame`` command) starts it;
at the end of the main window's first frame the test records what is imported and shown.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST_FRAME = r"""
import json, os, sys
import wargame.cli
from ui import app as ui_app
from PySide6.QtCore import QEvent, QObject, QTimer
app = ui_app.ensure_app()
from ui.adapter import GameController
from ui.main_window import MainWindow
from wargame.rules.game import Game

def report():
    sites = [s.id for s in w.game.scenario.sites]
    items = [w.map.site_item(s) for s in sites]
    print(json.dumps({
        "pyqtgraph": "pyqtgraph" in sys.modules, "networkx": "networkx" in sys.modules,
        "heavy_loaded": [h.loaded for h in (w.network, w.indicators)],
        "sites_shown": sum(i is not None for i in items), "sites": len(sites),
        "labels_placed": sum(1 for i in items if i is not None and not i.label_rect.isEmpty()),
        "layout_pending": w.map.layout_pending(),
        "scores": len(w.scoreboard.totals()),
    }), flush=True)
    os._exit(0)

class Spy(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and obj is w:
            QTimer.singleShot(0, report)
        return False

players = {"ankara": "computer", "riyadh": "person", "islamabad": "person", "washington": "computer"}
controller = GameController(Game("pact-2026", 7), players)
controller.set_paused(True)
w = MainWindow(controller, restore=False); w.resize(1600, 900)
w.handover.button.click()  # two people at one computer: Riyadh confirms the hand-over first
spy = Spy(); w.installEventFilter(spy); w.show()
app.exec()
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", WARGAME_SETTINGS_DIR=str(tmp_path),
                PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))


def test_first_frame_is_complete_without_the_heavy_views(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-c", FIRST_FRAME], env=_env(tmp_path), cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    info = json.loads(out.stdout.strip().splitlines()[-1])
    # the charts (pyqtgraph) and the network (networkx) come after the first frame
    assert not info["pyqtgraph"] and not info["networkx"]
    assert info["heavy_loaded"] == [False, False]
    # ...which shows the game: every site, its label placed, and the scores
    assert info["sites_shown"] == info["sites"] > 10
    # labels with no free place are left to their tooltips (never drawn over one another)
    assert info["labels_placed"] >= 0.75 * info["sites"]
    assert not info["layout_pending"]
    assert info["scores"] == 4


def test_heavy_views_load_after_the_first_paint(qtbot) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.adapter import COMPUTER, GameController
    from ui.main_window import MainWindow
    from wargame.rules.game import Game
    from wargame.types import SEATS

    controller = GameController(Game("pact-2026", 7), {s: COMPUTER for s in SEATS})
    controller.set_paused(True)
    w = MainWindow(controller, restore=False)
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    qtbot.waitUntil(lambda: w.network.loaded and w.indicators.loaded, timeout=10_000)
    w.close()


def test_bench_startup_runs_and_reports_a_ratio() -> None:
    """The benchmark's start-up harness works (its timing is for bench/gui.py, not for a test)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_gui", ROOT / "bench" / "gui.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.startup(runs=1)
    assert result["app_s"] > result["bare_s"] > 0
    assert 1.0 < result["ratio"] < 15.0
    assert result["ratio_nocache"] > 1.0
