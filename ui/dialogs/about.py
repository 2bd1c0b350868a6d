"""Help → About: version, licence, data credits and where the app keeps its files."""
from __future__ import annotations

import html
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMenu,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from wargame import resources

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ICON = Path(str(files("ui") / "icons" / "wargame.png"))
"""The app icon (drawn by tools/make_icon.py), shipped as package data of ``ui``."""


def app_icon() -> QIcon:
    """The app's icon (window title bars, task bar, this dialog)."""
    return QIcon(str(ICON))


def file_locations() -> list[tuple[str, str]]:
    """``(what, where)`` for every folder or file the app reads or writes."""
    from wargame.scenario import scenario_dirs
    from wargame.storage import default_saves_dir
    from ui import settings
    from ui.app_log import log_path
    dirs = scenario_dirs()
    own = [str(d) for d in dirs[:-1]]
    return [("Saved games", str(default_saves_dir())),
            ("Log file", str(log_path())),
            ("Settings", settings.settings().fileName()),
            ("Built-in scenarios", str(dirs[-1])),
            ("Your scenario folders", ", ".join(own) if own else "none (set one with --scenarios-dir)"),
            ("Rulebook", str(resources.rulebook_path()))]


class AboutDialog(QDialog):
    """Version, licence, Natural Earth attribution, and the data and log locations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Layered Deterrence")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QPixmap(str(ICON)).scaled(96, 96, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        icon.setAccessibleName("Layered Deterrence icon")
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        rows = "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
                       for k, v in file_locations())
        self.summary = QLabel(
            f"<h2>Layered Deterrence {html.escape(resources.version())}</h2>"
            "<p>A strategic wargame of the Saudi–Pakistani Strategic Mutual Defence Agreement "
            "(September 2025) and Turkey's talks to join it.</p>"
            f"<p><b>Licence:</b> {html.escape(resources.license_name())} (the full text is below).<br>"
            "<b>Map data:</b> Made with Natural Earth — free vector and raster map data at "
            "naturalearthdata.com (public domain), 1:50m admin-0 country outlines.</p>"
            f"<table>{rows}</table>")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        self.licence = QPlainTextEdit(resources.license_text())
        self.licence.setReadOnly(True)
        self.licence.setAccessibleName("Licence text")
        layout.addWidget(self.licence, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setWindowIcon(app_icon())
        self.resize(760, 560)


def install_menu(win: "MainWindow", menu: QMenu, acts: dict[str, QAction]) -> QAction:
    """Add Help → About to ``menu`` of ``win`` (as ``acts["about"]``)."""
    act = QAction("&About Layered Deterrence", win)
    act.setMenuRole(QAction.MenuRole.AboutRole)
    act.setStatusTip("Version, licence, map credits and where the app keeps its files")
    act.triggered.connect(lambda _=False: AboutDialog(win).exec())
    menu.addAction(act)
    acts["about"] = act
    return act
