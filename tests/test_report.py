"""The debrief report (issue 5): HTML from a real save file, its sections and numbers, the
discussion questions, the charts, and the ``wargame report`` command's errors."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

import pytest

from test_report_support import BOOKMARK, NOTE_AFTER, NOTE_LIVE, RATIONALE, ROOT, make_save, parse_html

from wargame import Game, load_scenario
from wargame.bots import make_bots, play_bots
from wargame.cli import main
from wargame.report import (
    SEAT_COLOURS, TRACKS, build_report_html, figure_svg, figures, questions, write_report,
)
from wargame.storage import GameRecord
from wargame.types import SEATS, money

SECTIONS = ("At a glance", "1. The scenario", "2. The seats", "3. Timeline of key decisions",
            "4. Crises", "5. Indicators over time", "6. Scores", "7. Facilitator notes and bookmarks",
            "8. Discussion questions")


@pytest.fixture(scope="module")
def save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_save(tmp_path_factory.mktemp("report") / "seminar.wargame")


@pytest.fixture(scope="module")
def game(save: Path) -> Game:
    with GameRecord.open(save, readonly=True) as record:
        return record.load()


@pytest.fixture(scope="module")
def html(save: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = write_report(save, tmp_path_factory.mktemp("out") / "debrief.html")
    assert out.suffix == ".html"
    return out.read_text(encoding="utf-8")


def test_sections_in_order(html: str) -> None:
    doc = parse_html(html)
    assert doc.errors == []
    h2 = [h for h in doc.headings if h in SECTIONS]
    assert h2 == list(SECTIONS)
    assert doc.headings[0] == "Debrief: Seminar group B, week 6"


def test_scenario_and_seats(html: str, game: Game) -> None:
    meta = game.scenario.meta
    assert escape(meta.title) in html
    assert escape(meta.summary[:60]) in html
    assert "Starts in <b>2026-Q1</b>; <b>12</b> quarters" in html
    for text in ("Aylin Demir", "Sam Carter", "Computer (cautious)", "Person", "Computer", "cautious"):
        assert escape(text) in html
    assert "seminar.wargame" in html


def test_timeline_has_key_decisions(html: str, game: Game) -> None:
    kinds = {e.kind for e in game.events}
    assert "signed" in kinds
    for e in game.events:
        if e.kind == "signed" and e.data.get("deal") == "accession":
            assert "Accession" in html and escape(e.text) in html
        if e.kind == "signal" and "target" in e.data:
            assert "Declaration" in html
    assert html.count('class="quarter"') >= 10


def test_every_crisis_with_outcome_partners_and_ruling(html: str, game: Game) -> None:
    assert game.state.crises
    for n, crisis in enumerate(game.state.crises, start=1):
        assert f"C{n} &middot; {escape(crisis.title)} &mdash; {game.quarter_of(crisis.turn)}" in html
        outcome = (crisis.ruling or crisis.outcome).upper()
        card = html.split(f"C{n} &middot; ", 1)[1].split('<div class="card">', 1)[0]
        assert outcome in card
        assert f"real <b>{crisis.details['real']:.0f}</b>, perceived <b>{crisis.details['perceived']:.0f}</b>" in card
        assert f"roll {crisis.details['roll']:.2f}" in card
        for seat, level in crisis.responses.items():
            assert f"<td>{escape(level)}</td>" in card
    first = game.state.crises[0]
    assert first.ruling and escape(RATIONALE) in html
    assert f"by ruling; the dice said {first.outcome}" in html


def test_scores_and_budgets(html: str, game: Game) -> None:
    for seat, score in game.scores().items():
        assert f"{score.total:.1f} points" in html
        for c in score.components:
            assert escape(c.label) in html
    last = game.state.history[-1]["seats"]
    assert f"<b>{money(last['riyadh']['budget'])}</b>" in html
    assert f"<b>{money(last['washington']['budget'])}</b>" in html


def test_charts_are_inline_svg_in_seat_colours(html: str) -> None:
    assert html.count("<svg ") == 5
    for colour in SEAT_COLOURS.values():
        assert colour in html
    assert "Bluff gap: perceived minus real deterrence" in html
    assert "Dashed vertical lines mark the crises" in html


def test_self_contained(html: str) -> None:
    lowered = html.lower()
    assert "<script" not in lowered and "<link" not in lowered
    assert "src=\"http" not in lowered and "url(" not in lowered
    assert "<style>" in lowered


def test_notes_and_bookmarks(html: str) -> None:
    for text in (NOTE_LIVE, NOTE_AFTER, BOOKMARK, "discuss the ruling"):
        assert escape(text) in html


def test_discussion_questions_per_track(html: str, game: Game) -> None:
    qs = questions(game)
    for key, heading, _ in TRACKS:
        assert escape(heading) in html
        assert len(qs[key]) >= 2
        for q in qs[key]:
            assert escape(q.text) in html
            assert any(ch.isdigit() for ch in q.text)
    worst = max(game.state.crises, key=lambda c: c.details["perceived"] - c.details["real"])
    target = {"riyadh": "Riyadh", "islamabad": "Islamabad", "ankara": "Ankara", "washington": "Washington"}
    assert (f"{target[worst.target]}'s perceived deterrence was {worst.details['perceived']:.0f} against a "
            f"real {worst.details['real']:.0f} when the {worst.title} came") in " ".join(q.text for q in qs["perception"])


@pytest.mark.parametrize("seed", [3, 11, 23])
def test_questions_for_other_games(seed: int) -> None:
    g = Game(load_scenario("pact-2026"), seed)
    play_bots(g, make_bots(seed))
    qs = questions(g)
    assert set(qs) == {k for k, _, _ in TRACKS}
    assert all(len(v) >= 2 and all(any(c.isdigit() for c in q.text) for q in v) for v in qs.values())
    page = build_report_html(g)
    assert parse_html(page).errors == []


def test_report_from_a_game_just_started() -> None:
    g = Game(load_scenario("pact-2026"), 7)
    page = build_report_html(g, {"riyadh": "person"})
    doc = parse_html(page)
    assert doc.errors == []
    assert "No crisis tested the commitments in this game." in page
    assert "in progress (2026-Q1, diplomacy phase)" in page
    assert "7. Discussion questions" in doc.headings
    assert "Person" in page


def test_figures_are_valid_svg(game: Game) -> None:
    figs = figures(game)
    assert [f.key for f in figs] == ["gap", "deterrence", "credibility", "budget", "pacts"]
    for fig in figs:
        root = ET.fromstring(figure_svg(fig))
        assert root.tag.endswith("svg")
        lines = root.findall(".//{http://www.w3.org/2000/svg}polyline")
        assert len(lines) >= 4
        texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
        assert "C1" in texts and "start" in texts
    gap = figs[0]
    assert [line.values[-1] for line in gap.panels[0].lines] == [
        round(float(game.state.history[-1]["seats"][s]["gap"]), 2) for s in SEATS]


def test_cli_writes_html(save: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(save), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["missing", "foreign", "folder"])
def test_cli_bad_save_is_one_line_and_status_1(kind: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = {"missing": tmp_path / "nope.wargame", "foreign": tmp_path / "notes.txt", "folder": tmp_path}[kind]
    if kind == "foreign":
        path.write_text("not a save\n")
    out = tmp_path / "r.pdf"
    assert main(["report", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and str(path) in err
    assert not out.exists()


def test_engine_report_does_not_import_qt() -> None:
    code = ("import sys, wargame.report, wargame.commands.report; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'ui')]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
