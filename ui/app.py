"""Starting the desktop app: the welcome screen, new and saved games, and headless screenshots."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Sequence

# The engine first: once PySide6 is loaded, shiboken's import hook reads the source of every
# module imported after it, which costs ~25 ms more for the engine and pydantic at start-up.
import wargame.rules.game  # noqa: F401  (imported for its side effect: loaded before Qt)
from wargame.types import SEATS

from PySide6.QtCore import QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from ui import settings  # noqa: E402
from ui.adapter import COMPUTER, GameController  # noqa: E402

SCREENSHOT_SIZE = (1600, 900)


def ensure_app(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once, with the project's theme)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv or sys.argv[:1]))
        app.setApplicationName("Layered Deterrence")
        app.setOrganizationName(settings.ORGANISATION)
        from ui.dialogs.about import app_icon
        app.setWindowIcon(app_icon())
        from ui.theme import apply_theme
        apply_theme(app, large=settings.get("view/large", "false") in (True, "true"))
    return app  # type: ignore[return-value]


def new_session_controller(scenario: str, seed: int, seats: list[Any], path: str | None = None,
                           parent: QObject | None = None,
                           levels: dict[str, str] | None = None) -> GameController:
    """A new saved game (``seats``: ``wargame.storage.SeatInfo``; ``levels``: the computer
    seats' difficulty) and its controller."""
    from wargame.scenario import load_scenario
    from wargame.storage import Session, new_save_path
    target = path or str(new_save_path(scenario))
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    session = Session.new(target, load_scenario(scenario), seed, seats)
    try:
        if levels:
            from wargame.players import LEVELS_META
            session.record.set_meta(LEVELS_META, dict(levels))  # reopening the save keeps them
        return GameController.from_session(session, parent, levels=levels)
    except BaseException:
        session.close()  # and its play lock
        raise


def open_session_controller(path: str, parent: QObject | None = None) -> GameController:
    """Resume a saved game for play; raises ``SaveError`` with a message for the player
    (``SaveInUse`` if another window or process plays it)."""
    from wargame.storage import Session
    from wargame.storage.hostile import save_content
    with save_content(str(path)):
        from wargame.players import saved_levels
        session = Session.resume(path)  # takes the play lock: SaveInUse if open elsewhere
        try:
            return GameController.from_session(session, parent, levels=saved_levels(session.record))
        except BaseException:
            session.close()
            raise



def demo_controller(scenario: str = "pact-2026", seed: int = 7, turns: int = 3) -> GameController:
    """An unsaved game played by the computer up to ``turns`` quarters (for screenshots)."""
    from wargame.bots import make_bots
    from wargame.rules.game import Game
    game = Game(scenario, seed)
    bots = make_bots(seed)
    while not game.over and game.turn <= turns:
        game.apply(bots[game.acting_seats()[0]].choose(game))
    while not game.over and game.phase != "diplomacy":
        game.apply(bots[game.acting_seats()[0]].choose(game))
    return GameController(game, {s: COMPUTER for s in SEATS})


def saved_controller_at(path: str, turn: int | None) -> GameController:
    """A read-only controller on a save, at the start of ``turn`` (or its end state)."""
    from wargame.storage import GameRecord
    from wargame.storage.hostile import save_content
    with save_content(str(path)):
        record = GameRecord.open(path, readonly=True)
        try:
            game = record.game_at_turn(turn) if turn is not None else record.load()
            from wargame.storage.rows import check_seats
            check_seats(record.where, record.seats)
            players = {i.seat: i.player for i in record.seats}
            styles = {i.seat: i.style for i in record.seats}
        finally:
            record.close()
    controller = GameController(game, players, styles)
    controller.set_paused(True)
    return controller


def grab(window: QWidget, path: str) -> bool:
    """Render ``window`` to a PNG file (maps laid out for their final size first)."""
    from ui.map_canvas import MapCanvas
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    for canvas in window.findChildren(MapCanvas):
        canvas.flush_layout()  # a resize lays the map out again only once resizing pauses
    app.processEvents()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return window.grab().save(str(path))


def install_language(app: QApplication, lang: str | None = None) -> str:
    """Install ``lang`` (a code the caller has checked) or else the chosen language into ``app``;
    returns the code installed."""
    from ui import i18n
    return i18n.install(lang or i18n.chosen_language(), app).code


def screenshot(path: str, save: str | None = None, turn: int | None = None,
               size: tuple[int, int] = SCREENSHOT_SIZE, scenario: str = "pact-2026", seed: int = 7,
               lang: str | None = None) -> int:
    """Render the main window at ``size`` to ``path`` in ``lang`` (default: the app's chosen
    language) and return an exit code."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    install_language(ensure_app(), lang)
    from ui.main_window import MainWindow
    try:
        controller = saved_controller_at(save, turn) if save else demo_controller(scenario, seed)
    except Exception as err:  # a bad save: say so, no traceback
        print(f"error: {err}", file=sys.stderr)
        return 1
    controller.set_paused(True)
    window = MainWindow(controller, restore=False)
    window.resize(*size)
    window.show()
    ok = grab(window, path)
    window.close()
    print(f"screenshot: {path}" if ok else f"error: could not write {path}", file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


class App(QObject):
    """The running app: the welcome screen, then one main window per game."""

    def __init__(self) -> None:
        super().__init__()
        self.window: Any = None
        self.welcome: Any = None

    def show_welcome(self) -> None:
        """Show the welcome screen (new game, open, recent games, how to play)."""
        from ui.welcome import WelcomeScreen
        self.welcome = WelcomeScreen()
        self.welcome.newGame.connect(self.start_new)
        self.welcome.openGame.connect(self.open_path)
        self.welcome.show()

    def start_new(self, scenario: str, seed: int, seats: list[Any]) -> None:
        """Create a new saved game and show it."""
        from wargame.storage import SaveError
        try:
            levels = self.welcome.levels(seats) if self.welcome is not None else None
            controller = new_session_controller(scenario, seed, seats, levels=levels)
        except (SaveError, OSError) as err:
            QMessageBox.critical(self.welcome or self.window, self.tr("Could not start the game"), str(err))
            return
        self._show(controller)

    def open_path(self, path: str) -> bool:
        """Open a saved game; a bad file gets a clear message, never a crash. A game open for
        play elsewhere (another window or process holds its lock) gets a dialog saying so and
        stays in the recent files. The game on screen is read again from its save, keeping the
        lock this window holds."""
        from wargame.errors import WargameError
        from wargame.storage.lock import SaveInUse
        if self._showing(path):
            return self._reopen(path)
        try:
            controller = open_session_controller(path)
        except SaveInUse as err:
            QMessageBox.critical(self.window or self.welcome, self.tr("The game is open elsewhere"), str(err))
            return False
        except (WargameError, OSError) as err:
            settings.remove_recent_file(path)
            QMessageBox.critical(self.window or self.welcome, self.tr("Could not open the game"), str(err))
            return False
        settings.add_recent_file(path)
        self._show(controller)
        return True

    def _reopen(self, path: str) -> bool:
        from wargame.errors import WargameError
        from wargame.players import saved_levels
        from wargame.storage.hostile import save_content
        old = self.window.controller
        try:
            with save_content(path):
                old.session.reload()
                levels = saved_levels(old.session.record)
        except (WargameError, OSError) as err:
            QMessageBox.critical(self.window, self.tr("Could not open the game"), str(err))
            return False
        self._show(GameController.from_session(old.detach_session(), levels=levels))
        return True

    def _showing(self, path: str) -> bool:
        """Whether ``path`` is the save of the game on screen."""
        current = self.save_file()
        try:
            return current is not None and "://" not in str(path) and \
                Path(current).resolve() == Path(path).resolve()
        except OSError:
            return False

    def save_file(self) -> Path | None:
        """The save file of the game on screen, if any (the crash dialog names it)."""
        controller = getattr(self.window, "controller", None)
        return controller.path if controller is not None else None

    def _show(self, controller: GameController) -> None:
        from ui.main_window import MainWindow
        if self.window is None:
            self.window = MainWindow(controller)
            self.window.newGameRequested.connect(self.show_welcome)
            self.window.openRequested.connect(self.open_path)
            if settings.window_geometry() is None:
                self.window.fit_to_screen()
            self.window.show()
        else:
            self.window.set_controller(controller)
            self.window.raise_()
        if self.welcome is not None:
            self.welcome.close()
            self.welcome = None


def run(save: str | None = None, scenario: str | None = None, seed: int | None = None,
        lang: str | None = None) -> int:
    """Start the app in ``lang`` (default: the language chosen in the app, else the system's):
    open ``save`` directly, or show the welcome screen.

    The app logs to a rotating file (:mod:`ui.app_log`) and an unexpected error opens the
    crash dialog (:mod:`ui.dialogs.crash`) instead of ending the app.
    """
    from ui.app_log import setup_logging
    from ui.dialogs.crash import install_excepthook
    log_file = setup_logging()
    app = ensure_app()
    install_language(app, lang)
    from ui.scenario_folder import apply_saved_folder
    apply_saved_folder()  # the teacher's own scenario folder, if one was chosen
    main = App()
    install_excepthook(log_file, main.save_file)
    if save:
        if not main.open_path(save):
            return 1
    else:
        main.show_welcome()
        if scenario or seed is not None:
            main.welcome.preset(scenario, seed)
    return app.exec()
