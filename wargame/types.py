"""Shared vocabulary of the model: seats, domains, phases, clauses and response levels."""
from __future__ import annotations

from typing import Final

SEATS: Final = ("ankara", "riyadh", "islamabad", "washington")
"""The four playable seats, in turn order."""

FACILITATOR: Final = "facilitator"
"""The umpire seat: sees everything, steers the game, never scores."""

SEAT_NAMES: Final = {
    "ankara": "Ankara", "riyadh": "Riyadh", "islamabad": "Islamabad",
    "washington": "Washington", "facilitator": "Facilitator",
}

DOMAINS: Final = ("air", "amd", "land", "naval", "strike")
"""Capability domains: air, air-and-missile defence, land, naval, drones/strike."""

DOMAIN_NAMES: Final = {
    "air": "air", "amd": "air & missile defence", "land": "land",
    "naval": "naval", "strike": "drones & strike",
}

PHASES: Final = ("events", "diplomacy", "investment", "crisis", "assessment")
"""The phases of every quarter, in order."""

PHASE_NAMES: Final = {
    "events": "World events & income", "diplomacy": "Diplomacy",
    "investment": "Investment", "crisis": "Crisis test", "assessment": "Assessment",
}

CLAUSES: Final = {"consultation": 1, "assistance": 2, "automatic": 3}
"""Pact clauses and the response level each one obliges a partner to give."""

CLAUSE_STRENGTH: Final = {"consultation": 0.3, "assistance": 0.6, "automatic": 1.0}

RESPONSES: Final = ("none", "diplomatic", "material", "military")
"""Crisis responses, weakest first; the index is the response level."""

INTEROP_LEVELS: Final = ("none", "deconflicted", "compatible", "interoperable")
COMMAND_LEVELS: Final = ("none", "combined", "unified")

STATUSES: Final = ("proposed", "active", "suspended", "broken", "expired")

DEALS: Final = (
    "agreement", "accession", "layer", "loan", "deposit", "grant", "convert", "arms_sale",
    "export_credit", "coproduction", "port_access", "premium", "demand",
)
"""Kinds of deal a seat may propose to others."""

LAYERS: Final = ("planning", "command", "interop", "exercises")


def quarter_name(start_year: int, start_quarter: int, turn: int) -> str:
    """Name of the quarter of ``turn`` (1-based), e.g. ``2026-Q1``."""
    index = (start_quarter - 1) + (turn - 1)
    return f"{start_year + index // 4}-Q{index % 4 + 1}"


def money(amount_m: float) -> str:
    """Format an amount in millions of dollars as ``$1.2bn`` or ``$350m``."""
    if abs(amount_m) >= 1000:
        return f"${amount_m / 1000:.1f}bn"
    return f"${amount_m:.0f}m"
