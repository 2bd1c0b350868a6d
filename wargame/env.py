"""An agent API: Layered Deterrence as a PettingZoo AEC environment (``layered_deterrence_v0``).

    from wargame.env import env
    e = env(seed=0)                       # or raw_env(...) without the standard wrappers
    e.reset(seed=0)
    for agent in e.agent_iter():
        obs, reward, terminated, truncated, info = e.last()
        action = None if terminated or truncated else e.action_space(agent).sample(obs["action_mask"])
        e.step(action)

Agents are the four seats (``ankara``, ``riyadh``, ``islamabad``, ``washington``), or those not
handed to built-in computer players with ``bots={"washington": "balanced", ...}``. The agent to
move is the first seat, in seat order, that may act now (``game.acting_seats()``), so a seat plays
its whole diplomacy phase, then the next seat, as the computer players do.

Actions: ``Discrete(n)``, the same ``n`` for every seat: a fixed catalogue of action *slots* per
seat (``slot_labels(seat)``), built once from the scenario. Slot 0 ends the phase, 1 undoes, 2 and
3 accept or reject the oldest open proposal addressed to the seat (undo is masked unless
``undo=True``: replaying the phase makes it slow and agents rarely need it), 4–7 are the crisis responses
(none, diplomatic, material, military); then come the standard proposals and investments of
:mod:`wargame.rules.catalogue` with their parameters fixed and ids abstracted (e.g. "layer on
smda: planning" addresses the pact's current other members; "convert the loan with Islamabad"
names whichever loan is active). Counter-proposals are left out. Unused slots (seats have
catalogues of different lengths) are always masked.

Observations: ``{"observation": Box(float32), "action_mask": Box(int8)}``. The vector is computed
on the seat's information state (:mod:`wargame.rules.seat_view`), never on the true state: public
indicators of every seat and of the pacts it can see, the crisis under way, its own budget, debt,
political capital and inbox; deterrence and scores of other seats are its estimates, so nothing
in it moves when another seat signs a secret deal (issue 10). ``observation_names()`` names each entry.

Rewards: ``reward="delta"`` (default) gives every seat the change in its score after each step
(they add up to final − initial score); ``reward="final"`` gives the final score at the end only.
The game ends (every agent terminated) after its last quarter; ``max_steps`` truncates it.
A masked-out action raises ``ValueError`` in ``raw_env``; ``env()`` adds PettingZoo's standard
wrappers, whose illegal-move rule ends the game with ``illegal_reward`` for the offender.

Speed: observations, masks and scores are kept between steps and computed only when read. After
a proposal, an answer that leaves a deal open or the end of a seat's phase they are patched
(:mod:`wargame.env_changes` says what such an action changes); after anything else they are
computed afresh, on the seat's information state built from the game's objects
(:mod:`wargame.env_information`). Actions applied to ``env.game`` directly are followed too; after
editing the state by hand, call ``refresh()``.
"""
from __future__ import annotations

from typing import Any, NoReturn

import numpy as np
from gymnasium import spaces
from pettingzoo import AECEnv
from pettingzoo.utils import wrappers

from wargame.actions import Action
from wargame.bots import Bot
from wargame.env_catalogue import SeatMask, Slot, build_catalogue
from wargame.env_changes import ChangeLog, rescore, scores_with_figures
from wargame.env_observation import OBS_LIMIT, SeatObservation, observation_names, observe_vector
from wargame.errors import IllegalAction
from wargame.rules.game import Game
from wargame.scenario import Scenario, load_scenario
from wargame.types import SEATS

__all__ = ["OBS_LIMIT", "Slot", "build_catalogue", "env", "observation_names", "observe_vector",
           "random_policy_returns", "raw_env"]


# --------------------------------------------------------------------------- the environment
class raw_env(AECEnv):
    """Layered Deterrence as an AEC environment (PettingZoo's ``raw_env``: no wrappers)."""

    metadata = {"name": "layered_deterrence_v0", "render_modes": ["human", "ansi"],
                "is_parallelizable": False, "render_fps": 1}

    def __init__(self, scenario: str | Scenario = "pact-2026", render_mode: str | None = None,
                 reward: str = "delta", bots: dict[str, str] | None = None, max_steps: int = 20_000,
                 seed: int | None = None, undo: bool = False) -> None:
        super().__init__()
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']}")
        if reward not in ("delta", "final"):
            raise ValueError("reward must be 'delta' or 'final'")
        self.scenario = load_scenario(scenario) if isinstance(scenario, str) else scenario
        self.render_mode = render_mode
        self.reward_mode = reward
        self.max_steps = max_steps
        self.allow_undo = undo
        self.bot_styles = dict(bots or {})
        unknown = set(self.bot_styles) - set(SEATS)
        if unknown:
            raise ValueError(f"unknown seats in bots: {sorted(unknown)}")
        self.possible_agents = [s for s in SEATS if s not in self.bot_styles]
        if not self.possible_agents:
            raise ValueError("at least one seat must be an agent (not every seat can be a bot)")
        self.catalogues = {s: build_catalogue(self.scenario, s) for s in SEATS}
        self.num_slots = max(len(c) for c in self.catalogues.values())
        self._pact_ids = [c.id for c in self.scenario.commitments if c.kind == "pact"]
        self._obs_names = observation_names(self.scenario)
        size = len(self._obs_names)
        obs_space = spaces.Dict({
            "observation": spaces.Box(-OBS_LIMIT, OBS_LIMIT, shape=(size,), dtype=np.float32),
            "action_mask": spaces.Box(0, 1, shape=(self.num_slots,), dtype=np.int8),
        })
        self.observation_spaces = {a: obs_space for a in self.possible_agents}
        self.action_spaces = {a: spaces.Discrete(self.num_slots) for a in self.possible_agents}
        self._seed = seed
        self._rng = np.random.default_rng(seed)
        self.game: Game | None = None
        self.agents = []
        self.steps = 0
        # what each seat sees and may do, and every seat's score, kept between steps and patched
        # from what changed (wargame.env_changes) rather than computed again
        self._log = ChangeLog()
        self._masks = {s: SeatMask(s, self.catalogues[s], self.num_slots, undo) for s in SEATS}
        self._views = {s: SeatObservation(s, self._pact_ids) for s in SEATS}
        self._score_at = -1
        self._score_now: dict[str, float] = {}
        self._figures: dict[Any, Any] | None = None

    def _sync(self) -> Game:
        g = self.game
        assert g is not None, "reset() first"
        self._log.sync(g)
        return g

    def refresh(self) -> None:
        """Compute every observation, mask and score afresh at the next look. Needed only after
        the game's state was edited by hand (not through ``game.apply``): actions, whoever applies
        them, are followed."""
        self._log.forget()

    # ----------------------------------------------------------------- spaces
    def observation_space(self, agent: str) -> spaces.Space:
        return self.observation_spaces[agent]

    def action_space(self, agent: str) -> spaces.Space:
        return self.action_spaces[agent]

    def slot_labels(self, seat: str) -> list[str]:
        """What each action slot of ``seat`` does (padding slots are labelled ``unused``)."""
        labels = [s.label for s in self.catalogues[seat]]
        return labels + ["unused"] * (self.num_slots - len(labels))

    def observation_names(self) -> list[str]:
        """Names of the observation vector's entries."""
        return list(self._obs_names)

    def action_for(self, seat: str, slot: int) -> Action | None:
        """The concrete action a slot stands for now (None if the slot means nothing now)."""
        assert self.game is not None, "reset() first"
        cat = self.catalogues[seat]
        if not 0 <= int(slot) < len(cat):
            return None
        return cat[int(slot)].build(self.game, seat)

    def action_mask(self, seat: str) -> np.ndarray:
        """1 for every slot that is legal for ``seat`` now (all 0 if the seat is not acting)."""
        return self._mask(seat).copy()

    def _mask(self, seat: str) -> np.ndarray:
        g = self._sync()
        m = self._masks[seat]
        return m.refresh(g, self._log.since(m.position), self._log.now)

    def _vector(self, seat: str) -> np.ndarray:
        g = self._sync()
        v = self._views[seat]
        return v.refresh(g, self._log.since(v.position), self._log.now)

    # ----------------------------------------------------------------- AEC API
    def reset(self, seed: int | None = None, options: dict[str, Any] | None = None) -> None:
        if seed is not None:
            self._rng = np.random.default_rng(seed)
            game_seed = int(seed)
        else:
            game_seed = int(self._rng.integers(0, 2**31 - 1))
        self.game = Game(self.scenario, game_seed)
        self._bots = {s: Bot(s, game_seed, style) for s, style in self.bot_styles.items()}
        self.agents = list(self.possible_agents)
        self.rewards = {a: 0.0 for a in self.agents}
        self._cumulative_rewards = {a: 0.0 for a in self.agents}
        self.terminations = {a: False for a in self.agents}
        self.truncations = {a: False for a in self.agents}
        self.steps = 0
        self._scores = self._current_scores()
        self._play_bots()
        self._after_move()
        self.rewards = {a: 0.0 for a in self.agents}  # bots' opening moves are not anyone's reward
        self._cumulative_rewards = {a: 0.0 for a in self.agents}
        self._scores = self._current_scores()

    def _current_scores(self) -> dict[str, float]:
        """Every seat's score now (the true game's: rewards are the true scores' changes)."""
        g = self._sync()
        touched = self._log.since(self._score_at)
        if touched.everything:
            self._score_now, self._figures = scores_with_figures(g)
        else:
            for seat in touched.offers:  # offers received count in the receiving seat's score only
                self._score_now[seat] = rescore(g, seat, self._figures)
        self._score_at = self._log.now
        return dict(self._score_now)

    def observe(self, agent: str) -> dict[str, np.ndarray]:
        return {"observation": self._vector(agent).copy(), "action_mask": self._mask(agent).copy()}

    def step(self, action: Any) -> None:
        if self.terminations[self.agent_selection] or self.truncations[self.agent_selection]:
            self._was_dead_step(action)
            return
        g = self.game
        assert g is not None
        agent = self.agent_selection
        self._cumulative_rewards[agent] = 0.0
        slot = int(action)
        concrete = self.action_for(agent, slot) if 0 <= slot < self.num_slots else None
        if concrete is None or not self._mask(agent)[slot]:
            reason = "no such slot" if concrete is None else g.check(concrete)
            if reason is None and concrete is not None and concrete.kind == "undo" and not self.allow_undo:
                reason = "undo is off in this environment (raw_env(undo=True) turns it on)"
            self._illegal(agent, slot, reason)
        assert concrete is not None
        try:  # the mask is exact, so the rules accept it (and would change nothing if they did not)
            g.apply(concrete)
        except IllegalAction as err:
            self._illegal(agent, slot, err.reason)
        self.steps += 1
        self._play_bots()
        self._after_move()
        self._accumulate_rewards()
        if self.render_mode == "human":
            self.render()

    def _illegal(self, agent: str, slot: int, reason: str | None) -> NoReturn:
        label = self.slot_labels(agent)[slot] if 0 <= slot < self.num_slots else "out of range"
        raise ValueError(f"illegal action {slot} for {agent} ({label}): {reason}; "
                         "sample from observation['action_mask']")

    def _play_bots(self) -> None:
        g = self.game
        assert g is not None
        while not g.over:
            acting = g.acting_seats()
            if not acting or acting[0] not in self._bots:
                return
            g.apply(self._bots[acting[0]].choose(g))

    def _after_move(self) -> None:
        """Rewards, terminations and the next agent after the state changed."""
        g = self.game
        assert g is not None
        over = g.over
        if self.reward_mode == "delta":
            scores = self._current_scores()
            for a in self.agents:
                self.rewards[a] = round(scores[a] - self._scores[a], 6)
            self._scores = scores
        else:  # the final score at the end only: no score to compute before
            scores = self._current_scores() if over else {}
            for a in self.agents:
                self.rewards[a] = scores[a] if over else 0.0
        self.infos = {a: {"turn": g.turn, "phase": g.phase, "quarter": g.quarter} for a in self.agents}
        acting = [s for s in g.acting_seats() if s in self.agents]
        if over or not acting:
            # the game is over (or waits for nobody we control): every agent is done
            for a in self.agents:
                self.terminations[a] = True
            self.agent_selection = self.agents[0]
            return
        if self.steps >= self.max_steps:
            for a in self.agents:
                self.truncations[a] = True
            self.agent_selection = self.agents[0]
            return
        self.agent_selection = acting[0]

    def render(self) -> str | None:
        if self.render_mode is None:
            return None
        g = self.game
        if g is None:
            return None
        scores = ", ".join(f"{s} {g.score(s).total:.1f}" for s in SEATS)
        text = (f"{g.quarter} (turn {g.turn}) {g.phase}: to move {self.agent_selection if self.agents else '-'}; "
                f"scores {scores}")
        if self.render_mode == "human":
            print(text)
            return None
        return text

    def close(self) -> None:
        pass

    def state(self) -> np.ndarray:
        """A global view (every seat's observation vector, concatenated)."""
        return np.concatenate([self._vector(s).copy() for s in SEATS])


def env(**kwargs: Any) -> AECEnv:
    """The environment with PettingZoo's standard wrappers (an illegal move ends the game with
    ``illegal_reward``, default -1; out-of-range actions are asserted; order is enforced)."""
    illegal_reward = kwargs.pop("illegal_reward", -1.0)
    e: AECEnv = raw_env(**kwargs)
    e = wrappers.TerminateIllegalWrapper(e, illegal_reward=illegal_reward)
    e = wrappers.AssertOutOfBoundsWrapper(e)
    e = wrappers.OrderEnforcingWrapper(e)
    return e


def random_policy_returns(games: int = 3, seed: int = 0, **kwargs: Any) -> list[dict[str, float]]:
    """Play ``games`` games with masked random actions; each game's total reward per agent."""
    out = []
    rnd = np.random.default_rng(seed)
    e = env(**kwargs)
    for i in range(games):
        e.reset(seed=seed + i)
        totals = {a: 0.0 for a in e.possible_agents}
        for agent in e.agent_iter():
            obs, reward, terminated, truncated, _ = e.last()
            totals[agent] += reward
            if terminated or truncated:
                action = None
            else:
                action = int(rnd.choice(np.flatnonzero(obs["action_mask"])))
            e.step(action)
        out.append(totals)
    e.close()
    return out
