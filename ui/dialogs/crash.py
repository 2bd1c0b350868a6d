"""The crash dialog: an unhandled exception in the app is logged and explained, not fatal.

:func:`install_excepthook` replaces ``sys.excepthook``; an error in a slot or event handler
then opens :class:`CrashDialog` (what happened, where the log and the game's save file are,
a button that copies the details for a bug report) and the app goes on running.
"""
from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from wargame import resources

log = logging.getLogger("wargame.app")

SaveLookup = Callable[[], Path | None]
"""Returns the save file of the game on screen (None: an unsaved game or none)."""


def crash_details(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """The text a bug report needs: versions and the traceback."""
    import PySide6
    lines = [f"Layered Deterrence {resources.version()}",
             f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, {platform.platform()}",
             "", *traceback.format_exception(kind, value, tb)]
    return "\n".join(line.rstrip("\n") for line in lines)


class CrashDialog(QDialog):
    """Says what went wrong, where the log and the save are; copies the details."""

    def __init__(self, summary: str, details: str, log_file: Path | None, save_file: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Something went wrong")
        self.details = details
        layout = QVBoxLayout(self)
        saved = (f"Your game is saved after every move, in <b>{save_file}</b>; reopen it with "
                 "Game → Open saved game… if you quit now." if save_file else
                 "This game was not being saved to a file.")
        where = f"The details are in the log file <b>{log_file}</b>." if log_file else \
            "The log file could not be written; copy the details below instead."
        self.message = QLabel(
            f"<p><b>The app hit an error it did not expect:</b><br>{_escape(summary)}</p>"
            f"<p>{saved}</p><p>{where}</p><p>You can go on playing; if the error comes back, "
            "save a copy (Game → Save As…) and restart the app. To report it, copy the details "
            "and send them with the log file.</p>")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Error details")
        self.text.setMinimumHeight(160)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton("&Copy details")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        if log_file is not None:
            folder = QPushButton("Open &log folder")
            folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file.parent))))
            buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = buttons.addButton("&Quit the app", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.quit_button.clicked.connect(self._quit)
        self.continue_button = buttons.addButton("C&ontinue", QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(680, 460)

    def copy_details(self) -> None:
        """Put the versions and the traceback on the clipboard."""
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText("Copied")

    def _quit(self) -> None:
        self.reject()
        QApplication.quit()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CrashHandler:
    """The ``sys.excepthook`` of the app: log, then show :class:`CrashDialog` (never recursively)."""

    def __init__(self, log_file: Path | None, save_file: SaveLookup) -> None:
        self.log_file = log_file
        self.save_file = save_file
        self.showing = False
        self.last: CrashDialog | None = None

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.error("unhandled exception", exc_info=(kind, value, tb))
        details = crash_details(kind, value, tb)
        app = QApplication.instance()
        if app is None or self.showing:
            print(details, file=sys.stderr)
            return
        try:
            save = self.save_file()
        except Exception:  # the lookup must not raise inside the hook
            save = None
        self.showing = True
        try:
            self.last = CrashDialog(f"{kind.__name__}: {value}", details, self.log_file, save,
                                    QApplication.activeWindow())
            self.last.exec()
        finally:
            self.showing = False


def _log_thread_exception(args: threading.ExceptHookArgs) -> None:
    """An error in a background thread is logged (a dialog may only open on the GUI thread)."""
    log.error("unhandled exception in thread %s", getattr(args.thread, "name", "?"),
              exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
    threading.__excepthook__(args)


def install_excepthook(log_file: Path | None, save_file: SaveLookup) -> CrashHandler:
    """Make unhandled exceptions open the crash dialog (and log those of background threads);
    returns the installed handler."""
    handler = CrashHandler(log_file, save_file)
    sys.excepthook = handler
    threading.excepthook = _log_thread_exception
    return handler
