"""The game host on loopback: each role gets only its own view, acts only for itself, and an
action id is applied once however often it is sent."""
from __future__ import annotations

import asyncio
import re

import pytest

from wargame import actions as A
from wargame.net.client import HostRefused, RemoteGame
from wargame.storage import GameRecord

from net_support import SECRET_AMOUNT, close_all, code, hosting, run, secret_deposit


def _mentions(raw: list[str], token: str) -> bool:
    """Whether ``token`` stands in any received text on its own (not inside a longer id or number)."""
    pattern = re.compile(rf"(?<![\w.]){re.escape(token)}(?![\w.])")
    return any(pattern.search(text) for text in raw)


def test_a_secret_deal_never_reaches_another_seats_messages(tmp_path):
    async def play() -> tuple[dict[str, RemoteGame], tuple[str, str]]:
        async with hosting(tmp_path / "g.wargame") as host:
            roles = ("riyadh", "islamabad", "ankara", "washington", "facilitator", "public")
            c = {r: await RemoteGame.connect(host.url, code(host, r), keep_raw=True) for r in roles}
            sent = await c["riyadh"].act(secret_deposit())
            assert sent.accepted, sent.reason
            await c["islamabad"].wait_for_index(sent.log_index)
            proposal = c["islamabad"].view["state"]["proposals"]
            (pid,) = proposal
            taken = await c["islamabad"].act(A.Accept("islamabad", pid))
            assert taken.accepted, taken.reason
            for client in c.values():
                await client.wait_for_index(taken.log_index)
            signed = next(e for e in c["riyadh"].events if e["kind"] == "signed")
            await close_all(*c.values())
            return c, (pid, signed["data"]["commitment"])
    c, (pid, cid) = run(play())
    secrets = (pid, cid, str(SECRET_AMOUNT))
    for insider in ("riyadh", "islamabad", "facilitator"):
        for token in secrets:  # the search finds the secret where it is allowed to be
            assert _mentions(c[insider].raw, token), (insider, token)
    for outsider in ("ankara", "washington", "public"):
        for token in secrets:
            assert not _mentions(c[outsider].raw, token), (outsider, token)
        assert c[outsider].view["viewer"] == outsider
        assert all(e["public"] or outsider in e["seats"] for e in c[outsider].events)
    assert c["facilitator"].view["viewer"] == "facilitator"


def test_a_client_acting_for_another_seat_is_refused(tmp_path):
    async def play() -> None:
        async with hosting(tmp_path / "g.wargame", computer=("washington",)) as host:
            ankara = await RemoteGame.connect(host.url, code(host, "ankara"))
            before = host.room.log_index
            other = await ankara.act(A.EndPhase("riyadh"))
            assert (other.accepted, other.code) == (False, "seat")
            assert "Ankara" in other.reason and "Riyadh" in other.reason
            bot = await ankara.act(A.EndPhase("washington"))
            assert not bot.accepted
            projector = await RemoteGame.connect(host.url, code(host, "public"))
            shown = await projector.act(A.EndPhase("ankara"))
            assert (shown.accepted, shown.code) == (False, "seat")
            facilitator = await RemoteGame.connect(host.url, code(host, "facilitator"))
            seat_move = await facilitator.act(A.EndPhase("ankara"))
            assert (seat_move.accepted, seat_move.code) == (False, "seat")
            nonsense = await ankara.act({"type": "fly_to_the_moon"})
            assert (nonsense.accepted, nonsense.code) == (False, "form")
            assert host.room.log_index == before
            note = await facilitator.act(A.Note("facilitator", text="well played", event=0))
            assert note.accepted and note.log_index == before + 1
            await close_all(ankara, projector, facilitator)
    run(play())


def test_the_engine_refuses_with_its_reason(tmp_path):
    async def play() -> None:
        async with hosting(tmp_path / "g.wargame") as host:
            ankara = await RemoteGame.connect(host.url, code(host, "ankara"))
            done = await ankara.act(A.EndPhase("ankara"))
            again = await ankara.act(A.EndPhase("ankara"))
            assert done.accepted
            assert (again.accepted, again.code) == (False, "seat")
            assert again.reason == "Ankara has already ended the diplomacy phase"
            await ankara.close()
    run(play())


@pytest.mark.parametrize("wrong", ["", "AAAA-AAAA", "x" * 64])
def test_a_wrong_code_is_refused(tmp_path, wrong):
    async def play() -> None:
        async with hosting(tmp_path / "g.wargame") as host:
            if not wrong:  # a code typed in small letters and without its dash still opens the seat
                typed = code(host, "islamabad").replace("-", " ").lower()
                assert (await RemoteGame.connect(host.url, typed)).role == "islamabad"
                return
            with pytest.raises(HostRefused) as refused:
                await RemoteGame.connect(host.url, wrong)
            assert refused.value.code == "code"
            assert host.clients == {}
    run(play())


def test_the_same_action_id_is_applied_once_even_after_a_restart(tmp_path):
    path = tmp_path / "g.wargame"

    async def play(resume: bool) -> tuple[list, int]:
        async with hosting(path, resume=resume) as host:
            riyadh = await RemoteGame.connect(host.url, code(host, "riyadh"))
            answers = [await riyadh.act(secret_deposit(), action_id="deal-1") for _ in range(3)]
            await riyadh.close()
            return answers, host.room.log_index
    first, after = run(play(False))
    assert first[0].accepted and first[0].log_index == 1
    assert first[1:] == first[:1] * 2
    assert after == 1
    again, after_restart = run(play(True))
    assert again == first[:1] * 3
    assert after_restart == 1
    with GameRecord.open(path, readonly=True) as rec:
        assert [a.kind for a in rec.actions()] == ["propose"]


def test_ids_are_per_seat(tmp_path):
    async def play() -> None:
        async with hosting(tmp_path / "g.wargame") as host:
            a = await RemoteGame.connect(host.url, code(host, "ankara"))
            r = await RemoteGame.connect(host.url, code(host, "riyadh"))
            mine = await a.act(A.EndPhase("ankara"), action_id="same")
            theirs = await r.act(A.EndPhase("riyadh"), action_id="same")
            assert mine.accepted and theirs.accepted and theirs.log_index == mine.log_index + 1
            await close_all(a, r)
    run(play())


def test_a_reconnecting_client_catches_up_with_nothing_lost_or_doubled(tmp_path):
    async def play() -> None:
        async with hosting(tmp_path / "g.wargame") as host:
            leaving = await RemoteGame.connect(host.url, code(host, "riyadh"))
            staying = await RemoteGame.connect(host.url, code(host, "riyadh"))  # a team's second laptop
            ankara = await RemoteGame.connect(host.url, code(host, "ankara"))
            assert host.clients == {"riyadh": 2, "ankara": 1}
            await leaving.close()
            for clause in ("consultation", "assistance"):
                r = await ankara.act(A.Propose("ankara", "agreement", ("riyadh",), A.make_terms(clause=clause)))
                assert r.accepted, r.reason
            last = await ankara.act(A.EndPhase("ankara"))
            await staying.wait_for_index(last.log_index)
            assert leaving.log_index < last.log_index
            await leaving.reconnect()
            assert leaving.log_index == staying.log_index == last.log_index
            assert leaving.view == staying.view
            assert leaving.events == staying.events
            assert len(leaving.view["state"]["proposals"]) == 2
            await close_all(leaving, staying, ankara)
    run(play())


def test_an_action_sent_just_before_the_connection_drops_goes_in_once(tmp_path):
    from websockets.asyncio.client import connect
    from wargame.net.protocol import Act, Hello

    async def play() -> None:
        async with hosting(tmp_path / "g.wargame") as host:
            ws = await connect(host.url)
            await ws.send(Hello(code=code(host, "riyadh")).to_json())
            await ws.send(Act(action_id="lost-1", action=secret_deposit().to_dict()).to_json())
            await ws.close()  # gone before any answer was read
            back = await RemoteGame.connect(host.url, code(host, "riyadh"))
            retry = await back.act(secret_deposit(), action_id="lost-1")
            assert retry.accepted and retry.log_index == 1
            assert host.room.log_index == 1
            assert len(back.view["state"]["proposals"]) == 1
            await back.close()
    run(play())


def test_simultaneous_actions_go_in_one_logged_order(tmp_path):
    async def play() -> None:
        async with hosting(tmp_path / "g.wargame") as host:
            seats = ("ankara", "riyadh", "islamabad", "washington")
            clients = [await RemoteGame.connect(host.url, code(host, s)) for s in seats]
            results = await asyncio.gather(*(c.act(A.EndPhase(s)) for c, s in zip(clients, seats)))
            assert sorted(r.log_index for r in results) == [1, 2, 3, 4]
            logged = {i: a.seat for i, a in enumerate(host.room.game.actions, 1)}
            assert {r.log_index: s for r, s in zip(results, seats)} == logged
            for c in clients:  # everyone ends up at the same point, the investment phase
                await c.wait_for_index(4)
                assert c.view["state"]["phase"] == "investment"
                await c.close()
    run(play())


def test_computer_seats_play_and_every_client_sees_their_moves(tmp_path):
    async def play() -> None:
        async with hosting(tmp_path / "g.wargame", computer=("riyadh", "islamabad", "washington")) as host:
            ankara = await RemoteGame.connect(host.url, code(host, "ankara"))
            done = await ankara.act(A.EndPhase("ankara"))
            assert done.accepted
            await host.computer_done()
            await ankara.wait_for_index(host.room.log_index)
            assert ankara.view["state"]["phase"] == "investment"
            movers = {a.seat for a in host.room.game.actions}
            assert movers == {"ankara", "riyadh", "islamabad", "washington"}
            await ankara.close()
    run(play())
