"""The debrief as one self-contained HTML page (inline CSS, charts as inline SVG or images)."""
from __future__ import annotations

from html import escape
from typing import Callable

from wargame import __version__
from wargame.report import css
from wargame.report.charts import SEAT_COLOURS, Figure, figures
from wargame.report.facts import (
    CrisisFacts, crisis_facts, decisions, first_last, interventions, plural, seat_name, signed,
)
from wargame.report.questions import TRACKS, questions
from wargame.report.source import ReportSource, SeatRow
from wargame.rules.game import Game
from wargame.report.svg import figure_svg
from wargame.rules.scoring import Score, ranked
from wargame.types import SEAT_NAMES, SEATS, money

AUDIENCES = ("facilitator", "students")
"""Who a report is for: the facilitator's full debrief, or a handout without facilitator notes."""

ChartHtml = Callable[[Figure], str]
"""Turns a figure into the markup that shows it (inline SVG by default)."""


def chip(seat: str) -> str:
    """A seat's name after a square in its colour."""
    colour = SEAT_COLOURS.get(seat, "#777777")
    return f'<span style="color:{colour}">&#9632;</span>&nbsp;{escape(seat_name(seat))}'


def outcome_html(outcome: str) -> str:
    """An outcome in capitals, coloured by how it went."""
    return f'<span class="{escape(outcome)}">{escape(outcome.upper())}</span>'


def score_text(total: float) -> str:
    """A score total as the report prints it (one decimal)."""
    return f"{total:.1f}"


def inline_svg(fig: Figure) -> str:
    """The default chart markup: the SVG inside the page."""
    return figure_svg(fig)


def _head(src: ReportSource, scores: dict[str, Score], audience: str = "facilitator") -> str:
    g = src.game
    meta = g.scenario.meta
    first, last = first_last(g)
    played = last["turn"]
    status = ("finished" if g.over else f"in progress ({g.quarter}, {g.phase} phase)")
    span = f"{g.quarter_of(1)} to {g.quarter_of(max(1, played))}" if played else "not yet assessed"
    subtitle = [escape(meta.title)] if src.title and src.title != meta.title else []
    subtitle.append(f"seed {g.seed}")
    if audience == "students":
        subtitle.append("student handout")
    if src.origin:
        subtitle.append(f"from {escape(src.origin.replace(chr(92), '/').rsplit('/', 1)[-1])}")
    counts = {o: sum(1 for f in crisis_facts(g) if f.outcome == o) for o in ("deterred", "contained", "damaging")}
    n_crises = len(g.state.crises)
    crisis_txt = (f"{n_crises}: " + ", ".join(f"{v} {k}" for k, v in counts.items() if v)) if n_crises else "none"
    best = ranked(scores)[0]
    widest = max(SEATS, key=lambda s: abs(float(last["seats"][s]["gap"])))
    rows = [
        ("Quarters played", f"{played} of {meta.turns} ({span}); game {status}"),
        ("Crises", crisis_txt),
        ("Facilitator interventions", _interventions_count(g)),
        ("Winner (against par)", f"{seat_name(best[0])}, {score_text(best[1].total)} points, rating "
                                  f"{best[1].rating:.1f} (par {best[1].par:.1f})"),
        ("Widest bluff gap at the end", f"{seat_name(widest)}, {signed(float(last['seats'][widest]['gap']))} "
         f"(perceived {float(last['seats'][widest]['perceived']):.0f} vs real "
         f"{float(last['seats'][widest]['real']):.0f})"),
    ]
    glance = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
    return (f"<h1>Debrief: {escape(src.title or meta.title)}</h1>"
            f'<p class="sub">Layered Deterrence &middot; {" &middot; ".join(subtitle)}</p>'
            f'<h2>At a glance</h2><table class="glance" cellspacing="0" cellpadding="3">{glance}</table>')


def _scenario(src: ReportSource) -> str:
    meta = src.game.scenario.meta
    title = f'<p class="lead"><b>{escape(meta.title)}</b></p>' if src.title != meta.title else ""
    return (f"<h2>1. The scenario</h2>{title}<p>{escape(meta.summary)}</p>"
            f"<p>Starts in <b>{src.game.quarter_of(1)}</b>; <b>{meta.turns}</b> quarters "
            f"(turns), to {src.game.quarter_of(meta.turns)}. Each quarter: world events and income, "
            "diplomacy, investment, a possible crisis test, and an assessment.</p>")


def _seats(src: ReportSource, scores: dict[str, Score]) -> str:
    rows = []
    for row in src.seats:
        player = {"person": "Person", "computer": "Computer"}.get(row.player, row.player or "—")
        rows.append(f"<tr><td>{chip(row.seat)}</td><td>{escape(player)}</td>"
                    f"<td>{escape(team_text(row))}</td>"
                    f"<td>{escape(row.style if row.style and row.player != 'person' else '—')}</td>"
                    f'<td class="num">{score_text(scores[row.seat].total)}</td></tr>')
    return ("<h2>2. The seats</h2>"
            '<table cellspacing="0" cellpadding="4" width="100%"><tr><th>Seat</th><th>Played by</th>'
            '<th>Team / students</th><th>Computer style</th><th class="num">Final score</th></tr>'
            + "".join(rows) + "</table>")


GLOSSARY = (
    ("Real deterrence", "what a test would actually deliver: own capability plus partners' "
     "capability, counted only through integration (planning, command, interoperability, "
     "exercise habit, access)."),
    ("Perceived deterrence", "what adversaries believe: clause texts, declarations, visible "
     "exercises, the credibility record and Pakistan's nuclear-tinged deterrence premium."),
    ("Bluff gap", "perceived minus real deterrence. A large gap deters crises until one comes; "
     "then it fails badly."),
    ("Credibility", "the record of honouring commitments (0&ndash;100): it rises when a partner "
     "delivers in a crisis and falls when it falls short or withdraws."),
    ("Scores", "each seat's objectives from its role brief, weighted; see section 7."),
)


def team_text(row: SeatRow) -> str:
    """The team and students at a seat, or a dash when none were entered (a bare seat name
    is not a team name)."""
    name = row.name.strip()
    return "—" if not name or name == SEAT_NAMES.get(row.seat, row.seat) else name


def _interventions_count(g: Game) -> str:
    found = interventions(g)
    if not found:
        return "none"
    kinds: dict[str, int] = {}
    for item in found:
        kinds[item.kind.lower()] = kinds.get(item.kind.lower(), 0) + 1
    return ", ".join(plural(n, k) for k, n in kinds.items()) + " (section 4)"


def _interventions(src: ReportSource) -> str:
    g = src.game
    found = interventions(g)
    head = ('<h2>4. Facilitator interventions</h2><p class="small">Parameter changes, injected crises '
            "and events, and rulings on outcomes, with the reason the facilitator gave; the game "
            "played on under them.</p>")
    if not found:
        return head + "<p>The facilitator did not intervene: no parameter change, inject or ruling.</p>"
    rows = "".join(f'<tr><td>{g.quarter_of(i.turn)}</td><td class="cat">{escape(i.kind)}</td>'
                   f"<td>{escape(i.text)}</td><td>{escape(i.reason) or '—'}</td></tr>" for i in found)
    return (head + '<table cellspacing="0" cellpadding="3" width="100%"><tr><th width="11%">Quarter</th>'
            '<th width="16%">What</th><th>Change</th><th width="30%">Reason given</th></tr>' + rows + "</table>")


def _guide() -> str:
    rows = "".join(f'<tr><td width="22%"><b>{k}</b></td><td>{v}</td></tr>' for k, v in GLOSSARY)
    return ("<h3>How to read this report</h3>"
            '<table class="glance" cellspacing="0" cellpadding="2" width="100%">' + rows + "</table>"
            '<p class="small">Money is in US dollars ($m = million, $bn = billion); deterrence, '
            "credibility, standing and stress are indices from 0 to 100. A quarter is one turn.</p>")


def _timeline(src: ReportSource) -> str:
    g = src.game
    by_turn: dict[int, list[str]] = {}
    for d in decisions(g):
        secret = "" if d.public else ' <span class="muted">(secret)</span>'
        by_turn.setdefault(d.turn, []).append(
            f'<tr><td class="cat">{escape(d.category)}</td><td>{escape(d.text)}{secret}</td></tr>')
    for f in crisis_facts(g):
        by_turn.setdefault(f.crisis.turn, []).append(
            f'<tr class="crisis"><td class="cat">Crisis C{f.number}</td><td>{escape(f.crisis.title)} '
            f"against {escape(seat_name(f.crisis.target))}: {outcome_html(f.outcome)}"
            + (" (by the facilitator's ruling)" if f.ruled else "") + "</td></tr>")
    body = []
    for turn in sorted(by_turn):
        body.append(f'<tr class="quarter"><td colspan="2">{g.quarter_of(turn)}</td></tr>')
        body.extend(by_turn[turn])
    table = ('<table class="timeline" cellspacing="0" cellpadding="2" width="100%"><tr><th width="17%">What</th>'
             "<th>Decision</th></tr>" + "".join(body) + "</table>") if body else "<p>No key decisions were taken.</p>"
    return ('<h2>3. Timeline of key decisions</h2>'
            '<p class="small">Signings, accessions, layers, loan conversions, withdrawals, holds, '
            "sanctions, declarations and exercises, purchases, posture moves, rulings and world events, "
            "quarter by quarter; crises are shaded.</p>" + table)


def _crisis(f: CrisisFacts) -> str:
    c = f.crisis
    d = c.details
    rows = []
    for p in f.partners:
        via = f" <span class=\"small\">via {escape(', '.join(p.via))}</span>" if p.via else ""
        verdict = {"honoured": '<span class="honoured">honoured</span>',
                   "fell short": '<span class="short">fell short</span>'}.get(p.verdict, p.verdict)
        contrib = "—" if p.contribution is None else f"{p.contribution:.1f}"
        rows.append(f"<tr><td>{chip(p.seat)}</td><td>{escape(p.obliged_text)}{via}</td>"
                    f"<td>{escape(p.response)}</td><td>{verdict}</td><td class=\"num\">{contrib}</td></tr>")
    ruling = (f'<p><b>Facilitator ruling:</b> {escape(f.ruling_text or "outcome set to " + c.ruling)}</p>'
              if c.ruling or f.ruling_text else "")
    original = f" (by ruling; the dice said {escape(c.outcome)})" if c.ruling and c.ruling != c.outcome else ""
    learning = f'<p class="muted"><b>Afterwards:</b> {escape(f.learning)}</p>' if f.learning else ""
    injected = " &middot; injected by the facilitator" if c.injected else ""
    facts = [
        ("Outcome", f"{outcome_html(f.outcome)}{original}; damage to {escape(seat_name(c.target))}: "
                    f"<b>{money(f.damage)}</b>"),
        ("Deterrence at the time", f"real <b>{f.real:.0f}</b>, perceived <b>{f.perceived:.0f}</b> "
                                    f"(bluff gap {signed(f.gap)})"),
        ("Defence vs threat", f"{float(d.get('defence', 0)):.1f} vs {float(d.get('threat', 0)):.1f} "
                              f"(margin {float(d.get('margin', 0)):.2f}); roll {float(d.get('roll', 0)):.2f}"),
    ]
    fact_rows = "".join(f"<tr><td width=\"26%\"><b>{k}</b></td><td>{v}</td></tr>" for k, v in facts)
    return (f'<div class="card"><h3>C{f.number} &middot; {escape(c.title)} &mdash; {f.quarter}</h3>'
            f'<p class="sub">Target: <b>{escape(seat_name(c.target))}</b> &middot; threat: '
            f"{escape(f.actor)} &middot; site: {escape(f.site)} &middot; severity {c.severity:g}{injected}</p>"
            f"<p><i>{escape(c.text)}</i></p>"
            f'<table cellspacing="0" cellpadding="3" width="100%">{fact_rows}</table>'
            '<table cellspacing="0" cellpadding="3" width="100%"><tr><th>Seat</th><th>Obliged to give</th>'
            '<th>Response</th><th>Verdict</th><th class="num">Defence added</th></tr>'
            + "".join(rows) + f"</table>{ruling}{learning}</div>")


def _crises(src: ReportSource) -> str:
    facts = crisis_facts(src.game)
    head = '<h2>5. Crises</h2>'
    if not facts:
        return head + "<p>No crisis tested the commitments in this game.</p>"
    intro = ('<p class="small">Each crisis tests the target\'s commitments: the outcome depends on real '
             "capability, and partners count only through the integration layers. &ldquo;Defence "
             "added&rdquo; is each seat's contribution to the defence score.</p>")
    return head + intro + "".join(_crisis(f) for f in facts)


def _figures(src: ReportSource, chart_html: ChartHtml) -> str:
    g = src.game
    facts = crisis_facts(g)
    key = "; ".join(f"<b>C{f.number}</b> {escape(f.crisis.title)} ({escape(seat_name(f.crisis.target))}, "
                    f"{f.quarter}, {escape(f.outcome)}{' by ruling' if f.ruled else ''})" for f in facts)
    parts = ['<h2>6. Indicators over time</h2>'
             '<p class="small">One point per quarter, from the start of the game to the last assessment. '
             + (f"Dashed vertical lines mark the crises: {key}.</p>" if facts else "No crisis happened.</p>")]
    for fig in figures(g):
        parts.append(f"<figure><h3>{escape(fig.title)}</h3>{chart_html(fig)}"
                     f'<p class="caption">{escape(fig.caption)}</p></figure>')
    parts.append(_start_end(src))
    return "".join(parts)


def _start_end(src: ReportSource) -> str:
    first, last = first_last(src.game)
    rows_spec = (("budget", "Budget", money), ("debt", "Debt", money),
                 ("credibility", "Credibility", lambda v: f"{v:.0f}"),
                 ("standing", "Standing (US / NATO)", lambda v: f"{v:.0f}"),
                 ("stress", "Economic stress", lambda v: f"{v:.0f}"),
                 ("real", "Real deterrence", lambda v: f"{v:.0f}"),
                 ("perceived", "Perceived deterrence", lambda v: f"{v:.0f}"),
                 ("gap", "Bluff gap", signed))
    head = "".join(f'<th colspan="2" class="num">{chip(seat)}</th>' for seat in SEATS)
    sub = "".join('<th class="num">start</th><th class="num">end</th>' for _ in SEATS)
    rows = []
    for key, label, fmt in rows_spec:
        cells = "".join(f'<td class="num muted">{fmt(float(first["seats"][seat][key]))}</td>'
                        f'<td class="num"><b>{fmt(float(last["seats"][seat][key]))}</b></td>' for seat in SEATS)
        rows.append(f"<tr><td>{label}</td>{cells}</tr>")
    return (f"<h3>From the start to {escape(str(last['quarter']))}</h3>"
            '<table cellspacing="0" cellpadding="3" width="100%"><tr><th rowspan="2" width="24%">Indicator</th>'
            + head + "</tr><tr>" + sub + "</tr>" + "".join(rows) + "</table>")


def _scores(scores: dict[str, Score]) -> str:
    parts = ['<h2>7. Scores</h2><p class="small">Each score is a weighted sum of '
             "components on a 0&ndash;100 scale: points = value &times; weight. Seats are ranked "
             "against their own <i>par</i>, what balanced computer play scores in that seat: the "
             "rating is 50 at par and moves 10 points per typical spread, so each seat is judged "
             "against its own brief.</p>"]
    for rank, (seat, sc) in enumerate(ranked(scores), start=1):
        rows = "".join(f'<tr><td>{escape(c.label)}</td><td class="num">{c.value:.1f}</td>'
                       f'<td class="num">{c.weight:g}</td><td class="num">{c.points:.1f}</td></tr>'
                       for c in sc.components)
        parts.append(f"<h3>{rank}. {chip(seat)} &mdash; {score_text(sc.total)} points, rating "
                     f"{sc.rating:.1f} (par {sc.par:.1f} &plusmn; {sc.spread:.1f})</h3>"
                     '<table cellspacing="0" cellpadding="3" width="100%"><tr><th width="58%">Component</th>'
                     '<th class="num" width="14%">Value</th><th class="num" width="14%">Weight</th>'
                     '<th class="num" width="14%">Points</th></tr>'
                     f'{rows}<tr class="total"><td>Total</td><td></td><td></td>'
                     f'<td class="num">{score_text(sc.total)}</td></tr></table>')
    return "".join(parts)


def _notes(src: ReportSource) -> str:
    if not src.notes and not src.bookmarks:
        return ""
    g = src.game
    parts = ["<h2>8. Facilitator notes and bookmarks</h2>"]
    if src.notes:
        items = "".join(f"<li><b>{g.quarter_of(n.turn) if n.turn else 'Game'}</b>: {escape(n.text)}</li>"
                        for n in src.notes)
        parts.append(f"<h3>Notes</h3><ul>{items}</ul>")
    if src.bookmarks:
        items = "".join(f"<li><b>{g.quarter_of(b.turn) if b.turn else 'Game'}</b>: {escape(b.label)}"
                        + (f" &mdash; {escape(b.note)}" if b.note else "")
                        + (f' <span class="small">(after action {b.index})</span>' if b.index is not None else "")
                        + "</li>" for b in src.bookmarks)
        parts.append(f"<h3>Bookmarks</h3><ul>{items}</ul>")
    return "".join(parts)


def _questions(src: ReportSource, number: int) -> str:
    qs = questions(src.game)
    parts = [f'<h2>{number}. Discussion questions</h2>'
             '<p class="small">Tied to the three tracks of the source article; the numbers are from '
             "this game.</p>"]
    for key, heading, reminder in TRACKS:
        items = "".join(f"<li>{escape(q.text)}</li>" for q in qs[key])
        parts.append(f'<h3>{escape(heading)}</h3><p class="track">{escape(reminder)}</p><ol>{items}</ol>')
    return "".join(parts)


def render(src: ReportSource, chart_html: ChartHtml | None = None, stylesheet: str | None = None,
           audience: str = "facilitator") -> str:
    """The whole report as an HTML document.

    ``audience="students"`` makes a handout: the facilitator's notes and bookmarks are left
    out (interventions that changed the game, with their reasons, stay: the class saw them).
    """
    if audience not in AUDIENCES:
        raise ValueError(f"the audience is one of {', '.join(AUDIENCES)}, not {audience!r}")
    scores = src.game.scores()
    notes = _notes(src) if audience == "facilitator" else ""
    body = [_head(src, scores, audience), _scenario(src), _seats(src, scores), _guide(), _timeline(src),
            _interventions(src), _crises(src), _figures(src, chart_html or inline_svg), _scores(scores), notes,
            _questions(src, 9 if notes else 8),
            f'<p class="small" style="margin-top:18pt">Made by Layered Deterrence {__version__} from the '
            "save file alone.</p>"]
    title = escape(f"Debrief: {src.title or src.game.scenario.meta.title}")
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
            f"<style>{stylesheet if stylesheet is not None else css.WEB}</style></head><body>"
            + "".join(body) + "</body></html>\n")
