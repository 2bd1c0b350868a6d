"""Where saves live, and listings of saved games (a folder of files, or a database)."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import func, select

from wargame.storage.backend import SUFFIX, display_url, open_url
from wargame.storage.errors import SaveError
from wargame.storage.models import EntryRow, GameRow, SeatRow
from wargame.storage.rows import seats_text
from wargame.storage.values import SaveSummary, SeatInfo

ENV_SAVES_DIR = "WARGAME_SAVES_DIR"


def default_saves_dir() -> Path:
    """``$WARGAME_SAVES_DIR`` if set; else ``saves/`` at the top of the source tree; for an
    installed package (no ``pyproject.toml`` beside it) the user's data folder."""
    env = os.environ.get(ENV_SAVES_DIR)
    if env:
        return Path(env).expanduser()
    import wargame
    root = Path(wargame.__file__).resolve().parents[1]
    if (root / "pyproject.toml").exists():
        return root / "saves"
    from platformdirs import user_data_dir
    return Path(user_data_dir("layered-deterrence")) / "saves"


def new_save_path(scenario_id: str, directory: Path | None = None) -> Path:
    """A fresh file name ``<scenario>-<YYYYmmdd-HHMMSS>.wargame`` (``-2``, ``-3``... if taken)."""
    folder = default_saves_dir() if directory is None else Path(directory)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in scenario_id) or "game"
    path = folder / f"{safe}-{stamp}{SUFFIX}"
    n = 2
    while path.exists():
        path = folder / f"{safe}-{stamp}-{n}{SUFFIX}"
        n += 1
    return path


def resolve_new_save(name: str, scenario_id: str, folder: Path | None = None) -> Path:
    """Where ``--save NAME`` writes: a bare name goes into the saves folder (``.wargame`` added),
    a folder gets a fresh timestamped name, any other path is used as given."""
    path = Path(name).expanduser()
    if path.is_dir():
        return new_save_path(scenario_id, path)
    if len(path.parts) == 1 and not path.is_absolute():
        path = (folder or default_saves_dir()) / path
    if not path.suffix:
        path = path.with_suffix(SUFFIX)
    return path


def resolve_existing(name: str, folder: Path | None = None) -> str | Path:
    """A save named on the command line: a URL, an existing path, or a name in the saves folder."""
    if "://" in name:
        return name
    path = Path(name).expanduser()
    if path.exists() or len(path.parts) != 1:
        return path
    folder = folder or default_saves_dir()
    for candidate in (folder / name, folder / f"{name}{SUFFIX}"):
        if candidate.exists():
            return candidate
    return path


def list_saves(directory: Path | None = None) -> list[SaveSummary]:
    """Every ``.wargame`` file in ``directory`` (default: the saves folder), most recent first.

    Files that cannot be read are listed too, with ``error`` set.
    """
    from wargame.storage.record import GameRecord
    folder = default_saves_dir() if directory is None else Path(directory)
    if not folder.is_dir():
        return []
    out: list[SaveSummary] = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if path.name.startswith("."):
            continue
        try:
            with GameRecord.open(path, readonly=True) as rec:
                out.append(rec.summary())
        except SaveError as err:
            out.append(SaveSummary(path=path, url=None, game_id=0, error=f"{err.problem}. {err.advice}".strip()))
    epoch = datetime.fromtimestamp(0, timezone.utc)
    out.sort(key=lambda s: (s.error is None, s.last_played or epoch), reverse=True)
    return out


def list_games(url: str) -> list[SaveSummary]:
    """Every game in the database at ``url``, most recently played first."""
    try:
        store = open_url(url, readonly=True, create=False)
    except SaveError as err:
        if "holds no Layered Deterrence games" in err.problem:
            return []
        raise
    try:
        with store.tx() as conn:
            last = (select(EntryRow.game_id, func.max(EntryRow.idx).label("n"))
                    .group_by(EntryRow.game_id).subquery())
            rows = conn.execute(
                select(GameRow.id, GameRow.title, GameRow.created, GameRow.scenario_id, GameRow.scenario_title,
                       GameRow.scenario_turns, GameRow.parent_ref, GameRow.parent_game_id,
                       EntryRow.turn, EntryRow.phase, EntryRow.over, EntryRow.at, last.c.n)
                .join(last, last.c.game_id == GameRow.id)
                .join(EntryRow, (EntryRow.game_id == GameRow.id) & (EntryRow.idx == last.c.n))).all()
            seats: dict[int, list[SeatInfo]] = {}
            for s in conn.execute(select(SeatRow.game_id, SeatRow.seat, SeatRow.player, SeatRow.name,
                                         SeatRow.style)):
                seats.setdefault(s.game_id, []).append(SeatInfo(s.seat, s.player, s.name, s.style))
    finally:
        store.close()
    shown = display_url(url)
    out = [SaveSummary(path=None, url=shown, game_id=r.id, title=r.title, scenario_id=r.scenario_id,
                       scenario_title=r.scenario_title, turn=r.turn, turns=r.scenario_turns,
                       phase=r.phase, over=bool(r.over), seats=seats_text(seats.get(r.id, [])),
                       last_played=max(datetime.fromtimestamp(r.at, timezone.utc),
                                       r.created.replace(tzinfo=timezone.utc)), actions=r.n,
                       parent=(r.parent_ref if "://" not in (r.parent_ref or "") else
                               f"{r.parent_ref} (game {r.parent_game_id})") if r.parent_ref else None)
           for r in rows]
    out.sort(key=lambda s: s.last_played, reverse=True)  # type: ignore[arg-type,return-value]
    return out
