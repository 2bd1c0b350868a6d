"""Help → About: version, licence, data credits and where the app keeps its files."""
from __future__ import annotations

import html
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMenu,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from wargame import resources

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate

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
    return [(translate("About", "Saved games"), str(default_saves_dir())),
            (translate("About", "Log file"), str(log_path())),
            (translate("About", "Settings"), settings.settings().fileName()),
            (translate("About", "Built-in scenarios"), str(dirs[-1])),
            (translate("About", "Your scenario folders"), ", ".join(own) if own
             else translate("About", "none (set one with --scenarios-dir)")),
            (translate("About", "Rulebook"), str(resources.rulebook_path()))]


class AboutDialog(QDialog):
    """Version, licence, Natural Earth attribution, and the data and log locations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("About", "About Layered Deterrence"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QPixmap(str(ICON)).scaled(96, 96, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        icon.setAccessibleName(translate("About", "Layered Deterrence icon"))
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        rows = "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
                       for k, v in file_locations())
        self.summary = QLabel(
            translate("About", "<h2>Layered Deterrence {version}</h2>"
                      "<p>A strategic wargame of the Saudi–Pakistani Strategic Mutual Defence Agreement "
                      "(September 2025) and Turkey's talks to join it.</p>"
                      "<p><b>Licence:</b> {licence} (the full text is below).<br>"
                      "<b>Map data:</b> Made with Natural Earth — free vector and raster map data at "
                      "naturalearthdata.com (public domain), 1:50m admin-0 country outlines.</p>").format(
                version=html.escape(resources.version()), licence=html.escape(resources.license_name()))
            + f"<table>{rows}</table>")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        self.licence = QPlainTextEdit(resources.license_text())
        self.licence.setReadOnly(True)
        self.licence.setAccessibleName(translate("About", "Licence text"))
        layout.addWidget(self.licence, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setWindowIcon(app_icon())
        self.resize(760, 560)


def action_texts() -> dict[str, tuple[str, str]]:
    """Help → About's menu text and tip, in the app's language now."""
    return {"about": (translate("About", "&About Layered Deterrence"),
                      translate("About", "Version, licence, map credits and where the app keeps its files"))}


def install_menu(win: "MainWindow", menu: QMenu, acts: dict[str, QAction]) -> QAction:
    """Add Help → About to ``menu`` of ``win`` (as ``acts["about"]``)."""
    text, tip = action_texts()["about"]
    act = QAction(text, win)
    act.setMenuRole(QAction.MenuRole.AboutRole)
    act.setStatusTip(tip)
    act.triggered.connect(lambda _=False: AboutDialog(win).exec())
    menu.addAction(act)
    acts["about"] = act
    return act
