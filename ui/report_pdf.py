"""The debrief report as a PDF, through Qt's own printing (no browser).

The HTML comes from :mod:`wargame.report` in its Qt flavour (a CSS subset Qt's rich text
understands); each chart's SVG is rendered to a PNG-quality image by ``QSvgRenderer`` and
handed to the ``QTextDocument`` as a resource. Pages are laid out by the document and painted
onto a ``QPdfWriter`` with a running title and page numbers.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from wargame.outfiles import check_pdf_whole, replaced_on_success
from wargame.report import css
from wargame.report.charts import Figure
from wargame.report.html import render
from wargame.report.source import ReportSource, make_source
from wargame.report.svg import figure_svg

DOC_WIDTH = 680.0
"""Width of the text column in document units (pixels at 96 dpi): A4 less 15 mm margins."""
HEADER, FOOTER = 30.0, 26.0
"""Document units reserved above and below the text on each page."""
CHART_SCALE = 2.5
"""Chart images are rendered at this multiple of their on-page size, for print sharpness."""


def ensure_app() -> Any:
    """A Qt GUI application (fonts and painting need one); offscreen when there is no display."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        try:  # a widgets application, so the app (or a test suite) can still open windows later
            from PySide6.QtWidgets import QApplication
            app = QApplication([sys.argv[0] if sys.argv else "wargame"])
        except ImportError:
            app = QGuiApplication([sys.argv[0] if sys.argv else "wargame"])
    return app


def chart_image(fig: Figure, scale: float = CHART_SCALE) -> Any:
    """The figure drawn by Qt's SVG renderer onto a white ``QImage``."""
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(figure_svg(fig).encode("utf-8")))
    size = renderer.defaultSize()
    image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


def build_document(source: ReportSource, audience: str = "facilitator") -> Any:
    """The report as a ``QTextDocument`` with its chart images attached."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    images: dict[str, Any] = {}

    def chart_html(fig: Figure) -> str:
        image = chart_image(fig)
        name = f"chart-{fig.key}.png"
        images[name] = image
        width = DOC_WIDTH - 8
        height = width * image.height() / image.width()
        return f'<p align="center"><img src="{name}" width="{width:.0f}" height="{height:.0f}"></p>'

    html = render(source, chart_html, css.QT, audience)
    for name, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    return html_document(html, doc)


def html_document(html: str, doc: Any = None) -> Any:
    """A ``QTextDocument`` (``doc``, or a new one) holding ``html`` in the printed font, no margin."""
    from PySide6.QtGui import QFont, QTextDocument

    doc = doc if doc is not None else QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.5)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    return doc


def _headings(doc: Any) -> list[tuple[float, int, Any]]:
    """(top of the heading's box, above its margin; level; block) of every level-2 and
    level-3 heading, in order."""
    layout = doc.documentLayout()
    out = []
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.headingLevel() in (2, 3) and block.text().strip():
            top = layout.blockBoundingRect(block).top() - fmt.topMargin()
            out.append((top, fmt.headingLevel(), block))
        block = block.next()
    return out


KEEP_WHOLE = 0.4
"""A top-level section up to this share of a page is moved whole to the next page rather than
split; a longer one (the timeline) flows on, so no page is left mostly blank. Subsections (a
crisis card, a chart, a score table) always move whole when they fit on a page."""


def _break_to_move(doc: Any, page_h: float, keep_whole: float = KEEP_WHOLE) -> Any:
    """The first heading whose short section straddles a page (or that sits at the foot of a
    page), or ``None``. A short section heading just before it moves with it."""
    heads = _headings(doc)
    end_doc = doc.documentLayout().documentSize().height()
    for i, (top, level, block) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else end_doc
        page = int((top + 1) // page_h)
        if top - page * page_h < 2 or end - 2 <= (page + 1) * page_h:
            continue
        whole = page_h * (0.97 if level == 3 else keep_whole)
        if end - top <= whole or (page + 1) * page_h - top < page_h * 0.15:
            before = heads[i - 1] if i else None
            if (before is not None and level == 3 and before[1] == 2 and top - before[0] < page_h * 0.2
                    and before[0] - page * page_h > 2):
                return before[2]
            return block
    return None


def keep_together(doc: Any, page_h: float, limit: int = 200, keep_whole: float = KEEP_WHOLE) -> None:
    """Move short sections (a crisis, a chart, a score table) whole onto the next page rather
    than split them, as CSS ``page-break-inside: avoid`` does in a browser."""
    from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextFormat

    for _ in range(limit):
        block = _break_to_move(doc, page_h, keep_whole)
        if block is None:
            return
        fmt = QTextBlockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(block).mergeBlockFormat(fmt)


def page_fill(doc: Any, page_h: float) -> list[float]:
    """How far down each laid-out page the ink reaches, as a share of the page (1.0 = full),
    found by drawing each page small and looking for its lowest non-white row."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    scale = 0.25
    width, height = int(DOC_WIDTH * scale), int(page_h * scale)
    out = []
    for index in range(doc.pageCount()):
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.scale(scale, scale)
        painter.translate(0, -index * page_h)
        doc.drawContents(painter, QRectF(0, index * page_h, DOC_WIDTH, page_h))
        painter.end()
        white = QColor(Qt.GlobalColor.white).rgb()
        low = next((y for y in range(height - 1, -1, -1)
                    if any(image.pixel(x, y) != white for x in range(0, width, 2))), -1)
        out.append((low + 1) / height)
    return out


def a4_writer(out: Path, title: str) -> Any:
    """A ``QPdfWriter`` for an A4 portrait PDF at 300 dpi with the report's margins."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 12, 15, 12), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("Layered Deterrence")
    return writer


def text_page_height(writer: Any) -> float:
    """The height of a page's text area in document units (the page less header and footer)."""
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    return rect.height() * DOC_WIDTH / rect.width() - HEADER - FOOTER


def _paint_pages(doc: Any, writer: Any, title: str, right: str, keep_whole: float = KEEP_WHOLE) -> int:
    from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QPainter, QPen

    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    scale = rect.width() / DOC_WIDTH
    page_h = text_page_height(writer)
    doc.setPageSize(QSizeF(DOC_WIDTH, page_h))
    painter = QPainter(writer)
    keep_together(doc, page_h, keep_whole=keep_whole)
    pages = doc.pageCount()
    small = QFont("DejaVu Sans")
    small.setPixelSize(10)
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.setFont(small)
            painter.setPen(QColor("#666666"))
            band = QRectF(0, 0, DOC_WIDTH, HEADER - 10)
            painter.drawText(band, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), title)
            painter.drawText(band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), right)
            painter.setPen(QPen(QColor("#999999"), 0.6))
            painter.drawLine(QPointF(0, HEADER - 6), QPointF(DOC_WIDTH, HEADER - 6))
            painter.setPen(QColor("#666666"))
            foot = QRectF(0, HEADER + page_h + 6, DOC_WIDTH, FOOTER - 6)
            painter.drawText(foot, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                             f"Page {index + 1} of {pages}")
            painter.translate(0, HEADER - index * page_h)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = QRectF(0, index * page_h, DOC_WIDTH, page_h)
            painter.setClipRect(ctx.clip)
            doc.documentLayout().draw(painter, ctx)
            painter.restore()
    finally:
        painter.end()
    return pages


def _print_whole(doc: Any, path: Path, title: str, right: str, keep_whole: float = KEEP_WHOLE) -> None:
    """Print ``doc`` to the PDF file ``path`` and check that it came out whole (Qt's PDF writer
    does not report a full disk)."""
    writer = a4_writer(path, title)
    _paint_pages(doc, writer, title, right, keep_whole=keep_whole)
    del writer  # closes the file
    check_pdf_whole(path)


def write_pdf(record_or_game: Any, out_path: str | Path, seats_info: Any = None,
              audience: str = "facilitator") -> Path:
    """Write the report of a ``GameRecord``, ``Game`` or ``ReportSource`` as an A4 PDF
    (``audience="students"``: a handout without the facilitator's notes)."""
    ensure_app()
    source = make_source(record_or_game, seats_info)
    out = Path(out_path)
    title = f"Debrief: {source.title or source.game.scenario.meta.title}"
    doc = build_document(source, audience)
    with replaced_on_success(out) as tmp:
        _print_whole(doc, tmp, title, f"Layered Deterrence · seed {source.game.seed}")
    return out


def write_report_pdf(record_path: str | Path, out_path: str | Path) -> Path:
    """Read a save file and write its report as PDF (what ``wargame report -o X.pdf`` runs)."""
    from wargame.report import load_source

    return write_pdf(load_source(record_path), out_path)


def write_briefs_pdf(scenario: Any, out_path: str | Path, seats: Any = None, teams: Any = None) -> Path:
    """Write the role briefs of ``seats`` (all by default) of a ``Scenario`` as an A4 PDF, each
    seat from a new page (what ``wargame briefs -o X.pdf`` and Help → Role briefs… run)."""
    from wargame.briefs import briefs_html
    from wargame.types import SEAT_NAMES

    ensure_app()
    chosen = list(seats) if seats is not None else None
    out = Path(out_path)
    who = SEAT_NAMES.get(chosen[0], chosen[0]) if chosen and len(chosen) == 1 else "every seat"
    title = f"Role brief{'' if chosen and len(chosen) == 1 else 's'}: {who}"
    doc = html_document(briefs_html(scenario, chosen, stylesheet=css.QT, teams=teams))
    with replaced_on_success(out) as tmp:
        _print_whole(doc, tmp, title, f"Layered Deterrence · {scenario.meta.title}", keep_whole=0.2)
    return out
