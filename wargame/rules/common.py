"""Helpers every rule module uses: events, money movements, ids and clamping."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

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


def _event_maker() -> Any:
    """A fast constructor of the (frozen, slotted) :class:`Event`: it sets the slots directly.

    Events are made by the thousand in a game and a frozen dataclass's ``__init__`` is slow;
    this builds the same object. Falls back to the class itself if Event ever loses its slots.
    """
    names = ("kind", "turn", "phase", "text", "seats", "public", "data")
    try:
        setters = tuple(Event.__dict__[n].__set__ for n in names)
    except (KeyError, AttributeError):
        return Event
    if tuple(getattr(Event, "__slots__", ())) != names:
        return Event
    new = object.__new__
    s_kind, s_turn, s_phase, s_text, s_seats, s_public, s_data = setters

    def make(kind: str, turn: int, phase: str, text: str, seats: tuple[str, ...], public: bool,
             data: dict[str, Any]) -> Event:
        event = new(Event)
        s_kind(event, kind)
        s_turn(event, turn)
        s_phase(event, phase)
        s_text(event, text)
        s_seats(event, seats)
        s_public(event, public)
        s_data(event, data)
        return event
    return make


_make_event = _event_maker()


def emit(g: "Game", kind: str, text: str, seats: tuple[str, ...] | list[str] = (),
         public: bool = True, **data: Any) -> Event:
    """Record an event produced by the action being applied."""
    st = g.state
    event = _make_event(kind, st.turn, st.phase, text, tuple(seats), public, data)
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


def fail(reason: str, code: str = "rule") -> NoReturn:
    """Raise :class:`IllegalAction` (for checks whose reason is costly to format)."""
    raise IllegalAction(reason, code)


def can_pay(g: "Game", seat: str, amount: int, what: str) -> None:
    """Raise unless ``seat`` has ``amount`` ($m) in its budget for ``what``."""
    budget = g.state.seats[seat].budget
    if budget < amount:
        fail(f"{name(seat)} cannot pay {money(amount)} for {what}: its budget is {money(budget)}")


def transfer(g: "Game", src: str, dst: str, amount: int, spending: bool = False) -> None:
    """Move money between two seats' budgets (conserves the total).

    ``spending`` counts it in the payer's security spending (a purchase, a fee or a grant, as
    opposed to lending or debt service).
    """
    g.state.seats[src].budget -= amount
    g.state.seats[dst].budget += amount
    if spending:
        g.state.seats[src].spent += amount


INFLOW_RELIEF = 4.0
"""Stress relieved per $1bn of financial inflows (judgement, tuned: at 2.5 no realistic package
could hold Islamabad's IMF-driven stress). A deposit that leaves at maturity weighs the same."""


def inflow(g: "Game", seat: str, amount: int) -> None:
    """Record a financial inflow (loan, deposit, grant, fee, export revenue): it relieves stress."""
    s = g.state.seats[seat]
    s.inflows += amount
    s.stress = clamp(s.stress - amount / 1000.0 * INFLOW_RELIEF)


def external(g: "Game", seat: str, amount: int, spending: bool = False) -> None:
    """Money entering (+) or leaving (-) the seats' economy; tracked in ``state.external``."""
    g.state.seats[seat].budget += amount
    g.state.external += amount
    if spending and amount < 0:
        g.state.seats[seat].spent += -amount


def partner_of(parties: list[str], seat: str) -> str:
    """The other party of a two-party commitment."""
    return parties[1] if parties[0] == seat else parties[0]
