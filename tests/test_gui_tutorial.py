"""A first game that teaches itself: solo defaults, the guided first turn, adviser hints."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel


def test_new_game_defaults_to_one_person_against_the_computer(qtbot):
    """Reported: the new-game screen defaulted to two human seats for a person alone."""
    from ui.welcome import WelcomeScreen
    screen = WelcomeScreen()
    qtbot.addWidget(screen)
    people = [s.seat for s in screen.seats() if s.player == "person"]
    assert people == ["riyadh"]


def test_debrief_says_who_won_and_why_and_names_your_three_decisions(qtbot):
    """Reported: the end-game dialog had no story of who won and why, nor of your decisions."""
    from ui.dialogs.game_over import GameOverDialog
    from wargame.bots import make_bots, play_bots
    from wargame.decisions import top_decisions
    from wargame.rules.scoring import ranked
    game = _tutorial_game()
    play_bots(game, make_bots(7))
    dialog = GameOverDialog(game, people=["riyadh"])
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    order = ranked(game.scores())  # by rating: each seat against its own par
    (_, top), (_, runner) = order[0], order[1]
    best = max(top.components, key=lambda c: c.points)
    assert (f"wins with <b>{top.total:.1f}</b> points against a par of {top.par:.1f}: a rating of "
            f"<b>{top.rating:.1f}</b>, {top.rating - runner.rating:.1f} rating points ahead of") in text
    assert top.rating >= runner.rating
    assert best.label.lower() in text
    place = [s for s, _ in order].index("riyadh") + 1
    assert f"Your debrief — Riyadh, {place}" in text
    qtbot.waitUntil(lambda: dialog.workers[0].isFinished() and "Weighing" not in dialog.text.text(),
                    timeout=120_000)
    expected = top_decisions(game, "riyadh", n=3)
    text = dialog.text.text()
    assert expected and all(f"{d.text} — <b>{d.effect:+.1f}</b> points against {d.alternative}" in text
                            for d in expected)
    dialog.close()


def _tutorial_game():
    from wargame import Game, load_scenario
    return Game(load_scenario("tutorial-riyadh"), seed=7)


def test_tutorial_start_button_starts_riyadh_alone(qtbot):
    from ui.welcome import WelcomeScreen
    screen = WelcomeScreen()
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.newGame) as blocker:
        qtbot.mouseClick(screen.tutorial, Qt.MouseButton.LeftButton)
    scenario, _seed, seats = blocker.args
    assert scenario == "tutorial-riyadh"
    assert [s.seat for s in seats if s.player == "person"] == ["riyadh"]


def test_tutorial_first_quarter_walks_a_deal_an_investment_and_a_crisis(qtbot):
    """Play the tutorial's first quarter the way its steps say, through the panel and forms."""
    from ui.action_panel import ActionPanel
    from ui.forms.base import select_data
    from ui.forms.moves import form_for
    from ui.forms.propose import ProposeForm
    from ui.tutorial import STEPS, progress
    from wargame import actions as A
    from wargame.bots import make_bots
    g = _tutorial_game()
    bots = make_bots(7)
    panel = ActionPanel()
    qtbot.addWidget(panel)

    def bots_until_riyadh() -> None:
        while "riyadh" not in g.acting_seats() and not g.over and g.turn == 1:
            g.apply(bots[g.acting_seats()[0]].choose(g))

    def current() -> str:
        panel.set_game(g, "riyadh")
        return panel.tutorial.current.text()

    assert progress(g) == 0 and "Arms sale" in current()
    form = ProposeForm(g, "riyadh")  # step 1: the deal the tutorial suggests
    qtbot.addWidget(form)
    assert select_data(form.deal, "arms_sale") and select_data(form._combo("partner"), "ankara")
    assert dict(form.build().terms)["seller"] == "ankara" and "Your score:" in form.consequences.text()
    form._confirm()
    g.apply(form.action)
    assert progress(g) == 1 and STEPS[1].hint.text in current()
    g.apply(A.EndPhase("riyadh"))  # step 2
    bots_until_riyadh()
    assert g.phase == "investment" and progress(g) == 2
    invest = form_for("invest", g, "riyadh")  # step 3
    qtbot.addWidget(invest)
    select_data(invest.boxes["domain"], "amd")
    invest._confirm()
    g.apply(invest.action)
    assert progress(g) == 3
    g.apply(A.EndPhase("riyadh"))  # step 4
    bots_until_riyadh()
    assert progress(g) == 4
    assert g.state.crisis is not None, "the tutorial scenario draws a crisis in the first quarter"
    if "riyadh" in g.acting_seats():  # step 5: Riyadh is tested or called on
        from ui.dialogs.crisis import CrisisDialog
        dialog = CrisisDialog(g, "riyadh")
        qtbot.addWidget(dialog)
        assert dialog.odds_labels
        dialog._confirm()
        g.apply(dialog.action)
    bots_until_riyadh()
    assert progress(g) == len(STEPS)
    assert "Well done" in current()


def test_adviser_hints_follow_the_game_and_link_the_rulebook(qtbot):
    """F1 must not repeat the welcome paragraph: its hints depend on the phase and the inbox."""
    from ui.adviser import HelpDialog, advise
    from ui.dialogs.rulebook import find_section, sections
    from wargame import actions as A
    from wargame.resources import rulebook_text
    g = _tutorial_game()
    first = [h.title for h in advise(g, "islamabad")]
    g.apply(A.Propose("riyadh", "loan", ("islamabad",),
                      A.make_terms(lender="riyadh", borrower="islamabad", amount=1000, rate=4.0, turns=8)))
    assert advise(g, "islamabad")[0].title == "Answer your inbox" and "Answer your inbox" not in first
    book = sections(rulebook_text())
    for seat in ("riyadh", "islamabad"):
        for hint in advise(g, seat):
            assert find_section(book, hint.section) is not None, hint.section
    dialog = HelpDialog(g, "islamabad")
    qtbot.addWidget(dialog)
    assert "rules:4.1" in dialog.labels[0].text()


def test_adviser_link_opens_the_rulebook_at_its_section(qtbot):
    from ui.adviser import HelpDialog
    from ui.dialogs.rulebook import RulebookDialog
    g = _tutorial_game()
    dialog = HelpDialog(g, "riyadh")
    qtbot.addWidget(dialog)
    label = dialog.labels[0]
    label.linkActivated.emit(f"rules:{dialog.hints[0].section}")
    book = dialog.findChild(RulebookDialog) or label.window().findChild(RulebookDialog)
    assert book is not None
    qtbot.addWidget(book)
    assert book.current_section().number == dialog.hints[0].section


def test_f1_opens_the_adviser_for_the_seat_on_screen(qtbot):
    """Reported: F1 repeated the welcome paragraph."""
    from ui.adapter import GameController
    from ui.adviser import HelpDialog
    from ui.main_menus import HOW_TO_PLAY
    from ui.main_window import MainWindow
    g = _tutorial_game()
    c = GameController(g, {"ankara": "computer", "islamabad": "computer", "washington": "computer"})
    c.set_paused(True)
    win = MainWindow(c)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    next(a for a in win.findChildren(QAction) if a.text() == "&Adviser and how to play").trigger()
    dialog = win.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Riyadh" in dialog.findChild(QLabel).text()
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Propose a deal" in shown and "rules:4.2" in shown
    assert HOW_TO_PLAY.split("</h3>")[1][:60] not in shown  # not the welcome paragraph again
    dialog.close()


def test_difficulty_level_chosen_on_the_new_game_screen_plays_the_computer_seats(qtbot, tmp_path):
    """Difficulty levels on the new-game screen (the engine's wargame.players registry)."""
    from ui.app import new_session_controller
    from ui.forms.base import select_data
    from ui.welcome import WelcomeScreen
    from wargame.players import LEVELS
    from wargame.search_bot import SearchBot
    screen = WelcomeScreen()
    qtbot.addWidget(screen)
    assert [screen.level.itemData(i) for i in range(screen.level.count())] == [lv.id for lv in LEVELS]
    assert select_data(screen.level, "search-small")
    with qtbot.waitSignal(screen.newGame) as blocker:
        qtbot.mouseClick(screen.start, Qt.MouseButton.LeftButton)
    scenario, seed, seats = blocker.args
    levels = screen.levels(seats)
    assert levels == {"ankara": "search-small", "islamabad": "search-small", "washington": "search-small"}
    controller = new_session_controller(scenario, seed, seats, path=str(tmp_path / "g.wargame"), levels=levels)
    try:
        assert all(isinstance(controller._bots[s], SearchBot) for s in levels)
        assert "riyadh" not in controller._bots
    finally:
        controller.close()


def test_tutorial_says_when_the_crisis_does_not_call_on_riyadh(qtbot):
    from ui.tutorial import TutorialBox, progress
    from wargame import actions as A
    g = _tutorial_game()
    g.apply(A.Propose("riyadh", "arms_sale", ("ankara",),
                      A.make_terms(seller="ankara", buyer="riyadh", value=1000, turns=4, domain="amd")))
    g.apply(A.InjectCrisis("facilitator", "east_med_standoff", "ankara"))
    while g.phase != "crisis":
        if g.phase == "investment" and not any(a.kind == "invest" for a in g.actions):
            g.apply(A.Invest("riyadh", "amd", 500))
        for seat in list(g.acting_seats()):
            g.apply(A.EndPhase(seat))
    assert g.state.crisis is not None and "riyadh" not in g.state.crisis.obligations
    assert progress(g) == 4
    box = TutorialBox(g)
    qtbot.addWidget(box)
    assert "does not call on Riyadh" in box.current.text()


def test_debrief_worker_stops_when_its_window_goes(qtbot):
    """Deleting the window under a debrief still weighing decisions stops the worker, no crash."""
    import shiboken6
    from PySide6.QtWidgets import QWidget
    from ui.dialogs import game_over
    from wargame.bots import make_bots, play_bots
    game = _tutorial_game()
    play_bots(game, make_bots(7))
    parent = QWidget()
    dialog = game_over.GameOverDialog(game, parent, people=["riyadh"])
    worker = dialog.workers[0]
    shiboken6.delete(parent)
    qtbot.waitUntil(worker.isFinished, timeout=60_000)
    qtbot.waitUntil(lambda: worker not in game_over._RUNNING, timeout=10_000)
