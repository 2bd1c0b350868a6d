"""The agent API's observation vector: its entries, how each part is computed, and each seat's
vector kept up to date between steps.

The vector is computed on the seat's information state only (public facts plus its own
secrets, every figure about another seat its estimate): :func:`observe_vector` builds it from
scratch through :func:`wargame.rules.seat_view.information_game`; :class:`SeatObservation`
holds one seat's vector and patches it. After *everything* changed
(:mod:`wargame.env_changes`) it rebuilds the seat's information state
(:func:`wargame.env_information.information_game`) and every part; after light actions only the
parts they reach: the inbox, the seat's own political capital, and its own score (offers
received count in Ankara's). Both paths fill the vector with the same part functions below.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from wargame.env_changes import Touches, rescore
from wargame.env_information import information_game as fast_information_game
from wargame.env_information import refresh_proposals
from wargame.rules.deterrence import memo
from wargame.rules.game import Game
from wargame.rules.seat_view import information_game
from wargame.scenario import Scenario
from wargame.types import DEALS, DOMAINS, SEATS

OBS_LIMIT = 1000.0
"""Bound of every observation entry (values are scaled to roughly -1..10 and clipped)."""

SEAT_ROW = 8 + len(DOMAINS)
"""Entries per seat: credibility, standing, stress, real, perceived, gap, score, sanctioned,
then capability by domain."""
SCORE_IN_ROW = 6
PACT_ROW = 1 + len(SEATS) + 5
CRISIS_ROW = 1 + len(SEATS) + 2
ME_ROW = len(SEATS) + 8
INBOX_ROW = 1 + len(DEALS) + len(SEATS)


def observation_names(scenario: Scenario) -> list[str]:
    """Names of the entries of the observation vector, in order."""
    names = ["turn_fraction", "phase_diplomacy", "phase_investment", "phase_crisis"]
    for s in SEATS:
        names += [f"{s}.{k}" for k in ("credibility", "standing", "stress", "real", "perceived", "gap",
                                       "score", "sanctioned")]
        names += [f"{s}.capability.{d}" for d in DOMAINS]
    for c in scenario.commitments:
        if c.kind == "pact":
            names += [f"{c.id}.active"] + [f"{c.id}.member.{s}" for s in SEATS]
            names += [f"{c.id}.{k}" for k in ("planning", "command", "interop", "exercises", "habit")]
    names += ["crisis.active"] + [f"crisis.target.{s}" for s in SEATS] + ["crisis.my_obligation", "crisis.severity"]
    names += [f"me.{s}" for s in SEATS]
    names += [f"me.{k}" for k in ("budget", "reserves", "debt", "pc", "inflows", "exports", "spent", "partners")]
    names += ["inbox.count"] + [f"inbox.deal.{d}" for d in DEALS] + [f"inbox.sender.{s}" for s in SEATS]
    return names


# --------------------------------------------------------------------------- the parts
# Each takes ``info``, the seat's information game, and returns its entries (unscaled to float32,
# unclipped).

def head_part(info: Game) -> list[float]:
    """Turn fraction and phase."""
    st = info.state
    return [st.turn / info.scenario.meta.turns, float(st.phase == "diplomacy"),
            float(st.phase == "investment"), float(st.phase == "crisis")]


def seat_row(info: Game, s: str, figures: dict[str, Any]) -> list[float]:
    """One seat's public indicators and the viewer's estimates (``figures``: its indicators row)."""
    ss = info.state.seats[s]
    return [figures["credibility"] / 100, figures["standing"] / 100, figures["stress"] / 100,
            figures["real"] / 100, figures["perceived"] / 100, figures["gap"] / 100,
            figures["score"] / 100, float(ss.sanctioned)] + [ss.capability.get(d, 0.0) / 50 for d in DOMAINS]


def pact_row(info: Game, seat: str, pid: str) -> list[float]:
    """A pact the seat may see: active, members, layers (zeros if it may not see it)."""
    com = info.state.commitments.get(pid)
    if com is None or (not com.public and seat not in com.parties):
        return [0.0] * PACT_ROW
    lay = com.layers
    return ([float(com.status == "active")] + [float(s in com.parties) for s in SEATS]
            + [float(bool(lay.get("planning"))), lay.get("command", 0) / 2, lay.get("interop", 0) / 3,
               float(bool(lay.get("exercises"))), float(lay.get("habit", 0.0))])


def crisis_part(info: Game, seat: str) -> list[float]:
    """The crisis under way: target, the seat's obligation (-1/3 if none), severity."""
    crisis = info.state.crisis
    if crisis is None:
        return [0.0] * CRISIS_ROW
    return ([1.0] + [float(crisis.target == s) for s in SEATS]
            + [crisis.obligations.get(seat, 0) / 3 if seat in crisis.obligations else -1 / 3, crisis.severity])


def me_part(info: Game, seat: str) -> list[float]:
    """Who the seat is, its own budget lines and political capital, its partners."""
    st = info.state
    me = st.seats[seat]
    partners = {p for c in st.commitments.values() if c.status == "active" and seat in c.parties
                for p in c.parties if p != seat}
    return ([float(seat == s) for s in SEATS]
            + [me.budget / 10000, me.reserves / 10000, me.debt / 10000, me.pc / 5, me.inflows / 10000,
               me.exports / 10000, me.spent / 10000, len(partners) / 3])


def inbox_part(info: Game, seat: str) -> list[float]:
    """How many proposals wait for the seat's answer, and the oldest one's deal and sender."""
    inbox = info.open_proposals(seat)
    first = inbox[0] if inbox else None
    return ([len(inbox) / 5] + [float(first is not None and first.deal == d) for d in DEALS]
            + [float(first is not None and first.sender == s) for s in SEATS])


def _vector(info: Game, seat: str, pact_ids: list[str], ind: dict[str, Any]) -> list[float]:
    v = head_part(info)
    for s in SEATS:
        v += seat_row(info, s, ind["seats"][s])
    for pid in pact_ids:
        v += pact_row(info, seat, pid)
    return v + crisis_part(info, seat) + me_part(info, seat) + inbox_part(info, seat)


def observe_vector(g: Game, seat: str, pact_ids: list[str], ind: dict[str, Any] | None = None) -> np.ndarray:
    """The observation vector of ``seat`` computed from scratch on its information state only
    (:func:`wargame.rules.seat_view.information_game`): public facts plus its own secrets, every
    figure about another seat its estimate. ``g`` may be the true game or that information game;
    ``ind``: the indicators of the information game if already computed."""
    info = information_game(g, seat)
    ind = ind if ind is not None else info.indicators()
    arr = np.asarray(_vector(info, seat, pact_ids, ind), dtype=np.float32)
    return np.clip(arr, -OBS_LIMIT, OBS_LIMIT)


# --------------------------------------------------------------------------- kept up to date
class SeatObservation:
    """One seat's observation vector, kept up to date from a :class:`Touches`."""

    def __init__(self, seat: str, pact_ids: list[str]) -> None:
        self.seat = seat
        self.pact_ids = list(pact_ids)
        size = 4 + len(SEATS) * SEAT_ROW + len(pact_ids) * PACT_ROW + CRISIS_ROW + ME_ROW + INBOX_ROW
        self.vector = np.zeros(size, dtype=np.float32)
        self.info: Game | None = None
        """The seat's information game the vector was computed on (shares objects with the true game)."""
        self.position = -1
        """The :class:`wargame.env_changes.ChangeLog` position the vector is exact for."""
        self._me = size - INBOX_ROW - ME_ROW
        self._inbox = size - INBOX_ROW
        self._own_score = 4 + SEATS.index(seat) * SEAT_ROW + SCORE_IN_ROW
        self._game: Game | None = None
        self._crises: dict[Any, Any] = {}
        self._figures: dict[Any, Any] | None = None

    def _put(self, start: int, values: list[float]) -> None:
        part = self.vector[start:start + len(values)]
        part[:] = values
        np.clip(part, -OBS_LIMIT, OBS_LIMIT, out=part)

    def refresh(self, g: Game, touched: Touches, position: int) -> np.ndarray:
        """Bring the vector up to date (``touched``: the changes since the last refresh, now at
        ``position``) and return it (the array itself: copy it before handing it out)."""
        seat = self.seat
        info = self.info
        if touched.everything or info is None:
            if g is not self._game:
                self._game, self._crises = g, {}
            info = self.info = fast_information_game(g, seat, self._crises)
            with memo(info):
                ind = info.indicators()
                self._figures = info._memo
            self._put(0, _vector(info, seat, self.pact_ids, ind))
        else:
            if seat in touched.inbox:
                refresh_proposals(info, g, seat)
                self._put(self._inbox, inbox_part(info, seat))
            if seat in touched.pc:  # the seat's own line is the true game's object: already current
                self._put(self._me, me_part(info, seat))
            if seat in touched.offers:  # offers received count in the seat's own score
                self._put(self._own_score, [rescore(info, seat, self._figures) / 100])
        self.position = position
        return self.vector
