"""Opening databases for the storage layer: targets, the :class:`Store` (an engine and the
one connection a record uses), error translation, migrations on open, and server databases
(a SQLAlchemy URL such as ``postgresql+psycopg://user:pw@host/db``). Save files (SQLite) are
opened by :mod:`wargame.storage.sqlitefile`.
"""
from __future__ import annotations

import json
import sqlite3
import zlib
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Connection, Engine, Table, create_engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from wargame import __version__
from wargame.errors import WargameError
from wargame.storage.errors import SaveError
from wargame.storage.migrations import migrate
from wargame.storage.models import FORMAT_VERSION, Base, FormatRow

SUFFIX = ".wargame"
RESTORE = "use a backup or another copy of the save"
VERIFY_HINT = "`wargame replay FILE --verify` shows what still reads"


# ------------------------------------------------------------------ targets
def is_url(target: str | Path) -> bool:
    """Whether ``target`` is a SQLAlchemy URL (anything with ``://``) rather than a file path."""
    return isinstance(target, str) and "://" in target


def split_target(target: str | Path) -> tuple[Path | None, str | None]:
    """``(path, None)`` for a save file (also ``sqlite:///path``), ``(None, url)`` for a database."""
    if is_url(target):
        text = str(target)
        if text.startswith("sqlite"):
            try:
                url = make_url(text)
            except ArgumentError as err:
                raise SaveError(text, f"is not a valid database URL ({err})", "write sqlite:///path/to/file.wargame") from None
            if not url.database or url.database == ":memory:":
                raise SaveError(text, "names no file", "write sqlite:///path/to/file.wargame")
            return Path(url.database), None
        return None, text
    return Path(target), None


def display_url(url: str) -> str:
    """The URL with its password hidden (for messages, listings and parent references)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


# ------------------------------------------------------------------ error translation
def translate(where: str, err: BaseException, doing: str = "reading") -> SaveError:
    """A :class:`SaveError` for a database driver error."""
    orig = getattr(err, "orig", None) or err
    text = " ".join(str(orig).split())
    low = text.lower()
    if "locked" in low or "busy" in low:
        return SaveError(where, "is in use by another program (the database is locked)",
                         "close the other window or program using it, then try again")
    if "readonly" in low or "read-only" in low:
        return SaveError(where, "cannot be written: it is read-only",
                         "open it read-only to view or replay it, or copy it to continue playing")
    if "disk is full" in low or "database or disk is full" in low:
        return SaveError(where, "cannot be written: the disk is full", "free some space and try again")
    if "malformed" in low or "not a database" in low or "corrupt" in low:
        return SaveError(where, f"is damaged ({text})", f"{RESTORE}; {VERIFY_HINT}")
    if "disk i/o" in low:
        return SaveError(where, f"could not be {doing} (disk input/output error)",
                         "check the disk or copy the file elsewhere")
    if "unable to open" in low:
        return SaveError(where, "cannot be opened (unable to open the database file)",
                         "check that the file and its folder exist and are readable")
    if "connection" in low or "could not connect" in low or "password" in low or "does not exist" in low:
        return SaveError(where, f"cannot connect to the database ({text})",
                         "check the URL, the user and password, and that the server is running")
    return SaveError(where, f"database error while {doing} ({text})", VERIFY_HINT)


def damaged(where: str, what: str) -> SaveError:
    """Content that does not parse (bad JSON, bad action, bad snapshot)."""
    return SaveError(where, f"is damaged: {what}", f"{RESTORE}; {VERIFY_HINT}")


@contextmanager
def db_errors(where: str, doing: str = "reading") -> Iterator[None]:
    """Turn driver and content errors into one :class:`SaveError`."""
    try:
        yield
    except WargameError:
        raise
    except (DBAPIError, sqlite3.Error) as err:
        raise translate(where, err, doing) from None
    except SQLAlchemyError as err:
        raise SaveError(where, f"database error while {doing} ({' '.join(str(err).split())})",
                        VERIFY_HINT) from None
    except (json.JSONDecodeError, zlib.error, UnicodeDecodeError) as err:
        raise damaged(where, f"stored data does not decode ({err})") from None
    except OSError as err:
        raise SaveError(where, f"could not be {doing} ({err.strerror or err})",
                        "check the disk and the file's permissions") from None


# ------------------------------------------------------------------ a database open for use
class Store:
    """An open database: its engine and the one connection a record uses."""

    def __init__(self, engine: Engine, *, path: Path | None, url: str, readonly: bool,
                 format_version: int = FORMAT_VERSION, own_engine: bool = True,
                 where: str | None = None) -> None:
        self.engine = engine
        self.path = path
        self.url = url
        self.readonly = readonly
        self.format_version = format_version
        self.own_engine = own_engine
        self.where = where or (str(path) if path is not None else display_url(url))
        with db_errors(self.where, "opened"):
            self.conn: Connection = engine.connect()
        self.is_file = path is not None
        self._inserts: dict[str, tuple[str, list[str] | None]] = {}
        self.play_lock: Any = None
        """The play lock (:mod:`wargame.storage.lock`) of a game open for play, released on close."""
        self._data_version: int | None = None

    def changed_elsewhere(self) -> bool:
        """Whether another connection may have written since the last call. Save files: SQLite's
        ``data_version`` (a few microseconds; writes through this store's own connection do not
        count). Server databases have no such counter: ``False`` while the game's advisory lock
        is held (no other writer can append, and the lock lasts as long as the connection),
        else ``True`` (look)."""
        if self.conn is None:
            return True
        if not self.is_file:
            return self.play_lock is None or not self.play_lock.held()
        with db_errors(self.where):
            raw = self.conn.connection.driver_connection
            version = int(raw.execute("PRAGMA data_version").fetchone()[0])  # type: ignore[union-attr]
        changed, self._data_version = version != self._data_version, version
        return changed

    def insert(self, conn: Connection, table: Table, rows: dict[str, Any] | list[dict[str, Any]]) -> None:
        """Insert rows with the INSERT statement SQLAlchemy compiled once for ``table``.

        The autosave path: executing the precompiled statement through the connection
        (``exec_driver_sql``) skips the per-call statement handling of ``Connection.execute``,
        which costs more than SQLite's own insert and commit. Only for tables whose values need
        no type conversion by SQLAlchemy (integers, floats, text, booleans, bytes).
        """
        plan = self._inserts.get(table.name)
        if plan is None:
            names = [c.name for c in table.columns]
            compiled = table.insert().compile(dialect=self.engine.dialect, column_keys=names)
            order = list(compiled.positiontup or []) if compiled.positional else None
            plan = self._inserts[table.name] = (str(compiled), order)
        sql, order = plan
        many = rows if isinstance(rows, list) else [rows]
        params: list[Any] = [tuple(r[k] for k in order) for r in many] if order is not None else \
            [{k: r[k] for k in r} for r in many]
        if len(params) == 1:
            conn.exec_driver_sql(sql, params[0])
        else:
            conn.exec_driver_sql(sql, params)

    @contextmanager
    def tx(self, doing: str = "reading") -> Iterator[Connection]:
        """One transaction on the connection (committed at the end, rolled back on error)."""
        with db_errors(self.where, doing):
            with self.conn.begin():
                yield self.conn

    def close(self) -> None:
        """Release the play lock and close the connection (the last one to close a save folds
        its ``-wal`` file back in)."""
        conn, self.conn = self.conn, None  # type: ignore[assignment]
        if conn is None:
            return
        lock, self.play_lock = self.play_lock, None
        try:
            if lock is not None:
                lock.release()
            conn.close()
        finally:
            if self.own_engine:
                self.engine.dispose()


# ------------------------------------------------------------------ SQLite
def migrate_store(store: Store, version: int) -> None:
    """Upgrade the database of ``store`` from ``version`` in one transaction."""
    try:
        with store.tx("upgraded") as conn:
            migrate(conn, version)
    except SaveError:
        raise
    except Exception as err:  # a bug in a migration: say so; the file is left as it was
        raise SaveError(store.where, f"could not be upgraded from save format {version} "
                        f"({type(err).__name__}: {err})", "the file was left as it was; "
                        "report this, and open it read-only meanwhile") from None


def open_url(url: str, *, readonly: bool, create: bool) -> Store:
    """Open a database by URL; ``create`` adds the tables if the database has none."""
    where = display_url(url)
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError) as err:
        raise SaveError(where, f"is not a database URL this installation can use ({err})",
                        "write e.g. postgresql+psycopg://user:password@host/dbname") from None
    except ImportError as err:
        raise SaveError(where, f"needs a database driver that is not installed ({err.name})",
                        "install it, e.g. pip install 'psycopg[binary]'") from None
    store = Store(engine, path=None, url=url, readonly=readonly)
    try:
        with store.tx("opened") as conn:
            has_format = engine.dialect.has_table(conn, "wargame_format")
            row = conn.execute(select(FormatRow.format_version)).first() if has_format else None
            if row is None:
                names = engine.dialect.get_table_names(conn)
                if not create or readonly:
                    raise SaveError(where, "holds no Layered Deterrence games" + (
                        f" (its tables are {', '.join(sorted(names)[:6])})" if names else ""),
                        "save a game into it first (wargame play --save NAME --db URL)")
                if "games" in names:
                    raise SaveError(where, "has a 'games' table that is not ours",
                                    "use another database or schema")
                Base.metadata.create_all(conn)
                conn.execute(FormatRow.__table__.insert().values(
                    id=1, format_version=FORMAT_VERSION, app_version=__version__,
                    created=datetime.now(timezone.utc).replace(tzinfo=None)))
                version = FORMAT_VERSION
            else:
                version = int(row[0])
            if version > FORMAT_VERSION:
                raise SaveError(where, f"was written in a newer save format ({version}); this version "
                                f"reads formats up to {FORMAT_VERSION}", "update Layered Deterrence")
        store.format_version = version
        if version < FORMAT_VERSION:
            if readonly:
                raise SaveError(where, f"uses the older save format {version}",
                                "upgrade it once with `wargame saves --db URL --upgrade`")
            migrate_store(store, version)
    except BaseException:
        store.close()
        raise
    return store
