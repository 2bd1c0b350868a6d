"""Which digest scheme (:mod:`wargame.digest`) the entries of a saved log were written with.

Kept in the save's ``game_meta`` under ``digest_scheme``: a JSON list of ``[first index,
scheme]`` pairs, in log order, e.g. ``[[0, 1], [812, 2]]`` for a save begun before issue 17 and
continued after it. A save without the key was written with scheme 1 throughout (every save
made before the key existed). Each stored digest is checked by the scheme it was written with;
a save continued by this version writes scheme 2 from its next entry on, and says so here in
the same transaction as that entry.
"""
from __future__ import annotations

import json
from typing import Any

from wargame.digest import DIGEST_SCHEME, SCHEMES
from wargame.storage.backend import damaged
from wargame.storage.errors import SaveError

KEY = "digest_scheme"
OLDEST = [(0, 1)]
"""The schemes of a save that does not record them."""

Ranges = list[tuple[int, int]]


def parse(where: str, text: str | None) -> Ranges:
    """The ranges stored as ``text`` (``None``: the key is absent, scheme 1 throughout)."""
    if text is None:
        return list(OLDEST)
    try:
        value: Any = json.loads(text)
    except ValueError:
        raise damaged(where, f"its {KEY} setting does not decode") from None
    if not isinstance(value, list) or not value or not all(
            isinstance(r, list) and len(r) == 2 and all(type(x) is int for x in r) for r in value):
        raise damaged(where, f"its {KEY} setting is not a list of [index, scheme] pairs")
    ranges = [(int(r[0]), int(r[1])) for r in value]
    if ranges[0][0] != 0 or any(b[0] <= a[0] for a, b in zip(ranges, ranges[1:])):
        raise damaged(where, f"its {KEY} setting does not start at 0 and rise")
    for _start, scheme in ranges:
        if scheme > max(SCHEMES):
            raise SaveError(where, f"was written with digest scheme {scheme}, newer than this "
                            f"version knows ({max(SCHEMES)})", "update Layered Deterrence")
        if scheme not in SCHEMES:
            raise damaged(where, f"its {KEY} setting names an unknown scheme {scheme}")
    return ranges


def scheme_at(ranges: Ranges, index: int) -> int:
    """The scheme of log entry ``index``."""
    scheme = ranges[0][1]
    for start, value in ranges:
        if start > index:
            break
        scheme = value
    return scheme


def text(ranges: Ranges) -> str:
    """The stored form of ``ranges`` (as :meth:`GameRecord.set_meta` writes JSON)."""
    return json.dumps([list(r) for r in ranges], sort_keys=True)


def new_game() -> Ranges:
    """A new save: the current scheme from the start."""
    return [(0, DIGEST_SCHEME)]


def continued(ranges: Ranges, index: int) -> Ranges | None:
    """The ranges once entry ``index`` is written with the current scheme, or ``None`` if
    they already say so."""
    if ranges[-1][1] == DIGEST_SCHEME:
        return None
    return [*ranges, (index, DIGEST_SCHEME)]
