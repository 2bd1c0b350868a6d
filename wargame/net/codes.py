"""Join codes: one random code per seat, one for the facilitator and one for the projector.

The codes are made once, when a game is first hosted, and kept in the save's settings
(``GameRecord.set_meta``) so a restarted host takes the same ones. A code is eight letters and
digits from an alphabet without look-alikes (no 0/O, 1/I), printed as ``ABCD-EFGH``; dashes,
spaces and case do not matter when it is typed. Codes are compared with
:func:`hmac.compare_digest`, against every role, so the time taken does not tell which part of
a guess was right.
"""
from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from wargame.net.protocol import PUBLIC_ROLE
from wargame.types import FACILITATOR, SEATS

CODES_META = "net.codes"
"""The save's setting holding the join codes (role -> code)."""

ROLES: tuple[str, ...] = (*SEATS, FACILITATOR, PUBLIC_ROLE)
"""Every role a client can join as: the four seats, the facilitator, the projector."""

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Letters and digits that cannot be misread for one another (32 of them: 40 bits a code)."""

CODE_LENGTH = 8


def new_code() -> str:
    """A fresh random code, e.g. ``K7QF-M2XD``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(code: str) -> bytes:
    """A typed code in the form codes are compared in: capitals, no dashes or spaces."""
    return "".join(code.split()).replace("-", "").upper().encode("utf-8")


@dataclass(frozen=True)
class JoinCodes:
    """The code of each role (:data:`ROLES`)."""

    codes: dict[str, str]

    @classmethod
    def generate(cls) -> "JoinCodes":
        """New random codes for every role (all different)."""
        while True:
            codes = {role: new_code() for role in ROLES}
            if len(set(codes.values())) == len(codes):
                return cls(codes)

    @classmethod
    def for_record(cls, record: Any) -> "JoinCodes":
        """The codes kept in ``record`` (a ``GameRecord``); made and kept there if it has none
        (or an incomplete set, from a damaged or older save)."""
        stored = record.meta(CODES_META)
        if isinstance(stored, dict) and all(isinstance(stored.get(r), str) and stored[r] for r in ROLES):
            return cls({role: str(stored[role]) for role in ROLES})
        codes = cls.generate()
        record.set_meta(CODES_META, dict(codes.codes))
        return codes

    def role_for(self, code: str) -> str | None:
        """The role ``code`` opens, or ``None``; every role's code is compared, in constant time."""
        given = normalise(code)
        found = None
        for role, mine in self.codes.items():
            if hmac.compare_digest(given, normalise(mine)) and found is None:
                found = role
        return found
