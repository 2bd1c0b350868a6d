"""``wargame host``: run a saved game as the authoritative host of a networked class.

The host owns the save (and its writer lock) and applies every action through the engine; teams
join with ``wargame join`` (or, later, the app) using the codes it prints. See
docs/classroom-network.md.
"""
from __future__ import annotations

import argparse
import asyncio
import errno
import signal
import socket
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from wargame.commands.play import parse_bots
from wargame.net.codes import ROLES
from wargame.net.protocol import PUBLIC_ROLE
from wargame.players import DEFAULT_LEVEL, LEVELS, LEVELS_META, make_player, make_players, saved_levels
from wargame.storage import Session
from wargame.storage.backend import is_url
from wargame.storage.listing import resolve_existing, resolve_new_save
from wargame.storage.session import seats_for
from wargame.types import SEAT_NAMES

DEFAULT_PORT = 8765
WILDCARDS = ("0.0.0.0", "::", "")


def _say(text: str) -> None:
    print(text, flush=True)


def _log(text: str) -> None:
    _say(f"{datetime.now():%H:%M:%S} {text}")


def open_hosted(args: argparse.Namespace) -> tuple[Session, dict[str, Any]]:
    """The session to host and its computer players: a new game (``--new``) or the saved one."""
    folder = Path(args.saves_dir).expanduser() if args.saves_dir else None
    if args.new:
        from wargame.scenario import load_scenario
        scenario = load_scenario(args.scenario)
        players = make_players(args.seed, args.bots, {s: args.level for s in args.bots})
        if args.db:
            target: str | Path = args.db
        elif is_url(args.file):
            target = args.file
        else:
            target = resolve_new_save(args.file, scenario.meta.id, folder)
        session = Session.new(target, scenario, args.seed, seats_for(players),  # type: ignore[arg-type]
                              title=args.file if args.db else "")
        try:
            if args.bots:
                session.record.set_meta(LEVELS_META, {s: args.level for s in args.bots})
        except BaseException:
            session.close()
            raise
        return session, players
    from wargame.storage.hostile import save_content
    target = args.db or resolve_existing(args.file, folder)
    with save_content(str(target)):
        session = Session.resume(target, args.game)
        levels = saved_levels(session.record) or {}
        players = {s.seat: make_player(levels.get(s.seat, DEFAULT_LEVEL), s.seat, session.record.seed, s.style)
                   for s in session.record.seats if s.player == "computer"}
        for seat in args.bots:
            players.setdefault(seat, make_player(args.level, seat, session.record.seed))
        return session, players


def lan_addresses() -> list[str]:
    """This machine's address on the local network, as far as it can tell without sending anything."""
    found: list[str] = []
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # a UDP "connect" picks the outgoing interface only
        found.append(str(probe.getsockname()[0]))
    except OSError:
        pass
    finally:
        probe.close()
    return [a for a in found if not a.startswith("127.")]


def print_codes(host: Any, where: str) -> None:
    """The banner: the game, the address clients join at, the code of each role."""
    room = host.room
    game = room.game
    _say(f"Layered Deterrence host: {where}, {game.scenario.meta.id} seed {game.seed}, "
         f"turn {game.turn} ({game.phase}{', game over' if game.over else ''}), {room.log_index} actions")
    if host.bind in WILDCARDS:
        urls = [f"ws://{a}:{host.port}" for a in lan_addresses()] or [host.url]
        _say("Clients join at " + " or ".join(urls) + f" (listening on every address, port {host.port})")
    else:
        _say(f"Clients join at {host.url}")
    _say("Join codes (give each team only its own):")
    for role in ROLES:
        label = "Projector" if role == PUBLIC_ROLE else SEAT_NAMES[role]
        extra = "  (played by the computer: watch only)" if role in room.players else ""
        _say(f"  {label:<12} {room.codes.codes[role]}{extra}")
    _say("Ctrl-C stops the host; every action is saved as it is applied, and "
         "`wargame host FILE` continues the game with the same codes.")


async def _serve(args: argparse.Namespace, session: Session, players: dict[str, Any]) -> None:
    """Run the host until Ctrl-C or SIGTERM (both end here, the save closed)."""
    from wargame.net.host import GameHost
    from wargame.net.room import GameRoom
    main = asyncio.current_task()
    assert main is not None
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, main.cancel)
    except (NotImplementedError, AttributeError):  # Windows: Ctrl-C only
        pass
    host = GameHost(GameRoom(session, players, log=_log), args.bind, args.port, log=_log,
                    compression=not args.no_compression)
    try:
        await host.start()
    except BaseException:
        await host.close()
        raise
    print_codes(host, session.record.where)
    await host.serve_forever()


def cmd_host(args: argparse.Namespace) -> int:
    """Host a game for networked play until stopped."""
    if args.new and args.game is not None:
        print("error: --game names a saved game to continue; leave it out with --new", file=sys.stderr)
        return 2
    session, players = open_hosted(args)
    where = session.record.where
    try:
        asyncio.run(_serve(args, session, players))
    except OSError as err:
        session.close()
        reason = {errno.EADDRINUSE: f"port {args.port} is in use on {args.bind or 'this machine'} "
                  "(another host running?); choose another with --port",
                  errno.EADDRNOTAVAIL: f"{args.bind} is not an address of this machine; "
                  "use --bind 0.0.0.0 for every address"}.get(err.errno or 0, str(err))
        print(f"error: cannot listen: {reason}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, asyncio.CancelledError):
        pass
    session.close()
    _say(f"host stopped; the game is saved in {where}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``wargame host``."""
    p = sub.add_parser("host", help="host a game for a class: each team joins from its own laptop",
                       description="Run a saved game (or a new one with --new) as the host of a "
                       "networked class. Prints the address and a join code per seat, the "
                       "facilitator and the projector; teams join with `wargame join URL CODE`.")
    p.add_argument("file", help="save file (or a name in the saves folder, or a database URL; "
                   "with --new and --db: the game's title)")
    p.add_argument("--new", action="store_true", help="start a new game in FILE")
    p.add_argument("--scenario", default="pact-2026", help="scenario id or .toml path (with --new)")
    p.add_argument("--seed", type=int, default=7, help="random seed (with --new)")
    p.add_argument("--bots", type=parse_bots, default=(), metavar="SEAT[,SEAT]",
                   help="seats played by the computer (with --new: kept in the save; otherwise "
                   "people's seats handed to the computer for this run)")
    p.add_argument("--level", default=DEFAULT_LEVEL, choices=[lv.id for lv in LEVELS],
                   help="difficulty of those computer players (default: %(default)s)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help="TCP port (default: %(default)s; 0: any free one)")
    p.add_argument("--bind", default="127.0.0.1", metavar="ADDRESS",
                   help="address to listen on (default: %(default)s, this machine only; 0.0.0.0 for "
                   "the classroom network)")
    p.add_argument("--no-compression", action="store_true",
                   help="send messages uncompressed (less work for the host, about 8 times the bytes)")
    p.add_argument("--db", default=None, help="SQLAlchemy database URL instead of a file (e.g. postgresql+psycopg://...)")
    p.add_argument("--game", type=int, default=None, help="game id, when a database holds several")
    p.add_argument("--saves-dir", default=None, help="the saves folder for bare names")
    p.set_defaults(func=cmd_host)
