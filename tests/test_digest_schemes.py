"""Saves record the digest scheme of their log (issue 17, ``wargame/storage/schemes.py``).

The committed fixtures were written before the key existed, with scheme 1: their stored digests
are checked by scheme 1 (the snapshot checks below do not depend on the rules, so they hold even
after the rules change). A save of scheme 1 continued by this version writes scheme 2 from its
next entry and records where; verification checks each entry by the scheme it was written with.
"""
from __future__ import annotations

import json
import shutil
import sys
import zlib
from pathlib import Path

import pytest

from wargame.digest import DIGEST_SCHEME, dict_digest, digest_v1
from wargame.storage import GameRecord, SaveError, Session
from wargame.storage import schemes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_storage_support import file_state, play_saved, run_sql  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _snapshots(path: Path) -> list[tuple[int, dict]]:
    """Every stored snapshot with its history rows, as ``GameRecord`` reads them."""
    rows = run_sql(path, "SELECT idx, history_len, state FROM snapshots ORDER BY idx")
    history = [json.loads(r[0]) for r in run_sql(path, "SELECT row FROM history ORDER BY pos")]
    out = []
    for idx, count, blob in rows:
        state = json.loads(zlib.decompress(blob))
        state["history"] = history[:count]
        out.append((idx, state))
    return out


@pytest.mark.parametrize("name", ["save-v1.wargame", "save-v2.wargame"])
def test_older_fixtures_are_checked_by_scheme_1(name, tmp_path):
    path = tmp_path / name
    shutil.copyfile(FIXTURES / name, path)
    before = file_state(path)
    digests = [r[0] for r in run_sql(path, "SELECT digest FROM log_entries ORDER BY idx")]
    snapshots = _snapshots(path)
    assert len(snapshots) >= 3
    for idx, state in snapshots:
        assert dict_digest(state, 1) == digests[idx], idx
        assert dict_digest(state, 2) != digests[idx], idx
    with GameRecord.open(path, readonly=True) as rec:
        assert rec.meta(schemes.KEY) is None
        assert {rec.scheme_at(i) for i in range(rec.action_count() + 1)} == {1}
        game = rec.load()  # the game is over: read from its last snapshot, checked by scheme 1
        assert game.over and len(game.actions) == rec.action_count()
        middle = snapshots[len(snapshots) // 2][0]
        assert rec.game_at(middle, check=True).turn == rec.entries()[middle].turn
    assert file_state(path) == before


def test_a_new_save_records_the_current_scheme(tmp_path):
    with play_saved(tmp_path / "new.wargame", turns=1) as rec:
        assert rec.meta(schemes.KEY) == [[0, DIGEST_SCHEME]]
        assert rec.entries()[-1].digest == rec.load().digest()
        assert rec.verify().ok


def _make_scheme_1(path: Path) -> int:
    """Rewrite a save as the scheme-1 writer made it: the same rows, scheme-1 digests, no key
    (the rules and the rows are this version's; only the digests differ)."""
    with GameRecord.open(path, readonly=True) as rec:
        count = rec.action_count()
        digests = [digest_v1(rec.game_at(i, logs=False).state) for i in range(count + 1)]
    for idx, value in enumerate(digests):
        run_sql(path, "UPDATE log_entries SET digest = :d WHERE idx = :i", {"d": value, "i": idx})
    run_sql(path, "DELETE FROM game_meta WHERE key = 'digest_scheme'")
    return count


def test_a_scheme_1_save_goes_on_with_scheme_2_and_verifies(tmp_path):
    path = tmp_path / "old.wargame"
    play_saved(path, turns=3, stop_after=30).close()
    old = _make_scheme_1(path)
    with GameRecord.open(path, readonly=True) as rec:
        assert rec.verify().ok  # every entry checked by scheme 1
    with Session.resume(path) as session:  # snapshot and tail checked by scheme 1
        assert session.play_bots(max_actions=25) == 25
        game = session.game
    with GameRecord.open(path, readonly=True) as rec:
        assert rec.meta(schemes.KEY) == [[0, 1], [old + 1, DIGEST_SCHEME]]
        entries = rec.entries()
        assert entries[old].digest == digest_v1(rec.game_at(old, logs=False).state)
        assert entries[old + 1].digest == rec.game_at(old + 1, logs=False).digest()
        assert entries[-1].digest == game.digest()
        assert rec.verify().ok
    with Session.resume(path) as session:  # now opens from a scheme-2 snapshot or tail
        assert session.game.digest() == game.digest()
    # the recorded scheme is what verification goes by: without it, entry old+1 fails
    run_sql(path, "DELETE FROM game_meta WHERE key = 'digest_scheme'")
    with GameRecord.open(path, readonly=True) as rec:
        report = rec.verify()
    assert not report.ok and report.divergence[0] == old + 1


def test_a_wrong_scheme_1_digest_is_caught(tmp_path):
    path = tmp_path / "old.wargame"
    play_saved(path, turns=2).close()
    _make_scheme_1(path)
    run_sql(path, "UPDATE log_entries SET digest = :d WHERE idx = 12", {"d": "0" * 64})
    with GameRecord.open(path, readonly=True) as rec:
        report = rec.verify()
    assert not report.ok and report.divergence[0] == 12


@pytest.mark.parametrize("value, problem", [
    ("not json", "does not decode"), ('"2"', "not a list"), ("[[0, 2, 3]]", "not a list"),
    ("[[1, 2]]", "does not start at 0"), ("[[0, 1], [0, 2]]", "does not start at 0 and rise"),
    ("[[0, 0]]", "unknown scheme 0"), ("[[0, 99]]", "newer than this version"),
])
def test_a_bad_scheme_setting_is_one_clear_error(tmp_path, value, problem):
    path = tmp_path / "bad.wargame"
    play_saved(path, turns=1, stop_after=3).close()
    run_sql(path, "UPDATE game_meta SET value = :v WHERE key = 'digest_scheme'", {"v": value})
    with pytest.raises(SaveError, match=problem) as info:
        GameRecord.open(path, readonly=True)
    assert str(path) in str(info.value)
