"""``wargame join URL CODE``: a minimal text client of ``wargame host``, for trying it by hand.

It prints the seat's situation and every event it may see as they arrive, and reads one command
a line: ``end``, ``accept ID``, ``reject ID``, ``view``, ``help``, ``quit``, or an action as a
JSON object (its ``seat`` filled in). It never changes the game on its own: what it shows is
what the host sent. A dropped connection is retried for a minute with the same code.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import threading
import uuid
from typing import Any

from wargame.types import SEAT_NAMES

RETRY_SECONDS = 60
HELP = """commands:
  end            end the phase for your seat
  accept ID      accept the proposal ID (see 'view')
  reject ID      reject the proposal ID
  view           show your seat's situation again
  {"type": ...}  any action as JSON, e.g. {"type": "propose", "deal": "agreement", "to": ["riyadh"], "terms": {"clause": "consultation"}}
  quit           leave (the game goes on at the host)"""


def summary(view: dict[str, Any], role: str) -> str:
    """A few lines on what ``role`` sees: the phase, its own lines, its open proposals."""
    state = view["state"]
    head = f"turn {state['turn']}, {state['phase']}{' (game over)' if state['over'] else ''}"
    if role not in state["seats"]:
        scores = ", ".join(f"{SEAT_NAMES[s]} {v['total']:.1f}" for s, v in view["scores"].items())
        return f"{head}; scores: {scores}"
    seat, ind = state["seats"][role], view["indicators"]["seats"][role]
    lines = [f"{head}; {SEAT_NAMES[role]}: budget {seat['budget']}, reserves {seat['reserves']}, "
             f"political capital {seat['pc']}, real deterrence {ind['real']}, perceived {ind['perceived']}, "
             f"score {view['scores'][role]['total']:.1f}{', done this phase' if seat['done'] else ''}"]
    for pid, p in sorted(state["proposals"].items()):
        if p.get("status") == "open" and role in p.get("to", ()):
            lines.append(f"  proposal {pid} from {SEAT_NAMES.get(p['sender'], p['sender'])}: {p.get('deal')} "
                         f"{json.dumps(p.get('terms', {}), sort_keys=True)}")
    return "\n".join(lines)


def parse_command(line: str, role: str) -> dict[str, Any] | str | None:
    """An action dict for ``line``, a word for the client itself (``view``, ``help``, ``quit``),
    or ``None`` for an empty line. Raises ``ValueError`` with what to type instead."""
    text = line.strip()
    if not text:
        return None
    if text.startswith("{"):
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("an action must be a JSON object")
        data.setdefault("seat", role)
        return data
    word, _, rest = text.partition(" ")
    if word in ("view", "help", "quit"):
        return word
    if word == "end":
        return {"type": "end_phase", "seat": role}
    if word in ("accept", "reject") and rest.strip():
        return {"type": word, "seat": role, "proposal": rest.strip()}
    raise ValueError(f"unknown command {text!r}; type 'help' for the commands")


def _lines(loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[str | None]) -> None:
    """Feed stdin's lines to ``queue`` (a daemon thread: it never holds up the exit)."""
    for line in sys.stdin:
        loop.call_soon_threadsafe(queue.put_nowait, line)
    loop.call_soon_threadsafe(queue.put_nowait, None)


class _Printer:
    """Prints the events and a status line as the host's messages arrive."""

    def __init__(self) -> None:
        self.shown_events = 0
        self.shown_index = -1

    def __call__(self, game: Any) -> None:
        for event in game.events[self.shown_events:]:
            print(f"  [{event['turn']} {event['phase']}] {event['text']}", flush=True)
        self.shown_events = len(game.events)
        if game.log_index != self.shown_index:
            self.shown_index = game.log_index
            print(summary(game.view, game.role), flush=True)


async def _keep_connected(game: Any, lines: asyncio.Queue[str | None]) -> None:
    """Whenever the connection drops, connect again with the same code (for a minute at most;
    then the client stops)."""
    from wargame.net.client import HostRefused
    while True:
        await game.wait_closed()
        print("the connection to the host was lost; reconnecting...", flush=True)
        for _ in range(RETRY_SECONDS):
            try:
                await game.reconnect(timeout=5)
                print("reconnected", flush=True)
                break
            except (OSError, asyncio.TimeoutError, HostRefused):
                await asyncio.sleep(1)
        else:
            print(f"error: the host did not come back within {RETRY_SECONDS} seconds", file=sys.stderr)
            lines.put_nowait(None)
            return


async def _send(game: Any, action: dict[str, Any]) -> Any:
    """Send ``action`` and return the host's answer; if the connection drops first, send it again
    with the same action id once reconnected (the host never applies it twice). ``None``: no answer."""
    action_id = uuid.uuid4().hex
    for _ in range(RETRY_SECONDS):
        if game.connected:
            try:
                return await game.act(action, action_id=action_id)
            except (ConnectionError, asyncio.TimeoutError):
                pass
        await asyncio.sleep(1)
    return None


async def _session(url: str, code: str, name: str) -> int:
    from wargame.net.client import HostRefused, RemoteGame
    try:
        game = await RemoteGame.connect(url, code, name)
    except HostRefused as err:
        print(f"error: the host refused to join: {err.reason}", file=sys.stderr)
        return 1
    except (OSError, asyncio.TimeoutError):
        print(f"error: no game host answers at {url} (is `wargame host` running there? check the "
              "address and the port)", file=sys.stderr)
        return 1
    printer = _Printer()
    label = "the projector (public view)" if game.role == "public" else SEAT_NAMES.get(game.role, game.role)
    print(f"joined {game.scenario} as {label}; type 'help' for the commands", flush=True)
    printer(game)
    game.on_update = printer
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()
    threading.Thread(target=_lines, args=(loop, lines), daemon=True).start()
    watcher = asyncio.create_task(_keep_connected(game, lines))
    try:
        while (line := await lines.get()) is not None:
            try:
                command = parse_command(line, game.role)
            except ValueError as err:
                print(f"error: {err}", flush=True)
                continue
            if command in ("quit",):
                break
            if command == "help":
                print(HELP, flush=True)
            elif command == "view":
                print(summary(game.view, game.role), flush=True)
            elif isinstance(command, dict):
                result = await _send(game, command)
                if result is None:
                    print("error: no answer from the host; the action was not confirmed", flush=True)
                    continue
                print(f"accepted as entry {result.log_index}" if result.accepted
                      else f"refused: {result.reason}", flush=True)
        return 0 if game.connected else 1
    finally:
        watcher.cancel()
        await asyncio.gather(watcher, return_exceptions=True)
        await game.close()


def cmd_join(args: argparse.Namespace) -> int:
    """Join a hosted game as a text client."""
    if not args.url.startswith(("ws://", "wss://")):
        print(f"error: {args.url!r} is not a host address; it looks like ws://192.168.1.20:8765 "
              "(as `wargame host` prints it)", file=sys.stderr)
        return 2
    return asyncio.run(_session(args.url, args.code, args.name))


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``wargame join``."""
    p = sub.add_parser("join", help="join a hosted game from the command line (text client)",
                       description="Join a game run by `wargame host` with the code of your seat.")
    p.add_argument("url", help="the host's address, e.g. ws://192.168.1.20:8765")
    p.add_argument("code", help="your seat's join code, e.g. K7QF-M2XD")
    p.add_argument("--name", default="", help="your name or laptop, shown on the host")
    p.set_defaults(func=cmd_join)
