"""Per-seat views as plain dicts: the state part of the seat's :class:`~wargame.rules.seat_view.SeatView`.

Never another seat's secrets or private lines; the history rows are the seat's own past views
(figures about others computed from what it knew then). The filtering lives in
:mod:`wargame.rules.seat_view`, the one information boundary.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wargame.rules.seat_view import PRIVATE_ROW_FIELDS, PRIVATE_SEAT_FIELDS, SeatView
from wargame.rules.seat_view import seat_state

if TYPE_CHECKING:
    from wargame.rules.game import Game

PRIVATE_HISTORY_FIELDS = PRIVATE_ROW_FIELDS
__all__ = ["PRIVATE_HISTORY_FIELDS", "PRIVATE_SEAT_FIELDS", "SeatView", "seat_view", "visible_events"]


def seat_view(g: "Game", seat: str | None) -> dict[str, Any]:
    """The state as ``seat`` may see it; ``None`` or the facilitator see everything."""
    return seat_state(g, seat)


def visible_events(g: "Game", seat: str | None) -> list[Any]:
    """The events of the log that ``seat`` may see."""
    return [e for e in g.events if e.visible_to(seat)]
