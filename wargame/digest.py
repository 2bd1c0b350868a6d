"""The state digest: a SHA-256 of the whole state whose cost per action does not grow with the game.

Two schemes exist. Saves record which one their log digests use (``digest_scheme`` in the
save's ``game_meta``; a save without it was written with scheme 1).

**Scheme 2** (:data:`DIGEST_SCHEME`, written since issue 17). Still a pure function of the state
(equal states, equal digests; any difference, another digest), defined on the state's dict form
(:func:`wargame.state.state_to_dict`), so that :func:`dict_digest` of a stored snapshot and
:func:`digest` of the live state agree. The state enters as SHA-256 over a small JSON body
(counters, phase, keys and positions) followed by 32-byte hashes of its parts:

* a commitment that has *ended* (status ``expired`` or ``broken``: the rules never change it
  again) enters as ``SHA-256([position, key] + hash of its dict)`` read as a 256-bit number,
  and the ended ones are summed modulo 2**256; every other commitment (active, proposed,
  suspended: a suspended fee resumes) enters by the hash of its dict, with its position;
* each seat, proposal and the running crisis by the hash of its dict; actors, posture,
  parameters and notes by one hash;
* the past crises, and the phase's actions, by the hash of their hashes in order;
* the history rows (append-only, never edited) as a hash chain over their hashes;
* the phase snapshot (``phase_base``) as its own scheme-2 digest.

Every hash is of ``canonical_json`` (key order kept). :func:`digest` keeps what it worked out on
the state (``State.digest_memo``, not part of the state: equality ignores it) and on the next
call only looks at what may have changed: the commitments that had not ended and those added
since, the crises' rulings, history rows and phase actions added since, a new phase snapshot.
A seat, proposal or commitment whose fields pickle to the same bytes as last time keeps its hash
(a pickle takes about a microsecond, its JSON ten). The rest is trusted to the rules, and
checked by the property test (``tests/test_digest_incremental.py``) against a computation from
scratch at every step of seeded games: an ended commitment and a past crisis (other than its
ruling) are never edited, nor are history rows and phase actions once appended.

**Scheme 1** (saves written before): the state without history as canonical JSON (the phase
snapshot included in full), the history as the hash of its rows' hashes. Its cost grows with
the game; it is kept only to check the digests of older saves.
"""
from __future__ import annotations

import dataclasses
import hashlib
import pickle
from itertools import islice
from operator import attrgetter
from typing import Any

from wargame.idcache import IdentityCache
from wargame.state import (
    TERMINAL, Commitment, Crisis, Proposal, SeatState, State, _commitment_dict, _crisis_dict,
    _proposal_dict, _seat_dict, _state_dict, canonical_json,
)

DIGEST_SCHEME = 2
"""The scheme :func:`digest` computes (and new saves record)."""

SCHEMES = (1, 2)
"""Every scheme this version can check."""

ENDED = TERMINAL
"""Commitment statuses the rules never leave and after which they never edit the commitment
(``suspended`` is not one: a suspended fee-based commitment resumes)."""

_MASK = (1 << 256) - 1
_CHAIN0 = hashlib.sha256(b"wargame history chain").digest()
_sha = hashlib.sha256


def _hash(value: Any) -> bytes:
    return _sha(canonical_json(value).encode("utf-8")).digest()


def _term(pos: int, key: str, entry: bytes) -> int:
    """An ended commitment's term of the sum (``entry``: the hash of its dict)."""
    return int.from_bytes(_sha(canonical_json([pos, key]).encode("utf-8") + entry).digest(), "big")


def _fields(cls: type) -> Any:
    return attrgetter(*(f.name for f in dataclasses.fields(cls)))


_SEAT, _COMMITMENT, _PROPOSAL, _CRISIS = (_fields(c) for c in (SeatState, Commitment, Proposal, Crisis))


class _Prints:
    """Entry hashes of live states, each kept with a fingerprint of what it hashed: the pickle
    of the object's fields (about a microsecond, against ten or more for its JSON). Equal
    pickles mean equal values of the same types, so an unchanged fingerprint means an unchanged
    hash; a changed one (or the same value pickled with other object sharing) only means the
    JSON is hashed again. The proposals get one fingerprint for all of them first, so an
    action that changed none of them costs one pickle (most actions change some seat: each
    seat has its own). Shared by a state's clones: every entry
    is checked by its fingerprint, whoever made it."""

    __slots__ = ("table",)
    LIMIT = 4000

    def __init__(self) -> None:
        self.table: dict[Any, tuple[bytes, Any]] = {}

    def one(self, slot: Any, fields: Any, value: Any, as_dict: Any) -> bytes:
        """The hash of ``as_dict(value)``, ``fields(value)`` its fingerprint."""
        fp = pickle.dumps(fields(value), 5)
        hit = self.table.get(slot)
        if hit is not None and hit[0] == fp:
            return hit[1]  # type: ignore[no-any-return]
        h = _hash(as_dict(value))
        if len(self.table) >= self.LIMIT:
            self.table.clear()
        self.table[slot] = (fp, h)
        return h

    def group(self, slot: str, fields: Any, items: dict[str, Any], as_dict: Any,
              hashes: list[bytes]) -> list[str]:
        """The keys of a dict, its values' hashes added to ``hashes``; one fingerprint for all
        of them first."""
        fp = pickle.dumps([(k, fields(v)) for k, v in items.items()], 5)
        hit = self.table.get(slot)
        if hit is not None and hit[0] == fp:
            hashes.extend(hit[1][1])
            return hit[1][0]  # type: ignore[no-any-return]
        keys = list(items)
        mine = [self.one((slot, k), fields, v, as_dict) for k, v in items.items()]
        self.table[slot] = (fp, (keys, mine))
        hashes.extend(mine)
        return keys


class _Ledger:
    """How far the hashing of one commitments dict has got: ``known`` entries looked at (the
    last of them ``last``), the ended ones summed in ``closed`` (``count`` of them), the
    positions and keys of the others in ``open``."""

    __slots__ = ("target", "known", "last", "closed", "count", "open", "seen")

    def __init__(self, target: Any = None) -> None:
        self.target: Any = None
        self.known = 0
        self.last: Any = None
        self.closed = 0
        self.count = 0
        self.open: list[tuple[int, str]] = []
        self.seen: tuple[bytes, list[Any], list[bytes]] | None = None
        """The open entries' fingerprint and hashes at the last look (live commitments only)."""
        self._restart(target)

    def _restart(self, target: Any) -> None:
        self.target, self.known, self.last, self.closed, self.count, self.open = target, 0, None, 0, 0, []
        self.seen = None

    def copy(self, target: Any) -> "_Ledger":
        """The same progress, for ``target``: a copy of the dict or a later version of it."""
        other = _Ledger(target)
        other.known, other.last, other.closed, other.count = self.known, self.last, self.closed, self.count
        other.open, other.seen = list(self.open), self.seen
        return other

    def _catch_up(self, items: dict[str, Any]) -> None:
        """Add the entries appended since the last look to ``open`` (start again if entries
        were removed: positions would have moved)."""
        n = len(items)
        if self.target is not items or n < self.known:
            self._restart(items)
        added: list[str] = []
        if self.known == 0:
            added = list(items)
        elif n == self.known:
            if next(reversed(items)) != self.last:  # entries were removed and others added
                self._restart(items)
                added = list(items)
        else:
            added = list(islice(items, self.known - 1, None))
            if added[0] != self.last:
                self._restart(items)
                added = list(items)
            else:
                del added[0]
        if added:
            self.open.extend(enumerate(added, self.known))
            self.known = n
            self.last = added[-1]

    def part(self, items: dict[str, Any], prints: _Prints | None, hashes: list[bytes]) -> list[Any]:
        """The commitments' part of the digest body (the open ones' hashes added to
        ``hashes``). With ``prints`` the values are live :class:`Commitment` objects, else
        their dicts."""
        self._catch_up(items)
        values = [items.get(key) for _pos, key in self.open]
        if None in values:  # removed: the positions moved, start again
            self._restart(items)
            return self.part(items, prints, hashes)
        fp = b""
        if prints is not None:
            fp = pickle.dumps((self.open, [_COMMITMENT(v) for v in values]), 5)
            if self.seen is not None and self.seen[0] == fp:
                hashes.extend(self.seen[2])
                return [len(items), self.count, f"{self.closed:064x}", self.seen[1]]
        still: list[tuple[int, str]] = []
        mine: list[bytes] = []
        closed, count = self.closed, self.count
        for (pos, key), value in zip(self.open, values):
            if prints is not None:
                h = prints.one(("c", pos, key), _COMMITMENT, value, _commitment_dict)
                status = value.status
            else:
                h, status = _hash(value), value["status"]
            if status in ENDED:
                closed = (closed + _term(pos, key, h)) & _MASK
                count += 1
            else:
                still.append((pos, key))
                mine.append(h)
        self.open, self.closed, self.count = still, closed, count
        places = [list(x) for x in still]
        if prints is not None:
            if len(still) != len(values):
                fp = pickle.dumps((still, [_COMMITMENT(items[k]) for _p, k in still]), 5)
            self.seen = (fp, places, mine)
        hashes.extend(mine)
        return [len(items), count, f"{closed:064x}", places]


def _crises_part(crises: list[Any], memo: list[tuple[str, str, bytes]], live: bool) -> bytes:
    """The past crises' part: the hash of their hashes (``memo`` holds ``(id, ruling, hash)``
    per position: a past crisis changes only by a ruling)."""
    hashes = []
    for i, c in enumerate(crises):
        cid, ruling = (c.id, c.ruling) if live else (c["id"], c["ruling"])
        if i < len(memo) and memo[i][0] == cid and memo[i][1] == ruling:
            hashes.append(memo[i][2])
            continue
        h = _hash(_crisis_dict(c) if live else c)
        if i < len(memo):
            memo[i] = (cid, ruling, h)
        else:
            memo.append((cid, ruling, h))
        hashes.append(h)
    del memo[len(crises):]
    return _sha(b"".join(hashes)).digest()


def _actions_part(actions: list[dict[str, Any]], memo: list[tuple[Any, bytes]]) -> bytes:
    """The phase's actions: the hash of their hashes (``memo``: ``(dict, hash)`` per position;
    an action's dict is appended once and never edited)."""
    hashes = []
    for i, a in enumerate(actions):
        if i < len(memo) and memo[i][0] is a:
            hashes.append(memo[i][1])
            continue
        h = _hash(a)
        if i < len(memo):
            memo[i] = (a, h)
        else:
            memo.append((a, h))
        hashes.append(h)
    del memo[len(actions):]
    return _sha(b"".join(hashes)).digest()


def _chain(chain: bytes, rows: list[dict[str, Any]]) -> bytes:
    for row in rows:
        chain = _sha(chain + _hash(row)).digest()
    return chain


def _finish(parts: list[Any], hashes: list[bytes]) -> str:
    """The digest of a body: its JSON, then the 32-byte hashes it leaves out, in order. The
    body says how many hashes each part has (its keys, positions, counts), so the layout is
    fixed: seats, open commitments, proposals, the running crisis (if any), past crises, the
    other tables, history, the phase's actions."""
    return _sha(b"wargame-digest-2|" + canonical_json(parts).encode("utf-8") + b"|"
                + b"".join(hashes)).hexdigest()


class DigestMemo:
    """What :func:`digest` worked out on a state the last time (see the module docstring)."""

    __slots__ = ("ledger", "prints", "crises", "actions", "history", "base", "base_events",
                 "base_hash", "base_ledger", "base_crises")

    def __init__(self) -> None:
        self.ledger = _Ledger()
        self.prints = _Prints()
        self.crises: list[tuple[str, str, bytes]] = []
        self.actions: list[tuple[Any, bytes]] = []
        self.history: tuple[int, Any, bytes] = (0, None, _CHAIN0)
        self.base: Any = None
        self.base_events: Any = None
        self.base_hash: str | None = None
        self.base_ledger: _Ledger | None = None
        self.base_crises: list[tuple[str, str, bytes]] = []

    def copy(self, state: State) -> "DigestMemo":
        """The memo for ``state``, a faithful copy of the state this memo was made on."""
        other = DigestMemo()
        other.ledger = self.ledger.copy(state.commitments if self.ledger.target is not None else None)
        other.prints = self.prints
        other.crises = list(self.crises)
        other.history = self.history
        other.base, other.base_events, other.base_hash = self.base, self.base_events, self.base_hash
        other.base_ledger, other.base_crises = self.base_ledger, self.base_crises
        return other


def _history_part(history: list[dict[str, Any]], memo: DigestMemo) -> bytes:
    n = len(history)
    done, last, chain = memo.history
    if not (done <= n and (done == 0 or history[done - 1] is last)):
        done, chain = 0, _CHAIN0
    if done < n:
        chain = _chain(chain, history[done:])
        memo.history = (n, history[-1], chain)
    return chain


def _dict_parts(data: dict[str, Any], ledger: _Ledger, crises: list[tuple[str, str, bytes]],
               hashes: list[bytes], chain: bytes | None = None, memo: "DigestMemo | None" = None) -> list[Any]:
    """The scheme-2 body of a state in dict form, its hashes added to ``hashes``. ``ledger``
    and ``crises`` may carry progress made on an earlier version of the same game's
    commitments and crises; ``chain`` is the history's chain if known; ``memo`` receives what
    was worked out on the phase snapshot."""
    history = data.get("history") or []
    base = data.get("phase_base")
    base_part = None
    if base is not None:
        base_ledger, base_crises, base_hashes = _Ledger(), [], []  # type: ignore[var-annotated]
        base_part = _finish(_dict_parts(base, base_ledger, base_crises, base_hashes), base_hashes)
        if memo is not None:
            memo.base, memo.base_events, memo.base_hash = base, base.get("event_count"), base_part
            memo.base_ledger, memo.base_crises = base_ledger, base_crises
    seats, proposals, crisis = data["seats"], data["proposals"], data["crisis"]
    hashes.extend(_hash(v) for v in seats.values())
    commitments = ledger.part(data["commitments"], None, hashes)
    hashes.extend(_hash(v) for v in proposals.values())
    if crisis is not None:
        hashes.append(_hash(crisis))
    hashes.append(_crises_part(data["crises"], crises, False))
    hashes.append(_hash([data["actors"], data["posture"], data["params"], data["notes"]]))
    hashes.append(_chain(_CHAIN0, history) if chain is None else chain)
    hashes.append(_actions_part(data["phase_actions"], []))
    return [
        data["turn"], data["phase"], data["rng"], data["counter"], data["over"], data["external"],
        data["held_phase"], data["action_count"], data.get("event_count", 0), list(seats),
        commitments, list(proposals), crisis is not None, len(data["crises"]), len(history),
        len(data["phase_actions"]), base_part,
    ]


def history_chain(row_texts: list[str]) -> bytes:
    """The history's chain from its rows' canonical JSON texts as stored (each text hashes as
    its row does, the texts being ``canonical_json`` of the rows)."""
    chain = _CHAIN0
    for text in row_texts:
        chain = _sha(chain + _sha(text.encode("utf-8")).digest()).digest()
    return chain


def dict_digest(data: dict[str, Any], scheme: int = DIGEST_SCHEME) -> str:
    """The digest of a state given in its dict form (as stored in a save's snapshot), equal to
    :func:`digest` (scheme 2) or :func:`digest_v1` (scheme 1) of the state it describes.
    Raises ``KeyError``, ``TypeError``, ``AttributeError`` or ``ValueError`` for a dict that
    is not a state."""
    if scheme == 1:
        return dict_digest_v1(data)
    if scheme != 2:
        raise ValueError(f"unknown digest scheme {scheme!r}")
    hashes: list[bytes] = []
    return _finish(_dict_parts(data, _Ledger(), [], hashes), hashes)


def dict_digest_memo(data: dict[str, Any], chain: bytes | None = None) -> tuple[str, "DigestMemo"]:
    """:func:`dict_digest` (scheme 2) with what it worked out, for :func:`adopt_memo` on the
    state built from ``data`` (so that state's first digest is incremental too). ``chain``:
    the history's chain (:func:`history_chain`) if known."""
    memo = DigestMemo()
    history = data.get("history") or []
    if chain is None:
        chain = _chain(_CHAIN0, history)
    hashes: list[bytes] = []
    found = _finish(_dict_parts(data, memo.ledger, memo.crises, hashes, chain, memo), hashes)
    memo.history = (len(history), None, chain)
    return found, memo


def adopt_memo(state: State, memo: "DigestMemo") -> None:
    """Give ``state``, built from the dict :func:`dict_digest_memo` read, what it worked out."""
    memo.ledger = memo.ledger.copy(state.commitments)
    n = memo.history[0]
    if n != len(state.history):
        return
    memo.history = (n, state.history[-1] if n else None, memo.history[2])
    if memo.base is not None:
        if state.phase_base is None or memo.base_ledger is None:
            return
        memo.base = state.phase_base
        memo.base_events = state.phase_base.get("event_count")
        memo.base_ledger = memo.base_ledger.copy(state.phase_base["commitments"])
    state.digest_memo = memo


def digest(state: State) -> str:
    """SHA-256 of the state (order included), as 64 hex digits: scheme 2 of the module
    docstring, worked out from what changed since the last call on this state."""
    memo = state.digest_memo
    if memo is None:
        memo = state.digest_memo = DigestMemo()
    base = state.phase_base
    if base is None:
        base_part = None
    elif memo.base is base and memo.base_events == base.get("event_count"):
        base_part = memo.base_hash
    else:
        # A new phase snapshot is a later version of the state the ledger last saw (the
        # snapshot is taken of this state, after any digest that could have seen it).
        ledger = memo.ledger.copy(base["commitments"]) if memo.ledger.target is state.commitments else _Ledger()
        crises = list(memo.crises)
        base_hashes: list[bytes] = []
        base_part = _finish(_dict_parts(base, ledger, crises, base_hashes), base_hashes)
        memo.base, memo.base_events, memo.base_hash = base, base.get("event_count"), base_part
        memo.base_ledger, memo.base_crises = ledger, crises
    st = state
    prints = memo.prints
    crisis = st.crisis
    hashes = [prints.one(("s", k), _SEAT, v, _seat_dict) for k, v in st.seats.items()]
    commitments = memo.ledger.part(st.commitments, prints, hashes)
    proposals = prints.group("p", _PROPOSAL, st.proposals, _proposal_dict, hashes)
    if crisis is not None:
        hashes.append(prints.one("x", _CRISIS, crisis, _crisis_dict))
    hashes.append(_crises_part(st.crises, memo.crises, True))
    hashes.append(prints.one("m", _same, [st.actors, st.posture, st.params, st.notes], _same))
    hashes.append(_history_part(st.history, memo))
    hashes.append(_actions_part(st.phase_actions, memo.actions))
    return _finish([
        st.turn, st.phase, st.rng, st.counter, st.over, st.external, st.held_phase,
        st.action_count, st.event_count, list(st.seats), commitments, proposals,
        crisis is not None, len(st.crises), len(st.history), len(st.phase_actions), base_part,
    ], hashes)


def _same(value: Any) -> Any:
    return value


def inherit_memo(new: State, old: State) -> None:
    """After an undo: ``new`` was rebuilt from ``old``'s phase snapshot (kept as its own) and
    the phase's remaining actions, so what the digest knew of that snapshot still holds."""
    memo = old.digest_memo
    if memo is None or memo.base is None or memo.base is not new.phase_base or memo.base_ledger is None:
        return
    fresh = DigestMemo()
    fresh.ledger = memo.base_ledger.copy(new.commitments)
    fresh.prints = memo.prints
    fresh.crises = list(memo.base_crises)
    fresh.history = memo.history
    fresh.base, fresh.base_events, fresh.base_hash = memo.base, memo.base_events, memo.base_hash
    fresh.base_ledger, fresh.base_crises = memo.base_ledger, memo.base_crises
    new.digest_memo = fresh


def state_digest(state: State, scheme: int = DIGEST_SCHEME) -> str:
    """:func:`digest` (scheme 2) or :func:`digest_v1` (scheme 1) of ``state``."""
    if scheme == 2:
        return digest(state)
    if scheme == 1:
        return digest_v1(state)
    raise ValueError(f"unknown digest scheme {scheme!r}")


# ---------------------------------------------------------------------- scheme 1 (older saves)
_ROW_HASHES: IdentityCache[bytes] = IdentityCache()
"""SHA-256 of each history row's JSON: rows are never edited once appended."""


def digest_v1(state: State) -> str:
    """Scheme 1: the state without its history as JSON, the history as the hash of its rows'
    hashes. Its cost grows with the game; kept to check the digests of older saves."""
    body = canonical_json(_state_dict(state, False, False))
    return _combine_v1(body, [_ROW_HASHES.get(r, _hash) for r in state.history])


def dict_digest_v1(data: dict[str, Any]) -> str:
    """Scheme 1 of a state in dict form: equal to :func:`digest_v1` of the state it describes."""
    body = canonical_json({**data, "history": None})
    history = data.get("history") or []
    return _combine_v1(body, [_hash(r) for r in history])


def _combine_v1(body: str, row_hashes: list[bytes]) -> str:
    rows = _sha(b"".join(row_hashes)).hexdigest()
    return _sha(f"{body}|history:{len(row_hashes)}:{rows}".encode("utf-8")).hexdigest()
