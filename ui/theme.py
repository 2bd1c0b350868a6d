"""The one visual theme of Layered Deterrence: colours, line styles and fonts.

Every view imports its colours from here so that a seat keeps the same colour everywhere.
Seat colours are the Okabe–Ito colour-blind-safe palette; commitment kinds are told apart
by colour family *and* line style, so they survive greyscale projectors and colour blindness.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from wargame.types import SEAT_NAMES, SEATS

SEAT_COLORS: dict[str, str] = {
    "ankara": "#D55E00",      # vermillion
    "riyadh": "#009E73",      # bluish green
    "islamabad": "#0072B2",   # blue
    "washington": "#CC79A7",  # reddish purple
}
"""Okabe–Ito colours of the four playable seats."""

SEAT_LABELS: dict[str, str] = {seat: SEAT_NAMES[seat] for seat in SEATS}
"""Display names of the four playable seats (the engine's ``SEAT_NAMES`` without the facilitator)."""


def seat_name(seat: str) -> str:
    """Display name of a seat (or of the facilitator); unknown ids are shown as they are."""
    return SEAT_NAMES.get(seat, seat)


NEUTRAL: dict[str, str] = {
    "actor": "#8A8F98",      # non-playable threat actors
    "supplier": "#5F6670",   # Russia / China as arms suppliers
    "hub": "#2B3A55",        # the hub node of a multi-party pact
    "text": "#1F2328",
    "muted": "#5C636E",
    "grid": "#E3E6EA",
    "panel": "#F6F7F9",
    "border": "#D0D5DB",
}
"""Colours for everything that is not a seat."""

OK_STYLE = "color:#1B6E3C;"
"""Style of a label saying the engine allows an action."""
BAD_STYLE = "color:#8A1C1C;"
"""Style of a label giving the engine's reason an action is refused."""

THREAT_RED = "#C0392B"
"""Threat lines and damaging crises."""

OUTCOME_COLORS: dict[str, str] = {"damaging": THREAT_RED, "contained": "#7A6A00",
                                  "deterred": "#5C636E", "": "#8A8F98"}
"""Crisis outcome colours (red only for damaging)."""

COMPONENT_COLORS: tuple[str, ...] = ("#E69F00", "#56B4E9", "#1F2328", "#9C7A3C", "#8A8F98")
"""Series colours for the parts of one seat's score (Okabe–Ito hues not used by seats)."""


@dataclass(frozen=True)
class KindStyle:
    """How a commitment kind is drawn: colour, line style, group and readable label."""

    color: str
    dash: str          # "solid", "dash", "dot", "dashdot" or "dashdotdot"
    group: str         # "Security", "Finance", "Industry" or "Access & signals"
    label: str

    @property
    def pen_style(self) -> Qt.PenStyle:
        """The matching Qt pen style."""
        return _DASHES[self.dash]


_DASHES = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine,
           "dot": Qt.PenStyle.DotLine, "dashdot": Qt.PenStyle.DashDotLine,
           "dashdotdot": Qt.PenStyle.DashDotDotLine}

KIND_STYLES: dict[str, KindStyle] = {
    "pact": KindStyle("#2B3A55", "solid", "Security", "Mutual-defence pact"),
    "agreement": KindStyle("#2B3A55", "dash", "Security", "Defence agreement"),
    "assurance": KindStyle("#1F2328", "dashdot", "Security", "US assurance"),
    "understanding": KindStyle("#8A8F98", "dot", "Security", "Understanding (demand)"),
    "loan": KindStyle("#E69F00", "solid", "Finance", "Loan"),
    "deposit": KindStyle("#E69F00", "dash", "Finance", "Central-bank deposit"),
    "grant": KindStyle("#E69F00", "dot", "Finance", "Grant"),
    "export_credit": KindStyle("#B07A00", "dashdot", "Finance", "Export credit"),
    "arms_sale": KindStyle("#8C6D46", "solid", "Industry", "Arms sale"),
    "coproduction": KindStyle("#8C6D46", "dash", "Industry", "Co-production line"),
    "port_access": KindStyle("#56B4E9", "solid", "Access & signals", "Port / logistics access"),
    "premium": KindStyle("#3D3D3D", "dashdotdot", "Access & signals", "Deterrence premium"),
}
"""Drawing style of every commitment kind."""

KIND_GROUPS: tuple[str, ...] = ("Security", "Finance", "Industry", "Access & signals")


def kind_style(kind: str) -> KindStyle:
    """The style of ``kind`` (a neutral grey solid line for unknown kinds)."""
    return KIND_STYLES.get(kind, KindStyle(NEUTRAL["muted"], "solid", "Other", kind.replace("_", " ")))


def seat_color(seat: str) -> QColor:
    """The seat's colour as a QColor (neutral grey for non-seats)."""
    return QColor(SEAT_COLORS.get(seat, NEUTRAL["actor"]))


def set_style(widget: QWidget, style: str) -> None:
    """Give ``widget`` the style sheet ``style`` unless it already has it.

    Setting a style sheet re-polishes the widget even when the text is the same, so views that
    refresh on every tick or keystroke go through here.
    """
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


FONT_FAMILIES: list[str] = ["Inter", "Segoe UI", "Noto Sans", "DejaVu Sans", "Arial"]
BASE_POINTS = 10.5
"""Default font size (desk screens)."""
LARGE_POINTS = 13.0
"""Default font size in projector mode."""

_scale = 1.0


def font_scale() -> float:
    """Current font scale: 1.0 normally, larger in projector mode."""
    return _scale


def scaled_font(points: float, bold: bool = False) -> QFont:
    """A UI font of ``points`` at the normal scale, enlarged in projector mode."""
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPointSizeF(points * _scale)
    f.setBold(bold)
    return f


def pixel_font(px: float, bold: bool = False, minimum: int = 10) -> QFont:
    """A UI font of ``px`` pixels (never below ``minimum``): for views that scale their own type
    with their size, such as the projector and the crisis outcome screen."""
    f = QFont()
    f.setFamilies(FONT_FAMILIES)
    f.setPixelSize(max(minimum, int(px)))
    f.setBold(bold)
    return f


def apply_theme(app: QApplication, large: bool = False) -> None:
    """Give ``app`` the clean light Fusion look and a legible default font.

    ``large=True`` is projector mode: every font made with :func:`scaled_font` grows too.
    """
    global _scale
    _scale = LARGE_POINTS / BASE_POINTS if large else 1.0
    app.setStyle("Fusion")
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#F6F7F9", QPalette.ColorRole.WindowText: NEUTRAL["text"],
        QPalette.ColorRole.Base: "#FFFFFF", QPalette.ColorRole.AlternateBase: "#F1F3F6",
        QPalette.ColorRole.Text: NEUTRAL["text"], QPalette.ColorRole.Button: "#EEF0F3",
        QPalette.ColorRole.ButtonText: NEUTRAL["text"], QPalette.ColorRole.Highlight: "#2B3A55",
        QPalette.ColorRole.HighlightedText: "#FFFFFF", QPalette.ColorRole.ToolTipBase: "#FFFFF4",
        QPalette.ColorRole.ToolTipText: NEUTRAL["text"], QPalette.ColorRole.PlaceholderText: "#8A8F98",
        QPalette.ColorRole.Link: "#0072B2", QPalette.ColorRole.BrightText: THREAT_RED,
        QPalette.ColorRole.Mid: "#C9CED6", QPalette.ColorRole.Dark: "#9AA1AB",
        QPalette.ColorRole.Light: "#FFFFFF", QPalette.ColorRole.Midlight: "#F0F2F5",
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#9AA1AB"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#9AA1AB"))
    app.setPalette(pal)
    app.setFont(scaled_font(BASE_POINTS))
