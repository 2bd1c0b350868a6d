"""Chart data for the report: figures of indicator lines over the quarters, built from the
game's history. Pure data; :mod:`wargame.report.svg` draws them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from wargame.rules.game import Game
from wargame.types import SEAT_NAMES, SEATS

SEAT_COLOURS = {"ankara": "#D55E00", "riyadh": "#009E73", "islamabad": "#0072B2",
                "washington": "#CC79A7"}
"""Okabe–Ito colours of the seats."""

SEAT_MARKERS = {"ankara": "circle", "riyadh": "square", "islamabad": "triangle",
                "washington": "diamond"}
"""A marker shape per seat, so lines stay apart in grey print."""

PACT_COLOURS = ("#000000", "#E69F00", "#56B4E9", "#999999")
INK = "#333333"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of values over the quarters (``None`` leaves a gap)."""

    label: str
    color: str
    values: tuple[float | None, ...]
    dashed: bool = False
    marker: str = "circle"


@dataclass(frozen=True, slots=True)
class Panel:
    """One plot area: lines on shared axes; ``band`` shades between two lines (by index)."""

    title: str
    lines: tuple[Line, ...]
    y_min: float | None = None
    y_max: float | None = None
    zero: bool = False
    band: tuple[int, int] | None = None
    title_color: str = INK


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart: one or more panels over the same quarters, with crises marked."""

    key: str
    title: str
    caption: str
    x_labels: tuple[str, ...]
    panels: tuple[Panel, ...]
    legend: tuple[Line, ...]
    marks: tuple[tuple[int, str], ...] = ()
    columns: int = 1


def _quarters(game: Game) -> tuple[str, ...]:
    return tuple("start" if row["turn"] == 0 else str(row["quarter"]) for row in game.state.history)


def crisis_marks(game: Game) -> tuple[tuple[int, str], ...]:
    """(x index, ``C1``...) for every crisis, placed on the quarter it happened."""
    index = {row["turn"]: i for i, row in enumerate(game.state.history)}
    return tuple((index[c.turn], f"C{n}") for n, c in enumerate(game.state.crises, start=1)
                 if c.turn in index)


def seat_series(game: Game, seat: str, value: Callable[[dict[str, Any]], float]) -> tuple[float, ...]:
    """One seat's indicator over the history rows."""
    return tuple(round(float(value(row["seats"][seat])), 2) for row in game.state.history)


def _seat_line(game: Game, seat: str, key: str, scale: float = 1.0) -> Line:
    return Line(SEAT_NAMES[seat], SEAT_COLOURS[seat],
                seat_series(game, seat, lambda r: r[key] * scale), marker=SEAT_MARKERS[seat])


def _seat_legend() -> tuple[Line, ...]:
    return tuple(Line(SEAT_NAMES[s], SEAT_COLOURS[s], (), marker=SEAT_MARKERS[s]) for s in SEATS)


def gap_figure(game: Game) -> Figure:
    """The bluff gap (perceived minus real deterrence) of every seat."""
    lines = tuple(_seat_line(game, s, "gap") for s in SEATS)
    return Figure("gap", "Bluff gap: perceived minus real deterrence",
                  "Above zero, adversaries believe in more deterrence than a test would deliver.",
                  _quarters(game), (Panel("Bluff gap (points)", lines, zero=True),),
                  _seat_legend(), crisis_marks(game))


def deterrence_figure(game: Game) -> Figure:
    """Real and perceived deterrence side by side, one panel per seat."""
    panels = []
    for seat in SEATS:
        colour = SEAT_COLOURS[seat]
        real = Line("real", colour, seat_series(game, seat, lambda r: r["real"]), marker="none")
        perceived = Line("perceived", colour, seat_series(game, seat, lambda r: r["perceived"]),
                         dashed=True, marker="none")
        panels.append(Panel(SEAT_NAMES[seat], (real, perceived), 0, 100, band=(0, 1),
                            title_color=colour))
    legend = (Line("real deterrence", INK, (), marker="none"),
              Line("perceived deterrence", INK, (), dashed=True, marker="none"))
    return Figure("deterrence", "Real and perceived deterrence (0–100)",
                  "The shaded band between the lines is the bluff gap.",
                  _quarters(game), tuple(panels), legend, crisis_marks(game), columns=2)


def credibility_figure(game: Game) -> Figure:
    """Credibility (the record of honouring commitments) of every seat."""
    lines = tuple(_seat_line(game, s, "credibility") for s in SEATS)
    return Figure("credibility", "Credibility (0–100)",
                  "Credibility rises when a seat honours a commitment in a crisis and falls when it "
                  "falls short or withdraws.", _quarters(game),
                  (Panel("Credibility", lines, 0, 100),), _seat_legend(), crisis_marks(game))


def budget_figure(game: Game) -> Figure:
    """Budgets in $bn, one panel per seat (their scales differ by an order of magnitude)."""
    panels = tuple(Panel(f"{SEAT_NAMES[s]} ($bn)", (_seat_line(game, s, "budget", 0.001),), 0,
                         title_color=SEAT_COLOURS[s]) for s in SEATS)
    return Figure("budget", "Budgets ($bn, discretionary)",
                  "Each seat has its own scale: Washington's budget is many times Islamabad's.",
                  _quarters(game), panels, (), crisis_marks(game), columns=2)


def pact_figure(game: Game) -> Figure | None:
    """Real and perceived deterrence of each pact (``None`` if no pact was ever active)."""
    names: dict[str, str] = {}
    for row in game.state.history:
        for pid, pact in row.get("pacts", {}).items():
            names.setdefault(pid, pact["name"])
    if not names:
        return None
    lines: list[Line] = []
    legend: list[Line] = []
    for n, (pid, label) in enumerate(names.items()):
        colour = PACT_COLOURS[n % len(PACT_COLOURS)]
        legend.append(Line(label, colour, (), marker="none"))
        for key, dashed in (("real", False), ("perceived", True)):
            values = tuple(None if pid not in row.get("pacts", {}) else float(row["pacts"][pid][key])
                           for row in game.state.history)
            lines.append(Line(f"{label}: {key}", colour, values, dashed, "none"))
    legend += [Line("real", "#777777", (), marker="none"),
               Line("perceived", "#777777", (), dashed=True, marker="none")]
    return Figure("pacts", "Pacts: real and perceived deterrence (0–100)",
                  "Solid lines show what a pact would deliver if tested; dashed lines show what "
                  "adversaries believe. A pact appears while it is in force.", _quarters(game),
                  (Panel("Pact deterrence", tuple(lines), 0),), tuple(legend), crisis_marks(game))


def figures(game: Game) -> list[Figure]:
    """Every figure of the report, in order."""
    out = [gap_figure(game), deterrence_figure(game), credibility_figure(game), budget_figure(game)]
    pacts = pact_figure(game)
    if pacts is not None:
        out.append(pacts)
    return out
