"""Versioned migrations of the save format: ``MIGRATIONS[i]`` turns format ``i + 1`` into ``i + 2``.

History of the format (:data:`wargame.storage.models.FORMAT_VERSION` is the current one):

* **Format 1** — games, seats, log entries (actions, events, digests), turn-start snapshots,
  history rows and facilitator notes.
* **Format 2** — adds the ``bookmarks`` table.
* **Format 3** — adds the ``game_meta`` table: settings that travel with the save (the facilitator
  PIN's hash and failed attempts, the computer seats' difficulty levels). The fixture
  ``tests/fixtures/save-v2.wargame`` was written by the format-2 code before the change.

Honesty note: format 1 was never shipped to players. It was defined while issue 3 was built so
that the migration path is exercised by a real file from day one: ``tests/fixtures/save-v1.wargame``
was written by the format-2 code and then turned into format 1 by removing what format 1 lacks
(the ``bookmarks`` table) and stamping version 1 — exactly the layout a format-1 writer produced.

Rules for adding a format: bump ``FORMAT_VERSION`` in ``models.py``, append one function here
that takes a SQLAlchemy ``Connection`` inside an open transaction and changes the layout of
*every* game in the database, using table definitions frozen in this module (never the live
ORM models, which will keep changing), and commit a small save of the old format as a fixture.
A migration must work on SQLite and PostgreSQL; if it fails the transaction is rolled back and
the save is left as it was.
"""
from __future__ import annotations

from typing import Callable

from sqlalchemy import (Column, Connection, DateTime, ForeignKey, Integer, MetaData, String, Table,
                        Text, update)

from wargame import __version__
from wargame.storage.models import FORMAT_VERSION, FormatRow

Migration = Callable[[Connection], None]


def _v1_to_v2(conn: Connection) -> None:
    """Format 1 -> 2: add the ``bookmarks`` table (as it was defined in format 2)."""
    meta = MetaData()
    Table("games", meta, Column("id", Integer, primary_key=True))  # for the foreign key only
    bookmarks = Table(
        "bookmarks", meta,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("game_id", Integer, ForeignKey("games.id", ondelete="CASCADE"), nullable=False, index=True),
        Column("idx", Integer, nullable=False),
        Column("label", String(200), nullable=False),
        Column("note", Text, nullable=False),
        Column("created", DateTime, nullable=False),
    )
    bookmarks.create(conn, checkfirst=True)


def _v2_to_v3(conn: Connection) -> None:
    """Format 2 -> 3: add the ``game_meta`` table (as it was defined in format 3)."""
    meta = MetaData()
    Table("games", meta, Column("id", Integer, primary_key=True))  # for the foreign key only
    game_meta = Table(
        "game_meta", meta,
        Column("game_id", Integer, ForeignKey("games.id", ondelete="CASCADE"), primary_key=True),
        Column("key", String(80), primary_key=True),
        Column("value", Text, nullable=False),
    )
    game_meta.create(conn, checkfirst=True)


MIGRATIONS: list[Migration] = [_v1_to_v2, _v2_to_v3]
"""``MIGRATIONS[i]`` migrates format ``i + 1`` to ``i + 2``."""

assert len(MIGRATIONS) == FORMAT_VERSION - 1, "one migration per format step"


def migrate(conn: Connection, from_version: int) -> int:
    """Bring the database on ``conn`` from ``from_version`` to the current format.

    Runs inside the caller's transaction; returns the number of steps applied.
    """
    if from_version < 1 or from_version > FORMAT_VERSION:
        raise ValueError(f"cannot migrate from format {from_version}")
    steps = 0
    for version in range(from_version, FORMAT_VERSION):
        MIGRATIONS[version - 1](conn)
        steps += 1
    if steps:
        conn.execute(update(FormatRow).where(FormatRow.id == 1)
                     .values(format_version=FORMAT_VERSION, app_version=__version__))
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(f"PRAGMA user_version = {FORMAT_VERSION}")
    return steps
