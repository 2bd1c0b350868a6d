"""``wargame play``, ``wargame scenarios`` and ``wargame check-scenario``."""
from __future__ import annotations

import argparse
import sys

from wargame.account import write_account, write_summary
from wargame.bots import STYLES, make_bots, play_bots
from wargame.errors import ScenarioError
from wargame.rules.game import Game
from wargame.scenario import list_scenarios, load_scenario, scenario_dirs
from wargame.types import SEATS


def parse_bots(text: str) -> tuple[str, ...]:
    """``all``, ``none`` or a comma-separated list of seats."""
    if text == "all":
        return SEATS
    if text in ("none", ""):
        return ()
    seats = tuple(s.strip() for s in text.split(","))
    bad = [s for s in seats if s not in SEATS]
    if bad:
        raise argparse.ArgumentTypeError(f"unknown seats {bad}; seats are {', '.join(SEATS)}")
    return seats


def parse_styles(text: str | None) -> dict[str, str]:
    """``seat=style,...`` or a single style for every seat."""
    if not text:
        return {}
    if "=" not in text:
        if text not in STYLES:
            raise argparse.ArgumentTypeError(f"unknown style {text!r}; styles are {', '.join(STYLES)}")
        return {s: text for s in SEATS}
    out = {}
    for part in text.split(","):
        seat, _, style = part.partition("=")
        if seat not in SEATS or style not in STYLES:
            raise argparse.ArgumentTypeError(f"bad style {part!r}: use seat=style with styles {', '.join(STYLES)}")
        out[seat] = style
    return out


def parse_levels(text: str) -> dict[str, str]:
    """``seat=level,...`` or one level for every seat (levels: :data:`wargame.players.LEVELS`)."""
    from wargame.players import LEVELS
    ids = [lv.id for lv in LEVELS]
    if "=" not in text:
        if text not in ids:
            raise argparse.ArgumentTypeError(f"unknown level {text!r}; levels are {', '.join(ids)}")
        return {s: text for s in SEATS}
    out = {}
    for part in text.split(","):
        seat, _, level = part.partition("=")
        if seat not in SEATS or level not in ids:
            raise argparse.ArgumentTypeError(f"bad level {part!r}: use seat=level with levels {', '.join(ids)}")
        out[seat] = level
    return out


def cmd_play(args: argparse.Namespace) -> int:
    """Play a game headless with computer players and print the account."""
    try:
        seats = parse_bots(args.bots)
        styles = parse_styles(args.style)
    except argparse.ArgumentTypeError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    scenario = load_scenario(args.scenario)
    if set(seats) != set(SEATS) and not args.save:
        print("error: headless play needs every seat to be a computer player (--bots all); "
              "open the app (`wargame`) to play a seat yourself", file=sys.stderr)
        return 2
    bots = make_bots(args.seed, seats, styles)
    if args.level:
        from wargame.players import make_players
        try:
            levels = parse_levels(args.level)
        except argparse.ArgumentTypeError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        bots = make_players(args.seed, seats, levels, styles)  # type: ignore[assignment]
    if args.save:
        from wargame.storage.session import play_and_save  # storage is optional for plain play
        game = play_and_save(scenario, args.seed, bots, args.save, args.db)
    else:
        game = Game(scenario, args.seed)
        play_bots(game, bots)
    if not args.quiet:
        write_account(game, sys.stdout)
    write_summary(game, sys.stdout)
    print(f"digest: {game.digest()}")
    return 0


def cmd_scenarios(args: argparse.Namespace) -> int:
    """List the scenarios: one's own folders (``--scenarios-dir``) and the built-in ones."""
    found = list_scenarios()
    if not found:
        folders = ", ".join(str(d) for d in scenario_dirs())
        print(f"error: no scenarios found (looked in {folders}); the installation is incomplete "
              "(reinstall Layered Deterrence) or the folder given holds no .toml files",
              file=sys.stderr)
        return 1
    for sid, title in found:
        print(f"{sid:<24}{title}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Validate a scenario file."""
    try:
        sc = load_scenario(args.path)
    except ScenarioError as err:
        print(f"invalid scenario: {err}", file=sys.stderr)
        return 1
    print(f"ok: {sc.meta.id} — {sc.meta.title} ({len(sc.crises)} crisis types, "
          f"{len(sc.commitments)} commitments at start, {sc.meta.turns} turns)")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add the subcommands of this module."""
    p = sub.add_parser("play", help="play a game headless with computer players")
    p.add_argument("--scenario", default="pact-2026", help="scenario id or .toml path")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--bots", default="all", help="'all' or comma-separated seats played by the computer")
    p.add_argument("--style", default=None, help="computer style: cautious, balanced, opportunist, or seat=style,...")
    p.add_argument("--level", default=None, metavar="LEVEL|SEAT=LEVEL,...",
                   help="difficulty of the computer players: balanced (default), search-small, search-large")
    p.add_argument("--save", default=None, help="save the game to this .wargame file as it is played")
    p.add_argument("--db", default=None, help="SQLAlchemy database URL instead of a file (e.g. postgresql+psycopg://...)")
    p.add_argument("--quiet", action="store_true", help="print only the final indicators and scores")
    p.set_defaults(func=cmd_play)
    p = sub.add_parser("scenarios", help="list the scenarios")
    p.set_defaults(func=cmd_scenarios)
    p = sub.add_parser("check-scenario", help="validate a scenario file")
    p.add_argument("path")
    p.set_defaults(func=cmd_check)
