"""The price of honouring a crisis obligation, weighed before a seat answers (issue 14).

An obliged partner that sends what it signed for pays the response's cost; one that falls a
level short saves that money, but loses credibility (rules §10.5), which is a component of every
seat's score, the factor by which every one of its commitments counts in others' deterrence,
and what partners weigh before signing with it. What is at stake besides is the target's fate:
the engine's odds (:func:`wargame.rules.odds.crisis_odds`) give the chance of a damaging outcome
with and without the honoured response, computed on the seat's own information (another seat's
secret commitments never move it). :func:`honour_price` puts those figures side by side in
score points, for the crisis dialog and for the computer players, which honour with a chance
that rises with the net value (:func:`honour_chance`): so how often a seat honours is an
outcome of prices, stakes and its own exposure, not a table.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wargame.rules import crisis as rules
from wargame.rules.odds import crisis_odds
from wargame.rules.scoring import SHARED_WEIGHT
from wargame.rules.seat_view import information_game
from wargame.types import RESPONSES

if TYPE_CHECKING:
    from wargame.rules.game import Game

CREDIBILITY_HORIZON = 0.6
"""Score points a point of credibility is worth, over its direct weight in the score
(``SHARED_WEIGHT / 2``): credibility also multiplies every commitment's value to partners and
sways the deals they accept for the rest of the game (judgement)."""

MONEY_POINTS = 12.0
"""Score points a whole game's discretionary income is worth to a seat (judgement: what the
bearable-cost and budget-driven components give up when a seat spends it)."""

STAKE_POINTS = 10.0
"""Score points an obliged partner loses per unit of probability that the target suffers a
damaging outcome (judgement: a pact partner's defeat is the partner's too, article §4)."""

EXPOSED_POINTS = 6.0
"""Extra stake when the same actor also threatens the obliged partner (its own exposure)."""

HONOUR_SPREAD = 2.0
"""Score points over which the computer players' chance of honouring goes from 27% to 73%
(the logistic's scale): people weigh the same prices differently."""


@dataclass(frozen=True, slots=True)
class HonourPrice:
    """What honouring an obligation costs and gains, against falling one level short."""

    seat: str
    honour_level: str
    short_level: str
    cost: int
    credibility_gain: float
    credibility_loss: float
    credibility_points: float
    money_points: float
    damaging_honour: float
    damaging_short: float
    stake_points: float
    exposed: bool

    @property
    def net_points(self) -> float:
        """Score points honouring is worth over falling short (positive: honouring pays)."""
        return round(self.credibility_points + self.stake_points - self.money_points, 3)


def honour_price(g: "Game", seat: str) -> HonourPrice | None:
    """The price of honouring the crisis under way for ``seat``; ``None`` if it owes nothing."""
    crisis = g.state.crisis
    if crisis is None or seat == crisis.target:
        return None
    need = crisis.obligations.get(seat, 0)
    if need <= 0:
        return None
    p = g.state.params
    declared = crisis.target in g.state.seats[seat].declared
    mult = 1.5 if declared else 1.0
    gain, loss = p["honour_gain"] * mult, p["defect_loss"] * mult
    cred_points = (gain + loss) * (SHARED_WEIGHT / 2 + CREDIBILITY_HORIZON / 10)
    honour, short = RESPONSES[need], RESPONSES[need - 1]
    cost = rules.response_cost(crisis, honour) - rules.response_cost(crisis, short)
    income = g.scenario.seats[seat].income * g.scenario.meta.turns
    budget = max(1, g.state.seats[seat].budget)
    # money is dearer when the response would take much of what the seat holds now
    money_points = (MONEY_POINTS * cost / income if income else 0.0) * (1.0 + cost / budget)
    # the odds as the seat can know them: its own information, never others' secrets
    seen = information_game(g, seat)
    odds = {o.level: o for o in crisis_odds(seen, seat)}
    dmg_h = odds[honour].chances.get("damaging", 0.0)
    dmg_s = odds[short].chances.get("damaging", 0.0)
    spec = rules.spec_for(g, crisis)
    exposed = seat in spec.targets
    stake = (STAKE_POINTS + (EXPOSED_POINTS if exposed else 0.0)) * (dmg_s - dmg_h)
    return HonourPrice(seat, honour, short, cost, gain, loss, round(cred_points, 3),
                       round(money_points, 3), round(dmg_h, 4), round(dmg_s, 4), round(stake, 3), exposed)


def honour_chance(price: HonourPrice, shift: float = 0.0) -> float:
    """The chance a computer player honours at this price (``shift``: its style, in points)."""
    x = (price.net_points + shift) / HONOUR_SPREAD
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))
