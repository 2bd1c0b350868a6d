"""Facilitator notes, bookmarks and settings of a saved game (a mixin of :class:`GameRecord`)."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from wargame.storage.errors import SaveError
from wargame.storage.models import BookmarkRow, MetaRow, NoteRow
from wargame.storage.rows import aware, now
from wargame.storage.values import Bookmark, Note


class NotesMixin:
    """``add_note``, ``notes``, ``add_bookmark``, ``bookmarks``, ``remove_bookmark``, ``meta``, ``set_meta``."""

    _game_id: int
    _count: int
    if TYPE_CHECKING:  # provided by GameRecord
        from contextlib import AbstractContextManager

        from sqlalchemy.orm import Session

        where: str

        def _writable(self) -> None: ...
        def _orm(self, doing: str = "reading") -> AbstractContextManager[Session]: ...
        _store: Any
        def action_count(self) -> int: ...

    def _check_index(self, index: int) -> None:
        if not 0 <= index <= self.action_count():
            raise SaveError(self.where, f"has no point {index}: its log runs from 0 to {self._count}",
                            "pick an index in that range")

    def add_bookmark(self, index: int, label: str, note: str = "") -> int:
        """Mark the point after ``index`` actions; returns the bookmark's id."""
        self._writable()
        self._check_index(index)
        with self._orm("written") as s:
            row = BookmarkRow(game_id=self._game_id, idx=index, label=label, note=note, created=now())
            s.add(row)
            s.flush()
            return row.id

    def bookmarks(self) -> list[Bookmark]:
        """The bookmarks, in log order."""
        with self._orm() as s:
            return [Bookmark(r.id, r.idx, r.label, r.note, aware(r.created)) for r in s.scalars(  # type: ignore[arg-type]
                select(BookmarkRow).where(BookmarkRow.game_id == self._game_id)
                .order_by(BookmarkRow.idx, BookmarkRow.id))]

    def remove_bookmark(self, bookmark_id: int) -> None:
        """Delete a bookmark."""
        self._writable()
        with self._store.tx("written") as conn:
            conn.execute(delete(BookmarkRow).where(BookmarkRow.game_id == self._game_id,
                                                   BookmarkRow.id == bookmark_id))

    def add_note(self, index: int, text: str) -> int:
        """A facilitator's note at the point after ``index`` actions; returns its id."""
        self._writable()
        self._check_index(index)
        with self._orm("written") as s:
            row = NoteRow(game_id=self._game_id, idx=index, text=text, created=now())
            s.add(row)
            s.flush()
            return row.id

    def notes(self) -> list[Note]:
        """The facilitator's notes, in log order."""
        with self._orm() as s:
            return [Note(r.id, r.idx, r.text, aware(r.created)) for r in s.scalars(  # type: ignore[arg-type]
                select(NoteRow).where(NoteRow.game_id == self._game_id).order_by(NoteRow.idx, NoteRow.id))]


    # ------------------------------------------------------------------ settings kept in the save
    def meta(self, key: str) -> Any:
        """The game's setting ``key`` kept in the save (a JSON value), or None if unset."""
        with self._orm() as s:
            row = s.get(MetaRow, (self._game_id, key))
            return None if row is None else json.loads(row.value)

    def set_meta(self, key: str, value: Any) -> None:
        """Keep ``value`` (JSON-able) as the game's setting ``key`` in the save (None removes it)."""
        self._writable()
        with self._orm("written") as s:
            row = s.get(MetaRow, (self._game_id, key))
            if value is None:
                if row is not None:
                    s.delete(row)
                return
            text = json.dumps(value, sort_keys=True)
            if row is None:
                s.add(MetaRow(game_id=self._game_id, key=key, value=text))
            else:
                row.value = text
