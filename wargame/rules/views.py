"""Per-seat views: what a seat may see, never another seat's secrets or private lines."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wargame.state import state_to_dict
from wargame.types import FACILITATOR, SEATS

if TYPE_CHECKING:
    from wargame.rules.game import Game

PRIVATE_SEAT_FIELDS = ("budget", "reserves", "pc", "deliveries", "spent", "done", "debt", "inflows",
                       "exports", "offers_received", "premium_income")
"""A seat's private budget lines (and the running totals a secret deal would move), hidden
from the other seats. Scores and their components stay public (transparent objectives)."""

PRIVATE_HISTORY_FIELDS = ("budget", "reserves", "spent", "debt", "inflows", "exports")


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
    visible = set(data["commitments"])
    for row in data["history"]:
        for other, s in row["seats"].items():
            if other != seat:
                for key in PRIVATE_HISTORY_FIELDS:
                    if key in s:
                        s[key] = None
        if isinstance(row.get("pacts"), dict):
            row["pacts"] = {pid: p for pid, p in row["pacts"].items() if pid in visible}
    data["crises"] = [_strip_crisis(c, visible) for c in data["crises"]]
    if data["crisis"] is not None:
        data["crisis"] = _strip_crisis(data["crisis"], visible)
        # responses are secret until the outcome (rules §10.4): a seat sees only its own
        data["crisis"]["responses"] = {s: v for s, v in data["crisis"]["responses"].items() if s == seat}
    return data


def _strip_crisis(crisis: dict[str, Any], visible: set[str]) -> dict[str, Any]:
    """Hide partners obliged only through commitments the viewer cannot see."""
    via = {s: [c for c in ids if c in visible] for s, ids in crisis["via"].items()}
    hidden = {s for s, ids in via.items() if not ids and crisis["via"].get(s)}
    crisis["via"] = {s: ids for s, ids in via.items() if s not in hidden}
    for key in ("obligations", "responses"):
        crisis[key] = {s: v for s, v in crisis[key].items() if s not in hidden}
    contributions = crisis.get("details", {}).get("contributions")
    if isinstance(contributions, dict):
        crisis["details"]["contributions"] = {s: v for s, v in contributions.items() if s not in hidden}
    return crisis


def visible_events(g: "Game", seat: str | None) -> list[Any]:
    """The events of the log that ``seat`` may see."""
    return [e for e in g.events if e.visible_to(seat)]
