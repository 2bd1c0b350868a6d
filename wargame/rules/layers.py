"""Pact layers: what each needs first, how exercise habit and shared equipment build, and the
integration a commitment adds up to (issue 14: "integration is slow and ordered").

* **Order.** Combined command needs a joint planning cell; each further level of
  interoperability needs combined command, full interoperability unified command; a recurring
  exercise programme needs the planning cell. A layer proposed before its prerequisite is
  refused with a reason naming the missing layer (:func:`layer_refusal`).
* **Habit** grows a few hundredths a quarter: ``habit_gain`` x (1 - habit) per exercise quarter,
  half as fast without a command to run the exercise, and not at all without a planning cell
  (an exercise without shared plans rehearses nothing the partners would do together). NATO's
  0.85 is then decades of practice, not two years (:func:`add_habit`).
* **Shared equipment** (track 2 reaching the crisis): arms delivered and co-produced between
  the members of a pact or agreement give them common platforms, spares and training, so
  each capability point that passes between them adds ``kit_gain`` to the commitment's
  equipment commonality (0..1), which counts in integration beside the interoperability
  layer (:func:`add_shared_equipment`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.state import Commitment
from wargame.types import COMMAND_LEVELS, INTEROP_LEVELS

if TYPE_CHECKING:
    from wargame.rules.game import Game

SHARED_KINDS = ("pact", "agreement")
"""Commitments whose members' shared equipment counts in their integration."""

UNCOMMANDED = 0.5
"""Share of the habit gain an exercise builds when the pact has no command to run it."""

VISIBLE_SHARE = 0.5
"""Share of a programme quarter's habit gain a visible exercise (a signal, rules §8) builds."""

KIT_WEIGHT = 0.15
"""Integration a commitment gains at full equipment commonality (kit 1.0)."""


def layer_refusal(pact: Commitment, layer: str) -> str | None:
    """Why ``layer`` cannot be added to ``pact`` now (the missing prerequisite, or the layer at
    its top level), or ``None`` if it can."""
    lay = pact.layers
    command = int(lay.get("command", 0))
    interop = int(lay.get("interop", 0))
    if layer == "planning":
        return f"{pact.name} already has a joint planning cell" if lay.get("planning") else None
    if layer == "command":
        if not lay.get("planning"):
            return "combined command needs a joint planning cell first"
        return f"{pact.name} already has unified command" if command >= 2 else None
    if layer == "interop":
        if interop >= 3:
            return f"{pact.name} is already fully interoperable"
        if command < 1:
            return (f"interoperability beyond '{INTEROP_LEVELS[interop]}' needs combined command first "
                    f"({pact.name} has no command)")
        if interop == 2 and command < 2:
            return (f"full interoperability needs unified command first ({pact.name} has "
                    f"{COMMAND_LEVELS[command]} command)")
        return None
    if layer == "exercises":
        if lay.get("exercises"):
            return f"{pact.name} already has a recurring exercise programme"
        if not lay.get("planning"):
            return "a recurring exercise programme needs a joint planning cell first"
        return None
    return None


def habit_rate(com: Commitment) -> float:
    """Share of ``habit_gain`` an exercise builds under ``com``: 1 with a command, half without,
    0 without a planning cell (a bilateral agreement has none)."""
    lay = com.layers
    if not lay.get("planning"):
        return 0.0
    return 1.0 if lay.get("command", 0) >= 1 else UNCOMMANDED


def add_habit(g: "Game", com: Commitment, share: float = 1.0) -> float:
    """Record an exercise under ``com`` worth ``share`` of a programme quarter; returns the habit
    it adds (0 without a planning cell)."""
    habit = float(com.layers.get("habit", 0.0))
    gain = g.state.params["habit_gain"] * share * habit_rate(com) * (1.0 - habit)
    com.layers["habit"] = round(min(1.0, habit + gain), 4)
    return round(com.layers["habit"] - habit, 4)


def add_shared_equipment(g: "Game", a: str, b: str, points: float) -> None:
    """``points`` of capability passed between seats ``a`` and ``b`` (an arms delivery, a
    co-production line's output): every active pact or agreement holding both gains commonality."""
    if a == b or points <= 0:
        return
    gain = points * float(g.state.params.get("kit_gain", 0.0))
    if gain <= 0:
        return
    for com in g.state.commitments.values():
        if com.kind in SHARED_KINDS and com.status == "active" and a in com.parties and b in com.parties:
            com.layers["kit"] = round(min(1.0, float(com.layers.get("kit", 0.0)) + gain), 4)


def pact_integration(com: Commitment, access: float) -> float:
    """A pact's or agreement's integration (before the 1.0 cap) from its layers and ``access``,
    the share of its members with port or logistics access to another member."""
    lay = com.layers
    habit = float(lay.get("habit", 0.0))
    shared = 0.25 * habit + KIT_WEIGHT * float(lay.get("kit", 0.0)) + 0.15 * access
    if com.kind == "pact":
        return 0.10 + structure(com) * habit + shared
    return 0.15 + shared


def structure(com: Commitment) -> float:
    """What a pact's planning cell, command and interoperability layers can add to integration
    (0 .. 0.60); they deliver it as far as the members have exercised them, times the habit."""
    lay = com.layers
    return 0.20 * bool(lay.get("planning")) + 0.10 * lay.get("command", 0) + 0.20 * lay.get("interop", 0) / 3
