"""``wargame join``, the text client: its commands, and a session against a real host."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wargame.commands.join import parse_command, summary
from wargame.rules.game import Game
from wargame.rules.seat_view import seat_view

from net_support import LIMIT, HostProcess

ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}


def _join(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wargame", "join", *args], input=stdin, text=True,
                          capture_output=True, timeout=LIMIT, env=ENV)


def test_commands_become_actions_of_the_clients_seat():
    assert parse_command("end", "riyadh") == {"type": "end_phase", "seat": "riyadh"}
    assert parse_command("accept p3", "ankara") == {"type": "accept", "seat": "ankara", "proposal": "p3"}
    assert parse_command('{"type": "end_phase"}', "islamabad") == {"type": "end_phase", "seat": "islamabad"}
    assert parse_command("  ", "ankara") is None
    assert parse_command("quit", "ankara") == "quit"
    for bad in ("accept", "dance", "[1]"):
        with pytest.raises(ValueError):
            parse_command(bad, "ankara")


def test_the_summary_shows_the_seats_own_lines_and_its_inbox():
    view = seat_view(Game("pact-2026", 3), "riyadh").to_dict()
    view["state"]["proposals"] = {"p9": {"status": "open", "to": ["riyadh"], "sender": "washington",
                                         "deal": "arms_sale", "terms": {"value": 1000}}}
    text = summary(view, "riyadh")
    assert f"budget {view['state']['seats']['riyadh']['budget']}" in text
    assert "proposal p9 from Washington: arms_sale" in text
    assert "scores: Ankara" in summary(seat_view(Game("pact-2026", 3), "public").to_dict(), "public")


def test_a_text_client_plays_its_seat_on_a_real_host(tmp_path):
    host = HostProcess(str(tmp_path / "g.wargame"), "--new", "--seed", "3", "--port", "0", cwd=tmp_path)
    try:
        url, codes = host.banner()
        done = _join(url, codes["ankara"].lower(), "--name", "lab-3", stdin="end\nend\nquit\n")
        wrong = _join(url, "NOPE-NOPE")
        host.wait_line("ankara joined (lab-3)", anywhere=True)
        host.wait_line("a wrong join code was tried from 127.0.0.1", anywhere=True)
    finally:
        assert host.stop() == 0
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "joined pact-2026 as Ankara" in out
    assert "accepted as entry 1" in out
    assert "refused: Ankara has already ended the diplomacy phase" in out
    assert "Ankara ends the diplomacy phase" in out
    assert wrong.returncode == 1
    assert wrong.stderr.strip().splitlines() == [
        "error: the host refused to join: this join code opens no seat of this game; check it with the facilitator"]


def test_join_without_a_host_or_with_a_bad_address_is_one_line():
    gone = _join("ws://127.0.0.1:9", "ABCD-EFGH")
    assert gone.returncode == 1
    assert gone.stderr.strip().splitlines() == [
        "error: no game host answers at ws://127.0.0.1:9 (is `wargame host` running there? check the "
        "address and the port)"]
    bad = _join("192.168.1.20", "ABCD-EFGH")
    assert bad.returncode == 2 and "is not a host address" in bad.stderr
