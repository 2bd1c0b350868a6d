"""The facilitator's actions: inject crises and events, change parameters, rule, annotate,
and control the phases. Every one is an action in the log, so replay stays exact."""
from __future__ import annotations

from typing import TYPE_CHECKING

from wargame import actions as A
from wargame.rules import crisis as crisis_rules
from wargame.rules.common import clamp, emit, external, name, require
from wargame.scenario import CrisisSpec
from wargame.types import DOMAINS, SEATS, money

if TYPE_CHECKING:
    from wargame.rules.game import Game


def custom_spec(g: "Game", target: str, title: str, text: str, severity: float) -> CrisisSpec:
    """A crisis type for a facilitator's custom crisis: the seat's likeliest threat actor, all domains."""
    likely = sorted((c for c in g.scenario.crises if target in c.targets), key=lambda c: (-c.likelihood, c.id))
    base = likely[0] if likely else g.scenario.crises[0]
    return CrisisSpec.model_construct(
        id="custom", title=title, actor=base.actor, targets=[target], site=base.site, kind="attack",
        weights={d: 1.0 / len(DOMAINS) for d in DOMAINS}, severity=severity, likelihood=0.0,
        excludes=[], text=text, cite="facilitator")


def spec_of(g: "Game", crisis_type: str, target: str, title: str = "", text: str = "",
            severity: float = 1.0) -> CrisisSpec:
    """The deck's crisis type, or a custom one."""
    if crisis_type == "custom":
        return custom_spec(g, target, title, text, severity)
    return g.scenario.crisis_type(crisis_type)


def inject_crisis(g: "Game", a: A.InjectCrisis, dry: bool) -> None:
    """Schedule a crisis for this quarter's crisis phase (it replaces the random draw)."""
    require(g.state.phase in ("diplomacy", "investment"),
            "a crisis can be injected during diplomacy or investment; it is tested in the crisis phase", "phase")
    require(g.state.crisis is None, "a crisis is already scheduled or under way")
    require(a.target in SEATS, f"the target must be one of {', '.join(SEATS)}", "form")
    known = {c.id for c in g.scenario.crises}
    require(a.crisis_type in known or a.crisis_type == "custom",
            f"crisis type must be 'custom' or one of {', '.join(sorted(known))}", "form")
    require(isinstance(a.severity, (int, float)) and 0.2 <= a.severity <= 3.0, "severity is between 0.2 and 3", "form")
    if a.crisis_type == "custom":
        require(bool(a.title.strip()), "a custom crisis needs a title", "form")
    else:
        require(a.target in g.scenario.crisis_type(a.crisis_type).targets,
                f"{a.crisis_type} does not target {name(a.target)}", "form")
    if dry:
        return
    spec = spec_of(g, a.crisis_type, a.target, a.title, a.text, float(a.severity))
    title = a.title.strip() or spec.title
    crisis = crisis_rules.start(g, spec, a.target, float(a.severity), title, a.text or spec.text, injected=True)
    if a.crisis_type == "custom":
        crisis.details["custom"] = {"actor": spec.actor, "site": spec.site}


def inject_event(g: "Game", a: A.InjectEvent, dry: bool) -> None:
    """A world event: budget ($m), stress, credibility and standing changes for one seat."""
    require(a.target in SEATS, f"the target must be one of {', '.join(SEATS)}", "form")
    require(bool(a.title.strip()), "an event needs a title", "form")
    allowed = {"budget", "stress", "credibility", "standing", "income"}
    terms = dict(a.terms)
    require(set(terms) <= allowed, f"event effects are among {sorted(allowed)}", "form")
    require(all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in terms.values()),
            "event effects are numbers", "form")
    s = g.state.seats[a.target]
    if "budget" in terms:
        effect = terms["budget"]
        require(isinstance(effect, int), "a budget effect is a whole number of $m", "form")
        assert isinstance(effect, int)
        require(s.budget + effect >= 0,
                f"{name(a.target)}'s budget ({money(s.budget)}) cannot absorb {money(effect)}")
    if dry:
        return
    if "budget" in terms:
        external(g, a.target, int(terms["budget"]))
    if "income" in terms:
        s.income = max(0, s.income + int(terms["income"]))
    for key in ("stress", "credibility", "standing"):
        if key in terms:
            setattr(s, key, clamp(getattr(s, key) + float(terms[key])))
    effects = ", ".join(f"{k} {v:+g}" for k, v in sorted(terms.items()))
    emit(g, "world", f"EVENT: {a.title} — {name(a.target)} ({effects or 'no direct effect'}). {a.text}".strip(),
         [a.target], True, target=a.target, effects=terms, injected=True)


UNIT_PARAMS = frozenset(("crisis_cap", "signal_decay", "habit_gain", "habit_decay"))
"""Parameters that are shares or probabilities (0..1)."""


def set_parameter(g: "Game", a: A.SetParameter, dry: bool) -> None:
    """Change a rule parameter, with a reason that goes into the log."""
    require(a.name in g.state.params, f"unknown parameter {a.name!r}; parameters are {', '.join(sorted(g.state.params))}", "form")
    require(isinstance(a.value, (int, float)) and not isinstance(a.value, bool), "the value is a number", "form")
    require(bool(a.reason.strip()), "give a reason for the change", "form")
    require(a.value >= 0, "parameters are not negative", "form")
    if a.name in UNIT_PARAMS:
        require(a.value <= 1, f"{a.name} is a share or a probability: between 0 and 1", "form")
    if dry:
        return
    old = g.state.params[a.name]
    g.state.params[a.name] = float(a.value)
    emit(g, "parameter", f"Facilitator sets {a.name} from {old:g} to {float(a.value):g}: {a.reason}",
         [], True, name=a.name, old=old, new=float(a.value), reason=a.reason)


def ruling(g: "Game", a: A.Ruling, dry: bool) -> None:
    """Rule on a disputed crisis outcome; the damage is corrected by the difference."""
    require(a.outcome in crisis_rules.OUTCOMES, f"the outcome is one of {', '.join(crisis_rules.OUTCOMES)}", "form")
    require(bool(a.rationale.strip()), "a ruling needs a rationale", "form")
    found = [c for c in g.state.crises if c.id == a.crisis]
    require(bool(found), f"there is no resolved crisis {a.crisis!r}", "form")
    crisis = found[0]
    require((crisis.ruling or crisis.outcome) != a.outcome, f"the outcome is already {a.outcome}")
    if dry:
        return
    old = crisis.ruling or crisis.outcome
    delta = crisis_rules.rule(g, crisis, a.outcome)
    emit(g, "ruling", f"RULING on {crisis.title}: {old} → {a.outcome} ({money(delta)} to "
         f"{name(crisis.target)}). Rationale: {a.rationale}", [crisis.target], True,
         crisis=crisis.id, old=old, new=a.outcome, rationale=a.rationale, delta=delta)


def note(g: "Game", a: A.Note, dry: bool) -> None:
    """Pin a note to an event of the log (or to the current moment with ``event=-1``)."""
    require(bool(a.text.strip()), "a note needs text", "form")
    require(isinstance(a.event, int) and a.event >= -1, "the event index is -1 or more", "form")
    count = g.state.event_count
    require(a.event < count, f"there is no event {a.event} (the log has {count})", "form")
    if dry:
        return
    g.state.notes.append({"turn": g.state.turn, "phase": g.state.phase, "event": a.event, "text": a.text})
    emit(g, "note", f"Facilitator's note: {a.text}", [], False, event=a.event)


def phase_control(g: "Game", a: A.PhaseControl, dry: bool) -> None:
    """Advance (everyone is done), hold (no automatic advance), resume, or extend the phase."""
    require(a.command in ("advance", "hold", "resume", "extend"),
            "the command is advance, hold, resume or extend", "form")
    st = g.state
    require(st.phase in ("diplomacy", "investment", "crisis"), "only a playing phase can be controlled", "phase")
    if a.command == "hold":
        require(not st.held_phase, "the phase is already held")
    if a.command == "resume":
        require(st.held_phase, "the phase is not held")
    if a.command == "extend":
        require(isinstance(a.seconds, int) and 0 < a.seconds <= 3600, "extend by 1 to 3600 seconds", "form")
    if dry:
        return
    if a.command == "advance":
        st.held_phase = False
        if st.phase == "crisis" and st.crisis is not None:
            for seat in st.crisis.obligations:
                st.crisis.responses.setdefault(seat, "none")
        else:
            for seat in SEATS:
                st.seats[seat].done = True
        emit(g, "phase", f"Facilitator closes the {st.phase} phase", [], True, command="advance")
    elif a.command == "hold":
        st.held_phase = True
        emit(g, "phase", f"Facilitator holds the {st.phase} phase", [], True, command="hold")
    elif a.command == "resume":
        st.held_phase = False
        emit(g, "phase", f"Facilitator resumes the {st.phase} phase", [], True, command="resume")
    else:
        emit(g, "phase", f"Facilitator extends the {st.phase} phase by {a.seconds}s", [], True,
             command="extend", seconds=a.seconds)


HANDLERS = {
    "inject_crisis": inject_crisis, "inject_event": inject_event, "set_parameter": set_parameter,
    "ruling": ruling, "note": note, "phase_control": phase_control,
}
