"""The debrief report (issue 5): HTML from a real save file, its sections and numbers, the
discussion questions, the charts, and the ``wargame report`` command's errors."""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

import pytest

from test_report_support import (
    BOOKMARK, EVENT_TITLE, NOTE_AFTER, NOTE_LIVE, PARAM_REASON, RATIONALE, ROOT, make_save, parse_html,
)

from wargame import Game, load_scenario
from wargame import actions as A
from wargame.bots import make_bots, play_bots
from wargame.cli import main
from wargame.report.facts import plural, times
from wargame.report import (
    SEAT_COLOURS, TRACKS, build_report_html, figure_svg, figures, questions, write_report,
)
from wargame.storage import GameRecord
from wargame.types import SEATS, money

SECTIONS = ("At a glance", "1. The scenario", "2. The seats", "3. Timeline of key decisions",
            "4. Facilitator interventions", "5. Crises", "6. Indicators over time", "7. Scores",
            "8. Facilitator notes and bookmarks", "9. Discussion questions")


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
    for text in ("Team Anatolia: Aylin Demir, Bora Kaya", "Computer (cautious)", "Person", "Computer", "cautious"):
        assert escape(text) in html
    assert "<th>Team / students</th>" in html
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
    assert "8. Discussion questions" in doc.headings
    assert "The facilitator did not intervene" in page
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


def _section(html: str, heading: str) -> str:
    return html.split(f"<h2>{heading}</h2>", 1)[1].split("<h2", 1)[0]


def test_seat_named_only_by_its_seat_shows_no_team(html: str) -> None:
    """Issue 15: the Name column repeated the seat name when no team name was entered."""
    seats = _section(html, "2. The seats")
    washington = seats.split("Washington</td>", 1)[1].split("</tr>", 1)[0]
    assert "<td>—</td>" in washington and "Washington" not in washington


def test_every_facilitator_intervention_with_its_reason(html: str, game: Game) -> None:
    """Issue 15: the parameter change and its reason appeared nowhere in the report."""
    part = _section(html, "4. Facilitator interventions")
    rows = part.split("<tr>")[2:]
    assert len(rows) == 3
    param = next(r for r in rows if "Parameter change" in r)
    assert "honour gain: 5 \u2192 6" in param and escape(PARAM_REASON) in param
    ruling = next(r for r in rows if ">Ruling<" in r)
    first = game.state.crises[0]
    assert f"{first.outcome} \u2192 {first.ruling}" in ruling and escape(RATIONALE) in ruling
    event = next(r for r in rows if "Event injected" in r)
    assert EVENT_TITLE in event
    glance = _section(html, "At a glance") if "<h2>At a glance</h2>" in html else html
    assert "1 ruling, 1 parameter change, 1 event injected (section 4)" in glance


def test_injected_crisis_is_an_intervention() -> None:
    g = Game(load_scenario("pact-2026"), 5)
    crisis = g.scenario.crises[0]
    g.apply(A.InjectCrisis("facilitator", crisis_type=crisis.id, target=crisis.targets[0]))
    page = build_report_html(g)
    part = _section(page, "4. Facilitator interventions")
    assert "Crisis injected" in part and escape(crisis.title) in part


def test_no_one_times_in_any_question() -> None:
    """Issue 15: "declared support for Riyadh 1 times"."""
    assert (times(1), times(2), times(5)) == ("once", "twice", "5 times")
    assert (plural(1, "visible exercise"), plural(3, "visible exercise")) == ("1 visible exercise", "3 visible exercises")
    for seed in (3, 7, 11, 23):
        g = Game(load_scenario("pact-2026"), seed)
        play_bots(g, make_bots(seed))
        text = " ".join(q.text for qs in questions(g).values() for q in qs)
        assert not re.search(r"\b1 (times|visible exercises|loans)\b", text), text


def test_a_ruled_outcome_is_called_a_ruling_in_the_questions() -> None:
    """Issue 15: a discussion question called an outcome damaging without saying it was a ruling."""
    g = Game(load_scenario("pact-2026"), 7)
    bots = make_bots(7)
    while len(g.state.crises) < 2 or g.phase == "crisis":
        g.apply(bots[g.acting_seats()[0]].choose(g))
    asked = max(g.state.crises, key=lambda c: (c.details["perceived"] - c.details["real"], -g.state.crises.index(c)))
    before = " ".join(q.text for q in questions(g)["perception"])
    assert f"the outcome was {asked.outcome}," in before and "ruling" not in before
    new = "damaging" if asked.outcome != "damaging" else "contained"
    g.apply(A.Ruling("facilitator", crisis=asked.id, outcome=new, rationale="late aid"))
    after = " ".join(q.text for q in questions(g)["perception"])
    assert f"the outcome was {new} by the facilitator's ruling (the dice said {asked.outcome})," in after


def test_student_handout_leaves_facilitator_notes_out(save: Path, tmp_path: Path) -> None:
    """Issue 15: ``wargame report --audience students`` writes a handout without the notes."""
    out = tmp_path / "students.html"
    assert main(["report", str(save), "-o", str(out), "--audience", "students", "-q"]) == 0
    page = out.read_text(encoding="utf-8")
    for text in (NOTE_LIVE, NOTE_AFTER, BOOKMARK, "discuss the ruling", "Facilitator notes"):
        assert escape(text) not in page
    doc = parse_html(page)
    assert doc.errors == []
    assert "8. Discussion questions" in doc.headings and "student handout" in page
    assert escape(PARAM_REASON) in page and escape(RATIONALE) in page
    full = write_report(save, tmp_path / "full.html").read_text(encoding="utf-8")
    assert escape(NOTE_LIVE) in full


def test_unknown_audience_is_refused(game: Game) -> None:
    with pytest.raises(ValueError, match="facilitator, students"):
        build_report_html(game, audience="parents")
    with pytest.raises(SystemExit):
        main(["report", "x.wargame", "--audience", "parents"])


def test_renamed_seat_shows_in_the_report(save: Path, tmp_path: Path) -> None:
    import shutil

    from wargame.storage import SaveError

    copy = tmp_path / "copy.wargame"
    shutil.copy(save, copy)
    with GameRecord.open(copy) as record:
        record.rename_seat("washington", "  Eagles:  Sam Carter ")
        with pytest.raises(SaveError, match="not a seat"):
            record.rename_seat("tehran", "x")
    with GameRecord.open(copy, readonly=True) as record:
        assert {i.seat: i.name for i in record.seats}["washington"] == "Eagles: Sam Carter"
        assert "<td>Eagles: Sam Carter</td>" in build_report_html(record)
