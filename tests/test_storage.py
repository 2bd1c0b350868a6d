"""Saved games: autosave, load, replay, verify, branch, notes and bookmarks (SQLite and PostgreSQL)."""
from __future__ import annotations

import json

import pytest

from wargame import Game, IllegalAction, __version__
from wargame import actions as A
from wargame.bots import make_bots
from wargame.storage import (
    FORMAT_VERSION, GameRecord, SaveError, SeatInfo, Session, list_games, list_saves,
)
from wargame.storage.session import seats_for

from test_storage_support import (
    BACKENDS, SEED, computer_seats, play_saved, reference, run_sql, scenario, target_factory,
)


@pytest.fixture(params=BACKENDS)
def new_target(request, tmp_path):
    with target_factory(request.param, tmp_path) as factory:
        yield factory


def test_autosaved_game_loads_exactly(new_target):
    target = new_target()
    actions, digests, final = reference(SEED, 3)
    with play_saved(target, title="first") as rec:
        assert rec.action_count() == len(actions)
        game_id = rec.game_id
    with GameRecord.open(target, game_id) as rec:
        game = rec.load()
        assert game.digest() == final and game.over
        assert game.actions == list(actions)
        replayed = Game.replay(scenario(3), SEED, actions)
        assert [e.to_dict() for e in game.events] == [e.to_dict() for e in replayed.events]
        assert rec.actions() == list(actions)
        assert rec.seed == SEED and rec.title == "first" and rec.parent is None
        assert rec.scenario == scenario(3)
        assert rec.seats == computer_seats()
        assert rec.format_version == FORMAT_VERSION and rec.app_version == __version__
        entries = rec.entries()
        assert entries[0].index == 0 and entries[0].action is None and entries[0].events
        assert [e.digest for e in entries] == list(digests)
        assert rec.created <= rec.updated


def test_replay_gives_the_original_digest_at_every_index(new_target):
    actions, digests, _ = reference(SEED, 3)
    with play_saved(new_target()) as rec:
        for index, digest in enumerate(digests):
            game = rec.game_at(index)
            assert game.digest() == digest, index
            assert len(game.actions) == index


def test_state_only_replay_matches(new_target):
    _, digests, _ = reference(SEED, 3)
    target = new_target()
    with play_saved(target) as rec:
        game_id = rec.game_id
    with GameRecord.open(target, game_id, readonly=True) as rec:
        for index in (0, 1, 17, len(digests) // 2, len(digests) - 1):
            game = rec.game_at(index, logs=False)
            assert game.digest() == digests[index] and game.actions == [] and game.events == []
        assert rec._cache == []  # the whole log was not parsed
        assert rec.game_at_turn(3, logs=False).digest() == rec.game_at_turn(3).digest()


def test_game_at_turn_is_the_start_of_diplomacy(new_target):
    with play_saved(new_target(), turns=4) as rec:
        for turn in (1, 2, 3, 4):
            game = rec.game_at_turn(turn)
            assert (game.turn, game.phase) == (turn, "diplomacy")
            index = rec.index_of_turn(turn)
            assert rec.entries()[index].turn == turn
            assert turn == 1 or rec.entries()[index - 1].turn == turn - 1
        end = rec.game_at_turn(99)
        assert end.over and len(end.actions) == rec.action_count()


def test_verify_passes_and_catches_a_tampered_action(new_target):
    target = new_target()
    with play_saved(target) as rec:
        report = rec.verify()
        assert report.ok and report.checked == rec.action_count() and report.divergence is None
        game_id = rec.game_id
        invest = next(e for e in rec.entries() if e.action is not None and e.action.kind == "invest")
    data = invest.action.to_dict()
    data["amount"] += 250
    run_sql(target, "UPDATE log_entries SET action = :a WHERE game_id = :g AND idx = :i",
            {"a": json.dumps(data), "g": game_id, "i": invest.index})
    with GameRecord.open(target, game_id, readonly=True) as rec:
        report = rec.verify()
    assert not report.ok
    assert report.divergence is not None and report.divergence[0] == invest.index
    assert f"action #{invest.index}" in report.message


def test_verify_catches_tampered_digest_and_events(new_target):
    target = new_target()
    with play_saved(target) as rec:
        game_id, n = rec.game_id, rec.action_count()
    run_sql(target, "UPDATE log_entries SET digest = :d WHERE game_id = :g AND idx = :i",
            {"d": "0" * 64, "g": game_id, "i": 10})
    with GameRecord.open(target, game_id, readonly=True) as rec:
        report = rec.verify()
        assert not report.ok and report.divergence == (10, "0" * 64, rec.game_at(10).digest())
    run_sql(target, "UPDATE log_entries SET digest = :d WHERE game_id = :g AND idx = :i",
            {"d": reference(SEED, 3)[1][10], "g": game_id, "i": 10})
    index = next(i for i in range(1, n) if run_sql(
        target, "SELECT events FROM log_entries WHERE game_id = :g AND idx = :i", {"g": game_id, "i": i})[0][0] != "[]")
    run_sql(target, "UPDATE log_entries SET events = '[]' WHERE game_id = :g AND idx = :i",
            {"g": game_id, "i": index})
    with GameRecord.open(target, game_id, readonly=True) as rec:
        report = rec.verify()
    assert not report.ok and report.divergence[0] == index


def test_load_refuses_a_log_that_does_not_replay(new_target):
    target = new_target()
    with play_saved(target, stop_after=40) as rec:
        game_id, n = rec.game_id, rec.action_count()
    last = json.loads(run_sql(target, "SELECT action FROM log_entries WHERE game_id = :g AND idx = :i",
                              {"g": game_id, "i": n})[0][0])
    last["seat"] = "nowhere"
    run_sql(target, "UPDATE log_entries SET action = :a WHERE game_id = :g AND idx = :i",
            {"a": json.dumps(last), "g": game_id, "i": n})
    with GameRecord.open(target, game_id) as rec:
        with pytest.raises(SaveError, match=f"action #{n}"):
            rec.load()


def test_illegal_action_writes_nothing(new_target):
    with Session.new(new_target(), scenario(3), SEED, computer_seats()) as session:
        before = session.record.action_count()
        with pytest.raises(IllegalAction):
            session.apply(A.Invest("ankara", "air", 10 ** 9))
        assert session.record.action_count() == before
        session.apply(A.EndPhase("ankara"))
        assert session.record.action_count() == before + 1


def test_append_refuses_a_game_out_of_step(new_target):
    with GameRecord.create(new_target(), scenario(3), SEED, computer_seats()) as rec:
        game = rec.load()
        game.apply(A.EndPhase("ankara"))
        game.apply(A.EndPhase("riyadh"))
        with pytest.raises(SaveError, match="2 actions but the save holds 0"):
            rec.append(game, game.actions[-1], [])


def test_resume_continues_to_the_same_end(new_target):
    target = new_target()
    with play_saved(target, stop_after=40) as rec:
        assert rec.action_count() == 40
        game_id = rec.game_id
    with Session.resume(target, game_id) as session:
        assert len(session.game.actions) == 40
        session.play_bots()
        assert session.game.digest() == reference(SEED, 3)[2]
    with GameRecord.open(target, game_id) as rec:
        assert rec.verify().ok


def test_people_and_computer_seats_are_recorded(new_target):
    seats = [SeatInfo("ankara", "person", "Ayşe"), SeatInfo("riyadh", "computer", "Computer", "cautious"),
             SeatInfo("islamabad", "computer", "Computer", "opportunist"),
             SeatInfo("washington", "person", "Facilitated team")]
    target = new_target()
    with Session.new(target, scenario(3), SEED, seats) as session:
        session.play_bots()  # the computer seats play until a person must act
        assert not session.game.over
        assert set(session.game.acting_seats()) <= {"ankara", "washington"}
        game_id = session.record.game_id
    with GameRecord.open(target, game_id) as rec:
        assert rec.seats == seats
        assert "Ankara: Ayşe" in rec.summary().seats


def test_bad_seats_are_refused(tmp_path):
    with pytest.raises(SaveError, match="unknown computer style"):
        GameRecord.create(tmp_path / "x.wargame", scenario(3), SEED, [SeatInfo("ankara", "computer", "c", "reckless")])
    with pytest.raises(SaveError, match="not a seat"):
        GameRecord.create(tmp_path / "x.wargame", scenario(3), SEED, [SeatInfo("paris", "person", "p")])
    assert not (tmp_path / "x.wargame").exists()


def test_branch_shares_history_and_records_its_parent(new_target):
    parent_target, branch_target = new_target(), new_target()
    actions, digests, final = reference(SEED, 3)
    with play_saved(parent_target) as rec:
        index = rec.index_of_turn(2) + 3
        rec.add_note(index - 1, "before the branch")
        rec.add_note(index + 5, "after the branch")
        rec.add_bookmark(index, "here")
        with rec.branch(index, branch_target) as branch:
            assert branch.parent is not None and branch.parent.game_id == rec.game_id
            assert branch.branch_index == index and branch.action_count() == index
            assert branch.game_id != rec.game_id or rec.path is not None
            assert [e.digest for e in branch.entries()] == list(digests[:index + 1])
            assert [n.text for n in branch.notes()] == ["before the branch"]
            assert [b.label for b in branch.bookmarks()] == ["here"]
            assert branch.load().digest() == digests[index]
            session = Session(branch, branch.load())
            other = next(a for a in session.game.legal_actions(session.game.acting_seats()[0])
                         if a != actions[index])
            session.apply(other)
            session.play_bots(make_bots(SEED))
            assert branch.verify().ok
            assert branch.action_count() > index
        assert rec.action_count() == len(actions) and rec.verify().ok  # parent untouched
        if rec.path is not None:
            assert str(GameRecord.open(branch_target, readonly=True).parent) == str(rec.path.resolve())


def test_branch_continued_by_the_same_bots_reaches_the_same_end(new_target):
    with play_saved(new_target()) as rec:
        with rec.branch(rec.index_of_turn(3), new_target()) as branch:
            session = Session(branch, branch.load())
            session.play_bots()
            assert session.game.digest() == reference(SEED, 3)[2]


def test_notes_and_bookmarks(new_target):
    target = new_target()
    with play_saved(target) as rec:
        game_id = rec.game_id
        b1 = rec.add_bookmark(5, "crisis looms", "Riyadh hesitates")
        rec.add_bookmark(2, "opening")
        n1 = rec.add_note(7, "ask Ankara why")
        assert [b.label for b in rec.bookmarks()] == ["opening", "crisis looms"]
        assert rec.notes()[0].id == n1 and rec.notes()[0].index == 7
        rec.remove_bookmark(b1)
        with pytest.raises(SaveError, match="no point"):
            rec.add_note(10 ** 6, "beyond")
    with GameRecord.open(target, game_id, readonly=True) as rec:
        assert [b.label for b in rec.bookmarks()] == ["opening"]
        assert rec.notes()[0].text == "ask Ankara why"
        with pytest.raises(SaveError, match="read-only"):
            rec.add_note(1, "no")


def test_readonly_record_refuses_appends(new_target):
    target = new_target()
    with play_saved(target, stop_after=5) as rec:
        game_id = rec.game_id
    with GameRecord.open(target, game_id, readonly=True) as rec:
        game = rec.load()
        game.apply(A.EndPhase(game.acting_seats()[0]))
        with pytest.raises(SaveError, match="read-only"):
            rec.append(game, game.actions[-1], [])
        assert rec.action_count() == 5


def test_game_at_out_of_range(new_target):
    with play_saved(new_target(), stop_after=3) as rec:
        with pytest.raises(SaveError, match="from 0 to 3"):
            rec.game_at(4)
        with pytest.raises(SaveError):
            rec.branch(-1, "x.wargame")


def test_list_saves_in_a_folder(tmp_path):
    for name, stop in (("a", None), ("b", 10)):
        play_saved(tmp_path / f"{name}.wargame", stop_after=stop).close()
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "broken.wargame").write_text("not a save")
    saves = list_saves(tmp_path)
    assert [s.path.name for s in saves[:2]] == ["b.wargame", "a.wargame"]  # most recent first
    assert saves[1].over and saves[1].actions == len(reference(SEED, 3)[0])
    assert saves[0].actions == 10 and saves[0].turn == 1 and saves[0].scenario_id == "pact-2026"
    assert saves[2].path.name == "broken.wargame" and "not a Layered Deterrence save" in saves[2].error


@pytest.mark.postgres
def test_one_database_holds_many_games():
    from test_storage_support import pg_schema_url
    with pg_schema_url() as url:
        ids = []
        for seed in (1, 2):
            with play_saved(url, seed=seed, turns=2, title=f"seed {seed}") as rec:
                ids.append(rec.game_id)
        assert len(set(ids)) == 2
        games = list_games(url)
        assert sorted(g.game_id for g in games) == sorted(ids)
        assert {g.title for g in games} == {"seed 1", "seed 2"}
        assert all(g.over and g.path is None and "***" in g.url for g in games)
        with pytest.raises(SaveError, match="holds 2 games"):
            GameRecord.open(url)
        with pytest.raises(SaveError, match="has no game 999"):
            GameRecord.open(url, 999)
        with GameRecord.open(url, ids[1], readonly=True) as rec:
            assert rec.seed == 2 and rec.verify().ok


@pytest.mark.postgres
def test_branch_across_backends(tmp_path):
    from test_storage_support import pg_schema_url
    with pg_schema_url() as url:
        with play_saved(tmp_path / "file.wargame") as rec:
            with rec.branch(20, url) as branch:
                assert branch.path is None and branch.parent.target == str(rec.path.resolve())
                assert branch.verify().ok
                with branch.branch(10, tmp_path / "back.wargame") as back:
                    assert back.parent.game_id == branch.game_id and "://" in back.parent.target
                    assert "wargame:***@" in back.parent.target or "***" in back.parent.target
                    assert back.action_count() == 10 and back.verify().ok


def test_empty_or_missing_database_url():
    with pytest.raises(SaveError, match="not a database URL"):
        GameRecord.open("nosuchdriver://x/y")
    with pytest.raises(SaveError, match="cannot connect|could not"):
        GameRecord.open("postgresql+psycopg://nobody:nothing@127.0.0.1:1/none")


def test_seats_for_bots():
    seats = seats_for(make_bots(1, ("riyadh",), {"riyadh": "cautious"}))
    assert [(s.seat, s.player, s.style) for s in seats][:2] == [("ankara", "person", "balanced"),
                                                                 ("riyadh", "computer", "cautious")]
