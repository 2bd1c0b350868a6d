"""Networked play benchmark: how long one team's action takes to reach every other screen.

    .venv/bin/python bench/net.py                 # 200 actions, 6 clients, loopback
    .venv/bin/python bench/net.py --actions 400 --seed 5

A host (``wargame host --new``) runs in its own process on 127.0.0.1 (a free port), as it
would on the facilitator's machine; four seat clients, a facilitator and a projector connect
from this process. The seats play a seeded game: a local replica of the game
(kept only by this benchmark) lets a computer player choose each seat's move, which that seat's
client sends to the host. For every action the benchmark times, from the moment it is sent:

* the sender's answer (``result``),
* the first and the last of the five other clients to hold the view after that action.

Beside it, the bare round trip of the same library in the same run (an echo server, a message
the size of a view). Prints figures only; the issue's aim is 200 ms on a LAN.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from websockets.asyncio.client import connect  # noqa: E402
from websockets.asyncio.server import serve  # noqa: E402

from wargame.bots import make_bots  # noqa: E402
from wargame.net.client import RemoteGame  # noqa: E402
from wargame.rules.game import Game  # noqa: E402
from wargame.scenario import load_scenario  # noqa: E402
from wargame.types import SEATS  # noqa: E402

ROLES = (*SEATS, "facilitator", "public")


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return (f"median {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   "
            f"max {ordered[-1] * 1000:7.1f} ms")


async def bare_round_trip(size: int, count: int) -> list[float]:
    """Round trips of a ``size``-byte text through a websockets echo server on loopback."""
    async def echo(ws) -> None:  # type: ignore[no-untyped-def]
        async for msg in ws:
            await ws.send(msg)
    times = []
    async with serve(echo, "127.0.0.1", 0, max_size=None) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        async with connect(f"ws://127.0.0.1:{port}", max_size=None) as ws:
            text = "x" * size
            for _ in range(count):
                start = time.perf_counter()
                await ws.send(text)
                await ws.recv()
                times.append(time.perf_counter() - start)
    return times


class HostProcess:
    """``wargame host --new`` in its own process (as on the facilitator's machine)."""

    def __init__(self, folder: Path, seed: int, compression: bool) -> None:
        cmd = [sys.executable, "-m", "wargame", "host", str(folder / "bench.wargame"), "--new",
               "--seed", str(seed), "--port", "0"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        if not compression:
            cmd.append("--no-compression")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
        self.url, self.codes = "", {}
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("Clients join at"):
                self.url = line.split()[3]
            parts = line.split()
            if len(parts) == 2 and parts[0].lower() in ROLES + ("projector",):
                self.codes["public" if parts[0] == "Projector" else parts[0].lower()] = parts[1]
            if line.startswith("Ctrl-C"):
                break

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=60)


async def play(url: str, codes: dict[str, str], seed: int, actions: int) -> dict[str, list[float]]:
    """Play ``actions`` seat actions through the host at ``url``; the timings of each."""
    scenario = load_scenario("pact-2026")
    out: dict[str, list[float]] = {"result": [], "first": [], "last": [], "bytes": []}
    clients = {r: await RemoteGame.connect(url, codes[r], keep_raw=True) for r in ROLES}
    replica, bots = Game(scenario, seed), make_bots(seed)
    while len(out["result"]) < actions and not replica.over:
        seat = replica.acting_seats()[0]
        action = bots[seat].choose(replica)
        others = [c for r, c in clients.items() if r != seat]
        arrived: list[float] = []
        start = time.perf_counter()
        result = await clients[seat].act(action)
        out["result"].append(time.perf_counter() - start)
        if not result.accepted:
            raise SystemExit(f"the host refused a move the replica took: {result.reason}")
        replica.apply(action)

        async def seen(client: RemoteGame) -> None:
            await client.wait_for_index(result.log_index)  # type: ignore[arg-type]
            arrived.append(time.perf_counter() - start)
        await asyncio.gather(*(seen(c) for c in others))
        out["first"].append(min(arrived))
        out["last"].append(max(arrived))
    facilitator = clients["facilitator"].view["state"]
    if facilitator["turn"] != replica.turn or facilitator["phase"] != replica.phase:
        raise SystemExit("the hosted game and the replica differ")
    out["bytes"] = [float(sum(len(t) for t in c.raw or [])) for c in clients.values()]
    for c in clients.values():
        await c.close()
    return out


def measure(seed: int, actions: int, compression: bool) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as folder:
        host = HostProcess(Path(folder), seed, compression)
        try:
            return asyncio.run(play(host.url, host.codes, seed, actions))
        finally:
            host.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    view_size = 35_000
    bare = asyncio.run(bare_round_trip(view_size, 200))
    for compression in (True, False):
        t = measure(args.seed, args.actions, compression)
        n = len(t["result"])
        print(f"{n} actions by 4 seat clients, {len(ROLES)} clients in all, host in its own process, "
              f"loopback, seed {args.seed}, compression {'on (default)' if compression else 'off'}")
        print(f"  sender's answer                {_ms(t['result'])}")
        print(f"  first other client's view      {_ms(t['first'])}")
        print(f"  last of the 5 others' views    {_ms(t['last'])}")
        ratio = statistics.median(t["last"]) / statistics.median(bare)
        print(f"  ratio last view / bare trip    {ratio:.0f}x (median)")
        print(f"  received per client            {statistics.mean(t['bytes']) / n / 1000:.1f} kB of JSON an action (mean)")
    print(f"bare websockets round trip       {_ms(bare)}  ({view_size // 1000} kB text, same run)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
