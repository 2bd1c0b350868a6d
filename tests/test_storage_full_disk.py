"""A disk that fills mid-game (issue 10): a clear error, the game and its save still agree, and
the save opens and continues once space is freed.

Runs on a small tmpfs mounted for the test (Linux, as root); skips cleanly elsewhere.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from wargame.bots import make_bots
from wargame.errors import WargameError
from wargame.scenario import load_scenario
from wargame.storage.session import Session, seats_for


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 600 KB tmpfs at a fresh folder, unmounted afterwards."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs Linux and root")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)],
                          capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, timeout=30)


def _fill(folder: Path, leave: int) -> Path:
    """Fill the disk holding ``folder`` but ``leave`` bytes; returns the filler file."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"x" * 4096)
    except OSError:
        pass
    os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
    os.close(fd)
    return filler


@pytest.mark.timeout(120)
def test_a_full_disk_stops_the_game_cleanly_and_the_save_continues(small_disk):
    bots = make_bots(1)
    session = Session.new(small_disk / "class.wargame", load_scenario("pact-2026"), 1, seats_for(bots))
    filler = _fill(small_disk, 40_960)
    error: WargameError | None = None
    applied = 0
    while applied < 5_000 and not session.game.over:
        mover = session.game.acting_seats()[0]
        try:
            session.apply(bots[mover].choose(session.game))
        except WargameError as err:
            error = err
            break
        applied += 1
    assert error is not None, "the disk never filled"
    assert "disk is full" in str(error) and "Free some space" in str(error)
    assert len(session.game.actions) == applied  # the game is the save's, not one move ahead
    filler.unlink()
    mover = session.game.acting_seats()[0]
    session.apply(bots[mover].choose(session.game))  # space freed: the same session goes on
    session.close()
    with Session.resume(small_disk / "class.wargame") as again:  # verifies the whole chain
        assert len(again.game.actions) == applied + 1
