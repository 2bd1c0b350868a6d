"""``wargame export-seat FILE --seat SEAT -o OUT.wargame-view``: one seat's replay of a saved game.

The output holds only what that seat saw (see :mod:`wargame.seat_export`). A bad save or a bad
output prints one line on stderr and exits with status 1 (``wargame.cli.main`` reports every
``WargameError`` that way).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from wargame.types import SEATS


def _saves_folder(args: argparse.Namespace) -> Path | None:
    return Path(args.saves_dir).expanduser() if args.saves_dir else None


def default_output(source: Path | str, seat: str) -> Path:
    """``saves/game.wargame`` → ``saves/game-riyadh.wargame-view``."""
    from wargame.seat_export import SUFFIX
    path = Path(source)
    return path.with_name(f"{path.stem}-{seat}{SUFFIX}")


def cmd_export_seat(args: argparse.Namespace) -> int:
    """Write one seat's view of a saved game (a SaveError is reported by ``wargame.cli.main``)."""
    from wargame.seat_export import export_seat_view
    from wargame.storage import GameRecord
    from wargame.storage.listing import resolve_existing

    target = resolve_existing(args.file, _saves_folder(args))
    with GameRecord.open(target, args.game, readonly=True) as record:
        out = Path(args.output) if args.output else default_output(
            record.path if record.path is not None else Path(f"game-{record.game_id}"), args.seat)
        written = export_seat_view(record, args.seat, out)
        steps = record.action_count() + 1
    if not args.quiet:
        print(f"{args.seat}'s view of {target} ({steps} steps) written to {written}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``export-seat`` subcommand."""
    p = sub.add_parser("export-seat", help="write one seat's view of a saved game (a per-seat replay)",
                       description="Write a .wargame-view file holding only what one seat saw at each step "
                       "of a saved game: never the other seats' secrets or the seed.")
    p.add_argument("file", help="the saved game (.wargame file, a name in the saves folder, or a database URL)")
    p.add_argument("--seat", required=True, choices=SEATS, help="whose view to export")
    p.add_argument("-o", "--output", default=None,
                   help="the output file (default: next to the save, NAME-SEAT.wargame-view)")
    p.add_argument("--game", type=int, default=None, help="game id, when a database holds several")
    p.add_argument("--saves-dir", default=None, help="the saves folder for bare names")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    p.set_defaults(func=cmd_export_seat)
    register_compare(sub)


def cmd_compare(args: argparse.Namespace) -> int:
    """Compare two saved games (typically a game and a branch of it)."""
    from wargame.compare import compare_records, format_comparison
    from wargame.storage import GameRecord
    from wargame.storage.listing import resolve_existing

    folder = _saves_folder(args)
    with GameRecord.open(resolve_existing(args.first, folder), readonly=True) as a, \
            GameRecord.open(resolve_existing(args.second, folder), readonly=True) as b:
        text = format_comparison(compare_records(a, b), include_routine=args.all)
    print(text)
    return 0


def register_compare(sub: argparse._SubParsersAction) -> None:
    """Add the ``compare`` subcommand."""
    p = sub.add_parser("compare", help="compare two saved games: branch point, differing decisions, results",
                       description="Compare two saved games (for instance a game and a branch made with "
                       "`wargame branch`): where they part, the decisions that differ quarter by quarter, "
                       "and the final scores and indicators side by side.")
    p.add_argument("first", help="a saved game (.wargame file or a name in the saves folder)")
    p.add_argument("second", help="the other saved game")
    p.add_argument("--all", action="store_true", help="also list routine actions (ending phases, answers)")
    p.add_argument("--saves-dir", default=None, help="the saves folder for bare names")
    p.set_defaults(func=cmd_compare)
