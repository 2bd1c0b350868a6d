"""Helpers of the networked-play tests: a host in this process on 127.0.0.1 (a free port), bounded runs."""
from __future__ import annotations

import asyncio
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator, Awaitable, TypeVar

from wargame import actions as A
from wargame.net.host import GameHost
from wargame.net.room import GameRoom
from wargame.players import make_players
from wargame.scenario import load_scenario
from wargame.storage import Session
from wargame.storage.session import seats_for

T = TypeVar("T")
SEED = 3
LIMIT = 60.0
"""No test waits longer than this for anything (a hang fails instead of blocking the run)."""

SECRET_AMOUNT = 1437
"""A deposit's amount that appears nowhere else in the game."""


def run(coro: Awaitable[T], limit: float = LIMIT) -> T:
    """Run ``coro`` to its end in a fresh event loop, failing after ``limit`` seconds."""
    async def bounded() -> T:
        return await asyncio.wait_for(coro, limit)
    return asyncio.run(bounded())


def new_session(path: Path, computer: tuple[str, ...] = (), seed: int = SEED) -> tuple[Session, dict[str, Any]]:
    """A new saved game at ``path`` whose ``computer`` seats are played by computer players."""
    players = make_players(seed, computer)
    return Session.new(path, load_scenario("pact-2026"), seed, seats_for(players)), players  # type: ignore[arg-type]


@asynccontextmanager
async def hosting(path: Path, computer: tuple[str, ...] = (), *, resume: bool = False) -> AsyncIterator[GameHost]:
    """A running host on 127.0.0.1 for a new (or, with ``resume``, the saved) game at ``path``."""
    if resume:
        session = Session.resume(path)
        players = make_players(session.record.seed, computer)
    else:
        session, players = new_session(path, computer)
    host = GameHost(GameRoom(session, players))  # type: ignore[arg-type]
    await host.start()
    await host.computer_done()
    try:
        yield host
    finally:
        await host.close()


def secret_deposit(seat: str = "riyadh", to: str = "islamabad") -> A.Propose:
    """A secret deposit from ``seat`` to ``to`` of :data:`SECRET_AMOUNT`."""
    return A.Propose(seat, "deposit", (to,), A.make_terms(lender=seat, borrower=to, amount=SECRET_AMOUNT,
                                                         rate=2.0, turns=8), False)


async def close_all(*clients: Any) -> None:
    """Close every client (``RemoteGame``)."""
    for client in clients:
        await client.close()


def code(host: GameHost, role: str) -> str:
    """The join code of ``role`` on ``host``."""
    return host.room.codes.codes[role]


class HostProcess:
    """``wargame host ...`` in a subprocess, its output read line by line (with deadlines)."""

    def __init__(self, *args: str, cwd: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        self.proc = subprocess.Popen([sys.executable, "-m", "wargame", "host", *args], cwd=cwd, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: "queue.Queue[str]" = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_line(self, start: str, limit: float = LIMIT, *, anywhere: bool = False) -> str:
        """The next output line beginning with ``start`` (``anywhere``: holding it), failing
        after ``limit`` seconds."""
        deadline = time.monotonic() + limit
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"the host printed no line starting {start!r}: {self.seen}") from None
            self.seen.append(line)
            if (start in line) if anywhere else line.strip().startswith(start):
                return line

    def banner(self) -> tuple[str, dict[str, str]]:
        """The address and the join codes (role -> code) the host printed."""
        url = re.search(r"ws://\S+", self.wait_line("Clients join at")).group(0)  # type: ignore[union-attr]
        self.wait_line("Join codes")
        codes = {}
        for role in ("ankara", "riyadh", "islamabad", "washington", "facilitator", "public"):
            label = "Projector" if role == "public" else role.capitalize()
            codes[role] = self.wait_line(label).split()[1]
        return url, codes

    def kill(self) -> None:
        """SIGKILL, and wait for the process to be gone."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=LIMIT)

    def stop(self) -> int:
        """SIGTERM (as Ctrl-C would), and the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=LIMIT)
