"""The debrief report of a game: HTML built in pure Python (charts as inline SVG).

``build_report_html(record_or_game)`` returns the page; ``write_report(save, out)`` writes it
from a save file, as HTML or, through ``ui.report_pdf`` (Qt), as PDF. This package never imports Qt.
"""
from __future__ import annotations

from wargame.report.api import build_report_html, load_source, open_record, write_report
from wargame.report.charts import SEAT_COLOURS, Figure, figures
from wargame.report.questions import TRACKS, Question, questions
from wargame.report.source import ReportSource, SeatRow, from_game, from_record, make_source
from wargame.report.svg import figure_svg

__all__ = [
    "SEAT_COLOURS", "TRACKS", "Figure", "Question", "ReportSource", "SeatRow", "build_report_html",
    "figure_svg", "figures", "from_game", "from_record", "load_source", "make_source", "open_record",
    "questions", "write_report",
]
