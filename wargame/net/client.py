""":class:`RemoteGame`: a client of :class:`wargame.net.host.GameHost`, for tests, the text client
``wargame join`` and (later) the app.

It holds what the host sent: the latest :attr:`view` (the role's ``SeatView`` dict), every event
received (:attr:`events`) and the log index of the latest view. It never changes any of them
on its own: an action sent with :meth:`act` shows in the view only once the host has applied
it and sent the new view. Each action carries an id (a fresh UUID unless given); sending the
same id again, for example after :meth:`reconnect`, gets the host's first answer and is never
applied twice.
"""
from __future__ import annotations

import asyncio
import uuid
from typing import Any, Callable

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from wargame.actions import Action
from wargame.net.protocol import (
    MAX_MESSAGE_BYTES, Act, Error, Events, Hello, ProtocolError, Result, View, Welcome, parse_message,
)

DEFAULT_TIMEOUT = 10.0
"""Seconds to wait for the host to answer."""


class HostRefused(ConnectionError):
    """The host refused the connection (a wrong code, another protocol version): ``reason``."""

    def __init__(self, reason: str, code: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class RemoteGame:
    """A game played on a host: ``await RemoteGame.connect(url, code)``."""

    def __init__(self, url: str, code: str, name: str = "", keep_raw: bool = False) -> None:
        self.url = url
        self.code = code
        self.name = name
        self.role = ""
        self.scenario = ""
        self.computer_seats: list[str] = []
        self.view: dict[str, Any] = {}
        self.log_index = -1
        self.events: list[dict[str, Any]] = []
        self.errors: list[Error] = []
        self.raw: list[str] | None = [] if keep_raw else None
        """Every message text received, if ``keep_raw`` (tests search it for leaks)."""
        self.on_update: Callable[["RemoteGame"], None] | None = None
        """Called after each new view or batch of events (the text client prints them)."""
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._pending: dict[str, asyncio.Future[Result]] = {}
        self._changed = asyncio.Condition()

    @classmethod
    async def connect(cls, url: str, code: str, name: str = "", *, keep_raw: bool = False,
                      timeout: float = DEFAULT_TIMEOUT) -> "RemoteGame":
        """Join the game at ``url`` with ``code``; returns once the first view has arrived.
        Raises :class:`HostRefused` for a wrong code, ``OSError`` if nothing answers."""
        game = cls(url, code, name, keep_raw)
        await game._open(None, timeout)
        return game

    async def _open(self, since: int | None, timeout: float) -> None:
        ws = await asyncio.wait_for(connect(self.url, max_size=MAX_MESSAGE_BYTES), timeout)
        try:
            await ws.send(Hello(code=self.code, name=self.name, since=since).to_json())
            first = self._take(await asyncio.wait_for(ws.recv(), timeout))
            if isinstance(first, Error):
                raise HostRefused(first.reason, first.code)
            if not isinstance(first, Welcome):
                raise HostRefused(f"the host answered the hello with '{first.type}'")
            self.role, self.scenario, self.computer_seats = first.role, first.scenario, first.computer_seats
            while not (isinstance(msg := self._take(await asyncio.wait_for(ws.recv(), timeout)), View)):
                self._handle(msg)
            self._handle(msg)
        except BaseException:
            await ws.close()
            raise
        self._ws = ws
        self._reader = asyncio.create_task(self._read(ws))

    def _take(self, raw: str | bytes) -> Any:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if self.raw is not None:
            self.raw.append(text)
        try:
            return parse_message(text)
        except ProtocolError as err:
            return Error(reason=f"the host sent a message this client cannot read: {err.reason}",
                         code=err.code)

    def _handle(self, msg: Any) -> None:
        if isinstance(msg, View):
            self.view, self.log_index = msg.view, msg.log_index
        elif isinstance(msg, Events):
            self.events.extend(msg.events)
        elif isinstance(msg, Result):
            waiter = self._pending.pop(msg.action_id, None)
            if waiter is not None and not waiter.done():
                waiter.set_result(msg)
        elif isinstance(msg, Error):
            self.errors.append(msg)

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                self._handle(self._take(raw))
                async with self._changed:
                    self._changed.notify_all()
                if self.on_update is not None:
                    self.on_update(self)
        except ConnectionClosed:
            pass
        finally:
            for waiter in self._pending.values():
                if not waiter.done():
                    waiter.set_exception(ConnectionError("the connection to the host was lost"))
            self._pending.clear()
            async with self._changed:
                self._changed.notify_all()

    @property
    def connected(self) -> bool:
        """Whether the connection is open."""
        return self._reader is not None and not self._reader.done()

    async def wait_closed(self) -> None:
        """Wait until the connection is closed (by either side, or lost)."""
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)

    async def act(self, action: Action | dict[str, Any], action_id: str | None = None,
                  timeout: float = DEFAULT_TIMEOUT) -> Result:
        """Send an action (``seat`` filled in with this client's role if left out) and wait for
        the host's answer. Raises ``ConnectionError`` if the connection drops first: send the
        same ``action_id`` again after :meth:`reconnect` to learn what became of it."""
        if self._ws is None or not self.connected:
            raise ConnectionError("not connected to the host")
        data = action.to_dict() if isinstance(action, Action) else dict(action)
        data.setdefault("seat", self.role)
        msg = Act(action_id=action_id or uuid.uuid4().hex, action=data)
        waiter = self._pending[msg.action_id] = asyncio.get_running_loop().create_future()
        await self._ws.send(msg.to_json())
        return await asyncio.wait_for(waiter, timeout)

    async def wait_for(self, check: Callable[["RemoteGame"], bool], timeout: float = DEFAULT_TIMEOUT) -> None:
        """Wait until ``check(self)`` holds (checked after every message); ``TimeoutError`` if not."""
        async def until() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: check(self) or not self.connected)
            if not check(self):
                raise ConnectionError("the connection to the host was lost")
        await asyncio.wait_for(until(), timeout)

    async def wait_for_index(self, index: int, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Wait until the view is that after log entry ``index`` or later."""
        await self.wait_for(lambda g: g.log_index >= index, timeout)

    async def reconnect(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Connect again with the same code; the host sends the events missed since
        :attr:`log_index` and the current view."""
        await self.close()
        await self._open(self.log_index if self.log_index >= 0 else None, timeout)

    async def close(self) -> None:
        """Close the connection."""
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)
        self._ws = self._reader = None
