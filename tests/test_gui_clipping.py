"""No clipped or overlapping text at 1280×720 (issue 15): texts are measured with QFontMetrics
against the rectangle they are drawn in.

- Portfolio table: every header and every cell fits its column (wrapping onto more lines is
  fine, cutting a word or eliding is not), in the 1280×720 seat dock and in a wide window.
- Map labels do not overlap one another (a name with no free place is left to its tooltip).
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QFont, QFontMetrics  # noqa: E402
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem  # noqa: E402

from wargame.types import SEATS  # noqa: E402

WRAP = int(Qt.TextFlag.TextWordWrap)


def text_fits(text: str, font: QFont, width: int, height: int) -> bool:
    """Each word fits ``width`` and the text wrapped to ``width`` fits ``height``."""
    fm = QFontMetrics(font)
    if any(fm.horizontalAdvance(word) > width for word in text.split()):
        return False
    return fm.boundingRect(0, 0, width, 100_000, WRAP, text).height() <= height


@pytest.fixture
def portfolio(qtbot):
    from ui.portfolio_view import PortfolioView
    view = PortfolioView()
    qtbot.addWidget(view)
    view.show()
    return view


@pytest.mark.parametrize("width", [392, 1240], ids=["dock-1280x720", "wide"])
@pytest.mark.parametrize("seat", SEATS)
def test_portfolio_headers_and_cells_are_not_cut(portfolio, mid_game, seat, width):
    from ui.portfolio_view import HEADERS
    portfolio.resize(width, 900)
    portfolio.set_game(mid_game, seat)
    QApplication.processEvents()
    table, hdr = portfolio.table, portfolio.table.horizontalHeader()
    shown = [c for c in range(len(HEADERS)) if not table.isColumnHidden(c)]
    assert 4 in shown, "the table must say what each commitment delivers if tested"
    right = max(hdr.sectionViewportPosition(c) + hdr.sectionSize(c) for c in shown)
    assert right <= table.viewport().width(), f"columns run {right - table.viewport().width()} px past the table"
    for c in shown:
        room = hdr.sectionSize(c) - 12  # the header's margins and sort arrow
        assert QFontMetrics(hdr.font()).horizontalAdvance(HEADERS[c]) <= room, f"header {HEADERS[c]!r} is cut"
    for r in range(portfolio.proxy.rowCount()):
        for c in shown:
            index = portfolio.proxy.index(r, c)
            rect = table.visualRect(index)
            if c == 0:
                opt = QStyleOptionViewItem()
                opt.font, opt.rect, opt.widget = table.font(), rect, table
                opt.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
                parts = portfolio.names.parts(opt, index, portfolio.compact)
                text_w = portfolio.names.text_rect(opt).width()
                for text, font, _ in parts:
                    assert text_fits(text, font, text_w, 100_000), f"{text!r} is cut at {text_w} px"
                need = sum(portfolio.names.part_heights(parts, text_w))
                assert need <= rect.height(), f"row {r}: the name and details need {need} px, the row has {rect.height()}"
            else:
                text = str(index.data())
                assert text_fits(text, table.font(), rect.width() - 10, rect.height()), \
                    f"{HEADERS[c]} {text!r} does not fit {rect.width()}x{rect.height()}"
    if portfolio.compact:  # what the hidden columns said is in the name cell
        from ui.portfolio_view import DETAIL_ROLE
        assert all(portfolio.proxy.index(r, 0).data(DETAIL_ROLE) for r in range(portfolio.proxy.rowCount()))


def _overlaps(rects: dict[str, QRectF]) -> list[tuple[str, str]]:
    names = sorted(rects)
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1:]
            if rects[a].intersects(rects[b])]


def test_map_labels_do_not_overlap(qtbot, mid_game):
    from ui import map_model
    from ui.map_canvas import MapCanvas
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    scene = map_model.build(mid_game, None)
    canvas.set_sites(scene.sites)
    canvas.set_links(scene.links)
    canvas.show()
    # the map's size in the main window at 1280x720, 1366x768 and 1920x1080, and in the replay at 1280x720
    for size in ((854, 430), (948, 480), (1180, 800), (520, 420)):
        canvas.resize(*size)
        QApplication.processEvents()
        canvas.flush_layout()
        QApplication.processEvents()
        rects: dict[str, QRectF] = {}
        scale = canvas.transform().m11()
        for site in mid_game.scenario.sites:
            item = canvas.site_item(site.id)
            if item is not None and not item.label_rect.isEmpty() and item.isVisible():
                rects[site.id] = item.label_rect.translated(item.pos() * scale)  # labels keep their pixel size
        # a name with no free place is left to its tooltip; most keep theirs even on a laptop
        assert len(rects) >= 0.75 * (len(mid_game.scenario.sites) - 1), f"only {len(rects)} labels at {size}"
        assert not _overlaps(rects), f"labels overlap at {size}: {_overlaps(rects)}"
