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
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
from gymnasium import spaces
from pettingzoo import AECEnv
from pettingzoo.utils import wrappers

from wargame import actions as A
from wargame.actions import Action, make_terms
from wargame.bots import Bot
from wargame.rules.catalogue import deal_templates
from wargame.rules.game import Game
from wargame.rules.moves import PHASE_ACTIONS, WITHDRAWABLE
from wargame.rules.seat_view import information_game
from wargame.scenario import Scenario, load_scenario
from wargame.types import DEALS, DOMAINS, LAYERS, RESPONSES, SEATS

OBS_LIMIT = 1000.0
"""Bound of every observation entry (values are scaled to roughly -1..10 and clipped)."""


@dataclass(frozen=True)
class Slot:
    """One action slot: a label, the action kind it produces and how to build it now."""

    label: str
    kind: str
    build: Callable[[Game, str], Action | None]


# --------------------------------------------------------------------------- the catalogue
def _fixed(action: Action) -> Callable[[Game, str], Action | None]:
    return lambda g, seat: action


def _oldest(accept: bool) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        inbox = g.open_proposals(seat)
        if not inbox:
            return None
        return A.Accept(seat, inbox[0].id) if accept else A.Reject(seat, inbox[0].id)
    return build


def _respond(level: str) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        crisis = g.state.crisis
        return None if crisis is None else A.Respond(seat, crisis.id, level)
    return build


def _convert(other: str, domain: str) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        for com in g.state.commitments.values():
            if com.kind == "loan" and com.status == "active" and set(com.parties) == {seat, other}:
                return A.Propose(seat, "convert", (other,), make_terms(loan=com.id, domain=domain, turns=4))
        return None
    return build


def _accession(pact: str, candidate: str) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        com = g.state.commitments.get(pact)
        if com is None or com.status != "active" or candidate in com.parties:
            return None
        to = tuple(sorted((set(com.parties) | {candidate}) - {seat}))
        return A.Propose(seat, "accession", to, make_terms(pact=pact, candidate=candidate))
    return build


def _layer(pact: str, layer: str) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        com = g.state.commitments.get(pact)
        if com is None or com.status != "active" or seat not in com.parties:
            return None
        return A.Propose(seat, "layer", tuple(p for p in com.parties if p != seat),
                         make_terms(pact=pact, layer=layer))
    return build


def _exercise_agreement(other: str) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        for com in g.state.commitments.values():
            if com.kind == "agreement" and com.status == "active" and {seat, other} <= set(com.parties):
                return A.ShowExercise(seat, com.id)
        return None
    return build


def _us_sale(buyer: str, hold: bool) -> Callable[[Game, str], Action | None]:
    def build(g: Game, seat: str) -> Action | None:
        for com in g.state.commitments.values():
            if (com.kind == "arms_sale" and com.status == "active" and com.terms.get("seller") == "washington"
                    and com.terms.get("buyer") == buyer and bool(com.terms.get("held")) != hold):
                return A.Hold(seat, com.id) if hold else A.Release(seat, com.id)
        return None
    return build


def _describe(action: Action) -> str:
    if isinstance(action, A.Propose):
        terms = ", ".join(f"{k}={v}" for k, v in action.terms)
        return f"propose {action.deal} to {'+'.join(action.to)} ({terms})"
    fields = {k: v for k, v in action.to_dict().items() if k not in ("type", "seat")}
    return f"{action.kind} " + " ".join(f"{k}={v}" for k, v in fields.items())


def build_catalogue(scenario: Scenario, seat: str) -> list[Slot]:
    """The fixed list of action slots of ``seat`` for a scenario (stable order)."""
    g = Game(scenario, 0)
    st = g.state
    others = [s for s in SEATS if s != seat]
    pacts = [c.id for c in st.commitments.values() if c.kind == "pact"]
    slots = [Slot("end phase", "end_phase", _fixed(A.EndPhase(seat))),
             Slot("undo", "undo", _fixed(A.Undo(seat))),
             Slot("accept the oldest open proposal", "accept", _oldest(True)),
             Slot("reject the oldest open proposal", "reject", _oldest(False))]
    slots += [Slot(f"respond to the crisis: {level}", "respond", _respond(level)) for level in RESPONSES]
    seen: set[Action] = set()
    for action in deal_templates(g, seat):
        if action.deal in ("convert", "accession", "layer") or action in seen:
            continue
        seen.add(action)
        slots.append(Slot(_describe(action), "propose", _fixed(action)))
    for other in others:
        for domain in ("air", "naval", "strike"):
            slots.append(Slot(f"propose converting the active loan with {other} into {domain} arms",
                              "propose", _convert(other, domain)))
    for pact in pacts:
        for candidate in SEATS:
            slots.append(Slot(f"propose {candidate}'s accession to {pact}", "propose", _accession(pact, candidate)))
        for layer in LAYERS:
            slots.append(Slot(f"propose a {layer} layer on {pact}", "propose", _layer(pact, layer)))
    for com in st.commitments.values():
        if seat in com.parties and com.kind in WITHDRAWABLE:
            slots.append(Slot(f"withdraw from {com.id}", "withdraw", _fixed(A.Withdraw(seat, com.id))))
    for other in others:
        slots.append(Slot(f"declare support for {other}", "declare", _fixed(A.Declare(seat, other))))
    for pact in pacts:
        slots.append(Slot(f"visible exercise under {pact}", "show_exercise", _fixed(A.ShowExercise(seat, pact))))
    for other in others:
        slots.append(Slot(f"visible exercise under the agreement with {other}", "show_exercise",
                          _exercise_agreement(other)))
    for domain in DOMAINS:
        for amount in (250, 500, 1000):
            slots.append(Slot(f"invest {amount} in {domain}", "invest", _fixed(A.Invest(seat, domain, amount))))
    if seat != "washington":
        for supplier in ("russia", "china"):
            for domain in ("amd", "air", "strike"):
                slots.append(Slot(f"buy {domain} from {supplier} (500)", "buy_foreign",
                                  _fixed(A.BuyForeign(seat, supplier, domain, 500))))
    else:
        for other in ("ankara", "riyadh", "islamabad"):
            for public in (True, False):
                slots.append(Slot(f"{'public' if public else 'private'} assurance to {other}", "assure",
                                  _fixed(A.Assure(seat, other, public))))
        for base in st.posture:
            for change in (1, -1):
                slots.append(Slot(f"posture {base} {change:+d}", "posture", _fixed(A.Posture(seat, base, change))))
        for other in ("ankara", "riyadh", "islamabad"):
            slots.append(Slot(f"hold the oldest US arms sale to {other}", "hold", _us_sale(other, True)))
            slots.append(Slot(f"release a held US arms sale to {other}", "release", _us_sale(other, False)))
        for other in ("ankara", "riyadh", "islamabad"):
            slots.append(Slot(f"sanctions pressure on {other}", "sanction", _fixed(A.Sanction(seat, other))))
            slots.append(Slot(f"lift sanctions pressure on {other}", "lift_sanctions",
                              _fixed(A.LiftSanctions(seat, other))))
    return slots


# --------------------------------------------------------------------------- observations
def observation_names(scenario: Scenario) -> list[str]:
    """Names of the entries of the observation vector, in order."""
    names = ["turn_fraction", "phase_diplomacy", "phase_investment", "phase_crisis"]
    for s in SEATS:
        names += [f"{s}.{k}" for k in ("credibility", "standing", "stress", "real", "perceived", "gap",
                                       "score", "sanctioned")]
        names += [f"{s}.capability.{d}" for d in DOMAINS]
    for c in scenario.commitments:
        if c.kind == "pact":
            names += [f"{c.id}.active"] + [f"{c.id}.member.{s}" for s in SEATS]
            names += [f"{c.id}.{k}" for k in ("planning", "command", "interop", "exercises", "habit")]
    names += ["crisis.active"] + [f"crisis.target.{s}" for s in SEATS] + ["crisis.my_obligation", "crisis.severity"]
    names += [f"me.{s}" for s in SEATS]
    names += [f"me.{k}" for k in ("budget", "reserves", "debt", "pc", "inflows", "exports", "spent", "partners")]
    names += ["inbox.count"] + [f"inbox.deal.{d}" for d in DEALS] + [f"inbox.sender.{s}" for s in SEATS]
    return names


def observe_vector(g: Game, seat: str, pact_ids: list[str], ind: dict[str, Any] | None = None) -> np.ndarray:
    """The observation vector of ``seat``, computed on its information state only
    (:func:`wargame.rules.seat_view.information_game`): public facts plus its own secrets, every
    figure about another seat its estimate. ``g`` may be the true game or that information game;
    ``ind``: the indicators of the information game if already computed."""
    g = information_game(g, seat)
    st = g.state
    ind = ind if ind is not None else g.indicators()
    turns = g.scenario.meta.turns
    v: list[float] = [st.turn / turns, st.phase == "diplomacy", st.phase == "investment", st.phase == "crisis"]
    for s in SEATS:
        i = ind["seats"][s]
        ss = st.seats[s]
        v += [i["credibility"] / 100, i["standing"] / 100, i["stress"] / 100, i["real"] / 100,
              i["perceived"] / 100, i["gap"] / 100, i["score"] / 100, float(ss.sanctioned)]
        v += [ss.capability.get(d, 0.0) / 50 for d in DOMAINS]
    for pid in pact_ids:
        com = st.commitments.get(pid)
        if com is None or (not com.public and seat not in com.parties):
            v += [0.0] * (1 + len(SEATS) + 5)
            continue
        lay = com.layers
        v += [float(com.status == "active")] + [float(s in com.parties) for s in SEATS]
        v += [float(bool(lay.get("planning"))), lay.get("command", 0) / 2, lay.get("interop", 0) / 3,
              float(bool(lay.get("exercises"))), float(lay.get("habit", 0.0))]
    crisis = st.crisis
    if crisis is None:
        v += [0.0] * (1 + len(SEATS) + 2)
    else:
        v += [1.0] + [float(crisis.target == s) for s in SEATS]
        v += [crisis.obligations.get(seat, 0) / 3 if seat in crisis.obligations else -1 / 3, crisis.severity]
    me = st.seats[seat]
    partners = {p for c in st.commitments.values() if c.status == "active" and seat in c.parties
                for p in c.parties if p != seat}
    v += [float(seat == s) for s in SEATS]
    v += [me.budget / 10000, me.reserves / 10000, me.debt / 10000, me.pc / 5, me.inflows / 10000, me.exports / 10000,
          me.spent / 10000, len(partners) / 3]
    inbox = g.open_proposals(seat)
    v.append(len(inbox) / 5)
    first = inbox[0] if inbox else None
    v += [float(first is not None and first.deal == d) for d in DEALS]
    v += [float(first is not None and first.sender == s) for s in SEATS]
    arr = np.asarray(v, dtype=np.float32)
    return np.clip(arr, -OBS_LIMIT, OBS_LIMIT)


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
        self._cache_key: tuple[int, int] | None = None
        self._cache: dict[str, Any] = {}

    def _cached(self, name: str, compute: Callable[[], Any]) -> Any:
        """Memoise per position (the game object and its action count)."""
        g = self.game
        assert g is not None, "reset() first"
        key = (id(g), g.state.action_count)
        if key != self._cache_key:
            self._cache_key = key
            self._cache = {}
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    def _indicators(self) -> dict[str, Any]:
        assert self.game is not None
        return self._cached("indicators", self.game.indicators)

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
        return self._cached(f"mask:{seat}", lambda: self._mask(seat)).copy()

    def _mask(self, seat: str) -> np.ndarray:
        g = self.game
        assert g is not None, "reset() first"
        mask = np.zeros(self.num_slots, dtype=np.int8)
        if g.over or seat not in g.acting_seats():
            return mask
        allowed = PHASE_ACTIONS.get(g.phase, ())
        for i, slot in enumerate(self.catalogues[seat]):
            if slot.kind not in allowed or (slot.kind == "undo" and not self.allow_undo):
                continue
            action = slot.build(g, seat)
            if action is not None and g.check(action) is None:
                mask[i] = 1
        return mask

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
        self._cache_key = None
        self._scores = self._current_scores()
        self._play_bots()
        self._after_move()
        self.rewards = {a: 0.0 for a in self.agents}  # bots' opening moves are not anyone's reward
        self._cumulative_rewards = {a: 0.0 for a in self.agents}
        self._scores = self._current_scores()

    def _current_scores(self) -> dict[str, float]:
        seats = self._indicators()["seats"]
        return {s: float(seats[s]["score"]) for s in SEATS}

    def observe(self, agent: str) -> dict[str, np.ndarray]:
        assert self.game is not None, "reset() first"
        vector = self._cached(f"obs:{agent}", lambda: observe_vector(self.game, agent, self._pact_ids))
        return {"observation": vector.copy(), "action_mask": self.action_mask(agent)}

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
        reason = "no such slot" if concrete is None else g.check(concrete)
        if reason is None and concrete is not None and concrete.kind == "undo" and not self.allow_undo:
            reason = "undo is off in this environment (raw_env(undo=True) turns it on)"
        if reason is not None or concrete is None:
            raise ValueError(f"illegal action {slot} for {agent} "
                             f"({self.slot_labels(agent)[slot] if 0 <= slot < self.num_slots else 'out of range'}): "
                             f"{reason}; sample from observation['action_mask']")
        g.apply(concrete)
        self.steps += 1
        self._play_bots()
        self._after_move()
        self._accumulate_rewards()
        if self.render_mode == "human":
            self.render()

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
        scores = self._current_scores()
        over = g.over
        for a in self.agents:
            if self.reward_mode == "delta":
                self.rewards[a] = round(scores[a] - self._scores[a], 6)
            else:
                self.rewards[a] = scores[a] if over else 0.0
        self._scores = scores
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
        assert self.game is not None
        return np.concatenate([observe_vector(self.game, s, self._pact_ids) for s in SEATS])


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
