"""A small deterministic random generator whose whole state is one JSON-safe integer.

PCG32 (XSH-RR): the state lives inside the game state, so replays never depend on
Python's ``random`` module or on anything outside the game.
"""
from __future__ import annotations

_MULT = 6364136223846793005
_INC = 1442695040888963407
_MASK64 = (1 << 64) - 1


def seed_state(seed: int) -> int:
    """Initial generator state for a seed."""
    state = 0
    state = (state * _MULT + _INC) & _MASK64
    state = (state + (seed & _MASK64)) & _MASK64
    state = (state * _MULT + _INC) & _MASK64
    return state


def next_u32(state: int) -> tuple[int, int]:
    """Advance the generator: returns ``(new_state, 32-bit output)``."""
    old = state
    state = (old * _MULT + _INC) & _MASK64
    xorshifted = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF
    rot = old >> 59
    out = ((xorshifted >> rot) | (xorshifted << ((-rot) & 31))) & 0xFFFFFFFF
    return state, out


def uniform(state: int) -> tuple[int, float]:
    """Advance and return a float in [0, 1) with 32 bits of precision."""
    state, out = next_u32(state)
    return state, out / 4294967296.0
