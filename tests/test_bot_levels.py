"""Computer players (issue 16): they weigh offers by their value to the seat, say why they refuse
(the reason is carried in the rejection event), come in difficulty levels, and ``resume --bots``
hands a person's seat to one."""
from __future__ import annotations

import pytest

from wargame import Game
from wargame import actions as A
from wargame.actions import action_from_dict, make_terms
from wargame.bots import Bot, make_bots, play_bots
from wargame.players import LEVELS, level, make_player, make_players
from wargame.rules.preview import deal_value
from wargame.search_bot import SearchBot

from test_engine_helpers import new_game, scenario
from test_storage_support import cli


def _offer(g: Game, sender: str, deal: str, to: str, **terms) -> str:
    g.apply(A.Propose(sender, deal, (to,), make_terms(**terms)))
    return f"p{g.state.counter}"


def test_a_worthless_costly_offer_is_refused_with_a_reason():
    g = new_game(3)
    # Washington is asked to pay Ankara a grant: it costs Washington and earns it nothing
    pid = _offer(g, "ankara", "grant", "washington", donor="washington", recipient="ankara", amount=1000, turns=6)
    prop = g.state.proposals[pid]
    value, worst = deal_value(g, "washington", prop)
    assert value < -0.5 and worst
    # a bot's motives come first and are partly drawn at random (it ties money up with chance
    # 0.8 a quarter): take the first bot whose draw lets this deal through, so its value decides
    bot = next(b for b in (Bot("washington", seed) for seed in range(1, 40))
               if not b._motive(g, prop, b._rng(g)))
    accept, reason = bot.decide(g, prop)
    assert not accept and "not worth it to Washington" in reason
    action = bot.choose(g)  # no counter either: a smaller grant is still worth nothing to it
    assert action == A.Reject("washington", pid, reason)
    events = g.apply(action)
    assert events[0].data["reason"] == reason and reason in events[0].text
    assert f"Ankara's proposal ({pid}): grant Washington→Ankara $1.0bn a quarter for 6 quarters" in events[0].text


def test_a_valuable_offer_is_accepted():
    g = new_game(3)
    pid = _offer(g, "riyadh", "grant", "islamabad", donor="riyadh", recipient="islamabad", amount=200, turns=4)
    value, _ = deal_value(g, "islamabad", g.state.proposals[pid])
    assert value > 0
    assert Bot("islamabad", 3).decide(g, g.state.proposals[pid]) == (True, "")


def test_refusals_in_bot_games_always_say_why():
    g = Game(scenario(), 5)
    play_bots(g, make_bots(5))
    rejections = [e for e in g.events if e.kind == "answer" and "reason" in e.data]
    assert rejections and all(e.data["reason"] for e in rejections)
    accepted = [e for e in g.events if e.kind == "answer" and "reason" not in e.data]
    assert accepted and all("accepts" in e.text and "proposal (p" in e.text for e in accepted)


def test_reject_reason_round_trips_and_old_rejections_parse_unchanged():
    a = A.Reject("riyadh", "p3", "too dear")
    assert action_from_dict(a.to_dict()) == a
    plain = A.Reject("riyadh", "p3")
    assert plain.to_dict() == {"type": "reject", "seat": "riyadh", "proposal": "p3"}
    assert action_from_dict({"type": "reject", "seat": "riyadh", "proposal": "p3"}) == plain


def test_no_double_possessive_for_washingtons_demand():
    g = new_game(3)
    pid = _offer(g, "washington", "demand", "ankara", ask="pause_accession", reward=10)
    events = g.apply(A.Reject("ankara", pid))
    assert "Washington's Washington's" not in events[0].text
    assert events[0].text.startswith("Ankara rejects Washington's demand (accession talks paused")


def test_levels_registry():
    assert [lv.id for lv in LEVELS] == ["balanced", "search-small", "search-large"]
    assert all(lv.label and lv.description for lv in LEVELS)
    assert isinstance(make_player("balanced", "riyadh", 1), Bot)
    small, large = make_player("search-small", "riyadh", 1), make_player("search-large", "riyadh", 1)
    assert isinstance(small, SearchBot) and isinstance(large, SearchBot)
    assert large.rollouts * large.top_k * large.depth > small.rollouts * small.top_k * small.depth
    with pytest.raises(ValueError, match="levels are balanced, search-small, search-large"):
        level("impossible")
    players = make_players(1, ["ankara", "riyadh"], {"riyadh": "search-small"})
    assert isinstance(players["ankara"], Bot) and isinstance(players["riyadh"], SearchBot)


def test_resume_hands_a_persons_seat_to_the_computer(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path))
    played = cli("play", "--seed", "3", "--bots", "riyadh,islamabad,washington", "--save", "solo", "--quiet")
    assert played.returncode == 0
    waiting = cli("resume", "solo", "--quiet")
    assert "waiting for ankara" in waiting.stdout
    resumed = cli("resume", "solo", "--bots", "ankara", "--quiet")
    assert resumed.returncode == 0, resumed.stderr
    assert "take over: ankara" in resumed.stdout and "waiting for" not in resumed.stdout
    bad = cli("resume", "solo", "--bots", "moscow")
    assert bad.returncode == 2 and "unknown seats" in bad.stderr


def test_play_command_takes_levels():
    done = cli("play", "--seed", "3", "--level", "riyadh=search-small", "--quiet")
    assert done.returncode == 0 and "digest:" in done.stdout
    plain = cli("play", "--seed", "3", "--quiet")
    assert plain.stdout != done.stdout  # the searching Riyadh played differently
    bad = cli("play", "--level", "grandmaster")
    assert bad.returncode == 2 and "levels are balanced, search-small, search-large" in bad.stderr
