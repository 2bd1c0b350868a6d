"""Storage benchmark: what autosaving costs, how fast a save opens, how big it is.

    .venv/bin/python bench/storage.py                  # 12-turn games and a 500-turn stress game
    .venv/bin/python bench/storage.py --stress-turns 100 --keep /tmp/bench-saves

Prints figures only (no thresholds are asserted). Aims (issue 17): autosave with the digest
within 3x a bare ``sqlite3`` insert-and-commit of the same bytes in WAL mode; the digest's cost
per action at turn 500 within 1.5x of its cost at turn 12; a 500-turn save opens for play
(``Session.resume``: last snapshot plus the tail of the log) in under 100 ms; a 12-turn save
reaches its last turn in under 20 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wargame import load_scenario  # noqa: E402
from wargame.bots import make_bots  # noqa: E402
from wargame.scenario import Scenario  # noqa: E402
from wargame.storage import GameRecord, Session  # noqa: E402
from wargame.storage.sqlitefile import sync_mode  # noqa: E402
from wargame.storage.session import seats_for  # noqa: E402


clock = time.perf_counter
"""The timer: wall-clock time, or with ``--cpu`` this process's CPU time (steadier on a machine
that other programs keep busy: time spent waiting for a core is not counted)."""


def stress_scenario(turns: int) -> Scenario:
    sc = load_scenario("pact-2026")
    return sc.model_copy(update={"meta": sc.meta.model_copy(update={"turns": turns})})


def _bare_db(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 database in WAL mode with the same log table (no SQLAlchemy)."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute(f"PRAGMA synchronous={sync_mode()}")
    con.execute("CREATE TABLE log (game_id INTEGER, idx INTEGER, turn INTEGER, phase TEXT, over INTEGER, "
                "kind TEXT, action TEXT, events TEXT, digest TEXT, at REAL, PRIMARY KEY (game_id, idx))")
    return con


def _bare_insert(con: sqlite3.Connection, row: tuple) -> float:
    t0 = clock()
    con.execute("BEGIN")
    con.execute("INSERT INTO log VALUES (?,?,?,?,?,?,?,?,?,?)", row)
    con.execute("COMMIT")
    return clock() - t0


class TimedRecord:
    """Wraps ``record.append`` to time it without the engine's ``game.digest()`` (timed apart),
    and next to it times a bare sqlite3 insert-and-commit of the same bytes, so that both run
    in the same conditions (between the engine's and the bots' work; alternately first)."""

    def __init__(self, record: GameRecord, bare: sqlite3.Connection) -> None:
        self.record = record
        self.bare = bare
        self.append_s: list[float] = []
        self.digest_s: list[float] = []
        self.turns: list[int] = []
        self.bare_s: list[float] = []
        self._append = record.append
        record.append = self._timed  # type: ignore[method-assign]

    def _timed(self, game, action, events) -> None:
        t0 = clock()
        digest = game.digest()
        t1 = clock()
        self.digest_s.append(t1 - t0)
        self.turns.append(game.turn)
        row = (1, game.log_length(), game.turn, game.phase, game.over, action.kind,
               _dumps(action.to_dict()), _dumps([x.to_dict() for x in events]), digest, time.time())
        bare_first = game.log_length() % 2 == 0  # alternate, so neither runs always warm
        if bare_first:
            self.bare_s.append(_bare_insert(self.bare, row))
        game.digest = lambda: digest  # append asks for it again: answer from the measurement
        try:
            t1 = clock()
            self._append(game, action, events)
            self.append_s.append(clock() - t1)
        finally:
            del game.digest
        if not bare_first:
            self.bare_s.append(_bare_insert(self.bare, row))


def _dumps(data) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def play(path: Path, scenario: Scenario, seed: int, progress: bool = False) -> TimedRecord:
    session = Session.new(path, scenario, seed, seats_for(make_bots(seed)))
    bare_path = path.with_suffix(".bare")
    timed = TimedRecord(session.record, _bare_db(bare_path))
    bots = make_bots(seed)
    last = time.monotonic()
    while not session.game.over:
        mover = next(s for s in session.game.acting_seats() if s in bots)
        session.apply(bots[mover].choose(session.game))
        if progress and time.monotonic() - last > 10:
            last = time.monotonic()
            print(f"  ... turn {session.game.turn}/{scenario.meta.turns}, "
                  f"{session.record.action_count()} actions", flush=True)
    session.close()
    timed.bare.close()
    for extra in ("", "-wal", "-shm"):
        Path(f"{bare_path}{extra}").unlink(missing_ok=True)
    return timed


def bare_sqlite(path: Path, rows: list[tuple]) -> list[float]:
    """Seconds per insert-and-commit of the same bytes with plain sqlite3, in a tight loop."""
    con = _bare_db(path)
    out = [_bare_insert(con, row) for row in rows]
    con.close()
    return out


def our_write(path: Path, rows: list[tuple]) -> list[float]:
    """Seconds per insert-and-commit of the same bytes through the save's write path."""
    from wargame.storage.record import T_ENTRY
    keys = ["game_id", "idx", "turn", "phase", "over", "kind", "action", "events", "digest", "at"]
    rec = GameRecord.create(path, load_scenario("pact-2026"), 1, seats_for(make_bots(1)))
    store = rec._store
    out = []
    for row in rows:
        params = dict(zip(keys, row))
        t0 = clock()
        with store.tx("saved") as conn:
            store.insert(conn, T_ENTRY, params)
        out.append(clock() - t0)
    rec.close()
    return out


def log_rows(path: Path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT game_id, idx, turn, phase, over, kind, action, events, digest, at "
                           "FROM log_entries WHERE idx > 0 ORDER BY idx").fetchall()
    finally:
        con.close()


def time_open(path: Path, repeat: int) -> dict[str, float]:
    """Median seconds of: opening for play (``Session.resume(defer=True)``: the play lock, the
    last snapshot checked against its digest, the tail replayed to the last digest, the log
    parsed on first use), then that first use of the log; ``Session.resume()`` (the same with
    the whole log parsed at once, as the app and ``wargame resume`` open a game); a read-only
    open + ``game_at_turn(last turn, logs=False)`` (the state alone)."""
    times: dict[str, list[float]] = {"play": [], "first use": [], "resume": [], "state": []}
    for _ in range(repeat):
        t0 = clock()
        session = Session.resume(path, defer=True)
        t1 = clock()
        _ = len(session.game.events)
        t2 = clock()
        last_turn = session.game.turn
        session.close()
        times["play"].append(t1 - t0)
        times["first use"].append(t2 - t1)
        t0 = clock()
        Session.resume(path).close()
        times["resume"].append(clock() - t0)
        t0 = clock()
        with GameRecord.open(path, readonly=True) as rec:
            rec.game_at_turn(last_turn, logs=False)
        times["state"].append(clock() - t0)
    out = {k: statistics.median(v) for k, v in times.items()}
    out["turn"] = last_turn
    return out


def print_open(figures: dict[str, float], repeat: int) -> None:
    last = int(figures["turn"])
    print(f"  open for play, Session.resume(defer=True): snapshot + tail checked: {ms(figures['play'])} median of {repeat}")
    print(f"    then the first use of game.events (reads and parses the log):     {ms(figures['first use'])}")
    print(f"  Session.resume() (the same, whole log parsed at once: app, CLI):    {ms(figures['resume'])}")
    print(f"  open read-only + game_at_turn({last}, logs=False) (the state):    {ms(figures['state'])}")


def digest_by_turn(timed: TimedRecord, lo: int, hi: int) -> list[float]:
    return [d for d, t in zip(timed.digest_s, timed.turns) if lo <= t <= hi]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.0f} µs"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--games", type=int, default=3, help="12-turn games to autosave (seeds 1..N)")
    parser.add_argument("--stress-turns", type=int, default=500, help="turns of the stress game (0: skip)")
    parser.add_argument("--keep", default=None, help="folder to write the saves to (kept; the stress "
                        "save is reused if present)")
    parser.add_argument("--cpu", action="store_true", help="time with this process's CPU time "
                        "instead of the wall clock (for a busy machine)")
    args = parser.parse_args()
    global clock
    if args.cpu:
        clock = time.process_time
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="wargame-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"SQLite {sqlite3.sqlite_version}, synchronous={sync_mode()}, saves in {folder}; "
          f"{'CPU time' if args.cpu else 'wall clock'}; load average {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores")

    sc = load_scenario("pact-2026")
    appends, digests, bares_live, bares, writes = [], [], [], [], []
    for seed in range(1, args.games + 1):
        path = folder / f"bench-12-{seed}.wargame"
        path.unlink(missing_ok=True)
        timed = play(path, sc, seed)
        rows = log_rows(path)
        for name, fn, out in (("bare", bare_sqlite, bares), ("ours", our_write, writes)):
            target = folder / f"{name}-{seed}.db"
            out += fn(target, rows)
            for extra in ("", "-wal", "-shm"):
                Path(f"{target}{extra}").unlink(missing_ok=True)
        appends += timed.append_s
        digests += timed.digest_s
        bares_live += timed.bare_s
    mean, med = statistics.mean, statistics.median

    def line(label: str, xs: list[float], ref: list[float] | None = None) -> str:
        text = f"  {label:<62}{us(mean(xs)):>8} mean {us(med(xs)):>8} median"
        if ref is not None:
            text += f"  = {mean(xs) / mean(ref):4.1f}x / {med(xs) / med(ref):4.1f}x"
        return text
    print(f"\nAutosave, {args.games} x 12-turn games ({len(appends)} actions), per action.")
    print(" During play (each measured right after the engine and bots ran):")
    print(line("bare sqlite3 insert + commit of the same bytes (WAL)", bares_live))
    print(line("record.append without the digest (encode, snapshot, write)", appends, bares_live))
    print(line("game.digest() (the engine's state hash, needed by append)", digests))
    print(line("record.append with the digest", [a + d for a, d in zip(appends, digests)], bares_live))
    print(" In a tight loop (the same rows written back to back):")
    print(line("bare sqlite3 insert + commit of the same bytes (WAL)", bares))
    print(line("our write path (SQLAlchemy connection, one transaction each)", writes, bares))

    path = folder / "bench-12-1.wargame"
    figures = time_open(path, 21)
    with GameRecord.open(path, readonly=True) as rec:
        n = rec.action_count()
    size = path.stat().st_size
    print(f"\n12-turn save ({n} actions, {size / 1024:.0f} KiB, {size / n:.0f} bytes per action):")
    print_open(figures, 21)
    t0 = clock()
    with GameRecord.open(path, readonly=True) as rec:
        ok = rec.verify().ok
    print(f"  full-chain verification on demand (replay --verify):             {ms(clock() - t0)} ({'ok' if ok else 'FAILED'})")

    if args.stress_turns:
        stress = folder / f"bench-stress-{args.stress_turns}.wargame"
        if not stress.exists():
            print(f"\nBuilding the {args.stress_turns}-turn stress save (autosaved; "
                  "this takes a while)...", flush=True)
            t0 = clock()
            timed = play(stress, stress_scenario(args.stress_turns), 1, progress=True)
            total = clock() - t0
            print(f"  built in {total:.0f} s: {len(timed.append_s)} actions; per action: record.append "
                  f"without the digest {ms(statistics.mean(timed.append_s))}, game.digest() "
                  f"{ms(statistics.mean(timed.digest_s))}")
            early = digest_by_turn(timed, 1, 12)
            late = digest_by_turn(timed, args.stress_turns - 11, args.stress_turns)
            print(f"  game.digest() per action, turns 1-12:    {us(mean(early)):>8} mean {us(med(early)):>8} median")
            print(f"  game.digest() per action, turns {args.stress_turns - 11}-{args.stress_turns}: "
                  f"{us(mean(late)):>8} mean {us(med(late)):>8} median  = {mean(late) / mean(early):4.2f}x / "
                  f"{med(late) / med(early):4.2f}x of turns 1-12")
            both = [a + d for a, d in zip(timed.append_s, timed.digest_s)]
            print(line("record.append with the digest, whole stress game", both, timed.bare_s))
        figures = time_open(stress, 5)
        with GameRecord.open(stress, readonly=True) as rec:
            n = rec.action_count()
        size = stress.stat().st_size
        print(f"\n{args.stress_turns}-turn stress save ({n} actions, {size / 2**20:.1f} MiB, "
              f"{size / n:.0f} bytes per action):")
        print_open(figures, 5)
    if not args.keep:
        for p in folder.iterdir():
            p.unlink()
        os.rmdir(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
