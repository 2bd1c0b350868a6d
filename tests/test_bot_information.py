"""Computer players decide on what their seat knows (issue 10): two games that differ only in a
secret another seat cannot see give that seat's bot the same choices, in every style, at every
one of its decisions over the first quarters (the secret's holders play the same public moves in
both games). Before, Washington's bot read open accession proposals it could not see, skipped
deals that duplicated secret ones, and drew its random numbers from the count of every action,
secret ones included."""
from __future__ import annotations

import pytest

from wargame import actions as A
from wargame.actions import make_terms
from wargame.bots import Bot, make_bots
from view_support import Alike
from wargame.rules.game import Game

SECRETS = {
    "alliance": ("ankara", "agreement", ("islamabad",), make_terms(clause="assistance")),
    "accession": ("ankara", "accession", ("islamabad", "riyadh"), make_terms(pact="smda", candidate="ankara")),
    "deposit": ("riyadh", "deposit", ("islamabad",), make_terms(lender="riyadh", borrower="islamabad",
                                                                amount=1500, rate=2.0, turns=8)),
}


def _pair(secret: str, seed: int = 5) -> tuple[Game, Game, set[str]]:
    plain = Game("pact-2026", seed)
    while plain.phase != "diplomacy":
        plain.apply(A.EndPhase(plain.acting_seats()[0]))
    other = plain.clone()
    sender, deal, to, terms = SECRETS[secret]
    other.apply(A.Propose(sender, deal, to, terms, public=False))
    return plain, other, {sender, *to}


@pytest.mark.parametrize("style", ["balanced", "cautious", "opportunist"])
@pytest.mark.parametrize("secret", sorted(SECRETS))
def test_a_seat_outside_a_secret_decides_alike(secret, style):
    plain, other, insiders = _pair(secret)
    outsiders = [s for s in ("ankara", "riyadh", "islamabad", "washington") if s not in insiders]
    watched = {s: Bot(s, 11, style) for s in outsiders}
    bots = make_bots(11)
    alike = Alike(plain, other)
    compared = 0
    for _ in range(400):
        if plain.turn > 2 or plain.over:
            break
        seat = plain.acting_seats()[0]
        action = bots[seat].choose(plain)
        if seat in watched:
            assert watched[seat].choose(other) == alike.mapped(watched[seat].choose(plain)), (seat, plain.quarter)
            compared += 1
        alike.apply(action)
    assert compared >= 10
