"""Two writers (issue 10): a game open for play holds a lock; a second writer is refused.

SQLite: the ``NAME.wargame-lock`` marker, locked by the OS for as long as a session holds it;
a second ``wargame resume`` or app window gets one line naming the holder's pid and host and
leaves the save byte-identical; read-only commands still work; a marker left by a killed
process is taken over; where the file system has no locks the marker alone counts. The app
detects a save advanced elsewhere before it appends, says so and reloads. PostgreSQL: an
advisory lock per game (skipped unless ``WARGAME_TEST_PG_URL`` is set). Also: a save whose seat
row is missing is called damaged by every command.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

from test_storage_support import cli, pg_schema_url, play_saved, scenario
from wargame import actions as A
from wargame.bots import Bot, make_bots
from wargame.storage import GameRecord, SaveError, SeatInfo, Session
from wargame.storage import lock as locks
from wargame.storage.lock import SaveAdvanced, SaveInUse
from wargame.types import SEAT_NAMES, SEATS

ROOT = Path(__file__).resolve().parents[1]
HOST = socket.gethostname()
SEED = 7
PERSON = "ankara"

HOLD = """
import sys
from wargame.bots import Bot
from wargame.storage import Session
move = "--move" in sys.argv
args = [a for a in sys.argv[1:] if a != "--move"]
session = Session.resume(args[0], int(args[1]) if len(args) > 1 else None)
if move:
    seat = session.game.acting_seats()[0]
    session.apply(Bot(seat, session.record.seed).choose(session.game))
print("ready", flush=True)
sys.stdin.readline()
session.close()
print("closed", flush=True)
"""

APPEND_ONE = """
import sys
from wargame.bots import Bot
from wargame.storage import Session
with Session.resume(sys.argv[1]) as session:
    seat = session.game.acting_seats()[0]
    session.apply(Bot(seat, session.record.seed).choose(session.game))
    print(len(session.game.actions), flush=True)
"""


def _seats() -> list[SeatInfo]:
    bots = make_bots(SEED)
    return [SeatInfo(s, "person", SEAT_NAMES[s]) if s == PERSON else
            SeatInfo(s, "computer", f"Computer ({bots[s].style})", bots[s].style) for s in SEATS]


def person_save(path: Path) -> Path:
    """A save where Ankara (a person) must act: the computer seats have played up to there."""
    with Session.new(path, scenario(3), SEED, _seats()) as session:
        session.play_bots()
        assert PERSON in session.game.acting_seats()
    return path


def _python(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@contextlib.contextmanager
def held_elsewhere(target: str | Path, game_id: int | None = None, *,
                   move: bool = False) -> Iterator[subprocess.Popen]:
    """Another process with the game open for play (until the block ends); with ``move`` it
    plays one move first."""
    args = [str(target)] + ([str(game_id)] if game_id is not None else []) + (["--move"] if move else [])
    proc = _python(HOLD, *args)
    try:
        line = proc.stdout.readline().strip()
        assert line == "ready", (line, proc.stderr.read() if proc.poll() is not None else "")
        yield proc
    finally:
        if proc.poll() is None:
            proc.stdin.write("\n")
            proc.stdin.flush()
        proc.communicate(timeout=60)


def wargame(*args: str) -> subprocess.CompletedProcess:
    """The ``wargame`` command in a process of its own."""
    return subprocess.run([sys.executable, "-m", "wargame", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def files(path: Path) -> dict[str, bytes]:
    """The save and its SQLite companions, byte for byte (the lock marker apart)."""
    return {p.name: p.read_bytes() for p in path.parent.iterdir()
            if p.name.startswith(path.name) and not p.name.endswith(locks.LOCK_SUFFIX)}


def marker(path: Path) -> dict:
    return json.loads(locks.lock_path(path).read_text())


def in_use_line(pid: int) -> str:
    return f"this game is open in another window/process (pid {pid} on host {HOST})"


# ------------------------------------------------------------------ SQLite: processes
def test_a_second_resume_is_refused_and_the_file_left_as_it_was(tmp_path):
    path = person_save(tmp_path / "game.wargame")
    with held_elsewhere(path) as other:
        assert marker(path)["pid"] == other.pid and marker(path)["host"] == HOST
        before = files(path)
        result = wargame("resume", path, "--quiet")
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 1 and len(lines) == 1, result.stderr
        assert lines[0].startswith(f"error: {path}: ") and in_use_line(other.pid) in lines[0]
        assert "Traceback" not in result.stderr
        with pytest.raises(SaveInUse, match=r"open in another window/process \(pid \d+") as caught:
            Session.resume(path)
        assert caught.value.holder == locks.Holder(other.pid, HOST)
        assert files(path) == before
        assert marker(path)["pid"] == other.pid
    assert not locks.lock_path(path).exists(), "closing the game deletes its marker"
    result = wargame("resume", path, "--quiet")
    assert result.returncode == 0, result.stderr


def test_read_only_commands_work_while_the_game_is_played_elsewhere(tmp_path):
    path = person_save(tmp_path / "game.wargame")
    with held_elsewhere(path):
        for args in (["replay", path], ["replay", path, "--verify"],
                     ["report", path, "-o", tmp_path / "report.html", "-q"],
                     ["export-seat", path, "--seat", "riyadh", "-o", tmp_path / "riyadh.wargame-view", "-q"],
                     ["saves", "--saves-dir", tmp_path]):
            result = cli(*args)
            assert result.returncode == 0, (args, result.stderr)
        assert (tmp_path / "report.html").stat().st_size > 0 and (tmp_path / "riyadh.wargame-view").exists()
        with GameRecord.open(path, readonly=True) as rec:
            assert rec.action_count() > 0


def test_a_lock_left_by_a_killed_process_is_taken_over(tmp_path):
    path = person_save(tmp_path / "game.wargame")
    other = _python(HOLD, str(path))
    assert other.stdout.readline().strip() == "ready"
    other.kill()
    other.communicate(timeout=60)
    assert marker(path)["pid"] == other.pid, "a killed process leaves its marker"
    with Session.resume(path) as session:
        assert marker(path)["pid"] == os.getpid()
        session.apply(A.EndPhase(PERSON))
    assert not locks.lock_path(path).exists()
    result = wargame("resume", path, "--quiet")
    assert result.returncode == 0, result.stderr


def test_the_same_process_cannot_open_a_game_twice_for_play(tmp_path):
    path = person_save(tmp_path / "game.wargame")
    with Session.resume(path):
        with pytest.raises(SaveInUse) as caught:
            Session.resume(path)
        assert in_use_line(os.getpid()) in str(caught.value)
        with GameRecord.open(path, readonly=True) as rec:  # reading still works
            assert rec.action_count() > 0
    with Session.resume(path):
        pass


def test_a_new_game_holds_its_lock_from_the_start(tmp_path):
    path = tmp_path / "new.wargame"
    with Session.new(path, scenario(3), SEED, _seats()):
        assert marker(path)["pid"] == os.getpid()
        result = wargame("resume", path, "--quiet")
        assert result.returncode == 1 and in_use_line(os.getpid()) in result.stderr
    assert not locks.lock_path(path).exists()


def test_a_refused_open_leaves_no_marker(tmp_path):
    with pytest.raises(SaveError, match="no such file"):
        Session.resume(tmp_path / "none.wargame")
    bad = tmp_path / "bad.wargame"
    bad.write_text("not a save")
    with pytest.raises(SaveError, match="not a Layered Deterrence save"):
        Session.resume(bad)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.wargame"]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_without_os_locks_the_marker_alone_counts(tmp_path, monkeypatch):
    def no_locks(fh):
        raise OSError(errno.ENOLCK, "No locks available")
    monkeypatch.setattr(locks, "_os_lock", no_locks)
    path = person_save(tmp_path / "game.wargame")
    with Session.resume(path):
        assert marker(path)["pid"] == os.getpid()
        with pytest.raises(SaveInUse, match=f"pid {os.getpid()} on host"):
            Session.resume(path)
    assert not locks.lock_path(path).exists()
    # a marker from a process of this host that no longer runs: stale, taken over
    locks.lock_path(path).write_text(json.dumps({"pid": _dead_pid(), "host": HOST}))
    with Session.resume(path):
        assert marker(path)["pid"] == os.getpid()
    # a live process of this host, or another host: honoured
    with held_elsewhere(path) as other:
        with pytest.raises(SaveInUse, match=f"pid {other.pid} on host {HOST}"):
            Session.resume(path)
    locks.lock_path(path).write_text(json.dumps({"pid": 4242, "host": "lab-pc-7"}))
    before = files(path)
    with pytest.raises(SaveInUse, match="pid 4242 on host lab-pc-7"):
        Session.resume(path)
    assert files(path) == before and marker(path)["host"] == "lab-pc-7"


def test_a_session_that_lost_its_lock_sees_the_save_advanced_and_reloads(tmp_path):
    path = person_save(tmp_path / "game.wargame")
    with Session.resume(path) as session:
        ours = len(session.game.actions)
        session.record._store.play_lock.release()  # the lock is lost (its marker deleted)
        other = subprocess.run([sys.executable, "-c", APPEND_ONE, str(path)], cwd=ROOT,
                               capture_output=True, text=True, timeout=300)
        assert other.returncode == 0, other.stderr
        assert int(other.stdout) == ours + 1
        with pytest.raises(SaveAdvanced, match=r"holds \d+ actions.*Ankara's move \(end phase\) was not saved"):
            session.apply(A.EndPhase(PERSON))
        assert len(session.game.actions) == ours + 1 and marker(path)["pid"] == os.getpid()
        with GameRecord.open(path, readonly=True) as rec:
            assert rec.action_count() == ours + 1 and rec.load().digest() == session.game.digest()
        session.play_bots()  # the reloaded game goes on and is saved
        count = len(session.game.actions)
    with GameRecord.open(path, readonly=True) as rec:
        assert rec.action_count() == count and rec.verify().ok


def test_a_marker_deleted_by_hand_then_taken_by_another_program(tmp_path):
    path = person_save(tmp_path / "game.wargame")
    with Session.resume(path) as session:
        ours = len(session.game.actions)
        locks.lock_path(path).unlink()  # deleted by hand: the OS lock now guards nothing
        with held_elsewhere(path, move=True) as other:
            with pytest.raises(SaveAdvanced, match=rf"Ankara's move \(end phase\) was not saved; .*"
                               rf"open in another window/process \(pid {other.pid} on host"):
                session.apply(A.EndPhase(PERSON))
            assert len(session.game.actions) == ours + 1, "reloaded"
            with pytest.raises(SaveInUse, match=f"pid {other.pid} on host {HOST}"):
                session.apply(A.EndPhase(PERSON))
            assert marker(path)["pid"] == other.pid
        seat = session.game.acting_seats()[0]  # the other program closed: play on here
        session.apply(Bot(seat, SEED).choose(session.game))
        assert marker(path)["pid"] == os.getpid()
        count = len(session.game.actions)
    with GameRecord.open(path, readonly=True) as rec:
        assert rec.action_count() == count == ours + 2 and rec.verify().ok


# ------------------------------------------------------------------ the app
@pytest.fixture
def app_env(tmp_path, monkeypatch):
    pytest.importorskip("PySide6")
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    from PySide6.QtWidgets import QMessageBox
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


def test_a_second_app_window_gets_a_dialog(qtbot, tmp_path, app_env):
    from ui import settings
    from ui.app import App, ensure_app
    ensure_app()
    path = person_save(tmp_path / "game.wargame")
    settings.add_recent_file(path)
    with held_elsewhere(path) as other:
        before = files(path)
        app = App()
        assert app.open_path(str(path)) is False
        assert len(app_env) == 1 and in_use_line(other.pid) in app_env[0][1] and "\n" not in app_env[0][1]
        assert app.window is None and files(path) == before
        assert str(path) in settings.recent_files(), "a game open elsewhere stays in the recent files"
    assert app.open_path(str(path)) is True
    try:
        assert marker(path)["pid"] == os.getpid()
        result = wargame("resume", path, "--quiet")  # now the app is the first writer
        assert result.returncode == 1 and in_use_line(os.getpid()) in result.stderr
        assert app.open_path(str(path)) is True, "the game on screen reopens in its own window"
    finally:
        app.window.close()
    assert not locks.lock_path(path).exists(), "closing the window releases the game"


def test_the_app_says_a_save_advanced_elsewhere_and_reloads(qtbot, tmp_path, app_env):
    from PySide6.QtWidgets import QMessageBox
    from ui.app import App, ensure_app
    ensure_app()
    path = person_save(tmp_path / "game.wargame")
    app = App()
    assert app.open_path(str(path))
    window = app.window
    qtbot.addWidget(window)
    first = window.controller
    ours = len(first.game.actions)
    first.session.record._store.play_lock.release()  # the lock is lost: another process appends
    other = subprocess.run([sys.executable, "-c", APPEND_ONE, str(path)], cwd=ROOT,
                           capture_output=True, text=True, timeout=300)
    assert other.returncode == 0, other.stderr
    assert first.apply(A.EndPhase(PERSON)) is None
    box = window.error_box
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Game changed elsewhere"
    assert "was advanced elsewhere" in box.text() and "Ankara's move (end phase) was not saved" in box.text()
    qtbot.waitUntil(lambda: window.controller is not first, timeout=10_000)
    again = window.controller
    assert len(again.game.actions) == ours + 1 and again.session is not None
    with GameRecord.open(path, readonly=True) as rec:
        assert rec.action_count() == ours + 1 and rec.load().digest() == again.game.digest()
    assert marker(path)["pid"] == os.getpid(), "the reloaded window holds the lock again"
    window.close()
    assert not locks.lock_path(path).exists()


# ------------------------------------------------------------------ a seat row missing
def _without_seat(good: Path, tmp_path: Path) -> Path:
    path = tmp_path / "seatless.wargame"
    shutil.copyfile(good, path)
    con = sqlite3.connect(path)
    con.execute("DELETE FROM seats WHERE seat = 'islamabad'")
    con.commit()
    con.close()
    return path


def test_a_missing_seat_row_is_a_damaged_save_in_every_command(tmp_path, app_env):
    good = tmp_path / "good.wargame"
    play_saved(good).close()
    path = _without_seat(good, tmp_path)
    before = path.read_bytes()
    commands = [["replay", path], ["replay", path, "--verify"], ["replay", path, "--at", "2"],
                ["report", path, "-o", tmp_path / "out.html", "-q"], ["resume", path, "--quiet"],
                ["branch", path, "--at", "2", "-o", tmp_path / "new.wargame"],
                ["export-seat", path, "--seat", "ankara", "-o", tmp_path / "out.wargame-view", "-q"]]
    for args in commands:
        result = cli(*args)
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 1 and len(lines) == 1, (args, result.stderr)
        assert lines[0] == f"error: {path}: is damaged: its seats table has no row for Islamabad. " \
                           "Use a backup or another copy of the save.", (args, lines)
    assert path.read_bytes() == before and not (tmp_path / "new.wargame").exists()
    from ui.app import App, ensure_app
    ensure_app()
    assert App().open_path(str(path)) is False
    assert len(app_env) == 1 and "has no row for Islamabad" in app_env[0][1]


# ------------------------------------------------------------------ PostgreSQL
@pytest.fixture
def pg_url():
    with pg_schema_url() as url:
        yield url


def _pg_game(url: str) -> int:
    with Session.new(url, scenario(3), SEED, _seats(), title="two writers") as session:
        session.play_bots()
        return session.record.game_id


@pytest.mark.postgres
def test_postgres_second_writer_is_refused_until_the_first_is_gone(pg_url):
    game = _pg_game(pg_url)
    other_game = _pg_game(pg_url)
    with held_elsewhere(pg_url, game) as other:
        result = wargame("resume", pg_url, "--game", game, "--quiet")
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 1 and len(lines) == 1, result.stderr
        assert in_use_line(other.pid) in lines[0] and ":wargame@" not in lines[0], "the password is hidden"
        with pytest.raises(SaveInUse, match=f"pid {other.pid} on host {HOST}"):
            Session.resume(pg_url, game)
        with GameRecord.open(pg_url, game, readonly=True) as rec:  # reading still works
            count = rec.action_count()
            assert rec.verify().ok
        assert cli("replay", pg_url, "--game", game, "--quiet").returncode == 0
        with Session.resume(pg_url, other_game):  # another game of the database is free
            pass
    with Session.resume(pg_url, game) as session:
        assert len(session.game.actions) == count
        with pytest.raises(SaveInUse, match=f"pid {os.getpid()} on host {HOST}"):
            Session.resume(pg_url, game)
    with Session.resume(pg_url, game):
        pass


@pytest.mark.postgres
def test_postgres_lock_of_a_killed_process_goes_with_its_connection(pg_url):
    game = _pg_game(pg_url)
    other = _python(HOLD, pg_url, str(game))
    assert other.stdout.readline().strip() == "ready"
    with pytest.raises(SaveInUse):
        Session.resume(pg_url, game)
    other.kill()
    other.communicate(timeout=60)
    # the server ends the dead client's session as soon as it sees the socket closed
    for _ in range(600):
        try:
            session = Session.resume(pg_url, game)
            break
        except SaveInUse:
            time.sleep(0.05)
    else:
        pytest.fail("the killed process's advisory lock was never released")
    with session:
        session.apply(A.EndPhase(PERSON))
