"""The event log says who sees a private line, and never calls a public deal "(private)".

Reported in class: a Public proposal was tagged "(private)" in the log.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from wargame import actions as A  # noqa: E402
from wargame.rules.game import Game  # noqa: E402


def proposal(g: Game, public: bool) -> A.Propose:
    return next(a for a in g.legal_actions("riyadh")
                if a.kind == "propose" and a.to == ("ankara",) and a.public == public)


def test_proposal_lines_say_who_sees_them_and_what_kind_of_deal(qtbot):
    from ui.event_log import EventLog
    g = Game("pact-2026", 7)
    public = proposal(g, True)
    g.apply(public)
    secret = A.Propose(public.seat, public.deal, public.to, public.terms, public=False)
    assert g.check(secret) is None, g.check(secret)
    g.apply(secret)
    log = EventLog()
    qtbot.addWidget(log)
    log.set_game(g, "ankara")
    lines = [t for t in log.texts() if "proposes" in t]
    assert len(lines) == 2
    assert all("(private)" not in t for t in lines)
    assert "seen only by Riyadh and Ankara; a public deal once signed" in lines[0]
    assert "seen only by Riyadh and Ankara; a secret deal" in lines[1]
    log.set_game(g, "islamabad")
    assert not [t for t in log.texts() if "proposes" in t]


def test_public_events_carry_no_tag(qtbot):
    from ui.event_log import EventLog
    g = Game("pact-2026", 7)
    g.apply(A.Declare("riyadh", "islamabad"))
    log = EventLog()
    qtbot.addWidget(log)
    log.set_game(g, "washington")
    assert log.texts() and all("seen only" not in t and "private" not in t
                               for t in log.texts() if "Riyadh" in t and "declar" in t.lower())
