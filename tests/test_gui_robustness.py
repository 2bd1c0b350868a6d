"""App robustness: the log file, the crash dialog instead of dying, Help → About."""
from __future__ import annotations

import logging
import os
import sys
import threading

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui import app_log  # noqa: E402
from ui.dialogs.about import AboutDialog, file_locations  # noqa: E402
from ui.dialogs.crash import CrashDialog, install_excepthook  # noqa: E402
from wargame import resources  # noqa: E402


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    """The app's log in a temporary folder; the handler is removed afterwards."""
    monkeypatch.setenv(app_log.LOG_ENV, str(tmp_path))
    root = logging.getLogger()
    before = list(root.handlers)
    yield tmp_path
    for handler in root.handlers:
        if handler not in before:
            handler.close()
            root.removeHandler(handler)


def test_log_file_under_the_log_folder_rotates(log_dir):
    path = app_log.setup_logging()
    assert path == log_dir / "wargame.log"
    assert app_log.setup_logging() == path  # once per process
    logging.getLogger("wargame.app").info("hello from the test")
    text = path.read_text(encoding="utf-8")
    assert f"Layered Deterrence {resources.version()} started" in text and "hello from the test" in text
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "wargame_log", False))
    assert (handler.maxBytes, handler.backupCount) == (app_log.MAX_BYTES, app_log.BACKUPS)


def test_default_log_folder_is_the_platforms(monkeypatch):
    monkeypatch.delenv(app_log.LOG_ENV, raising=False)
    from platformdirs import user_log_path
    assert app_log.log_dir() == user_log_path("LayeredDeterrence", appauthor=False)


def _raise_in_slot():
    raise RuntimeError("the map could not be drawn")


def test_unhandled_exception_opens_the_crash_dialog_and_the_app_goes_on(qtbot, log_dir, tmp_path,
                                                                         monkeypatch):
    """An error in a slot is logged and explained (log, save file, details) instead of a crash."""
    log_file = app_log.setup_logging()
    save = tmp_path / "class.wargame"
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    handler = install_excepthook(log_file, lambda: save)
    assert sys.excepthook is handler
    seen: dict[str, object] = {}

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        if isinstance(dialog, CrashDialog):
            seen["message"] = dialog.message.text()
            seen["details"] = dialog.text.toPlainText()
            dialog.copy_details()
            seen["clipboard"] = QGuiApplication.clipboard().text()
            dialog.continue_button.click()

    QTimer.singleShot(0, inspect)
    try:
        _raise_in_slot()
    except RuntimeError:
        handler(*sys.exc_info())
    assert isinstance(seen["dialog"], CrashDialog)
    message = str(seen["message"])
    assert "RuntimeError: the map could not be drawn" in message
    assert str(log_file) in message and str(save) in message
    assert "_raise_in_slot" in str(seen["details"]) and seen["clipboard"] == seen["details"]
    assert "Traceback" in log_file.read_text(encoding="utf-8")
    assert not handler.showing

    def fail_in_thread() -> None:
        raise ValueError("a background job failed")
    worker = threading.Thread(target=fail_in_thread, name="whatif-runner")
    worker.start()
    worker.join()
    text = log_file.read_text(encoding="utf-8")
    assert "unhandled exception in thread whatif-runner" in text and "a background job failed" in text


def test_about_shows_version_licence_credits_and_locations(qtbot, log_dir, tmp_path):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.summary.text()
    assert f"Layered Deterrence {resources.version()}" in text
    assert "Natural Earth" in text and "MIT" in text
    for what, where in file_locations():
        assert what in text
    assert str(log_dir / "wargame.log") in text
    assert resources.license_text().startswith("MIT License")
    assert dialog.licence.toPlainText().startswith("MIT License")
    dialog.resize(760, 560)
    dialog.show()
    assert dialog.grab().save(str(tmp_path / "about.png"))


def test_help_menu_has_about(mid_game, qtbot):
    from ui.adapter import COMPUTER, GameController
    from ui.main_window import MainWindow
    controller = GameController(mid_game, {s: COMPUTER for s in mid_game.state.seats})
    controller.set_paused(True)
    win = MainWindow(controller, restore=False)
    qtbot.addWidget(win)
    help_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Help")
    assert "&About Layered Deterrence" in [a.text() for a in help_menu.actions()]
    assert win.menu_actions["about"].menuRole().name == "AboutRole"


def test_welcome_lists_a_teachers_folder_chosen_once_and_remembered(qtbot, tmp_path):
    """"Your scenarios…" on the welcome screen: the folder is used, listed first, remembered."""
    from ui import scenario_folder
    from ui.welcome import WelcomeScreen
    from wargame.scenario import scenario_dirs, use_scenario_dirs
    (tmp_path / "week-6.toml").write_text('extends = "pact-2026"\n[meta]\nid = "week-6"\n'
                                          'title = "Week 6 variant"\n', encoding="utf-8")
    try:
        welcome = WelcomeScreen()
        qtbot.addWidget(welcome)
        assert welcome.scenario.findData("week-6") == -1
        assert scenario_folder.choose_folder(welcome, str(tmp_path)) == tmp_path
        scenario_folder.fill_scenarios(welcome.scenario)
        assert welcome.scenario.itemData(0) == "week-6"
        assert welcome.scenario.findData("pact-2026") > 0
        use_scenario_dirs([])  # as at the next start, before the setting is applied
        scenario_folder.apply_saved_folder()
        assert scenario_dirs()[0] == tmp_path
    finally:
        use_scenario_dirs([])
        from ui import settings
        settings.put(scenario_folder.SETTING, "")


LIVE_APP = r"""
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import app as ui_app
ui_app.ensure_app()
from ui.dialogs.crash import CrashDialog

def boom():
    raise RuntimeError("slot failed on purpose")

def check():
    dialog = QApplication.activeModalWidget()
    print("crash dialog shown:", isinstance(dialog, CrashDialog), flush=True)
    if dialog is not None:
        dialog.accept()
    QTimer.singleShot(50, QApplication.quit)

QTimer.singleShot(300, boom)
QTimer.singleShot(900, check)
print("exit status:", ui_app.run(), flush=True)
"""


def test_the_running_app_survives_an_error_in_a_slot(tmp_path):
    """``wargame``'s app (ui.app.run) turns an exception in a Qt slot into the crash dialog and
    keeps running; the traceback goes to the log file."""
    import subprocess
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WARGAME_LOG_DIR=str(tmp_path / "log"),
               WARGAME_SETTINGS_DIR=str(tmp_path / "settings"),
               PYTHONPATH=os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-c", LIVE_APP], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert "crash dialog shown: True" in out.stdout, out.stderr[-2000:]
    assert "exit status: 0" in out.stdout
    log_text = (tmp_path / "log" / "wargame.log").read_text(encoding="utf-8")
    assert "unhandled exception" in log_text and "RuntimeError: slot failed on purpose" in log_text
