"""Bad input: truncated, corrupted, foreign, newer-format and read-only files.

Each gets a clear SaveError (which file, what is wrong, what to do), a one-line message and
exit status 1 on the command line, and the failed open leaves the file exactly as it was.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from wargame.storage import GameRecord, SaveError, Session
from wargame.storage.models import FORMAT_VERSION

from test_storage_support import SEED, file_state, play_saved, reference
from test_storage_support import cli as _cli

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + b"\x00" * 64


@pytest.fixture(scope="module")
def good_save(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("good") / "good.wargame"
    play_saved(path).close()
    return path


def _copy(good: Path, tmp_path: Path, name: str = "bad.wargame") -> Path:
    path = tmp_path / name
    shutil.copyfile(good, path)
    return path


def _foreign_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    con.execute("INSERT INTO contacts VALUES ('Ada', '123')")
    con.commit()
    con.close()


def _make(kind: str, good: Path, tmp_path: Path) -> Path:
    path = tmp_path / "bad.wargame"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("These are my notes about the game.\nNot a save.\n")
    elif kind == "png":
        path.write_bytes(PNG)
    elif kind == "foreign-sqlite":
        _foreign_sqlite(path)
    elif kind == "empty-sqlite":
        sqlite3.connect(path).execute("PRAGMA user_version = 1").connection.close()
    elif kind == "truncated-half":
        data = good.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif kind == "truncated-header":
        path.write_bytes(good.read_bytes()[:10])
    elif kind == "truncated-page":
        path.write_bytes(good.read_bytes()[:1000])
    elif kind == "corrupt-schema":
        data = bytearray(good.read_bytes())
        data[100:4096] = b"\xa5" * (4096 - 100)  # the b-tree page of the schema
        path.write_bytes(bytes(data))
    elif kind == "newer":
        _copy(good, tmp_path)
        con = sqlite3.connect(path)
        con.execute("UPDATE wargame_format SET format_version = ?, app_version = '9.0'", (FORMAT_VERSION + 1,))
        con.commit()
        con.close()
    elif kind == "no-format":
        _copy(good, tmp_path)
        con = sqlite3.connect(path)
        con.execute("DROP TABLE wargame_format")
        con.commit()
        con.close()
    else:
        raise AssertionError(kind)
    return path


CASES = {
    "empty": "is empty",
    "text": "not a Layered Deterrence save (it looks like a text file)",
    "png": "not a Layered Deterrence save (it looks like a PNG image)",
    "foreign-sqlite": "SQLite database but not a Layered Deterrence save (its tables are contacts)",
    "empty-sqlite": "not a Layered Deterrence save (an empty database)",
    "truncated-half": "is truncated",
    "truncated-header": "is truncated",
    "truncated-page": "is truncated",
    "corrupt-schema": "damaged",
    "newer": "newer format",
    "no-format": "damaged: its format table is missing",
}


def _cli_process(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m wargame ARGS`` in a child process."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run([sys.executable, "-m", "wargame", *args], capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.mark.parametrize("kind", sorted(CASES))
@pytest.mark.parametrize("readonly", [False, True])
def test_bad_file_is_refused_and_left_unchanged(kind, readonly, good_save, tmp_path):
    path = _make(kind, good_save, tmp_path)
    before = file_state(path)
    with pytest.raises(SaveError) as info:
        GameRecord.open(path, readonly=readonly)
    err = info.value
    assert err.path == str(path) and CASES[kind] in err.problem, err
    assert err.advice, "a bad file needs advice on what to do"
    assert str(err).startswith(f"{path}: ") and "\n" not in str(err)
    assert file_state(path) == before


@pytest.mark.parametrize("kind", ["text", "png", "foreign-sqlite", "truncated-half", "newer", "empty"])
def test_bad_file_on_the_command_line(kind, good_save, tmp_path):
    path = _make(kind, good_save, tmp_path)
    before = file_state(path)
    for args in (["replay", str(path), "--verify"], ["replay", str(path), "--at", "2"],
                 ["resume", str(path)], ["branch", str(path), "--at", "1", "-o", str(tmp_path / "new.wargame")]):
        result = _cli(*args)
        assert result.returncode == 1, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: {path}: "), result.stderr
        assert CASES[kind] in lines[0]
        assert "Traceback" not in result.stderr and result.stdout == ""
    assert file_state(path) == before
    assert not (tmp_path / "new.wargame").exists()


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(SaveError, match="no such file"):
        GameRecord.open(tmp_path / "nothing.wargame")
    with pytest.raises(SaveError, match="is a folder"):
        GameRecord.open(tmp_path)
    result = _cli_process("replay", str(tmp_path / "nothing.wargame"))
    assert result.returncode == 1 and "no such file" in result.stderr and "Traceback" not in result.stderr


def test_usage_error_exits_2(tmp_path):
    result = _cli_process("branch", str(tmp_path / "x.wargame"))
    assert result.returncode == 2


@pytest.fixture
def readonly_save(good_save, tmp_path):
    path = _copy(good_save, tmp_path, "locked.wargame")
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    yield path
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_readonly_file_opens_readonly_and_refuses_writing(readonly_save):
    before = file_state(readonly_save)
    with pytest.raises(SaveError) as info:
        GameRecord.open(readonly_save)
    assert "read-only" in info.value.problem and "copy it" in info.value.advice
    with pytest.raises(SaveError, match="read-only"):
        Session.resume(readonly_save)
    assert file_state(readonly_save) == before
    with GameRecord.open(readonly_save, readonly=True) as rec:
        assert rec.load().digest() == reference(SEED, 3)[2]
        assert rec.verify().ok
    assert file_state(readonly_save) == before


def test_readonly_file_on_the_command_line(readonly_save):
    before = file_state(readonly_save)
    assert _cli("replay", str(readonly_save), "--verify").returncode == 0
    result = _cli_process("resume", str(readonly_save))
    assert result.returncode == 1 and "read-only" in result.stderr and len(result.stderr.splitlines()) == 1
    assert file_state(readonly_save) == before


def test_successful_readonly_open_changes_nothing(good_save, tmp_path):
    path = _copy(good_save, tmp_path)
    before = file_state(path)
    with GameRecord.open(path, readonly=True) as rec:
        rec.load()
        rec.verify()
    assert file_state(path) == before


@pytest.mark.parametrize("where", [0.3, 0.5, 0.7, 0.9])
def test_corruption_inside_is_caught(where, good_save, tmp_path):
    """Garbage somewhere in the file: opening, loading or verifying must say so, never crash."""
    path = _copy(good_save, tmp_path)
    data = bytearray(path.read_bytes())
    start = int(len(data) * where) // 4096 * 4096
    data[start:start + 4096] = bytes((i * 37 + 11) % 256 for i in range(4096))
    path.write_bytes(bytes(data))
    try:
        with GameRecord.open(path, readonly=True) as rec:
            rec.load()
            report = rec.verify()
        assert not report.ok, "the damage must be found"
        assert report.message.startswith(str(path))
    except SaveError as err:
        assert err.path == str(path) and "damaged" in err.problem
    result = _cli("replay", str(path), "--verify")
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    print(result.stderr)


def test_existing_file_is_never_overwritten(good_save, tmp_path):
    path = _copy(good_save, tmp_path)
    before = file_state(path)
    with pytest.raises(SaveError, match="already exists"):
        play_saved(path)
    result = _cli("play", "--save", str(path), "--quiet")
    assert result.returncode == 1 and "already exists" in result.stderr
    assert file_state(path) == before


def test_interrupted_rollback_transaction_is_repaired(good_save, tmp_path):
    """A save left with a hot ``-journal`` (killed inside a rollback-mode transaction) opens:
    SQLite's recovery restores it as it was before that transaction."""
    path = _copy(good_save, tmp_path)
    script = (
        "import os, sqlite3, sys\n"
        "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "con.execute('PRAGMA journal_mode=DELETE'); con.execute('PRAGMA cache_size=1')\n"
        "con.execute('BEGIN IMMEDIATE')\n"
        "con.execute(\"UPDATE games SET title = 'half-written'\")\n"
        "con.execute(\"UPDATE log_entries SET events = events || ' '\")\n"
        "os._exit(9)\n")
    result = subprocess.run([sys.executable, "-c", script, str(path)], timeout=60)
    assert result.returncode == 9
    journal = tmp_path / "bad.wargame-journal"
    assert journal.exists() and journal.stat().st_size > 0
    with GameRecord.open(path, readonly=True) as rec:
        assert rec.title == "" and rec.verify().ok


def test_sqlite_url_is_a_file(good_save, tmp_path):
    path = _copy(good_save, tmp_path)
    with GameRecord.open(f"sqlite:///{path}", readonly=True) as rec:
        assert rec.path == path and rec.action_count() == len(reference(SEED, 3)[0])
