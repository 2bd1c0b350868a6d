"""Helpers every rule module uses: events, money movements, ids and clamping."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wargame.errors import IllegalAction
from wargame.events import Event
from wargame.types import SEAT_NAMES, money

if TYPE_CHECKING:
    from wargame.rules.game import Game


def name(seat: str) -> str:
    """Display name of a seat."""
    return SEAT_NAMES.get(seat, seat)


def clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    """Clamp and round to 4 decimals, so states stay tidy and JSON-exact."""
    return round(min(high, max(low, value)), 4)


def emit(g: "Game", kind: str, text: str, seats: tuple[str, ...] | list[str] = (),
         public: bool = True, **data: Any) -> Event:
    """Record an event produced by the action being applied."""
    event = Event(kind=kind, turn=g.state.turn, phase=g.state.phase, text=text,
                  seats=tuple(seats), public=public, data=data)
    g._pending.append(event)
    return event


def new_id(g: "Game", prefix: str) -> str:
    """A fresh id (``p7``, ``c12``...) from the state's counter."""
    g.state.counter += 1
    return f"{prefix}{g.state.counter}"


def require(condition: bool, reason: str, code: str = "rule") -> None:
    """Raise :class:`IllegalAction` with ``reason`` unless ``condition`` holds."""
    if not condition:
        raise IllegalAction(reason, code)


def can_pay(g: "Game", seat: str, amount: int, what: str) -> None:
    """Raise unless ``seat`` has ``amount`` ($m) in its budget for ``what``."""
    budget = g.state.seats[seat].budget
    require(budget >= amount,
            f"{name(seat)} cannot pay {money(amount)} for {what}: its budget is {money(budget)}")


def transfer(g: "Game", src: str, dst: str, amount: int) -> None:
    """Move money between two seats' budgets (conserves the total)."""
    g.state.seats[src].budget -= amount
    g.state.seats[dst].budget += amount


def external(g: "Game", seat: str, amount: int, spending: bool = False) -> None:
    """Money entering (+) or leaving (-) the seats' economy; tracked in ``state.external``."""
    g.state.seats[seat].budget += amount
    g.state.external += amount
    if spending and amount < 0:
        g.state.seats[seat].spent += -amount


def partner_of(parties: list[str], seat: str) -> str:
    """The other party of a two-party commitment."""
    return parties[1] if parties[0] == seat else parties[0]
