"""A first game that teaches itself: solo defaults, the guided first turn, adviser hints."""
from __future__ import annotations


def test_new_game_defaults_to_one_person_against_the_computer(qtbot):
    """Reported: the new-game screen defaulted to two human seats for a person alone."""
    from ui.welcome import WelcomeScreen
    screen = WelcomeScreen()
    qtbot.addWidget(screen)
    people = [s.seat for s in screen.seats() if s.player == "person"]
    assert people == ["riyadh"]
