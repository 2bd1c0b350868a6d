"""Typed terms of the commitments a scenario puts in force at the start.

A scenario's ``[[commitments]]`` entries carry their terms as a TOML table. The game reads those
terms as numbers, seats and flags, so a typo there ("integration = 'high'", a command level of 9)
must be refused when the scenario is loaded and checked, naming the field, not fail later inside
a quarter. Each kind that can be in force at the start has a model here. The models check types
and ranges, and that the seats named in the terms are the commitment's parties.
"""
from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from wargame.types import CLAUSES, DOMAINS, SEATS

_Terms = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

def _one_of(options: tuple[str, ...], what: str) -> AfterValidator:
    def check(value: str) -> str:
        if value not in options:
            raise ValueError(f"{value!r} is not a {what}; use one of {list(options)}")
        return value
    return AfterValidator(check)


Seat = Annotated[str, _one_of(tuple(SEATS), "seat")]
Domain = Annotated[str, _one_of(tuple(DOMAINS), "domain")]
Clause = Annotated[str, _one_of(tuple(CLAUSES), "clause")]


class LayersTerms(BaseModel):
    """The integration layers of a pact or agreement (docs/rules.md §6)."""

    model_config = _Terms
    planning: bool = False
    command: int = Field(0, ge=0, le=2)
    interop: int = Field(0, ge=0, le=3)
    habit: float = Field(0.0, ge=0.0, le=1.0)
    exercises: bool = False


class PactTerms(BaseModel):
    """A pact or an agreement: its clause, nuclear ambiguity and integration layers."""

    model_config = _Terms
    clause: Clause = "consultation"
    nuclear_ambiguity: bool = False
    layers: LayersTerms = Field(default_factory=lambda: LayersTerms())


class AssuranceTerms(BaseModel):
    """Washington's assurance to a seat."""

    model_config = _Terms
    to: Seat
    integration: float = Field(ge=0.0, le=1.0)


class LendingTerms(BaseModel):
    """A loan or a deposit."""

    model_config = _Terms
    lender: Seat
    borrower: Seat
    amount: float = Field(gt=0)
    rate: float = Field(ge=0.0, le=30.0)
    turns: int = Field(ge=1, le=40)


class GrantTerms(BaseModel):
    """A grant paid in quarterly instalments."""

    model_config = _Terms
    donor: Seat
    recipient: Seat
    amount: float = Field(gt=0)
    turns: int = Field(ge=1, le=40)


class ArmsSaleTerms(BaseModel):
    """An arms sale delivered over ``turns`` quarters."""

    model_config = _Terms
    seller: Seat
    buyer: Seat
    domain: Domain
    value: float = Field(gt=0)
    turns: int = Field(ge=1, le=40)


class ExportCreditTerms(BaseModel):
    """An export-credit facility."""

    model_config = _Terms
    provider: Seat
    beneficiary: Seat
    limit: float = Field(gt=0)
    rate: float = Field(ge=0.0, le=30.0)


START_TERMS: dict[str, type[BaseModel]] = {
    "pact": PactTerms, "agreement": PactTerms, "assurance": AssuranceTerms,
    "loan": LendingTerms, "deposit": LendingTerms, "grant": GrantTerms,
    "arms_sale": ArmsSaleTerms, "export_credit": ExportCreditTerms,
}
"""The kinds of commitment a scenario may put in force at the start, with their terms' model."""

_SEAT_FIELDS = ("to", "lender", "borrower", "donor", "recipient", "seller", "buyer", "provider",
                "beneficiary")


def check_start_terms(kind: str, parties: list[str], terms: dict[str, Any]) -> None:
    """Raise ``ValueError`` naming the problem unless ``terms`` fit a ``kind`` in force at the start."""
    model = START_TERMS.get(kind)
    if model is None:
        raise ValueError(f"kind {kind!r} cannot be in force at the start; use one of {sorted(START_TERMS)}")
    try:
        parsed = model.model_validate(terms)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "terms"
        raise ValueError(f"terms.{where}: {first.get('msg', 'invalid')}") from None
    for name in _SEAT_FIELDS:
        seat = getattr(parsed, name, None)
        if seat is not None and seat not in parties:
            raise ValueError(f"terms.{name}: {seat!r} is not one of the parties {parties}")
