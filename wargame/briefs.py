"""Printable role briefs: one seat's motives, objectives and how they are scored, starting
position, and what the other seats are known to want, as a self-contained HTML page.

The words come from the scenario file (``[seats.X.role]``); the numbers (starting budget,
capability, commitments in force, the score at the start) from a game at its first quarter, so a
brief always matches the scenario it is printed for. ``wargame briefs`` writes them as HTML or,
through Qt's printing in ``ui.report_pdf``, as PDF. This module never imports Qt.
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Iterable, Mapping

from wargame import __version__
from wargame.report import css
from wargame.report.charts import SEAT_COLOURS
from wargame.rules.game import Game
from wargame.scenario import Scenario
from wargame.state import Commitment
from wargame.types import DOMAIN_NAMES, DOMAINS, SEAT_NAMES, SEATS, money

BRIEF_CSS = """
.role { font-size: 11pt; color: #444444; }
.public { color: #333333; font-size: 9pt; }
td.key { font-weight: bold; }
h2 { font-size: 13pt; margin-top: 9px; margin-bottom: 3px; }
h3 { margin-top: 8px; }
li { margin-bottom: 2px; }
td.how { font-size: 9pt; }
"""
"""Extra rules of the brief on top of the report's stylesheet."""

KIND_NAMES = {
    "pact": "pact", "agreement": "defence cooperation agreement", "assurance": "security assurance",
    "loan": "loan", "deposit": "central-bank deposit", "grant": "grant", "arms_sale": "arms sale",
    "coproduction": "co-production line", "port_access": "port and logistics access",
    "export_credit": "export-credit facility", "premium": "deterrence premium", "demand": "understanding",
}
"""Plain names of commitment kinds."""


def check_seat(seat: str | None) -> list[str]:
    """The seats to brief: all of them, or the one named (a clear message if it is not a seat)."""
    if seat is None:
        return list(SEATS)
    key = seat.strip().lower()
    if key not in SEATS:
        raise ValueError(f"there is no seat {seat!r}: the seats are {', '.join(SEATS)}")
    return [key]


def _chip(seat: str) -> str:
    return (f'<span style="color:{SEAT_COLOURS.get(seat, "#777777")}">&#9632;</span>&nbsp;'
            f"{escape(SEAT_NAMES.get(seat, seat))}")


def _others(com: Commitment, seat: str) -> str:
    names = [SEAT_NAMES.get(p, p) for p in com.parties if p != seat]
    return ", ".join(names) or "—"


def _terms(com: Commitment) -> str:
    t = com.terms
    parts = []
    if "clause" in t:
        parts.append(f"{t['clause']} clause")
    for key, label in (("amount", "amount"), ("value", "value"), ("fee", "fee")):
        if isinstance(t.get(key), (int, float)) and t[key]:
            parts.append(f"{label} {money(float(t[key]))}")
    if isinstance(t.get("rate"), (int, float)) and "amount" in t:
        parts.append(f"{float(t['rate']):g}% a year")
    if isinstance(t.get("turns"), int):
        parts.append(f"{t['turns']} quarters")
    if isinstance(t.get("domain"), str):
        parts.append(DOMAIN_NAMES.get(t["domain"], t["domain"]))
    return "; ".join(parts) or "—"


def _position(game: Game, seat: str) -> str:
    spec = game.scenario.seats[seat]
    ind = game.indicators()["seats"][seat]
    income = money(spec.income) + (" (85% while sanctioned)" if spec.sanctioned else "")
    rows = [
        ("Starting budget", money(spec.budget)), ("Income per quarter", income),
        ("Debt", money(spec.debt)), ("Reserves", money(spec.reserves)),
        ("Actions (political capital) a quarter", str(spec.political_capital)),
        ("Credibility (0–100)", f"{spec.credibility:.0f}"),
        ("NATO standing" if seat == "ankara" else "Standing with Washington",
         f"{spec.standing:.0f}" if seat != "washington" else "not used"),
        ("Economic stress (0–100)", f"{spec.stress:.0f}" + (f", +{spec.stress_drift:g} a quarter"
                                                             if spec.stress_drift else "")),
        ("Real / perceived deterrence", f"{float(ind['real']):.0f} / {float(ind['perceived']):.0f}"),
        ("Bluff gap (perceived − real)", f"{float(ind['perceived']) - float(ind['real']):+.0f}"),
    ]
    cells = [f'<td class="key">{escape(k)}</td><td>{escape(v)}</td>' for k, v in rows]
    table = "".join(f"<tr>{cells[i]}{cells[i + 1] if i + 1 < len(cells) else '<td></td><td></td>'}</tr>"
                    for i in range(0, len(cells), 2))
    cap = " &middot; ".join(f"{escape(DOMAIN_NAMES.get(d, d))} <b>{spec.capability[d]:.0f}</b>" for d in DOMAINS)
    coms = sorted((c for c in game.state.commitments.values()
                   if seat in c.parties and c.status == "active"), key=lambda c: (c.kind != "pact", c.name))
    com_rows = "".join(f"<tr><td>{escape(c.name)}</td><td>{escape(KIND_NAMES.get(c.kind, c.kind))}"
                       f"{'' if c.public else ' (secret)'}</td><td>{escape(_others(c, seat))}</td>"
                       f"<td>{escape(_terms(c))}</td></tr>" for c in coms)
    posture = ""
    if seat == "washington" and game.state.posture:
        bases = ", ".join(f"{escape(game.scenario.site(b).name)} {lv}" for b, lv in game.state.posture.items())
        posture = f"<p>US force posture at the bases (0 to 3): {bases}.</p>"
    return ("<h2>Your starting position</h2>"
            f'<table cellspacing="0" cellpadding="3" width="100%">{table}</table>'
            f"<p><b>Capability</b> (index points of regionally usable force): {cap}.</p>"
            + posture
            + "<h3>Your commitments in force</h3>"
            + ('<table cellspacing="0" cellpadding="3" width="100%"><tr><th width="34%">Commitment</th>'
               '<th>Kind</th><th>With</th><th>Terms</th></tr>' + com_rows + "</table>" if coms
               else "<p>None: every partnership is still to be made.</p>"))


def _scoring(game: Game, seat: str) -> str:
    role = game.scenario.seats[seat].role
    score = game.score(seat)
    rows = "".join(f"<tr><td><b>{escape(c.label)}</b></td><td class=\"num\">{c.weight:g}</td>"
                   f"<td class=\"how\">{escape(role.scoring.get(c.key, ''))}</td><td class=\"num\">{c.value:.0f}</td></tr>"
                   for c in score.components)
    return ("<h2>Your objectives and how they are scored</h2>"
            f"<p>Your score is a weighted sum of {len(score.components)} components, each from 0 to 100 "
            "(points = value &times; weight); the last two count for every seat. Seats are ranked "
            "against their own <i>par</i>, what balanced computer play scores in that seat.</p>"
            '<table cellspacing="0" cellpadding="3" width="100%"><tr><th width="24%">Component</th>'
            '<th class="num" width="9%">Weight</th><th>How you earn it</th><th class="num" width="10%">At the start</th></tr>'
            f'{rows}<tr class="total"><td>Total at the start</td><td></td><td></td>'
            f'<td class="num">{score.total:.1f}</td></tr></table>')


def _bullets(title: str, items: Iterable[str]) -> str:
    lines = "".join(f"<li>{escape(i)}</li>" for i in items)
    return f"<h2>{escape(title)}</h2><ul>{lines}</ul>" if lines else ""


def _others_want(scenario: Scenario, seat: str) -> str:
    rows = []
    for other in SEATS:
        if other == seat:
            continue
        spec = scenario.seats[other]
        text = spec.role.public or spec.brief
        rows.append(f'<tr><td width="18%">{_chip(other)}</td><td class="public">{escape(text)}</td></tr>')
    return ("<h2>What the others are known to want</h2>"
            "<p class=\"small\">What every seat knows in public; their budgets and secret deals are their own.</p>"
            f'<table cellspacing="0" cellpadding="3" width="100%">{"".join(rows)}</table>')


def seat_brief_html(game: Game, seat: str, first: bool = True, team: str = "") -> str:
    """One seat's brief (the body's part), from a game at its start; ``team``: who plays it."""
    scenario = game.scenario
    spec = scenario.seats[seat]
    meta = scenario.meta
    motives = "".join(f'<p style="margin-top:0px;margin-bottom:7px">{escape(p)}</p>'
                      for p in spec.role.motives) or f"<p>{escape(spec.brief)}</p>"
    head_class = "" if first else ' class="newpage"'
    return (f"<h1{head_class}>Role brief: {_chip(seat)}</h1>"
            f'<p class="sub">{escape(meta.title)} &middot; {meta.turns} quarters from '
            f"{game.quarter_of(1)} to {game.quarter_of(meta.turns)} &middot; for "
            + (f"<b>{escape(team)}</b>, playing " if team else "the team playing ")
            + f"{escape(SEAT_NAMES.get(seat, seat))}</p>"
            f'<p class="role"><i>{escape(spec.brief)}</i></p>'
            f"<h2>Your motives</h2>{motives}"
            + _scoring(game, seat) + _position(game, seat)
            + _bullets("What you can do", spec.role.levers)
            + _bullets("Dilemmas to weigh", spec.role.tensions)
            + _others_want(scenario, seat)
            + '<p class="small" style="margin-top:3pt">Rules in full: Help &rarr; Rulebook (&sect;2.3 '
              f"objectives, &sect;3 the quarter, &sect;10 crises). Layered Deterrence {__version__}.</p>")


def briefs_html(scenario: Scenario, seats: Iterable[str] | None = None, *, stylesheet: str | None = None,
                teams: Mapping[str, str] | None = None) -> str:
    """The briefs of ``seats`` (all by default), each starting on a new page, as one HTML page
    (``teams``: who plays each seat, by seat, named under the title)."""
    chosen = list(seats) if seats is not None else list(SEATS)
    game = Game(scenario, 0)
    body = "".join(seat_brief_html(game, seat, first=i == 0, team=(teams or {}).get(seat, ""))
                   for i, seat in enumerate(chosen))
    who = SEAT_NAMES.get(chosen[0], chosen[0]) if len(chosen) == 1 else "every seat"
    title = escape(f"Role brief{'s' if len(chosen) > 1 else ''}: {who} — {scenario.meta.title}")
    style = (stylesheet if stylesheet is not None else css.WEB) + BRIEF_CSS
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
            f"<style>{style}</style></head><body>{body}</body></html>\n")


def write_briefs_html(scenario: Scenario, out: str | Path, seats: Iterable[str] | None = None,
                      teams: Mapping[str, str] | None = None) -> Path:
    """Write the briefs as an HTML file."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(briefs_html(scenario, seats, teams=teams), encoding="utf-8")
    return path
