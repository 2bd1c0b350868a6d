"""Layered Deterrence: the headless engine, storage and command line.

This package never imports Qt. The public entry points are :class:`Game` (a running game),
:func:`load_scenario` (a validated scenario) and the action classes in :mod:`wargame.actions`.
"""
from __future__ import annotations

__version__ = "0.1.0"

from wargame.errors import IllegalAction, ScenarioError
from wargame.scenario import Scenario, load_scenario, list_scenarios
from wargame.actions import Action, action_from_dict
from wargame.events import Event
from wargame.rules.game import Game

__all__ = [
    "__version__", "Action", "Event", "Game", "IllegalAction", "Scenario", "ScenarioError",
    "action_from_dict", "list_scenarios", "load_scenario",
]
