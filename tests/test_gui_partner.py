"""The deal form's partner picker: every partner of every deal kind, for every seat, can be chosen.

Reported (issue 16): each change rebuilt the partner list while checking each seat, so the last
seat always won (Arms sale → Partner Ankara → it showed Washington). These tests choose each
partner the way a user does (the combo's index, or the keyboard), submit the form and check
the proposal the engine records.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from wargame import Game, load_scenario
from wargame.types import SEATS

PARTNER_DEALS = ("agreement", "loan", "deposit", "grant", "arms_sale", "export_credit", "coproduction",
                 "port_access", "premium", "demand")


@pytest.fixture()
def game() -> Game:
    """A fresh default game in its first diplomacy phase."""
    return Game(load_scenario("pact-2026"), seed=7)


def _open(qtbot, game: Game, seat: str, deal: str):
    from ui.forms.base import select_data
    from ui.forms.propose import ProposeForm
    form = ProposeForm(game, seat)
    qtbot.addWidget(form)
    if not select_data(form.deal, deal):
        return None
    return form


def _host_asset(form, deal: str) -> bool:
    """For hosted deals, pick a line or site the seat hosts (the partner row exists only then)."""
    key = {"coproduction": "line", "port_access": "site"}.get(deal)
    if key is None:
        return True
    box = form._combo(key)
    for i in range(box.count()):
        box.setCurrentIndex(i)
        if form._combo("partner").count() and not form._combo("partner").isHidden():
            return True
    return False


def _cases():
    for seat in SEATS:
        for deal in PARTNER_DEALS:
            yield seat, deal


@pytest.mark.parametrize(("seat", "deal"), list(_cases()))
def test_each_partner_can_be_chosen_and_submitted(qtbot, game, seat, deal):
    form = _open(qtbot, game, seat, deal)
    if form is None or not _host_asset(form, deal):
        pytest.skip(f"{seat} cannot offer {deal} here")
    box = form._combo("partner")
    if not form.w["partner"].isVisibleTo(form):
        pytest.skip(f"no partner row for {seat}'s {deal}")
    enabled = [i for i in range(box.count()) if box.model().item(i).isEnabled()]
    if not enabled and form.w["share"].isVisibleTo(form):
        form.w["share"].setValue(form.w["share"].maximum())  # a bigger partner's share costs the host less
        enabled = [i for i in range(box.count()) if box.model().item(i).isEnabled()]
    if not enabled:
        pytest.skip(f"{seat} has no legal partner for {deal}")
    for i in enabled:
        wanted = box.itemData(i)
        box.setCurrentIndex(i)  # what a mouse pick does: the index changes, signals run
        assert box.currentData() == wanted, f"{seat} {deal}: chose {wanted}, shows {box.currentData()}"
        action = form.build()
        assert action is not None and (wanted in action.to or wanted in dict(action.terms).values())
        if form.ok.isEnabled():
            g = game.clone()
            form2 = _open(qtbot, g, seat, deal)
            _host_asset(form2, deal)
            form2.w["share"].setValue(form.w["share"].value())
            form2._combo("partner").setCurrentIndex(i)
            qtbot.mouseClick(form2.ok, Qt.MouseButton.LeftButton)
            assert form2.action is not None
            g.apply(form2.action)
            sent = [p for p in g.state.proposals.values() if p.sender == seat and p.deal == deal]
            assert sent and wanted in sent[-1].to, f"{seat}'s {deal} not addressed to {wanted}"
    # the partner must stay as chosen after other terms change (the share or the amount)
    last = box.itemData(enabled[0])
    box.setCurrentIndex(enabled[0])
    for key in ("amount", "share", "fee", "turns"):
        if form.w[key].isVisibleTo(form):
            form.w[key].setValue(form.w[key].value() + form.w[key].singleStep())
    assert box.currentData() == last


def test_arms_sale_partner_ankara_by_keyboard(qtbot, game):
    """The reported path: Propose a deal → Arms sale → Partner Ankara (typed) → it shows Ankara."""
    form = _open(qtbot, game, "riyadh", "arms_sale")
    box = form._combo("partner")
    box.setFocus()
    qtbot.keyClicks(box, "Ankara")
    assert box.currentData() == "ankara"
    assert form.build().to == ("ankara",)


def test_washington_demand_aimed_at_ankara(qtbot, game):
    from ui.forms.base import select_data
    form = _open(qtbot, game, "washington", "demand")
    assert select_data(form._combo("ask"), "pause_accession")
    assert select_data(form._combo("partner"), "ankara")
    assert form._combo("partner").currentData() == "ankara"
    assert form.build().to == ("ankara",)


def test_islamabad_premium_buyer_can_be_riyadh(qtbot, game):
    from ui.forms.base import select_data
    form = _open(qtbot, game, "islamabad", "premium")
    assert select_data(form._combo("partner"), "riyadh")
    assert dict(form.build().terms)["buyer"] == "riyadh"


def test_counter_buyer_row_names_the_right_seat(qtbot, game):
    """Riyadh counters Islamabad's premium offer: the row must not say Islamabad is the buyer."""
    from ui.forms.propose import ProposeForm
    from wargame import actions as A
    game.apply(A.Propose("islamabad", "premium", ("riyadh",),
                         A.make_terms(buyer="riyadh", provider="islamabad", fee=200)))
    prop = game.open_proposals("riyadh")[0]
    form = ProposeForm(game, "riyadh", counter_to=prop)
    qtbot.addWidget(form)
    assert form._combo("partner").currentData() == "islamabad"
    assert form.form.labelForField(form.w["partner"]).text() == "Provider"
    assert dict(form.build().terms)["buyer"] == "riyadh"


def test_partner_availability_follows_the_share(qtbot, game):
    """Islamabad cannot pay its part of the Kamra line at a 40% partner share, but can at 70%."""
    from ui.forms.base import select_data
    form = _open(qtbot, game, "islamabad", "coproduction")
    assert select_data(form._combo("line"), next(ln.id for ln in game.scenario.lines if ln.host == "islamabad"))
    box = form._combo("partner")
    form.w["share"].setValue(40)
    assert not any(box.model().item(i).isEnabled() for i in range(box.count()))
    form.w["share"].setValue(70)
    assert all(box.model().item(i).isEnabled() for i in range(box.count()))
    assert form.ok.isEnabled()


@pytest.mark.parametrize("deal", PARTNER_DEALS)
def test_every_term_is_reachable_by_the_keyboard(qtbot, game, deal):
    """Tab walks through every visible term of the form, the partner included."""
    seat = {"premium": "islamabad", "demand": "washington"}.get(deal, "riyadh")
    form = _open(qtbot, game, seat, deal)
    if form is None or not _host_asset(form, deal):
        pytest.skip(f"{seat} cannot offer {deal} here")
    form.show()
    form.activateWindow()
    qtbot.waitActive(form)
    visible = {k for k, w in form.w.items() if w.isVisible()}
    form.deal.setFocus()
    QApplication.processEvents()
    reached: set[str] = set()
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget() or form, Qt.Key.Key_Tab)
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        if focused is None:
            continue
        reached |= {k for k, w in form.w.items() if w is focused or w.isAncestorOf(focused)}
    assert visible <= reached, visible - reached


def test_a_pact_layer_payer_can_be_chosen_and_is_sent(qtbot, game):
    """Issue 16: the engine lets one member pay a new layer for all (``payer``); the form had no
    row for it. Riyadh proposes SMDA's joint planning cell, paid by Riyadh, picked by keyboard."""
    from ui.forms.base import select_data
    form = _open(qtbot, game, "riyadh", "layer")
    assert select_data(form._combo("pact"), "smda") and select_data(form._combo("layer"), "planning")
    payer = form._combo("payer")
    assert form.w["payer"].isVisibleTo(form)
    assert form.form.labelForField(payer).text() == "Paid by"
    assert [payer.itemData(i) for i in range(payer.count())] == ["", "riyadh", "islamabad"]
    assert "payer" not in dict(form.build().terms)  # the default: each member pays its own share
    payer.setFocus()
    qtbot.keyClick(payer, Qt.Key.Key_Down)  # "You pay every member's share"
    assert payer.currentData() == "riyadh"
    assert dict(form.build().terms)["payer"] == "riyadh"
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    game.apply(form.action)
    sent = [p for p in game.state.proposals.values() if p.deal == "layer"]
    assert sent and sent[-1].terms.get("payer") == "riyadh"


def test_countering_a_layer_keeps_who_pays(qtbot, game):
    from ui.forms.propose import ProposeForm
    from wargame import actions as A
    game.apply(A.Propose("islamabad", "layer", ("riyadh",),
                         A.make_terms(pact="smda", layer="planning", payer="riyadh")))
    prop = game.open_proposals("riyadh")[0]
    form = ProposeForm(game, "riyadh", counter_to=prop)
    qtbot.addWidget(form)
    assert form._combo("payer").currentData() == "riyadh"
    assert dict(form.build().terms)["payer"] == "riyadh"
