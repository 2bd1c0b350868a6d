"""The report's entry points: build the HTML from a game or a record, write it from a save file."""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from wargame.outfiles import write_text_whole
from wargame.report.html import ChartHtml, render
from wargame.report.source import ReportSource, from_record, make_source

PDF_MODULE = "ui.report_pdf"
"""Where the PDF writer lives (it needs Qt, which the engine package never imports)."""


def build_report_html(record_or_game: Any, seats_info: Any = None, *,
                      chart_html: ChartHtml | None = None, stylesheet: str | None = None,
                      audience: str = "facilitator") -> str:
    """The debrief as a self-contained HTML page.

    ``record_or_game`` is a storage ``GameRecord``, a :class:`~wargame.Game` or a
    :class:`ReportSource`; ``seats_info`` (SeatInfo objects, dicts or ``{seat: info}``) overrides
    the record's seats, or names the players of a bare game. ``chart_html`` turns each chart
    figure into markup (inline SVG by default); ``stylesheet`` replaces the browser CSS;
    ``audience="students"`` leaves the facilitator's notes and bookmarks out (a handout).
    """
    return render(make_source(record_or_game, seats_info), chart_html, stylesheet, audience)


def open_record(path: str | Path) -> Any:
    """Open a save file read-only (raises the storage package's ``SaveError`` if it cannot)."""
    from wargame.storage import GameRecord  # storage is optional for the engine

    return GameRecord.open(path, readonly=True)


def load_source(path: str | Path) -> ReportSource:
    """Everything a report needs, read from a save file."""
    record = open_record(path)
    try:
        source = from_record(record)
    finally:
        close = getattr(record, "close", None)
        if callable(close):
            close()
    if not source.origin:
        source.origin = str(path)
    return source


def write_report(record_path: str | Path, out_path: str | Path, audience: str = "facilitator") -> Path:
    """Write the report of a save file to ``out_path``: HTML, or PDF if it ends in ``.pdf``
    (``audience``: ``facilitator`` or ``students``, see :func:`build_report_html`).

    The PDF goes through Qt's own printing (``ui.report_pdf``), imported only then.
    """
    out = Path(out_path)
    source = load_source(record_path)
    if out.suffix.lower() == ".pdf":
        pdf = importlib.import_module(PDF_MODULE)
        return Path(pdf.write_pdf(source, out, audience=audience))
    return write_text_whole(out, build_report_html(source, audience=audience))
