"""What an action would do to the seat taking it, shown before it is committed.

Every figure is the engine's (:func:`wargame.rules.preview.preview_action`: the deal signed, or
the move applied, on a clone; one quarter's flows run with and without it). This module only
lays the answer out as a few lines of rich text for forms and inbox cards.
"""
from __future__ import annotations

from html import escape

from wargame import actions as A
from wargame.actions import Action
from wargame.errors import WargameError
from wargame.rules.game import Game
from wargame.rules.preview import Consequence, preview_action
from wargame.types import money

__all__ = ["consequence_lines", "preview", "preview_html"]


def preview(game: Game, action: Action) -> Consequence | None:
    """The engine's preview of ``action`` for the seat taking it (None if it cannot say)."""
    try:
        return preview_action(game, action)
    except (KeyError, WargameError):
        return None


def _money_line(c: Consequence) -> str:
    now = ("costs you " if c.cost_now > 0 else "brings you ") + money(abs(c.cost_now)) + " now" \
        if c.cost_now else "nothing to pay now"
    if c.per_quarter:
        span = f" for {c.quarters} quarters" if c.quarters else " while it stands"
        start = f", from {c.starts_in} quarters on" if c.starts_in > 1 else ""
        later = (", then costs you " if c.per_quarter > 0 else ", then brings you ") \
            + f"{money(abs(c.per_quarter))} a quarter{span}{start}"
    else:
        later = ", nothing per quarter"
    debt = f"; your debt {'rises' if c.debt_change > 0 else 'falls'} by {money(abs(c.debt_change))}" \
        if c.debt_change else ""
    return now + later + debt


def consequence_lines(c: Consequence) -> list[str]:
    """The preview as labelled rich-text lines: money, obligations, if tested, score."""
    rows = [f"<b>Money:</b> {_money_line(c)}"]
    if c.obligations:
        rows.append("<b>Obliges you:</b> " + "; ".join(escape(o) for o in c.obligations))
    if c.if_tested:
        rows.append("<b>Deterrence:</b> " + "; ".join(escape(t) for t in c.if_tested))
    moved = [m for m in c.components if m.delta]
    if moved:
        parts = ", ".join(f"{escape(m.label)} {m.delta:+.1f}" for m in moved)
        rows.append(f"<b>Your score:</b> {c.score_before:.1f} → {c.score_after:.1f} ({parts})")
    else:
        rows.append(f"<b>Your score:</b> stays at {c.score_before:.1f} for now")
    return rows


def preview_html(game: Game, seat: str, action: Action | None, lead: str | None = None) -> str:
    """The preview of ``action`` for ``seat`` in a few lines of rich text ('' if none)."""
    if action is None or action.seat != seat:
        return ""
    c = preview(game, action)
    if c is None:
        return ""
    if lead is None:
        lead = "If accepted" if isinstance(action, (A.Propose, A.Counter)) else \
            "If you accept" if isinstance(action, A.Accept) else "If you do this"
    return f"<b style='color:#0B5C8E'>{lead}</b><br>" + "<br>".join(consequence_lines(c))
