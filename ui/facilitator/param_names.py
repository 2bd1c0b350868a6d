"""Plain-language names of the rule parameters (the rulebook's §12 table), for the console.

The console lists parameters by these names; the code name (``honour_gain``) is the tooltip,
since the rulebook and the scenario files use it.
"""
from __future__ import annotations

PARAM_LABELS: dict[str, str] = {
    "capability_per_bn": "Capability points per $1bn of arms",
    "foreign_discount": "Extra capability per dollar from Russia/China",
    "crisis_cap": "Highest chance of a crisis in a quarter",
    "threat_half": "Scale of the pact index",
    "signal_decay": "Share of a signal lost each quarter",
    "habit_gain": "Habit gained per exercise quarter",
    "habit_decay": "Share of habit lost per unexercised quarter",
    "honour_gain": "Credibility gained for honouring a commitment",
    "defect_loss": "Credibility lost per level short in a crisis",
    "declare_boost": "Signal points per public declaration",
    "premium_boost": "Pakistan's deterrence premium (perceived points)",
    "withdraw_loss": "Credibility lost for leaving a public commitment",
    "exercise_cost": "Cost of a programme exercise ($m per member)",
    "posture_cost": "Cost of raising a US base one level ($m)",
    "interest_default": "Rate of the Saudi deposits (%, for reference)",
    "standing_floor": "Ankara's NATO standing floor for sanctions",
}


def param_label(key: str) -> str:
    """The parameter's plain name, or a readable form of its code name if it has none."""
    return PARAM_LABELS.get(key) or key.replace("_", " ").capitalize()
