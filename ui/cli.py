"""``wargame gui`` (and ``wargame`` with no arguments): open the desktop app.

The app plugs this subcommand into the ``wargame`` command through the ``wargame.commands``
entry point (pyproject.toml), so the engine package never imports the app. This module imports
nothing from Qt at module level: Qt is loaded inside the command function, after the checks
that give a clear message when no window can be opened.
"""
from __future__ import annotations

import argparse
import os
import sys


X11_LIBS = {"xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4",
            "xcb-keysyms": "libxcb-keysyms1", "xkbcommon-x11": "libxkbcommon-x11-0"}
"""Libraries Qt's X11 plugin needs that desktop systems do not always have (lib name: Debian package)."""


def missing_x11_libs() -> list[str]:
    """Debian packages Qt's X11 (xcb) plugin needs and this Linux machine lacks."""
    import ctypes.util
    return [pkg for lib, pkg in X11_LIBS.items() if ctypes.util.find_library(lib) is None]


SIZE_RANGE = ((640, 480), (7680, 4320))
"""The smallest and largest screenshot sizes ``--size`` accepts."""


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` as ``(1920, 1080)``; ``ValueError`` with the sentence to show otherwise."""
    parts = text.lower().replace("×", "x").split("x")
    (low_w, low_h), (high_w, high_h) = SIZE_RANGE
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise ValueError(f"--size {text!r} is not a size; write width x height in pixels, e.g. 1920x1080")
    w, h = (int(p) for p in parts)
    if not (low_w <= w <= high_w and low_h <= h <= high_h):
        raise ValueError(f"--size {text!r} is out of range; from {low_w}x{low_h} to {high_w}x{high_h}")
    return w, h


def cmd_gui(args: argparse.Namespace) -> int:
    """Open the app, or with ``--screenshot`` render the main window to a PNG and exit."""
    size: tuple[int, int] | None = None
    if args.size:
        try:
            size = parse_size(args.size)
        except ValueError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
    headless = (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
                and not os.environ.get("WAYLAND_DISPLAY"))
    if args.screenshot and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif headless and not os.environ.get("QT_QPA_PLATFORM"):
        print("error: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so the app cannot "
              "open a window; run it on a desktop session, or under a virtual screen "
              "(`xvfb-run wargame`), or use `wargame gui --screenshot shot.png` or the headless "
              "commands (`wargame play --help`)", file=sys.stderr)
        return 2
    elif (sys.platform.startswith("linux") and os.environ.get("DISPLAY")
          and os.environ.get("QT_QPA_PLATFORM", "xcb") == "xcb" and not args.screenshot):
        missing = missing_x11_libs()
        if missing:
            print("error: Qt needs system libraries that are missing here to open a window on X11: "
                  f"{', '.join(missing)}; install them with `sudo apt-get install {' '.join(missing)}` "
                  "and start the app again", file=sys.stderr)
            return 2
    try:
        from ui import app
    except ImportError as err:
        print(f"error: the app needs Qt (PySide6), which is not available here ({err}); "
              "install it with `pip install PySide6-Essentials`, or use the headless commands "
              "(`wargame play --help`)", file=sys.stderr)
        return 2
    if args.lang is not None:
        from ui import i18n
        try:
            i18n.language(args.lang)
        except ValueError as err:
            print(f"error: --lang: {err}", file=sys.stderr)
            return 2
    if args.screenshot:
        return app.screenshot(args.screenshot, save=args.save, turn=args.turn, size=size or app.SCREENSHOT_SIZE,
                              scenario=args.scenario or "pact-2026",
                              seed=7 if args.seed is None else args.seed, lang=args.lang)
    return app.run(save=args.save, scenario=args.scenario, seed=args.seed, lang=args.lang)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``gui`` subcommand."""
    p = sub.add_parser("gui", help="open the desktop app (the default with no arguments)")
    p.add_argument("--save", default=None, help="open this saved game (.wargame file)")
    p.add_argument("--turn", type=int, default=None,
                   help="with --screenshot and --save: show the game at the start of this turn")
    p.add_argument("--scenario", default=None, help="scenario id preselected for a new game")
    p.add_argument("--seed", type=int, default=None, help="seed preselected for a new game")
    p.add_argument("--screenshot", default=None, metavar="PATH",
                   help="render the main window (1600x900) to this PNG and exit (works offscreen)")
    p.add_argument("--size", default=None, metavar="WxH", help="screenshot size, e.g. 1920x1080")
    p.add_argument("--lang", default=None, metavar="CODE",
                   help="the app's language for this run: en, ar, tr or ur (default: the one chosen "
                        "in View > Language, else the system's)")
    p.set_defaults(func=cmd_gui)
