"""The acting seat's panel: who is playing, its resources, its actions and its security portfolio."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget,
)

from ui.action_panel import ActionPanel
from ui.forms.base import seat_name
from ui.theme import SEAT_COLORS
from ui.view_host import LazyView, scrolled
from wargame.rules.game import Game
from wargame.types import SEATS, money

RESOURCES = (("budget", "Budget"), ("income", "Income / quarter"), ("debt", "Debt"),
             ("reserves", "Reserves"), ("pc", "Political capital"), ("credibility", "Credibility"),
             ("standing", "Standing (US/NATO)"), ("stress", "Economic stress"))


class SeatPanel(QWidget):
    """Header, resources, and tabs with the :class:`ActionPanel` and the seat's PortfolioView.

    With no human seat (the computer plays every seat) a "Follow" picker chooses which seat
    to show (``followChanged``).
    """

    followChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.header = QLabel()
        self.header.setWordWrap(True)
        top.addWidget(self.header, 1)
        self.follow = QComboBox()
        self.follow.setObjectName("follow")
        for seat in SEATS:
            self.follow.addItem(f"Follow {seat_name(seat)}", seat)
        self.follow.setToolTip("The computer plays every seat: choose whose resources and portfolio to show")
        self.follow.currentIndexChanged.connect(lambda _i: self.followChanged.emit(self.follow.currentData()))
        self.follow.hide()
        top.addWidget(self.follow)
        layout.addLayout(top)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = QGridLayout(frame)
        self.grid.setContentsMargins(8, 4, 8, 4)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(1)
        self.values: dict[str, QLabel] = {}
        for i, (key, label) in enumerate(RESOURCES):
            name = QLabel(label)
            name.setStyleSheet("color:#5C636E;")
            value = QLabel("—")
            value.setObjectName(f"res_{key}")
            value.setStyleSheet("font-weight:bold;")
            self.values[key] = value
            self.grid.addWidget(name, i // 2, (i % 2) * 2)
            self.grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
        layout.addWidget(frame)
        self.tabs = QTabWidget()
        self.action_panel = ActionPanel()
        self.portfolio = LazyView("ui.portfolio_view", "PortfolioView", "Loading the portfolio…")
        self._portfolio_seat: str | None = None
        scroll = scrolled(self.portfolio)  # the portfolio is wide: let a narrow dock scroll it sideways
        self.brief = QLabel()
        self.brief.setObjectName("brief")
        self.brief.setWordWrap(True)
        self.brief.setTextFormat(Qt.TextFormat.RichText)
        self.brief.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.brief.setContentsMargins(8, 8, 8, 8)
        self.brief.linkActivated.connect(self._open_brief)
        brief_scroll = scrolled(self.brief)
        self.tabs.addTab(self.action_panel, "Actions")
        self.tabs.addTab(scroll, "Portfolio")
        self.tabs.addTab(brief_scroll, "Brief")
        self.tabs.currentChanged.connect(lambda i: i == 1 and self.portfolio.load())
        layout.addWidget(self.tabs, 1)
        self._seat: str | None = None

    def _open_brief(self, link: str) -> None:
        if link == PRINT_BRIEF:
            from ui.dialogs.briefs import show_briefs
            show_briefs(self.window(), self._seat)

    def set_game(self, game: Game, seat: str | None, can_act: bool = True, who: str = "",
                 observer: bool = False, portfolio: bool = True) -> None:
        """Show ``seat`` (None: nobody) as of now; ``observer``: the computer plays every seat.

        ``portfolio=False`` skips the portfolio table (nothing it shows has changed)."""
        self.follow.setVisible(observer)
        if observer and seat is not None and self.follow.currentData() != seat:
            self.follow.blockSignals(True)
            self.follow.setCurrentIndex(SEATS.index(seat))
            self.follow.blockSignals(False)
        self._seat = seat
        if seat is None:
            _text(self.header, "<b style='font-size:130%'>Computer players only</b>")
            for value in self.values.values():
                _text(value, "—")
        else:
            color = SEAT_COLORS.get(seat, "#1F2328")
            _text(self.header,
                f"<span style='color:{color};font-size:150%'>■</span> "
                f"<b style='font-size:130%'>{seat_name(seat)}</b>"
                f"<span style='color:#5C636E'> — {who or 'person'}</span>")
            s = game.view(seat)["seats"][seat]
            for key, _ in RESOURCES:
                value = s.get(key)
                if value is None:
                    text = "hidden"
                elif key == "income":
                    text = income_text(game, seat, value)
                elif key in ("budget", "debt", "reserves"):
                    text = money(value)
                elif key == "pc":
                    text = f"{value} / {s.get('pc_per_turn', value)}"
                else:
                    text = f"{value:.0f}"
                if key == "standing" and s.get("sanctioned"):
                    text += " (sanctioned)"
                _text(self.values[key], text)
        self.action_panel.set_game(game, seat, can_act,
                              "the computer plays this seat" if observer else "another seat is in control")
        if self.tabs.isTabVisible(1) != (seat is not None):
            self.tabs.setTabVisible(1, seat is not None)
        if seat is not None and (portfolio or seat != self._portfolio_seat):
            self._portfolio_seat = seat
            self.portfolio.set_game(game, seat)
        _text(self.brief, brief_html(game, seat))
        inbox = len(game.open_proposals(seat)) if seat and game.phase != "crisis" and not game.over else 0
        _text(self.tabs, f"Actions ({inbox} in inbox)" if inbox else "Actions")


def income_text(game: Game, seat: str, income: int) -> str:
    """The income the seat is paid ("$595m (of $700m: sanctions bite)"), as the income phase pays it."""
    from wargame.rules.flows import income_paid
    paid = income_paid(game, seat)
    return money(paid) if paid == income else f"{money(paid)} (of {money(income)}: sanctions bite)"


PRINT_BRIEF = "brief:print"
"""The Brief tab's link to the printable role brief (Help → Role briefs…)."""


def brief_html(game: Game, seat: str | None) -> str:
    """The seat's role brief (from the scenario) and what it is scored on, with the values now."""
    if seat is None:
        return "<p>The computer plays every seat. Pick a seat to follow to read its brief.</p>"
    spec = game.scenario.seats[seat]
    color = SEAT_COLORS.get(seat, "#1F2328")
    rows = "".join(
        f"<tr><td>{c.label}</td><td align='right'>&nbsp;{c.value:.0f}</td>"
        f"<td align='right'>&nbsp;× {c.weight:g}</td><td align='right'>&nbsp;= <b>{c.points:.1f}</b></td></tr>"
        for c in game.score(seat).components)
    brief = spec.brief or "No brief in this scenario."
    return (f"<p style='font-size:115%'><b style='color:{color}'>{seat_name(seat)}'s brief</b></p>"
            f"<p>{brief}</p><p><b>You are scored on</b> (each 0–100, weighted):</p>"
            f"<table cellspacing='2'>{rows}</table>"
            f"<p style='color:#5C636E'>Total now: <b>{game.score(seat).total:.1f}</b>, against a par of "
            f"{game.score(seat).par:.1f} by now (what balanced computer play scores in this seat; "
            "seats are ranked against their own par). "
            "The scoreboard shows every seat's breakdown; the Portfolio tab what each "
            "commitment costs and would deliver if tested.</p>"
            f"<p><a href='{PRINT_BRIEF}'>Read or print the full role brief (PDF)…</a></p>")


def _text(widget: QLabel | QTabWidget, text: str) -> None:
    """Set a label's (or the first tab's) text only when it changes: each change re-lays out the dock."""
    if isinstance(widget, QTabWidget):
        if widget.tabText(0) != text:
            widget.setTabText(0, text)
    elif widget.text() != text:
        widget.setText(text)
