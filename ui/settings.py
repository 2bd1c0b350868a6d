"""Persistent preferences of the app (QSettings): recent games, window layout, last choices."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "LayeredDeterrence"
APPLICATION = "wargame"
MAX_RECENT = 8


def settings() -> QSettings:
    """The app's settings store (an INI file under ``$WARGAME_SETTINGS_DIR`` when set, for tests)."""
    folder = os.environ.get("WARGAME_SETTINGS_DIR")
    if folder:
        return QSettings(str(Path(folder) / "wargame.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def recent_files() -> list[str]:
    """Recently opened or saved games, newest first, only those that still exist."""
    value = settings().value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [p for p in (value or []) if p and Path(p).exists()][:MAX_RECENT]


def add_recent_file(path: str | os.PathLike[str]) -> None:
    """Put ``path`` at the top of the recent games."""
    text = str(Path(path).resolve())
    items = [p for p in recent_files() if p != text]
    settings().setValue("recent", [text, *items][:MAX_RECENT])


def remove_recent_file(path: str) -> None:
    """Forget a recent game (e.g. after it failed to open)."""
    text = str(Path(path).resolve())
    settings().setValue("recent", [p for p in recent_files() if p != text])


def save_window(geometry: QByteArray, state: QByteArray) -> None:
    """Remember the main window's geometry and dock/toolbar layout."""
    s = settings()
    s.setValue("window/geometry", geometry)
    s.setValue("window/state", state)


def window_geometry() -> QByteArray | None:
    """The remembered main window geometry, if any."""
    value = settings().value("window/geometry")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def window_state() -> QByteArray | None:
    """The remembered dock/toolbar layout, if any."""
    value = settings().value("window/state")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def get(key: str, default: object = None) -> object:
    """Any remembered value (last scenario, seed, seat choices...)."""
    return settings().value(key, default)


def put(key: str, value: object) -> None:
    """Remember a value."""
    settings().setValue(key, value)
