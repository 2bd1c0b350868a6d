"""Entry point of the double-clickable app (PyInstaller bundle): the ``wargame`` command.

With no arguments it opens the app, like ``wargame``; a saved game as the only argument (a
double-clicked ``.wargame`` file, or ``%f`` in the .desktop file) opens that game; other
arguments run the commands (``LayeredDeterrence play --seed 1 --bots all``, ``report``,
``gui --screenshot shot.png``).
"""
from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path


def bundle_argv(argv: list[str]) -> list[str]:
    """The ``wargame`` arguments for the bundle's command line."""
    if len(argv) == 1 and argv[0].endswith(".wargame") and Path(argv[0]).is_file():
        return ["gui", "--save", argv[0]]
    return argv


def main() -> int:
    """Run the ``wargame`` command inside the bundle."""
    multiprocessing.freeze_support()  # the what-if analysis runs games in worker processes
    from wargame.cli import main as wargame_main
    return wargame_main(bundle_argv(sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main())
