"""A seat's security portfolio (article §6): what each commitment costs, would deliver, and how credible it is.

:class:`PortfolioView` is a pure view over a :class:`wargame.Game` (read only). The helpers
:func:`commitment_facts` and :func:`commitment_tooltip` describe one commitment from the
engine's data and deterrence helpers; the network canvas reuses them for its tooltips.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize,
                            QSortFilterProxyModel, Qt)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHeaderView, QLabel, QSizePolicy, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QTableView, QVBoxLayout, QWidget)

from ui.theme import NEUTRAL, SEAT_COLORS, kind_style, scaled_font
from wargame.rules.deterrence import COVERING, UNIFORM, contribution, provider_shares, seat_deterrence
from wargame.rules.figures import commitment_figures, obliged_seats
from wargame.types import COMMAND_LEVELS, INTEROP_LEVELS, SEAT_NAMES, money

if TYPE_CHECKING:
    from wargame import Game
    from wargame.state import Commitment

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
"""A row's summary of the hidden columns (partners, money, credibility, visibility) in a narrow table."""
COMPACT_HIDDEN = (1, 2, 3, 5, 6)
"""Columns a narrow table (a dock at 1280×720) folds into the name cell's detail lines."""


def _n(seat: str) -> str:
    return SEAT_NAMES.get(seat, seat.title())


@dataclass
class Delivery:
    """What ``partner`` would deliver to ``target`` through a covering commitment if tested."""

    target: str
    partner: str
    real: float
    perceived: float


@dataclass
class CommitmentFacts:
    """Everything the views show about one commitment (money in $m; + pays, − receives)."""

    upfront: dict[str, int] = field(default_factory=dict)
    per_quarter: dict[str, int] = field(default_factory=dict)
    deliveries: list[Delivery] = field(default_factory=list)
    capability: dict[str, str] = field(default_factory=dict)
    capability_points: dict[str, float] = field(default_factory=dict)
    obliged: list[str] = field(default_factory=list)
    credibility: dict[str, float] = field(default_factory=dict)
    value: float = 0.0


def commitment_facts(g: "Game", com: "Commitment") -> CommitmentFacts:
    """Costs, deliveries if tested and the credibility behind ``com`` (read-only), from the
    engine's figures (:func:`wargame.rules.figures.commitment_figures`)."""
    fig = commitment_figures(g, com)
    f = CommitmentFacts(dict(fig.upfront), dict(fig.per_quarter), value=fig.value)
    f.obliged = obliged_seats(com)
    f.credibility = {s: g.state.seats[s].credibility for s in f.obliged if s in g.state.seats}
    t = com.terms
    if com.kind in COVERING and com.status == "active":
        pairs = ([(t["to"], "washington")] if com.kind == "assurance" else
                 [(a, b) for a in com.parties for b in com.parties if a != b])
        for target, partner in pairs:
            real = contribution(g, partner, com, UNIFORM)
            perc = contribution(g, partner, com, UNIFORM, perceived=True) if com.public else 0.0
            f.deliveries.append(Delivery(target, partner, real, perc))
        f.value = sum(d.real for d in f.deliveries)
    elif com.kind == "arms_sale":
        pts = fig.capability[t["buyer"]]
        f.capability_points[t["buyer"]] = pts
        held = " (on hold)" if t.get("held") else ""
        f.capability[t["buyer"]] = f"+{pts:.1f} {t['domain']} ({fig.instalments_left} to come){held}"
        f.capability[t["seller"]] = f"exports {money(fig.instalment)}/q{held}"
    elif com.kind == "coproduction":
        line = g.scenario.line(t["line"])
        ready = int(t.get("ready", 0))
        when = "" if g.state.turn >= ready else f" from {g.quarter_of(ready)}"
        for seat, pts in fig.capability.items():
            f.capability_points[seat] = pts
            f.capability[seat] = f"+{pts:.1f} {line.domain}/q{when}"
    elif com.kind == "premium":
        f.capability[t["buyer"]] = f"+{fig.capability[t['buyer']]:.1f} perceived (premium)"
        f.capability[t["provider"]] = "prices its premium"
    elif com.kind == "port_access":
        f.capability[t["guest"]] = f"access at {g.scenario.site(t['site']).name}"
        f.capability[t["host"]] = "hosts access (integration)"
    elif com.kind == "understanding":
        for p in com.parties:
            ask = "no Russian/Chinese arms" if t.get("ask") == "no_foreign_arms" else "accession paused"
            f.capability[p] = f"+{t.get('reward', 0)} standing" if p != "washington" else f"asks: {ask}"
    return f


_MONEY_KEYS = {"amount", "value", "limit", "fee", "capital", "outstanding", "used"}
_SKIP_KEYS = {"layers", "to", "integration", "host", "ready", "prepaid", "from_loan", "held", "quarters", "paid"}


def terms_text(g: "Game", com: "Commitment") -> str:
    """The terms of ``com`` as one short readable line."""
    parts = []
    for key, val in com.terms.items():
        if key in _SKIP_KEYS or isinstance(val, (dict, list)):
            continue
        if key in _MONEY_KEYS and isinstance(val, (int, float)):
            val = money(val)
        elif key == "rate":
            val = f"{val:g}%"
        elif key in ("lender", "borrower", "donor", "recipient", "seller", "buyer", "provider",
                     "beneficiary", "partner", "guest"):
            val = _n(str(val))
        elif key == "share":
            val = f"{val}%"
        elif key == "site":
            val = g.scenario.site(str(val)).name
        elif key == "line":
            val = g.scenario.line(str(val)).name
        parts.append(f"{key.replace('_', ' ')} {val}")
    lay = com.layers
    if com.kind == "pact":
        parts.append("planning cell" if lay.get("planning") else "no planning cell")
        parts.append(f"{COMMAND_LEVELS[min(2, int(lay.get('command', 0)))]} command")
        parts.append(f"interop {INTEROP_LEVELS[min(3, int(lay.get('interop', 0)))]}")
    if "habit" in lay:
        parts.append(f"habit {float(lay['habit']):.2f}")
    return ", ".join(parts)


def _cost_line(d: dict[str, int], suffix: str = "") -> str:
    items = [f"{_n(s)} {'pays' if v > 0 else 'gets'} {money(abs(v))}{suffix}" for s, v in d.items() if v]
    return "; ".join(items) or "none"


def commitment_tooltip(g: "Game", com: "Commitment", facts: CommitmentFacts | None = None) -> str:
    """Rich-text tooltip: terms, cost, credibility and what ``com`` would deliver if tested."""
    f = facts or commitment_facts(g, com)
    st = kind_style(com.kind)
    vis = "public" if com.public else "SECRET"
    rows = [f"<b>{com.name}</b><br><i>{st.label}</i> · {vis} · signed {g.quarter_of(com.signed) if com.signed else 'before the game'}",
            f"<b>Parties:</b> {', '.join(_n(p) for p in com.parties)}"]
    terms = terms_text(g, com)
    if terms:
        rows.append(f"<b>Terms:</b> {terms}")
    rows.append(f"<b>Cost:</b> up front {_cost_line(f.upfront)}; per quarter {_cost_line(f.per_quarter, '/q')}")
    rows.append("<b>Credibility:</b> " + ", ".join(f"{_n(s)} {c:.0f}/100" for s, c in f.credibility.items()))
    if f.deliveries:
        lines = [f"{_n(d.partner)} → {_n(d.target)}: <b>{d.real:.1f}</b> real vs {d.perceived:.1f} perceived"
                 for d in f.deliveries]
        rows.append("<b>If tested</b> (capability points):<br>" + "<br>".join(lines))
    elif f.capability:
        rows.append("<b>Delivers:</b> " + "; ".join(f"{_n(s)} {v}" for s, v in f.capability.items()))
    return "<br>".join(rows)


HEADERS = ("Commitment (kind)", "Partner(s)", "Up front", "Per quarter", "Delivers if tested",
           "Credibility", "Visibility")


class PortfolioModel(QAbstractTableModel):
    """Rows: one active commitment of a seat; each cell has a display text and a sort key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[tuple[str, Any, QColor | None]]] = []
        self._tips: list[str] = []
        self._details: list[str] = []

    def set_rows(self, rows: list[list[tuple[str, Any, QColor | None]]], tips: list[str],
                 details: list[str] | None = None) -> None:
        """Replace the rows: each cell is (text, sort key, decoration colour or None); ``details``
        is each row's one-line summary of the columns a narrow table hides."""
        self.beginResetModel()
        self._rows, self._tips = rows, tips
        self._details = details if details is not None else ["" for _ in rows]
        self.endResetModel()

    def text_width(self, column: int, fm: QFontMetrics) -> int:
        """Width a column needs for its longest text (plus the colour swatch, if any)."""
        cells = [row[column] for row in self._rows]
        return max((fm.horizontalAdvance(t.partition("\n")[0]) + (30 if c is not None else 12) for t, _, c in cells),
                   default=40)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text, key, colour = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT_ROLE:
            return key
        if role == Qt.ItemDataRole.DecorationRole:
            return colour
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[index.row()]
        if role == DETAIL_ROLE:
            return self._details[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (2, 3, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None


def _money_cell(amount: int, suffix: str = "") -> tuple[str, Any, None]:
    if not amount:
        return ("—", 0, None)
    return (f"{'pays' if amount > 0 else 'gets'} {money(abs(amount))}{suffix}", amount, None)


class _NameDelegate(QStyledItemDelegate):
    """Paints a commitment's name, then its kind (muted) and, in a narrow table, the folded
    columns' summary; every part wraps onto more lines instead of being cut."""

    compact = False

    @staticmethod
    def parts(option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
              compact: bool) -> list[tuple[str, QFont, bool]]:
        """(text, font, muted) of each paragraph drawn in the cell."""
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        name, _, kind = text.partition("\n")
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.88)
        detail = str(index.data(DETAIL_ROLE) or "") if compact else ""
        if detail:
            kind = f"{kind} · {detail}" if kind else detail
        return [(name, QFont(option.font), False)] + ([(kind, small, True)] if kind else [])

    @staticmethod
    def part_heights(parts: list[tuple[str, QFont, bool]], width: int) -> list[int]:
        """Height of each paragraph wrapped to ``width``."""
        flags = int(Qt.TextFlag.TextWordWrap)
        return [QFontMetrics(f).boundingRect(0, 0, max(width, 1), 100_000, flags, t).height() for t, f, _ in parts]

    @staticmethod
    def text_rect(opt: QStyleOptionViewItem) -> QRect:
        """Where the texts go in a cell laid out by ``opt`` (right of the colour swatch)."""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(2, 2, -2, -2)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        if isinstance(view, QTableView):  # the cell's width: the column less its grid line
            opt.rect = QRect(0, 0, view.columnWidth(index.column()) - int(view.showGrid()), 100)
        heights = self.part_heights(self.parts(opt, index, self.compact), self.text_rect(opt).width())
        return QSize(opt.rect.width(), sum(heights) + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = self.text_rect(opt)
        parts = self.parts(opt, index, self.compact)
        heights = self.part_heights(parts, rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        top = rect.top() + max((rect.height() - sum(heights)) // 2, 0)
        painter.save()
        for (text, font, muted), h in zip(parts, heights):
            painter.setFont(font)
            painter.setPen(opt.palette.highlightedText().color() if selected
                           else QColor(NEUTRAL["muted"]) if muted else opt.palette.text().color())
            painter.drawText(QRect(rect.left(), top, rect.width(), h),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), text)
            top += h
        painter.restore()


class _Tile(QFrame):
    """A headline number with a caption, legible from the back of a room."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(f"#tile {{ background: white; border: 1px solid {NEUTRAL['border']}; border-radius: 6px; }}")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(0)
        self.caption = QLabel(caption)
        self.caption.setFont(scaled_font(9))
        self.caption.setStyleSheet(f"color: {NEUTRAL['muted']}; border: none;")
        self.value = QLabel("—")
        self.value.setFont(scaled_font(15, bold=True))
        self.value.setStyleSheet("border: none;")
        lay.addWidget(self.caption)
        lay.addWidget(self.value)


def _detail(cells: list[tuple[str, Any, QColor | None]]) -> str:
    """The summary of the columns a narrow table hides: partners, money, credibility, visibility."""
    partners, upfront, quarterly, cred, vis = (cells[c][0] for c in COMPACT_HIDDEN)
    money_parts = [t for t in (f"{upfront} up front" if upfront != "—" else "",
                               quarterly if quarterly != "—" else "") if t]
    parts = [f"with {partners}" if partners != "—" else "", ", ".join(money_parts),
             f"credibility {cred}" if cred != "—" else "", vis]
    return " · ".join(p for p in parts if p)


class PortfolioView(QWidget):
    """A seat's security portfolio: headline tiles above a sortable table of its active commitments."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat: str | None = None
        self.title = QLabel("Security portfolio")
        self.title.setFont(scaled_font(13, bold=True))
        self.tiles = {key: _Tile(cap) for key, cap in (
            ("real", "Real deterrence"), ("perceived", "Perceived deterrence"), ("gap", "Bluff gap"),
            ("hhi", "Concentration (HHI)"), ("providers", "Providers' shares of real cover"))}
        self.tiles["providers"].value.setFont(scaled_font(11, bold=True))
        self.tiles["providers"].value.setWordWrap(True)
        self._tile_grid = QGridLayout()
        self._tile_grid.setSpacing(8)
        self._tile_cols = 0
        self._arrange_tiles(5)
        self.model = PortfolioModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)  # long texts take more lines rather than being cut
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.names = _NameDelegate(self.table)
        self.table.setItemDelegateForColumn(0, self.names)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        hdr = self.table.horizontalHeader()
        hdr.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hdr.setStretchLastSection(False)
        hdr.setFont(scaled_font(10, bold=True))
        self.table.setFont(scaled_font(10.5))
        self.table.verticalHeader().setDefaultSectionSize(int(self.table.fontMetrics().height() * 2.3))
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.viewport().installEventFilter(self)
        self.empty = QLabel("No active commitments.")
        self.empty.setStyleSheet(f"color: {NEUTRAL['muted']};")
        self.empty.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.title)
        lay.addLayout(self._tile_grid)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty)

    def set_game(self, game: "Game", seat: str) -> None:
        """Show ``seat``'s portfolio in ``game`` (which is only read)."""
        self.seat = seat
        colour = SEAT_COLORS.get(seat, NEUTRAL["text"])
        self.title.setText(f"<span style='color:{colour}'>●</span> {_n(seat)}'s security portfolio "
                           f"<span style='color:{NEUTRAL['muted']}; font-weight:normal'>· {game.quarter}</span>")
        real, perceived = seat_deterrence(game, seat)
        shares = provider_shares(game, seat)
        hhi = sum(v * v for v in shares.values()) if shares else 1.0
        self.tiles["real"].value.setText(f"{real:.1f}")
        self.tiles["perceived"].value.setText(f"{perceived:.1f}")
        gap = perceived - real
        self.tiles["gap"].value.setText(f"{gap:+.1f}")
        self.tiles["gap"].value.setStyleSheet(f"border: none; color: {'#C0392B' if gap > 10 else NEUTRAL['text']};")
        self.tiles["hhi"].value.setText(f"{hhi:.2f}")
        self.tiles["hhi"].setToolTip("Herfindahl index of the providers' shares: 1 = a single provider, "
                                     "lower = a diversified portfolio")
        self.tiles["providers"].value.setText(" · ".join(
            f"<span style='color:{SEAT_COLORS.get(p, NEUTRAL['text'])}'>■</span>&nbsp;{_n(p)}&nbsp;{v:.0%}"
            for p, v in sorted(shares.items(), key=lambda kv: -kv[1])) or "none")
        rows, tips, details = [], [], []
        for com in game.state.commitments.values():
            if com.status != "active" or seat not in com.parties:
                continue
            facts = commitment_facts(game, com)
            rows.append(self._row(game, com, seat, facts))
            tips.append(commitment_tooltip(game, com, facts))
            details.append(_detail(rows[-1]))
        self.model.set_rows(rows, tips, details)
        self.empty.setVisible(not rows)
        self._fit_columns()

    @property
    def compact(self) -> bool:
        """Whether the table is too narrow for every column and folds some into the name cell."""
        return self.names.compact

    def _fit_columns(self) -> None:
        """Fit the columns to the viewport without cutting any text.

        Wide enough for every column: money, credibility and visibility keep their full width,
        the name (at least ~24 % of the width) and partners share the rest, wrapping if need be.
        Narrower (a dock at 1280×720): the name cell also lists partners, money, credibility and
        visibility, beside the "Delivers if tested" column.
        """
        avail = self.table.viewport().width()
        hdr = self.table.horizontalHeader()
        fm = QFontMetrics(self.table.font())
        hints = {c: max(self.model.text_width(c, fm), hdr.sectionSizeHint(c)) + 6 for c in range(len(HEADERS))}
        name_min = max(avail * 0.24, 160.0)
        compact = avail < sum(hints[c] for c in range(1, len(HEADERS))) + name_min
        self.names.compact = compact
        for c in COMPACT_HIDDEN:
            self.table.setColumnHidden(c, compact)
        if compact:
            deliver = max(hdr.sectionSizeHint(4) + 6, min(hints[4], int(avail * 0.4)))
            widths = {4: deliver, 0: max(avail - deliver, 120)}
        else:
            fixed = {2, 3, 5, 6}
            rest = avail - sum(hints[c] for c in fixed)
            flex = {1: hints[1], 4: hints[4]}
            scale = min(1.0, max(0.3, (rest - name_min) / sum(flex.values())))
            widths = {**{c: hints[c] for c in fixed},
                      **{c: max(hdr.sectionSizeHint(c) + 6, int(w * scale)) for c, w in flex.items()}}
            longest = max((fm.horizontalAdvance(n.strip()) for r in range(self.model.rowCount())
                           for n in str(self.model.index(r, 1).data()).split(",")), default=0)
            widths[1] = max(widths[1], longest + 30)  # partner names wrap between names, never inside one
            widths[0] = max(hdr.sectionSizeHint(0) + 6, avail - sum(widths.values()))
        for c, w in widths.items():
            hdr.resizeSection(c, w)
        self.table.resizeRowsToContents()

    def _arrange_tiles(self, cols: int) -> None:
        """Lay the headline tiles out on ``cols`` columns (the providers' tile takes what is left)."""
        if cols == self._tile_cols:
            return
        self._tile_cols = cols
        keys = [k for k in self.tiles if k != "providers"]
        for i, key in enumerate(keys):
            self._tile_grid.addWidget(self.tiles[key], i // cols, i % cols)
        row, col = divmod(len(keys), cols)
        self._tile_grid.addWidget(self.tiles["providers"], row, col, 1, cols - col)
        for c in range(5):
            self._tile_grid.setColumnStretch(c, (2 if cols > 4 and c == 4 else 1) if c < cols else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrap the tiles onto more rows when the view is narrow (e.g. in a dock)."""
        super().resizeEvent(event)
        need = QFontMetrics(self.tiles["perceived"].caption.font()).horizontalAdvance("Perceived deterrence") + 34
        width = event.size().width() - 16
        self._arrange_tiles(5 if width >= need * 6 else 4 if width >= need * 4 else 2 if width >= need * 2 else 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit the columns whenever the table's viewport changes size."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _row(self, g: "Game", com: "Commitment", seat: str, f: CommitmentFacts) -> list[tuple[str, Any, QColor | None]]:
        ks = kind_style(com.kind)
        partners = [p for p in com.parties if p != seat]
        gets = [d for d in f.deliveries if d.target == seat]
        owes = [d for d in f.deliveries if d.partner == seat]
        real = sum(d.real for d in gets)
        if gets:
            text = f"{real:.1f} pts (seen {sum(d.perceived for d in gets):.1f})"
            if owes:
                text += f", owes {sum(d.real for d in owes):.1f}"
        elif owes:
            text = "owes " + ", ".join(f"{_n(d.target)} {d.real:.1f} pts" for d in owes)
        else:
            text = f.capability.get(seat, "no cover (finance)" if ks.group == "Finance" else "—")
            real = f.capability_points.get(seat, 0.0)
        creds = {s: c for s, c in f.credibility.items() if s != seat} or f.credibility
        vals = sorted(creds.values())
        cred_text = "—" if not vals else f"{vals[0]:.0f}" if len(vals) == 1 else f"{vals[0]:.0f}–{vals[-1]:.0f}"
        cred_key = sum(creds.values()) / len(creds) if creds else 0.0
        first = partners[0] if partners else seat
        return [
            (f"{com.name}\n{ks.label}", f"{ks.group} {ks.label} {com.name}".lower(), QColor(ks.color)),
            (", ".join(_n(p) for p in partners) or "—", ", ".join(partners), QColor(SEAT_COLORS.get(first, NEUTRAL["actor"]))),
            _money_cell(f.upfront.get(seat, 0)),
            _money_cell(f.per_quarter.get(seat, 0), "/q"),
            (text, real, None),
            (cred_text, cred_key, None),
            ("public" if com.public else "secret", int(com.public), None),
        ]

    def row_count(self) -> int:
        """Number of commitments shown."""
        return self.model.rowCount()
