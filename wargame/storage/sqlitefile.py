"""Save files: SQLite databases, inspected before they are trusted.

A save file is inspected read-only (``mode=ro``) before anything else, so a file that turns
out to be foreign, damaged or too new is never modified. Only then is it opened for writing.

SQLite settings of a file open for writing: ``journal_mode=WAL`` and ``synchronous=NORMAL``.
In WAL mode a commit appends the transaction to the ``-wal`` file; with ``NORMAL`` SQLite does
not fsync on each commit, only at checkpoints. That keeps every committed action when the
*process* dies at any moment (the data is already in the operating system's cache, and WAL
recovery on the next open replays it) and never corrupts the file even on power loss; a power
cut may lose the last few actions, which players can re-enter. ``FULL`` would add an fsync per
action (milliseconds on laptops, tens of ms on HDD and network disks) to every move of every
computer player. Set ``WARGAME_SQLITE_SYNC=FULL`` to get it anyway.

Save files stay in WAL mode (switching journal modes costs fsyncs on every open and close).
When the last connection closes, SQLite folds the ``-wal`` file back in and deletes it, so a
closed save is one self-contained file. Read-only opens of a save with no ``-wal`` beside it
use ``immutable=1``: they create no ``-wal``/``-shm`` files and work on read-only media.
"""
from __future__ import annotations

import contextvars
import functools
import os
import shutil
import sqlite3
import stat
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool, StaticPool

from wargame import __version__
from wargame.storage.backend import RESTORE, Store, damaged, migrate_store, translate
from wargame.storage.errors import SaveError
from wargame.storage.lock import FileLock
from wargame.storage.models import FORMAT_VERSION, SQLITE_APPLICATION_ID, Base, FormatRow

SQLITE_MAGIC = b"SQLite format 3\x00"


def _sqlite_uri(path: Path, mode: str) -> str:
    uri = f"file:{quote(str(path.absolute()))}?mode={mode}"
    if mode == "ro" and not Path(f"{path}-wal").exists():
        # Nobody has it open in WAL mode and nothing is pending: read the file as it is,
        # without the locking files a WAL reader would create.
        uri += "&immutable=1"
    return uri


def sync_mode() -> str:
    """``NORMAL`` unless ``WARGAME_SQLITE_SYNC`` asks for ``FULL`` (see the module docstring)."""
    value = os.environ.get("WARGAME_SQLITE_SYNC", "NORMAL").upper()
    return value if value in ("NORMAL", "FULL", "EXTRA") else "NORMAL"


_NEXT_SQLITE: contextvars.ContextVar[Callable[[], sqlite3.Connection]] = contextvars.ContextVar("_NEXT_SQLITE")


def _on_begin(conn: Connection) -> None:
    """SQLAlchemy starts a transaction: emit BEGIN (the driver runs in autocommit mode, so
    that every transaction, DDL and reads included, is one real SQLite transaction)."""
    conn.connection.driver_connection.execute("BEGIN")  # type: ignore[union-attr]


@functools.lru_cache(maxsize=None)
def _file_engine() -> Engine:
    """The one engine of the process for save files. Each :class:`Store` checks out its own
    connection to its own file (``NullPool``: closed when the store closes); sharing the engine
    means SQL statements are compiled once per process, not once per opened save."""
    engine = create_engine("sqlite+pysqlite://", poolclass=NullPool,
                           creator=lambda: _NEXT_SQLITE.get()())
    event.listen(engine, "begin", _on_begin)
    return engine


def sqlite_connection(path: Path, mode: str) -> sqlite3.Connection:
    """A driver connection to a save file (``mode`` ro, rw or rwc) with our settings."""
    con = sqlite3.connect(_sqlite_uri(path, mode), uri=True, check_same_thread=False, timeout=5.0)
    con.isolation_level = None
    con.execute("PRAGMA busy_timeout = 5000")
    if mode == "ro":
        con.execute("PRAGMA query_only = ON")
    else:
        con.execute("PRAGMA journal_mode = WAL")
        con.execute(f"PRAGMA synchronous = {sync_mode()}")
    con.execute("PRAGMA foreign_keys = ON")
    return con


def sqlite_store(path: Path, mode: str, *, format_version: int = FORMAT_VERSION,
                 where: str | None = None) -> Store:
    """A :class:`Store` on a save file."""
    token = _NEXT_SQLITE.set(lambda: sqlite_connection(path, mode))
    try:
        store = Store(_file_engine(), path=path, url=f"sqlite:///{path}", readonly=mode == "ro",
                      format_version=format_version, own_engine=False, where=where)
    finally:
        _NEXT_SQLITE.reset(token)
    return store


def memory_store(mem: sqlite3.Connection, path: Path, format_version: int) -> Store:
    """A read-only :class:`Store` on an in-memory copy of a save (to upgrade it without writing)."""
    mem.isolation_level = None
    mem.execute("PRAGMA foreign_keys = ON")
    engine = create_engine("sqlite+pysqlite://", creator=lambda: mem, poolclass=StaticPool)
    event.listen(engine, "begin", _on_begin)
    return Store(engine, path=path, url=f"sqlite:///{path}", readonly=True, format_version=format_version)


def _sniff(head: bytes) -> str:
    """What a foreign file seems to be, from its first bytes."""
    kinds = [(b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
             (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"), (b"\x1f\x8b", "a gzip archive")]
    for magic, kind in kinds:
        if head.startswith(magic):
            return f"it looks like {kind}"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return "it is not an SQLite database"
    if text.lstrip().startswith(("{", "[")):
        return "it looks like a JSON text file"
    if "[meta]" in text or text.lstrip().startswith("#"):
        return "it looks like a text file (a scenario .toml?)"
    return "it looks like a text file"


def _file_kind(mode: int) -> str:
    """What a non-regular file is, for a message."""
    kinds = [(stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]
    return next((name for test, name in kinds if test(mode)), "not a plain file")


def probe_file(path: Path) -> int:
    """Check read-only that ``path`` is a save of ours; return its format version.

    Never modifies the file. Raises :class:`SaveError` naming the problem.
    """
    where = str(path)
    if not path.exists():
        raise SaveError(where, "no such file", "check the name; `wargame saves` lists the saved games")
    if path.is_dir():
        raise SaveError(where, "is a folder, not a save file", "name a .wargame file inside it")
    try:
        info = path.stat()
    except OSError as err:
        raise SaveError(where, f"cannot be read ({err.strerror})", "check the file's permissions") from None
    if not stat.S_ISREG(info.st_mode):
        raise SaveError(where, f"is not a regular file (it is {_file_kind(info.st_mode)})",
                        "open a .wargame file written by the game")
    try:
        size = info.st_size
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as err:
        raise SaveError(where, f"cannot be read ({err.strerror})", "check the file's permissions") from None
    truncated_advice = f"the file was cut short (an interrupted copy or download?); {RESTORE}"
    if size == 0:
        raise SaveError(where, "is empty (0 bytes), not a saved game", truncated_advice)
    if not head.startswith(SQLITE_MAGIC):
        if SQLITE_MAGIC.startswith(head):
            raise SaveError(where, f"is truncated ({size} bytes)", truncated_advice)
        raise SaveError(where, f"is not a Layered Deterrence save ({_sniff(head)})",
                        "open a .wargame file written by the game")
    if size < 100:
        raise SaveError(where, f"is truncated ({size} bytes)", truncated_advice)
    journal = Path(f"{path}-journal")
    if journal.exists() and journal.stat().st_size > 0 and \
            int.from_bytes(head[68:72], "big") == SQLITE_APPLICATION_ID:
        head, size = _roll_back_hot_journal(path, journal)
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    wal = Path(f"{path}-wal")
    pending = wal.is_file() and wal.stat().st_size > 0
    # With a -wal beside it, SQLite's own WAL recovery decides what the file holds (a disk that
    # filled during a checkpoint leaves a short file whose missing pages are in the -wal).
    if pages and not pending and head[24:28] == head[92:96] and size < pages * page_size:
        raise SaveError(where, f"is truncated ({size} of {pages * page_size} bytes)", truncated_advice)
    try:
        con = sqlite3.connect(_sqlite_uri(path, "ro"), uri=True, timeout=5.0)
    except sqlite3.Error as err:
        raise translate(where, err, "opened") from None
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        tables = sorted(r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        if "wargame_format" not in tables:
            if app_id == SQLITE_APPLICATION_ID:
                raise damaged(where, "its format table is missing")
            what = f"its tables are {', '.join(tables[:6])}{'...' if len(tables) > 6 else ''}" if tables \
                else "an empty database"
            raise SaveError(where, f"is an SQLite database but not a Layered Deterrence save ({what})",
                            "open a .wargame file written by the game")
        row = con.execute("SELECT format_version, app_version FROM wargame_format WHERE id = 1").fetchone()
        if row is None or not isinstance(row[0], int):
            raise damaged(where, "its format record is missing")
        version, app = row
        if version > FORMAT_VERSION:
            raise SaveError(where, f"was saved in a newer format ({version}, by Layered Deterrence {app}); "
                            f"this version reads formats up to {FORMAT_VERSION}",
                            "update Layered Deterrence to open it")
        if version < 1:
            raise damaged(where, f"its format version {version} is not valid")
        if "games" not in tables or con.execute("SELECT count(*) FROM games").fetchone()[0] != 1:
            raise damaged(where, "it does not hold exactly one game")
        return int(version)
    except sqlite3.Error as err:
        if "not a database" in str(err):
            raise SaveError(where, "is damaged or not a Layered Deterrence save (file is not a database)",
                            RESTORE) from None
        raise translate(where, err, "opened") from None
    finally:
        con.close()


def _roll_back_hot_journal(path: Path, journal: Path) -> tuple[bytes, int]:
    """A save of ours killed in the middle of a rollback-journal transaction (the one-time
    switch to WAL mode when a file in rollback mode, e.g. a format-1 save, is first opened for
    writing) leaves a hot ``-journal``. Reading it needs SQLite's own recovery, which restores
    the file as it was before that transaction and which a read-only connection cannot do: do
    it here, then re-read the header."""
    where = str(path)
    problem = writable_problem(path)
    if problem:
        raise SaveError(where, f"was interrupted while being written and needs repairing, but it {problem}",
                        f"make it and {journal.name} writable and open it again, or copy both files "
                        "to a writable folder and open the copy")
    try:
        con = sqlite3.connect(_sqlite_uri(path, "rw"), uri=True, timeout=5.0)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
        with path.open("rb") as fh:
            head = fh.read(100)
        return head, path.stat().st_size
    except sqlite3.Error as err:
        raise translate(where, err, "repaired") from None
    except OSError as err:
        raise SaveError(where, f"cannot be read ({err.strerror})", "check the file's permissions") from None


def writable_problem(path: Path) -> str | None:
    """Why ``path`` cannot be written (checks permission bits too, so it holds for root)."""
    try:
        mode = path.stat().st_mode
    except OSError as err:
        return f"cannot be read ({err.strerror})"
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        return "is read-only"
    folder = path.absolute().parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"is in a read-only folder ({folder})"
    return None


def _refuse_unwritable(path: Path) -> None:
    problem = writable_problem(path)
    if problem:
        raise SaveError(str(path), f"cannot be continued: it {problem}",
                        "open it read-only to view or replay it, or copy it somewhere writable "
                        "to continue playing")


def lock_for_play(path: Path) -> FileLock:
    """Take the play lock of the save ``path`` (:mod:`wargame.storage.lock`) before it is opened
    for writing. The file is checked read-only first, so a missing, foreign or read-only file
    gets its own message (and no lock file); a game open elsewhere raises ``SaveInUse``."""
    probe_file(path)
    _refuse_unwritable(path)
    return FileLock.acquire(path)


def open_file(path: Path, *, readonly: bool) -> Store:
    """Probe, migrate if needed, and open a save file."""
    version = probe_file(path)
    where = str(path)
    if not readonly:
        _refuse_unwritable(path)
    if version == FORMAT_VERSION:
        return sqlite_store(path, "ro" if readonly else "rw")
    if readonly:  # migrate a copy in memory; the file stays as it is
        try:
            src = sqlite3.connect(_sqlite_uri(path, "ro"), uri=True)
            mem = sqlite3.connect(":memory:", check_same_thread=False)
            src.backup(mem)
            src.close()
        except sqlite3.Error as err:
            raise translate(where, err, "opened") from None
        store = memory_store(mem, path, version)
        try:
            migrate_store(store, version)
        except BaseException:
            store.close()
            raise
        return store
    upgrade_file(path, version)
    return sqlite_store(path, "rw", format_version=version)


def upgrade_file(path: Path, version: int) -> None:
    """Upgrade a save file of an older format in place, atomically.

    Keeps a copy of the old file beside it (``NAME.vN-backup``), migrates a temporary copy and
    moves it over the original only when the migration succeeded: a failed upgrade leaves the
    file exactly as it was.
    """
    where = str(path)
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        # Actions committed by a session that was killed: fold them into the file first (a
        # stale -wal must never meet the replaced file).
        sqlite_store(path, "rw").close()
    backup = path.with_name(f"{path.name}.v{version}-backup")
    temp = path.with_name(f".{path.name}.{os.getpid()}.upgrading")
    made_backup = not backup.exists()
    done = False
    try:
        if made_backup:
            shutil.copy2(path, backup)  # byte for byte: no -wal or -journal is pending now
        shutil.copyfile(path, temp)
        store = sqlite_store(temp, "rw", where=where)
        try:
            migrate_store(store, version)
        finally:
            store.close()
        os.replace(temp, path)
        done = True
    except sqlite3.Error as err:
        raise translate(where, err, "upgraded") from None
    except OSError as err:
        raise SaveError(where, f"needs upgrading from save format {version} but the upgraded copy "
                        f"could not be written ({err.strerror or err})",
                        "free some space, or open it read-only") from None
    finally:
        leftovers = [temp] + [Path(f"{temp}{x}") for x in ("-journal", "-wal", "-shm")] + \
            ([] if done or not made_backup else [backup])
        for leftover in leftovers:
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass


def create_file_store(path: Path) -> Store:
    """A new, empty save (single-file journal) at ``path``, which must not exist yet."""
    store = sqlite_store(path, "rwc")
    with store.tx("created") as conn:
        conn.exec_driver_sql(f"PRAGMA application_id = {SQLITE_APPLICATION_ID}")
        conn.exec_driver_sql(f"PRAGMA user_version = {FORMAT_VERSION}")
        Base.metadata.create_all(conn)
        conn.execute(FormatRow.__table__.insert().values(
            id=1, format_version=FORMAT_VERSION, app_version=__version__,
            created=datetime.now(timezone.utc).replace(tzinfo=None)))
    return store


# ------------------------------------------------------------------ server databases
