"""Turns a :class:`~wargame.rules.game.Game` seen by one seat into map sites and links.

Pure functions: no widgets. Sites come from the scenario (capitals, US bases with their posture
level, ports, production lines at their sites, crisis sites); links come from the commitments the
viewer may see (``game.view(viewer)``): pact members' capitals, money between capitals, arms from
seller to buyer, port access from guest to port, co-production from partner to line site and
Washington's assurances. Washington is the off-map inset (site id ``"washington"``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from PySide6.QtCore import QCoreApplication

from ui.map_canvas import MapLink, MapSite
from wargame.rules.flows import income_paid
from wargame.rules.game import Game
from wargame.rules.seat_view import SeatView, seat_view
from wargame.types import CLAUSES, DOMAIN_NAMES, SEAT_NAMES, SEATS, money

KIND_TITLES = {"capital": "Capital", "base": "US base", "port": "Port", "industry": "Defence industry",
               "crisis": "Crisis point"}


@dataclass(frozen=True)
class MapScene:
    """Everything the map shows for one viewer."""

    sites: list[MapSite]
    links: list[MapLink]
    crisis_site: str | None
    crisis_label: str


def _seat(seat: str | None) -> str:
    return SEAT_NAMES.get(seat or "", seat or "—")


def _capital(seat: str) -> str:
    return seat  # capital site ids are the seat ids (Washington is the inset)


def build(game: Game, viewer: str | None) -> MapScene:
    """The map's sites, links and crisis highlight for ``viewer`` (None: everything)."""
    seen = seat_view(game, viewer)
    view = seen.state
    commitments = [c for c in view["commitments"].values() if c["status"] == "active"]
    sites = build_sites(game, viewer, view, commitments, seen)
    links = build_links(game, commitments)
    crisis = game.state.crisis
    if crisis is not None and game.phase == "crisis":
        return MapScene(sites, links, crisis.site, f"CRISIS: {crisis.title}")
    return MapScene(sites, links, None, "")


def build_sites(game: Game, viewer: str | None, view: dict[str, Any] | None = None,
                commitments: list[dict[str, Any]] | None = None, seen: SeatView | None = None) -> list[MapSite]:
    """One :class:`MapSite` per scenario site, with a detailed tooltip.

    Every figure comes from ``seen`` (the viewer's :class:`SeatView`, built when not given):
    another seat's deterrence is the viewer's estimate and its tooltip says so."""
    seen = seen if seen is not None else seat_view(game, viewer)
    view = view if view is not None else seen.state
    if commitments is None:
        commitments = [c for c in view["commitments"].values() if c["status"] == "active"]
    out = []
    for site in game.scenario.sites:
        name = site.name
        if site.kind == "capital" and site.owner in SEATS:
            detail = _capital_detail(game, site.owner, view, seen)
        elif site.kind == "base":
            level = game.state.posture.get(site.id, site.posture)
            name = f"{site.name} ({level}/3)"
            detail = _base_detail(game, site, level)
        elif site.kind == "port":
            detail = _port_detail(site, commitments)
        elif site.kind == "industry":
            detail = _industry_detail(game, site, commitments)
        else:
            detail = _crisis_detail(game, site)
        out.append(MapSite(site.id, name, site.kind, site.lat, site.lon, site.owner, detail))
    return out


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapModel", text)


def _capital_detail(game: Game, seat: str, view: dict[str, Any], seen: SeatView) -> str:
    s = view["seats"][seat]
    ind = seen.indicators["seats"][seat]
    lines = [f"<b>{_seat(seat)}</b> — capital"]
    if s.get("budget") is not None:
        paid = income_paid(game, seat)  # sanctions and NATO standing are public
        if paid != s["income"]:
            income = _tr("income {paid}/quarter paid, of {full} (sanctions)").format(
                paid=money(paid), full=money(s["income"]))
        else:
            income = _tr("income {paid}/quarter").format(paid=money(paid))
        lines.append(f"Budget {money(s['budget'])} ({income})")
    if s.get("debt") is not None:
        lines.append(f"Debt {money(s['debt'])}")
    lines += [f"Credibility {s['credibility']:.0f} · standing {s['standing']:.0f} · stress {s['stress']:.0f}",
              _deterrence_line(seat, ind, seen)]
    if s.get("sanctioned"):
        lines.append("Under US sanctions pressure")
    return "<br>".join(lines)


def _deterrence_line(seat: str, ind: dict[str, Any], seen: SeatView) -> str:
    line = f"Deterrence: real {ind['real']:.0f}, perceived {ind['perceived']:.0f} (gap {ind['gap']:+.0f})"
    if seen.is_estimate(seat, "real"):
        line += " — " + _tr("your estimate (their secret deals are not counted)")
    return line


def _base_detail(game: Game, site: Any, level: int) -> str:
    host = f" in {_seat(site.host)}" if site.host in SEATS else ""
    return (f"<b>{site.name}</b> — US base{host}<br>Force posture {level}/3"
            f"<br>Washington can reinforce (+1) or draw down (-1) in the investment phase")


def _port_detail(site: Any, commitments: list[dict[str, Any]]) -> str:
    guests = [c for c in commitments if c["kind"] == "port_access" and c["terms"].get("site") == site.id]
    lines = [f"<b>{site.name}</b> — port of {_seat(site.host)}"]
    for c in guests:
        secret = "" if c["public"] else " (secret)"
        lines.append(f"Access: {_seat(c['terms']['guest'])}, fee {money(c['terms']['fee'])}/quarter{secret}")
    if not guests:
        lines.append("No foreign access granted")
    return "<br>".join(lines)


def _industry_detail(game: Game, site: Any, commitments: list[dict[str, Any]]) -> str:
    lines = [f"<b>{site.name}</b> — defence industry of {_seat(site.host)}"]
    for line in game.scenario.lines:
        if line.site != site.id:
            continue
        lines.append(f"Line: {line.name} ({DOMAIN_NAMES.get(line.domain, line.domain)}), "
                     f"{money(line.capital)} to build, {line.build_turns} quarters")
        for c in commitments:
            if c["kind"] == "coproduction" and c["terms"].get("line") == line.id:
                ready = c["terms"].get("ready", 0)
                state = "running" if ready <= game.turn else f"ready in {game.quarter_of(ready)}"
                lines.append(f"&nbsp;&nbsp;partner {_seat(c['terms']['partner'])}, share "
                             f"{c['terms']['share']}% — {state}")
    return "<br>".join(lines)


def _crisis_detail(game: Game, site: Any) -> str:
    lines = [f"<b>{site.name}</b> — crisis point"]
    for spec in game.scenario.crises:
        if spec.site == site.id:
            targets = ", ".join(_seat(t) for t in spec.targets)
            lines.append(f"Threat: {spec.title} (targets {targets})")
    crisis = game.state.crisis
    if crisis is not None and crisis.site == site.id and game.phase == "crisis":
        lines.append(f"<b>Under way:</b> {crisis.title} — {_seat(crisis.target)} is tested")
    for past in game.state.crises:
        if past.site == site.id:
            lines.append(f"{game.quarter_of(past.turn)}: {past.title} — {past.outcome}")
    return "<br>".join(lines)


def build_links(game: Game, commitments: Iterable[dict[str, Any]]) -> list[MapLink]:
    """The links for the active commitments the viewer may see."""
    out: list[MapLink] = []
    lines = {line.id: line for line in game.scenario.lines}
    for c in commitments:
        kind, t, parties = c["kind"], c["terms"], c["parties"]
        secret = not c["public"]
        tip = c["name"] + (" (secret)" if secret else "")
        if kind in ("pact", "agreement"):
            clause = t.get("clause", "consultation")
            width = 2.0 + 1.5 * CLAUSES.get(clause, 1)
            tip += f" — {clause} clause" + _layers_text(c.get("layers", {}))
            members = [p for p in parties if p in SEATS]
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    out.append(MapLink(_capital(a), _capital(b), "pact", width, 0.85, None, tip,
                                       dashed=kind == "agreement" or secret))
        elif kind in ("loan", "deposit", "grant", "export_credit"):
            src = t.get("lender") or t.get("donor") or t.get("provider")
            dst = t.get("borrower") or t.get("recipient") or t.get("beneficiary")
            amount = t.get("outstanding", t.get("amount", t.get("limit", 0))) or 0
            width = 1.5 + min(5.0, amount / 1200)
            out.append(MapLink(_capital(src), _capital(dst), "finance", width, 0.8, None,
                               f"{tip}: {money(amount)}", dashed=kind == "export_credit" or secret))
        elif kind == "arms_sale":
            held = bool(t.get("held"))
            width = 1.5 + min(4.0, t.get("value", 0) / 1500)
            state = f"{t.get('delivered', 0)}/{t.get('turns')} deliveries" + (", HELD" if held else "")
            out.append(MapLink(_capital(t["seller"]), _capital(t["buyer"]), "arms", width, 0.75, None,
                               f"{tip} — {state}", dashed=held or secret))
        elif kind == "port_access":
            out.append(MapLink(_capital(t["guest"]), t["site"], "access", 2.5, 0.85, None,
                               f"{tip}, fee {money(t.get('fee', 0))}/quarter", dashed=secret))
        elif kind == "coproduction":
            line = lines.get(t.get("line"))
            if line is not None:
                out.append(MapLink(_capital(t["partner"]), line.site, "industry", 3.0, 0.85, None,
                                   f"{tip}: {t.get('share')}% share", dashed=secret))
        elif kind in ("assurance", "understanding"):
            other = next((p for p in parties if p != "washington"), None)
            if other:
                out.append(MapLink("washington", _capital(other), "assurance", 2.5, 0.8, None, tip,
                                   dashed=secret or kind == "understanding"))
        elif kind == "premium":
            buyer, provider = t.get("buyer"), t.get("provider", "islamabad")
            out.append(MapLink(_capital(provider), _capital(buyer), "assurance", 2.5, 0.8, None,
                               f"{tip}, fee {money(t.get('fee', 0))}/quarter", dashed=secret))
    return out


def _layers_text(layers: dict[str, Any]) -> str:
    from wargame.types import COMMAND_LEVELS, INTEROP_LEVELS
    if not layers:
        return ""
    parts = []
    if layers.get("planning"):
        parts.append("planning cell")
    if layers.get("command"):
        parts.append(f"{COMMAND_LEVELS[min(2, int(layers['command']))]} command")
    if layers.get("interop"):
        parts.append(f"interop: {INTEROP_LEVELS[min(3, int(layers['interop']))]}")
    if layers.get("exercises"):
        parts.append("exercises")
    if "habit" in layers:
        parts.append(f"habit {float(layers['habit']):.2f}")
    return " (" + ", ".join(parts) + ")" if parts else ""


def country_tints(colors: dict[str, str]) -> dict[str, str]:
    """Country names of the four seats' homelands with their seat colours."""
    return {"Turkey": colors["ankara"], "Saudi Arabia": colors["riyadh"],
            "Pakistan": colors["islamabad"]}
