"""Save-format versions: the committed format-1 fixture opens with every later version, and the
migration mechanism (``wargame/storage/migrations.py``) works on SQLite and PostgreSQL.

Regenerate the fixture (only if format 1 itself was wrong, never for a new format):
``.venv/bin/python tests/test_storage_formats.py --make-fixture``.
"""
from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from wargame import __version__
from wargame.storage import FORMAT_VERSION, GameRecord, SaveError, migrations
from wargame.storage.sqlitefile import probe_file
from wargame.storage.models import TABLES_V1

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_storage_support import BACKENDS, file_state, play_saved, run_sql, target_factory  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "save-v1.wargame"
FIXTURE_SEED = 5


def downgrade_to_v1(target, game_id: int = 1) -> None:
    """Turn a current save into format 1: format 1 lacked the bookmarks table."""
    run_sql(target, "DROP TABLE bookmarks")
    run_sql(target, "UPDATE wargame_format SET format_version = 1")
    if "://" not in str(target):
        run_sql(target, "PRAGMA user_version = 1")


def make_v1_save(path: Path) -> None:
    """The fixture: a 2-turn bot game (seed 5) with a facilitator note, in format 1."""
    with play_saved(path, seed=FIXTURE_SEED, turns=2, title="format 1 fixture") as rec:
        rec.add_note(3, "Riyadh hesitates before the loan")
    downgrade_to_v1(path)
    con = sqlite3.connect(path)
    con.execute("VACUUM")
    con.close()


def _schema(target) -> dict:
    engine = sa.create_engine(str(target) if "://" in str(target) else f"sqlite:///{target}")
    try:
        insp = sa.inspect(engine)
        return {t: ([(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(t)],
                    sorted(i["name"] for i in insp.get_indexes(t)))
                for t in sorted(insp.get_table_names())}
    finally:
        engine.dispose()


def test_the_migration_list_matches_the_format():
    assert FORMAT_VERSION == 3
    assert len(migrations.MIGRATIONS) == FORMAT_VERSION - 1


def test_fixture_is_format_1():
    assert FIXTURE.exists() and FIXTURE.stat().st_size < 200_000
    assert probe_file(FIXTURE) == 1
    con = sqlite3.connect(f"file:{FIXTURE}?mode=ro&immutable=1", uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert tables == set(TABLES_V1)
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        con.close()


def test_fixture_opens_readonly_and_stays_as_it_is():
    before = file_state(FIXTURE)
    with GameRecord.open(FIXTURE, readonly=True) as rec:
        assert rec.format_version == 1
        assert rec.seed == FIXTURE_SEED and rec.title == "format 1 fixture"
        assert rec.scenario.meta.turns == 2 and rec.scenario.meta.id == "pact-2026"
        assert rec.bookmarks() == []  # the table exists in the upgraded copy in memory
        assert [n.text for n in rec.notes()] == ["Riyadh hesitates before the loan"]
        entries = rec.entries()
        assert entries[0].action is None and len(entries) == rec.action_count() + 1 > 20
        # The game is over, so the end is read from its snapshot (checked against the logged
        # digest): no replay, so it opens even after the rules or the state layout changed.
        game = rec.load()
        assert game.over and len(game.actions) == rec.action_count()
        assert [e.to_dict() for e in game.events] == [e.to_dict() for x in entries for e in x.events]
        turn2 = rec.index_of_turn(2)
        assert rec.game_at(turn2, check=True).turn == 2
    assert file_state(FIXTURE) == before


def test_fixture_upgrades_in_place_with_a_backup(tmp_path):
    path = tmp_path / "old.wargame"
    shutil.copyfile(FIXTURE, path)
    with GameRecord.open(path) as rec:
        assert rec.format_version == 1
        rec.add_bookmark(4, "upgraded")
        count = rec.action_count()
    backup = tmp_path / "old.wargame.v1-backup"
    assert backup.read_bytes() == FIXTURE.read_bytes()
    assert probe_file(path) == FORMAT_VERSION
    with GameRecord.open(path, readonly=True) as rec:
        assert rec.format_version == FORMAT_VERSION and [b.label for b in rec.bookmarks()] == ["upgraded"]
        assert rec.action_count() == count
    fresh = tmp_path / "fresh.wargame"
    play_saved(fresh, turns=1, stop_after=1).close()
    assert _schema(path) == _schema(fresh)
    app = sqlite3.connect(path).execute("SELECT app_version FROM wargame_format").fetchone()[0]
    assert app == __version__


def test_fixture_verification_reports_rather_than_fails():
    """The fixture verifies while the rules and state layout are those it was made with; once
    they change, verification must report the first divergence (never raise)."""
    with GameRecord.open(FIXTURE, readonly=True) as rec:
        report = rec.verify()
    assert report.ok or (report.divergence is not None and report.message.startswith(str(FIXTURE)))
    print(report.message)


def test_a_failed_upgrade_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "old.wargame"
    shutil.copyfile(FIXTURE, path)
    before = file_state(path)

    def broken(conn):
        migrations._v1_to_v2(conn)
        raise RuntimeError("simulated bug in a migration")

    monkeypatch.setattr(migrations, "MIGRATIONS", [broken])
    with pytest.raises(SaveError, match="could not be upgraded from save format 1") as info:
        GameRecord.open(path)
    assert "left as it was" in info.value.advice
    assert file_state(path) == before
    with pytest.raises(SaveError, match="could not be upgraded"):
        GameRecord.open(path, readonly=True)
    assert file_state(path) == before


@pytest.mark.parametrize("kind", BACKENDS)
def test_migration_of_a_v1_database(kind, tmp_path):
    with target_factory(kind, tmp_path) as new_target:
        target = new_target()
        ids = []
        for seed in (1, 2) if kind == "postgres" else (1,):
            with play_saved(target, seed=seed, turns=1) as rec:
                ids.append(rec.game_id)
        current = _schema(target)
        downgrade_to_v1(target)
        if kind == "postgres":
            with pytest.raises(SaveError, match="older save format 1"):
                GameRecord.open(target, ids[0], readonly=True)
        with GameRecord.open(target, ids[-1]) as rec:
            assert rec.format_version == 1
            rec.add_bookmark(1, "after the upgrade")
            assert rec.verify().ok
        assert _schema(target) == current
        with GameRecord.open(target, ids[0]) as rec:
            assert rec.format_version == FORMAT_VERSION
            assert len(rec.bookmarks()) == (1 if ids[0] == ids[-1] else 0)


if __name__ == "__main__":
    if sys.argv[1:] != ["--make-fixture"]:
        sys.exit("usage: python tests/test_storage_formats.py --make-fixture")
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.unlink(missing_ok=True)
    make_v1_save(FIXTURE)
    print(f"wrote {FIXTURE} ({FIXTURE.stat().st_size} bytes)")


FIXTURE_V2 = Path(__file__).resolve().parent / "fixtures" / "save-v2.wargame"


def test_a_format_2_save_opens_verifies_and_upgrades(tmp_path):
    """Format 3 added ``game_meta``: a save written by the format-2 code (a 2-turn bot game,
    seed 5, a note and a bookmark) opens read-only untouched, verifies, and upgrades in place."""
    path = tmp_path / "v2.wargame"
    shutil.copyfile(FIXTURE_V2, path)
    with GameRecord.open(path, readonly=True) as rec:
        assert rec.meta("levels") is None and [b.label for b in rec.bookmarks()] == ["the loan"]
        report = rec.verify()  # rules changed since it was written: a clear divergence, not a crash
        assert report.ok or (report.divergence is not None and report.message.startswith(str(path)))
    assert path.read_bytes() == FIXTURE_V2.read_bytes()
    with GameRecord.open(path) as rec:
        rec.set_meta("levels", {"washington": "search-small"})
    with GameRecord.open(path, readonly=True) as rec:
        assert rec.format_version == 3 and rec.meta("levels") == {"washington": "search-small"}
        assert [n.text for n in rec.notes()] == ["Riyadh hesitates before the loan"]
    fresh = tmp_path / "fresh.wargame"
    play_saved(fresh, turns=1, stop_after=1).close()
    assert _schema(path) == _schema(fresh)


def test_settings_kept_in_the_save_follow_a_copy_and_a_branch(tmp_path):
    path = tmp_path / "class.wargame"
    with play_saved(path, turns=1, stop_after=6) as rec:
        rec.set_meta("facilitator_pin", "pbkdf2_sha256$1$00$00")
        rec.set_meta("gone", 1)
        rec.set_meta("gone", None)
    copy = tmp_path / "renamed copy.wargame"
    shutil.copyfile(path, copy)
    with GameRecord.open(copy) as rec:
        assert rec.meta("facilitator_pin") == "pbkdf2_sha256$1$00$00" and rec.meta("gone") is None
        branch = GameRecord.create(tmp_path / "branch.wargame", rec.scenario, rec.seed, rec.seats,
                                   parent=rec, branch_index=3)
    with branch:
        assert branch.meta("facilitator_pin") == "pbkdf2_sha256$1$00$00"
