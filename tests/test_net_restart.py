"""``wargame host`` killed with SIGKILL restarts from its save; the clients reconnect with the
same codes and find every confirmed action, once."""
from __future__ import annotations

import asyncio
import re

from wargame import actions as A
from wargame.net.client import RemoteGame
from wargame.storage import GameRecord

from net_support import LIMIT, HostProcess, close_all, run, secret_deposit


def test_a_killed_host_restarts_from_its_save_and_clients_reconnect(tmp_path):
    save = tmp_path / "class.wargame"
    first = HostProcess(str(save), "--new", "--seed", "3", "--port", "0", cwd=tmp_path)
    url, codes = first.banner()
    port = url.rsplit(":", 1)[1]

    async def play() -> tuple[int, dict]:
        riyadh = await RemoteGame.connect(url, codes["riyadh"])
        ankara = await RemoteGame.connect(url, codes["ankara"])
        deal = await riyadh.act(secret_deposit(), action_id="deal-1")
        done = await ankara.act(A.EndPhase("ankara"), action_id="end-1")
        assert deal.accepted and done.accepted
        await riyadh.wait_for_index(done.log_index)
        before = riyadh.log_index
        await asyncio.to_thread(first.kill)
        await asyncio.wait_for(asyncio.gather(riyadh.wait_closed(), ankara.wait_closed()), LIMIT)
        assert not riyadh.connected and not ankara.connected

        second = HostProcess(str(save), "--port", port, cwd=tmp_path)
        try:
            assert await asyncio.to_thread(second.banner) == (url, codes)
            await riyadh.reconnect()
            await ankara.reconnect()
            assert riyadh.log_index == ankara.log_index == before
            assert await riyadh.act(secret_deposit(), action_id="deal-1") == deal
            assert await ankara.act(A.EndPhase("ankara"), action_id="end-1") == done
            assert riyadh.log_index == before
            own = [p for p in riyadh.view["state"]["proposals"].values() if p["sender"] == "riyadh"]
            assert len(own) == 1
            onward = await riyadh.act(A.EndPhase("riyadh"))
            assert onward.accepted and onward.log_index == before + 1
            await ankara.wait_for_index(onward.log_index)
            seen = ankara.view
            await close_all(riyadh, ankara)
        finally:
            assert await asyncio.to_thread(second.stop) == 0
        return onward.log_index, seen
    last, ankara_view = run(play())
    with GameRecord.open(save, readonly=True) as rec:
        assert rec.verify().ok
        actions = rec.actions()
    assert len(actions) == last
    mine = [(a.seat, a.kind) for a in actions if a.seat in ("riyadh", "ankara")]
    assert mine == [("riyadh", "propose"), ("ankara", "end_phase"), ("riyadh", "end_phase")]
    assert not re.search(r"\b1437\b", str(ankara_view))


def test_a_restarted_host_keeps_the_computer_seats_of_its_save(tmp_path):
    save = tmp_path / "class.wargame"
    first = HostProcess(str(save), "--new", "--port", "0", "--bots", "washington,riyadh", cwd=tmp_path)
    first.banner()
    assert first.stop() == 0
    again = HostProcess(str(save), "--port", "0", "--bots", "ankara", cwd=tmp_path)
    try:
        again.banner()
    finally:
        assert again.stop() == 0
    computer = [line.split()[0] for line in again.seen if "played by the computer" in line]
    assert computer == ["Ankara", "Riyadh", "Washington"]
    with GameRecord.open(save, readonly=True) as rec:  # Ankara was handed over for that run only
        assert [s.seat for s in rec.seats if s.player == "computer"] == ["riyadh", "washington"]


def test_host_refuses_a_taken_port_and_a_wrong_address_in_one_line(tmp_path):
    first = HostProcess(str(tmp_path / "a.wargame"), "--new", "--port", "0", cwd=tmp_path)
    try:
        url, _ = first.banner()
        port = url.rsplit(":", 1)[1]
        taken = HostProcess(str(tmp_path / "b.wargame"), "--new", "--port", port, cwd=tmp_path)
        assert taken.proc.wait(timeout=LIMIT) == 1
        line = taken.wait_line("error:")
        assert f"port {port} is in use" in line
        assert "Traceback" not in " ".join(taken.seen)
        elsewhere = HostProcess(str(tmp_path / "c.wargame"), "--new", "--port", "0", "--bind", "192.0.2.1",
                                cwd=tmp_path)
        assert elsewhere.proc.wait(timeout=LIMIT) == 1
        assert "192.0.2.1 is not an address of this machine" in elsewhere.wait_line("error:")
        again = HostProcess(str(tmp_path / "a.wargame"), "--port", "0", cwd=tmp_path)
        assert again.proc.wait(timeout=LIMIT) == 1
        assert "open in another window/process" in again.wait_line("error:")
    finally:
        assert first.stop() == 0
    assert "host stopped" in first.wait_line("host stopped")
