"""``wargame report FILE -o OUT.html|OUT.pdf``: the debrief report of a saved game.

The HTML is built by :mod:`wargame.report` (pure Python). A PDF goes through Qt's own printing
in ``ui.report_pdf``, imported only when the output ends in ``.pdf`` (by name, so the engine
package keeps no import of Qt or ``ui``), offscreen when there is no display.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path
from typing import Any, Callable

from wargame.outfiles import write_text_whole
from wargame.report.html import AUDIENCES

PDF_MODULE = "ui.report_pdf"


def _pdf_writer() -> object | None:
    """The PDF module, or ``None`` (with a message) if Qt is not available."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        return importlib.import_module(PDF_MODULE)
    except ImportError as err:
        print(f"error: a PDF report needs Qt (PySide6), which is not available here ({err}); "
              "write HTML instead (-o report.html)", file=sys.stderr)
        return None


def write_html_or_pdf(out: Path, pdf: Callable[[Any], object], html: Callable[[], str], what: str,
                      quiet: bool = False) -> int:
    """Write ``out``: as PDF by ``pdf(writer)`` with the ``ui.report_pdf`` module when it ends in
    ``.pdf``, else the page ``html()`` returns. Status 2 without Qt for a PDF, 1 if it cannot be
    written (one line on stderr), else 0 with "``what`` written to ``out``"."""
    writer = _pdf_writer() if out.suffix.lower() == ".pdf" else None
    if out.suffix.lower() == ".pdf" and writer is None:
        return 2
    try:
        if writer is not None:
            pdf(writer)
        else:
            write_text_whole(out, html())
    except OSError as err:
        print(f"error: {out}: cannot be written ({err.strerror or err})", file=sys.stderr)
        return 1
    if not quiet:
        print(f"{what} written to {out}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write the debrief of a save file as HTML or PDF; a bad save is one line on stderr, status 1."""
    from wargame.report import build_report_html, load_source

    out = Path(args.output) if args.output else Path(args.file).with_suffix(".html")
    if out.suffix.lower() == ".pdf" and _pdf_writer() is None:
        return 2
    source = load_source(args.file)  # a SaveError is reported by ``wargame.cli.main`` (status 1)
    return write_html_or_pdf(out, lambda w: w.write_pdf(source, out, audience=args.audience),
                             lambda: build_report_html(source, audience=args.audience), "report", args.quiet)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``report`` subcommand."""
    p = sub.add_parser("report", help="write the debrief report of a saved game (HTML or PDF)")
    p.add_argument("file", help="the saved game (.wargame file)")
    p.add_argument("-o", "--output", default=None,
                   help="output file: .html (default: next to the save) or .pdf")
    p.add_argument("--audience", choices=AUDIENCES, default="facilitator",
                   help="facilitator (everything, the default) or students (a handout without the "
                   "facilitator's notes and bookmarks)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    p.set_defaults(func=cmd_report)
