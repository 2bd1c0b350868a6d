"""What an action would do to the seat taking it, shown before it is committed.

Everything comes from the engine: the action is applied to a clone of the game (for a proposal,
with every recipient then accepting it, as far as the rules let them), and the seat's view, score
breakdown and new commitments are read from the clone and compared with the game as it is. The
costs per quarter and what a commitment would deliver if tested are the portfolio's figures
(:func:`ui.portfolio_view.commitment_facts`) for the commitment the clone signed. Nothing here
decides a rule: a preview the engine refuses is simply not shown.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ui.theme import seat_name
from wargame import actions as A
from wargame.actions import Action
from wargame.errors import WargameError
from wargame.rules.game import Game
from wargame.types import money

__all__ = ["Preview", "preview", "preview_html"]


@dataclass
class Preview:
    """The consequences of one action for ``seat`` (money in $m: negative is paid out)."""

    seat: str
    now: int = 0
    per_quarter: int = 0
    obliges: list[str] = field(default_factory=list)
    delivers: list[str] = field(default_factory=list)
    score: list[tuple[str, float]] = field(default_factory=list)
    total: float = 0.0
    signed: list[str] = field(default_factory=list)


def _followers(g: Game, action: Action) -> list[Action]:
    """The acceptances that would turn a proposal (or counter-proposal) into a commitment."""
    if isinstance(action, A.Propose):
        pid = next((p.id for p in reversed(list(g.state.proposals.values()))
                    if p.sender == action.seat and p.status == "open"), None)
        return [] if pid is None else [A.Accept(s, pid) for s in action.to]
    if isinstance(action, A.Counter):
        pid = next((p.id for p in reversed(list(g.state.proposals.values()))
                    if p.sender == action.seat and p.status == "open"), None)
        prop = g.state.proposals.get(pid or "")
        return [] if prop is None else [A.Accept(s, prop.id) for s in prop.to]
    return []


def preview(game: Game, seat: str, action: Action) -> Preview | None:
    """The consequences of ``action`` for ``seat``, or None if the engine refuses it."""
    if game.check(action) is not None:
        return None
    from ui.portfolio_view import commitment_facts
    g = game.clone()
    try:
        g.apply(action)
        for follow in _followers(g, action):
            if g.check(follow) is None:
                g.apply(follow)
    except WargameError:
        return None
    before, after = game.view(seat)["seats"][seat], g.view(seat)["seats"][seat]
    out = Preview(seat, now=int((after.get("budget") or 0) - (before.get("budget") or 0)))
    for new in (c for c in g.state.commitments.values() if c.id not in game.state.commitments):
        if seat not in new.parties and seat not in new.terms.values():
            continue
        out.signed.append(new.name)
        facts = commitment_facts(g, new)
        out.per_quarter -= facts.per_quarter.get(seat, 0)
        if seat in facts.obliged:
            out.obliges.append(f"honour {new.name}"
                               + (f" (credibility {facts.credibility[seat]:.0f}/100 at stake)"
                                  if seat in facts.credibility else ""))
        for d in facts.deliveries:
            if d.target == seat:
                out.delivers.append(f"{seat_name(d.partner)} {d.real:.1f} real / {d.perceived:.1f} perceived")
        if seat in facts.capability:
            out.delivers.append(facts.capability[seat])
    old, new_score = game.score(seat), g.score(seat)
    out.score = [(c.label, round(n.points - c.points, 1)) for c, n in zip(old.components, new_score.components)
                 if round(n.points - c.points, 1) != 0]
    out.total = round(new_score.total - old.total, 1)
    return out


def _signed(amount: int, suffix: str = "") -> str:
    if amount == 0:
        return "nothing"
    return f"{'+' if amount > 0 else '−'}{money(abs(amount))}{suffix}"


def preview_html(game: Game, seat: str, action: Action | None, lead: str | None = None) -> str:
    """The preview of ``action`` in a few lines of rich text ('' when there is nothing to show)."""
    if action is None:
        return ""
    if lead is None:
        lead = "If accepted, for you" if isinstance(action, (A.Propose, A.Counter)) else \
            "If you accept" if isinstance(action, A.Accept) else "For you"
    p = preview(game, seat, action)
    if p is None:
        return ""
    rows = [f"<b>{lead}:</b> budget {_signed(p.now)} now, {_signed(p.per_quarter, '/quarter')} after"]
    if p.obliges:
        rows.append("<b>Binds you to</b> " + "; ".join(p.obliges))
    if p.delivers:
        rows.append("<b>If tested, delivers</b> " + "; ".join(p.delivers))
    if p.score:
        parts = ", ".join(f"{label} {delta:+.1f}" for label, delta in p.score)
        rows.append(f"<b>Your score</b> {p.total:+.1f} right away ({parts})")
    else:
        rows.append("<b>Your score</b> does not move right away")
    return "<br>".join(rows)
