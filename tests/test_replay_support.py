"""Helpers shared by the replay, seat-export and class-session tests (this module holds no tests)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wargame import actions as A
from wargame import load_scenario
from wargame.bots import make_bots
from wargame.storage import Session
from wargame.storage.session import seats_for

SEED = 7
SECRET_TERMS = A.make_terms(lender="riyadh", borrower="islamabad", amount=1500, rate=2.0, turns=8)
"""A secret central-bank deposit from Riyadh to Islamabad (Propose public=False)."""


@dataclass(frozen=True)
class SecretDeal:
    """Where the secret deal of :func:`secret_deal_save` is in its save."""

    path: Path
    proposal: str
    commitment: str
    name: str
    signed_index: int
    actions: int


def bot_save(path: Path, actions: int, seed: int = SEED) -> Path:
    """A save of ``actions`` computer moves."""
    bots = make_bots(seed)
    with Session.new(path, load_scenario("pact-2026"), seed, seats_for(bots)) as session:
        session.play_bots(bots, max_actions=actions)
    return path


def secret_deal_save(path: Path, after: int = 60, seed: int = SEED) -> SecretDeal:
    """A save where Riyadh and Islamabad sign a secret deposit first, then the computer plays ``after`` moves."""
    bots = make_bots(seed)
    with Session.new(path, load_scenario("pact-2026"), seed, seats_for(bots)) as session:
        session.apply(A.Propose("riyadh", "deposit", ("islamabad",), SECRET_TERMS, public=False))
        proposal = session.game.open_proposals("islamabad")[0].id
        events = session.apply(A.Accept("islamabad", proposal))
        signed = next(e for e in events if e.kind == "signed")
        commitment = str(signed.data["commitment"])
        name = session.game.state.commitments[commitment].name
        index = session.record.action_count()
        session.play_bots(bots, max_actions=after)
        return SecretDeal(path, proposal, commitment, name, index, session.record.action_count())


def first_signed(record: object, public_only: bool = True) -> tuple[int, str]:
    """``(log index, commitment id)`` of the first new commitment signed during the game."""
    for entry in record.entries()[1:]:  # type: ignore[attr-defined]
        for e in entry.events:
            if e.kind == "signed" and "commitment" in e.data and (e.public or not public_only):
                before = record.game_at(entry.index - 1).state.commitments  # type: ignore[attr-defined]
                if e.data["commitment"] not in before:
                    return entry.index, str(e.data["commitment"])
    raise AssertionError("no commitment was signed")
