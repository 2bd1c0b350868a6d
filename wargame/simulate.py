"""What-if analysis at scale: many seeded continuations of a game played by computer players.

    from wargame.simulate import simulate
    result = simulate("pact-2026", games=1000, seed=1, workers=2)
    result = simulate(game, games=500, seed=1, styles={"ankara": "opportunist"})   # from a position
    print(result.summary())
    open("out.json", "w").write(result.to_json())

Every continuation ``i`` uses its own seed ``game_seed(seed, i)``: the computer players are seeded
with it and the game's own random generator is re-seeded with it (so continuations of one
position see different dice). Games are played in worker processes in chunks
(``concurrent.futures.ProcessPoolExecutor``) or on a Ray cluster (``ray=``, see
:mod:`wargame.simulate_ray`); since each game depends only on ``(seed, i)`` and aggregates are
computed in game order, the result is identical whatever the number of workers. Only the
``timing`` entry of the JSON differs between runs.

``progress(done, total)`` is called in the calling thread as games complete; ``cancel`` (a
``threading.Event`` or a ``multiprocessing`` event) stops the run early: the games already
played are kept and ``result.cancelled`` is true.

The per-game records and the aggregates are described in ``docs/agents.md``.
"""
from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import json
import math
import multiprocessing
import signal
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Protocol

from wargame import rng
from wargame.bots import STYLES, Bot
from wargame.errors import WargameError
from wargame.rules import phases
from wargame.rules.game import Game
from wargame.rules.scoring import ranked
from wargame.scenario import Scenario, load_scenario
from wargame.search_bot import mix
from wargame.state import state_from_dict, state_to_dict
from wargame.types import DEALS, SEATS, SEAT_NAMES

SCHEMA = "layered-deterrence/simulation/1"
QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
BANDS = (0.1, 0.5, 0.9)
OUTCOMES = ("deterred", "contained", "damaging")
ACTION_FEATURES = {
    "declare": "declared support publicly", "show_exercise": "staged a visible exercise",
    "invest": "invested in national capability", "buy_foreign": "bought Russian or Chinese arms",
    "withdraw": "withdrew from a commitment", "assure": "extended an assurance",
    "posture": "changed US force posture", "hold": "held an arms sale", "sanction": "applied sanctions pressure",
    "lift_sanctions": "lifted sanctions pressure",
}
"""Action kinds recorded as decisions: a seat took at least one (the label reads after the seat)."""


DEAL_LABELS = {
    "agreement": "a defence cooperation agreement", "accession": "an accession to a pact",
    "layer": "a pact capability layer", "loan": "a loan", "deposit": "a central-bank deposit",
    "grant": "a grant", "convert": "a loan conversion into arms", "arms_sale": "an arms sale",
    "export_credit": "an export-credit facility", "coproduction": "a co-production line",
    "port_access": "port access", "premium": "a deterrence-premium deal",
    "demand": "an understanding with Washington", "assurance": "a US assurance",
}


class SimulationError(WargameError):
    """A what-if run that cannot start (bad arguments, Ray unavailable...)."""


class _EventLike(Protocol):
    def is_set(self) -> bool: ...


def game_seed(seed: int, index: int) -> int:
    """The seed of continuation ``index`` of a run seeded with ``seed``."""
    return mix(seed, index, 0x51A7) % (2**31 - 1)


# --------------------------------------------------------------------------- playing one game
@dataclass(frozen=True)
class Start:
    """What every worker needs: the scenario, the starting state (or None: the scenario's start)
    and the seats' styles. Picklable."""

    scenario: Scenario
    state: dict[str, Any] | None
    styles: dict[str, str]
    start_turn: int = 1
    max_actions: int = 20_000
    force: dict[str, Any] | None = None
    """A forced decision (:class:`wargame.forced.Forced` as a dict): its action is taken at the
    first point of the continuation where it is the seat's turn, in ``turn`` (any turn from the
    start if ``None``), and it is legal."""


def play_continuation(start: Start, index: int, seed: int) -> dict[str, Any]:
    """Play continuation ``index`` to the end and return its record (JSON-safe)."""
    gseed = game_seed(seed, index)
    if start.state is None:
        game = Game(start.scenario, gseed)
        crises_before = 0
    else:
        state = state_from_dict(start.state)
        state.rng = rng.seed_state(gseed)
        game = Game(start.scenario, gseed, _state=state)
        crises_before = len(state.crises)
        if state.held_phase:  # a facilitator's hold does not stop the computer players
            state.held_phase = False
            phases.maybe_advance(game)
    members = {c.id: set(c.parties) for c in game.state.commitments.values()
               if c.kind == "pact" and c.status == "active"}
    bots = {s: Bot(s, gseed, start.styles.get(s, "balanced")) for s in SEATS}
    forced = None
    if start.force is not None:
        from wargame.forced import Forced
        forced = Forced.from_dict(start.force)
    applied_at: int | None = None
    count = 0
    stalled = False
    while not game.over and count < start.max_actions:
        acting = game.acting_seats()
        if not acting:
            stalled = True  # a phase held by the facilitator: nothing more a bot can do
            break
        if forced is not None and applied_at is None and forced.due(game):
            game.apply(forced.concrete(game))
            applied_at = game.turn
            count += 1
            continue
        game.apply(bots[acting[0]].choose(game))
        count += 1
    record = game_record(game, index, gseed, crises_before, stalled or not game.over, members)
    if forced is not None:
        record["forced"] = applied_at is not None
    return record


def game_record(game: Game, index: int, gseed: int, crises_before: int = 0,
                unfinished: bool = False, members_before: dict[str, set[str]] | None = None) -> dict[str, Any]:
    """The per-game record of a finished continuation (its events and actions are the
    continuation's only; ``members_before``: each pact's members when it began)."""
    st = game.state
    scores = game.scores()
    pacts = {}
    for com in st.commitments.values():
        if com.kind == "pact":
            pacts[com.id] = {"name": com.name, "active": com.status == "active",
                             "members": sorted(com.parties, key=SEATS.index)}
    crises = [{"type": c.type, "target": c.target, "actor": c.actor, "turn": c.turn,
               "outcome": c.ruling or c.outcome} for c in st.crises[crises_before:]]
    gap = {seat: [round(float(row["seats"][seat]["gap"]), 3) for row in st.history] for seat in SEATS}
    turns = [int(row["turn"]) for row in st.history]
    honour = {s: 0 for s in SEATS}
    defect = {s: 0 for s in SEATS}
    signed: dict[str, set[str]] = {s: set() for s in SEATS}
    layers: set[str] = set()
    joined: set[tuple[str, str]] = set()
    offered: dict[str, set[str]] = {s: set() for s in SEATS}  # deal kinds a seat was party to a proposal of
    tabled: set[str] = set()  # "layer.<pact>" and "join.<pact>.<seat>" proposals tabled
    for ev in game.events:
        if ev.kind == "proposal" and ev.data.get("deal"):
            deal = ev.data["deal"]
            for seat in ev.seats:
                if seat in offered:
                    offered[seat].add(deal)
            terms = ev.data.get("terms") or {}
            if deal == "layer":
                tabled.add(f"layer.{terms.get('pact')}")
            elif deal == "accession":
                tabled.add(f"join.{terms.get('pact')}.{terms.get('candidate')}")
        if ev.kind == "credibility" and "seat" in ev.data and ev.data.get("delta") is not None:
            seat = ev.data["seat"]
            if seat in honour:
                (honour if ev.data["delta"] > 0 else defect)[seat] += 1
        elif ev.kind == "signed":
            deal = ev.data.get("deal") or ("assurance" if "assurance" in ev.text else "other")
            for seat in ev.seats:
                if seat in signed:
                    signed[seat].add(deal)
            if deal == "layer":
                layers.add(str(ev.data.get("commitment")))
    before = members_before or {}
    for pid, info in pacts.items():  # members at the end that were not members at the start
        if info["active"]:
            members: list[str] = list(info["members"])  # type: ignore[call-overload]
            for seat in members:
                if seat not in before.get(pid, set(members)):
                    joined.add((pid, seat))
    took: dict[str, set[str]] = {s: set() for s in SEATS}
    for action in game.actions:
        if action.seat in took:
            took[action.seat].add(action.kind)
    decisions: dict[str, bool] = {}
    chances: dict[str, bool] = {}
    for seat in SEATS:
        called = honour[seat] + defect[seat] > 0
        for deal in DEALS + ("assurance",):
            decisions[f"{seat}.signed.{deal}"] = deal in signed[seat]
            if deal != "assurance":
                chances[f"{seat}.signed.{deal}"] = deal in offered[seat] or deal in signed[seat]
        for kind in ACTION_FEATURES:
            decisions[f"{seat}.{kind}"] = kind in took[seat]
        decisions[f"{seat}.defected"] = defect[seat] > 0
        decisions[f"{seat}.honoured"] = honour[seat] > 0
        chances[f"{seat}.defected"] = chances[f"{seat}.honoured"] = called
    for pid, info in pacts.items():
        decisions[f"pact.{pid}.layer_added"] = pid in layers
        chances[f"pact.{pid}.layer_added"] = pid in layers or f"layer.{pid}" in tabled
        for seat in SEATS:
            if (pid, seat) in joined:
                decisions[f"pact.{pid}.joined.{seat}"] = True
            chances[f"pact.{pid}.joined.{seat}"] = (pid, seat) in joined or f"join.{pid}.{seat}" in tabled
    return {
        "index": index, "seed": gseed, "turn": st.turn, "over": st.over, "unfinished": unfinished,
        "actions": len(game.actions),
        "scores": {s: scores[s].total for s in SEATS},
        "ratings": {s: scores[s].rating for s in SEATS},
        "winner": ranked(scores)[0][0],
        "components": {s: {c.key: c.value for c in scores[s].components} for s in SEATS},
        "pacts": pacts,
        "crises": crises,
        "crisis_count": len(crises),
        "history_turns": turns,
        "gap": gap,
        "honoured": honour, "defected": defect,
        "signed": {s: sorted(signed[s]) for s in SEATS},
        "decisions": decisions,
        "chances": chances,
    }


def play_chunk(start: Start, indices: Iterable[int], seed: int) -> list[dict[str, Any]]:
    """Play several continuations (one unit of work for a worker)."""
    return [play_continuation(start, i, seed) for i in indices]


_WORKER_START: Start | None = None


def _worker_init(start: Start) -> None:
    global _WORKER_START
    _WORKER_START = start
    try:  # Ctrl-C is the parent's business: it cancels and collects what is done
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:
        pass


def _worker_chunk(indices: list[int], seed: int) -> list[dict[str, Any]]:
    assert _WORKER_START is not None
    return play_chunk(_WORKER_START, indices, seed)


# --------------------------------------------------------------------------- statistics
def _r(x: float, digits: int = 4) -> float:
    return round(float(x), digits) + 0.0


def quantile(sorted_values: list[float], q: float) -> float:
    """Linear-interpolation quantile of already sorted values (numpy's default method)."""
    if not sorted_values:
        return float("nan")
    pos = (len(sorted_values) - 1) * q
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def describe(values: list[float]) -> dict[str, Any]:
    """Mean, standard deviation (n-1), min, max and quantiles."""
    n = len(values)
    if n == 0:
        return {"n": 0}
    mean = math.fsum(values) / n
    std = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1)) if n > 1 else 0.0
    s = sorted(values)
    return {"n": n, "mean": _r(mean), "std": _r(std), "min": _r(s[0]), "max": _r(s[-1]),
            "quantiles": {f"{q:g}": _r(quantile(s, q)) for q in QUANTILES}}


def _had_chance(game: dict[str, Any], key: str) -> bool:
    """Whether the decision ``key`` was open in this game (records without ``chances``: always)."""
    return bool(game.get("chances", {}).get(key, True))


def _same_deal(keys: list[str]) -> bool:
    """Whether the keys are one decision seen from its parties (``riyadh.signed.loan`` and
    ``islamabad.signed.loan``): the same after the seat."""
    tails = {k.split(".", 1)[1] for k in keys if k.split(".", 1)[0] in SEATS}
    return len(tails) == 1 and all(k.split(".", 1)[0] in SEATS for k in keys)


def decision_effects(games: list[dict[str, Any]], seat: str, min_count: int) -> list[dict[str, Any]]:
    """For one seat's final score: each binary decision's effect (mean with − mean without),
    with Cohen's d, ranked by |d|.

    The baseline is matched: a decision is compared only across the games in which it was open
    (``chances``): "honoured an obligation" against "fell short" among the games where the seat
    was called on in a crisis, "signed a loan" against games where a loan involving the seat was
    proposed but not signed. So that a crisis happened, or a deal was on the table, is not read as
    the decision. Decisions seen in fewer than ``min_count`` games on either side are left out.
    Different decisions are never merged; the parties of one deal taken in exactly the same games
    make one row (``same_as`` names the other parties' keys).
    """
    # "signed an accession" is the same decision as "<seat> joined <pact>", which names who joined
    keys = sorted({k for g in games for k in g["decisions"] if not k.endswith(".signed.accession")})
    groups: dict[tuple[Any, ...], list[str]] = {}
    for key in keys:
        pattern = tuple((bool(g["decisions"].get(key)), _had_chance(g, key)) for g in games)
        tail = key.split(".", 1)[1] if key.split(".", 1)[0] in SEATS else key
        groups.setdefault((tail, pattern), []).append(key)
    out: list[dict[str, Any]] = []
    for members in groups.values():
        members.sort(key=lambda k: (k.split(".", 1)[0] != seat, k))  # the seat's own key first
        key = members[0]
        open_games = [g for g in games if _had_chance(g, key)]
        yes = [g["scores"][seat] for g in open_games if g["decisions"].get(key)]
        no = [g["scores"][seat] for g in open_games if not g["decisions"].get(key)]
        if len(yes) < min_count or len(no) < min_count:
            continue
        my, mn = math.fsum(yes) / len(yes), math.fsum(no) / len(no)
        vy = math.fsum((v - my) ** 2 for v in yes) / max(1, len(yes) - 1)
        vn = math.fsum((v - mn) ** 2 for v in no) / max(1, len(no) - 1)
        pooled = math.sqrt(((len(yes) - 1) * vy + (len(no) - 1) * vn) / max(1, len(yes) + len(no) - 2))
        diff = my - mn
        d = diff / pooled if pooled > 1e-12 else 0.0
        se = math.sqrt(vy / len(yes) + vn / len(no))
        label = decision_label(key)
        if len(members) > 1 and _same_deal(members):
            who = " and ".join(SEAT_NAMES[k.split(".", 1)[0]] for k in members)
            label = who + label[len(SEAT_NAMES[key.split(".", 1)[0]]):]
        out.append({"decision": key, "label": label, "same_as": members[1:], "with": len(yes),
                    "without": len(no), "open_in": len(open_games),
                    "mean_with": _r(my), "mean_without": _r(mn), "difference": _r(diff),
                    "effect_size": _r(d), "se": _r(se)})
    out.sort(key=lambda e: (-abs(e["effect_size"]), e["decision"]))
    return out


def decision_label(key: str) -> str:
    """A readable label for a decision key such as ``riyadh.signed.layer``."""
    parts = key.split(".")
    if parts[0] == "pact":
        if parts[2] == "layer_added":
            return f"a layer was added to {parts[1]}"
        return f"{SEAT_NAMES.get(parts[3], parts[3])} joined {parts[1]}"
    who = SEAT_NAMES.get(parts[0], parts[0])
    if parts[1] == "signed":
        return f"{who} signed: {DEAL_LABELS.get(parts[2], parts[2])}"
    if parts[1] == "defected":
        return f"{who} fell short of an obligation"
    if parts[1] == "honoured":
        return f"{who} honoured an obligation"
    return f"{who} {ACTION_FEATURES.get(parts[1], parts[1])}"


def aggregate(games: list[dict[str, Any]], top: int = 10) -> dict[str, Any]:
    """The aggregates of a list of per-game records (in game order)."""
    n = len(games)
    out: dict[str, Any] = {"games": n}
    if n == 0:
        return out
    out["scores"] = {s: describe([g["scores"][s] for g in games]) for s in SEATS}
    out["wins"] = {s: _r(sum(1 for g in games if g.get("winner") == s) / n) for s in SEATS}
    comp_keys = {s: sorted({k for g in games for k in g["components"][s]}) for s in SEATS}
    out["components"] = {s: {k: _r(math.fsum(g["components"][s].get(k, 0.0) for g in games) / n)
                             for k in comp_keys[s]} for s in SEATS}
    pact_ids = sorted({p for g in games for p in g["pacts"]})
    pacts = {}
    for pid in pact_ids:
        present = [g["pacts"][pid] for g in games if pid in g["pacts"]]
        pacts[pid] = {
            "name": present[0]["name"],
            "survival": _r(sum(1 for p in present if p["active"]) / n),
            "members_mean": _r(math.fsum(len(p["members"]) for p in present if p["active"]) / n),
            "membership": {s: _r(sum(1 for p in present if p["active"] and s in p["members"]) / n)
                           for s in SEATS},
        }
    out["pacts"] = pacts
    counts = [g["crisis_count"] for g in games]
    hist: dict[str, int] = {}
    for c in counts:
        hist[str(c)] = hist.get(str(c), 0) + 1
    by_type: dict[str, dict[str, int]] = {}
    by_target: dict[str, dict[str, int]] = {}
    totals = {o: 0 for o in OUTCOMES}
    for g in games:
        for c in g["crises"]:
            t = by_type.setdefault(c["type"], {o: 0 for o in OUTCOMES})
            t[c["outcome"]] = t.get(c["outcome"], 0) + 1
            t2 = by_target.setdefault(c["target"], {o: 0 for o in OUTCOMES})
            t2[c["outcome"]] = t2.get(c["outcome"], 0) + 1
            totals[c["outcome"]] = totals.get(c["outcome"], 0) + 1
    out["crises"] = {
        "count": describe([float(c) for c in counts]),
        "histogram": dict(sorted(hist.items(), key=lambda kv: int(kv[0]))),
        "outcomes": totals,
        "by_type": {k: by_type[k] for k in sorted(by_type)},
        "by_target": {k: by_target[k] for k in sorted(by_target)},
    }
    turns = sorted({t for g in games for t in g["history_turns"]})
    gap: dict[str, Any] = {"turns": turns}
    for seat in SEATS:
        per_turn: dict[int, list[float]] = {t: [] for t in turns}
        for g in games:
            for t, v in zip(g["history_turns"], g["gap"][seat]):
                per_turn[t].append(v)
        rows: dict[str, list[float | None]] = {"mean": [], **{f"q{int(q * 100)}": [] for q in BANDS}}
        for t in turns:
            vals = sorted(per_turn[t])
            rows["mean"].append(_r(math.fsum(vals) / len(vals)) if vals else None)
            for q in BANDS:
                rows[f"q{int(q * 100)}"].append(_r(quantile(vals, q)) if vals else None)
        gap[seat] = rows
    out["bluff_gap"] = gap
    keys = sorted({k for g in games for k in g["decisions"]})
    out["decisions"] = {k: {"label": decision_label(k), "share": _r(sum(1 for g in games if g["decisions"].get(k)) / n)}
                        for k in keys}
    min_count = max(5, math.ceil(0.02 * n)) if n >= 50 else 2
    out["separating_decisions"] = {
        "min_count": min_count,
        "note": "difference in the seat's mean final score between games with and without each "
                "decision, among the games where it was open (matched baseline), ranked by effect "
                "size (Cohen's d); an association, not a proof of cause: force a decision to test it",
        **{s: decision_effects(games, s, min_count)[:top] for s in SEATS},
    }
    out["honour"] = {s: {"honoured": sum(g["honoured"][s] for g in games),
                         "defected": sum(g["defected"][s] for g in games)} for s in SEATS}
    out["unfinished"] = sum(1 for g in games if g["unfinished"])
    return out


# --------------------------------------------------------------------------- the result
@dataclass
class SimulationResult:
    """The outcome of a what-if run: per-game records, aggregates and how the run went."""

    meta: dict[str, Any]
    games: list[dict[str, Any]]
    aggregates: dict[str, Any]
    timing: dict[str, Any] = field(default_factory=dict)

    @property
    def cancelled(self) -> bool:
        """Whether the run was cancelled before every game was played."""
        return bool(self.meta.get("cancelled"))

    @property
    def partial(self) -> bool:
        """Whether fewer games were played than requested."""
        return self.meta["completed"] < self.meta["requested"]

    def to_dict(self, games: bool = True) -> dict[str, Any]:
        """JSON-safe dict; ``games=False`` leaves out the per-game records."""
        out: dict[str, Any] = {"schema": SCHEMA, "meta": self.meta, "aggregates": self.aggregates,
                               "timing": self.timing}
        if games:
            out["games"] = self.games
        return out

    def to_json(self, indent: int | None = None, games: bool = True) -> str:
        """The JSON text (keys sorted; identical for the same seed apart from ``timing``)."""
        return json.dumps(self.to_dict(games), indent=indent, sort_keys=True, allow_nan=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SimulationResult":
        """Rebuild from :meth:`to_dict` (or parsed :meth:`to_json`)."""
        return cls(meta=data["meta"], games=data.get("games", []), aggregates=data["aggregates"],
                   timing=data.get("timing", {}))

    def summary(self, top: int = 3) -> str:
        """A readable summary (what ``wargame simulate`` prints)."""
        return summary_text(self, top)


def summary_text(result: SimulationResult, top: int = 3) -> str:
    """Plain-text summary of a result."""
    m, a = result.meta, result.aggregates
    lines = [f"What-if: {m['scenario']} from turn {m['start_turn']} ({m['start_quarter']}), "
             f"{m['completed']} of {m['requested']} games, seed {m['seed']}"
             + (" — CANCELLED, partial results" if m.get("cancelled") else "")]
    lines.append("styles: " + ", ".join(f"{SEAT_NAMES[s]} {m['styles'][s]}" for s in SEATS))
    if not a.get("games"):
        lines.append("no game finished")
        return "\n".join(lines)
    lines.append("")
    lines.append(f"{'Final score':<14}{'mean':>7}{'std':>7}{'5%':>7}{'25%':>7}{'median':>8}{'75%':>7}{'95%':>7}"
                 f"{'wins':>7}")
    wins = a.get("wins", {})
    for s in SEATS:
        d = a["scores"][s]
        q = d["quantiles"]
        lines.append(f"{SEAT_NAMES[s]:<14}{d['mean']:>7.1f}{d['std']:>7.1f}{q['0.05']:>7.1f}{q['0.25']:>7.1f}"
                     f"{q['0.5']:>8.1f}{q['0.75']:>7.1f}{q['0.95']:>7.1f}{wins.get(s, 0.0):>7.0%}")
    lines.append("wins: the highest rating against the seat's par (what balanced play scores in it)")
    lines.append("")
    for pid, p in a["pacts"].items():
        members = ", ".join(f"{SEAT_NAMES[s]} {v:.0%}" for s, v in p["membership"].items() if v > 0)
        lines.append(f"{p['name']}: survives in {p['survival']:.0%} of games; members at the end: {members}")
    c = a["crises"]
    o = c["outcomes"]
    total = sum(o.values()) or 1
    lines.append(f"Crises per game: mean {c['count']['mean']:.2f} (0 in {c['histogram'].get('0', 0)} games); "
                 f"outcomes: " + ", ".join(f"{k} {v / total:.0%}" for k, v in o.items()))
    gap = a["bluff_gap"]
    last = len(gap["turns"]) - 1
    lines.append("Bluff gap (perceived − real) at the end, mean [10%–90%]: " + ", ".join(
        f"{SEAT_NAMES[s]} {gap[s]['mean'][last]:+.1f} [{gap[s]['q10'][last]:+.1f}, {gap[s]['q90'][last]:+.1f}]"
        for s in SEATS))
    lines.append("")
    lines.append("Decisions that most separated good outcomes from bad (difference in mean final score):")
    sep = a["separating_decisions"]
    for s in SEATS:
        rows = sep[s][:top]
        if not rows:
            lines.append(f"  {SEAT_NAMES[s]}: none seen often enough")
            continue
        parts = [f"{r['label']} {r['difference']:+.1f} (d {r['effect_size']:+.2f}, {r['with']}/{r['with'] + r['without']})"
                 for r in rows]
        lines.append(f"  {SEAT_NAMES[s]}: " + "; ".join(parts))
    if a.get("unfinished"):
        lines.append(f"{a['unfinished']} game(s) could not be played to the end (a phase held by the facilitator)")
    t = result.timing
    if t:
        lines.append(f"\n{t.get('games_per_second', 0):.1f} games/s, {t.get('seconds', 0):.1f} s, "
                     f"{t.get('backend')} with {t.get('workers')} worker(s)")
    return "\n".join(lines)


# --------------------------------------------------------------------------- running
def _start_from(scenario_or_game: Scenario | str | Game, from_game: Game | None,
                styles: dict[str, str] | None) -> tuple[Start, Game]:
    styles = dict(styles or {})
    for seat, style in styles.items():
        if seat not in SEATS:
            raise SimulationError(f"unknown seat {seat!r} in styles; seats are {', '.join(SEATS)}")
        if style not in STYLES:
            raise SimulationError(f"unknown style {style!r} for {seat}; styles are {', '.join(STYLES)}")
    full = {s: styles.get(s, "balanced") for s in SEATS}
    if isinstance(scenario_or_game, Game) and from_game is None:
        from_game = scenario_or_game
    if from_game is not None:
        if from_game.over:
            raise SimulationError("the starting game is already over: choose an earlier turn")
        state = state_to_dict(from_game.state)
        return Start(from_game.scenario, state, full, from_game.turn), from_game
    scenario = load_scenario(scenario_or_game) if isinstance(scenario_or_game, str) else scenario_or_game
    if not isinstance(scenario, Scenario):
        raise SimulationError(f"expected a scenario, a scenario id or a Game, got {type(scenario_or_game).__name__}")
    return Start(scenario, None, full, 1), Game(scenario, 0)


def _chunks(n: int, size: int) -> list[list[int]]:
    return [list(range(i, min(n, i + size))) for i in range(0, n, size)]


def simulate(scenario_or_game: Scenario | str | Game, games: int, seed: int, workers: int = 1,
             styles: dict[str, str] | None = None, from_game: Game | None = None,
             progress: Callable[[int, int], None] | None = None,
             cancel: _EventLike | None = None, *, chunk_size: int | None = None,
             ray: str | None = None, top: int = 10, force: Any = None) -> SimulationResult:
    """Play ``games`` seeded continuations with computer players and aggregate them.

    ``scenario_or_game``: a scenario (or its id) to play from the start, or a :class:`Game` to
    continue from its current position (same as passing it as ``from_game``). ``styles``: a style
    per seat (``cautious``, ``balanced``, ``opportunist``; balanced by default). ``workers``:
    processes (1 = in this process). ``ray``: ``"auto"``, ``"local"`` or a cluster address to
    run on Ray instead (``pip install 'layered-deterrence[ray]'``). ``force``: a
    :class:`wargame.forced.Forced` decision taken in every continuation (see
    :func:`wargame.forced.compare_forced` for the paired comparison). Deterministic in
    ``(start, games, seed, styles, force)``.
    """
    if games < 0:
        raise SimulationError("the number of games must be positive")
    if workers < 1:
        raise SimulationError("workers must be at least 1")
    start, first = _start_from(scenario_or_game, from_game, styles)
    if force is not None:
        start = dataclasses.replace(start, force=force.to_dict())
    if ray is not None:
        from wargame.simulate_ray import require_ray
        require_ray()
    began = time.perf_counter()
    records: dict[int, dict[str, Any]] = {}
    done = 0

    def report() -> None:
        if progress is not None:
            progress(done, games)

    cancelled = False
    backend = "inline"
    if ray is not None:
        from wargame.simulate_ray import run_on_ray
        backend = "ray"
        size = chunk_size or max(1, min(50, games // max(1, workers * 8) or 1))
        records, cancelled = run_on_ray(start, _chunks(games, size), seed, ray, workers, progress, cancel, games)
    elif workers == 1 or games <= 1:
        for i in range(games):
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            records[i] = play_continuation(start, i, seed)
            done += 1
            report()
    else:
        backend = "processes"
        size = chunk_size or max(1, min(25, games // (workers * 8) or 1))
        pending = _chunks(games, size)
        pending.reverse()
        ctx = multiprocessing.get_context("spawn")
        with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init,
                                    initargs=(start,)) as pool:
            running: set[cf.Future[list[dict[str, Any]]]] = set()
            try:
                while pending or running:
                    if cancel is not None and cancel.is_set():
                        cancelled = True
                        break
                    while pending and len(running) < workers * 2:
                        running.add(pool.submit(_worker_chunk, pending.pop(), seed))
                    finished, running = cf.wait(running, timeout=0.2, return_when=cf.FIRST_COMPLETED)
                    for fut in finished:
                        for rec in fut.result():
                            records[rec["index"]] = rec
                        done = len(records)
                    if finished:
                        report()
            finally:
                for fut in running:
                    fut.cancel()
            if cancelled:  # keep the chunks that were already under way when the cancel came
                for fut in cf.as_completed(running):
                    if not fut.cancelled() and fut.exception() is None:
                        for rec in fut.result():
                            records[rec["index"]] = rec
    elapsed = time.perf_counter() - began
    ordered = [records[i] for i in sorted(records)]
    cancelled = cancelled and len(ordered) < games
    meta = {
        "scenario": start.scenario.meta.id, "seed": seed, "requested": games, "completed": len(ordered),
        "cancelled": cancelled, "styles": start.styles, "start_turn": first.turn,
        "start_quarter": first.quarter, "start_phase": first.phase, "from_game": start.state is not None,
        "start_digest": first.digest(), "seat_order": list(SEATS),
    }
    if force is not None:
        meta["forced"] = {**force.to_dict(), "text": force.describe(),
                          "applied": sum(1 for g in ordered if g.get("forced"))}
    timing = {"seconds": round(elapsed, 3), "workers": workers, "backend": backend,
              "games_per_second": round(len(ordered) / elapsed, 2) if elapsed > 0 else 0.0}
    return SimulationResult(meta, ordered, aggregate(ordered, top), timing)
