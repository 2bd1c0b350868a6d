"""Per-seat views: what a seat may see, never another seat's secrets or private lines."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wargame.state import state_to_dict
from wargame.types import FACILITATOR, SEATS

if TYPE_CHECKING:
    from wargame.rules.game import Game

PRIVATE_SEAT_FIELDS = ("budget", "reserves", "pc", "deliveries", "spent", "done")
"""A seat's private budget lines, hidden from the other seats."""


def seat_view(g: "Game", seat: str | None) -> dict[str, Any]:
    """The state as ``seat`` may see it; ``None`` or the facilitator see everything."""
    data = state_to_dict(g.state)
    data.pop("phase_base", None)
    data.pop("phase_actions", None)
    data.pop("rng", None)
    if seat is None or seat == FACILITATOR:
        data["viewer"] = seat or FACILITATOR
        return data
    if seat not in SEATS:
        raise ValueError(f"unknown seat {seat!r}")
    data["viewer"] = seat
    data["commitments"] = {cid: c for cid, c in data["commitments"].items()
                           if c["public"] or seat in c["parties"]}
    data["proposals"] = {pid: p for pid, p in data["proposals"].items()
                         if p["sender"] == seat or seat in p["to"]}
    for other, s in data["seats"].items():
        if other != seat:
            for key in PRIVATE_SEAT_FIELDS:
                s[key] = None
            s["declared"] = {}
    data["notes"] = []
    for row in data["history"]:
        for other, s in row["seats"].items():
            if other != seat:
                s["budget"] = None
                s["reserves"] = None
                s["spent"] = None
    visible = set(data["commitments"])
    data["crises"] = [_strip_crisis(c, visible) for c in data["crises"]]
    if data["crisis"] is not None:
        data["crisis"] = _strip_crisis(data["crisis"], visible)
    return data


def _strip_crisis(crisis: dict[str, Any], visible: set[str]) -> dict[str, Any]:
    crisis["via"] = {s: [c for c in ids if c in visible] for s, ids in crisis["via"].items()}
    return crisis


def visible_events(g: "Game", seat: str | None) -> list[Any]:
    """The events of the log that ``seat`` may see."""
    return [e for e in g.events if e.visible_to(seat)]
