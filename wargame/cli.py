"""The ``wargame`` command: with no arguments it opens the app; subcommands run headless."""
from __future__ import annotations

import argparse
import importlib
import sys
from importlib.metadata import entry_points

from wargame import resources
from wargame.errors import WargameError
from wargame.scenario import use_scenario_dirs

COMMAND_MODULES = (
    "wargame.commands.play",
    "wargame.commands.storage",
    "wargame.commands.simulate",
    "wargame.commands.report",
    "wargame.commands.export",
    "wargame.commands.briefs",
    "wargame.commands.host",
    "wargame.commands.join",
)
"""Modules that add the headless subcommands (each has ``register``)."""

SAVE_COMMANDS = frozenset({"replay", "report", "resume", "branch", "export-seat"})
"""Subcommands that read the save named by their ``file`` argument (nonsense content in it is
reported as a damaged save, see :mod:`wargame.storage.hostile`)."""

PLUGIN_GROUP = "wargame.commands"
"""Entry-point group through which other packages add subcommands: the app adds ``gui``."""


def build_parser(plugins: bool = True) -> argparse.ArgumentParser:
    """The argument parser with every subcommand (``plugins=False``: the headless ones only)."""
    parser = argparse.ArgumentParser(
        prog="wargame", description="Layered Deterrence: sign, finance and test commitments. "
        "Run with no arguments to open the app.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {resources.version()}")
    parser.add_argument("--scenarios-dir", action="append", metavar="FOLDER",
                        help="a folder of your own scenario files, searched before the built-in "
                        "ones (repeatable; also the WARGAME_SCENARIOS_DIR environment variable)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    if plugins:
        for point in sorted(entry_points(group=PLUGIN_GROUP), key=lambda p: p.name):
            point.load()(sub)
    return parser


def _headless(argv: list[str]) -> bool:
    """Whether ``argv`` names a headless subcommand (then no plugin is loaded)."""
    sub = next(a for a in build_parser(plugins=False)._actions
               if isinstance(a, argparse._SubParsersAction))
    return bool(argv) and argv[0] in sub.choices


def split_scenarios_dirs(argv: list[str]) -> tuple[list[str], list[str]]:
    """Take every ``--scenarios-dir FOLDER`` out of ``argv`` (it may stand before or after the
    subcommand): ``(folders, the other arguments)``."""
    pre = argparse.ArgumentParser(add_help=False, allow_abbrev=False)  # not play's --scenario
    pre.add_argument("--scenarios-dir", action="append", default=[])
    known, rest = pre.parse_known_args(argv)
    return known.scenarios_dir, rest


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    argv = sys.argv[1:] if argv is None else argv
    folders, argv = split_scenarios_dirs(argv)
    parser = build_parser(plugins=not _headless(argv))
    if not argv:
        if not any(p.name == "gui" for p in entry_points(group=PLUGIN_GROUP)):
            print("error: the desktop app is not installed with this copy of the engine "
                  "(`pip install -e .` in the project installs it); the headless commands are "
                  "listed by `wargame --help`", file=sys.stderr)
            return 2
        argv = ["gui"]
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        if folders:
            use_scenario_dirs(folders)
        if args.command in SAVE_COMMANDS:
            from wargame.storage.hostile import save_content
            with save_content(str(args.file)):
                return int(args.func(args) or 0)
        return int(args.func(args) or 0)
    except WargameError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
