"""Killing a game being saved at any moment leaves a save that opens, verifies and holds every
action committed before the kill: a prefix of the uninterrupted game."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from wargame.storage import GameRecord, Session

from test_storage_support import reference

SEED = 11
EARLY = (("start", 0.05), ("creating", 0.0))
"""Kills before the save exists: 50 ms after the process starts, and as soon as the hidden
temporary file of a new save appears (while it is being created)."""
DELAYS_AFTER_FILE = (0.0, 0.004, 0.01, 0.02, 0.035, 0.05, 0.08, 0.12, 0.17, 0.25, 0.35, 0.5, 0.7)
"""Seconds after the save file appears (while actions are being committed)."""


def _start(path: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.Popen([sys.executable, "-m", "wargame", "play", "--seed", str(SEED), "--save",
                             str(path), "--quiet"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)


def _kill_after(path: Path, delay: float, when: str) -> None:
    proc = _start(path)
    try:
        deadline = time.monotonic() + 60
        if when == "file":
            while not path.exists() and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.001)
        elif when == "creating":
            while (not any(p.name.startswith(f".{path.name}.") for p in path.parent.iterdir())
                   and not path.exists() and proc.poll() is None and time.monotonic() < deadline):
                time.sleep(0.0005)
        time.sleep(delay)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def test_sigkill_at_many_moments_leaves_a_verifiable_prefix(tmp_path):
    actions, digests, final = reference(SEED)
    full = tmp_path / "full.wargame"
    proc = _start(full)
    assert proc.wait(timeout=120) == 0
    with GameRecord.open(full, readonly=True) as rec:
        assert rec.actions() == list(actions), "the uninterrupted run is the reference game"

    counts = []
    moments = [(when, d) for when, d in EARLY] + [("file", d) for d in DELAYS_AFTER_FILE]
    assert len(moments) == 15
    for n, (when, delay) in enumerate(moments):
        path = tmp_path / f"killed{n}.wargame"
        _kill_after(path, delay, when)
        if not path.exists():  # killed before the save was complete: no half-made file
            assert when != "file"
            counts.append(None)
            continue
        with GameRecord.open(path, readonly=True) as rec:
            report = rec.verify()
            assert report.ok, report.message
            saved = rec.actions()
            assert saved == list(actions[:len(saved)]), f"kill {n}: not a prefix"
            assert [e.digest for e in rec.entries()] == list(digests[:len(saved) + 1])
        counts.append(len(saved))
        with Session.resume(path) as session:  # opens for writing: WAL recovery, then play on
            assert len(session.game.actions) == len(saved)
            session.play_bots()
            assert session.game.digest() == final
    print("kill counts:", counts, "of", len(actions))
    partial = {c for c in counts if c is not None and 0 < c < len(actions)}
    assert len(partial) >= 3, f"the kills should land while actions are being saved: {counts}"
    for path in tmp_path.iterdir():  # no half-made save under a real name
        assert path.name.startswith(".") or path.suffix == ".wargame" or path.name.endswith(("-wal", "-shm")), path
