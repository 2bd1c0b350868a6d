"""Unit tests of finance and industry: loans, deposits, conversions, export credit, grants,
arms sales and holds, co-production. Flows are measured against a twin game (same seed, same
world events) that did not sign the deal, so other flows cancel out."""
from __future__ import annotations

import pytest

from wargame import actions as A
from wargame.actions import make_terms

from test_engine_helpers import new_game, next_quarter, set_budget, sign, to_phase


def twins(seed: int = 1):
    return new_game(seed), new_game(seed)


def quarter(*games):
    for game in games:
        next_quarter(game)


# ------------------------------------------------------------------------- loans
def test_loan_interest_and_amortisation():
    g, twin = twins()
    set_budget(g, "islamabad", 3000)
    set_budget(twin, "islamabad", 3000)
    loan = sign(g, "riyadh", "loan", "islamabad", lender="riyadh", borrower="islamabad",
                amount=2000, rate=4.0, turns=8)
    quarter(g, twin)
    interest = round(2000 * 4.0 / 400)
    amort = 2000 // 8
    assert loan.terms["outstanding"] == 2000 - amort
    assert g.state.seats["islamabad"].debt - twin.state.seats["islamabad"].debt == 2000 - amort
    # the borrower paid interest + principal to the lender (the 2000 lent moved at signing)
    assert g.state.seats["riyadh"].budget - twin.state.seats["riyadh"].budget == -2000 + interest + amort
    assert g.state.seats["islamabad"].budget - twin.state.seats["islamabad"].budget == 2000 - interest - amort


def test_loan_repaid_in_full_expires():
    g = new_game()
    set_budget(g, "islamabad", 3000)
    loan = sign(g, "riyadh", "loan", "islamabad", lender="riyadh", borrower="islamabad",
                amount=400, rate=0.0, turns=2)
    next_quarter(g)
    next_quarter(g)
    assert loan.status == "expired" and loan.terms["outstanding"] == 0


def test_loan_arrears_capitalise_interest():
    g = new_game()
    loan = sign(g, "riyadh", "loan", "islamabad", lender="riyadh", borrower="islamabad",
                amount=2000, rate=8.0, turns=4)
    s = g.state.seats["islamabad"]
    set_budget(g, "islamabad", 0)
    s.income = 0
    g.state.commitments["oil_facility"].status = "expired"
    g.state.commitments["saudi_loan"].status = "expired"
    debt, cred = s.debt, s.credibility
    to_phase(g, "investment")
    set_budget(g, "islamabad", 0)  # the loan's cash was spent
    next_quarter(g)
    interest = round(2000 * 8.0 / 400)
    assert loan.terms["outstanding"] == 2000 + interest  # nothing paid: interest capitalised
    assert loan.terms["arrears"] == interest + 2000 // 4
    assert s.debt == debt + interest
    assert s.credibility == pytest.approx(cred - 1)
    assert any(e.kind == "flow" and "arrears" in e.text for e in g.events[-30:])


# ------------------------------------------------------------------------- deposits
def test_deposit_interest_and_maturity():
    g, twin = twins()
    set_budget(g, "islamabad", 2000)
    set_budget(twin, "islamabad", 2000)
    dep = sign(g, "riyadh", "deposit", "islamabad", lender="riyadh", borrower="islamabad",
               amount=1000, rate=4.0, turns=2)
    reserves = g.state.seats["islamabad"].reserves
    assert reserves == twin.state.seats["islamabad"].reserves + 1000
    quarter(g, twin)
    interest = round(1000 * 4.0 / 400)
    assert dep.terms["outstanding"] == 1000 and dep.status == "active"
    assert g.state.seats["riyadh"].budget - twin.state.seats["riyadh"].budget == -1000 + interest
    quarter(g, twin)
    assert dep.status == "expired"
    assert g.state.seats["islamabad"].reserves == twin.state.seats["islamabad"].reserves
    assert g.state.seats["riyadh"].budget - twin.state.seats["riyadh"].budget == 2 * interest


def test_saudi_deposit_matures_in_the_scenario():
    g = new_game()
    dep = g.state.commitments["saudi_deposit"]
    for _ in range(dep.terms["turns"]):
        next_quarter(g)
    assert dep.status == "expired"
    assert g.state.seats["islamabad"].reserves == 0


# ------------------------------------------------------------------------- conversion
def test_conversion_of_a_loan_into_an_arms_package():
    g = new_game()
    loan = g.state.commitments["saudi_loan"]
    value = loan.terms["outstanding"]
    debt = g.state.seats["islamabad"].debt
    air = g.state.seats["riyadh"].capability["air"]
    package = sign(g, "riyadh", "convert", "islamabad", loan="saudi_loan", domain="air", turns=4)
    assert loan.status == "expired" and loan.terms["converted"]
    assert g.state.seats["islamabad"].debt == debt - value
    assert package.kind == "arms_sale" and package.terms["seller"] == "islamabad"
    assert package.terms["buyer"] == "riyadh" and package.terms["prepaid"]
    budget = g.state.seats["riyadh"].budget
    exports = g.state.seats["islamabad"].exports
    next_quarter(g)
    assert g.state.seats["riyadh"].capability["air"] > air  # delivered without paying again
    assert g.state.seats["islamabad"].exports == exports + value // 4
    assert g.state.seats["riyadh"].budget >= budget  # no instalment was charged


def test_converted_loan_is_counted_once_and_as_the_lenders_spending():
    """Issue 16: a loan lent in play and converted counted as Islamabad's inflow twice, and
    Riyadh gained the capability without it counting as security spending."""
    from wargame.rules.books import books
    g = new_game()
    loan = sign(g, "riyadh", "loan", "islamabad", lender="riyadh", borrower="islamabad",
                amount=1000, rate=3.0, turns=8)
    isl, riy = g.state.seats["islamabad"], g.state.seats["riyadh"]
    inflows_after_loan = isl.inflows
    before = books(g)
    spent = riy.spent
    package = sign(g, "riyadh", "convert", "islamabad", loan=loan.id, domain="air", turns=4)
    after = books(g)
    assert isl.inflows == inflows_after_loan  # the loan's money was counted when it was lent
    for seat in ("riyadh", "islamabad"):  # repaying in kind changes neither side's net position
        assert after[seat].net == before[seat].net, seat
    value = package.terms["value"]
    for _ in range(4):
        next_quarter(g)
    assert package.status == "expired"
    assert riy.spent - spent >= value  # the package is Riyadh's security spending, as it arrives
    assert books(g)["islamabad"].liabilities <= before["islamabad"].liabilities - value


def test_conversion_of_a_scenario_loan_counts_one_inflow():
    g = new_game()
    isl = g.state.seats["islamabad"]
    inflows = isl.inflows
    value = g.state.commitments["saudi_loan"].terms["outstanding"]
    sign(g, "riyadh", "convert", "islamabad", loan="saudi_loan", domain="air", turns=4)
    assert isl.inflows == inflows + value  # lent before the game: never counted until now


def test_only_lender_and_borrower_convert():
    g = new_game()
    reason = g.check(A.Propose("ankara", "convert", ("islamabad",), make_terms(loan="saudi_loan", domain="air", turns=4)))
    assert reason is not None and "lender and the borrower" in reason


# ------------------------------------------------------------------------- export credit
def test_export_credit_finances_an_arms_sale():
    g, twin = twins()
    for game in (g, twin):
        game.state.commitments["milgem_sale"].status = "expired"  # only the new sale draws on the credit
    credit = sign(g, "ankara", "export_credit", "islamabad", provider="ankara", beneficiary="islamabad",
                  limit=1000, rate=4.0)
    sale = sign(g, "ankara", "arms_sale", "islamabad", seller="ankara", buyer="islamabad",
                domain="strike", value=400, turns=2)
    quarter(g, twin)
    assert sale.terms["delivered"] == 1 and sale.terms["financed"] == 200
    assert credit.terms["used"] == 200 and credit.terms["outstanding"] == 200
    assert g.state.seats["islamabad"].debt - twin.state.seats["islamabad"].debt == 200
    assert g.state.seats["islamabad"].budget == twin.state.seats["islamabad"].budget  # nothing paid yet
    quarter(g, twin)
    # next quarter: an eighth of what is owed (at least 25) plus interest is repaid, then the
    # second instalment is financed
    repaid = max(25, 200 // 8)
    assert credit.terms["outstanding"] == 200 - repaid + 200
    assert g.state.seats["islamabad"].budget - twin.state.seats["islamabad"].budget == -(repaid + round(200 * 4.0 / 400))
    assert "already has an export-credit facility" in g.check(A.Propose(
        "ankara", "export_credit", ("islamabad",), make_terms(provider="ankara", beneficiary="islamabad", limit=500, rate=3.0)))


def test_withdrawing_from_export_credit_closes_it_but_debt_is_repaid():
    g = new_game()
    credit = sign(g, "ankara", "export_credit", "islamabad", provider="ankara", beneficiary="islamabad",
                  limit=1000, rate=0.0)
    credit.terms["outstanding"] = 100
    credit.terms["used"] = 100
    g.apply(A.Withdraw("islamabad", credit.id))
    assert credit.status == "active" and credit.terms["closed"]
    assert "already closed" in g.check(A.Withdraw("ankara", credit.id))
    ankara = g.state.seats["ankara"].budget
    for _ in range(8):
        next_quarter(g)
        if credit.status != "active":
            break
    assert credit.status == "broken" and credit.terms["outstanding"] == 0
    assert g.state.seats["ankara"].budget > ankara


# ------------------------------------------------------------------------- grants
def test_grant_pays_each_quarter_then_expires():
    g, twin = twins()
    grant = sign(g, "washington", "grant", "islamabad", donor="washington", recipient="islamabad",
                 amount=200, turns=3)
    assert grant.terms["paid"] == 1  # the first instalment is paid at signing
    quarter(g, twin)
    quarter(g, twin)
    assert grant.status == "expired" and grant.terms["paid"] == 3
    assert g.state.seats["islamabad"].budget - twin.state.seats["islamabad"].budget == 600
    assert g.state.seats["washington"].spent - twin.state.seats["washington"].spent == 600


def test_grant_lapses_when_the_donor_cannot_pay():
    g = new_game()
    grant = sign(g, "washington", "grant", "islamabad", donor="washington", recipient="islamabad",
                 amount=500, turns=4)
    set_budget(g, "washington", 0)
    g.state.seats["washington"].income = 0
    cred = g.state.seats["washington"].credibility
    next_quarter(g)
    next_quarter(g)
    assert grant.status == "broken"
    assert g.state.seats["washington"].credibility < cred


# ------------------------------------------------------------------------- arms sales, holds
def test_arms_sale_instalments_and_deliveries():
    g, twin = twins()
    sale = sign(g, "ankara", "arms_sale", "riyadh", seller="ankara", buyer="riyadh",
                domain="strike", value=1000, turns=3)
    quarter(g, twin)
    per = 1000 // 3
    points = round(per / 1000 * g.state.params["capability_per_bn"], 4)
    assert sale.terms["delivered"] == 1
    assert g.state.seats["riyadh"].capability["strike"] == pytest.approx(
        twin.state.seats["riyadh"].capability["strike"] + points)
    assert g.state.seats["ankara"].budget - twin.state.seats["ankara"].budget == per
    assert g.state.seats["ankara"].exports - twin.state.seats["ankara"].exports == per
    quarter(g, twin)
    quarter(g, twin)
    assert sale.status == "expired"
    # the last instalment settles the remainder: the whole value was paid
    assert g.state.seats["ankara"].budget - twin.state.seats["ankara"].budget == 1000


def test_us_sale_proceeds_leave_the_regional_books():
    g, twin = twins()
    sign(g, "washington", "arms_sale", "riyadh", seller="washington", buyer="riyadh",
         domain="air", value=1200, turns=4)
    quarter(g, twin)
    assert g.state.seats["riyadh"].budget - twin.state.seats["riyadh"].budget == -300
    assert g.state.seats["washington"].budget == twin.state.seats["washington"].budget
    assert g.state.seats["washington"].exports - twin.state.seats["washington"].exports == 300


def test_sale_postponed_when_the_buyer_cannot_pay():
    g = new_game()
    sale = sign(g, "ankara", "arms_sale", "islamabad", seller="ankara", buyer="islamabad",
                domain="strike", value=4000, turns=2)
    set_budget(g, "islamabad", 0)
    next_quarter(g)
    assert sale.terms["delivered"] == 0 and sale.status == "active"


def test_sale_cancelled_after_two_missed_instalments():
    g = new_game()
    sale = sign(g, "ankara", "arms_sale", "islamabad", seller="ankara", buyer="islamabad",
                domain="strike", value=8000, turns=2)
    g.state.commitments["milgem_sale"].status = "expired"
    cred = g.state.seats["islamabad"].credibility
    set_budget(g, "islamabad", 0)
    next_quarter(g)
    set_budget(g, "islamabad", 0)
    next_quarter(g)
    assert sale.status == "broken" and sale.terms["delivered"] == 0
    assert g.state.seats["islamabad"].credibility < cred


def test_unfunded_posture_is_drawn_down():
    g = new_game()
    levels = sum(g.state.posture.values())
    set_budget(g, "washington", 0)
    g.state.seats["washington"].income = 0
    next_quarter(g)
    assert sum(g.state.posture.values()) == levels - 1
    assert g.state.seats["washington"].budget == 0
    assert any(e.kind == "posture" and "cannot fund" in e.text for e in g.events[-40:])


def test_hold_stops_deliveries_and_release_resumes_them():
    g = new_game()
    pac3 = g.state.commitments["pac3_sale"]
    to_phase(g, "investment")
    stress = g.state.seats["riyadh"].stress
    g.apply(A.Hold("washington", "pac3_sale"))
    assert pac3.terms["held"] and g.state.seats["riyadh"].stress == pytest.approx(stress + 2)
    delivered = pac3.terms["delivered"]
    next_quarter(g)
    assert pac3.terms["delivered"] == delivered
    to_phase(g, "investment")
    assert "already held" in g.check(A.Hold("washington", "pac3_sale"))
    g.apply(A.Release("washington", "pac3_sale"))
    next_quarter(g)
    assert pac3.terms["delivered"] == delivered + 1


def test_only_us_sales_can_be_held():
    g = new_game()
    to_phase(g, "investment")
    reason = g.check(A.Hold("washington", "akinci_sale"))
    assert reason is not None
    reason = g.check(A.Hold("riyadh", "pac3_sale"))
    assert reason is not None and "Washington's alone" in reason


# ------------------------------------------------------------------------- co-production
def test_coproduction_build_time_output_and_revenue():
    g, twin = twins()
    line = g.scenario.line("baykar_uav")
    riyadh0, ankara0 = g.state.seats["riyadh"].budget, g.state.seats["ankara"].budget
    com = sign(g, "ankara", "coproduction", "riyadh", line="baykar_uav", partner="riyadh", share=30)
    partner_part = line.capital * 30 // 100
    assert g.state.seats["riyadh"].budget == riyadh0 - partner_part
    assert g.state.seats["ankara"].budget == ankara0 - (line.capital - partner_part)
    assert com.terms["ready"] == g.turn + line.build_turns
    for _ in range(line.build_turns - 1):
        quarter(g, twin)
        assert g.state.seats["riyadh"].capability["strike"] == twin.state.seats["riyadh"].capability["strike"]
    quarter(g, twin)  # the line enters production
    assert g.turn == com.terms["ready"]
    assert g.state.seats["riyadh"].capability["strike"] == pytest.approx(
        twin.state.seats["riyadh"].capability["strike"] + line.output * 0.3)
    assert g.state.seats["ankara"].capability["strike"] == pytest.approx(
        twin.state.seats["ankara"].capability["strike"] + line.output * 0.7)
    revenue = int(line.revenue * 0.3) + int(line.revenue * 0.7)
    assert (g.state.seats["riyadh"].exports + g.state.seats["ankara"].exports
            - twin.state.seats["riyadh"].exports - twin.state.seats["ankara"].exports) == revenue
    assert com.terms["produced"] == 1


def test_coproduction_partner_only_once_per_line():
    g = new_game()
    sign(g, "ankara", "coproduction", "riyadh", line="baykar_uav", partner="riyadh", share=30)
    reason = g.check(A.Propose("riyadh", "coproduction", ("ankara",), make_terms(line="baykar_uav", partner="riyadh", share=50)))
    assert reason is not None and "already a partner" in reason


def test_premium_fee_counts_as_premium_income():
    g, twin = twins()
    sign(g, "islamabad", "premium", "riyadh", buyer="riyadh", provider="islamabad", fee=200)
    quarter(g, twin)
    assert g.state.seats["islamabad"].premium_income == twin.state.seats["islamabad"].premium_income + 200
    reason = g.check(A.Propose("riyadh", "premium", ("ankara",), make_terms(buyer="riyadh", provider="ankara", fee=100)))
    assert reason is not None and "only Islamabad" in reason


def test_inflows_relieve_stress_and_a_maturing_deposit_weighs():
    from wargame.rules.common import INFLOW_RELIEF
    g, twin = twins()
    stress = g.state.seats["islamabad"].stress
    sign(g, "riyadh", "loan", "islamabad", lender="riyadh", borrower="islamabad", amount=1000, rate=0.0, turns=8)
    assert g.state.seats["islamabad"].stress == pytest.approx(max(0.0, stress - INFLOW_RELIEF))
    # the Saudi deposit matures after its term: the reserves leave and stress rises
    h, h_twin = twins()
    dep = h.state.commitments["saudi_deposit"]
    h_twin.state.commitments["saudi_deposit"].terms["turns"] = 99  # never matures in the twin
    for _ in range(dep.terms["turns"]):
        quarter(h, h_twin)
    assert dep.status == "expired"
    assert h.state.seats["islamabad"].stress > h_twin.state.seats["islamabad"].stress


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_lending_and_converting_over_a_game_creates_no_money(seed):
    """Every action of a game where Riyadh keeps lending to Islamabad and converting the loans
    into arms keeps the seats' books (cash + claims − liabilities) and their cash in balance."""
    from wargame.bots import make_bots
    from wargame.rules.books import total_net
    from test_engine_helpers import money_total
    g = new_game(seed, crises=True)
    bots = make_bots(seed)
    net, cash = total_net(g), money_total(g)
    conversions = 0
    while not g.over:
        seat = g.acting_seats()[0]
        action = bots[seat].choose(g)
        if seat == "riyadh" and g.phase == "diplomacy" and g.state.seats["riyadh"].pc > 0:
            for com in list(g.state.commitments.values()):
                if com.kind == "loan" and com.status == "active" and com.terms["lender"] == "riyadh":
                    try_convert = A.Propose("riyadh", "convert", ("islamabad",),
                                            make_terms(loan=com.id, domain="air", turns=3))
                    if g.check(try_convert) is None:
                        action = try_convert
                        break
            else:
                lend = A.Propose("riyadh", "loan", ("islamabad",), make_terms(
                    lender="riyadh", borrower="islamabad", amount=1000, rate=3.0, turns=6))
                if g.check(lend) is None and not g.open_proposals("islamabad"):
                    action = lend
        if seat == "islamabad" and g.open_proposals(seat):
            prop = g.open_proposals(seat)[0]
            if prop.deal in ("loan", "convert") and g.check(A.Accept(seat, prop.id)) is None:
                action = A.Accept(seat, prop.id)
                conversions += prop.deal == "convert"
        g.apply(action)
        assert total_net(g) == net and money_total(g) == cash, action
    assert conversions >= 2
