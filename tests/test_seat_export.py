"""Per-seat replays (``wargame.seat_export``): only what one seat saw, never the others' secrets."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from test_replay_support import secret_deal_save
from wargame.cli import main as cli_main
from wargame.seat_export import KIND, SUFFIX, export_seat_view, game_from_view, is_seat_view, open_seat_view
from wargame.storage import GameRecord, SaveError
from wargame.types import SEATS


@pytest.fixture(scope="module")
def deal(tmp_path_factory: pytest.TempPathFactory):
    return secret_deal_save(tmp_path_factory.mktemp("export") / "secret.wargame", after=80)


@pytest.fixture(scope="module")
def views(deal, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("views")
    with GameRecord.open(deal.path, readonly=True) as record:
        return {seat: export_seat_view(record, seat, out / f"{seat}{SUFFIX}") for seat in SEATS}


def _traces(deal, data: bytes) -> list[bytes]:
    """What in ``data`` would betray the secret deal: its ids (as whole words) or its name."""
    found = [m.group() for pid in (deal.commitment, deal.proposal)
             for m in re.finditer(rb"(?<![A-Za-z0-9_])" + pid.encode() + rb"(?![A-Za-z0-9_])", data)]
    return found + ([deal.name.encode("utf-8")] if deal.name.encode("utf-8") in data else [])


def test_outsiders_see_no_trace_of_the_secret_deal(deal, views):
    for seat in ("ankara", "washington"):
        found = _traces(deal, views[seat].read_bytes())
        assert not found, f"{seat}'s view holds {found}"


def test_the_parties_see_their_secret_deal(deal, views):
    for seat in ("riyadh", "islamabad"):
        data = views[seat].read_bytes()
        assert json.dumps(deal.commitment).encode() in data
        assert deal.name.encode("utf-8") in data
        assert json.dumps(deal.proposal).encode() in data


def test_the_file_holds_no_seed_no_random_state_and_only_own_actions(deal, views):
    lines = [json.loads(line) for line in views["ankara"].read_text(encoding="utf-8").splitlines()]
    header = lines[0]
    assert header["kind"] == KIND and header["seat"] == "ankara" and "seed" not in header
    assert lines[-1]["type"] == "end"
    for obj in lines:
        if obj["type"] == "view":
            assert {"rng", "phase_base", "phase_actions", "counter", "history"}.isdisjoint(obj["state"])
            assert obj["state"]["notes"] == []
            for seat, s in obj["state"]["seats"].items():
                if seat != "ankara":
                    assert s["budget"] is None and s["reserves"] is None
        if obj["type"] == "step" and obj["action"] is not None:
            assert obj["action"]["seat"] == "ankara"
        if obj["type"] == "step":
            assert all(e["public"] or "ankara" in e["seats"] for e in obj["events"])
        if obj["type"] == "history":
            for seat, s in obj["row"]["seats"].items():
                assert seat == "ankara" or s["budget"] is None


def test_round_trip_matches_the_engine_view_at_every_step(deal, views):
    view_file = open_seat_view(views["ankara"])
    with GameRecord.open(deal.path, readonly=True) as record:
        assert len(view_file) == record.action_count() + 1 == deal.actions + 1
        for index in (0, deal.signed_index, len(view_file) // 2, len(view_file) - 1):
            expected = record.game_at(index).view("ankara")
            got = view_file.view_at(index)
            for key in ("counter", "action_count", "event_count"):
                assert key not in expected  # counters would tell how many hidden actions there were
            assert got["commitments"] == expected["commitments"]
            assert got["seats"] == expected["seats"]
            assert got["proposals"] == expected["proposals"]
            assert len(got["history"]) == len(expected["history"])
            game = view_file.game_at(index)
            assert game.turn == expected["turn"] and game.phase == expected["phase"]
            assert deal.commitment not in game.state.commitments
            assert all(e.visible_to("ankara") for e in game.events)


def test_game_from_view_fills_hidden_lines():
    from wargame.rules.game import Game
    g = Game("pact-2026", 3)
    game = game_from_view(g.view("riyadh"), g.scenario)
    assert game.state.seats["ankara"].budget == 0 and game.state.seats["riyadh"].budget == g.state.seats["riyadh"].budget
    assert game.seed == 0 and game.state.rng == 0
    assert game.view("riyadh")["seats"]["ankara"]["budget"] is None


def test_bad_files_give_clear_errors(deal, views, tmp_path):
    with pytest.raises(SaveError, match="is a saved game, not a seat view"):
        open_seat_view(deal.path)
    cut = tmp_path / f"cut{SUFFIX}"
    data = views["ankara"].read_bytes()
    cut.write_bytes(data[:len(data) // 2])
    with pytest.raises(SaveError, match="truncated|damaged"):
        open_seat_view(cut)
    cut.write_bytes(data[:2000])
    with pytest.raises(SaveError, match="truncated"):
        open_seat_view(cut)
    edited = tmp_path / f"edited{SUFFIX}"
    edited.write_text(views["ankara"].read_text(encoding="utf-8").replace('"budget":', '"budget" :', 1),
                      encoding="utf-8")
    with pytest.raises(SaveError, match="checksum"):
        open_seat_view(edited)
    junk = tmp_path / f"junk{SUFFIX}"
    junk.write_text("hello\n", encoding="utf-8")
    with pytest.raises(SaveError, match="not a seat view"):
        open_seat_view(junk)
    assert is_seat_view(views["ankara"]) and not is_seat_view(junk) and not is_seat_view(deal.path)
    with GameRecord.open(deal.path, readonly=True) as record:
        with pytest.raises(SaveError, match="not a seat"):
            export_seat_view(record, "moscow", tmp_path / "x.wargame-view")
        with pytest.raises(SaveError, match="not a seat view"):
            export_seat_view(record, "ankara", junk)
        with pytest.raises(SaveError, match="the saved game itself"):
            export_seat_view(record, "ankara", deal.path)


def test_command_line(deal, tmp_path, capsys):
    out = tmp_path / f"riyadh{SUFFIX}"
    assert cli_main(["export-seat", str(deal.path), "--seat", "riyadh", "-o", str(out)]) == 0
    assert "written to" in capsys.readouterr().out
    assert open_seat_view(out).seat == "riyadh"
    assert cli_main(["export-seat", str(tmp_path / "missing.wargame"), "--seat", "riyadh"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "no such file" in err and "Traceback" not in err
    assert cli_main(["export-seat", str(deal.path), "--seat", "riyadh", "-o", str(deal.path)]) == 1
    assert "the saved game itself" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli_main(["export-seat", str(deal.path), "--seat", "moscow"])
