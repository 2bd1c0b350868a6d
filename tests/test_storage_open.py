"""Opening a save for play (issue 17): ``Session.resume`` reads the last snapshot and the tail of
the log, not the whole chain (which ``verify`` and ``replay --verify`` still recompute); with
``defer`` the log is parsed only when first used, also after the session is closed or from
another thread."""
from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import pytest

from wargame import actions as A
from wargame.storage import GameRecord, SaveError, Session
from wargame.storage.record import GameRecord as Record

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_storage_support import file_state, play_saved, reference, run_sql  # noqa: E402

SEED = 7


@pytest.fixture
def saved(tmp_path) -> Path:
    path = tmp_path / "g.wargame"
    play_saved(path, seed=SEED, turns=4, stop_after=60).close()
    with GameRecord.open(path, readonly=True) as rec:
        assert rec.action_count() == 60 and len(rec._snaps) >= 3
    return path


def test_resume_checks_the_end_without_replaying_the_chain(saved, monkeypatch):
    with GameRecord.open(saved, readonly=True) as rec:
        expected = rec.entries()[-1].digest
    calls = []
    monkeypatch.setattr(Record, "verify", lambda self: calls.append(1) or None)
    with Session.resume(saved) as session:
        assert session.game.digest() == expected and session.game.log_length() == 60
    assert calls == []
    monkeypatch.undo()
    with Session.resume(saved, verify=True) as session:
        assert session.game.digest() == expected


def _tamper_action(path: Path, index: int) -> None:
    entry = run_sql(path, "SELECT action FROM log_entries WHERE idx = :i", {"i": index})[0]
    action = json.loads(entry[0])
    if action.get("type") != "end_phase":
        pytest.skip("the chosen entry is not an end of phase")
    action["seat"] = next(s for s in ("ankara", "riyadh") if s != action["seat"])
    run_sql(path, "UPDATE log_entries SET action = :a WHERE idx = :i", {"a": json.dumps(action), "i": index})


def _end_phase_index(path: Path, low: int) -> int:
    rows = run_sql(path, "SELECT idx FROM log_entries WHERE kind = 'end_phase' AND idx > :i ORDER BY idx", {"i": low})
    return rows[0][0]


def test_an_edit_in_the_tail_is_refused_and_the_file_left_as_it_was(saved):
    with GameRecord.open(saved, readonly=True) as rec:
        last_snapshot = max(i for i, _t, _h in rec._snaps)
    # an action in the tail (after the last snapshot): the replay no longer ends at the digest
    tail = _end_phase_index(saved, last_snapshot)
    _tamper_action(saved, tail)
    before = file_state(saved)
    with pytest.raises(SaveError, match=r"action #\d+.*refused|does not match the state the save recorded"):
        Session.resume(saved)
    assert file_state(saved)[0] == before[0]


def test_an_early_edit_is_left_to_full_verification(saved):
    early = _end_phase_index(saved, 2)
    _tamper_action(saved, early)
    with Session.resume(saved) as session:  # the last snapshot and the tail are intact
        assert session.game.log_length() == 60
    with pytest.raises(SaveError, match=f"action #{early}"):
        Session.resume(saved, verify=True)


def test_a_damaged_last_snapshot_is_refused(saved):
    run_sql(saved, "UPDATE snapshots SET state = zeroblob(10) WHERE idx = (SELECT max(idx) FROM snapshots)")
    with pytest.raises(SaveError, match="snapshot"):
        Session.resume(saved)
    with GameRecord.open(saved, readonly=True) as rec:  # looking still works: replayed instead
        assert rec.load().digest() == rec.entries()[-1].digest


def test_an_edited_scenario_is_refused(saved):
    data = json.loads(run_sql(saved, "SELECT scenario FROM games")[0][0])
    key = next(k for k, v in data["params"].items() if isinstance(v, float))
    data["params"][key] = data["params"][key] + 0.125
    run_sql(saved, "UPDATE games SET scenario = :s", {"s": json.dumps(data)})
    with pytest.raises(SaveError, match="does not start as it recorded"):
        Session.resume(saved)


def test_a_deferred_log_is_parsed_on_first_use(saved, monkeypatch):
    with GameRecord.open(saved, readonly=True) as rec:
        entries = rec.entries()
    parsed = []
    real = Record._parse_entries
    monkeypatch.setattr(Record, "_parse_entries", lambda self, lo, hi, rows: parsed.append(len(rows)) or real(self, lo, hi, rows))
    session = Session.resume(saved, defer=True)
    game = session.game
    assert sum(parsed) < 30  # the tail only
    for _ in range(3):  # playing on does not read the log (a computer player may: Washington's
        # plan looks at the last two quarters' public events, so the engine's moves are used here)
        session.apply(A.EndPhase(game.acting_seats()[0]))
    assert sum(parsed) < 30 and game.log_length() == 63
    session.close()
    actions, events = game.actions, game.events  # read after the save was closed
    assert actions[:60] == [e.action for e in entries[1:]]
    assert [e.to_dict() for e in events[:len([v for e in entries for v in e.events])]] == \
        [v.to_dict() for e in entries for v in e.events]
    assert len(actions) == 63 and len(game.clone().actions) == 63


def test_a_deferred_log_read_from_another_thread_and_a_clone(saved):
    with Session.resume(saved, defer=True) as session:
        clone = session.game.clone()
        out: list[int] = []
        worker = threading.Thread(target=lambda: out.append(len(clone.events)))
        worker.start()
        worker.join()
        assert out == [len(session.game.events)] and out[0] > 60


def test_a_deferred_log_that_does_not_parse_says_so(saved):
    run_sql(saved, "UPDATE log_entries SET events = '{nope' WHERE idx = 5")
    with Session.resume(saved, defer=True) as session:
        with pytest.raises(SaveError, match="log entry #5 does not parse"):
            _ = session.game.events
    with pytest.raises(SaveError, match="log entry #5 does not parse"):
        Session.resume(saved)  # parsed at once: refused at the open
    assert reference(SEED, 3)  # the helper game itself is untouched
