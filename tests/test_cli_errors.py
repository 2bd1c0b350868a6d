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
