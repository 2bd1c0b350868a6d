"""Facilitated classroom play: the facilitator seat, its console, the PIN, the countdown, the debrief.

``install(window)`` (called by the main window) adds the facilitator to a main window; see
:mod:`ui.facilitator.mode`. The projector view lives in :mod:`ui.projector`.
"""
from __future__ import annotations

from typing import Any


def install(win: Any) -> Any:
    """Give the main window ``win`` its facilitator (a :class:`ui.facilitator.mode.FacilitatorMode`)."""
    from ui.facilitator.mode import install as _install
    return _install(win)
