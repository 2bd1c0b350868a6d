""":class:`GameHost`: the authoritative game host, a WebSocket server around a :class:`GameRoom`.

Each client connects, sends :class:`~wargame.net.protocol.Hello` with its join code and is
given its role; from then on it is sent its role's view and events after every applied action,
and may send actions. All work on the game (the engine, the save, the computer players, the
views) runs on one worker thread, one job at a time, under one lock taken in arrival order: the
actions of a simultaneous phase are applied in the order they arrived, and that order is the
save's log. Each client has its own outgoing queue, so a slow laptop never holds up the others;
one that falls too far behind is disconnected and catches up when it reconnects.
"""
from __future__ import annotations

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from wargame.net.protocol import MAX_MESSAGE_BYTES, Act, Error, Hello, ProtocolError, parse_message
from wargame.net.room import GameRoom
from wargame.storage import SaveError

T = TypeVar("T")

HELLO_TIMEOUT = 10.0
"""Seconds a new connection has to send its hello."""

WRONG_CODE_DELAY = 0.5
"""Seconds before a wrong join code is answered (slows guessing down)."""

MAX_QUEUE = 500
"""Messages queued for one client before it is disconnected as too slow."""


@dataclass(eq=False)
class _Client:
    """One connected client: its connection, its role, its queue of messages to send."""

    ws: ServerConnection
    role: str
    name: str
    queue: asyncio.Queue[str | None] = field(default_factory=asyncio.Queue)

    def push(self, texts: list[str]) -> None:
        """Queue ``texts`` to send; a client too far behind is disconnected."""
        if self.queue.qsize() + len(texts) > MAX_QUEUE:
            self.queue.put_nowait(None)
            return
        for text in texts:
            self.queue.put_nowait(text)

    async def write(self) -> None:
        """Send the queued messages in order until the queue says stop."""
        while (text := await self.queue.get()) is not None:
            await self.ws.send(text)
        await self.ws.close(1013, "too far behind; reconnect to catch up")


class GameHost:
    """Serve ``room`` on ``bind``:``port`` (``port`` 0: any free port; see :attr:`url`)."""

    def __init__(self, room: GameRoom, bind: str = "127.0.0.1", port: int = 0,
                 log: Callable[[str], None] | None = None, *, compression: bool = True) -> None:
        self.room = room
        self.compression = compression
        """Whether messages may be compressed (permessage-deflate, if the client agrees)."""
        self.bind = bind
        self.port = port
        self.log = log or (lambda text: None)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="wargame-host")
        self._lock = asyncio.Lock()
        self._clients: set[_Client] = set()
        self._kick = asyncio.Event()
        self._idle = asyncio.Event()
        self._server: Server | None = None
        self._computer: asyncio.Task[None] | None = None
        self._closed = False

    @property
    def url(self) -> str:
        """The address clients connect to, e.g. ``ws://127.0.0.1:8765``."""
        return f"ws://{self.bind}:{self.port}"

    @property
    def clients(self) -> dict[str, int]:
        """How many clients are connected, per role."""
        out: dict[str, int] = {}
        for c in self._clients:
            out[c.role] = out.get(c.role, 0) + 1
        return out

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    async def start(self) -> None:
        """Open the server and let the computer seats make the moves they can."""
        self._server = await serve(self._handle, self.bind, self.port, max_size=MAX_MESSAGE_BYTES,
                                   compression="deflate" if self.compression else None)
        self.port = int(next(iter(self._server.sockets)).getsockname()[1])
        self._computer = asyncio.create_task(self._computer_moves())
        self._wake_computer()

    async def serve_forever(self) -> None:
        """Run until cancelled (Ctrl-C), then close."""
        if self._server is None:
            await self.start()
        try:
            await asyncio.Future()
        finally:
            await self.close()

    async def close(self) -> None:
        """Disconnect every client, stop the server, close the save (once; later calls do nothing)."""
        if self._closed:
            return
        self._closed = True
        if self._computer is not None:
            self._computer.cancel()
            await asyncio.gather(self._computer, return_exceptions=True)
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        async with self._lock:
            await self._run(self.room.close)
        self._pool.shutdown(wait=True)

    # ------------------------------------------------------------------ connections
    async def _handle(self, ws: ServerConnection) -> None:
        hello = await self._hello(ws)
        if hello is None:
            return
        role = self.room.codes.role_for(hello.code)
        if role is None:
            self.log(f"a wrong join code was tried from {ws.remote_address[0] if ws.remote_address else '?'}")
            await asyncio.sleep(WRONG_CODE_DELAY)
            await ws.send(Error(reason="this join code opens no seat of this game; check it with "
                                "the facilitator", code="code").to_json())
            await ws.close(1008, "wrong join code")
            return
        client = _Client(ws, role, hello.name)
        async with self._lock:
            client.push(await self._run(self.room.join, role, hello.since))
            self._clients.add(client)
        self.log(f"{role} joined{f' ({hello.name})' if hello.name else ''}: {self._count(role)}")
        writer = asyncio.create_task(client.write())
        try:
            async for raw in ws:
                await self._message(client, raw)
        except ConnectionClosed:
            pass
        finally:
            self._clients.discard(client)
            writer.cancel()
            await asyncio.gather(writer, return_exceptions=True)
            self.log(f"{role} left: {self._count(role)}")

    def _count(self, role: str) -> str:
        n = self.clients.get(role, 0)
        return f"{n} client{'s' if n != 1 else ''} on this seat"

    async def _hello(self, ws: ServerConnection) -> Hello | None:
        """The connection's first message, if it is a hello (else it is answered and closed)."""
        try:
            msg = parse_message(await asyncio.wait_for(ws.recv(), HELLO_TIMEOUT))
        except ProtocolError as err:
            await ws.send(Error(reason=err.reason, code=err.code).to_json())
            await ws.close(1002, "bad hello")
            return None
        except (TimeoutError, ConnectionClosed):
            await ws.close(1008, "no hello")
            return None
        if not isinstance(msg, Hello):
            await ws.send(Error(reason="the first message must be a hello with a join code").to_json())
            await ws.close(1002, "bad hello")
            return None
        return msg

    async def _message(self, client: _Client, raw: str | bytes) -> None:
        """Handle one message after the hello: an action, or an error answered."""
        try:
            msg = parse_message(raw)
        except ProtocolError as err:
            client.push([Error(reason=err.reason, code=err.code).to_json()])
            return
        if not isinstance(msg, Act):
            client.push([Error(reason=f"a client may send only actions after its hello, not "
                               f"'{msg.type}'").to_json()])
            return
        async with self._lock:
            first = self.room.log_index + 1
            try:
                result = await self._run(self.room.act, client.role, msg)
            except SaveError as err:
                client.push([Error(reason=str(err), code="save").to_json()])
                result = None
            if result is not None:
                if result.accepted:  # before the answer goes out: computer_done() waits for them
                    self._wake_computer()
                client.push([result.to_json()])
            if self.room.log_index >= first or result is None:
                await self._broadcast(first)

    async def _broadcast(self, first: int) -> None:
        """Send every client the events of entries ``first`` to now it may see, and its view."""
        if not self._clients:
            return
        texts = await self._run(self.room.updates, first, {c.role for c in self._clients})
        for c in list(self._clients):
            c.push(texts[c.role])

    def _wake_computer(self) -> None:
        self._idle.clear()
        self._kick.set()

    async def computer_done(self) -> None:
        """Wait until the computer seats have made every move they can make now."""
        await self._idle.wait()

    async def _computer_moves(self) -> None:
        """Whenever woken, let the computer seats move until none can (one move per lock)."""
        while True:
            await self._kick.wait()
            self._kick.clear()
            while True:
                async with self._lock:
                    first = self.room.log_index + 1
                    try:
                        moved = await self._run(self.room.computer_move)
                    except SaveError as err:
                        print(f"error: {err}", file=sys.stderr)
                        moved = False
                    if self.room.log_index >= first:
                        await self._broadcast(first)
                if not moved:
                    break
            if not self._kick.is_set():
                self._idle.set()
