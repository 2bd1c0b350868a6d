"""Helpers shared by the storage tests (this module holds no tests).

PostgreSQL: tests marked ``postgres`` run when ``WARGAME_TEST_PG_URL`` is set (see
``tools/start_postgres.sh``); each test gets a fresh schema that is dropped afterwards.
"""
from __future__ import annotations

import contextlib
import functools
import io
import itertools
import os
import sqlite3
import subprocess
import uuid
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import sqlalchemy as sa

from wargame import Game, load_scenario
from wargame.actions import Action
from wargame.bots import make_bots
from wargame.scenario import Scenario
from wargame.storage import GameRecord, SeatInfo, Session
from wargame.storage.session import seats_for
from wargame.types import SEATS

PG_URL = os.environ.get("WARGAME_TEST_PG_URL")
SEED = 7


@functools.lru_cache(maxsize=None)
def scenario(turns: int | None = None) -> Scenario:
    """pact-2026, optionally cut to ``turns`` quarters (a quick game)."""
    sc = load_scenario("pact-2026")
    if turns is None:
        return sc
    return sc.model_copy(update={"meta": sc.meta.model_copy(update={"turns": turns})})


def computer_seats() -> list[SeatInfo]:
    return seats_for(make_bots(SEED))


@functools.lru_cache(maxsize=None)
def reference(seed: int = SEED, turns: int | None = None) -> tuple[tuple[Action, ...], tuple[str, ...], str]:
    """An uninterrupted bot game in memory: its actions, the digest after each entry
    (index 0 = the start) and the final digest."""
    game = Game(scenario(turns), seed)
    bots = make_bots(seed)
    digests = [game.digest()]
    while not game.over:
        mover = next(s for s in game.acting_seats() if s in bots)
        game.apply(bots[mover].choose(game))
        digests.append(game.digest())
    return tuple(game.actions), tuple(digests), game.digest()


def play_saved(target: str | Path, seed: int = SEED, turns: int | None = 3, *,
               stop_after: int | None = None, title: str = "") -> GameRecord:
    """Play a bot game autosaved at ``target``; return the (open) record."""
    session = Session.new(target, scenario(turns), seed, seats_for(make_bots(seed)), title=title)
    session.play_bots(max_actions=stop_after if stop_after is not None else 100_000)
    return session.record


@contextlib.contextmanager
def pg_schema_url() -> Iterator[str]:
    """A URL on a fresh, empty schema of the test database (dropped afterwards)."""
    if not PG_URL:
        pytest.skip("set WARGAME_TEST_PG_URL to run the PostgreSQL tests (tools/start_postgres.sh)")
    schema = f"wargame_t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(PG_URL)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    url = sa.make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@contextlib.contextmanager
def target_factory(kind: str, tmp_path: Path) -> Iterator[Callable[[], str | Path]]:
    """A function giving a new save target per call: a new file, or the same database."""
    if kind == "sqlite":
        counter = itertools.count(1)
        yield lambda: tmp_path / f"game{next(counter)}.wargame"
    else:
        with pg_schema_url() as url:
            yield lambda: url


def run_sql(target: str | Path, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
    """Run raw SQL on a save (file or database), outside the storage code (to tamper with it)."""
    if isinstance(target, Path) or "://" not in str(target):
        con = sqlite3.connect(target)
        try:
            rows = con.execute(sql, params or {}).fetchall()
            con.commit()
            return rows
        finally:
            con.close()
    engine = sa.create_engine(str(target))
    try:
        with engine.begin() as conn:
            result = conn.execute(sa.text(sql), params or {})
            return list(result) if result.returns_rows else []
    finally:
        engine.dispose()


def reopen(target: str | Path, record: GameRecord, **kw: Any) -> GameRecord:
    """Open the same game again (``record.url`` hides the password, so pass the target)."""
    return GameRecord.open(target, record.game_id, **kw)


def cli(*args: str) -> subprocess.CompletedProcess:
    """Run ``wargame ARGS`` in this process: exit status, stdout and stderr."""
    from wargame.cli import main
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def file_state(path: Path) -> tuple[bytes, int, list[str]]:
    """Bytes, mtime and the names beside a file (to prove an open changed nothing)."""
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(p.name for p in path.parent.iterdir())


__all__ = ["BACKENDS", "PG_URL", "SEATS", "SEED", "cli", "computer_seats", "file_state", "pg_schema_url",
           "play_saved", "reference", "reopen", "run_sql", "scenario", "target_factory"]
