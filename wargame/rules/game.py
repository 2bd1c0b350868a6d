"""The :class:`Game`: one entry point to apply actions, and the query API for every seat."""
from __future__ import annotations

import dataclasses
from typing import Any, Callable, Iterable

from wargame import actions as A
from wargame import rng
from wargame.actions import Action
from wargame.errors import IllegalAction
from wargame.events import Event
from wargame.rules import moves, phases, umpire
from wargame.rules.changes import ApplyResult, Snapshot, changes_between, everything
from wargame.rules.common import emit, name, require
from wargame.rules.deterrence import memo
from wargame.rules.scoring import Score, score
from wargame.scenario import ActorSpec, Scenario, load_scenario, parse_scenario
from wargame.digest import digest, inherit_memo
from wargame.state import Commitment, SeatState, State, clone_state, state_from_dict, state_to_dict
from wargame.types import FACILITATOR, PHASE_NAMES, SEATS, quarter_name


def initial_state(scenario: Scenario, seed: int) -> State:
    """The state before the first quarter's events."""
    seats = {}
    for seat in SEATS:
        spec = scenario.seats[seat]
        seats[seat] = SeatState(
            budget=spec.budget, income=spec.income, debt=spec.debt, reserves=spec.reserves,
            pc=spec.political_capital, pc_per_turn=spec.political_capital,
            capability={k: float(v) for k, v in spec.capability.items()},
            credibility=float(spec.credibility), standing=float(spec.standing),
            stress=float(spec.stress), stress_drift=float(spec.stress_drift),
            sanctioned=spec.sanctioned)
    commitments = {}
    for c in scenario.commitments:
        terms = dict(c.terms)
        layers = dict(terms.pop("layers", {}) or {})
        if c.kind in ("pact", "agreement"):
            layers.setdefault("habit", 0.0)
        com = Commitment(id=c.id, kind=c.kind, name=c.name, parties=list(c.parties), terms=terms,
                         status="active", public=c.public, signed=0, layers=layers)
        if c.kind in ("loan", "deposit"):
            com.terms.setdefault("outstanding", terms["amount"])
        if c.kind == "arms_sale":
            com.terms.setdefault("delivered", 0)
            com.terms.setdefault("held", False)
        if c.kind == "grant":
            com.terms.setdefault("paid", 0)
        if c.kind == "export_credit":
            com.terms.setdefault("used", 0)
            com.terms.setdefault("outstanding", 0)
        commitments[c.id] = com
    return State(
        turn=1, phase="events", rng=rng.seed_state(seed), counter=0, over=False, seats=seats,
        commitments=commitments, proposals={}, crisis=None, crises=[],
        actors={a.id: {"resolve": a.resolve, "discount": {}} for a in scenario.actors},
        posture={s.id: s.posture for s in scenario.sites if s.kind == "base"},
        params=dict(scenario.params))


class Game:
    """A running game: a scenario, a seed and the ordered actions applied so far.

    ``apply`` is the one entry point that changes the state. Checks always run in the same
    order: the game is not over, the action is well formed and names a seat, the phase allows
    it, the seat may act now, then the rule itself. An illegal action raises
    :class:`IllegalAction` and changes nothing.
    """

    def __init__(self, scenario: Scenario | str, seed: int = 0, *, _state: State | None = None) -> None:
        self.scenario: Scenario = load_scenario(scenario) if isinstance(scenario, str) else scenario
        self.seed = seed
        self._actions: list[Action] = []
        self._events: list[Event] = []
        self._earlier: Callable[[], tuple[list[Action], list[Event]]] | None = None
        self._earlier_count = 0
        self._pending: list[Event] = []
        self._actors = {a.id: a for a in self.scenario.actors}
        self._memo: dict[Any, Any] | None = None
        self._last_base: dict[str, Any] | None = None
        self.track_changes = False
        """Whether :meth:`apply` works out exactly what each action changed (a snapshot before and
        after, about 0.1-0.3 ms); when False its result says everything changed. Views turn it on."""
        """The last phase snapshot this object took (lets the next one share closed commitments)."""
        if _state is not None:
            self.state = _state
            return
        self.state = initial_state(self.scenario, seed)
        phases.enter(self, "events")
        self._events.extend(self._pending)
        self._pending = []
        self.state.event_count = len(self._events)
        if not self.state.history:
            self.state.history.insert(0, {"turn": 0, "quarter": "start", **phases.indicators(self), "crisis": None})

    # ----------------------------------------------------------------- the log
    @property
    def actions(self) -> list[Action]:
        """The actions applied so far, in order."""
        if self._earlier is not None:
            self._read_earlier()
        return self._actions

    @actions.setter
    def actions(self, value: list[Action]) -> None:
        if self._earlier is not None:
            self._read_earlier()
        self._actions = value

    @property
    def events(self) -> list[Event]:
        """Every event so far, in order (the start's first)."""
        if self._earlier is not None:
            self._read_earlier()
        return self._events

    @events.setter
    def events(self, value: list[Event]) -> None:
        if self._earlier is not None:
            self._read_earlier()
        self._events = value

    def defer_log(self, count: int, earlier: Callable[[], tuple[list[Action], list[Event]]]) -> None:
        """Replace the logs by ``count`` actions that ``earlier()`` returns with their events,
        read only when :attr:`actions` or :attr:`events` is first used (a long saved game
        opens without parsing its whole log). ``earlier`` may return the same lists each time:
        they are not changed. Applying actions meanwhile does not read them."""
        self._actions, self._events = [], []
        self._earlier, self._earlier_count = earlier, count

    def log_length(self) -> int:
        """``len(self.actions)``, without reading a deferred log."""
        return self._earlier_count + len(self._actions) if self._earlier is not None else len(self._actions)

    def last_action(self) -> Action | None:
        """The last action applied (``None`` before the first), without reading a deferred log."""
        if self._actions:
            return self._actions[-1]
        return self.actions[-1] if self.log_length() else None

    def _read_earlier(self) -> None:
        earlier, self._earlier = self._earlier, None
        assert earlier is not None
        actions, events = earlier()
        self._actions = actions + self._actions
        self._events = events + self._events

    def _copy_log(self, other: "Game") -> None:
        """Give ``other`` this game's logs (a deferred part stays deferred, shared)."""
        other._actions, other._events = list(self._actions), list(self._events)
        other._earlier, other._earlier_count = self._earlier, self._earlier_count

    # ----------------------------------------------------------------- basic facts
    @property
    def turn(self) -> int:
        """Current turn (1-based quarter number)."""
        return self.state.turn

    @property
    def phase(self) -> str:
        """Current phase id (see ``wargame.types.PHASES``)."""
        return self.state.phase

    @property
    def quarter(self) -> str:
        """Current quarter's name, e.g. ``2026-Q3``."""
        return quarter_name(self.scenario.meta.start_year, self.scenario.meta.start_quarter, self.state.turn)

    def quarter_of(self, turn: int) -> str:
        """Name of the quarter of any turn."""
        return quarter_name(self.scenario.meta.start_year, self.scenario.meta.start_quarter, turn)

    @property
    def over(self) -> bool:
        """Whether the game has ended."""
        return self.state.over

    def is_over(self) -> bool:
        """Whether the game has ended (OpenSpiel's ``is_terminal``)."""
        return self.state.over

    def scenario_actor(self, actor_id: str) -> ActorSpec:
        """A non-playable actor's scenario entry."""
        return self._actors[actor_id]

    # ----------------------------------------------------------------- applying
    def apply(self, action: Action) -> ApplyResult:
        """Apply one action: returns its events with what it changed, or raises :class:`IllegalAction` and changes nothing.

        The result is the list of events (as before) with ``.changes``, a :class:`Changes`
        naming the seats, commitments and proposals whose data changed and whether the
        indicators, phase or turn, crisis or posture did (exact with :attr:`track_changes`,
        else every flag set).
        """
        handler = self._check_common(action)
        before = Snapshot(self.state) if self.track_changes else None
        self._pending = []
        try:
            # every handler makes all its checks before it changes anything (the ``dry`` run of
            # ``check`` stops right there), so an IllegalAction here leaves the state untouched
            handler(self, action, False)
        except IllegalAction:
            self._pending = []
            raise
        cost = moves.PC_COST.get(action.kind)
        if cost:
            self.state.seats[action.seat].pc -= cost
        if self.state.phase in ("diplomacy", "investment") and action.kind != "undo":
            self.state.phase_actions.append(_action_dict(action))
        self.state.action_count += 1
        phases.maybe_advance(self)
        produced = self._pending
        self._pending = []
        self._actions.append(action)
        self._events.extend(produced)
        self.state.event_count += len(produced)
        changes = changes_between(before, Snapshot(self.state)) if before is not None else everything(self.state)
        return ApplyResult(produced, changes)

    def check(self, action: Action) -> str | None:
        """``None`` if the action is legal now, else the reason it is not."""
        try:
            handler = self._check_common(action)
            saved = self._pending
            self._pending = []
            try:
                handler(self, action, True)
            finally:
                self._pending = saved
        except IllegalAction as err:
            return err.reason
        return None

    def _check_common(self, action: Action) -> Any:
        st = self.state
        if not isinstance(action, Action):
            raise IllegalAction(f"not an action: {action!r}", "form")
        if st.over and action.kind != "note":
            raise IllegalAction("the game is over", "over")
        if action.seat == FACILITATOR:
            handler = umpire.HANDLERS.get(action.kind)
            if handler is None:
                raise IllegalAction(f"the facilitator does not take '{action.kind}' actions", "seat")
            return handler
        if action.seat not in SEATS:
            raise IllegalAction(f"unknown seat {action.seat!r}; seats are {', '.join(SEATS)}", "form")
        if action.kind in umpire.HANDLERS:
            raise IllegalAction(f"'{action.label}' is the facilitator's alone", "seat")
        allowed = moves.PHASE_ACTIONS.get(st.phase, ())
        if action.kind not in allowed:
            raise IllegalAction(f"'{action.label}' is not allowed in the {PHASE_NAMES[st.phase].lower()} phase", "phase")
        if st.phase == "crisis":
            assert st.crisis is not None
            if action.seat not in st.crisis.obligations:
                raise IllegalAction(f"{name(action.seat)} is not involved in {st.crisis.title}", "seat")
            if action.seat in st.crisis.responses:
                raise IllegalAction(f"{name(action.seat)} has already responded", "seat")
        elif st.seats[action.seat].done:
            raise IllegalAction(f"{name(action.seat)} has already ended the {st.phase} phase", "seat")
        if action.kind in moves.WASHINGTON_ONLY and action.seat != "washington":
            raise IllegalAction(f"'{action.label}' is Washington's alone", "seat")
        cost = moves.PC_COST.get(action.kind, 0)
        if cost and st.seats[action.seat].pc < cost:
            raise IllegalAction(f"{name(action.seat)} has no political capital left this quarter", "rule")
        if action.kind == "undo":
            return _undo
        return moves.HANDLERS[action.kind]

    # ----------------------------------------------------------------- queries
    def acting_seats(self) -> list[str]:
        """The seats that may act now (OpenSpiel's ``current_player``, for simultaneous phases)."""
        st = self.state
        if st.over:
            return []
        if st.phase == "crisis" and st.crisis is not None:
            return [s for s in st.crisis.obligations if s not in st.crisis.responses]
        if st.phase in ("diplomacy", "investment"):
            return [s for s in SEATS if not st.seats[s].done]
        return []

    def legal_actions(self, seat: str) -> list[Action]:
        """Every concrete action from the catalogue that ``seat`` may take now."""
        from wargame.rules.catalogue import candidates
        return [a for a in candidates(self, seat) if self.check(a) is None]

    def unavailable(self, seat: str) -> dict[str, str]:
        """For each action kind with no legal instance now, the reason (from the rules)."""
        from wargame.rules.catalogue import explain
        return explain(self, seat)

    def score(self, seat: str) -> Score:
        """A seat's score now, with its breakdown."""
        return score(self, seat)

    def scores(self) -> dict[str, Score]:
        """Every seat's score with its breakdown (OpenSpiel's ``returns``)."""
        with memo(self):
            return {seat: score(self, seat) for seat in SEATS}

    def indicators(self) -> dict[str, Any]:
        """Headline indicators now: budget, real and perceived deterrence, gap, credibility..."""
        return phases.indicators(self)

    def open_proposals(self, seat: str) -> list[Any]:
        """Open proposals addressed to ``seat`` that it has not answered (its inbox)."""
        return [p for p in self.state.proposals.values()
                if p.status == "open" and seat in p.to and p.answers.get(seat) is None]

    def view(self, seat: str | None) -> dict[str, Any]:
        """What ``seat`` may see (``None`` or the facilitator: everything)."""
        from wargame.rules.views import seat_view
        return seat_view(self, seat)

    # ----------------------------------------------------------------- copies
    def clone(self) -> "Game":
        """An independent copy (same scenario object, copied state and logs)."""
        other = Game(self.scenario, self.seed, _state=clone_state(self.state))
        self._copy_log(other)
        return other

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-safe form: the scenario, the seed and the state."""
        return {"scenario": self.scenario.model_dump(mode="json"), "seed": self.seed,
                "state": state_to_dict(self.state)}

    @classmethod
    def from_dict(cls, data: dict[str, Any], scenario: Scenario | None = None, *, copy: bool = True) -> "Game":
        """Rebuild from :meth:`to_dict` (pass ``scenario`` to skip re-validating it; ``copy=False``
        takes the state dict as it is, for one nothing else holds)."""
        sc = scenario if scenario is not None else parse_scenario(data["scenario"], "<saved scenario>")
        return cls(sc, data["seed"], _state=state_from_dict(data["state"], copy))

    def digest(self) -> str:
        """Hash of the state: equal exactly when the states are equal (scheme 2 of
        :mod:`wargame.digest`; its cost per action does not grow with the game)."""
        return digest(self.state)

    @classmethod
    def replay(cls, scenario: Scenario, seed: int, actions: Iterable[Action]) -> "Game":
        """A new game with ``actions`` applied in order."""
        game = cls(scenario, seed)
        for action in actions:
            game.apply(action)
        return game


_ACTION_FIELDS: dict[type, tuple[str, ...]] = {}


def _action_dict(action: Action) -> dict[str, Any]:
    """``action.to_dict()``, with the field names looked up once per class (a hot path)."""
    cls = type(action)
    names = _ACTION_FIELDS.get(cls)
    if names is None:
        names = _ACTION_FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    out: dict[str, Any] = {"type": action.kind}
    for field in names:
        value = getattr(action, field)
        if field in A.OMIT_EMPTY and not value:
            continue
        if field == "terms":
            value = dict(value)
        elif type(value) is tuple:
            value = list(value)
        out[field] = value
    return out


def _undo(g: Game, a: A.Undo, dry: bool) -> None:
    """Take back the seat's last action this phase by rebuilding the phase without it."""
    st = g.state
    require(st.phase in ("diplomacy", "investment") and st.phase_base is not None,
            "undo works within the diplomacy and investment phases", "phase")
    index = next((i for i in range(len(st.phase_actions) - 1, -1, -1)
                  if st.phase_actions[i]["seat"] == a.seat), None)
    require(index is not None, f"{name(a.seat)} has nothing to undo in this phase")
    assert index is not None
    undone = A.action_from_dict(st.phase_actions[index])
    remaining = st.phase_actions[:index] + st.phase_actions[index + 1:]
    trial_state = state_from_dict(st.phase_base)
    trial_state.history = st.history
    trial = Game(g.scenario, g.seed, _state=trial_state)
    g._copy_log(trial)
    seen: list[Event] = []
    for i, data in enumerate(remaining):
        if i == index:  # ids are never given twice: the later actions keep the ids they had
            seen = _skip_ids(trial, undone)
        action = A.action_from_dict(data)
        try:
            trial.apply(action)
        except IllegalAction as err:
            require(False, f"cannot undo {undone.label.lower()}: {name(action.seat)}'s later action "
                    f"depends on it ({err.reason})")
    if index == len(remaining):
        seen = _skip_ids(trial, undone)
    if dry:
        return
    base = st.phase_base
    count, events = st.action_count, st.event_count
    g.state = trial.state
    g.state.phase_base = base
    g.state.phase_actions = remaining
    g.state.action_count = count
    g.state.event_count = events
    g.state.counter = max(g.state.counter, st.counter)
    inherit_memo(g.state, st)  # the digest's work on the phase snapshot still holds
    # the take-back is told to whoever was told of the action
    public = any(e.public for e in seen)
    seats = sorted({a.seat, *(s for e in seen for s in e.seats)}, key=SEATS.index)
    ids = [str(e.data["proposal"]) for e in seen if e.kind == "proposal" and "proposal" in e.data]
    what = undone.label.lower() + (f" ({', '.join(ids)})" if ids else "")
    emit(g, "undo", f"{name(a.seat)} takes back: {what}", seats, public, undone=undone.to_dict())


def _skip_ids(trial: Game, undone: Action) -> list[Event]:
    """Advance ``trial``'s id counter past the ids ``undone`` took; returns the events it produced.

    ``undone`` is applied to a copy of ``trial`` at the point where it was first applied, so it
    takes exactly the ids (and produces exactly the events) it did then.
    """
    copy = state_from_dict(state_to_dict(trial.state, history=False))
    copy.history = trial.state.history
    probe = Game(trial.scenario, trial.seed, _state=copy)
    try:
        produced = probe.apply(undone)
    except IllegalAction:  # cannot happen (it was legal there); nothing to skip then
        return []
    trial.state.counter = max(trial.state.counter, probe.state.counter)
    return produced
