"""The readable turn-by-turn account of a game, as printed by ``wargame play`` and ``replay --at``."""
from __future__ import annotations

from typing import Iterable, TextIO

from wargame.events import Event
from wargame.rules.game import Game
from wargame.rules.scoring import ranked
from wargame.types import SEAT_NAMES, SEATS, money

QUIET_KINDS = frozenset({"pass", "phase", "answer", "turn"})
"""Event kinds left out of the account (they are in the log); a rejection is shown (it says why)."""

EXPLAINING_KINDS = ("signed", "outcome", "credibility", "learning", "withdrawn", "purchase", "lapsed", "answer")
"""Event kinds that can explain a turning point, most telling first."""


def _shown(e: Event) -> bool:
    return e.kind not in QUIET_KINDS or (e.kind == "answer" and "reason" in e.data)


def indicator_table(g: Game) -> list[str]:
    """Key indicators of every seat, as aligned text lines."""
    ind = g.indicators()["seats"]
    lines = [f"  {'seat':<11}{'budget':>9}{'debt':>9}{'cred':>6}{'stand':>6}{'stress':>7}"
             f"{'real':>6}{'perc':>6}{'gap':>6}{'score':>7}"]
    for seat in SEATS:
        r = ind[seat]
        lines.append(f"  {SEAT_NAMES[seat]:<11}{money(r['budget']):>9}{money(r['debt']):>9}"
                     f"{r['credibility']:>6.0f}{r['standing']:>6.0f}{r['stress']:>7.0f}"
                     f"{r['real']:>6.0f}{r['perceived']:>6.0f}{r['gap']:>+6.0f}{r['score']:>7.1f}")
    for pid, p in g.indicators()["pacts"].items():
        members = ", ".join(SEAT_NAMES[m] for m in p["members"])
        lines.append(f"  pact {p['name']} [{members}]: real {p['real']:.0f}, perceived "
                     f"{p['perceived']:.0f}, bluff gap {p['gap']:+.0f}")
    return lines


def event_lines(events: Iterable[Event]) -> list[str]:
    """One line per noteworthy event."""
    return [f"  {e.text}" for e in events if _shown(e)]


def score_lines(g: Game) -> list[str]:
    """Final (or current) scores with their breakdowns."""
    lines = []
    for seat, sc in ranked(g.scores()):
        parts = "; ".join(f"{c.label} {c.value:.0f}×{c.weight:g}={c.points:.1f}" for c in sc.components)
        lines.append(f"  {SEAT_NAMES[seat]:<11}{sc.total:6.1f}  rating {sc.rating:5.1f} (par {sc.par:.1f})  ({parts})")
    return lines


def write_account(g: Game, out: TextIO, events: list[Event] | None = None) -> None:
    """Print the account of ``g``'s events (all of them by default), quarter by quarter."""
    events = g.events if events is None else events
    out.write(f"{g.scenario.meta.title} — seed {g.seed}\n")
    turn = None
    for e in events:
        if e.kind == "turn":
            if turn is not None:
                _quarter_end(g, turn, out)
            turn = e.turn
            out.write(f"\n== {g.quarter_of(e.turn)} ==\n")
            continue
        if not _shown(e):
            continue
        out.write(f"  {e.text}\n")
    if turn is not None:
        _quarter_end(g, turn, out)
    lines = turning_points(g, events) if g.over else []  # a summary of the whole game
    if lines:
        out.write("\nTurning points (each seat's biggest rise and fall in score, and what happened then):\n")
        out.write("\n".join(lines) + "\n")


def turning_points(g: Game, events: list[Event] | None = None) -> list[str]:
    """For each seat, the quarters its score rose and fell most, with the events of that
    quarter that involved it (signings, crisis outcomes, credibility...)."""
    events = g.events if events is None else events
    rows = {int(r["turn"]): r for r in g.state.history}
    turns = sorted(rows)
    lines = []
    for seat in SEATS:
        moves = [(float(rows[t]["seats"][seat]["score"]) - float(rows[p]["seats"][seat]["score"]), t)
                 for p, t in zip(turns, turns[1:])]
        if not moves:
            continue
        rise, fall = max(moves), min(moves)
        for change, turn in (rise, fall):
            if (change < 0.5 and (change, turn) == rise) or (change > -0.5 and (change, turn) == fall):
                continue
            before = float(rows[turns[turns.index(turn) - 1]]["seats"][seat]["score"])
            why = [e for kind in EXPLAINING_KINDS for e in events
                   if e.kind == kind and e.turn == turn and seat in e.seats and _shown(e)][:2]
            because = "; ".join(e.text for e in why) or "no deal or test of its own: the others' moves and the quarter's flows"
            lines.append(f"  {SEAT_NAMES[seat]} {'rose' if change > 0 else 'fell'} {change:+.1f} in "
                         f"{g.quarter_of(turn)} ({before:.1f} → {before + change:.1f}): {because}")
    return lines


def _quarter_end(g: Game, turn: int, out: TextIO) -> None:
    rows = [r for r in g.state.history if r["turn"] == turn]
    if not rows:
        return
    r = rows[-1]["seats"]
    out.write("  -- indicators: " + " | ".join(
        f"{SEAT_NAMES[s]} budget {money(r[s]['budget'])}, real {r[s]['real']:.0f}/perceived "
        f"{r[s]['perceived']:.0f}, cred {r[s]['credibility']:.0f}" for s in SEATS) + "\n")


def write_summary(g: Game, out: TextIO) -> None:
    """The indicator table and the scores with breakdowns."""
    out.write(f"\nIndicators ({g.quarter}, {g.phase}):\n")
    out.write("\n".join(indicator_table(g)) + "\n")
    out.write("\nScores:\n" + "\n".join(score_lines(g)) + "\n")
