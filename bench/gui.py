"""GUI benchmark: start-up to the first painted main window, and action-to-repaint latency.

Run: ``python bench/gui.py`` (offscreen works). Prints:

* start-up: wall time from launching a Python process until the app's main window, with the
  default game loaded, has painted its first frame (all its views), next to the same for a bare PySide6 window started
  in the same run, and their ratio (aim: under 4x). The app starts the way the ``wargame``
  command does (the engine's package first, then the ``ui`` app). Both run with Python's
  bytecode cache (as an installed app does; kept in a temporary folder, warmed by one discarded
  run); the ratio without it (every module compiled at each start, as with
  ``PYTHONDONTWRITEBYTECODE=1``) is printed too;
* repaint: for the actions of a computer-played game applied through the controller, the time
  from ``apply`` until every view that the action changed has painted (aim: one 60 Hz frame,
  16 ms), as median / 90th percentile / max; also as CPU time, which a busy machine skews less;
  then per view (from ``apply`` until that view's last paint, over the actions that repainted
  it) and per kind of action (until every view has painted).
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
class Spy(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and obj is w:  # the window's first frame: once all of
            QTimer.singleShot(0, done)                   # it has painted (children too), stop
        return False
def done():
    print(time.time(), flush=True); os._exit(0)
w = QMainWindow(); w.resize(1600, 900); spy = Spy(); w.installEventFilter(spy); w.show()
app.exec()
"""

APP = r"""
import os, sys, time
import wargame.cli  # what the `wargame` command runs first
from ui import app as ui_app  # what `wargame gui` imports
from PySide6.QtCore import QEvent, QObject, QTimer
app = ui_app.ensure_app()
from ui.adapter import GameController
from ui.main_window import MainWindow
from wargame.rules.game import Game
players = {"ankara": "computer", "riyadh": "person", "islamabad": "person", "washington": "computer"}
class Spy(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and obj is w:  # the window's first frame: once all of
            QTimer.singleShot(0, done)                   # it has painted (children too), stop
        return False
def done():
    print(time.time(), flush=True); os._exit(0)
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
    """Best-of-``runs`` start-up times (s) of a bare window and of the app, and their ratio.

    Runs alternate (bare, app, bare, app, ...) so a busy moment of the machine hits both alike.
    ``*_nocache`` are the same without Python's bytecode cache.
    """
    base = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                WARGAME_SETTINGS_DIR=str(Path(tempfile.gettempdir()) / "wargame-bench-settings"),
                PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    cached = {k: v for k, v in base.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "wargame-bench-pycache")
    nocache = dict(base, PYTHONDONTWRITEBYTECODE="1")
    nocache.pop("PYTHONPYCACHEPREFIX", None)
    _startup(BARE, cached), _startup(APP, cached)  # warm the bytecode and disk caches
    out: dict[str, float] = {}
    for tag, env in (("", cached), ("_nocache", nocache)):
        bare, app = [], []
        for _ in range(runs):
            bare.append(_startup(BARE, env))
            app.append(_startup(APP, env))
        out[f"bare{tag}_s"], out[f"app{tag}_s"] = round(min(bare), 3), round(min(app), 3)
        out[f"ratio{tag}"] = round(min(app) / min(bare), 2)
    return out


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
            self.painted: dict[int, float] = {}  # view -> time its last paint ended

        def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802
            if ev.type() == QEvent.Type.Paint:
                self.painted[id(obj)] = time.perf_counter()
            return False

    game = Game("pact-2026", 7)
    controller = GameController(game, {s: COMPUTER for s in SEATS})
    controller.set_paused(True)
    window = MainWindow(controller, restore=False)
    window.resize(1600, 900)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.load_heavy_views()  # built after the first paint in the app: not part of an action's cost
    for _ in range(5):
        app.processEvents()
    spy = Spy()
    views = {"map": window.map.viewport(), "network": window.network, "scoreboard": window.scoreboard,
             "indicators": window.indicators, "seat_panel": window.seat_panel,
             "event_log": window.log.list.viewport()}
    for view in views.values():
        view.installEventFilter(spy)
    bots = make_bots(7)
    all_ms, heavy_ms, heavy_cpu = [], [], []
    per_view: dict[str, list[float]] = {name: [] for name in views}
    per_kind: dict[str, list[float]] = {}
    for _ in range(actions):
        if controller.game.over:
            break
        action = bots[controller.game.acting_seats()[0]].choose(controller.game)
        spy.painted.clear()
        t0, c0 = time.perf_counter(), time.process_time()
        events = controller.apply(action) or []
        for _ in range(3):
            app.processEvents()
        ms = (time.perf_counter() - t0) * 1000
        all_ms.append(ms)
        per_kind.setdefault(action.kind, []).append(ms)
        for name, view in views.items():  # a view that did not repaint costs it nothing
            if id(view) in spy.painted:
                per_view[name].append((spy.painted[id(view)] - t0) * 1000)
        if any(e.kind not in ("proposal", "answer", "pass", "response", "phase") for e in events):
            heavy_ms.append(ms)
            heavy_cpu.append((time.process_time() - c0) * 1000)
    window.close()

    def stats(xs: list[float]) -> dict[str, float]:
        xs = sorted(xs) or [0.0]
        return {"n": len(xs), "median_ms": round(statistics.median(xs), 1),
                "p90_ms": round(xs[int(0.9 * (len(xs) - 1))], 1), "max_ms": round(xs[-1], 1)}
    return {"all": stats(all_ms), "map_changing": stats(heavy_ms or all_ms),
            "map_changing_cpu": stats(heavy_cpu or [0.0]),
            "per_view": {k: stats(v) for k, v in per_view.items()},
            "per_kind": {k: stats(v) for k, v in sorted(per_kind.items())}}


def map_ops(repeats: int = 15) -> dict[str, float]:
    """CPU ms (median) of one map update plus a full repaint of the map's viewport.

    On a 1040x640 map of a game after 3 quarters: a repaint alone; ``set_sites`` with new
    tooltips only; with one site renamed; ``set_links`` adding or removing a link;
    ``set_active_crisis`` on and off; a full layout (zoom); a resize (its layout waits).
    """
    import dataclasses

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from ui.app import demo_controller, ensure_app
    app = ensure_app()
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from ui import map_model
    from ui.map_canvas import MapCanvas, MapLink

    scene = map_model.build(demo_controller().game, None)
    crisis = next(s.id for s in scene.sites if s.kind == "crisis")
    base = next(s.id for s in scene.sites if s.kind == "base")
    canvas = MapCanvas()
    canvas.resize(1040, 640)
    canvas.show()
    for _ in range(5):
        app.processEvents()
    canvas.set_sites(scene.sites)
    canvas.set_links(scene.links)
    vp = canvas.viewport()
    vp.repaint()
    extra = MapLink("riyadh", "islamabad", "finance", 3, 0.7, None, "new")

    def renamed(i: int) -> list:
        return [dataclasses.replace(s, name=s.name + " *") if s.id == base and i % 2 else s for s in scene.sites]

    def zoom(i: int) -> None:  # a wheel step in, laid out at once; then fitted back
        if i % 2:
            canvas.fit_region()
            return
        centre = QPointF(vp.rect().center())
        canvas.wheelEvent(QWheelEvent(centre, canvas.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
                                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                      Qt.ScrollPhase.NoScrollPhase, False))
        canvas.flush_layout()

    ops = {
        "repaint": lambda i: None,
        "set_sites_tooltips": lambda i: canvas.set_sites(
            [dataclasses.replace(s, detail=f"{s.detail} {i}") for s in scene.sites]),
        "set_sites_rename": lambda i: canvas.set_sites(renamed(i)),
        "set_links": lambda i: canvas.set_links(scene.links + ([extra] if i % 2 == 0 else [])),
        "set_active_crisis": lambda i: canvas.set_active_crisis(crisis if i % 2 == 0 else None, "CRISIS"),
        "zoom_full_layout": zoom,
        "resize": lambda i: (canvas.resize(1040 + 20 * (i % 2), 640), app.processEvents()),
    }
    out = {}
    for name, op in ops.items():
        times = []
        for i in range(repeats):
            c0 = time.process_time()
            op(i)
            vp.repaint()
            times.append((time.process_time() - c0) * 1000)
        out[name] = round(statistics.median(times), 1)
    canvas.close()
    return out


def main() -> int:
    """Print the figures (``--repaint``: the repaint and map figures only)."""
    s: dict[str, float] = {}
    if "--repaint" not in sys.argv:
        s = startup()
        print(f"start-up to first painted window: app {s['app_s']:.2f}s, bare PySide6 window "
              f"{s['bare_s']:.2f}s, ratio {s['ratio']:.2f}x (aim < 4x)")
        print(f"  without Python's bytecode cache: app {s['app_nocache_s']:.2f}s, bare "
              f"{s['bare_nocache_s']:.2f}s, ratio {s['ratio_nocache']:.2f}x")
    print(f"machine load (1-min average): {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    r = repaint()
    for key, label in (("all", "every action"), ("map_changing", "actions that change the map/indicators"),
                       ("map_changing_cpu", "same, CPU time of this process: less sensitive to a busy machine")):
        x = r[key]
        print(f"action -> repaint of every view ({label}, n={x['n']}): median {x['median_ms']} ms, "
              f"p90 {x['p90_ms']} ms, max {x['max_ms']} ms (aim 16 ms)")
    for group, label in (("per_view", "view"), ("per_kind", "action")):
        for name, x in r[group].items():
            print(f"  {label} {name:<14} n={x['n']:<4} median {x['median_ms']} ms, p90 {x['p90_ms']} ms, "
                  f"max {x['max_ms']} ms")
    m = map_ops()
    print("map update + full repaint, CPU ms (median): "
          + ", ".join(f"{k} {v}" for k, v in m.items()))
    print(json.dumps({"startup": s, "repaint": r, "map": m}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
