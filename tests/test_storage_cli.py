"""The command line of saved games: play --save, replay, branch, resume and saves."""
from __future__ import annotations

import json

import pytest

from wargame.storage import GameRecord

from test_storage_support import PG_URL, SEED, cli, pg_schema_url, reference, run_sql


@pytest.fixture
def saves_dir(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(folder))
    return folder


def _account(stdout: str) -> list[str]:
    """The account part of ``play``/``replay`` output (before the indicator table)."""
    return stdout.split("\nIndicators (")[0].splitlines()


def test_play_save_then_replay_prints_the_same_account(saves_dir):
    played = cli("play", "--seed", SEED, "--save", "first")
    assert played.returncode == 0, played.stderr
    path = saves_dir / "first.wargame"
    assert path.exists() and f"saved: {path}" in played.stderr
    replayed = cli("replay", "first")
    assert replayed.returncode == 0
    assert replayed.stdout.startswith(played.stdout.split("digest:")[0])
    assert f"digest: {reference(SEED)[2]}" in replayed.stdout and f"digest: {reference(SEED)[2]}" in played.stdout


def test_replay_at_a_turn_is_a_prefix_of_the_account(saves_dir):
    assert cli("play", "--seed", SEED, "--save", "g").returncode == 0
    full = _account(cli("replay", "g").stdout)
    for turn in (1, 3, 6):
        result = cli("replay", "g", "--at", turn)
        assert result.returncode == 0
        part = _account(result.stdout)
        assert part == full[:len(part)] and len(part) < len(full)
        assert f"(turn {turn}, diplomacy)" in result.stdout
    with GameRecord.open(saves_dir / "g.wargame", readonly=True) as rec:
        index = rec.index_of_turn(6)
        assert f"at action {index} of {rec.action_count()}" in cli("replay", "g", "--at", 6).stdout
        assert cli("replay", "g", "--index", index).stdout == cli("replay", "g", "--at", 6).stdout


def test_replay_verify(saves_dir):
    assert cli("play", "--seed", SEED, "--save", "g", "--quiet").returncode == 0
    ok = cli("replay", "g", "--verify")
    assert ok.returncode == 0 and "ok:" in ok.stdout and f"{len(reference(SEED)[0])} actions" in ok.stdout
    path = saves_dir / "g.wargame"
    entry = run_sql(path, "SELECT idx, action FROM log_entries WHERE kind = 'invest' ORDER BY idx LIMIT 1")[0]
    action = json.loads(entry[1])
    action["domain"] = "naval" if action["domain"] != "naval" else "air"
    run_sql(path, "UPDATE log_entries SET action = ? WHERE idx = ?", (json.dumps(action), entry[0]))
    bad = cli("replay", "g", "--verify")
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr.count("\n") == 1 and f"action #{entry[0]}" in bad.stderr
    assert bad.stderr.startswith(f"error: {path}: verification failed")


def test_branch_and_list(saves_dir):
    assert cli("play", "--seed", SEED, "--save", "main", "--quiet").returncode == 0
    result = cli("branch", "main", "--at", 4, "-o", "alt", "--title", "What if")
    assert result.returncode == 0, result.stderr
    with GameRecord.open(saves_dir / "alt.wargame", readonly=True) as alt:
        assert alt.title == "What if" and alt.parent.target == str((saves_dir / "main.wargame").resolve())
        assert alt.game_at(alt.action_count()).turn == 4
        assert f"at action {alt.branch_index} (turn 4)" in result.stdout
    listing = cli("saves")
    assert listing.returncode == 0
    lines = listing.stdout.splitlines()
    assert lines[0].startswith('alt.wargame "What if": pact-2026, turn 4/12') and "branch of" in lines[0]
    assert lines[1].startswith("main.wargame: pact-2026, over,") and "Riyadh: computer (balanced)" in lines[1]
    resumed = cli("resume", "alt", "--quiet")
    assert resumed.returncode == 0 and f"digest: {reference(SEED)[2]}" in resumed.stdout
    assert cli("replay", "alt", "--verify").returncode == 0


def test_saves_dir_flag_and_empty_folder(tmp_path, saves_dir):
    other = tmp_path / "elsewhere"
    other.mkdir()
    assert cli("saves", "--saves-dir", other).stdout.strip() == f"no saved games in {other}"
    result = cli("saves", "--saves-dir", tmp_path / "missing")
    assert result.returncode == 1 and "is not a folder" in result.stderr
    assert cli("play", "--seed", 3, "--save", str(other / "x.wargame"), "--quiet").returncode == 0
    assert cli("saves", "--saves-dir", other).stdout.startswith("x.wargame: pact-2026, over")
    assert not saves_dir.exists()


def test_play_with_a_person_stops_and_resume_waits(saves_dir):
    result = cli("play", "--seed", SEED, "--bots", "riyadh,islamabad,washington", "--save", "people", "--quiet")
    assert result.returncode == 0
    with GameRecord.open(saves_dir / "people.wargame", readonly=True) as rec:
        assert [s.player for s in rec.seats] == ["person", "computer", "computer", "computer"]
        assert not rec.load().over
    resumed = cli("resume", "people", "--quiet")
    assert resumed.returncode == 0 and "0 actions played" in resumed.stdout and "waiting for ankara" in resumed.stdout


def test_new_save_names(saves_dir, tmp_path):
    from wargame.storage import new_save_path
    from wargame.storage.listing import resolve_new_save
    first = new_save_path("pact-2026")
    assert first.parent == saves_dir and first.name.startswith("pact-2026-") and first.suffix == ".wargame"
    assert resolve_new_save("plain", "pact-2026") == saves_dir / "plain.wargame"
    assert resolve_new_save(str(tmp_path / "a" / "b.wargame"), "x") == tmp_path / "a" / "b.wargame"
    assert resolve_new_save(str(tmp_path), "pact-2026").parent == tmp_path


@pytest.mark.postgres
def test_play_into_a_database_and_list_it():
    if not PG_URL:
        pytest.skip("set WARGAME_TEST_PG_URL")
    with pg_schema_url() as url:
        for seed in (1, 2):
            result = cli("play", "--seed", seed, "--save", f"seed {seed}", "--db", url, "--quiet")
            assert result.returncode == 0, result.stderr
        listing = cli("saves", "--db", url)
        assert listing.returncode == 0
        lines = listing.stdout.splitlines()
        assert len(lines) == 2 and all("pact-2026, over" in line for line in lines)
        assert "wargame:wargame@" not in listing.stdout  # no password in listings
        ambiguous = cli("replay", url, "--verify")
        assert ambiguous.returncode == 1 and "holds 2 games" in ambiguous.stderr
        game_id = int(lines[0].split()[1].rstrip(":\""))
        assert cli("replay", url, "--game", game_id, "--verify").returncode == 0
        branched = cli("branch", url, "--game", game_id, "--at", 2, "-o", url)
        assert branched.returncode == 0 and "(game 3)" in branched.stdout
        assert len(cli("saves", "--db", url).stdout.splitlines()) == 3


def test_saves_dir_flag_names_the_folder(tmp_path, saves_dir):
    other = tmp_path / "other"
    assert cli("play", "--seed", 3, "--save", str(other / "a.wargame"), "--quiet").returncode == 0
    assert cli("replay", "a", "--verify").returncode == 1  # not in the default folder
    assert cli("replay", "a", "--saves-dir", other, "--verify").returncode == 0
    assert cli("branch", "a", "--saves-dir", other, "--index", 5, "-o", "b").returncode == 0
    assert (other / "b.wargame").exists() and not saves_dir.exists()
