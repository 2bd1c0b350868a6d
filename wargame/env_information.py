"""A seat's information state built straight from the game's objects, for the agent API.

:func:`wargame.rules.seat_view.information_game` builds a seat's information state by writing
the true state out as a dict, filtering it and reading it back (a JSON round trip: about 1 ms
late in a game). :func:`information_game` here makes the same state from the objects: the same
filter (seat_view's constants and its crisis filter), with the parts the seat sees in full
shared rather than copied. ``tests/test_env_fast.py`` checks that both give equal states.

The game returned shares objects with the true game (the seat's own ``SeatState``, the
commitments and proposals it may see, actors, posture, parameters): use it only to *read*
(indicators, scores, the inbox), never to apply an action. A caller that builds a seat's
information state again and again passes a dict as ``crises``: past crises, which change only
by a ruling (as ``wargame.state.snapshot`` relies on too), are then filtered once.
"""
from __future__ import annotations

import copy
import dataclasses
from typing import Any

from wargame.rules.game import Game
from wargame.rules.seat_view import INFO_MARK, PRIVATE_DEFAULTS, _strip_crisis
from wargame.state import Crisis, SeatState, State, _crisis_dict

_NUMBERS: dict[str, int] = {}


def _number(i: str) -> int:
    """The number in an id (``p7``: 7; ``smda``: 0), remembered (ids recur at every step)."""
    n = _NUMBERS.get(i)
    if n is None:
        n = _NUMBERS[i] = int(i[1:]) if len(i) > 1 and i[1:].isdigit() else 0
        if len(_NUMBERS) > 100_000:
            _NUMBERS.clear()
    return n


def _outsider(s: SeatState) -> SeatState:
    """Another seat as a seat sees it: its private lines at their neutral stand-ins."""
    neutral = {k: copy.copy(v) for k, v in PRIVATE_DEFAULTS.items()}
    return dataclasses.replace(s, declared={}, **neutral)


def _crisis(c: Crisis, visible: dict[str, Any], seat: str, current: bool) -> Crisis:
    data = _strip_crisis(_crisis_dict(c), visible)  # type: ignore[arg-type]
    if current:  # responses are secret until the outcome (rules §10.4): a seat sees only its own
        data["responses"] = {s: v for s, v in data["responses"].items() if s == seat}
    return Crisis(**data)


def _past_crisis(c: Crisis, visible: dict[str, Any], seat: str, cache: dict[Any, Crisis]) -> Crisis:
    key = (c.id, c.ruling, tuple(cid for ids in c.via.values() for cid in ids if cid in visible))
    hit = cache.get(key)
    if hit is None:
        hit = cache[key] = _crisis(c, visible, seat, False)
    return hit


def information_game(g: Game, seat: str, crises: dict[Any, Crisis] | None = None) -> Game:
    """``seat``'s information state of ``g`` as a game, equal to seat_view's (without history);
    ``crises``: a cache of filtered past crises kept by the caller for this game and seat."""
    st = g.state
    coms = {cid: c for cid, c in st.commitments.items() if c.public or seat in c.parties}
    props = {pid: p for pid, p in st.proposals.items() if p.sender == seat or seat in p.to}
    seats = {other: s if other == seat else _outsider(s) for other, s in st.seats.items()}
    cache: dict[Any, Crisis] = {} if crises is None else crises
    past = [_past_crisis(c, coms, seat, cache) for c in st.crises]
    crisis = None if st.crisis is None else _crisis(st.crisis, coms, seat, True)
    # seat_view numbers what a game built on the state creates after the highest id it shows
    counter = max((_number(i) for i in (*coms, *props, *(c.id for c in past))), default=0)
    if crisis is not None:
        counter = max(counter, _number(crisis.id))
    state = State(turn=st.turn, phase=st.phase, rng=0, counter=counter, over=st.over,
                  seats=seats, commitments=coms, proposals=props, crisis=crisis, crises=past,
                  actors=st.actors, posture=st.posture, params=st.params, history=[],
                  external=st.external, held_phase=st.held_phase, phase_actions=[], phase_base=None,
                  notes=[], action_count=0, event_count=0)
    info = Game(g.scenario, 0, _state=state)
    setattr(info, INFO_MARK, seat)
    return info


def refresh_proposals(info: Game, g: Game, seat: str) -> None:
    """Bring the proposals of ``seat``'s information game up to date with ``g``'s (the objects are
    shared, so answers already show; this adds the new ones and drops the deleted ones)."""
    props = {pid: p for pid, p in g.state.proposals.items() if p.sender == seat or seat in p.to}
    info.state.proposals = props
