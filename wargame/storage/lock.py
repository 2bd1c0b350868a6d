"""The play lock: a saved game open for play has one writer.

A game is open for play while a :class:`~wargame.storage.session.Session` holds it (``wargame
resume``, ``wargame play --save``, a game window of the app). Reading it (replay, report,
verify, export, a listing) takes no lock and works while it is played elsewhere.

Save files (SQLite): a marker file beside the save, ``NAME.wargame-lock``, names the process
playing it (pid and host) and is locked with the operating system's file lock (``flock`` on
Linux and macOS, ``msvcrt.locking`` on Windows) for as long as the game is open. The operating
system drops that lock when the process ends, however it ends, so a marker left by a program
that crashed is taken over by the next one. Closing the game deletes the marker. Where the file
system has no locks (some network shares), the marker alone counts: one naming a process of
this host that no longer runs is stale and taken over; one naming a live process, or another
host, is honoured.

Server databases (PostgreSQL): a session-level advisory lock (``pg_try_advisory_lock``) keyed
by the database's ``games`` table and the game's id, held on the record's own connection, so it
goes with the connection if the program dies. The connection's ``application_name`` names the
pid and host, which a second writer reads from ``pg_stat_activity``.

A second writer gets :class:`SaveInUse`: "this game is open in another window/process (pid N
on host H)", and the save is not opened for writing at all.
"""
from __future__ import annotations

import errno
import json
import os
import re
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from wargame.storage.errors import SaveError

LOCK_SUFFIX = "-lock"
APP_NAME = "Layered Deterrence"
UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}
"""``flock`` errors meaning the file system has no locks (the marker alone counts then)."""
_WINDOWS_BYTE = 1 << 20  # Windows locks a byte range: one far past the marker's text


@dataclass(frozen=True)
class Holder:
    """Who holds a play lock: a process (``pid``) on a machine (``host``); ``None`` if unknown."""

    pid: int | None
    host: str | None

    def __str__(self) -> str:
        return f"pid {self.pid if self.pid is not None else '?'} on host {self.host or '?'}"

    @classmethod
    def me(cls) -> "Holder":
        """This process."""
        return cls(os.getpid(), socket.gethostname())


class SaveInUse(SaveError):
    """The game is open for play in another window or process (``holder``)."""

    def __init__(self, where: str, holder: Holder) -> None:
        self.holder = holder
        super().__init__(where, f"this game is open in another window/process ({holder})",
                         "close it there first, or wait until it is closed; replay, report, verify "
                         "and export work meanwhile")

    def __reduce__(self):  # picklable like SaveError
        return (type(self), (self.path, self.holder))


class SaveAdvanced(SaveError):
    """The save holds more (or fewer) actions than the game we play: it was changed elsewhere."""

    def __init__(self, where: str, ours: int, stored: int, move: str = "",
                 holder: Holder | None = None) -> None:
        self.ours, self.stored, self.move, self.holder = ours, stored, move, holder
        problem = f"was {'advanced' if stored > ours else 'changed'} elsewhere: it now holds {stored} " \
            f"actions, {ours} when this game was loaded"
        dropped = f"{move} was not saved" if move else "nothing was saved"
        then = f"it is open in another window/process ({holder}): close it there to play on here" \
            if holder is not None else "check it and make the move again if it still applies"
        super().__init__(where, problem, f"{dropped}; the game was reloaded from the save: {then}")

    def __reduce__(self):
        return (type(self), (self.path, self.ours, self.stored, self.move, self.holder))


# ------------------------------------------------------------------ processes
def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process on Windows
        import ctypes
        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ok = kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


# ------------------------------------------------------------------ save files
def lock_path(path: Path) -> Path:
    """The marker file of the save ``path``."""
    return Path(f"{path}{LOCK_SUFFIX}")


def _os_lock(fh: IO[bytes]) -> None:
    """Take the OS lock of the open marker without waiting (``BlockingIOError`` if held)."""
    if sys.platform == "win32":
        import msvcrt
        fh.seek(_WINDOWS_BYTE)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError as err:  # Windows says EACCES (or EDEADLOCK) for a region locked elsewhere
            raise BlockingIOError(errno.EAGAIN, str(err)) from None
        finally:
            fh.seek(0)
        return
    import fcntl
    fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _read_holder(fh: IO[bytes] | Path) -> Holder:
    """The holder a marker names (unknown fields are ``None``)."""
    try:
        if isinstance(fh, Path):
            text = fh.read_bytes()
        else:
            fh.seek(0)
            text = fh.read(4096)
        data = json.loads(text.decode("utf-8"))
        pid = data.get("pid")
        host = data.get("host")
        return Holder(pid if isinstance(pid, int) else None, host if isinstance(host, str) else None)
    except (OSError, ValueError, AttributeError):
        return Holder(None, None)


def _holder_text() -> bytes:
    me = Holder.me()
    return json.dumps({"pid": me.pid, "host": me.host, "program": APP_NAME,
                       "since": time.strftime("%Y-%m-%dT%H:%M:%S%z")}).encode("utf-8") + b"\n"


def _same_file(fh: IO[bytes], path: Path) -> bool:
    """Whether the open marker is still the file at ``path`` (a holder closing the game deletes
    it: a lock taken on the deleted file would lock nothing)."""
    try:
        mine, there = os.fstat(fh.fileno()), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


class FileLock:
    """The play lock of a save file, held until :meth:`release`."""

    def __init__(self, path: Path, fh: IO[bytes] | None) -> None:
        self.path = path
        self.marker = lock_path(path)
        self._fh = fh
        self._marker_only = fh is None  # a file system without locks: the marker alone counts

    @classmethod
    def acquire(cls, path: Path) -> "FileLock":
        """Lock the save ``path`` for play, or raise :class:`SaveInUse` (or :class:`SaveError`
        if the marker cannot be made)."""
        where, marker = str(path), lock_path(path)
        for _ in range(20):  # a retry per holder that closed the game meanwhile
            try:
                fd, created = os.open(marker, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644), True
            except FileExistsError:
                try:
                    fd, created = os.open(marker, os.O_RDWR), False
                except FileNotFoundError:  # its holder closed the game meanwhile
                    continue
                except OSError as err:
                    raise _no_marker(where, marker, err) from None
            except OSError as err:
                raise _no_marker(where, marker, err) from None
            fh = os.fdopen(fd, "r+b")
            try:
                _os_lock(fh)
            except BlockingIOError:
                holder = _read_holder(fh)
                fh.close()
                raise SaveInUse(where, holder) from None
            except OSError as err:
                fh.close()
                if err.errno in UNSUPPORTED:
                    if created:
                        marker.unlink(missing_ok=True)
                    return cls._acquire_marker_only(path)
                raise _no_marker(where, marker, err) from None
            if not _same_file(fh, marker):
                fh.close()
                continue
            # Ours; a marker still naming another process was left by one that ended.
            try:
                fh.seek(0)
                fh.truncate()
                fh.write(_holder_text())
                fh.flush()
            except OSError as err:
                fh.close()
                raise _no_marker(where, marker, err) from None
            return cls(path, fh)
        raise SaveError(where, "could not be locked for play (its lock file keeps changing)", "try again")

    @classmethod
    def _acquire_marker_only(cls, path: Path) -> "FileLock":
        """No OS locks here: the marker file exists exactly while a program plays the game."""
        where, marker = str(path), lock_path(path)
        for _ in range(3):
            try:
                fd = os.open(marker, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = _read_holder(marker)
                stale = holder.host == socket.gethostname() and holder.pid is not None \
                    and not pid_alive(holder.pid)
                if not stale:
                    raise SaveInUse(where, holder) from None
                try:
                    marker.unlink()  # left by a process of this host that no longer runs
                except FileNotFoundError:
                    pass
                except OSError as err:
                    raise _no_marker(where, marker, err) from None
                continue
            except OSError as err:
                raise _no_marker(where, marker, err) from None
            with os.fdopen(fd, "wb") as fh:
                fh.write(_holder_text())
            return cls(path, None)
        raise SaveInUse(where, _read_holder(marker))

    def held(self) -> bool:
        """Whether the lock is still ours: not released, and the marker at the path is ours (a
        marker deleted by hand, and made again by another program, is not)."""
        if self._fh is None:
            return self._marker_only and _read_holder(self.marker) == Holder.me()
        return _same_file(self._fh, self.marker)

    def release(self) -> None:
        """Give the lock up and delete the marker (never raises)."""
        marker_only, self._marker_only = self._marker_only, False
        fh, self._fh = self._fh, None
        try:
            if fh is None:
                if marker_only and _read_holder(self.marker) == Holder.me():
                    self.marker.unlink(missing_ok=True)
                return
            if sys.platform != "win32":
                if _same_file(fh, self.marker):
                    self.marker.unlink(missing_ok=True)  # while locked: nobody can have taken it
                fh.close()
                return
            import msvcrt
            fh.seek(_WINDOWS_BYTE)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
            fh.close()  # Windows deletes no open file: close first, then delete unless reopened
            self.marker.unlink(missing_ok=True)
        except OSError:
            pass
        finally:
            if fh is not None and not fh.closed:
                fh.close()


def _no_marker(where: str, marker: Path, err: OSError) -> SaveError:
    return SaveError(where, f"cannot be opened for play: its lock file {marker.name} cannot be written "
                     f"({err.strerror or err})", "check that the folder is writable, or open it read-only")


# ------------------------------------------------------------------ server databases
_NAME_RE = re.compile(r"\(pid (\d+) on host ([^)]*)")  # the name may be cut at 63 characters


class ServerLock:
    """A PostgreSQL advisory lock on one game, held by the record's connection."""

    def __init__(self, conn: Any, keys: tuple[int, int]) -> None:
        self._conn = conn
        self.keys = keys

    @classmethod
    def acquire(cls, conn: Any, where: str, game_id: int) -> "ServerLock | None":
        """Lock game ``game_id`` of the database on ``conn`` (a SQLAlchemy connection outside a
        transaction); ``None`` for databases without advisory locks."""
        if conn.dialect.name != "postgresql":
            return None
        from wargame.storage.models import GameRow
        me = Holder.me()
        name = f"{APP_NAME} (pid {me.pid} on host {me.host})"
        with conn.begin():
            oid = conn.exec_driver_sql(f"SELECT '{GameRow.__table__.name}'::regclass::oid::bigint").scalar_one()
            keys = (_int4(oid), int(game_id))
            got = conn.exec_driver_sql("SELECT pg_try_advisory_lock(%(a)s, %(b)s)",
                                       {"a": keys[0], "b": keys[1]}).scalar_one()
            if not got:
                holder = cls._holder(conn, oid, game_id)
            else:
                conn.exec_driver_sql("SELECT set_config('application_name', %(n)s, false)", {"n": name[:63]})
        if not got:
            raise SaveInUse(where, holder)
        return cls(conn, keys)

    @staticmethod
    def _holder(conn: Any, oid: int, game_id: int) -> Holder:
        row = conn.exec_driver_sql(
            "SELECT a.application_name, a.pid, a.client_hostname, host(a.client_addr) FROM pg_locks l "
            "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
            "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "AND l.classid = %(c)s::bigint::oid AND l.objid = %(o)s::bigint::oid AND l.objsubid = 2 LIMIT 1",
            {"c": oid, "o": game_id}).first()
        if row is None:
            return Holder(None, None)
        found = _NAME_RE.search(row[0] or "")
        if found:
            return Holder(int(found.group(1)), found.group(2))
        return Holder(None, row[2] or row[3] or "the database server")  # a server process only

    def held(self) -> bool:
        """Whether the lock was not released (it lasts as long as the connection)."""
        return self._conn is not None

    def release(self) -> None:
        """Unlock (the lock also ends with the connection); never raises."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            with conn.begin():
                conn.exec_driver_sql("SELECT pg_advisory_unlock(%(a)s, %(b)s)",
                                     {"a": self.keys[0], "b": self.keys[1]})
        except Exception:  # a broken connection: the server ends the lock with it
            pass


def _int4(value: int) -> int:
    """An unsigned 32-bit OID as PostgreSQL's signed ``int4`` key."""
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value >= 1 << 31 else value
