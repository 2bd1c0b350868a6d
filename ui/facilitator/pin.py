"""The facilitator's PIN: only a salted PBKDF2 hash is kept, in the app's settings (QSettings).

Each game has its own PIN, stored under a key derived from its save file's path (unsaved games
use their scenario and seed). A stored empty value means "asked once, the facilitator chose no
PIN", so the app does not ask again. A PIN typed on the welcome screen is parked as *pending*
until the new game's file exists, then claimed by that game (see :func:`claim_pending`).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ui import settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit

ITERATIONS = 120_000
PREFIX = "facilitator/pin/"
PENDING = "facilitator/pending_pin"
PENDING_MAX_AGE = 600.0
"""Seconds a PIN typed on the welcome screen waits for its game to be created."""


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """``pbkdf2_sha256$iterations$salt$hash`` (hex) of ``pin`` with a fresh random salt."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches a :func:`hash_pin` string (constant-time comparison)."""
    try:
        algo, iterations, salt, digest = stored.split("$")
        if algo != "pbkdf2_sha256":
            return False
        again = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), bytes.fromhex(salt), int(iterations))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(again.hex(), digest)


def game_key(path: str | os.PathLike[str] | None, scenario: str = "", seed: int = 0) -> str:
    """The settings key of a game: a hash of its save path (or of scenario and seed if unsaved)."""
    ident = str(Path(path).resolve()) if path else f"unsaved:{scenario}:{seed}"
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:24]


def _stored(key: str) -> str | None:
    value = settings.get(PREFIX + key)
    return value if isinstance(value, str) else None


def has_pin(key: str) -> bool:
    """Whether the game has a PIN."""
    return bool(_stored(key))


def was_asked(key: str) -> bool:
    """Whether the facilitator already chose a PIN, or chose none, for this game."""
    return _stored(key) is not None


def set_pin(key: str, pin: str) -> None:
    """Protect the game with ``pin`` (an empty PIN records "no PIN")."""
    settings.put(PREFIX + key, hash_pin(pin) if pin else "")


def check_pin(key: str, pin: str) -> bool:
    """Whether ``pin`` opens the game's facilitator mode (always true without a PIN)."""
    stored = _stored(key)
    return not stored or verify(pin, stored)


def copy_pin(old: str, new: str) -> None:
    """Give the game's new key (after Save As) the PIN choice of its old key."""
    stored = _stored(old)
    if stored is not None and old != new:
        settings.put(PREFIX + new, stored)


def remember_new_game_pin(pin: str, scenario: str, seed: int) -> None:
    """Park the PIN typed on the welcome screen until the new game's file exists."""
    if not pin:
        settings.put(PENDING, "")
        return
    settings.put(PENDING, json.dumps({"hash": hash_pin(pin), "scenario": scenario, "seed": int(seed),
                                      "time": time.time()}))


def claim_pending(key: str, scenario: str, seed: int, fresh: bool) -> bool:
    """Give the parked welcome-screen PIN to a new game (``fresh``: no action yet) that matches it."""
    raw = settings.get(PENDING)
    if not raw or not isinstance(raw, str):
        return False
    try:
        data = json.loads(raw)
    except ValueError:
        settings.put(PENDING, "")
        return False
    if time.time() - float(data.get("time", 0)) > PENDING_MAX_AGE:
        settings.put(PENDING, "")
        return False
    if not fresh or data.get("scenario") != scenario or data.get("seed") != seed or was_asked(key):
        return False
    settings.put(PREFIX + key, data["hash"])
    settings.put(PENDING, "")
    return True


def pin_field() -> "QLineEdit":
    """The welcome screen's optional PIN field (typed characters hidden)."""
    from PySide6.QtWidgets import QLineEdit
    edit = QLineEdit()
    edit.setObjectName("facilitator_pin")
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(32)
    edit.setPlaceholderText("optional — protects facilitator mode (see the Facilitator menu)")
    edit.setToolTip("Only a salted hash of the PIN is kept, never the PIN itself.")
    return edit
