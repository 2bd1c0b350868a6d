"""The save format: typed SQLAlchemy ORM models (format :data:`FORMAT_VERSION`).

One layout serves both back ends. A ``.wargame`` file is an SQLite database holding one game
(``games`` has one row); a server database (PostgreSQL) holds many games in the same tables.

Tables
  ``wargame_format``  one row: the format version and the app version that wrote the layout.
  ``games``           the game: scenario as played (JSON of ``Scenario.model_dump(mode="json")``),
                      seed, title, app version, creation time, parent and branch point.
  ``seats``           who plays each seat: a person or the computer, display name, bot style.
  ``log_entries``     the log. Entry 0 is the start (no action; the first quarter's events);
                      entry *i* >= 1 is the *i*-th action (``action.to_dict()`` JSON), the events
                      it produced (JSON list of ``event.to_dict()``), the turn and phase after it
                      (and whether the game is over then),
                      the state digest after it (``Game.digest()``, by the scheme ``game_meta``
                      records: see ``schemes``) and when it was written.
  ``snapshots``       the state (``Game.to_dict()["state"]``) at the start of each turn (and at
                      the end of the game), as zlib-compressed canonical JSON *without* the
                      per-quarter history, which is append-only and kept once in ``history``;
                      ``history_len`` says how many history rows belong to the snapshot. This
                      keeps a snapshot's size proportional to the state, not to the turns played.
  ``history``         the per-quarter indicator rows of ``State.history``, one row each.
  ``notes``           facilitator notes, each pinned to a log index.
  ``bookmarks``       named points in the log (new in format 2; see ``migrations``).
  ``game_meta``       a game's settings that travel with the save (new in format 3): the
                      facilitator PIN's salted hash and its failed-attempt record, the computer
                      seats' difficulty levels, the digest scheme of the log (``digest_scheme``,
                      see ``schemes``; absent in saves from before it: scheme 1). Keys and JSON
                      text values.

JSON is stored as text (not JSONB) so the bytes read back are the bytes written.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

FORMAT_VERSION = 3
"""The save format this code writes (older formats are migrated on open)."""

SQLITE_APPLICATION_ID = int.from_bytes(b"LDwg", "big")
"""``PRAGMA application_id`` of a ``.wargame`` file (tells our files from other SQLite files)."""


class Base(DeclarativeBase):
    """Declarative base of the save format."""


class FormatRow(Base):
    """The format of the database (one row, ``id`` 1)."""

    __tablename__ = "wargame_format"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    format_version: Mapped[int] = mapped_column(Integer)
    app_version: Mapped[str] = mapped_column(String(40))
    created: Mapped[datetime] = mapped_column(DateTime)


class GameRow(Base):
    """One saved game."""

    __tablename__ = "games"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    scenario_id: Mapped[str] = mapped_column(String(120))
    scenario_title: Mapped[str] = mapped_column(String(300))
    scenario_turns: Mapped[int] = mapped_column(Integer)
    scenario: Mapped[str] = mapped_column(Text)
    seed: Mapped[int] = mapped_column(BigInteger)
    app_version: Mapped[str] = mapped_column(String(40))
    created: Mapped[datetime] = mapped_column(DateTime)
    parent_ref: Mapped[str | None] = mapped_column(Text, default=None)
    parent_game_id: Mapped[int | None] = mapped_column(Integer, default=None)
    branch_index: Mapped[int | None] = mapped_column(Integer, default=None)


class SeatRow(Base):
    """Who plays a seat."""

    __tablename__ = "seats"
    game_id: Mapped[int] = mapped_column(ForeignKey("games.id", ondelete="CASCADE"), primary_key=True)
    seat: Mapped[str] = mapped_column(String(40), primary_key=True)
    player: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    style: Mapped[str] = mapped_column(String(40), default="balanced")


class EntryRow(Base):
    """One entry of the log (0 = start, i = the i-th action)."""

    __tablename__ = "log_entries"
    game_id: Mapped[int] = mapped_column(ForeignKey("games.id", ondelete="CASCADE"), primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    turn: Mapped[int] = mapped_column(Integer)
    phase: Mapped[str] = mapped_column(String(20))
    over: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str | None] = mapped_column(String(40))
    action: Mapped[str | None] = mapped_column(Text)
    events: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64))
    at: Mapped[float] = mapped_column(Float)


class SnapshotRow(Base):
    """The state after ``idx`` actions (at a turn start), history left out."""

    __tablename__ = "snapshots"
    game_id: Mapped[int] = mapped_column(ForeignKey("games.id", ondelete="CASCADE"), primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    turn: Mapped[int] = mapped_column(Integer)
    history_len: Mapped[int] = mapped_column(Integer)
    state: Mapped[bytes] = mapped_column(LargeBinary)


class HistoryRow(Base):
    """One row of ``State.history`` (position ``pos``)."""

    __tablename__ = "history"
    game_id: Mapped[int] = mapped_column(ForeignKey("games.id", ondelete="CASCADE"), primary_key=True)
    pos: Mapped[int] = mapped_column(Integer, primary_key=True)
    turn: Mapped[int] = mapped_column(Integer)
    row: Mapped[str] = mapped_column(Text)


class NoteRow(Base):
    """A facilitator's note at a log index."""

    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    game_id: Mapped[int] = mapped_column(ForeignKey("games.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(DateTime)


class BookmarkRow(Base):
    """A named point in the log (format 2)."""

    __tablename__ = "bookmarks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    game_id: Mapped[int] = mapped_column(ForeignKey("games.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[datetime] = mapped_column(DateTime)


class MetaRow(Base):
    """One setting of a game kept in its save (format 3): ``key`` and a JSON text ``value``."""

    __tablename__ = "game_meta"
    game_id: Mapped[int] = mapped_column(ForeignKey("games.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


TABLES_V1 = ("wargame_format", "games", "seats", "log_entries", "snapshots", "history", "notes")
"""The tables of format 1 (format 2 added ``bookmarks``)."""
