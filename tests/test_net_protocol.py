"""The message schema: every message typed and validated, versioned, refused with one clear reason."""
from __future__ import annotations

import json

import pytest
from websockets.asyncio.client import connect

from wargame.net.protocol import (
    PROTOCOL_VERSION, Act, Events, Hello, ProtocolError, Result, View, Welcome, parse_message,
)

from net_support import code, hosting, run


@pytest.mark.parametrize("msg", [
    Hello(code="ABCD-EFGH", since=3), Welcome(role="ankara", scenario="pact-2026", log_index=0),
    View(log_index=2, view={"viewer": "ankara"}), Events(log_index=1, events=[{"kind": "x"}]),
    Act(action_id="a-1", action={"type": "end_phase", "seat": "ankara"}),
    Result(action_id="a-1", accepted=False, reason="no", code="seat"),
])
def test_every_message_round_trips(msg):
    text = msg.to_json()
    assert json.loads(text)["v"] == PROTOCOL_VERSION
    assert parse_message(text) == msg


@pytest.mark.parametrize("text, code_, words", [
    ("not json", "form", "not JSON"),
    ("[1, 2]", "form", "JSON object"),
    ('{"v": 99, "type": "hello", "code": "x"}', "version", "version 99"),
    ('{"v": 1, "type": "teleport"}', "form", "bad message"),
    ('{"v": 1, "type": "hello"}', "form", "code"),
    ('{"v": 1, "type": "act", "action_id": "has spaces", "action": {}}', "form", "action_id"),
    ('{"v": 1, "type": "hello", "code": "x", "extra": 1}', "form", "extra"),
])
def test_bad_messages_are_refused_with_a_reason(text, code_, words):
    with pytest.raises(ProtocolError) as err:
        parse_message(text)
    assert err.value.code == code_
    assert words in err.value.reason


def test_the_host_answers_a_bad_hello_and_a_bad_message_with_an_error(tmp_path):
    async def play() -> tuple[dict, dict, dict]:
        async with hosting(tmp_path / "g.wargame") as host:
            async with connect(host.url) as ws:
                await ws.send('{"v": 2, "type": "hello", "code": "x"}')
                old = json.loads(await ws.recv())
            async with connect(host.url) as ws:
                await ws.send(Hello(code=code(host, "ankara")).to_json())
                while json.loads(await ws.recv())["type"] != "view":
                    pass
                await ws.send("{]")
                junk = json.loads(await ws.recv())
                await ws.send(Hello(code=code(host, "ankara")).to_json())
                second_hello = json.loads(await ws.recv())
            return old, junk, second_hello
    old, junk, second_hello = run(play())
    assert (old["type"], old["code"]) == ("error", "version")
    assert (junk["type"], junk["code"]) == ("error", "form")
    assert second_hello["type"] == "error" and "only actions" in second_hello["reason"]
