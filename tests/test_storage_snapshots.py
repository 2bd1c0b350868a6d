"""Turn-start snapshots are written from cached pieces (``wargame/storage/snapshot_text.py``):
the text must parse to exactly the state's dict form, at every turn of a long game, after a
ruling changes a past crisis and after the game is copied or reloaded."""
from __future__ import annotations

import json

from wargame import Game
from wargame import actions as A
from wargame.bots import make_bots
from wargame.digest import dict_digest
from wargame.state import state_to_dict
from wargame.storage.snapshot_text import snapshot_text

from test_engine_helpers import scenario


def _same(g: Game) -> None:
    text = snapshot_text(g.state)
    assert json.loads(text) == json.loads(json.dumps(state_to_dict(g.state, history=False)))
    data = json.loads(text)
    data["history"] = g.state.history
    assert dict_digest(data) == g.digest()


def test_snapshot_text_is_the_state_at_every_turn():
    sc = scenario()
    g = Game(sc.model_copy(update={"meta": sc.meta.model_copy(update={"turns": 40})}), 2)
    bots = make_bots(2)
    checked = ruled = 0
    last = 0
    while not g.over:
        g.apply(bots[g.acting_seats()[0]].choose(g))
        if g.turn != last:
            last = g.turn
            _same(g)
            checked += 1
            if g.state.crises and g.turn % 7 == 0:  # a ruling changes a past crisis
                c = g.state.crises[0]
                outcome = "damaging" if (c.ruling or c.outcome) != "damaging" else "deterred"
                g.apply(A.Ruling("facilitator", c.id, outcome, "test"))
                ruled += 1
                _same(g)
            if g.turn % 10 == 5:
                _same(g.clone())
                _same(Game.from_dict(json.loads(json.dumps(g.to_dict()))))
    _same(g)
    ended = sum(c.status in ("expired", "broken") for c in g.state.commitments.values())
    assert checked >= 40 and ruled >= 2 and ended >= 20
