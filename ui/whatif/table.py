"""The table of the decisions that most separated good outcomes from bad (associations).

One row per (seat whose final score is compared, decision): the difference between the seat's
mean final score in the games where the decision was taken and in those where it was not,
Cohen's d, and how many games fall on each side. Read from
``aggregates["separating_decisions"]`` (ranked by |d| per seat by the engine).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ui.theme import NEUTRAL, SEAT_COLORS, SEAT_LABELS, THREAT_RED, scaled_font
from wargame.types import SEATS

COLUMNS = ("Score of", "Decision (taken at least once in the game)", "Effect on mean score",
           "Effect size (d)", "Games with / without", "Mean with", "Mean without")
POSITIVE = "#1B5E3B"
"""Text colour of a positive effect (dark green; negatives use the threat red)."""


def _item(text: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tip:
        item.setToolTip(tip)
    return item


class DecisionTable(QWidget):
    """Seat filter, the association caveat and the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.note, 1)
        self.seat = QComboBox()
        self.seat.addItem("All seats", "")
        for seat in SEATS:
            self.seat.addItem(SEAT_LABELS[seat], seat)
        self.seat.currentIndexChanged.connect(lambda _i: self._fill())
        top.addWidget(QLabel("Score of:"), 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.seat, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(top)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setDefaultSectionSize(int(QFontMetrics(scaled_font(10.5)).height() * 1.7))
        head = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self._data: dict[str, Any] = {}
        self._note = ""
        self.rows: list[tuple[str, dict[str, Any]]] = []

    def set_data(self, separating: dict[str, Any], games: int) -> None:
        """Show ``aggregates["separating_decisions"]`` of a run of ``games`` games."""
        self._data = separating
        min_count = separating.get("min_count", 0)
        self._note = (
            "<b>Decisions that most separated good outcomes from bad.</b> For each seat's final score, "
            "the difference between its mean in the games where a decision was taken and in those where it "
            f"was not (decisions seen in at least {min_count} of the {games} games on each side, ranked by "
            f"effect size). <span style='color:{THREAT_RED}'><b>These are associations across "
            "computer-played games, not causes</b></span>: read them as where to look.")
        self._fill()

    def _fill(self) -> None:
        wanted = self.seat.currentData()
        self.rows = [(s, row) for s in SEATS if not wanted or s == wanted
                     for row in self._data.get(s, [])]
        table = self.table
        table.setRowCount(len(self.rows))
        bold = scaled_font(10.5, bold=True)
        for r, (seat, row) in enumerate(self.rows):
            who = _item(SEAT_LABELS[seat])
            who.setForeground(QBrush(QColor(SEAT_COLORS[seat])))
            who.setFont(bold)
            table.setItem(r, 0, who)
            same = row.get("same_as") or []
            tip = row["label"] + (f"\n(taken in exactly the same games as: {', '.join(same)})" if same else "")
            table.setItem(r, 1, _item(row["label"].replace(" = ", "  =  "), tip=tip))
            diff = float(row["difference"])
            effect = _item(f"{diff:+.1f} ± {float(row['se']):.1f}", Qt.AlignmentFlag.AlignRight,
                           "difference in mean final score ± its standard error")
            effect.setForeground(QBrush(QColor(POSITIVE if diff >= 0 else THREAT_RED)))
            effect.setFont(bold)
            table.setItem(r, 2, effect)
            table.setItem(r, 3, _item(f"{float(row['effect_size']):+.2f}", Qt.AlignmentFlag.AlignRight,
                                      "Cohen's d: the difference in pooled standard deviations"))
            table.setItem(r, 4, _item(f"{row['with']} / {row['without']}", Qt.AlignmentFlag.AlignRight))
            table.setItem(r, 5, _item(f"{float(row['mean_with']):.1f}", Qt.AlignmentFlag.AlignRight))
            table.setItem(r, 6, _item(f"{float(row['mean_without']):.1f}", Qt.AlignmentFlag.AlignRight))
        empty = "" if self.rows else (f"<br><span style='color:{NEUTRAL['muted']}'>No decision was seen "
                                      "often enough on both sides to compare.</span>")
        self.note.setText(self._note + empty)
