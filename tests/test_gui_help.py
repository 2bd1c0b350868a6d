"""Issue 15 in the app: Help → Rulebook (contents, sections other code can link to), Help →
Role briefs… (printable per seat), team and student names from the new-game screen to the save,
the hand-over screen and the report, and the debrief dialog's student handout."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from wargame import actions as A
from wargame.types import SEAT_NAMES, SEATS

TEAM = "Falcons: Aylin Demir, Bora Kaya"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("WARGAME_SAVES_DIR", str(tmp_path / "saves"))


def start_from_welcome(qtbot, tmp_path: Path, teams: dict[str, str]):
    """Fill in the new-game screen (people at the seats in ``teams``) and open the game's window."""
    from ui.app import new_session_controller
    from ui.main_window import MainWindow
    from ui.welcome import WelcomeScreen

    welcome = WelcomeScreen()
    qtbot.addWidget(welcome)
    for seat in SEATS:
        welcome.set_player(seat, "person" if seat in teams else "computer")
    for seat, team in teams.items():
        welcome.teams[seat].setText(team)
    assert not welcome.teams[next(s for s in SEATS if s not in teams)].isEnabled()
    with qtbot.waitSignal(welcome.newGame) as sig:
        welcome.start.click()
    scenario, seed, seats = sig.args
    controller = new_session_controller(scenario, seed, seats, str(tmp_path / "class.wargame"))
    controller.set_bot_interval(0)
    win = MainWindow(controller, restore=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    return win


def menu_actions(win, title: str) -> list[str]:
    menu = next(a.menu() for a in win.menuBar().actions() if a.text() == title)
    return [a.text() for a in menu.actions()]


# ------------------------------------------------------------------ team and student names
def test_team_names_reach_the_save_the_handover_and_the_report(qtbot, tmp_path):
    """Issue 15: no team or student names; the report's Name column repeated the seat name."""
    from wargame.report import build_report_html
    from wargame.storage import GameRecord

    win = start_from_welcome(qtbot, tmp_path, {"riyadh": TEAM, "islamabad": "  Team   Indus  "})
    names = {i.seat: i.name for i in win.controller.session.record.seats}
    assert names == {"ankara": "Ankara", "riyadh": TEAM, "islamabad": "Team Indus", "washington": "Washington"}
    assert win.handover.covering()  # two people: the game starts behind the hand-over screen
    seat = win.handover.seat
    shown = win.handover.title.text()
    assert SEAT_NAMES[seat] in shown and {"riyadh": TEAM, "islamabad": "Team Indus"}[seat] in shown
    path = win.controller.path
    win.close()
    with GameRecord.open(path, readonly=True) as record:
        html = build_report_html(record)
    seats = html.split("<h2>2. The seats</h2>", 1)[1].split("<h2", 1)[0]
    assert TEAM in seats and "Team Indus" in seats
    ankara = seats.split("Ankara</td>", 1)[1].split("</tr>", 1)[0]
    assert "Ankara" not in ankara


def test_handover_without_team_names_names_only_the_seat(qtbot, tmp_path):
    win = start_from_welcome(qtbot, tmp_path, {"riyadh": "", "islamabad": ""})
    assert win.handover.covering()
    assert "<br>" not in win.handover.title.text()


# ------------------------------------------------------------------ the rulebook
def test_help_menu_has_the_rulebook_and_the_briefs(qtbot, tmp_path):
    from ui.dialogs.rulebook import RulebookDialog

    win = start_from_welcome(qtbot, tmp_path, {"riyadh": ""})
    texts = menu_actions(win, "&Help")
    assert "&Rulebook" in texts and "Role &briefs…" in texts
    win.menu_actions["rulebook"].trigger()
    dialog = win.findChild(RulebookDialog, "rulebook")
    assert dialog is not None and dialog.isVisible()
    chapters = [dialog.toc.topLevelItem(i).text(0) for i in range(dialog.toc.topLevelItemCount())]
    assert chapters[0] == "1. What the game is about" and "10. Crises" in chapters and len(chapters) >= 14
    crises = dialog.toc.topLevelItem(chapters.index("10. Crises"))
    assert "10.4 Responses" in [crises.child(i).text(0) for i in range(crises.childCount())]
    assert "secret until the outcome" in dialog.text.toPlainText()


@pytest.mark.parametrize("name", ["10.4", "Responses", "10-4-responses", "§10.4"])
def test_show_rulebook_opens_at_a_section(qtbot, tmp_path, name):
    """The adviser links hints to sections: ``show_rulebook(parent, "10.4")``."""
    from ui.dialogs.rulebook import show_rulebook

    win = start_from_welcome(qtbot, tmp_path, {"riyadh": ""})
    dialog = show_rulebook(win, name)
    qtbot.waitUntil(lambda: dialog.current_section() is not None and dialog.current_section().number == "10.4")
    assert dialog.toc.currentItem().text(0) == "10.4 Responses"
    assert show_rulebook(win, "2.3") is dialog  # one rulebook window per main window
    qtbot.waitUntil(lambda: dialog.current_section().number == "2.3")


def test_section_references_are_links(qtbot):
    from ui.dialogs.rulebook import RulebookDialog, linked, sections

    assert linked("see §12 and §10.4.") == "see [§12](#12) and [§10.4](#10.4)."
    dialog = RulebookDialog(None)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 720)
    dialog.show()
    assert dialog.go_to("1")
    dialog._link(QUrl("#12"))
    qtbot.waitUntil(lambda: dialog.current_section().number == "12")
    assert not dialog.go_to("99.9")
    assert [s.number for s in sections("## 1. A\n```\n## not a heading\n```\n### 1.1 B\n")] == ["1", "1.1"]
    dialog.search.setText("deterrence premium")
    assert dialog.find_next()


# ------------------------------------------------------------------ role briefs
def test_role_briefs_dialog_prints_the_seat_on_screen(qtbot, tmp_path):
    from ui.dialogs.briefs import BriefsDialog, show_briefs
    from ui.report_pdf import write_briefs_pdf  # noqa: F401  (the PDF writer the dialog uses)

    win = start_from_welcome(qtbot, tmp_path, {"islamabad": "", "washington": TEAM})
    win.menu_actions["briefs"].trigger()
    dialog = win.findChild(BriefsDialog, "briefs")
    assert dialog is not None and dialog.seats() == [win.viewer or "ankara"]
    dialog.close()
    dialog = show_briefs(win, "washington")
    assert dialog.seats() == ["washington"]
    assert "Role brief: " in dialog.text.toPlainText() and "What the others are known to want" in dialog.text.toPlainText()
    assert dialog.default_name(".pdf") == "briefs-pact-2026-washington.pdf"
    assert f"for {TEAM}, playing Washington" in dialog.text.toPlainText()
    out = dialog.write(tmp_path / "washington.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert 1 <= len(re.findall(rb"/Type\s*/Page(?![s\w])", out.read_bytes())) <= 2
    dialog.seat.setCurrentIndex(dialog.seat.count() - 1)
    assert dialog.seats() == list(SEATS)
    html = dialog.write(tmp_path / "all.html").read_text(encoding="utf-8")
    assert html.count("Role brief: ") == 4 and f"<b>{TEAM}</b>, playing Washington" in html


def test_brief_tab_links_to_the_printable_brief(qtbot, tmp_path):
    from ui.dialogs.briefs import BriefsDialog
    from ui.seat_panel import PRINT_BRIEF

    win = start_from_welcome(qtbot, tmp_path, {"riyadh": ""})
    panel = win.seat_panel
    assert PRINT_BRIEF in panel.brief.text()
    panel.brief.linkActivated.emit(PRINT_BRIEF)
    dialog = win.findChild(BriefsDialog, "briefs")
    assert dialog is not None and dialog.seats() == [panel._seat or "ankara"]


# ------------------------------------------------------------------ the debrief dialog
@pytest.mark.parametrize("audience", ["facilitator", "students"])
def test_debrief_dialog_writes_a_student_handout(qtbot, tmp_path, monkeypatch, audience):
    """Issue 15: the app's Debrief report dialog offers the student handout too."""
    from PySide6.QtWidgets import QFileDialog

    from ui.facilitator import debrief

    win = start_from_welcome(qtbot, tmp_path, {"riyadh": ""})
    note = "Ask Riyadh about the premium"
    win.controller.apply(A.Note("facilitator", note, -1))
    asked = {}

    def fake_save(parent, caption, suggested, filters):
        asked["suggested"] = suggested
        return str(tmp_path / "out.html"), "Web page (*.html)"

    monkeypatch.setattr(debrief, "ask_audience", lambda parent: audience)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    out = debrief.debrief_dialog(win)
    text = out.read_text(encoding="utf-8")
    assert (note in text) == (audience == "facilitator")
    assert ("student handout" in text) == (audience == "students")
    assert asked["suggested"].endswith("-handout.html" if audience == "students" else "-debrief.html")
    monkeypatch.setattr(debrief, "ask_audience", lambda parent: None)
    assert debrief.debrief_dialog(win) is None


def test_facilitator_edits_team_names(qtbot, tmp_path):
    from ui.dialogs.teams import TeamNamesDialog
    from wargame.storage import GameRecord

    win = start_from_welcome(qtbot, tmp_path, {"riyadh": TEAM, "islamabad": ""})
    act = win.menu_actions["team_names"]
    assert not act.isEnabled()  # the seats cannot rename each other
    assert win.facilitator.enter(pin="")
    assert act.isEnabled()
    dialog = TeamNamesDialog(win)
    qtbot.addWidget(dialog)
    assert set(dialog.fields) == {"riyadh", "islamabad"}
    assert dialog.fields["riyadh"].text() == TEAM and dialog.fields["islamabad"].text() == ""
    dialog.fields["islamabad"].setText("Team Indus: Sara, Omar")
    dialog.fields["riyadh"].setText("")
    names = dialog.save()
    assert names["islamabad"] == "Team Indus: Sara, Omar" and names["riyadh"] == "Riyadh"
    with GameRecord.open(win.controller.path, readonly=True) as record:
        assert {i.seat: i.name for i in record.seats}["islamabad"] == "Team Indus: Sara, Omar"
    win.handover.show_for("islamabad", "riyadh")
    assert "Team Indus: Sara, Omar" in win.handover.title.text()
