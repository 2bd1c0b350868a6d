"""The stored text of a turn-start snapshot, built from pieces that are written once.

A snapshot is ``state_to_dict(state, history=False)`` as JSON, and late in a long game most of
it is ended commitments and past crises (twice: in the state and in its phase snapshot) that
no longer change. The state's dict form takes the dicts of ended commitments and ruled crises
from the phase snapshot (``wargame.state`` shares them, as the undo snapshots do), and the
JSON text of such a dict is kept by identity: a snapshot dict is never changed, so its text
is written once, not at every turn. The text parses to exactly the dict that
``json.dumps`` of the whole state would give (``tests/test_storage_snapshots.py``).
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from wargame.idcache import IdentityCache
from wargame.state import TERMINAL, State, _state_dict

_TEXTS: IdentityCache[str] = IdentityCache()
"""The JSON of dicts that are never changed again (ended commitments, past crises)."""


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _piece(d: dict[str, Any]) -> str:
    return _TEXTS.get(d, _dumps)


@lru_cache(maxsize=65_536)
def _key(key: str) -> str:
    return _dumps(key) + ":"


def _commitments(items: dict[str, Any]) -> str:
    return "{" + ",".join(_key(k) + (_piece(v) if v["status"] in TERMINAL else _dumps(v))
                          for k, v in items.items()) + "}"


def state_text(data: dict[str, Any]) -> str:
    """JSON of a state dict (``state_to_dict`` form, maybe holding its phase snapshot) whose
    ended commitments and past crises are not changed afterwards."""
    parts = []
    for key, value in data.items():
        if key == "commitments":
            text = _commitments(value)
        elif key == "crises":
            text = "[" + ",".join(_piece(c) for c in value) + "]"
        elif key == "phase_base" and value is not None:
            text = state_text(value)
        else:
            text = _dumps(value)
        parts.append(f"{_dumps(key)}:{text}")
    return "{" + ",".join(parts) + "}"


def snapshot_text(state: State) -> str:
    """The stored text of ``state`` without its history (what ``json.loads`` turns back into
    ``state_to_dict(state, history=False)``)."""
    return state_text(_state_dict(state, False, False, state.phase_base))
