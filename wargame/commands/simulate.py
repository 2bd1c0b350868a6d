"""``wargame simulate``: what-if analysis, many seeded continuations played by computer players.

    wargame simulate --scenario pact-2026 --games 1000 --seed 1 --workers 2 --json out.json
    wargame simulate --from saves/game.wargame --at 5 --games 500 --style ankara=opportunist
    wargame simulate --games 10000 --ray auto          # on a Ray cluster (pip install 'layered-deterrence[ray]')

Prints a readable summary on stdout and a progress bar on stderr. Ctrl-C cancels cleanly: the
games already played are summarised (and written with ``--json``), flagged as partial, and the
exit status is 130.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any, TextIO

from wargame.commands.play import parse_styles
from wargame.outfiles import write_text_whole
from wargame.types import SEATS


class ProgressBar:
    """A text progress bar on a stream (redrawn in place on a terminal, every 10% otherwise)."""

    def __init__(self, stream: TextIO = sys.stderr, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.start = time.perf_counter()
        self.last = 0.0
        self.last_decile = -1
        self.tty = bool(getattr(stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        finished = done >= total
        if self.tty:
            if not finished and now - self.last < 0.1:
                return
        else:
            decile = done * 10 // max(1, total)
            if decile == self.last_decile and not finished:
                return
            self.last_decile = decile
        self.last = now
        elapsed = now - self.start
        frac = done / total if total else 1.0
        fill = int(self.width * frac)
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (total - done) / rate if rate > 0 else 0.0
        text = (f"[{'#' * fill}{'.' * (self.width - fill)}] {done}/{total} games "
                f"{rate:5.1f}/s ETA {eta:4.0f}s")
        if self.tty:
            self.stream.write("\r" + text + ("\n" if finished else ""))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End the line if the bar was left half drawn."""
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def json_target_problem(path_text: str) -> str | None:
    """Why ``--json`` could not be written at the end, checked before any game runs (None: fine)."""
    path = Path(path_text)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return "is a folder; name a file such as out.json"
    if path.exists() and not path.is_file():
        return "is not a regular file"
    if not folder.is_dir():
        return f"no folder {folder}; create it first or choose another path"
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return "cannot be written here (permission denied); choose another path"
    return None


def _starting_game(args: argparse.Namespace) -> Any:
    """The game to continue from (``--from``/``--at``), or None to start from the scenario."""
    if not args.source:
        return None
    from wargame.storage import GameRecord
    with GameRecord.open(args.source, readonly=True) as record:
        if args.at is None:
            return record.load(check=False)
        return record.game_at_turn(args.at)


def _parse_force(text: str, turn: int | None) -> Any:
    """``--force`` as JSON (``{"type": "declare", "seat": "riyadh", "target": "islamabad"}``)."""
    import json
    from wargame.actions import action_from_dict
    from wargame.forced import Forced
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"not JSON ({err.msg}); e.g. '{{\"type\": \"declare\", \"seat\": \"riyadh\", "
                         f"\"target\": \"islamabad\"}}'") from None
    if isinstance(data, dict) and data.get("type") == "respond":
        data.setdefault("crisis", "")
    return Forced(action_from_dict(data), turn)


def cmd_simulate(args: argparse.Namespace) -> int:
    """Run the what-if analysis."""
    from wargame.errors import WargameError
    from wargame.simulate import SimulationError, simulate
    try:
        styles = parse_styles(args.style)
    except argparse.ArgumentTypeError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.ray is not None:
        from wargame.simulate_ray import require_ray
        try:
            require_ray()
        except SimulationError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
    if args.json:
        problem = json_target_problem(args.json)
        if problem:
            print(f"error: --json {args.json}: {problem}", file=sys.stderr)
            return 2
    if args.at is not None and not args.source:
        print("error: --at needs --from FILE", file=sys.stderr)
        return 2
    force = None
    if args.force:
        try:
            force = _parse_force(args.force, args.force_turn)
        except ValueError as err:
            print(f"error: --force: {err}", file=sys.stderr)
            return 2
    start = _starting_game(args)
    if force is not None and start is None:
        from wargame.rules.game import Game
        start = Game(args.scenario, args.seed)
    cancel = threading.Event()
    previous = None

    def on_interrupt(signum: int, frame: Any) -> None:
        if cancel.is_set():  # a second Ctrl-C: stop at once
            raise KeyboardInterrupt
        cancel.set()
        print("\ncancelling: finishing the games under way (Ctrl-C again to abort)...", file=sys.stderr)

    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, on_interrupt)
    bar = ProgressBar(sys.stderr) if not args.no_progress else None
    try:
        if force is not None:
            from wargame.forced import compare_forced
            comparison = compare_forced(start, force, args.games, args.seed, workers=args.workers,
                                        styles=styles, progress=bar, cancel=cancel)
            result = comparison.forced
        else:
            comparison = None
            result = simulate(start if start is not None else args.scenario, args.games, args.seed,
                              workers=args.workers, styles=styles, progress=bar, cancel=cancel,
                              ray=args.ray, top=args.top)
    except WargameError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if bar is not None and result.cancelled:
        bar.close()
    print(result.summary(top=args.top_shown))
    if comparison is not None:
        print("\n" + comparison.summary())
    if args.json:
        text = result.to_json(indent=None if args.compact else 1, games=not args.no_games)
        try:
            write_text_whole(Path(args.json), text)
        except OSError as err:
            print(f"error: --json {args.json}: cannot be written ({err.strerror}); the summary above "
                  "is complete, choose another path to keep the JSON", file=sys.stderr)
            return 1
        print(f"wrote {args.json}" + (" (partial results)" if result.cancelled else ""), file=sys.stderr)
    if result.cancelled:
        print(f"cancelled after {result.meta['completed']} of {result.meta['requested']} games",
              file=sys.stderr)
        return 130
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``wargame simulate``."""
    p = sub.add_parser(
        "simulate", help="what-if analysis: many seeded continuations played by computer players",
        description="Play many seeded continuations of a scenario or a saved game with computer "
                    "players and summarise them: score distributions, pact survival, crises, the "
                    "bluff gap over time and the decisions that most separated good outcomes from bad.")
    p.add_argument("--scenario", default="pact-2026", help="scenario id or .toml path (default pact-2026)")
    p.add_argument("--from", dest="source", default=None, metavar="FILE",
                   help="continue a saved game (.wargame file or database URL) instead")
    p.add_argument("--at", type=int, default=None, metavar="TURN",
                   help="with --from: start at this turn's diplomacy phase (default: where the save ends)")
    p.add_argument("--games", type=int, default=1000, help="number of continuations (default 1000)")
    p.add_argument("--seed", type=int, default=1, help="seed of the run (default 1)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--style", default=None, metavar="SEAT=STYLE,...",
                   help=f"computer styles, e.g. ankara=opportunist,riyadh=cautious, or one style for "
                        f"all; seats: {', '.join(SEATS)}")
    p.add_argument("--ray", default=None, metavar="ADDRESS",
                   help="run on Ray: 'auto' (the running cluster), 'local' (start one here) or an "
                        "address such as ray://host:10001")
    p.add_argument("--json", default=None, metavar="OUT.json", help="write the full results as JSON")
    p.add_argument("--no-games", action="store_true", help="leave the per-game records out of the JSON")
    p.add_argument("--compact", action="store_true", help="write the JSON on one line")
    p.add_argument("--top", type=int, default=10, help="separating decisions kept per seat (default 10)")
    p.add_argument("--top-shown", type=int, default=3, help="separating decisions printed per seat")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--force", default=None, metavar="ACTION_JSON",
                   help="force a decision and compare with and without it on the same seeds, e.g. "
                        "'{\"type\": \"declare\", \"seat\": \"riyadh\", \"target\": \"islamabad\"}' "
                        "(a respond without a crisis answers the first crisis the seat must answer)")
    p.add_argument("--force-turn", type=int, default=None, metavar="TURN",
                   help="with --force: take it in this turn (default: at the first chance)")
    p.set_defaults(func=cmd_simulate)
