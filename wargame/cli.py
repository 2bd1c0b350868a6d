"""The ``wargame`` command: with no arguments it opens the app; subcommands run headless."""
from __future__ import annotations

import argparse
import importlib
import sys

from wargame.errors import WargameError

COMMAND_MODULES = (
    "wargame.commands.play",
    "wargame.commands.storage",
    "wargame.commands.simulate",
    "wargame.commands.report",
    "wargame.commands.export",
    "wargame.commands.gui",
)
"""Modules that add subcommands (each has ``register``)."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="wargame", description="Layered Deterrence: sign, finance and test commitments. "
        "Run with no arguments to open the app.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if not argv:
        argv = ["gui"]
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except WargameError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
