"""The searching computer player: legal, deterministic, fair (no peeking at the dice), stronger."""
from __future__ import annotations

import pytest

from wargame.bots import Bot, make_bots, play_bots
from wargame.rules.game import Game
from wargame.scenario import load_scenario
from wargame.search_bot import SearchBot, mix
from wargame.types import SEATS

SC = load_scenario("pact-2026")


def _play(seat: str, seed: int, quarters: int, **params) -> tuple[Game, list]:
    game = Game(SC, seed)
    bots: dict = make_bots(seed)
    bots[seat] = SearchBot(seat, seed, **params)
    chosen = []
    while not game.over and game.turn <= quarters:
        mover = game.acting_seats()[0]
        if mover == seat:
            before = game.digest()
            action = bots[seat].choose(game)
            assert game.digest() == before, "choosing must not change the game"
            assert game.check(action) is None, f"illegal choice {action}"
            chosen.append(action)
            game.apply(action)
        else:
            game.apply(bots[mover].choose(game))
    return game, chosen


def test_search_bot_only_legal_actions_and_deterministic():
    game1, chosen1 = _play("riyadh", 4, quarters=3, rollouts=1)
    game2, chosen2 = _play("riyadh", 4, quarters=3, rollouts=1)
    assert chosen1 == chosen2 and len(chosen1) > 10
    assert game1.digest() == game2.digest()
    kinds = {a.kind for a in chosen1}
    assert "end_phase" in kinds


def test_candidates_are_legal_and_start_with_the_simple_choice():
    game = Game(SC, 2)
    bot = SearchBot("islamabad", 2, top_k=4, explore=2)
    simple = Bot("islamabad", 2)
    checked = 0
    bots = make_bots(2)
    while game.turn <= 2:
        mover = game.acting_seats()[0]
        if mover == "islamabad":
            options = bot.candidates(game)
            assert options[0] == simple.choose(game)
            assert len(options) == len(set(options)) <= 4
            assert all(game.check(a) is None for a in options)
            checked += 1
        game.apply(bots[mover].choose(game))
    assert checked > 5


def test_playouts_do_not_read_the_real_dice():
    # the evaluation of a position depends on the bot's seed, not on the game's own generator state
    game = Game(SC, 6)
    bot = SearchBot("ankara", 1, rollouts=1)
    action = bot.candidates(game)[0]
    value = bot.evaluate(game, action)
    other = game.clone()
    other.state.rng = 12345
    assert bot.evaluate(other, action) == pytest.approx(value)
    assert mix(1, 2) != mix(2, 1) and mix(1, 2) == mix(1, 2)


def test_rejects_bad_parameters():
    with pytest.raises(ValueError):
        SearchBot("moscow")
    with pytest.raises(ValueError):
        SearchBot("ankara", rollouts=0)
    with pytest.raises(ValueError):
        SearchBot("ankara", style="reckless")
    game = Game(SC, 1)
    from wargame.actions import EndPhase
    game.apply(EndPhase("ankara"))
    with pytest.raises(ValueError, match="not acting"):
        SearchBot("ankara").choose(game)


def test_search_beats_the_simple_bot_on_a_few_seeds():
    # the full check is bench/tournament.py (200 seeds per seat); this is a quick paired smoke test
    seat = "islamabad"
    diffs = []
    for seed in (101, 102, 103):
        base = Game(SC, seed)
        play_bots(base, make_bots(seed))
        game = Game(SC, seed)
        bots: dict = make_bots(seed)
        bots[seat] = SearchBot(seat, seed, rollouts=1)
        play_bots(game, bots)
        diffs.append(game.score(seat).total - base.score(seat).total)
    assert sum(diffs) / len(diffs) > 2.0, diffs
    assert all(s in SEATS for s in bots)


def test_search_bot_says_why_it_refuses():
    """Issue 16: a searching player's rejection carries a reason (what refusing and accepting scored)."""
    from wargame import actions as A
    rejects = []
    for seed in (4, 5, 6):
        _, chosen = _play("riyadh", seed, quarters=4, rollouts=1)
        rejects += [a for a in chosen if isinstance(a, A.Reject)]
    assert rejects and all(a.reason for a in rejects)
    assert any("looking ahead, refusing scores" in a.reason for a in rejects)


def test_search_bot_choice_does_not_move_with_others_secrets():
    """Issue 10: the searching player decides on its information state, so a secret alliance of
    two other seats (proposed, then signed) leaves its choice as it was, on several positions."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from test_seat_view_property import _played, _secret_alliance
    compared = 0
    for seed, moves in ((3, 0), (5, 30), (8, 60), (11, 90)):
        g = _played(seed, moves)
        for sign in (False, True):
            for seat in ("washington", "riyadh"):
                secret = _secret_alliance(g, seat, sign)
                if secret is None or seat not in g.acting_seats():
                    continue
                bot = SearchBot(seat, seed, rollouts=1)
                assert SearchBot(seat, seed, rollouts=1).choose(secret) == bot.choose(g)
                compared += 1
    assert compared >= 4


def test_a_game_built_on_a_seat_view_numbers_new_items_after_the_visible_ones():
    """A playout on an information state must not reuse a visible id (its counter is hidden)."""
    from wargame.rules.seat_view import information_game
    g = Game(SC, 5)
    play_bots(g, make_bots(5), max_actions=40)
    info = information_game(g, "washington")
    numbers = [int(i[1:]) for i in [*info.state.commitments, *info.state.proposals] if i[1:].isdigit()]
    assert numbers and info.state.counter >= max(numbers)
