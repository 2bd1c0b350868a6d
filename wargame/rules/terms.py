"""The range of every numeric deal term, and of the amount of a purchase, as data.

:func:`wargame.rules.deals.validate_deal` and the purchase moves enforce these ranges and the
forms of the app read them (bounds, a standard value and a step), so the two cannot drift.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TermRange:
    """The allowed values of one numeric term: ``low``..``high`` inclusive.

    ``whole`` terms take whole numbers only (money in $m, quarters, percentage points, standing);
    ``default`` is the standard value a form starts from and ``step`` its increment.
    """

    low: float
    high: float
    default: float
    step: float
    whole: bool = True


RATE = TermRange(0, 15, 4.0, 0.5, whole=False)
"""Annual interest rate (%) of a loan, a deposit or an export-credit facility."""

DEAL_TERMS: dict[str, dict[str, TermRange]] = {
    "loan": {"amount": TermRange(100, 10000, 1000, 100), "rate": RATE, "turns": TermRange(1, 20, 8, 1)},
    "deposit": {"amount": TermRange(100, 10000, 1000, 100), "rate": RATE, "turns": TermRange(1, 20, 4, 1)},
    "grant": {"amount": TermRange(50, 5000, 300, 50), "turns": TermRange(1, 12, 4, 1)},
    "convert": {"turns": TermRange(1, 12, 4, 1)},
    "arms_sale": {"value": TermRange(100, 20000, 1000, 100), "turns": TermRange(1, 12, 4, 1)},
    "export_credit": {"limit": TermRange(100, 10000, 1500, 100), "rate": RATE},
    "coproduction": {"share": TermRange(10, 70, 40, 5)},
    "port_access": {"fee": TermRange(0, 1000, 50, 25)},
    "premium": {"fee": TermRange(0, 2000, 200, 25)},
    "demand": {"reward": TermRange(0, 20, 10, 1)},
}
"""Each deal kind's numeric terms and their ranges (amounts and fees in $m, fees a quarter;
``turns`` in quarters; ``share`` the partner's % of a line; ``reward`` points of standing)."""

PURCHASE = TermRange(100, 10000, 500, 50)
"""The amount ($m) of a national investment or of a purchase from Russia or China."""


def deal_terms(deal: str) -> dict[str, TermRange]:
    """The numeric terms of ``deal`` and their ranges (empty for a deal with none)."""
    return DEAL_TERMS.get(deal, {})


def term_range(deal: str, key: str) -> TermRange | None:
    """The range of term ``key`` of ``deal``, or None if that deal has no such numeric term."""
    return DEAL_TERMS.get(deal, {}).get(key)
