"""Discussion questions on the article's three tracks, each made specific with this game's numbers.

Every track gets at least two questions: the specific ones the game's events support, then
fallbacks that still quote the game's own figures.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from wargame.report.facts import CrisisFacts, crisis_facts, first_last, plural, seat_name, signed, times
from wargame.rules.game import Game
from wargame.state import Commitment
from wargame.types import COMMAND_LEVELS, INTEROP_LEVELS, SEATS, money

TRACKS: tuple[tuple[str, str, str], ...] = (
    ("signal", "Track 1 — Signal versus capability",
     "A collective-defence clause is not collective-defence capability: deterrence comes from "
     "joint planning, command, interoperable standards and operational habit."),
    ("industry", "Track 2 — Defence industry and finance",
     "The pact is also a commercial channel: loans turned into arms packages, co-production "
     "lines, export credit and access agreements shift the balance quietly."),
    ("perception", "Track 3 — Deterrence as perception",
     "Deterrence is perception as much as reality: signals and Pakistan's deterrence premium "
     "raise what adversaries believe, and a test shows what was real."),
)
"""(key, heading, one-line reminder of the article's argument) per track."""


@dataclass(frozen=True, slots=True)
class Question:
    """One discussion question of a track."""

    track: str
    text: str


def _d(value: float) -> str:
    return f"{value:.0f}"


def _gap(value: float) -> str:
    return signed(value)


def _names(seats: list[str] | tuple[str, ...]) -> str:
    names = [seat_name(s) for s in seats]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class _Ctx:
    """Shared look-ups for the question writers."""

    def __init__(self, game: Game) -> None:
        self.g = game
        self.first, self.last = first_last(game)
        self.crises: list[CrisisFacts] = crisis_facts(game)
        self.end = self.last["quarter"] if self.last["turn"] else game.quarter

    def seat(self, row: dict, seat: str, key: str) -> float:
        return float(row["seats"][seat][key])

    def main_pact(self) -> Commitment | None:
        pacts = [c for c in self.g.state.commitments.values() if c.kind == "pact" and c.id != "nato"]
        pacts = pacts or [c for c in self.g.state.commitments.values() if c.kind == "pact"]
        return max(pacts, key=lambda c: (c.status == "active", len(c.parties)), default=None)

    def events(self, kind: str, **match: str) -> list:
        return [e for e in self.g.events if e.kind == kind
                and all(e.data.get(k) == v for k, v in match.items())]


def _layers_text(pact: Commitment) -> str:
    lay = pact.layers
    parts = ["a joint planning cell" if lay.get("planning") else "no joint planning cell",
             f"{COMMAND_LEVELS[min(2, int(lay.get('command', 0)))]} command".replace("none command", "no combined command"),
             f"interoperability at the '{INTEROP_LEVELS[min(3, int(lay.get('interop', 0)))]}' level",
             f"an exercise habit of {float(lay.get('habit', 0.0)):.2f} (NATO's is about 0.85)"]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _t1_layers(c: _Ctx) -> str | None:
    pact = c.main_pact()
    if pact is None:
        return None
    row = c.last.get("pacts", {}).get(pact.id)
    figures = (f"; its real deterrence was {_d(row['real'])} against a perceived {_d(row['perceived'])}"
               if row else "")
    return (f"By {c.end} the {pact.name} ({_names(pact.parties)}) had {_layers_text(pact)}{figures}. "
            "Which layer added the most real capability, which was never bought, and why?")


def _t1_partners(c: _Ctx) -> str | None:
    tested = [f for f in c.crises if any(p.obliged > 0 and not p.is_target for p in f.partners)]
    if not tested:
        return None
    f = min(tested, key=lambda x: (x.partner_share, x.number))
    owed = [p for p in f.partners if p.obliged > 0 and not p.is_target]
    answers = "; ".join(f"{seat_name(p.seat)} owed {p.obliged_text.split(' (')[0]} and gave {p.response}"
                        for p in owed)
    defence = float(f.crisis.details.get("defence", 0.0))
    return (f"In C{f.number}, {f.crisis.title} ({f.quarter}), {answers}. Partners added "
            f"{defence * f.partner_share:.1f} of the {defence:.1f} defence points "
            f"({f.partner_share:.0%}) and the outcome was {f.outcome_text}. What would it have taken "
            "for the clause to deliver capability, not only consultation?")


def _t1_signals(c: _Ctx) -> str | None:
    declared = c.events("signal")
    decl = [e for e in declared if "target" in e.data]
    drills = [e for e in declared if "target" not in e.data]
    if not declared:
        return None
    by: dict[tuple[str, str], int] = {}
    for e in decl:
        key = (e.seats[0], str(e.data["target"]))
        by[key] = by.get(key, 0) + 1
    top = max(by.items(), key=lambda kv: kv[1], default=None)
    who = (f"{seat_name(top[0][0])} declared support for {seat_name(top[0][1])} {times(top[1])}"
           if top else "No seat declared support for another")
    cost = sum(int(e.data.get("cost", 0)) for e in drills)
    target = top[0][1] if top else "riyadh"
    staged = "no visible exercise was" if not drills else f"{plural(len(drills), 'visible exercise')} {'was' if len(drills) == 1 else 'were'}"
    return (f"{who}, and {staged} staged ({money(cost)}). "
            f"{seat_name(target)}'s bluff gap went from {_gap(c.seat(c.first, target, 'gap'))} at the start "
            f"to {_gap(c.seat(c.last, target, 'gap'))} in {c.end}. Which of these signals built "
            "capability, and which only built an image?")


def _t1_credibility(c: _Ctx) -> str:
    parts = ", ".join(f"{seat_name(s)} {_d(c.seat(c.first, s, 'credibility'))}→"
                      f"{_d(c.seat(c.last, s, 'credibility'))}" for s in SEATS)
    return (f"Credibility moved as follows from the start to {c.end}: {parts}. NATO's deterrent rests "
            "on seven decades of habit; which of this game's commitments could a partner count on?")


def _t2_convert(c: _Ctx) -> str | None:
    conv = c.events("signed", deal="convert")
    if conv:
        e = conv[0]
        lender, borrower = (e.seats[0], e.seats[1]) if len(e.seats) > 1 else ("riyadh", "islamabad")
        value = money(float(e.data.get("value", 0)))
        more = f" ({len(conv)} conversions in all)" if len(conv) > 1 else ""
        return (f"In {c.g.quarter_of(e.turn)}, {seat_name(lender)} converted its {value} loan to "
                f"{seat_name(borrower)} into an arms package{more}. {seat_name(borrower)}'s debt went "
                f"from {money(c.seat(c.first, borrower, 'debt'))} at the start to "
                f"{money(c.seat(c.last, borrower, 'debt'))} in {c.end}, and its economic stress from "
                f"{_d(c.seat(c.first, borrower, 'stress'))} to {_d(c.seat(c.last, borrower, 'stress'))}. "
                "Did the conversion buy security, or mainly move money between treasuries?")
    lent = [com for com in c.g.state.commitments.values() if com.kind in ("loan", "deposit") and com.signed > 0]
    if not lent:
        return None
    total = sum(int(com.terms.get("amount", 0)) for com in lent)
    return (f"{plural(len(lent), 'loan or deposit', 'loans and deposits')} worth {money(total)} "
            f"{'was' if len(lent) == 1 else 'were'} signed, but no loan was "
            "converted into an arms package. Why did no one turn debt into capability, as the "
            "Reuters-reported Saudi–Pakistani talks proposed?")


def _t2_industry(c: _Ctx) -> str | None:
    lines = [com for com in c.g.state.commitments.values() if com.kind == "coproduction"]
    if not lines:
        return None
    ready = [com for com in lines if c.g.turn >= int(com.terms.get("ready", 10 ** 6))]
    names = "; ".join(com.name.replace(" co-production", "") for com in lines[:4])
    names = f"including {names}" if len(lines) > 4 else names
    exports = c.seat(c.last, "ankara", "exports")
    signed = "1 co-production line was" if len(lines) == 1 else f"{len(lines)} co-production lines were"
    return (f"{signed} signed ({names}); {len(ready)} {'was' if len(ready) == 1 else 'were'} producing "
            f"by {c.end}. Ankara's defence exports reached {money(exports)}. Which of these quiet, "
            "measurable steps shifted the balance of power most, and who captured the revenue?")


def _t2_cost(c: _Ctx) -> str:
    spent = c.seat(c.last, "riyadh", "spent")
    comp = c.last["seats"]["riyadh"]["components"].get("cost")
    cost = f"; its 'bearable cost' score stood at {_d(comp)}/100" if comp is not None else ""
    return (f"Riyadh spent {money(spent)} on its security portfolio, and its budget went from "
            f"{money(c.seat(c.first, 'riyadh', 'budget'))} to {money(c.seat(c.last, 'riyadh', 'budget'))}"
            f"{cost}. Was the portfolio priced right for the coverage it bought?")


def _t2_inflows(c: _Ctx) -> str:
    inflows = c.seat(c.last, "islamabad", "inflows")
    return (f"Islamabad took in {money(inflows)} in financial inflows, yet its economic stress went "
            f"from {_d(c.seat(c.first, 'islamabad', 'stress'))} to {_d(c.seat(c.last, 'islamabad', 'stress'))}. "
            "Did the pact turn geopolitical weight into lasting financial relief?")


def _t3_crisis(c: _Ctx) -> str | None:
    if not c.crises:
        gaps = [(float(r["seats"][s]["gap"]), s, r["quarter"]) for r in c.g.state.history for s in SEATS]
        if not gaps:
            return None
        gap, seat, quarter = max(gaps)
        return (f"{seat_name(seat)}'s bluff gap peaked at {_gap(gap)} in {quarter}, yet no crisis "
                "tested it. Was that deterrence working, or luck?")
    f = max(c.crises, key=lambda x: (x.gap, -x.number))
    seen = f" {f.actor} then saw through the bluff." if "saw through" in f.learning else (
        " The bluff was exposed." if f.learning else "")
    return (f"{seat_name(f.crisis.target)}'s perceived deterrence was {_d(f.perceived)} against a real "
            f"{_d(f.real)} when the {f.crisis.title} came ({f.quarter}); the outcome was {f.outcome_text}, "
            f"with {money(f.damage)} of damage.{seen} What would have closed the gap?")


def _t3_premium(c: _Ctx) -> str | None:
    deals = [com for com in c.g.state.commitments.values() if com.kind == "premium"]
    signed = c.events("signed", deal="premium")
    if not deals or not signed:
        return None
    buyers = sorted({str(com.terms.get("buyer")) for com in deals})
    buyer = buyers[0] if buyers[0] in SEATS else "riyadh"
    income = money(float(c.g.state.seats["islamabad"].premium_income))
    return (f"{_names(buyers)} signed for Pakistan's deterrence premium {times(len(signed))}, paying Islamabad "
            f"{income} in premium fees. {seat_name(buyer)}'s perceived deterrence went "
            f"from {_d(c.seat(c.first, buyer, 'perceived'))} to {_d(c.seat(c.last, buyer, 'perceived'))}, "
            f"its real deterrence from {_d(c.seat(c.first, buyer, 'real'))} to "
            f"{_d(c.seat(c.last, buyer, 'real'))}. What exactly was bought, and who would find out in a test?")


def _t3_turkey(c: _Ctx) -> str:
    joined = [e for e in c.events("signed", deal="accession") if "ankara" in e.text.lower()]
    if joined:
        e = joined[0]
        pid = str(e.data.get("commitment"))
        before = next((r for r in reversed(c.g.state.history) if r["turn"] < e.turn), c.first)
        b = before.get("pacts", {}).get(pid)
        a = c.last.get("pacts", {}).get(pid)
        if b and a:
            return (f"Ankara joined the pact in {c.g.quarter_of(e.turn)}. The pact's perceived deterrence "
                    f"went from {_d(b['perceived'])} before to {_d(a['perceived'])} in {c.end}, its real "
                    f"deterrence from {_d(b['real'])} to {_d(a['real'])}. Did Turkey add weight to the "
                    "equation, or rebalance it by bringing in an Atlantic player?")
    return (f"Ankara's NATO standing went from {_d(c.seat(c.first, 'ankara', 'standing'))} to "
            f"{_d(c.seat(c.last, 'ankara', 'standing'))} and its bluff gap ended at "
            f"{_gap(c.seat(c.last, 'ankara', 'gap'))}. Would Turkish accession have added weight "
            "to the pact's image, or rebalanced it?")


WRITERS: dict[str, tuple[Callable[[_Ctx], str | None], ...]] = {
    "signal": (_t1_layers, _t1_partners, _t1_signals, _t1_credibility),
    "industry": (_t2_convert, _t2_industry, _t2_cost, _t2_inflows),
    "perception": (_t3_crisis, _t3_premium, _t3_turkey),
}


def questions(game: Game, per_track: int = 3) -> dict[str, list[Question]]:
    """Up to ``per_track`` questions per track (at least two), keyed by track."""
    ctx = _Ctx(game)
    out: dict[str, list[Question]] = {}
    for track, _, _ in TRACKS:
        texts = [t for t in (w(ctx) for w in WRITERS[track]) if t]
        out[track] = [Question(track, t) for t in texts[:per_track]]
    return out
