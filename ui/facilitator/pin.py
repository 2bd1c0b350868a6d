"""The facilitator's PIN: only a salted PBKDF2 hash is kept, in the game's own save.

The hash lives in the save file (its ``game_meta`` table), so copying or renaming the save keeps
the PIN, and editing the app's settings cannot lift it. A game not saved yet keeps its PIN in
the app's settings until it is saved; the PIN then moves into the save. Wrong attempts are
counted in the save too: after :data:`FREE_TRIES` wrong PINs each further try must wait longer
(:func:`locked_for`), and restarting the app does not reset the count. docs/pin.md says what the
PIN protects and what it does not.

A stored empty value means "asked once, the facilitator chose no PIN", so the app does not ask
again. A PIN typed on the welcome screen is parked as *pending* until the new game's file
exists, then claimed by that game (see :func:`claim_pending`).
"""
from __future__ import annotations

from abc import ABC, abstractmethod

import hashlib
import hmac
import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


SAVE_PIN = "facilitator_pin"
SAVE_FAILURES = "facilitator_pin_failures"
FREE_TRIES = 3
"""Wrong PINs allowed before each further try must wait."""
MAX_WAIT = 900.0


class PinBook(ABC):
    """Where one game's PIN hash and failed attempts are kept: its save, or (unsaved) the settings."""

    @abstractmethod
    def read(self, name: str) -> Any:
        """The stored value ``name`` (``pin``: the hash, ``failures``: the attempt record), or None."""

    @abstractmethod
    def write(self, name: str, value: Any) -> None:
        """Store ``value`` under ``name``."""


class SettingsPins(PinBook):
    """A PIN kept in the app's settings under a game key (a game not saved yet)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def read(self, name: str) -> Any:
        value = settings.get(PREFIX + self.key + ("" if name == "pin" else f"/{name}"))
        if name == "failures":
            try:
                return json.loads(value) if isinstance(value, str) and value else None
            except ValueError:
                return None
        return value if isinstance(value, str) else None

    def write(self, name: str, value: Any) -> None:
        key = PREFIX + self.key + ("" if name == "pin" else f"/{name}")
        settings.put(key, value if name == "pin" else json.dumps(value))


class SavePins(PinBook):
    """A PIN kept in the game's save file (``GameRecord.meta``)."""

    def __init__(self, record: Any) -> None:
        self.record = record

    def read(self, name: str) -> Any:
        return self.record.meta(SAVE_PIN if name == "pin" else SAVE_FAILURES)

    def write(self, name: str, value: Any) -> None:
        self.record.set_meta(SAVE_PIN if name == "pin" else SAVE_FAILURES, value)


def _book(where: PinBook | str) -> PinBook:
    return where if isinstance(where, PinBook) else SettingsPins(where)


def book_for(record: Any, key: str) -> PinBook:
    """The PIN book of a game: its save when it has a writable one (taking over a PIN an older
    version kept in the settings under ``key``), else the settings under ``key``."""
    if record is None or getattr(record, "readonly", False) or not hasattr(record, "meta"):
        return SettingsPins(key)
    book = SavePins(record)
    if book.read("pin") is None:
        transfer(SettingsPins(key), book)
    return book


def transfer(old: PinBook | str, new: PinBook | str) -> None:
    """Give ``new`` the PIN choice of ``old`` if ``new`` has none (Save As, a first save)."""
    source, target = _book(old), _book(new)
    stored = source.read("pin")
    if stored is not None and target.read("pin") is None:
        target.write("pin", stored)


def _stored(where: PinBook | str) -> str | None:
    value = _book(where).read("pin")
    return value if isinstance(value, str) else None


def has_pin(where: PinBook | str) -> bool:
    """Whether the game has a PIN."""
    return bool(_stored(where))


def was_asked(where: PinBook | str) -> bool:
    """Whether the facilitator already chose a PIN, or chose none, for this game."""
    return _stored(where) is not None


def set_pin(where: PinBook | str, pin: str) -> None:
    """Protect the game with ``pin`` (an empty PIN records "no PIN"); clears failed attempts."""
    book = _book(where)
    book.write("pin", hash_pin(pin) if pin else "")
    book.write("failures", {"count": 0, "last": 0.0})


def locked_for(where: PinBook | str, now: float | None = None) -> float:
    """Seconds to wait before the next PIN may be tried (0 when it may be tried now)."""
    record = _book(where).read("failures") or {}
    count = int(record.get("count", 0))
    if count < FREE_TRIES:
        return 0.0
    wait = min(MAX_WAIT, 5.0 * 2 ** (count - FREE_TRIES))
    now = time.time() if now is None else now
    return max(0.0, float(record.get("last", 0.0)) + wait - now)


def check_pin(where: PinBook | str, pin: str, now: float | None = None) -> bool:
    """Whether ``pin`` opens the game's facilitator mode (always true without a PIN).

    A wrong PIN is counted in the game's book; while :func:`locked_for` is positive no PIN is
    even tried (the answer is False). A right PIN clears the count."""
    book = _book(where)
    stored = _stored(book)
    if not stored:
        return True
    now = time.time() if now is None else now
    if locked_for(book, now) > 0:
        return False
    record = book.read("failures") or {}
    if verify(pin, stored):
        if record.get("count"):
            book.write("failures", {"count": 0, "last": 0.0})
        return True
    book.write("failures", {"count": int(record.get("count", 0)) + 1, "last": now})
    return False


def copy_pin(old: PinBook | str, new: PinBook | str) -> None:
    """Give the game's new book (after Save As) the PIN choice of its old one."""
    if old is not new and old != new:
        transfer(old, new)


def remember_new_game_pin(pin: str, scenario: str, seed: int) -> None:
    """Park the PIN typed on the welcome screen until the new game's file exists."""
    if not pin:
        settings.put(PENDING, "")
        return
    settings.put(PENDING, json.dumps({"hash": hash_pin(pin), "scenario": scenario, "seed": int(seed),
                                      "time": time.time()}))


def claim_pending(key: PinBook | str, scenario: str, seed: int, fresh: bool) -> bool:
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
    _book(key).write("pin", data["hash"])
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
