"""Malformed scenario files (issue 10's audit): each names the file, the field and the problem.

Every file is run through ``check-scenario`` and ``play``: one line on stderr, a non-zero exit,
no traceback. ``check-scenario`` must refuse what ``play`` cannot run (starting commitments'
terms are typed).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from wargame import resources
from wargame.cli import main

BUILTIN = (resources.builtin_scenarios_dir() / "pact-2026.toml").read_text(encoding="utf-8")


def _variant(old: str, new: str) -> str:
    assert old in BUILTIN, old
    return BUILTIN.replace(old, new, 1)


def _files(root: Path) -> dict[str, tuple[str, str]]:
    """Write the corpus under ``root``: name -> (file to run, text the error must contain)."""
    (root / "folder.toml").mkdir()
    (root / "base_broken.toml").write_text("title = \n", encoding="utf-8")
    (root / "a.toml").write_text('extends = "b.toml"\n', encoding="utf-8")
    (root / "b.toml").write_text('extends = "a.toml"\n', encoding="utf-8")
    for i in range(12):
        (root / f"chain{i}.toml").write_text(f'extends = "chain{i + 1}.toml"\n', encoding="utf-8")
    (root / "chain12.toml").write_text('extends = "pact-2026"\n', encoding="utf-8")
    texts: dict[str, tuple[str, str]] = {
        "syntax": ("title = \n", "not valid TOML"),
        "not_utf8": ("\udcff", "not UTF-8"),
        "deep": ("x = " + "[" * 3000 + "]" * 3000 + "\n", "nested too deeply"),
        "base_is_folder": ('extends = "folder.toml"\n', "is a folder"),
        "base_missing": ('extends = "nowhere.toml"\n', "no file"),
        "extends_broken": ('extends = "base_broken.toml"\n', "base_broken.toml: (syntax)"),
        "extends_itself": ('extends = "extends_itself.toml"\n', "this file itself"),
        "cycle": ('extends = "a.toml"\n', "cycle"),
        "long_chain": ('extends = "chain0.toml"\n', "bases in a chain"),
        "extends_number": ("extends = 3\n", "extends: must name"),
        "nan_param": (_variant("crisis_cap = 0.55", "crisis_cap = nan"), "params.crisis_cap: must be a finite"),
        "inf_capability": (re.sub(r"(air = )\d+\.\d+", r"\1inf", BUILTIN, count=1), "must be a finite"),
        "terms_type": (_variant("integration = 0.45", 'integration = "high"'), "terms.integration"),
        "terms_range": (_variant("command = 0, interop = 1", "command = 9, interop = 1"),
                        "terms.layers.command"),
        "terms_party": (_variant('to = "riyadh", integration', 'to = "ankara", integration'),
                        "is not one of the parties"),
        "terms_unknown": (_variant("integration = 0.45", "integration = 0.45, colour = 1"), "terms.colour"),
    }
    out = {}
    for name, (text, expected) in texts.items():
        path = root / f"{name}.toml"
        if name == "not_utf8":
            path.write_bytes(b"\xff\xfe title = 1\n")
        else:
            path.write_text(text, encoding="utf-8")
        out[name] = (str(path), expected)
    fifo = root / "pipe.toml"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
        (root / "base_pipe.toml").write_text('extends = "pipe.toml"\n', encoding="utf-8")
        out["base_is_pipe"] = (str(root / "base_pipe.toml"), "not a regular file")
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    return _files(tmp_path_factory.mktemp("scenarios"))


CASES = ["syntax", "not_utf8", "deep", "base_is_folder", "base_missing", "extends_broken", "extends_itself", "cycle",
         "long_chain", "extends_number", "nan_param", "inf_capability", "terms_type", "terms_range",
         "terms_party", "terms_unknown", "base_is_pipe"]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("case", CASES)
def test_check_scenario_names_the_problem(case, corpus, capsys):
    if case not in corpus:
        pytest.skip("no FIFOs on this platform")
    path, expected = corpus[case]
    code = main(["check-scenario", path])
    err = capsys.readouterr().err
    assert code != 0
    assert expected in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", ["deep", "cycle", "nan_param", "terms_type", "base_is_pipe"])
def test_play_refuses_the_same_files_in_one_line(case, corpus):
    if case not in corpus:
        pytest.skip("no FIFOs on this platform")
    path, expected = corpus[case]
    run = subprocess.run([sys.executable, "-m", "wargame", "play", "--scenario", path, "--seed", "1",
                          "--bots", "all"], capture_output=True, text=True, timeout=50)
    assert run.returncode != 0
    assert expected in run.stderr and "Traceback" not in run.stderr, run.stderr


def test_a_chain_of_bases_merges_nearest_last(tmp_path):
    """extends chains work: c extends b extends the built-in; the nearest file wins."""
    (tmp_path / "b.toml").write_text('extends = "pact-2026"\n[meta]\ntitle = "Middle"\nturns = 8\n',
                                     encoding="utf-8")
    (tmp_path / "c.toml").write_text('extends = "b.toml"\n[meta]\ntitle = "Nearest"\n', encoding="utf-8")
    from wargame.scenario import load_scenario
    sc = load_scenario(tmp_path / "c.toml")
    assert (sc.meta.title, sc.meta.turns, sc.meta.id) == ("Nearest", 8, "pact-2026")


def test_every_builtin_scenario_still_checks():
    for name in ("pact-2026", "tutorial-riyadh", "us-recommits-2026"):
        assert main(["check-scenario", name]) == 0
