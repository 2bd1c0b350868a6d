"""Wrong command-line input gets one line naming the problem and a non-zero exit (issue 10)."""
from __future__ import annotations

import pytest

from wargame.cli import main


@pytest.mark.parametrize("argv, named", [
    (["play", "--bots", "moscow"], "unknown seats ['moscow']"),
    (["play", "--bots", "all", "--style", "ankara=evil"], "evil"),
])
def test_play_with_a_wrong_seat_or_style_says_so_in_one_line(argv, named, capsys):
    code = main(argv)
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.startswith("error: ") and named in err
    assert "Traceback" not in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("where, named", [
    ("missing/dir/out.json", "no folder"),
    ("folder", "is a folder"),
])
def test_simulate_checks_the_json_path_before_any_game(where, named, tmp_path, capsys, monkeypatch):
    """A wrong --json path is refused at once (it used to fail after all the games had run)."""
    (tmp_path / "folder").mkdir()
    import wargame.simulate as simulate_module

    def no_games(*args, **kwargs):
        raise AssertionError("games ran before the --json path was checked")

    monkeypatch.setattr(simulate_module, "simulate", no_games)
    code = main(["simulate", "--games", "2", "--no-progress", "--json", str(tmp_path / where)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.startswith("error: --json") and named in err and len(err.splitlines()) == 1


def test_simulate_writes_its_json_whole(tmp_path, capsys):
    out = tmp_path / "out.json"
    assert main(["simulate", "--games", "2", "--no-progress", "--no-games", "--json", str(out)]) == 0
    import json
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["completed"] == 2
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_simulate_on_ray_without_a_cluster_says_how_to_start_one(capsys, monkeypatch):
    pytest.importorskip("ray")
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    code = main(["simulate", "--games", "2", "--no-progress", "--ray", "auto"])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert "cannot reach a Ray cluster at 'auto'" in err and "ray start --head" in err
    assert "Traceback" not in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("size, named", [("abc", "is not a size"), ("1920x", "is not a size"),
                                         ("10x10", "out of range"), ("1920x1080x2", "is not a size")])
def test_gui_size_that_is_not_a_size_says_so_in_one_line(size, named, tmp_path, capsys):
    code = main(["gui", "--screenshot", str(tmp_path / "x.png"), "--size", size])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.startswith("error: --size") and named in err and len(err.splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_gui_size_parses_width_and_height():
    from ui.cli import parse_size
    assert parse_size("1280x720") == (1280, 720) and parse_size("1920×1080") == (1920, 1080)
