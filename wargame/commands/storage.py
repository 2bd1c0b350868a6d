"""``wargame replay``, ``wargame branch``, ``wargame resume`` and ``wargame saves``.

Every failure prints one line on stderr and exits with status 1 (2 for a usage error).
``wargame play --save FILE`` lives in ``commands/play.py`` and calls
:func:`wargame.storage.session.play_and_save`.
"""
from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from wargame.account import write_account, write_summary
from wargame.storage import GameRecord, SaveError, Session, default_saves_dir, list_games, list_saves
from wargame.storage.backend import display_url, open_url
from wargame.storage.listing import ENV_SAVES_DIR, resolve_existing, resolve_new_save


def _folder(args: argparse.Namespace) -> Path | None:
    return Path(args.saves_dir).expanduser() if getattr(args, "saves_dir", None) else None


def _open(args: argparse.Namespace, *, readonly: bool = True) -> GameRecord:
    return GameRecord.open(resolve_existing(args.file, _folder(args)), args.game, readonly=readonly)


def _index(rec: GameRecord, args: argparse.Namespace) -> int:
    if args.index is not None:
        return args.index
    if args.at is not None:
        return rec.index_of_turn(args.at)
    return rec.action_count()


def cmd_replay(args: argparse.Namespace) -> int:
    """Verify a save, or print the account of a game up to a turn (or to the end)."""
    with _open(args) as rec:
        if args.verify:
            report = rec.verify()
            if not report.ok:
                print(f"error: {report.message}", file=sys.stderr)
                return 1
            print(report.message)
            return 0
        index = _index(rec, args)
        game = rec.game_at(index, check=index == rec.action_count())
        out = sys.stdout
        if not args.quiet:
            write_account(game, out, game.events)
        write_summary(game, out)
        print(f"\nat action {index} of {rec.action_count()} (turn {game.turn}, {game.phase}"
              f"{', game over' if game.over else ''})")
        print(f"digest: {game.digest()}")
    return 0


def cmd_branch(args: argparse.Namespace) -> int:
    """Start a new save sharing a game's history up to a turn or an action index."""
    with _open(args) as rec:
        index = _index(rec, args)
        if "://" in args.output:
            target: str | Path = args.output
        else:
            target = resolve_new_save(args.output, rec.scenario_id, _folder(args))
        try:
            with rec.branch(index, target, title=args.title) as new:
                extra = f" (game {new.game_id})" if new.path is None else ""
                print(f"branched {rec.where} at action {index} (turn {rec.entries()[index].turn}) "
                      f"into {new.where}{extra}")
        except BaseException:
            _remove_new_file(target)
            raise
    return 0


def _remove_new_file(target: str | Path) -> None:
    """A branch that failed leaves no file behind (``target`` did not exist before)."""
    if isinstance(target, str):
        return
    for name in (target, Path(f"{target}-wal"), Path(f"{target}-shm"), Path(f"{target}-journal")):
        try:
            name.unlink(missing_ok=True)
        except OSError:
            pass


def cmd_resume(args: argparse.Namespace) -> int:
    """Continue a saved game: the computer seats play until a person must act or it ends."""
    with Session.resume(resolve_existing(args.file, _folder(args)), args.game) as session:
        from wargame.players import make_player, saved_levels
        bots = session.bots()
        levels = saved_levels(session.record) or {}
        for seat, level_id in levels.items():
            if seat in bots and level_id != "balanced":
                style = next(s.style for s in session.record.seats if s.seat == seat)
                bots[seat] = make_player(level_id, seat, session.record.seed, style)  # type: ignore[assignment]
        if levels and not args.quiet:
            print("computer levels kept in the save: "
                  + ", ".join(f"{seat} {level_id}" for seat, level_id in sorted(levels.items()) if seat in bots))
        handed = [s for s in (args.bots or ()) if s not in bots]
        if handed:
            for seat in handed:
                bots[seat] = make_player(args.level, seat, session.record.seed)  # type: ignore[assignment]
            print(f"computer players ({args.level}) take over: {', '.join(handed)} (for this run; "
                  "the save still lists them as people)")
        played = session.play_bots(bots)
        game = session.game
        if not args.quiet:
            write_account(game, sys.stdout)
        write_summary(game, sys.stdout)
        waiting = "" if game.over else f"; waiting for {', '.join(game.acting_seats()) or 'nobody'}"
        print(f"\n{played} actions played and saved to {session.record.where}{waiting}")
        print(f"digest: {game.digest()}")
    return 0


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "-"


def cmd_saves(args: argparse.Namespace) -> int:
    """List the saved games in the saves folder, or in a database."""
    if args.db:
        if args.upgrade:
            open_url(args.db, readonly=False, create=False).close()  # migrates on open
        saves = list_games(args.db)
        where = display_url(args.db)
    else:
        folder = Path(args.saves_dir).expanduser() if args.saves_dir else default_saves_dir()
        if args.saves_dir and not folder.is_dir():
            raise SaveError(folder, "is not a folder", "create it or name another one with --saves-dir")
        saves = list_saves(folder)
        where = str(folder)
    if not saves:
        print(f"no saved games in {where}")
        return 0
    for s in saves:
        name = s.path.name if s.path is not None else f"game {s.game_id}"
        if s.error:
            print(f"{name}: unreadable: {s.error}")
            continue
        state = "over" if s.over else f"turn {s.turn}/{s.turns}"
        title = f" \"{s.title}\"" if s.title else ""
        branch = f"; branch of {s.parent}" if s.parent else ""
        print(f"{name}{title}: {s.scenario_id}, {state}, {s.actions} actions, last played "
              f"{_when(s.last_played)}; {s.seats}{branch}")
    return 0


def _add_target(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="save file (or a name in the saves folder, or a database URL)")
    p.add_argument("--game", type=int, default=None, help="game id, when a database holds several")
    p.add_argument("--saves-dir", default=None,
                   help=f"the saves folder for bare names (default: ${ENV_SAVES_DIR} or saves/)")


def _add_point(p: argparse.ArgumentParser, required: bool) -> None:
    group = p.add_mutually_exclusive_group(required=required)
    group.add_argument("--at", type=int, metavar="TURN", help="the start of this turn (its diplomacy phase)")
    group.add_argument("--index", type=int, metavar="N", help="after this many actions")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the subcommands of this module."""
    p = sub.add_parser("replay", help="print or verify a saved game",
                       description="Print a saved game's account up to a turn, or verify it.")
    _add_target(p)
    _add_point(p, required=False)
    p.add_argument("--verify", action="store_true",
                   help="recompute every action from the scenario and seed; report the first divergence")
    p.add_argument("--quiet", action="store_true", help="print only the indicators and scores")
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser("branch", help="start a new save from a point of a saved game")
    _add_target(p)
    _add_point(p, required=True)
    p.add_argument("-o", "--output", required=True, help="the new save file (or a database URL)")
    p.add_argument("--title", default=None, help="title of the new game")
    p.set_defaults(func=cmd_branch)

    p = sub.add_parser("resume", help="continue a saved game with its computer players")
    _add_target(p)
    from wargame.commands.play import parse_bots
    from wargame.players import DEFAULT_LEVEL, LEVELS
    p.add_argument("--bots", type=parse_bots, default=(), metavar="SEAT[,SEAT]",
                   help="hand these people's seats to computer players (or 'all')")
    p.add_argument("--level", default=DEFAULT_LEVEL, choices=[lv.id for lv in LEVELS],
                   help="difficulty of the computer players taking over (default: %(default)s)")
    p.add_argument("--quiet", action="store_true", help="print only the indicators and scores")
    p.set_defaults(func=cmd_resume)

    p = sub.add_parser("saves", help="list saved games",
                       description=f"List saved games in the saves folder (${ENV_SAVES_DIR} or "
                       f"--saves-dir), or in a database (--db URL).")
    p.add_argument("--saves-dir", default=None, help=f"the saves folder (default: ${ENV_SAVES_DIR} or saves/)")
    p.add_argument("--db", default=None, help="a database URL, e.g. postgresql+psycopg://user:pw@host/db")
    p.add_argument("--upgrade", action="store_true", help="with --db: upgrade an older save format")
    p.set_defaults(func=cmd_saves)
