"""One seat's information set (:class:`SeatView`): what it may see and every figure derived from it.

A seat sees the public facts plus its own secrets. Its *information state* is the true state
with everything else taken out: commitments and proposals it is not party to (unless public),
other seats' private budget lines (set to neutral stand-ins), crisis responses of others. Every
figure shown to the seat (deterrence real/perceived/gap, scores and their breakdowns, pact
indices, history rows) is computed by the ordinary rules functions on that information state,
never on the true state; figures about other seats are therefore the seat's *estimates*, and
:attr:`SeatView.estimated` names them so screens can say so.

History rows are the seat's own past views: the game's action log is replayed once (kept per
game and extended as the game moves on) and, whenever a quarter's row is recorded, the seat's
information state at that point gives its row. A game whose log does not reproduce its state
(loaded from a bare state) falls back to the true rows with every figure about others removed.

``seat=None`` (or the facilitator) is the only omniscient view; ``PUBLIC`` is the room's view
(projector): public commitments only, nobody's private lines.
"""
from __future__ import annotations

import copy
import json
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wargame.state import state_from_dict, state_to_dict
from wargame.types import FACILITATOR, SEATS

if TYPE_CHECKING:
    from wargame.rules.game import Game

PUBLIC = "public"
"""The pseudo-seat of the room (projector, public view): nobody's secrets."""

PRIVATE_SEAT_FIELDS = ("budget", "reserves", "pc", "deliveries", "spent", "done", "debt", "inflows",
                       "exports", "offers_received", "premium_income")
"""A seat's private budget lines and running totals, hidden from the other seats."""

PRIVATE_DEFAULTS: dict[str, Any] = {"budget": 0, "reserves": 0, "pc": 0, "deliveries": [], "spent": 0,
                                    "done": False, "debt": 0, "inflows": 0, "exports": 0,
                                    "offers_received": 0, "premium_income": 0}
"""Neutral stand-ins for another seat's private lines in an information state."""
assert set(PRIVATE_DEFAULTS) == set(PRIVATE_SEAT_FIELDS)

PRIVATE_ROW_FIELDS = ("budget", "reserves", "spent", "debt", "inflows", "exports")
"""Private lines that history rows carry per seat."""

ESTIMATED_FIELDS = ("real", "perceived", "gap", "score", "components")
"""Per-seat figures that are an estimate when the seat shown is not the viewer."""

HIDDEN_COUNTERS = ("counter", "action_count", "event_count")
"""State counters that would tell how many hidden actions and events there were."""

INFO_MARK = "_information_of"
"""Attribute set on a game built from an information state: whose information it is."""


def is_omniscient(seat: str | None) -> bool:
    """Whether ``seat`` names the omniscient view (``None`` or the facilitator)."""
    return seat is None or seat == FACILITATOR


def _check_seat(seat: str) -> None:
    if seat != PUBLIC and seat not in SEATS:
        raise ValueError(f"unknown seat {seat!r}: use one of {', '.join(SEATS)}, 'public' or None (facilitator)")


def _sees(seat: str, com: dict[str, Any]) -> bool:
    return bool(com["public"]) or seat in com["parties"]


def _strip_crisis(crisis: dict[str, Any], visible: set[str]) -> dict[str, Any]:
    """Hide partners obliged only through commitments the viewer cannot see, and others' responses."""
    via = {s: [c for c in ids if c in visible] for s, ids in crisis["via"].items()}
    hidden = {s for s, ids in via.items() if not ids and crisis["via"].get(s)}
    crisis["via"] = {s: ids for s, ids in via.items() if s not in hidden}
    for key in ("obligations", "responses"):
        crisis[key] = {s: v for s, v in crisis[key].items() if s not in hidden}
    contributions = crisis.get("details", {}).get("contributions")
    if isinstance(contributions, dict):
        crisis["details"]["contributions"] = {s: v for s, v in contributions.items() if s not in hidden}
    return crisis


def filtered_state(g: "Game", seat: str) -> dict[str, Any]:
    """The true state's dict minus what ``seat`` may not see (others' private lines are ``None``;
    history is left as it is, for :func:`seat_history` to replace)."""
    _check_seat(seat)
    data = state_to_dict(g.state)
    for key in ("phase_base", "phase_actions", "rng", *HIDDEN_COUNTERS):
        data.pop(key, None)
    data["commitments"] = {cid: c for cid, c in data["commitments"].items() if _sees(seat, c)}
    data["proposals"] = {pid: p for pid, p in data["proposals"].items()
                         if p["sender"] == seat or seat in p["to"]}
    for other, s in data["seats"].items():
        if other != seat:
            for key in PRIVATE_SEAT_FIELDS:
                s[key] = None
            s["declared"] = {}
    data["notes"] = []
    visible = set(data["commitments"])
    data["crises"] = [_strip_crisis(c, visible) for c in data["crises"]]
    if data["crisis"] is not None:
        data["crisis"] = _strip_crisis(data["crisis"], visible)
        # responses are secret until the outcome (rules §10.4): a seat sees only its own
        data["crisis"]["responses"] = {s: v for s, v in data["crisis"]["responses"].items() if s == seat}
    return data


def _highest_id(data: dict[str, Any]) -> int:
    """The highest number among the ids a state shows (``p7``, ``c12``, ``x3``): a game built on it
    must number what it creates after them, or a playout's new deal would overwrite a known one."""
    ids = [*data["commitments"], *data["proposals"], *(c["id"] for c in data["crises"])]
    if data.get("crisis") is not None:
        ids.append(data["crisis"]["id"])
    return max((int(i[1:]) for i in ids if len(i) > 1 and i[1:].isdigit()), default=0)


def game_from_state(view: dict[str, Any], scenario: Any, seat: str | None = None) -> "Game":
    """A :class:`Game` whose state is a filtered state dict, the hidden parts neutral (no seed,
    no random state, private lines at their stand-ins); marked as ``seat``'s information."""
    from wargame.rules.game import Game
    data = json.loads(json.dumps(view))
    data.pop("viewer", None)
    data.update(rng=0, phase_actions=[], phase_base=None)
    for key in HIDDEN_COUNTERS:
        data.setdefault(key, 0)
    data["counter"] = max(data["counter"], _highest_id(data))
    for seat_state in data["seats"].values():
        for key, default in PRIVATE_DEFAULTS.items():
            if seat_state.get(key) is None:
                seat_state[key] = copy.deepcopy(default)
    game = Game(scenario, 0, _state=state_from_dict(data))
    setattr(game, INFO_MARK, seat or view.get("viewer"))
    return game


def information_game(g: "Game", seat: str) -> "Game":
    """``seat``'s information state as a game: the same rules functions give its estimates."""
    if getattr(g, INFO_MARK, None) == seat:
        return g
    data = filtered_state(g, seat)
    data["history"] = []
    return game_from_state(data, g.scenario, seat)


def _hide_private(ind: dict[str, Any], seat: str) -> dict[str, Any]:
    """Indicators with other seats' private lines set to ``None`` (their stand-ins are not figures)."""
    for other, row in ind["seats"].items():
        if other != seat:
            for key in PRIVATE_ROW_FIELDS:
                if key in row:
                    row[key] = None
    return ind


def information_indicators(g: "Game", seat: str) -> dict[str, Any]:
    """The headline indicators (per seat and per visible pact) computed on ``seat``'s information."""
    from wargame.rules.phases import indicators
    return _hide_private(indicators(information_game(g, seat)), seat)


def _row(info: "Game", true_row: dict[str, Any], seat: str) -> dict[str, Any]:
    """A history row as ``seat`` saw it: its own line from the record, the rest from its information."""
    ind = information_indicators(info, seat)
    row = {"turn": true_row["turn"], "quarter": true_row["quarter"], **ind,
           "crisis": copy.deepcopy(true_row.get("crisis"))}
    own = true_row.get("seats", {}).get(seat)
    if own is not None:
        row["seats"][seat] = copy.deepcopy(own)
    return row


class _Shadow:
    """A replay of a game's log that records one seat's history rows as they are made."""

    def __init__(self, g: "Game", seat: str) -> None:
        from wargame.rules.game import Game
        self.seat = seat
        self.game = Game(g.scenario, g.seed)
        self.done = 0
        self.rows = [_row(self.game, r, seat) for r in self.game.state.history]
        self.failed = False

    def prefix_of(self, g: "Game") -> bool:
        """Whether the actions replayed so far are the start of ``g``'s log."""
        return self.done <= len(g.actions) and all(
            a == b for a, b in zip(self.game.actions, g.actions[:self.done]))

    def rows_for(self, g: "Game") -> list[dict[str, Any]] | None:
        """The seat's rows for ``g``'s history, or ``None`` if the log does not reproduce it."""
        while not self.failed and self.done < len(g.actions):
            before = len(self.game.state.history)
            try:
                self.game.apply(g.actions[self.done])
            except Exception:  # noqa: BLE001 - a log this replay cannot follow: fall back
                self.failed = True
                break
            self.done += 1
            for pos in range(before, len(self.game.state.history)):
                self.rows.append(_row(self.game, self.game.state.history[pos], self.seat))
        if self.failed or len(self.game.state.history) != len(g.state.history) or self.game.digest() != g.digest():
            self.failed = True
            return None
        return self.rows


_SHADOWS: "weakref.WeakKeyDictionary[Any, dict[str, _Shadow]]" = weakref.WeakKeyDictionary()


def _fallback_history(g: "Game", seat: str) -> list[dict[str, Any]]:
    """The true rows with every figure about another seat or about a pact removed."""
    out = []
    for row in g.state.history:
        new = copy.deepcopy(row)
        for other, s in new.get("seats", {}).items():
            if other != seat:
                for key in (*PRIVATE_ROW_FIELDS, *ESTIMATED_FIELDS):
                    if key in s:
                        s[key] = None
        new["pacts"] = {}
        out.append(new)
    return out


def seat_history(g: "Game", seat: str) -> list[dict[str, Any]]:
    """``seat``'s history: one row per recorded quarter, each computed from what it knew then."""
    if getattr(g, INFO_MARK, None) == seat:
        return copy.deepcopy(g.state.history)
    per_seat = _SHADOWS.setdefault(g, {})
    shadow = per_seat.get(seat)
    if shadow is None or not shadow.prefix_of(g):
        shadow = per_seat[seat] = _Shadow(g, seat)
    rows = shadow.rows_for(g)
    if rows is None:
        return _fallback_history(g, seat)
    return copy.deepcopy(rows)


@dataclass(frozen=True)
class SeatView:
    """What one seat may know at one point of a game, with every figure it is shown.

    ``state`` is the state dict as the seat may see it (its ``history`` the seat's own rows);
    ``indicators`` and ``scores`` are computed from the seat's information; ``estimated`` names,
    per other seat, the figures that are the viewer's estimate (empty for the omniscient view).
    """

    viewer: str
    state: dict[str, Any]
    indicators: dict[str, Any]
    scores: dict[str, dict[str, Any]]
    estimated: dict[str, list[str]] = field(default_factory=dict)

    @property
    def omniscient(self) -> bool:
        """Whether this is the facilitator's (omniscient) view."""
        return self.viewer == FACILITATOR

    @property
    def history(self) -> list[dict[str, Any]]:
        """The seat's history rows (its own past views)."""
        return self.state["history"]

    def is_estimate(self, seat: str, figure: str) -> bool:
        """Whether ``figure`` (e.g. ``"real"``) about ``seat`` is the viewer's estimate."""
        return figure in self.estimated.get(seat, ())

    def to_dict(self) -> dict[str, Any]:
        """The engine's plain JSON-safe dict form (what networked play sends)."""
        return {"viewer": self.viewer, "state": copy.deepcopy(self.state),
                "indicators": copy.deepcopy(self.indicators), "scores": copy.deepcopy(self.scores),
                "estimated": {k: list(v) for k, v in self.estimated.items()}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SeatView":
        """Rebuild from :meth:`to_dict`; raises ``ValueError`` naming a missing or wrong part."""
        if not isinstance(data, dict):
            raise ValueError("a seat view must be a JSON object")
        for key, kind in (("viewer", str), ("state", dict), ("indicators", dict), ("scores", dict),
                          ("estimated", dict)):
            if not isinstance(data.get(key), kind):
                raise ValueError(f"seat view field {key!r} is missing or not a {kind.__name__}")
        return cls(data["viewer"], copy.deepcopy(data["state"]), copy.deepcopy(data["indicators"]),
                   copy.deepcopy(data["scores"]), {k: list(v) for k, v in data["estimated"].items()})


def _omniscient_state(g: "Game") -> dict[str, Any]:
    data = state_to_dict(g.state)
    for key in ("phase_base", "phase_actions", "rng"):
        data.pop(key, None)
    data["viewer"] = FACILITATOR
    return data


def seat_state(g: "Game", seat: str | None) -> dict[str, Any]:
    """The state part of ``seat``'s :class:`SeatView` alone (no figures computed: cheaper)."""
    if is_omniscient(seat):
        return _omniscient_state(g)
    assert seat is not None
    data = filtered_state(g, seat)
    data["history"] = seat_history(g, seat)
    data["viewer"] = seat
    return data


def seat_view(g: "Game", seat: str | None) -> SeatView:
    """``seat``'s :class:`SeatView` of ``g`` now (``None``/facilitator: the omniscient view)."""
    from wargame.rules.deterrence import memo
    from wargame.rules.phases import indicators
    from wargame.rules.scoring import score
    data = seat_state(g, seat)
    if is_omniscient(seat):
        with memo(g):
            ind = indicators(g)
            scores = {s: score(g, s).to_dict() for s in SEATS}
        return SeatView(FACILITATOR, data, ind, scores, {})
    assert seat is not None
    info = information_game(g, seat)
    with memo(info):
        ind = _hide_private(indicators(info), seat)
        scores = {s: score(info, s).to_dict() for s in SEATS}
    estimated = {s: list(ESTIMATED_FIELDS) for s in SEATS if s != seat}
    return SeatView(seat, data, ind, scores, estimated)
