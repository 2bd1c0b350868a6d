"""Packaged data and scenario discovery: what an installed copy (not a clone) relies on.

The wheel itself is built, installed outside the repository and run by ``tools/smoke_install.sh``
(called from ``.ci/run``); these tests cover the code paths it exercises.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from wargame import resources
from wargame.cli import main
from wargame.errors import ScenarioError
from wargame.scenario import list_scenarios, load_scenario, scenario_dirs, use_scenario_dirs

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _no_own_folders(monkeypatch):
    monkeypatch.delenv("WARGAME_SCENARIOS_DIR", raising=False)
    yield
    use_scenario_dirs([])


def test_data_is_read_through_the_data_package_not_a_source_path():
    """Scenarios, map and rulebook come from the ``wargame_assets`` packages."""
    import wargame_assets
    import wargame_assets.rulebook
    assert resources.builtin_scenarios_dir() == Path(wargame_assets.__file__).parent / "scenarios"
    assert resources.map_path().name == "region.geojson"
    assert resources.rulebook_path() == Path(wargame_assets.rulebook.__file__).parent / "rules.md"
    assert resources.rulebook_text().lstrip().startswith("#")
    assert "Natural Earth" in resources.map_attribution()
    assert {"pact-2026", "us-recommits-2026"} <= {sid for sid, _ in list_scenarios()}


def test_pyproject_ships_every_data_file_the_code_reads():
    """The package data globs cover the files ``wargame.resources`` opens."""
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    tool = conf["tool"]["setuptools"]
    assert tool["package-dir"] == {"wargame_assets": "assets", "wargame_assets.rulebook": "docs"}
    data = tool["package-data"]
    assert "scenarios/*.toml" in data["wargame_assets"]
    assert {"map/*.geojson", "map/README.md"} <= set(data["wargame_assets"])
    assert data["wargame_assets.rulebook"] == ["rules.md"]
    assert conf["project"]["license"] == "MIT"  # PEP 639 form, not the deprecated table
    assert "LICENSE" in conf["project"]["license-files"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_version_option(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"wargame {resources.version()}"
    assert resources.version() != "unknown"


def _variant(folder: Path, sid: str, extends: str = "pact-2026") -> Path:
    path = folder / f"{sid}.toml"
    path.write_text(f'extends = "{extends}"\n[meta]\nid = "{sid}"\ntitle = "Week 6 variant"\n'
                    "turns = 8\n", encoding="utf-8")
    return path


def test_own_folder_scenario_extends_a_builtin_id_from_anywhere(tmp_path, monkeypatch, capsys):
    """A teacher's file outside the repository extends a built-in scenario by its id."""
    _variant(tmp_path, "week-6")
    monkeypatch.chdir(tmp_path)
    sc = load_scenario(tmp_path / "week-6.toml")
    assert (sc.meta.id, sc.meta.turns) == ("week-6", 8)
    assert sc.seats == load_scenario("pact-2026").seats  # everything else from the base
    assert main(["--scenarios-dir", str(tmp_path), "scenarios"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["week-6", "Week", "6", "variant"]  # own folder listed first
    assert any(line.startswith("pact-2026") for line in out)
    assert main(["play", "--scenario", "week-6", "--seed", "1", "--quiet",
                 "--scenarios-dir", str(tmp_path)]) == 0
    assert "digest:" in capsys.readouterr().out


def test_own_scenario_of_a_builtin_id_extends_the_builtin(tmp_path):
    """``pact-2026.toml`` in one's folder with ``extends = "pact-2026"`` is not its own base."""
    _variant(tmp_path, "pact-2026")
    use_scenario_dirs([tmp_path])
    sc = load_scenario("pact-2026")
    assert sc.meta.turns == 8 and sc.seats


def test_environment_variable_adds_a_folder(tmp_path, monkeypatch):
    _variant(tmp_path, "week-7")
    monkeypatch.setenv("WARGAME_SCENARIOS_DIR", str(tmp_path))
    assert scenario_dirs()[0] == tmp_path
    assert load_scenario("week-7").meta.id == "week-7"


def test_missing_folder_and_missing_base_are_clear_errors(tmp_path, capsys):
    assert main(["--scenarios-dir", str(tmp_path / "nope"), "scenarios"]) == 1
    assert "no such scenarios folder" in capsys.readouterr().err
    _variant(tmp_path, "orphan", extends="no-such-base")
    with pytest.raises(ScenarioError, match="no such scenario file or id; known scenarios: .*pact-2026"):
        load_scenario(tmp_path / "orphan.toml")


def test_scenarios_exits_nonzero_when_it_finds_none(monkeypatch, tmp_path, capsys):
    """A broken install (no scenario files) says so and fails, instead of printing nothing."""
    monkeypatch.setattr(resources, "builtin_scenarios_dir", lambda: tmp_path)
    assert main(["scenarios"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: no scenarios found") and str(tmp_path) in err


def test_bundle_launcher_opens_a_double_clicked_save(tmp_path):
    """The app bundle's entry point: a .wargame file as its only argument opens that game."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("bundle_launcher", ROOT / "packaging" / "launcher.py")
    launcher = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(launcher)
    save = tmp_path / "class.wargame"
    save.write_bytes(b"")
    assert launcher.bundle_argv([str(save)]) == ["gui", "--save", str(save)]
    assert launcher.bundle_argv([]) == []  # the app's welcome screen
    assert launcher.bundle_argv(["play", "--seed", "1"]) == ["play", "--seed", "1"]
    assert launcher.bundle_argv([str(tmp_path / "missing.wargame")]) == [str(tmp_path / "missing.wargame")]
    desktop = (ROOT / "packaging" / "layered-deterrence.desktop").read_text(encoding="utf-8")
    assert "Exec=LayeredDeterrence %f" in desktop and "Icon=layered-deterrence" in desktop
