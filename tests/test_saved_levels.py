"""The computer seats' difficulty levels are kept in the save and used again on reopening (issue 16)."""
from __future__ import annotations

import os

import pytest

from wargame.cli import main
from wargame.storage import GameRecord, SeatInfo
from wargame.types import SEAT_NAMES, SEATS

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path / "saves"))


def _seats() -> list[SeatInfo]:
    return [SeatInfo(s, "person" if s == "riyadh" else "computer", SEAT_NAMES[s], "balanced") for s in SEATS]


def test_the_app_keeps_the_levels_in_the_save_and_reopens_with_them(qtbot, tmp_path):
    from ui.app import new_session_controller, open_session_controller
    from wargame.search_bot import SearchBot
    path = tmp_path / "solo.wargame"
    levels = {"washington": "search-small", "ankara": "balanced", "islamabad": "search-large"}
    first = new_session_controller("pact-2026", 3, _seats(), str(path), levels=levels)
    first.close()
    with GameRecord.open(path, readonly=True) as rec:
        assert rec.meta("levels") == levels
    again = open_session_controller(str(path))
    try:
        assert again.levels["washington"] == "search-small" and again.levels["islamabad"] == "search-large"
        assert isinstance(again._bots["washington"], SearchBot)
    finally:
        again.close()


def test_resume_plays_the_saved_levels_and_says_so(tmp_path, capsys):
    from ui.app import new_session_controller
    path = tmp_path / "solo.wargame"
    new_session_controller("pact-2026", 3, _seats(), str(path), levels={"washington": "search-small"}).close()
    assert main(["resume", str(path), "--quiet"]) == 0
    assert main(["resume", str(path)]) == 0
    out = capsys.readouterr().out
    assert "computer levels kept in the save: washington search-small" in out


def test_a_save_without_levels_or_with_unknown_ones_plays_balanced(tmp_path):
    from wargame.players import saved_levels
    from wargame.storage import Session
    from wargame.scenario import load_scenario
    with Session.new(tmp_path / "a.wargame", load_scenario("pact-2026"), 1, _seats()) as s:
        assert saved_levels(s.record) is None
        s.record.set_meta("levels", {"washington": "grandmaster", "ankara": "search-small"})
        assert saved_levels(s.record) == {"ankara": "search-small"}
