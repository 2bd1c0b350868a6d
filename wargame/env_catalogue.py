"""The agent API's action slots: a fixed catalogue per seat, and each seat's mask kept up to date.

:func:`build_catalogue` lists a seat's slots once per scenario (see :mod:`wargame.env` for what
they mean). :class:`SeatMask` holds which slots are legal for one seat now. It is computed in
full with :meth:`Game.check` on every slot the phase allows and then, while the game only moves
by "light" actions (:mod:`wargame.env_changes`), patched instead of recomputed: a fall in the
seat's political capital closes the slots that cost more than it has left (the rule of
``Game.check``'s common part, with the costs of :data:`wargame.rules.moves.PC_COST`), and a change
in its inbox re-checks the two slots that answer the oldest proposal. Anything else recomputes
the whole mask.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from wargame import actions as A
from wargame.actions import Action, make_terms
from wargame.env_changes import Touches
from wargame.rules.catalogue import deal_templates
from wargame.rules.game import Game
from wargame.rules.moves import PC_COST, PHASE_ACTIONS, WITHDRAWABLE
from wargame.scenario import Scenario
from wargame.types import DOMAINS, LAYERS, RESPONSES, SEATS

INBOX_KINDS = ("accept", "reject")
"""Slot kinds that answer the oldest open proposal (re-checked when the inbox changes)."""


@dataclass(frozen=True)
class Slot:
    """One action slot: a label, the action kind it produces and how to build it now."""

    label: str
    kind: str
    build: Callable[[Game, str], Action | None]


# --------------------------------------------------------------------------- the catalogue
def _fixed(action: Action) -> Callable[[Game, str], Action | None]:
    return lambda g, seat: action


def _oldest(accept: bool) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        inbox = g.open_proposals(seat)
        if not inbox:
            return None
        return A.Accept(seat, inbox[0].id) if accept else A.Reject(seat, inbox[0].id)
    return build


def _respond(level: str) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        crisis = g.state.crisis
        return None if crisis is None else A.Respond(seat, crisis.id, level)
    return build


def _convert(other: str, domain: str) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        for com in g.state.commitments.values():
            if com.kind == "loan" and com.status == "active" and set(com.parties) == {seat, other}:
                return A.Propose(seat, "convert", (other,), make_terms(loan=com.id, domain=domain, turns=4))
        return None
    return build


def _accession(pact: str, candidate: str) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        com = g.state.commitments.get(pact)
        if com is None or com.status != "active" or candidate in com.parties:
            return None
        to = tuple(sorted((set(com.parties) | {candidate}) - {seat}))
        return A.Propose(seat, "accession", to, make_terms(pact=pact, candidate=candidate))
    return build


def _layer(pact: str, layer: str) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        com = g.state.commitments.get(pact)
        if com is None or com.status != "active" or seat not in com.parties:
            return None
        return A.Propose(seat, "layer", tuple(p for p in com.parties if p != seat),
                         make_terms(pact=pact, layer=layer))
    return build


def _exercise_agreement(other: str) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        for com in g.state.commitments.values():
            if com.kind == "agreement" and com.status == "active" and {seat, other} <= set(com.parties):
                return A.ShowExercise(seat, com.id)
        return None
    return build


def _us_sale(buyer: str, hold: bool) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        for com in g.state.commitments.values():
            if (com.kind == "arms_sale" and com.status == "active" and com.terms.get("seller") == "washington"
                    and com.terms.get("buyer") == buyer and bool(com.terms.get("held")) != hold):
                return A.Hold(seat, com.id) if hold else A.Release(seat, com.id)
        return None
    return build


def _describe(action: Action) -> str:
    if isinstance(action, A.Propose):
        terms = ", ".join(f"{k}={v}" for k, v in action.terms)
        return f"propose {action.deal} to {'+'.join(action.to)} ({terms})"
    fields = {k: v for k, v in action.to_dict().items() if k not in ("type", "seat")}
    return f"{action.kind} " + " ".join(f"{k}={v}" for k, v in fields.items())


def build_catalogue(scenario: Scenario, seat: str) -> list[Slot]:
    """The fixed list of action slots of ``seat`` for a scenario (stable order)."""
    g = Game(scenario, 0)
    st = g.state
    others = [s for s in SEATS if s != seat]
    pacts = [c.id for c in st.commitments.values() if c.kind == "pact"]
    slots = [Slot("end phase", "end_phase", _fixed(A.EndPhase(seat))),
             Slot("undo", "undo", _fixed(A.Undo(seat))),
             Slot("accept the oldest open proposal", "accept", _oldest(True)),
             Slot("reject the oldest open proposal", "reject", _oldest(False))]
    slots += [Slot(f"respond to the crisis: {level}", "respond", _respond(level)) for level in RESPONSES]
    seen: set[Action] = set()
    for action in deal_templates(g, seat):
        if action.deal in ("convert", "accession", "layer") or action in seen:
            continue
        seen.add(action)
        slots.append(Slot(_describe(action), "propose", _fixed(action)))
    for other in others:
        for domain in ("air", "naval", "strike"):
            slots.append(Slot(f"propose converting the active loan with {other} into {domain} arms",
                              "propose", _convert(other, domain)))
    for pact in pacts:
        for candidate in SEATS:
            slots.append(Slot(f"propose {candidate}'s accession to {pact}", "propose", _accession(pact, candidate)))
        for layer in LAYERS:
            slots.append(Slot(f"propose a {layer} layer on {pact}", "propose", _layer(pact, layer)))
    for com in st.commitments.values():
        if seat in com.parties and com.kind in WITHDRAWABLE:
            slots.append(Slot(f"withdraw from {com.id}", "withdraw", _fixed(A.Withdraw(seat, com.id))))
    for other in others:
        slots.append(Slot(f"declare support for {other}", "declare", _fixed(A.Declare(seat, other))))
    for pact in pacts:
        slots.append(Slot(f"visible exercise under {pact}", "show_exercise", _fixed(A.ShowExercise(seat, pact))))
    for other in others:
        slots.append(Slot(f"visible exercise under the agreement with {other}", "show_exercise",
                          _exercise_agreement(other)))
    for domain in DOMAINS:
        for amount in (250, 500, 1000):
            slots.append(Slot(f"invest {amount} in {domain}", "invest", _fixed(A.Invest(seat, domain, amount))))
    if seat != "washington":
        for supplier in ("russia", "china"):
            for domain in ("amd", "air", "strike"):
                slots.append(Slot(f"buy {domain} from {supplier} (500)", "buy_foreign",
                                  _fixed(A.BuyForeign(seat, supplier, domain, 500))))
    else:
        for other in ("ankara", "riyadh", "islamabad"):
            for public in (True, False):
                slots.append(Slot(f"{'public' if public else 'private'} assurance to {other}", "assure",
                                  _fixed(A.Assure(seat, other, public))))
        for base in st.posture:
            for change in (1, -1):
                slots.append(Slot(f"posture {base} {change:+d}", "posture", _fixed(A.Posture(seat, base, change))))
        for other in ("ankara", "riyadh", "islamabad"):
            slots.append(Slot(f"hold the oldest US arms sale to {other}", "hold", _us_sale(other, True)))
            slots.append(Slot(f"release a held US arms sale to {other}", "release", _us_sale(other, False)))
        for other in ("ankara", "riyadh", "islamabad"):
            slots.append(Slot(f"sanctions pressure on {other}", "sanction", _fixed(A.Sanction(seat, other))))
            slots.append(Slot(f"lift sanctions pressure on {other}", "lift_sanctions",
                              _fixed(A.LiftSanctions(seat, other))))
    return slots




# --------------------------------------------------------------------------- masks
class SeatMask:
    """Which of one seat's slots are legal now, kept up to date from a :class:`Touches`.

    :meth:`refresh` takes what changed since the last refresh; :attr:`mask` is then exact for
    the game as it stands. A seat that is not acting has an all-zero mask.
    """

    def __init__(self, seat: str, catalogue: list[Slot], num_slots: int, allow_undo: bool) -> None:
        self.seat = seat
        self.catalogue = catalogue
        self.allow_undo = allow_undo
        self.mask = np.zeros(num_slots, dtype=np.int8)
        self.position = -1
        """The :class:`wargame.env_changes.ChangeLog` position the mask is exact for."""
        self._zero = np.zeros(num_slots, dtype=np.int8)
        self._acting = False
        self._cost = np.zeros(num_slots, dtype=np.int32)
        for i, slot in enumerate(catalogue):
            self._cost[i] = PC_COST.get(slot.kind, 0)
        # per phase: the slots it allows (undo only if turned on), in catalogue order
        self._allowed = {
            phase: [(i, slot, PC_COST.get(slot.kind, 0)) for i, slot in enumerate(catalogue)
                    if slot.kind in kinds and (slot.kind != "undo" or allow_undo)]
            for phase, kinds in PHASE_ACTIONS.items()}
        self._inbox = {phase: [i for i, slot, _ in rows if slot.kind in INBOX_KINDS]
                       for phase, rows in self._allowed.items()}
        self._undo = {phase: [i for i, slot, _ in rows if slot.kind == "undo"]
                      for phase, rows in self._allowed.items()}

    def _check(self, g: Game, i: int) -> int:
        action = self.catalogue[i].build(g, self.seat)
        return int(action is not None and g.check(action) is None)

    def _full(self, g: Game) -> None:
        mask = self.mask
        mask[:] = 0
        pc = g.state.seats[self.seat].pc
        for i, slot, cost in self._allowed.get(g.phase, ()):
            # Game.check refuses any action that costs more political capital than the seat has
            # left before it looks further: no need to build and check those
            if cost > pc:
                continue
            action = slot.build(g, self.seat)
            if action is not None and g.check(action) is None:
                mask[i] = 1

    def refresh(self, g: Game, touched: Touches, position: int) -> np.ndarray:
        """Bring the mask up to date (``touched``: the changes since the last refresh, now at
        ``position``) and return it (the array itself: copy it before handing it out)."""
        if g.over or self.seat not in g.acting_seats():
            # not acting: nothing is legal. A seat stops acting by a light action (its end of
            # phase) but starts again only when everything changes, so the mask is rebuilt then.
            self._acting = False
            self.position = position
            return self._zero
        seat = self.seat
        if touched.everything or not self._acting:
            self._full(g)
        else:
            if seat in touched.pc:
                self.mask[self._cost > g.state.seats[seat].pc] = 0
            if seat in touched.inbox:
                for i in self._inbox.get(g.phase, ()):
                    self.mask[i] = self._check(g, i)
            if touched:  # what the seat may take back changes with every action (undo=True only)
                for i in self._undo.get(g.phase, ()):
                    self.mask[i] = self._check(g, i)
        self._acting = True
        self.position = position
        return self.mask
