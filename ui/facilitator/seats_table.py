"""Every seat's private numbers side by side, for the facilitator's eyes only.

A table with one column per seat (budget, reserves, political capital, income, debt, the public
figures and whether the seat is done) and, below it, every secret commitment and every open
proposal with who is in it. Read from ``game.view(None)``, the facilitator's view of everything.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QListWidget, QListWidgetItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from ui.seat_panel import income_text
from ui.theme import SEAT_COLORS, seat_name
from wargame.types import SEAT_NAMES, SEATS, money

ROWS: tuple[tuple[str, str], ...] = (
    ("player", "Played by"), ("done", "This phase"), ("budget", "Budget"), ("income", "Income/qtr"),
    ("reserves", "Reserves"), ("debt", "Debt"), ("pc", "Pol. capital"), ("credibility", "Credibility"),
    ("standing", "Standing"), ("stress", "Stress"), ("secret", "Secrets"),
    ("proposals", "Proposals"),
)
PRIVATE_ROWS = frozenset({"budget", "reserves", "pc", "done", "secret", "proposals"})
"""Rows no other seat may see (highlighted)."""


def seat_facts(game: Any, players: dict[str, str] | None = None) -> dict[str, dict[str, str]]:
    """The table's text by seat and row key, from the facilitator's view of the state."""
    view = game.view(None)
    acting = set(game.acting_seats())
    out: dict[str, dict[str, str]] = {}
    for seat in SEATS:
        s = view["seats"][seat]
        secret = [c for c in view["commitments"].values()
                  if not c["public"] and c["status"] == "active" and seat in c["parties"]]
        props = [p for p in view["proposals"].values()
                 if p["status"] == "open" and (p["sender"] == seat or seat in p["to"])]
        if game.phase == "crisis":
            done = "to respond" if seat in acting else "—"
        elif game.phase in ("diplomacy", "investment"):
            done = "done" if s["done"] else "playing"
        else:
            done = "—"
        out[seat] = {
            "player": (players or {}).get(seat, "person"), "done": done,
            "budget": money(s["budget"]), "income": income_text(game, seat, s["income"]), "reserves": money(s["reserves"]),
            "debt": money(s["debt"]), "pc": str(s["pc"]), "credibility": f"{s['credibility']:.0f}",
            "standing": f"{s['standing']:.0f}", "stress": f"{s['stress']:.0f}",
            "secret": str(len(secret)), "proposals": str(len(props)),
        }
    return out


def secret_lines(game: Any) -> list[tuple[str, str]]:
    """(kind, text) for every active secret commitment and every open proposal."""
    view = game.view(None)
    lines: list[tuple[str, str]] = []
    for c in view["commitments"].values():
        if not c["public"] and c["status"] == "active":
            who = ", ".join(seat_name(p) for p in c["parties"])
            lines.append(("secret", f"SECRET · {c['name']} — {who}"))
    for p in view["proposals"].values():
        if p["status"] == "open":
            to = ", ".join(seat_name(s) for s in p["to"])
            hidden = "" if p["public"] else " (secret)"
            lines.append(("proposal", f"OPEN · {p['id']} {seat_name(p['sender'])} → {to}: "
                                      f"{p['deal'].replace('_', ' ')}{hidden}"))
    return lines


class SeatsTable(QWidget):
    """The private numbers of every seat, and the list of secrets and open proposals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.table = QTableWidget(len(ROWS), len(SEATS))
        self.table.setObjectName("seats_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setVerticalHeaderLabels([label for _, label in ROWS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAlternatingRowColors(True)
        for col, seat in enumerate(SEATS):
            head = QTableWidgetItem(SEAT_NAMES[seat])
            head.setForeground(QColor(SEAT_COLORS[seat]))
            font = QFont(self.font())
            font.setBold(True)
            head.setFont(font)
            self.table.setHorizontalHeaderItem(col, head)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.table)
        title = QLabel("<b>Secret commitments and open proposals</b>")
        layout.addWidget(title)
        self.secrets = QListWidget()
        self.secrets.setObjectName("secrets")
        self.secrets.setWordWrap(True)
        self.secrets.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.secrets.setMinimumHeight(90)
        layout.addWidget(self.secrets, 1)
        self._facts: dict[str, dict[str, str]] = {}
        self._lines: list[tuple[str, str]] = []

    def set_game(self, game: Any, players: dict[str, str] | None = None) -> None:
        """Show every seat as of now."""
        facts = seat_facts(game, players)
        if facts != self._facts:
            self._facts = facts
            bold = QFont(self.table.font())
            bold.setBold(True)
            for row, (key, _label) in enumerate(ROWS):
                for col, seat in enumerate(SEATS):
                    item = self.table.item(row, col)
                    if item is None:
                        item = QTableWidgetItem()
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                        if key in PRIVATE_ROWS:
                            item.setFont(bold)
                        self.table.setItem(row, col, item)
                    item.setText(facts[seat][key])
            self._fit_table()
        lines = secret_lines(game)
        if lines != self._lines or not self.secrets.count():
            self._lines = lines
            self.secrets.clear()
            for kind, text in lines:
                item = QListWidgetItem(text)
                item.setForeground(QColor("#8A1C1C" if kind == "secret" else "#0B5C8E"))
                self.secrets.addItem(item)
            if not lines:
                self.secrets.addItem(QListWidgetItem("None: every commitment is public and no proposal is open."))

    def _fit_table(self) -> None:
        """Make the table exactly as tall as its rows (the page scrolls when the dock is short)."""
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height)

    def cell(self, seat: str, key: str) -> str:
        """The text shown for ``seat`` in row ``key`` (for tests)."""
        return self._facts.get(seat, {}).get(key, "")

    def secret_texts(self) -> list[str]:
        """The lines of the secrets list (for tests)."""
        return [self.secrets.item(i).text() for i in range(self.secrets.count())
                if self.secrets.item(i).text().startswith(("SECRET", "OPEN"))]
