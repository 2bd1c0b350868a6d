"""GUI benchmark: start-up to the first painted main window, and action-to-repaint latency.

Run: ``python bench/gui.py`` (offscreen works). Prints:

* start-up: wall time from launching a Python process to the first paint event of the app's
  main window (default game), next to the same for a bare PySide6 window started in the same
  run, and their ratio (aim: under 4x);
* repaint: for the actions of a computer-played game applied through the controller, the time
  from ``apply`` until every view that the action changed has painted (aim: one 60 Hz frame,
  16 ms), as median / 90th percentile / max; also as CPU time, which a busy machine skews less.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
class Spy(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(time.time(), flush=True); os._exit(0)
        return False
w = QMainWindow(); w.resize(1600, 900); spy = Spy(); w.installEventFilter(spy); w.show()
app.exec()
"""

APP = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from ui.app import ensure_app
app = ensure_app()
from ui.adapter import GameController
from ui.main_window import MainWindow
from wargame.rules.game import Game
players = {"ankara": "computer", "riyadh": "person", "islamabad": "person", "washington": "computer"}
class Spy(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            print(time.time(), flush=True); os._exit(0)
        return False
controller = GameController(Game("pact-2026", 7), players)
controller.set_paused(True)
w = MainWindow(controller, restore=False); w.resize(1600, 900); spy = Spy(); w.installEventFilter(spy); w.show()
app.exec()
"""


def _startup(code: str, env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    lines = [ln for ln in out.stdout.split() if ln.strip()]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"start-up run failed: {out.stderr[-500:]}")
    return float(lines[-1]) - start


def startup(runs: int = 3) -> dict[str, float]:
    """Best-of-``runs`` start-up times (s) of a bare window and of the app, and their ratio."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               WARGAME_SETTINGS_DIR=str(Path("/tmp") / "wargame-bench-settings"),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    bare = min(_startup(BARE, env) for _ in range(runs))
    app = min(_startup(APP, env) for _ in range(runs))
    return {"bare_s": round(bare, 3), "app_s": round(app, 3), "ratio": round(app / bare, 2)}


def repaint(actions: int = 150) -> dict[str, float]:
    """Latency (ms) from an applied action to the repaint of every view it changed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("WARGAME_SETTINGS_DIR", "/tmp/wargame-bench-settings")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject
    from ui.app import ensure_app
    app = ensure_app()
    from ui.adapter import COMPUTER, GameController
    from ui.main_window import MainWindow
    from wargame.bots import make_bots
    from wargame.rules.game import Game
    from wargame.types import SEATS

    class Spy(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted: set[int] = set()

        def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802
            if ev.type() == QEvent.Type.Paint:
                self.painted.add(id(obj))
            return False

    game = Game("pact-2026", 7)
    controller = GameController(game, {s: COMPUTER for s in SEATS})
    controller.set_paused(True)
    window = MainWindow(controller, restore=False)
    window.resize(1600, 900)
    window.show()
    for _ in range(5):
        app.processEvents()
    spy = Spy()
    views = [window.map.viewport(), window.network, window.scoreboard, window.indicators,
             window.seat_panel, window.log.list.viewport()]
    for view in views:
        view.installEventFilter(spy)
    bots = make_bots(7)
    all_ms, heavy_ms, heavy_cpu = [], [], []
    for _ in range(actions):
        if game.over:
            break
        action = bots[controller.game.acting_seats()[0]].choose(controller.game)
        spy.painted.clear()
        t0, c0 = time.perf_counter(), time.process_time()
        events = controller.apply(action) or []
        for _ in range(3):
            app.processEvents()
        ms = (time.perf_counter() - t0) * 1000
        all_ms.append(ms)
        if any(e.kind not in ("proposal", "answer", "pass", "response", "phase") for e in events):
            heavy_ms.append(ms)
            heavy_cpu.append((time.process_time() - c0) * 1000)
    window.close()

    def stats(xs: list[float]) -> dict[str, float]:
        xs = sorted(xs)
        return {"n": len(xs), "median_ms": round(statistics.median(xs), 1),
                "p90_ms": round(xs[int(0.9 * (len(xs) - 1))], 1), "max_ms": round(xs[-1], 1)}
    return {"all": stats(all_ms), "map_changing": stats(heavy_ms or all_ms),
            "map_changing_cpu": stats(heavy_cpu or [0.0])}


def main() -> int:
    """Print both figures."""
    s = startup()
    print(f"start-up to first painted window: app {s['app_s']:.2f}s, bare PySide6 window "
          f"{s['bare_s']:.2f}s, ratio {s['ratio']:.2f}x (aim < 4x)")
    r = repaint()
    for key, label in (("all", "every action"), ("map_changing", "actions that change the map/indicators"),
                       ("map_changing_cpu", "same, CPU time of this process: less sensitive to a busy machine")):
        x = r[key]
        print(f"action -> repaint of every view ({label}, n={x['n']}): median {x['median_ms']} ms, "
              f"p90 {x['p90_ms']} ms, max {x['max_ms']} ms (aim 16 ms)")
    print(json.dumps({"startup": s, "repaint": r}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
