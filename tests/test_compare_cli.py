"""``wargame compare A B``: a game and its branch, compared from the command line."""
from __future__ import annotations

from wargame.bots import make_bots
from wargame.cli import main
from wargame.scenario import load_scenario
from wargame.storage.session import play_and_save


def test_compare_a_game_with_its_branch(tmp_path, capsys):
    full = tmp_path / "full.wargame"
    play_and_save(load_scenario("pact-2026"), 5, make_bots(5), str(full), None)
    branch = tmp_path / "branch.wargame"
    assert main(["branch", str(full), "--at", "4", "-o", str(branch)]) == 0
    capsys.readouterr()
    assert main(["compare", str(full), str(branch)]) == 0
    out = capsys.readouterr().out
    assert "Shared history:" in out and "game over" in out
    assert main(["compare", str(full), str(tmp_path / "missing.wargame")]) == 1
    assert "no such file" in capsys.readouterr().err
