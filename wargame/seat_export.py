"""Per-seat replays: a file holding only what one seat saw, step by step (``.wargame-view``).

:func:`export_seat_view` replays a saved game and writes, for every log index, the state as the
seat may see it (``game.view(seat)``: other seats' secret commitments, private budget lines and
proposals addressed to others are already stripped) and the events visible to it
(``Event.visible_to``). The file never holds the action log of the other seats, the seed, the
random generator's state, the facilitator's notes or bookmarks; only the seat's own actions are
kept. :func:`open_seat_view` reads it back (:class:`SeatViewFile`), and
:meth:`SeatViewFile.game_at` rebuilds a minimal :class:`Game` from a view for the app's views.

The format is JSON lines (UTF-8, one object per line, greppable): a ``header`` (kind
``"seat-view"``, format version, seat, scenario), the distinct ``view`` states (without
history), the ``history`` rows as the seat saw them, one ``step`` per log index, and an ``end``
line carrying the SHA-256 of everything before it (so a cut or edited file is detected).
This module never imports Qt.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from wargame import __version__
from wargame.actions import Action, action_from_dict
from wargame.errors import IllegalAction, ScenarioError
from wargame.events import Event
from wargame.rules.game import Game
from wargame.rules.seat_view import HIDDEN_COUNTERS, game_from_state
from wargame.scenario import Scenario, parse_scenario
from wargame.state import canonical_json
from wargame.storage.errors import SaveError
from wargame.types import SEAT_NAMES, SEATS

KIND = "seat-view"
FORMAT_VERSION = 1
SUFFIX = ".wargame-view"
def _line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False) + "\n"


def _seat_history_row(row: dict[str, Any], visible: set[str]) -> dict[str, Any]:
    """A history row as the view gives it, with pacts the seat cannot see left out."""
    out = dict(row)
    pacts = row.get("pacts")
    if isinstance(pacts, dict):
        out["pacts"] = {pid: p for pid, p in pacts.items() if pid in visible}
    return out


def _where(record: Any) -> str:
    path = getattr(record, "path", None)
    return path.name if path is not None else f"game {getattr(record, 'game_id', '?')} of a database"


def export_seat_view(record: Any, seat: str, out_path: str | Path) -> Path:
    """Write ``seat``'s view of the saved game ``record`` (a ``GameRecord``) to ``out_path``.

    Raises :class:`SaveError` for an unknown seat, an output that would overwrite something that
    is not a seat view (or the save itself), or a log this version of the rules cannot replay.
    The file is written to a temporary name and moved into place, so it is complete or absent.
    """
    out = Path(out_path).expanduser()
    if seat not in SEATS:
        raise SaveError(out, f"{seat!r} is not a seat", f"choose one of {', '.join(SEATS)}")
    src = getattr(record, "path", None)
    if src is not None and out.exists() and out.resolve() == Path(src).resolve():
        raise SaveError(out, "is the saved game itself", f"write the view to another file ending in {SUFFIX}")
    if out.is_dir():
        raise SaveError(out, "is a folder", f"name a file ending in {SUFFIX}")
    if out.exists() and not is_seat_view(out):
        raise SaveError(out, "already exists and is not a seat view", "choose another name")
    entries = record.entries()
    game = record.game_at(0)
    views: dict[str, int] = {}
    body: list[str] = []
    history_len = 0
    for entry in entries:
        if entry.index > 0:
            try:
                game.apply(entry.action)
            except IllegalAction as err:
                raise SaveError(record.where, f"action #{entry.index} is refused by this version of the rules "
                                f"({err.reason})", "export it with the version that saved the game") from None
        view = game.view(seat)
        history = view.pop("history")
        for key in HIDDEN_COUNTERS:
            view.pop(key, None)
        visible = set(view["commitments"])
        for pos in range(history_len, len(history)):
            body.append(_line({"type": "history", "pos": pos, "row": _seat_history_row(history[pos], visible)}))
        history_len = len(history)
        text = canonical_json(view)
        view_id = views.get(text)
        if view_id is None:
            view_id = views[text] = len(views)
            body.append(_line({"type": "view", "id": view_id, "state": view}))
        own = entry.action if entry.action is not None and entry.action.seat == seat else None
        body.append(_line({
            "type": "step", "index": entry.index, "turn": entry.turn, "phase": entry.phase, "view": view_id,
            "history": history_len, "action": None if own is None else own.to_dict(),
            "events": [e.to_dict() for e in entry.events if e.visible_to(seat)]}))
    header = _line({
        "type": "header", "kind": KIND, "format": FORMAT_VERSION, "seat": seat, "seat_name": SEAT_NAMES[seat],
        "title": getattr(record, "title", "") or record.scenario.meta.title, "source": _where(record),
        "scenario_id": record.scenario.meta.id, "scenario": record.scenario.model_dump(mode="json"),
        "app_version": __version__, "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "steps": len(entries)})
    digest = hashlib.sha256()
    temp = out.with_name(f".{out.name}.{os.getpid()}.writing")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with temp.open("w", encoding="utf-8", newline="\n") as fh:
            for text in [header, *body]:
                fh.write(text)
                digest.update(text.encode("utf-8"))
            fh.write(_line({"type": "end", "steps": len(entries), "views": len(views), "sha256": digest.hexdigest()}))
        os.replace(temp, out)
    except OSError as err:
        temp.unlink(missing_ok=True)
        raise SaveError(out, f"cannot be written ({err.strerror or err})",
                        "check that the folder is writable and the disk has space") from None
    return out


def is_seat_view(path: str | Path) -> bool:
    """Whether ``path`` starts like a seat-view file (does not check the rest)."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.readline(1 << 20)
        return json.loads(head).get("kind") == KIND
    except (OSError, ValueError, AttributeError):
        return False


@dataclass(frozen=True)
class SeatStep:
    """One step of a seat's replay: the state after log index ``index`` as the seat saw it.

    ``action`` is set only when the seat itself acted; ``events`` are those it may see.
    """

    index: int
    turn: int
    phase: str
    view_id: int
    history_len: int
    action: Action | None
    events: tuple[Event, ...]


class SeatViewFile:
    """A ``.wargame-view`` file read into memory. Build with :func:`open_seat_view`."""

    def __init__(self, path: Path, header: dict[str, Any], views: dict[int, dict[str, Any]],
                 history: list[dict[str, Any]], steps: list[SeatStep]) -> None:
        self.path = path
        self.header = header
        self._views = views
        self._history = history
        self.steps = steps
        self._scenario: Scenario | None = None
        self._game: tuple[int, Game] | None = None

    @property
    def seat(self) -> str:
        """The seat whose view this is."""
        return str(self.header["seat"])

    @property
    def title(self) -> str:
        return str(self.header.get("title", ""))

    @property
    def source(self) -> str:
        """The save the view was exported from (its file name)."""
        return str(self.header.get("source", ""))

    @property
    def where(self) -> str:
        return str(self.path)

    @property
    def scenario(self) -> Scenario:
        if self._scenario is None:
            try:
                self._scenario = parse_scenario(self.header["scenario"], f"{self.path} (scenario)")
            except ScenarioError as err:
                raise SaveError(self.path, f"its scenario is not valid for this version ({err.field}: {err.problem})",
                                "export the view again with this version") from None
        return self._scenario

    def __len__(self) -> int:
        return len(self.steps)

    def view_at(self, index: int) -> dict[str, Any]:
        """The seat's view after ``index`` actions (history included), a fresh copy."""
        step = self._step(index)
        view = json.loads(json.dumps(self._views[step.view_id]))
        view["history"] = json.loads(json.dumps(self._history[:step.history_len]))
        return view

    def events_until(self, index: int) -> list[Event]:
        """Every event the seat saw up to and including step ``index``."""
        return [e for s in self.steps[:index + 1] for e in s.events]

    def game_at(self, index: int) -> Game:
        """A minimal game rebuilt from the view at ``index`` (for the map, network and charts).

        Other seats' private lines are zero, secret commitments the seat cannot see are absent and
        figures computed from them (e.g. another seat's real deterrence) are the seat's estimate.
        ``game.events`` holds the events the seat saw, ``game.actions`` its own actions.
        """
        if self._game is not None and self._game[0] == index:
            return self._game[1]
        game = game_from_view(self.view_at(index), self.scenario)
        game.events = self.events_until(index)
        game.actions = [s.action for s in self.steps[1:index + 1] if s.action is not None]
        self._game = (index, game)
        return game

    def _step(self, index: int) -> SeatStep:
        if not 0 <= index < len(self.steps):
            raise SaveError(self.path, f"has no step {index}: it runs from 0 to {len(self.steps) - 1}",
                            "pick an index in that range")
        return self.steps[index]


def game_from_view(view: dict[str, Any], scenario: Scenario) -> Game:
    """A :class:`Game` whose state is ``view`` (a ``game.view(seat)`` dict) with the hidden parts
    filled with neutral values (no seed, no random state, zero private lines): the seat's
    information state, so the rules functions on it give the seat's own figures and estimates."""
    return game_from_state(view, scenario, view.get("viewer"))


def open_seat_view(path: str | Path) -> SeatViewFile:
    """Read a ``.wargame-view`` file; raises :class:`SaveError` saying what is wrong with it."""
    path = Path(path).expanduser()
    if not path.exists():
        raise SaveError(path, "no such file", "check the name")
    if path.is_dir():
        raise SaveError(path, "is a folder, not a seat view", f"name a {SUFFIX} file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SaveError(path, f"cannot be read ({err.strerror})", "check the file's permissions") from None
    if data.startswith(b"SQLite format 3"):
        raise SaveError(path, "is a saved game, not a seat view", "replay it as a saved game, or export a "
                        f"seat's view of it with `wargame export-seat {path.name} --seat SEAT`")
    lines = data.split(b"\n")
    try:
        header = json.loads(lines[0])
        assert isinstance(header, dict)
    except (ValueError, AssertionError):
        if data.startswith(b'{"') and b"\n" not in data and f'"{KIND}"'.encode() in data:
            raise SaveError(path, "is truncated (it ends inside its header)", "export the view again") from None
        raise SaveError(path, "is not a seat view (its first line is not a seat-view header)",
                        f"open a {SUFFIX} file written by `wargame export-seat`") from None
    if header.get("kind") != KIND:
        raise SaveError(path, "is not a seat view", f"open a {SUFFIX} file written by `wargame export-seat`")
    if not isinstance(header.get("format"), int) or header["format"] > FORMAT_VERSION:
        raise SaveError(path, f"was written in a newer format ({header.get('format')}); this version reads "
                        f"format {FORMAT_VERSION}", "update Layered Deterrence to open it")
    if header.get("seat") not in SEATS:
        raise SaveError(path, f"names no known seat ({header.get('seat')!r})", "export the view again")
    return _parse_body(path, header, lines)


def _parse_body(path: Path, header: dict[str, Any], lines: list[bytes]) -> SeatViewFile:
    digest = hashlib.sha256()
    views: dict[int, dict[str, Any]] = {}
    history: list[dict[str, Any]] = []
    steps: list[SeatStep] = []
    end: dict[str, Any] | None = None
    try:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            obj = json.loads(raw)
            kind = obj["type"]
            if kind == "end":
                end = obj
                break
            digest.update(raw + b"\n")
            if kind == "view":
                views[int(obj["id"])] = obj["state"]
            elif kind == "history":
                if obj["pos"] != len(history):
                    raise ValueError(f"history row {len(history)} is missing")
                history.append(obj["row"])
            elif kind == "step":
                if obj["index"] != len(steps) or obj["view"] not in views or obj["history"] > len(history):
                    raise ValueError(f"step {len(steps)} is out of order")
                steps.append(SeatStep(obj["index"], obj["turn"], obj["phase"], obj["view"], obj["history"],
                                      None if obj["action"] is None else action_from_dict(obj["action"]),
                                      tuple(Event.from_dict(e) for e in obj["events"])))
            elif kind != "header":
                raise ValueError(f"line {number} has an unknown type {kind!r}")
    except (ValueError, KeyError, TypeError) as err:
        raise SaveError(path, f"is damaged ({err})", "export the view again from the saved game") from None
    if end is None:
        raise SaveError(path, "is truncated (its end line is missing)", "export the view again from the saved game")
    if end.get("sha256") != digest.hexdigest() or end.get("steps") != len(steps) or not steps:
        raise SaveError(path, "is damaged or was edited (its checksum does not match)",
                        "export the view again from the saved game")
    return SeatViewFile(path, header, views, history, steps)
