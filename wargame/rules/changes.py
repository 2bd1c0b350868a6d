"""What one applied action changed, in the manner of Anki's change flags (``OpChanges``).

:meth:`wargame.rules.game.Game.apply` returns an :class:`ApplyResult`: the action's events (it
is a list of them, so callers that iterate events keep working) plus :class:`Changes`, the parts
of the state that differ from before the action. Views redraw only when their flags say so.

The flags come from comparing a light snapshot of the state taken before the rule ran with one
taken after, so they are exact whatever rule module made the change.
"""
from __future__ import annotations

import dataclasses
import pickle
from typing import Any, Iterable

from wargame.events import Event
from wargame.state import State

_NOTHING: frozenset[str] = frozenset()


@dataclasses.dataclass(frozen=True)
class Changes:
    """Which parts of the state one action changed.

    ``seats``, ``commitments`` and ``proposals`` hold the ids whose data changed (added,
    altered or removed); the booleans say whether the indicator history, the phase or turn (or
    game over), the crisis (the current one or any past one, e.g. a ruling) or the bases'
    posture changed.
    """

    seats: frozenset[str] = _NOTHING
    commitments: frozenset[str] = _NOTHING
    proposals: frozenset[str] = _NOTHING
    indicators: bool = False
    phase: bool = False
    crisis: bool = False
    posture: bool = False

    @property
    def map(self) -> bool:
        """Whether the map's data (commitments, posture, crisis) changed."""
        return bool(self.commitments) or self.posture or self.crisis

    @property
    def network(self) -> bool:
        """Whether the commitment network changed."""
        return bool(self.commitments)

    @property
    def scores(self) -> bool:
        """Whether anything a score is computed from changed."""
        return bool(self.seats) or bool(self.commitments) or self.crisis or self.indicators or self.phase

    def __bool__(self) -> bool:
        return bool(self.seats or self.commitments or self.proposals) or self.indicators \
            or self.phase or self.crisis or self.posture

    def flags(self) -> set[str]:
        """The names of the flags set (``seats``, ``commitments``, ..., ``posture``)."""
        return {f.name for f in dataclasses.fields(self) if getattr(self, f.name)}

    def merged(self, other: "Changes") -> "Changes":
        """Both changes together (for several actions shown in one refresh)."""
        return Changes(self.seats | other.seats, self.commitments | other.commitments,
                       self.proposals | other.proposals, self.indicators or other.indicators,
                       self.phase or other.phase, self.crisis or other.crisis,
                       self.posture or other.posture)


EVERYTHING_KEYS = ("seats", "commitments", "proposals", "indicators", "phase", "crisis", "posture")


def everything(state: State) -> Changes:
    """Changes that name every part of ``state`` (a new or reopened game: redraw all)."""
    return Changes(frozenset(state.seats), frozenset(state.commitments), frozenset(state.proposals),
                   True, True, True, True)


class ApplyResult(list[Event]):
    """The events of one applied action (a list, as ``apply`` returned before) and its :class:`Changes`."""

    def __init__(self, events: Iterable[Event], changes: Changes) -> None:
        super().__init__(events)
        self.changes = changes


def _frozen(value: Any) -> bytes:
    """A copy of plain data (dicts, lists, dataclasses) that later mutation cannot touch.

    Pickled bytes compare fast; two equal values may differ only as ``1`` against ``1.0``,
    which at worst reports a change that did not happen (a redraw too many, never one too few).
    """
    return pickle.dumps(value, 5)


def _each(items: dict[str, Any]) -> dict[str, bytes]:
    return {k: pickle.dumps(v, 5) for k, v in items.items()}


class Snapshot:
    """A light, frozen copy of the parts of a state that :class:`Changes` reports on."""

    __slots__ = ("seats", "commitments", "proposals", "history", "phase", "crisis", "posture")

    def __init__(self, st: State) -> None:
        self.seats = _each(st.seats)
        self.commitments = _each(st.commitments)
        self.proposals = _each(st.proposals)
        self.history = (len(st.history), _frozen(st.history[-1]) if st.history else None)
        self.phase = (st.turn, st.phase, st.over, st.held_phase)
        self.crisis = _frozen((st.crisis, st.crises))
        self.posture = _frozen(st.posture)


def _diff(before: dict[str, Any], after: dict[str, Any]) -> frozenset[str]:
    changed = {k for k, v in after.items() if before.get(k, _MISSING) != v}
    changed.update(k for k in before if k not in after)
    return frozenset(changed)


_MISSING = object()


def changes_between(before: Snapshot, after: Snapshot) -> Changes:
    """What differs between two snapshots."""
    return Changes(
        seats=_diff(before.seats, after.seats),
        commitments=_diff(before.commitments, after.commitments),
        proposals=_diff(before.proposals, after.proposals),
        indicators=before.history != after.history,
        phase=before.phase != after.phase,
        crisis=before.crisis != after.crisis,
        posture=before.posture != after.posture)
