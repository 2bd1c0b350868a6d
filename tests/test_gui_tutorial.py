"""A first game that teaches itself: solo defaults, the guided first turn, adviser hints."""
from __future__ import annotations


def test_new_game_defaults_to_one_person_against_the_computer(qtbot):
    """Reported: the new-game screen defaulted to two human seats for a person alone."""
    from ui.welcome import WelcomeScreen
    screen = WelcomeScreen()
    qtbot.addWidget(screen)
    people = [s.seat for s in screen.seats() if s.player == "person"]
    assert people == ["riyadh"]


def test_debrief_says_who_won_and_why(qtbot):
    """Reported: the end-game dialog had no story of who won and why."""
    from ui.dialogs.game_over import GameOverDialog
    from wargame import Game, load_scenario
    from wargame.bots import make_bots, play_bots
    game = Game(load_scenario("pact-2026"), seed=7)
    play_bots(game, make_bots(7))
    dialog = GameOverDialog(game, people=["riyadh"])
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    ranked = sorted(game.scores().items(), key=lambda kv: -kv[1].total)
    (first, top), (_, runner) = ranked[0], ranked[1]
    best = max(top.components, key=lambda c: c.points)
    assert f"wins with <b>{top.total:.1f}</b>, {top.total - runner.total:.1f} points ahead of" in text
    assert best.label.lower() in text
    place = [s for s, _ in ranked].index("riyadh") + 1
    assert f"Your debrief — Riyadh, {place}" in text
