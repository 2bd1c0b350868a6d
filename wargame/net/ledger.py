"""The host's ledger of action ids: an action id answered once is answered the same way again.

A client picks an id for each action it sends (a UUID). If the network drops before the answer
arrives, the client sends the same id again and gets the first answer; the action is never
applied twice. The answers are kept in memory and in the save's settings (one setting per id,
``net.act.<role>.<id>``), so they survive a host restart.

Applying an action and writing its answer are two commits; a host killed between them must
still know afterwards whether the action went in. So before an action is applied, the ledger
writes which id it is, the log index it will take and the action itself (``net.pending``). On
the next start, :meth:`ActionLedger.settle` looks at the log: if that index holds that action,
the id was accepted there; otherwise it was never applied and a retry applies it.
"""
from __future__ import annotations

from typing import Any

from wargame.net.protocol import Result

RESULT_PREFIX = "net.act."
"""Prefix of the save settings holding one action id's answer."""

PENDING_META = "net.pending"
"""The save setting naming the action being applied (its id, log index and dict form)."""


def ledger_key(role: str, action_id: str) -> str:
    """The setting holding the answer to ``role``'s action ``action_id`` (ids are per role, so
    two seats picking the same id never see each other's answers)."""
    return f"{RESULT_PREFIX}{role}.{action_id}"


class ActionLedger:
    """Answers given to action ids, kept in memory and in ``record`` (a ``GameRecord``)."""

    def __init__(self, record: Any) -> None:
        self.record = record
        self._answers: dict[str, Result] = {}

    def recall(self, role: str, action_id: str) -> Result | None:
        """The answer already given to this id, or ``None`` if it is new."""
        key = ledger_key(role, action_id)
        found = self._answers.get(key)
        if found is None:
            stored = self.record.meta(key)
            if isinstance(stored, dict):
                found = self._answers[key] = Result.model_validate(stored)
        return found

    def begin(self, role: str, action_id: str, index: int, action: dict[str, Any]) -> None:
        """Note, before it is applied, that ``action`` is to become log entry ``index``."""
        self.record.set_meta(PENDING_META, {"key": ledger_key(role, action_id), "index": index,
                                            "action": action, "action_id": action_id})

    def answer(self, role: str, result: Result) -> None:
        """Keep ``result`` as the answer to its action id."""
        key = ledger_key(role, result.action_id)
        self._answers[key] = result
        self.record.set_meta(key, result.model_dump(mode="json"))

    def settle(self) -> str | None:
        """After a restart: decide the action that was being applied when the host stopped.
        Returns what was decided (for the host's output) or ``None`` if nothing was pending."""
        pending = self.record.meta(PENDING_META)
        if not isinstance(pending, dict) or not isinstance(pending.get("key"), str):
            return None
        key, index, action_id = pending["key"], pending.get("index"), str(pending.get("action_id", ""))
        if self.record.meta(key) is not None:
            outcome = None
        else:
            entries = self.record.entries()
            applied = (isinstance(index, int) and 0 < index < len(entries)
                       and entries[index].action is not None
                       and entries[index].action.to_dict() == pending.get("action"))
            if applied:
                self.record.set_meta(key, Result(action_id=action_id, accepted=True,
                                                 log_index=index).model_dump(mode="json"))
                outcome = f"action {action_id} had been applied as entry {index} before the host stopped"
            else:
                outcome = f"action {action_id} had not been applied when the host stopped; a retry applies it"
        self.record.set_meta(PENDING_META, None)
        return outcome
