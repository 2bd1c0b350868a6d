"""The crisis outcome as a moment: what each partner sent, what the integration layers delivered,
real against perceived deterrence, the roll explained and the credibility moves.

:class:`OutcomeView` draws one :func:`wargame.rules.outcome.outcome_summary` (plain data from the
engine: no formula here) at any scale; :class:`CrisisOutcomeDialog` shows it on the seats' main
window until someone moves on, and the projector shows the same view to the room.
"""
from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.gap_chart import GapChart, GapRow
from ui.theme import OUTCOME_COLORS, SEAT_COLORS, pixel_font

OUTCOME_WORDS = {"deterred": "DETERRED", "contained": "CONTAINED", "damaging": "DAMAGING"}


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def partner_rows(summary: dict[str, Any]) -> list[str]:
    """One HTML table row per partner: expected, sent, through what, integration, delivered."""
    rows = []
    for p in summary["partners"]:
        mark = "<span style='color:#1B6E3C'>✔ honoured</span>" if p["honoured"] else \
            "<span style='color:#C0392B'>✘ fell short</span>"
        via = escape(", ".join(p["via"])) or "—"
        rows.append(f"<tr><td><b style='color:{SEAT_COLORS.get(p['seat'], '#1F2328')}'>{escape(p['name'])}</b></td>"
                    f"<td>{p['expected']}</td><td><b>{p['sent']}</b></td><td>{mark}</td><td>{via}</td>"
                    f"<td align='right'>{_pct(p['integration'])}</td><td align='right'><b>{p['delivered']:.1f}</b></td></tr>")
    return rows


def roll_text(summary: dict[str, Any]) -> str:
    """How the margin, the exposed bluff and the roll made the outcome, in one paragraph."""
    r = summary["roll"]
    defence = f"{summary['defence']:.1f}" + (" (the part you may see)" if summary["defence_partial"] else "")
    parts = [f"Defence {defence} against threat {summary['threat']:.1f}: margin <b>{r['margin']:.2f}</b>"]
    if r["exposure_penalty"]:
        parts.append(f"exposed bluff <b>−{r['exposure_penalty']:.2f}</b>")
    parts.append(f"roll {r['value']:.2f} gives <b>{r['swing']:+.2f}</b>")
    text = (", ".join(parts) + f" → score <b>{r['score']:.2f}</b>: {summary['rolled_outcome']} "
            f"(deterred from {r['deterred_at']:.2f}, contained from {r['contained_at']:.2f}, damaging below).")
    if summary["wavering"]:
        text += " A test of Washington's support: only a material or military US response keeps the US sales flowing."
    if summary["ruled"]:
        text += (f" <b>The facilitator ruled the outcome {summary['outcome']}</b> (the roll gave "
                 f"{summary['rolled_outcome']}).")
    return text


class OutcomeView(QWidget):
    """One crisis outcome, drawn from the engine's summary; :meth:`set_scale` grows the type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crisis_outcome")
        self.summary: dict[str, Any] | None = None
        self.scale = 1.0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        self.headline = QLabel()
        self.headline.setObjectName("outcome_headline")
        self.headline.setWordWrap(True)
        self.body = QLabel()
        self.body.setObjectName("outcome_body")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.chart_title = QLabel("Real against perceived deterrence when the crisis began")
        self.chart = GapChart()
        self.roll = QLabel()
        self.roll.setWordWrap(True)
        self.moves = QLabel()
        self.moves.setWordWrap(True)
        for w in (self.headline, self.body, self.chart_title, self.chart, self.roll, self.moves):
            lay.addWidget(w)
        lay.addStretch(1)
        self._fonts()

    def _font(self, px: float, bold: bool = False) -> QFont:
        return pixel_font(px * self.scale, bold)

    def _fonts(self) -> None:
        self.headline.setFont(self._font(26, True))
        for label in (self.body, self.roll, self.moves):
            label.setFont(self._font(14))
        self.chart_title.setFont(self._font(14, True))
        self.chart.set_scale(self.scale)

    def set_scale(self, k: float) -> None:
        """Type scaled by ``k`` (1.0 on the seats' screen; about 1.8 on a 1080p projector)."""
        if abs(k - self.scale) > 1e-3:
            self.scale = k
            self._fonts()

    def set_summary(self, summary: dict[str, Any]) -> None:
        """Show one outcome (a dict from :func:`~wargame.rules.outcome.outcome_summary`)."""
        self.summary = summary
        s = summary
        colour = OUTCOME_COLORS.get(s["outcome"], "#1F2328")
        ruled = " — by the facilitator's ruling" if s["ruled"] else ""
        self.headline.setText(f"<span style='color:{colour}'>{OUTCOME_WORDS.get(s['outcome'], s['outcome'])}</span>"
                              f"{ruled} · {escape(s['title'])}")
        head = (f"<p>{escape(s['quarter'])}: {escape(s['actor'])} tested <b>{escape(s['target_name'])}</b> "
                f"(severity {s['severity']:g}{', injected by the facilitator' if s['injected'] else ''}). "
                f"{escape(s['target_name'])}'s own forces: <b>{s['own']['sent']}</b> response, "
                f"{s['own']['delivered']:.1f} of defence. Damage: <b>${s['damage']:,}m</b>.</p>")
        table = ("<table cellspacing='0' cellpadding='3' width='100%'><tr style='color:#5C636E'><td>Partner</td>"
                 "<td>Expected</td><td>Sent</td><td></td><td>Through</td><td align='right'>Integration</td>"
                 "<td align='right'>Delivered</td></tr>" + "".join(partner_rows(s)) + "</table>"
                 if s["partners"] else "<p>No partner was obliged to respond.</p>")
        self.body.setText(head + table)
        d = s["deterrence"]
        self.chart_title.setText(f"Real {d['real']:.0f} against perceived {d['perceived']:.0f} deterrence when the crisis began"
                                 if d["real"] is not None else
                                 f"Perceived deterrence when the crisis began: {d['perceived']:.0f}")
        note = "" if d["real"] is not None else "Real deterrence is not shown: a secret commitment is part of it."
        self.chart.set_rows([GapRow(s["target_name"], d["real"], d["perceived"], SEAT_COLORS.get(s["target"], "#5C636E"))],
                            note)
        self.roll.setText(roll_text(s))
        lines = [escape(m["text"]) for m in s["credibility"]] + [escape(t) for t in s["learning"]]
        self.moves.setText("<b>Credibility:</b> " + ("<br>".join(lines) if lines else "no change."))

    def text(self) -> str:
        """Everything written on the screen (for tests)."""
        return " ".join(w.text() for w in (self.headline, self.body, self.roll, self.moves))


class CrisisOutcomeDialog(QDialog):
    """The outcome on the seats' screen until someone moves on.

    Signals:
        moveOnRequested(): the "Move on" button was clicked.
        movedOn(): the dialog closed.
    """

    moveOnRequested = Signal()
    movedOn = Signal()

    def __init__(self, summary: dict[str, Any], next_step: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Crisis outcome — {summary['title']}")
        self.setObjectName("crisis_outcome_dialog")
        lay = QVBoxLayout(self)
        self.view = OutcomeView()
        self.view.set_summary(summary)
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setStyleSheet("color:#5C636E;")
        self.hint.setWordWrap(True)
        self.move_on = QPushButton(next_step)
        self.move_on.setObjectName("outcome_move_on")
        self.move_on.setDefault(True)
        self.move_on.clicked.connect(self.moveOnRequested.emit)
        self.closable = True
        """False while only the facilitator may move the room on (Esc and the close button do nothing)."""
        row.addWidget(self.hint, 1)
        row.addWidget(self.move_on)
        lay.addLayout(row)
        self.finished.connect(lambda _r: self.movedOn.emit())

    def reject(self) -> None:
        """Esc: close, unless the facilitator has to move the room on."""
        if self.closable:
            super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """The window's close button: as Esc."""
        if self.closable:
            super().closeEvent(event)
        else:
            event.ignore()

    def force_close(self) -> None:
        """Close whatever the state (the room moved on)."""
        self.closable = True
        self.done(QDialog.DialogCode.Accepted)
