"""Events: what an action produced, as small value objects with an exact dict form."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True, slots=True)
class Event:
    """One thing that happened.

    ``kind`` is a stable tag (``signed``, ``flow``, ``crisis``, ``chance``...), ``text`` a
    sentence for the account, ``seats`` the seats it concerns, ``public`` whether every seat
    sees it, ``data`` the figures behind it (JSON-safe).
    """

    kind: str
    turn: int
    phase: str
    text: str
    seats: tuple[str, ...] = ()
    public: bool = True
    data: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-safe dict form."""
        return {
            "kind": self.kind, "turn": self.turn, "phase": self.phase, "text": self.text,
            "seats": list(self.seats), "public": self.public, "data": dict(self.data),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Event":
        """Parse the dict form back exactly."""
        return cls(
            kind=data["kind"], turn=data["turn"], phase=data["phase"], text=data["text"],
            seats=tuple(data.get("seats", ())), public=data.get("public", True),
            data=dict(data.get("data", {})),
        )

    def visible_to(self, seat: str | None) -> bool:
        """Whether ``seat`` may see this event (``None`` or the facilitator sees all)."""
        return seat is None or seat == "facilitator" or self.public or seat in self.seats
