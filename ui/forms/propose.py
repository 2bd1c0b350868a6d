"""The propose form: one form for every deal kind, also used (prefilled) to counter-propose.

The widgets shown depend on the deal kind (seat pickers limited to valid partners, amounts in
spin boxes, domains and clauses in combos, pact/loan/line/site pickers from the scenario and the
state, a public/secret toggle). The terms are composed into ``Propose`` (or ``Counter``) and
checked live with ``game.check``; "Propose" is enabled only when the engine accepts it.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QSpinBox, QWidget

from ui.forms.base import ActionForm, Option, fill_combo, seat_name, select_data
from wargame import actions as A
from wargame.actions import Action, make_terms
from wargame.rules.catalogue import deal_templates
from wargame.rules.deals import DEAL_NAMES
from wargame.rules.game import Game
from wargame.rules.terms import term_range
from wargame.state import Proposal
from wargame.types import CLAUSES, DEALS, DOMAIN_NAMES, DOMAINS, LAYERS, SEATS, money

ROLE_WORDS = {  # deal: (term for the seat's side, term for the partner, "I ..." text, "partner ..." text)
    "loan": ("lender", "borrower", "{me} lends to {p}", "{p} lends to {me}"),
    "deposit": ("lender", "borrower", "{me} deposits with {p}", "{p} deposits with {me}"),
    "grant": ("donor", "recipient", "{me} gives to {p}", "{p} gives to {me}"),
    "arms_sale": ("seller", "buyer", "{me} sells to {p}", "{p} sells to {me}"),
    "export_credit": ("provider", "beneficiary", "{me} provides credit to {p}", "{p} provides credit to {me}"),
}
LAYER_NAMES = {"planning": "joint planning cell", "command": "combined / unified command",
               "interop": "interoperability standard (next level)", "exercises": "recurring exercises"}
ASKS = {"no_foreign_arms": "no Russian or Chinese arms", "pause_accession": "pause accession talks"}
ROWS = ("partner", "role", "pact", "candidate", "layer", "payer", "loan", "line", "site", "domain", "clause",
        "ask", "amount", "rate", "turns", "share", "fee", "reward")
SHOWN = {
    "agreement": ("partner", "clause"), "accession": ("pact", "candidate"), "layer": ("pact", "layer", "payer"),
    "loan": ("partner", "role", "amount", "rate", "turns"),
    "deposit": ("partner", "role", "amount", "rate", "turns"),
    "grant": ("partner", "role", "amount", "turns"), "convert": ("loan", "domain", "turns"),
    "arms_sale": ("partner", "role", "domain", "amount", "turns"),
    "export_credit": ("partner", "role", "amount", "rate"),
    "coproduction": ("line", "partner", "share"), "port_access": ("site", "partner", "fee"),
    "premium": ("partner", "fee"), "demand": ("partner", "ask", "reward"),
}
AMOUNT_TERM = {"arms_sale": "value", "export_credit": "limit"}
"""The term the amount spin box holds, where it is not ``amount``."""
AMOUNT_LABELS = {"arms_sale": "Value", "export_credit": "Credit limit"}
SPINS = {  # spin box: (suffix, label)
    "amount": (" $m", "Amount"), "turns": (" quarters", "Duration"), "share": (" %", "Partner's share"),
    "fee": (" $m/quarter", "Fee"), "reward": (" standing", "Reward"), "rate": (" %", "Rate"),
}


def deal_reasons(game: Game, seat: str) -> dict[str, str | None]:
    """For each deal kind: None if some standard version is legal now, else the engine's reason."""
    reasons: dict[str, str | None] = {}
    for action in deal_templates(game, seat):
        if reasons.get(action.deal, "x") is None:
            continue
        reason = game.check(action)
        if reason is None or action.deal not in reasons:
            reasons[action.deal] = reason
    for deal in DEALS:
        reasons.setdefault(deal, "Washington alone makes demands" if deal == "demand"
                           else "no partner or asset for this deal now")
    return reasons


TERM_LABELS = {"turns": "over", "share": "partner's share", "rate": "at", "ask": "asking", "clause": "clause"}


def terms_text(game: Game, terms: dict[str, Any]) -> str:
    """Deal terms in words, e.g. 'loan Saudi loans to Pakistan, domain air, over 4 quarters'."""
    return ", ".join(f"{TERM_LABELS.get(k, k)} {term_text(game, k, v)}" for k, v in terms.items())


def term_text(game: Game, key: str, value: Any) -> str:
    """A term value in words (money, names of pacts, loans, lines and sites, seats)."""
    if key in ("amount", "value", "limit", "fee"):
        return money(value)
    if key in ("pact", "loan"):
        com = game.state.commitments.get(value)
        return com.name if com is not None else str(value)
    if key == "line":
        return next((ln.name for ln in game.scenario.lines if ln.id == value), str(value))
    if key == "site":
        return next((s.name for s in game.scenario.sites if s.id == value), str(value))
    if key == "domain":
        return DOMAIN_NAMES.get(value, value)
    if key == "turns":
        return f"{value} quarter{'s' if value != 1 else ''}"
    if key in ("rate", "share"):
        return f"{value:g}%"
    if key == "ask":
        return ASKS.get(value, str(value))
    if key in ("clause", "layer"):
        return LAYER_NAMES.get(value, str(value))
    return seat_name(str(value))


class ProposeForm(ActionForm):
    """Propose a deal (or, with ``counter_to``, counter a proposal with new terms)."""

    def __init__(self, game: Game, seat: str, counter_to: Proposal | None = None,
                 parent: QWidget | None = None) -> None:
        counter = counter_to is not None
        super().__init__(game, seat, "Counter-propose" if counter else "Propose a deal",
                         "Send counter-proposal" if counter else "Propose",
                         "Change the terms and send them back; the original is rejected."
                         if counter else "Choose a deal and its terms. The engine checks it as you type.",
                         parent)
        self.counter_to = counter_to
        self.w: dict[str, QWidget] = {}
        self._role_for: tuple[str, str] | None = None  # (deal, partner) the role default was set for
        reasons = {counter_to.deal: None} if counter_to is not None else deal_reasons(game, seat)
        self.deal = self.combo("Deal", [(DEAL_NAMES[d].capitalize(), d, reasons[d]) for d in DEALS
                                        if d in reasons])
        self.deal.setEnabled(not counter)
        for key in ROWS:
            self._add_row(key)
        self.to_label = QLabel()
        self.form.addRow("Addressed to", self.to_label)
        self.public = QCheckBox("Public: everyone sees it")
        self.public.setToolTip("A secret deal deters less (others cannot see it) but costs less credibility "
                               "if it is broken.")
        self.public.setChecked(True if counter_to is None else counter_to.public)
        self.public.setEnabled(not counter)
        self.public.toggled.connect(self.revalidate)
        self.form.addRow("Visibility", self.public)
        self.deal.currentIndexChanged.connect(self._deal_changed)
        if counter_to is not None:
            select_data(self.deal, counter_to.deal)
        self._deal_changed()
        if counter_to is not None:
            self.prefill(counter_to.sender, counter_to.terms)

    # ------------------------------------------------------------------ widgets
    def _add_row(self, key: str) -> None:
        if key in SPINS:  # ranges, standard values and steps come from the engine (_deal_changed)
            widget: QWidget = QSpinBox() if key != "rate" else QDoubleSpinBox()
            widget.valueChanged.connect(self._structure_changed)  # partners' availability depends on terms
        else:
            widget = QComboBox()
            widget.currentIndexChanged.connect(self._structure_changed)
        self.w[key] = widget
        self.form.addRow(key.capitalize(), widget)

    def _spin(self, deal: str, key: str) -> None:
        """Set spin box ``key`` to the range, standard value and step of ``deal``'s term (the
        engine's), if the deal has that term; the box is hidden otherwise."""
        term = AMOUNT_TERM.get(deal, "amount") if key == "amount" else key
        rng = term_range(deal, term)
        spin = self.w[key]
        assert isinstance(spin, (QSpinBox, QDoubleSpinBox))
        suffix, label = SPINS[key]
        self.form.labelForField(spin).setText(AMOUNT_LABELS.get(deal, label) if key == "amount" else label)
        if rng is None:
            return
        spin.blockSignals(True)
        if isinstance(spin, QSpinBox):
            spin.setRange(int(rng.low), int(rng.high))
            spin.setSingleStep(int(rng.step))
            spin.setValue(int(rng.default))
        else:
            spin.setRange(rng.low, rng.high)
            spin.setSingleStep(rng.step)
            spin.setValue(rng.default)
        spin.setSuffix(suffix)
        spin.blockSignals(False)

    def _combo(self, key: str) -> QComboBox:
        box = self.w[key]
        assert isinstance(box, QComboBox)
        return box

    def _deal_changed(self, *_: object) -> None:
        deal = self.deal.currentData()
        for key in ROWS:
            self.form.setRowVisible(self.w[key], key in SHOWN.get(deal, ()))
        others = [s for s in SEATS if s != self.seat]
        st = self.game.state
        combos: dict[str, list[Option]] = {
            "clause": [(c, c, None) for c in CLAUSES],
            "layer": [(LAYER_NAMES[x], x, None) for x in LAYERS],
            "domain": [(DOMAIN_NAMES[d], d, None) for d in DOMAINS],
            "ask": [(t, k, None) for k, t in ASKS.items()],
            "pact": [(c.name, c.id, None) for c in st.commitments.values()
                     if c.kind == "pact" and c.status == "active"
                     and (deal != "layer" or self.seat in c.parties)],
            "loan": [(f"{c.name} ({money(c.terms.get('outstanding', 0))} outstanding)", c.id, None)
                     for c in st.commitments.values()
                     if c.kind == "loan" and c.status == "active" and self.seat in c.parties],
            "line": [(f"{ln.name} — {seat_name(ln.host)}", ln.id, None) for ln in self.game.scenario.lines],
            "site": [(f"{s.name} ({s.kind}, {seat_name(s.host or '')})", s.id, None)
                     for s in self.game.scenario.sites if s.kind in ("port", "base") and s.host in SEATS],
        }
        for key, options in combos.items():
            fill_combo(self._combo(key), options)
        for key in SPINS:
            self._spin(deal, key)
        self.form.labelForField(self.w["partner"]).setText("Partner")
        self.form.labelForField(self.w["payer"]).setText("Paid by")
        self._structure_changed()

    def _structure_changed(self, *_: object) -> None:
        """Refill the partner and role pickers, which depend on the other choices."""
        deal = self.deal.currentData()
        partners = self._partner_choices(deal)
        label = self._partner_label(deal)
        self.form.labelForField(self.w["partner"]).setText(label)
        fill_combo(self._combo("partner"), [(seat_name(s), s, self._partner_reason(s)) for s in partners])
        self.form.setRowVisible(self.w["partner"], "partner" in SHOWN.get(deal, ()) and bool(partners))
        candidates = self._candidates()
        fill_combo(self._combo("candidate"), [(seat_name(s), s, None) for s in candidates])
        if deal == "layer":
            fill_combo(self._combo("payer"), self._payer_choices())
        partner = self._combo("partner").currentData() or "?"
        if deal in ROLE_WORDS:
            mine, theirs = ROLE_WORDS[deal][2:]
            role = self._combo("role")
            fill_combo(role, [
                (mine.format(me=seat_name(self.seat), p=seat_name(partner)), "me", None),
                (theirs.format(me=seat_name(self.seat), p=seat_name(partner)), "them", None)])
            if self._role_for != (deal, partner) and self.counter_to is None:
                role.blockSignals(True)
                select_data(role, self._default_role(deal, partner))
                role.blockSignals(False)
            self._role_for = (deal, partner)
        self.revalidate()

    def _default_role(self, deal: str, partner: str) -> str:
        """A sensible first guess: buy arms rather than sell them, and let the seat with the
        larger income per quarter (public in every seat's view) lend, give or provide the credit."""
        if deal == "arms_sale":
            return "them"
        seats = self.game.view(self.seat)["seats"]
        mine, theirs = seats[self.seat].get("income"), seats.get(partner, {}).get("income")
        if mine is None or theirs is None:
            return "me"
        return "me" if mine >= theirs else "them"

    def _partner_reason(self, partner: str) -> str | None:
        """The engine's reason against this deal with ``partner`` (other widgets as they are).

        Composes the action with ``partner`` in place of the picker's value, without touching the
        picker (clearing it while checking each seat made the last seat checked win)."""
        composed = self.compose(partner=partner)
        return None if composed is None else self.game.check(self._action(*composed))

    def _partner_label(self, deal: str) -> str:
        """What the partner picker holds: the buyer of a premium Islamabad offers, else its provider..."""
        if deal == "premium":
            return "Buyer" if self.seat == "islamabad" else "Provider"
        if deal == "port_access":
            site = self._site()
            return "Guest" if site is not None and site.host == self.seat else "Host"
        return "Partner"

    def _partner_choices(self, deal: str) -> list[str]:
        others = [s for s in SEATS if s != self.seat]
        if self.counter_to is not None and deal not in ("accession", "layer"):
            return [self.counter_to.sender]
        if deal == "coproduction":
            line = self._line()
            return others if line is not None and line.host == self.seat else []
        if deal == "port_access":
            site = self._site()
            return others if site is not None and site.host == self.seat else []
        if deal == "premium":
            return others if self.seat == "islamabad" else []
        return others

    def _payer_choices(self) -> list[Option]:
        """Who pays for a new layer: each member its own share (the default), or one member for all,
        each with the engine's reason when that member could not."""
        pact = self.game.state.commitments.get(self._combo("pact").currentData() or "")
        options: list[Option] = [("Each member pays its own share", "", None)]
        if pact is None:
            return options
        for member in pact.parties:
            composed = self.compose(payer=member)
            reason = None if composed is None else self.game.check(self._action(*composed))
            label = "You pay" if member == self.seat else f"{seat_name(member)} pays"
            options.append((f"{label} every member's share", member, reason))
        return options

    def _candidates(self) -> list[str]:
        pact = self.game.state.commitments.get(self._combo("pact").currentData() or "")
        if pact is None:
            return []
        if self.seat in pact.parties:
            return [s for s in SEATS if s not in pact.parties]
        return [self.seat]

    def _line(self) -> Any:
        line_id = self._combo("line").currentData()
        return next((ln for ln in self.game.scenario.lines if ln.id == line_id), None)

    def _site(self) -> Any:
        site_id = self._combo("site").currentData()
        return next((s for s in self.game.scenario.sites if s.id == site_id), None)

    # ------------------------------------------------------------------ composing
    def compose(self, partner: str | None = None,
                payer: str | None = None) -> tuple[str, tuple[str, ...], dict[str, Any]] | None:
        """(deal, recipients, terms) described by the widgets (with ``partner`` in place of the
        partner picker's value, and ``payer`` in place of the layer's payer, if given), or None if
        incomplete."""
        deal = self.deal.currentData()
        me = self.seat
        v = {k: (w.currentData() if isinstance(w, QComboBox) else w.value()) for k, w in self.w.items()}
        if partner is not None:
            v["partner"] = partner
        partner = v["partner"]
        if deal in ROLE_WORDS:
            if partner is None:
                return None
            mine, theirs = ROLE_WORDS[deal][:2]
            first, second = (me, partner) if v["role"] == "me" else (partner, me)
            terms: dict[str, Any] = {mine: first, theirs: second}
            key = {"arms_sale": "value", "export_credit": "limit"}.get(deal, "amount")
            terms[key] = int(v["amount"])
            if deal in ("loan", "deposit", "export_credit"):
                terms["rate"] = round(float(v["rate"]), 2)
            if deal != "export_credit":
                terms["turns"] = int(v["turns"])
            if deal == "arms_sale":
                terms["domain"] = v["domain"]
            return deal, (partner,), terms
        if deal == "agreement":
            return (deal, (partner,), {"clause": v["clause"]}) if partner else None
        if deal in ("accession", "layer"):
            pact = self.game.state.commitments.get(v["pact"] or "")
            if pact is None:
                return None
            if deal == "layer":
                layer_terms: dict[str, Any] = {"pact": pact.id, "layer": v["layer"]}
                who_pays = payer if payer is not None else v["payer"]
                if who_pays:
                    layer_terms["payer"] = who_pays
                return deal, tuple(p for p in pact.parties if p != me), layer_terms
            if v["candidate"] is None:
                return None
            to = tuple(s for s in SEATS if s in (set(pact.parties) | {v["candidate"]}) - {me})
            return deal, to, {"pact": pact.id, "candidate": v["candidate"]}
        if deal == "convert":
            loan = self.game.state.commitments.get(v["loan"] or "")
            if loan is None:
                return None
            other = next(p for p in loan.parties if p != me)
            return deal, (other,), {"loan": loan.id, "domain": v["domain"], "turns": int(v["turns"])}
        if deal == "coproduction":
            line = self._line()
            if line is None:
                return None
            if line.host == me:
                return (deal, (partner,), {"line": line.id, "partner": partner, "share": int(v["share"])}) \
                    if partner else None
            return deal, (line.host,), {"line": line.id, "partner": me, "share": int(v["share"])}
        if deal == "port_access":
            site = self._site()
            if site is None:
                return None
            host, guest = (me, partner) if site.host == me else (site.host, me)
            if guest is None:
                return None
            return deal, (guest if host == me else host,), {"host": host, "guest": guest, "site": site.id,
                                                            "fee": int(v["fee"])}
        if deal == "premium":
            buyer = partner if me == "islamabad" else me
            if buyer is None:
                return None
            return deal, ((buyer,) if me == "islamabad" else ("islamabad",)), \
                {"buyer": buyer, "provider": "islamabad", "fee": int(v["fee"])}
        if deal == "demand":
            return (deal, (partner,), {"ask": v["ask"], "reward": int(v["reward"])}) if partner else None
        return None

    def build(self) -> Action | None:
        """The ``Propose`` (or ``Counter``) action described by the widgets."""
        composed = self.compose()
        if composed is None:
            self.to_label.setText("—")
            return None
        deal, to, terms = composed
        shown_to = to if self.counter_to is None else \
            (self.counter_to.sender, *[s for s in self.counter_to.to if s != self.seat])
        self.to_label.setText(", ".join(seat_name(s) for s in shown_to))
        return self._action(deal, to, terms)

    def _action(self, deal: str, to: tuple[str, ...], terms: dict[str, Any]) -> Action:
        if self.counter_to is not None:
            return A.Counter(self.seat, self.counter_to.id, make_terms(terms))
        return A.Propose(self.seat, deal, to, make_terms(terms), self.public.isChecked())

    def describe(self, action: Action) -> str:
        """A readable summary of the deal on the table."""
        composed = self.compose()
        if composed is None:
            return ""
        deal, _, terms = composed
        parts = ", ".join(f"{k} {term_text(self.game, k, v)}" for k, v in terms.items())
        return f"<b>{DEAL_NAMES[deal].capitalize()}</b>: {parts}"

    # ------------------------------------------------------------------ prefill
    def prefill(self, partner: str, terms: dict[str, Any]) -> None:
        """Set the widgets from existing terms (used to counter a proposal)."""
        deal = self.deal.currentData()
        for key in ("pact", "layer", "loan", "line", "site", "domain", "clause", "ask"):
            if key in terms:
                select_data(self._combo(key), terms[key])
        self._structure_changed()
        if "payer" in terms:
            select_data(self._combo("payer"), terms["payer"])
        if deal in ROLE_WORDS:
            mine = ROLE_WORDS[deal][0]
            select_data(self._combo("role"), "me" if terms.get(mine) == self.seat else "them")
            other = terms.get(ROLE_WORDS[deal][1]) if terms.get(mine) == self.seat else terms.get(mine)
            select_data(self._combo("partner"), other or partner)
        elif deal in ("coproduction", "port_access", "premium"):
            key = {"coproduction": "partner", "port_access": "guest", "premium": "buyer"}[deal]
            select_data(self._combo("partner"), terms.get(key))
        else:
            select_data(self._combo("partner"), partner)
        if "candidate" in terms:
            select_data(self._combo("candidate"), terms["candidate"])
        for key, term in (("amount", "amount"), ("amount", "value"), ("amount", "limit"), ("turns", "turns"),
                          ("share", "share"), ("fee", "fee"), ("reward", "reward"), ("rate", "rate")):
            if term in terms:
                self.w[key].setValue(terms[term])  # type: ignore[attr-defined]
        self.revalidate()
