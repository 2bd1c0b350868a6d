"""A disk that fills mid-game (issue 10): a clear error, the game and its save still agree, and
the save opens and continues once space is freed.

Runs on a small tmpfs mounted for the test (Linux, as root); skips cleanly elsewhere.
"""
from __future__ import annotations

import pytest

from wargame.bots import make_bots
from wargame.errors import WargameError
from wargame.scenario import load_scenario
from wargame.storage.session import Session, seats_for

from disk_support import fill, small_disk  # noqa: F401 (a fixture)


@pytest.mark.timeout(120)
def test_a_full_disk_stops_the_game_cleanly_and_the_save_continues(small_disk):
    bots = make_bots(1)
    session = Session.new(small_disk / "class.wargame", load_scenario("pact-2026"), 1, seats_for(bots))
    filler = fill(small_disk, 40_960)
    error: WargameError | None = None
    applied = 0
    while applied < 5_000 and not session.game.over:
        mover = session.game.acting_seats()[0]
        try:
            session.apply(bots[mover].choose(session.game))
        except WargameError as err:
            error = err
            break
        applied += 1
    assert error is not None, "the disk never filled"
    assert "disk is full" in str(error) and "Free some space" in str(error)
    assert len(session.game.actions) == applied  # the game is the save's, not one move ahead
    filler.unlink()
    mover = session.game.acting_seats()[0]
    session.apply(bots[mover].choose(session.game))  # space freed: the same session goes on
    session.close()
    with Session.resume(small_disk / "class.wargame") as again:  # verifies the whole chain
        assert len(again.game.actions) == applied + 1
