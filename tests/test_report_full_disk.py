"""A report written onto a full disk (issue 10): a non-zero exit and one line, and no 0-byte or
truncated file left behind claiming success. Qt's PDF writer does not report a full disk: it
wrote 64 KB of a larger PDF and the command said "report written"."""
from __future__ import annotations

import pytest

from wargame.bots import make_bots
from wargame.cli import main
from wargame.scenario import load_scenario
from wargame.storage.session import play_and_save

from disk_support import fill, small_disk  # noqa: F401 (a fixture)


@pytest.fixture(scope="module")
def save(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "game.wargame"
    play_and_save(load_scenario("pact-2026"), 1, make_bots(1), path)
    return path


@pytest.mark.timeout(180)
@pytest.mark.parametrize("suffix", [".pdf", ".html"])
def test_a_report_onto_a_full_disk_fails_and_leaves_no_file(suffix, save, small_disk, capsys):
    fill(small_disk, 16_384)
    before = sorted(p.name for p in small_disk.iterdir())
    code = main(["report", str(save), "-o", str(small_disk / f"debrief{suffix}")])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert err.startswith("error: ") and "cannot be written" in err and len(err.splitlines()) == 1
    assert sorted(p.name for p in small_disk.iterdir()) == before  # nothing new, not even a temp file


@pytest.mark.timeout(180)
def test_a_report_that_fails_keeps_the_previous_one(save, small_disk, capsys):
    out = small_disk / "debrief.html"
    assert main(["report", str(save), "-o", str(out)]) == 0
    first = out.read_bytes()
    fill(small_disk, 4_096)
    assert main(["report", str(save), "-o", str(out)]) == 1
    assert out.read_bytes() == first
