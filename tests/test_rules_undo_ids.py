"""Undo never reuses a proposal id, keeps later ids, and the take-back is shown wherever the original was.

Reported in class: after Riyadh undid its proposal p2, the next proposal was numbered p2 again,
while Ankara's log still showed the withdrawn p2 without its take-back.
"""
from __future__ import annotations

from wargame import actions as A
from wargame.rules.game import Game


def proposal_to(g: Game, seat: str, to: str) -> A.Propose:
    """The first legal proposal from ``seat`` to ``to`` alone (from the engine's catalogue)."""
    return next(a for a in g.legal_actions(seat) if a.kind == "propose" and a.to == (to,))


def new_proposal_id(g: Game, events) -> str:
    return next(e.data["proposal"] for e in events if e.kind == "proposal")


def test_an_undone_proposal_id_is_never_given_again():
    g = Game("pact-2026", 7)
    first = new_proposal_id(g, g.apply(proposal_to(g, "riyadh", "ankara")))
    g.apply(A.Undo("riyadh"))
    assert first not in g.state.proposals
    again = new_proposal_id(g, g.apply(proposal_to(g, "riyadh", "ankara")))
    assert again != first


def test_undo_keeps_the_ids_of_later_proposals_and_their_answers():
    g = Game("pact-2026", 7)
    mine = new_proposal_id(g, g.apply(proposal_to(g, "riyadh", "ankara")))
    theirs = new_proposal_id(g, g.apply(proposal_to(g, "islamabad", "ankara")))
    g.apply(A.Reject("ankara", theirs))
    g.apply(A.Undo("riyadh"))
    assert mine not in g.state.proposals
    assert theirs in g.state.proposals, "Islamabad's proposal keeps its id"
    assert g.state.proposals[theirs].sender == "islamabad"
    assert g.state.proposals[theirs].answers == {"ankara": "reject"}
    later = new_proposal_id(g, g.apply(proposal_to(g, "riyadh", "ankara")))
    assert later not in (mine, theirs)


def test_the_take_back_is_shown_to_everyone_who_saw_the_original():
    g = Game("pact-2026", 7)
    events = g.apply(proposal_to(g, "riyadh", "ankara"))
    pid = new_proposal_id(g, events)
    saw = {s for s in ("ankara", "riyadh", "islamabad", "washington")
           if any(e.visible_to(s) for e in events)}
    assert "ankara" in saw
    undo = [e for e in g.apply(A.Undo("riyadh")) if e.kind == "undo"]
    assert len(undo) == 1
    for seat in saw:
        assert undo[0].visible_to(seat), f"{seat} saw the proposal but not its take-back"
    assert pid in undo[0].text
