"""Computer players in difficulty levels, for the new-game screen and the command line.

A *level* says how hard a computer player tries; a *style* (cautious, balanced, opportunist) is
its temperament. The levels, weakest first:

* ``balanced`` — the simple computer player (:class:`wargame.bots.Bot`): follows its seat's
  motives, weighs each offer by its value to the seat, answers at once;
* ``search-small`` — :class:`wargame.search_bot.SearchBot` with a small budget: two playouts of
  each of three candidate moves to the end of the quarter (about half a second a game);
* ``search-large`` — the same with a large budget: four playouts of up to five candidates, two
  quarters ahead (a few seconds a game).

``bench/levels.py`` measures them: as Riyadh over 3 seeds, 60.4 (balanced), 68.8 (search-small),
69.9 (search-large).

``make_player(level, seat, seed)`` builds one; ``LEVELS`` lists them in order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from wargame.actions import Action
from wargame.bots import STYLES, Bot
from wargame.rules.game import Game
from wargame.search_bot import SearchBot


class Player(Protocol):
    """Anything that plays a seat: ``choose(game) -> Action``."""

    seat: str

    def choose(self, g: Game) -> Action:
        """The next action for the seat."""


@dataclass(frozen=True)
class Level:
    """One difficulty level: its id, the label and description a menu shows, its search budget."""

    id: str
    label: str
    description: str
    search: dict[str, Any] = field(default_factory=dict)

    def make(self, seat: str, seed: int, style: str = "balanced") -> Player:
        """A computer player of this level for ``seat``."""
        if style not in STYLES:
            raise ValueError(f"unknown style {style!r}; styles are {', '.join(STYLES)}")
        if not self.search:
            return Bot(seat, seed, style)
        return SearchBot(seat, seed, style=style, **self.search)


LEVELS: tuple[Level, ...] = (
    Level("balanced", "Balanced (answers at once)",
          "Follows its seat's motives and takes an offer only if it is worth something to the seat."),
    Level("search-small", "Searching, small budget",
          "Tries its best few moves ahead to the end of the quarter before choosing (about half a second a game).",
          {"rollouts": 2, "depth": 1, "top_k": 3, "explore": 1}),
    Level("search-large", "Searching, large budget",
          "Looks two quarters ahead over more moves and more futures (a few seconds a game).",
          {"rollouts": 4, "depth": 2, "top_k": 5, "explore": 2}),
)
"""The difficulty levels, weakest first."""

DEFAULT_LEVEL = "balanced"


def level(level_id: str) -> Level:
    """The level with this id; ``ValueError`` naming the levels otherwise."""
    for lv in LEVELS:
        if lv.id == level_id:
            return lv
    raise ValueError(f"unknown level {level_id!r}; levels are {', '.join(lv.id for lv in LEVELS)}")


def make_player(level_id: str, seat: str, seed: int, style: str = "balanced") -> Player:
    """A computer player of level ``level_id`` for ``seat``."""
    return level(level_id).make(seat, seed, style)


def make_players(seed: int, seats: tuple[str, ...] | list[str], levels: dict[str, str] | None = None,
                 styles: dict[str, str] | None = None) -> dict[str, Player]:
    """One computer player per listed seat, at its level (``balanced`` by default)."""
    levels, styles = levels or {}, styles or {}
    return {s: make_player(levels.get(s, DEFAULT_LEVEL), s, seed, styles.get(s, "balanced")) for s in seats}


LEVELS_META = "levels"
"""The save's setting (``GameRecord.meta``) holding the computer seats' levels (seat -> level id)."""


def saved_levels(record: Any) -> dict[str, str] | None:
    """The computer seats' difficulty levels kept in a save (None: not recorded: all balanced).

    Unknown level ids (a save from a later version) are left out: those seats play balanced."""
    value = record.meta(LEVELS_META) if hasattr(record, "meta") else None
    if not isinstance(value, dict):
        return None
    known = {lv.id for lv in LEVELS}
    return {str(k): str(v) for k, v in value.items() if v in known} or None
