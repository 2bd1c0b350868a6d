"""``wargame briefs [--scenario ID] [--seat SEAT] -o OUT.html|OUT.pdf``: printable role briefs.

The HTML is built by :mod:`wargame.briefs` (pure Python). A PDF goes through Qt's printing in
``ui.report_pdf``, found the same way as the debrief report's PDF writer (``wargame report``).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wargame.types import SEATS


def cmd_briefs(args: argparse.Namespace) -> int:
    """Write the role brief of one seat, or of every seat (one per page), as HTML or PDF."""
    from wargame.briefs import briefs_html, check_seat
    from wargame.commands.report import write_html_or_pdf
    from wargame.scenario import load_scenario

    try:
        seats = check_seat(args.seat)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    scenario = load_scenario(args.scenario)  # a ScenarioError is reported by ``wargame.cli.main``
    default = f"briefs-{scenario.meta.id}{'-' + seats[0] if len(seats) == 1 else ''}.html"
    out = Path(args.output) if args.output else Path(default)
    if out.suffix.lower() not in (".html", ".htm", ".pdf"):
        print(f"error: {out}: the output is a .html or a .pdf file", file=sys.stderr)
        return 2
    what = f"role brief{'s' if len(seats) > 1 else ''}"
    return write_html_or_pdf(out, lambda w: w.write_briefs_pdf(scenario, out, seats),
                             lambda: briefs_html(scenario, seats), what, args.quiet)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``briefs`` subcommand."""
    p = sub.add_parser("briefs", help="write printable role briefs (HTML or PDF), one seat per page")
    p.add_argument("--scenario", default="pact-2026", help="scenario id or file (default: pact-2026)")
    p.add_argument("--seat", default=None, metavar="SEAT",
                   help=f"one seat ({', '.join(SEATS)}); default: every seat")
    p.add_argument("-o", "--output", default=None,
                   help="output file, .html or .pdf (default: briefs-SCENARIO[-SEAT].html here)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    p.set_defaults(func=cmd_briefs)
