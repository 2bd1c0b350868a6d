"""Verification of a saved game: recompute everything from the scenario and the seed.

Checks, in order: the database's own integrity (SQLite ``quick_check``), that the stored
scenario still validates, then for every log entry that the action parses, that the rules
accept it, that the state digest after it (by the scheme the entry was written with, see
:mod:`wargame.storage.schemes`) and the events it produced are the ones stored;
finally that every snapshot and the history rows rebuild to the recorded states. The first
divergence is reported as ``(index, expected, found)``: expected is what the save holds, found
what the engine computes now.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from wargame.actions import action_from_dict
from wargame.digest import state_digest
from wargame.errors import IllegalAction
from wargame.rules.game import Game
from wargame.storage.errors import SaveError
from wargame.storage.models import EntryRow, HistoryRow, SnapshotRow
from wargame.storage.values import VerifyReport

if TYPE_CHECKING:
    from wargame.storage.record import GameRecord


def _short(digest: str) -> str:
    return digest[:16] if len(digest) == 64 else digest


def _fail(rec: "GameRecord", checked: int, index: int | None, expected: str, found: str,
          what: str) -> VerifyReport:
    div = (index, expected, found) if index is not None else None
    if index is None:
        text = f"{rec.where}: verification failed: {what}"
    else:
        point = "the start of the game" if index == 0 else f"action #{index}"
        text = (f"{rec.where}: verification failed at {point}: {what} "
                f"(expected {_short(expected)}, found {_short(found)}). The game was saved by "
                f"Layered Deterrence {rec.app_version}: changed rules or an edited file make it diverge")
    return VerifyReport(False, checked, div, text)  # type: ignore[arg-type]


def _normal(data: Any) -> Any:
    return json.loads(json.dumps(data))


def verify_record(rec: "GameRecord") -> VerifyReport:
    """See the module docstring."""
    store, gid = rec._store, rec.game_id
    try:
        if store.is_file:
            with store.tx() as conn:
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").all()]
            if result != ["ok"]:
                return _fail(rec, 0, None, "", "", f"the database is damaged ({'; '.join(' '.join(str(r).split()) for r in result[:3])})")
        with store.tx() as conn:
            rows = conn.execute(select(EntryRow.idx, EntryRow.turn, EntryRow.phase, EntryRow.over,
                                       EntryRow.action, EntryRow.events, EntryRow.digest)
                                .where(EntryRow.game_id == gid).order_by(EntryRow.idx)).all()
            snaps = conn.execute(select(SnapshotRow.idx, SnapshotRow.history_len)
                                 .where(SnapshotRow.game_id == gid).order_by(SnapshotRow.idx)).all()
            history = conn.execute(select(HistoryRow.pos, HistoryRow.row)
                                   .where(HistoryRow.game_id == gid).order_by(HistoryRow.pos)).all()
        scenario = rec.scenario
    except SaveError as err:
        return _fail(rec, 0, None, "", "", f"the save {err.problem}")
    game = Game(scenario, rec.seed)
    digests: list[str] = []
    checked = 0
    for expect_idx, (idx, turn, phase, over, action_text, events_text, digest) in enumerate(rows):
        if idx != expect_idx:
            return _fail(rec, checked, expect_idx, "a log entry", "none", "the entry is missing")
        label = "the start"
        if idx == 0:
            if action_text is not None:
                return _fail(rec, checked, 0, "no action", action_text[:40], "the start entry holds an action")
            produced = game.events
        else:
            try:
                action = action_from_dict(json.loads(action_text))
            except (ValueError, TypeError, KeyError) as err:
                return _fail(rec, checked, idx, "a readable action", f"unreadable ({err})",
                             "the stored action does not parse")
            label = action.label.lower()
            try:
                produced = game.apply(action)
            except IllegalAction as err:
                return _fail(rec, checked, idx, digest, f"refused: {err.reason}",
                             f"the rules refuse the stored action ({label} by {action.seat})")
        found = state_digest(game.state, rec.scheme_at(idx))
        if found != digest:
            return _fail(rec, checked, idx, digest, found, f"the state after {label} differs from the saved digest")
        try:
            stored_events = json.loads(events_text)
        except ValueError as err:
            return _fail(rec, checked, idx, "readable events", f"unreadable ({err})", "the stored events do not parse")
        computed = _normal([e.to_dict() for e in produced])
        if stored_events != computed:
            k = next((i for i, (a, b) in enumerate(zip(stored_events, computed)) if a != b),
                     min(len(stored_events), len(computed)))
            exp = stored_events[k].get("text", "?") if k < len(stored_events) and isinstance(stored_events[k], dict) else "no event"
            got = computed[k]["text"] if k < len(computed) else "no event"
            return _fail(rec, checked, idx, f"event {exp!r}", f"event {got!r}",
                         f"the events of {label} differ from the saved ones (event {k + 1})")
        if (turn, phase, bool(over)) != (game.turn, game.phase, game.over):
            return _fail(rec, checked, idx, f"turn {turn} {phase}", f"turn {game.turn} {game.phase}",
                         "the recorded turn and phase differ")
        digests.append(digest)
        checked = idx
    if not rows:
        return _fail(rec, 0, 0, "a start entry", "none", "the log is empty")
    hist = game.state.history
    if len(history) != len(hist) or any(pos != i or json.loads(text) != _normal(hist[i])
                                        for i, (pos, text) in enumerate(history)):
        return _fail(rec, checked, None, "", "", "the stored history rows differ from the replayed history")
    for idx, history_len in snaps:
        if idx >= len(digests):
            return _fail(rec, checked, None, "", "", f"a snapshot after action #{idx} lies beyond the log")
        try:
            found = state_digest(rec._rebuild(idx, history_len).state, rec.scheme_at(idx))
        except SaveError as err:
            return _fail(rec, checked, idx, digests[idx], "unreadable snapshot", err.problem)
        if found != digests[idx]:
            return _fail(rec, checked, idx, digests[idx], found, "the snapshot differs from the log")
    return VerifyReport(True, checked, None,
                        f"{rec.where}: ok: {checked} actions replayed from the scenario and seed "
                        f"{rec.seed}; every digest, event and {len(snaps)} snapshots match")
