"""Saved games: every game saved as it is played (issue 3).

A game is one ``.wargame`` file (SQLite through SQLAlchemy) or one game among many in a server
database (a SQLAlchemy URL such as ``postgresql+psycopg://user:pw@host/db``). The same code
serves both. Entry points:

* :class:`GameRecord` — a saved game: create, open, append, replay (``game_at``), verify, branch,
  notes and bookmarks.
* :class:`Session` — a live game bound to its record; every applied action is committed.
* :func:`list_saves`, :func:`list_games`, :func:`default_saves_dir`, :func:`new_save_path`.
* :class:`SaveError` — every failure: which file, what is wrong, what to do.

Modules: ``models`` (the ORM layout), ``migrations`` (older formats), ``backend`` (targets,
connections, errors, server databases), ``sqlitefile`` (save files, inspected before use),
``record`` (:class:`GameRecord`), ``rows`` (rows built from engine objects), ``notes`` (notes
and bookmarks), ``verify``, ``session``, ``lock`` (one writer per game: the play lock),
``listing``, ``values`` (small value objects).
"""
from __future__ import annotations

from wargame.storage.errors import SaveError
from wargame.storage.listing import default_saves_dir, list_games, list_saves, new_save_path
from wargame.storage.models import FORMAT_VERSION
from wargame.storage.record import GameRecord
from wargame.storage.session import Session, play_and_save
from wargame.storage.values import (
    Bookmark, LogEntry, Note, ParentRef, SaveSummary, SeatInfo, VerifyReport,
)

__all__ = [
    "FORMAT_VERSION", "Bookmark", "GameRecord", "LogEntry", "Note", "ParentRef", "SaveError",
    "SaveSummary", "SeatInfo", "Session", "VerifyReport", "default_saves_dir", "list_games",
    "list_saves", "new_save_path", "play_and_save",
]
