"""Printable role briefs (issue 15): every seat's brief is substantive and grounded in its
scenario, ``wargame briefs`` writes it as HTML or a one-or-two-page PDF per seat."""
from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from test_report_support import parse_html

from wargame import Game, load_scenario
from wargame.briefs import briefs_html, check_seat
from wargame.cli import main
from wargame.scenario import list_scenarios
from wargame.types import SEAT_NAMES, SEATS, money

SCENARIOS = [sid for sid, _ in list_scenarios()]


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def plain(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


@pytest.mark.parametrize("sid", SCENARIOS)
def test_every_seat_has_a_substantive_brief(sid: str) -> None:
    """Issue 15: role briefs were three sentences."""
    scenario = load_scenario(sid)
    game = Game(scenario, 0)
    for seat in SEATS:
        role = scenario.seats[seat].role
        assert len(role.motives) >= 2 and words(" ".join(role.motives)) >= 180, seat
        assert {c.key for c in game.score(seat).components} == set(role.scoring), seat
        assert all(words(text) >= 8 for text in role.scoring.values()), seat
        assert len(role.levers) >= 4 and role.tensions and words(role.public) >= 15, seat


def test_brief_has_motives_scoring_position_and_the_others(tmp_path: Path) -> None:
    scenario = load_scenario("pact-2026")
    html = briefs_html(scenario, ["riyadh"])
    doc = parse_html(html)
    assert doc.errors == []
    assert [h for h in doc.headings if not h.startswith("Role brief")][:1] == ["Your motives"]
    for heading in ("Your objectives and how they are scored", "Your starting position",
                    "Your commitments in force", "What you can do", "Dilemmas to weigh",
                    "What the others are known to want"):
        assert heading in doc.headings, heading
    text = plain(html)
    spec = scenario.seats["riyadh"]
    assert spec.role.motives[0] in text and spec.brief in text
    assert f"Starting budget {money(spec.budget)}" in text and f"Income per quarter {money(spec.income)}" in text
    for component in Game(scenario, 0).score("riyadh").components:
        assert component.label in text and spec.role.scoring[component.key] in text
    assert "Saudi–Pakistani Mutual Defence Agreement" in text and "assistance clause" in text
    for other in ("ankara", "islamabad", "washington"):
        assert scenario.seats[other].role.public in text
    assert scenario.seats["riyadh"].role.public not in text  # not told what others think of you


def test_all_seats_each_from_a_new_page() -> None:
    html = briefs_html(load_scenario("pact-2026"))
    titles = re.findall(r"<h1( class=\"newpage\")?>Role brief: .*?&nbsp;(\w+)</h1>", html)
    assert [name for _, name in titles] == [SEAT_NAMES[s] for s in SEATS]
    assert [bool(cls) for cls, _ in titles] == [False, True, True, True]


def test_ankara_sanctions_follow_the_scenario() -> None:
    assert "85% while sanctioned" in plain(briefs_html(load_scenario("pact-2026"), ["ankara"]))
    assert "85% while sanctioned" not in plain(briefs_html(load_scenario("us-recommits-2026"), ["ankara"]))


def test_bad_seat_is_a_clear_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="ankara, riyadh, islamabad, washington"):
        check_seat("tehran")
    assert check_seat(" Riyadh ") == ["riyadh"]
    assert main(["briefs", "--seat", "tehran", "-o", str(tmp_path / "b.html")]) == 2
    assert "there is no seat 'tehran'" in capsys.readouterr().err
    assert main(["briefs", "-o", str(tmp_path / "b.txt")]) == 2
    assert main(["briefs", "--scenario", "no-such-scenario", "-o", str(tmp_path / "b.html")]) == 1
    assert not (tmp_path / "b.html").exists()


def test_cli_html(tmp_path: Path) -> None:
    out = tmp_path / "all.html"
    assert main(["briefs", "--scenario", "us-recommits-2026", "-o", str(out), "-q"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("Role brief: ") == 4


@pytest.mark.parametrize("seat", SEATS)
def test_cli_pdf_is_one_or_two_pages_per_seat(seat: str, tmp_path: Path) -> None:
    out = tmp_path / f"{seat}.pdf"
    assert main(["briefs", "--seat", seat, "-o", str(out), "-q"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and 1 <= page_count(data) <= 2
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True, text=True).stdout
        assert f"Role brief: {SEAT_NAMES[seat]}" in text and "What the others are known to want" in text


def test_briefs_do_not_import_qt() -> None:
    import sys

    code = ("import sys, wargame.briefs, wargame.commands.briefs; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui')]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[1])
