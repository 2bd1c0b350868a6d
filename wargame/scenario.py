"""Scenarios: TOML data files, validated on load with pydantic.

The built-in scenarios ship as package data (``assets/scenarios/`` in the repository, read
through :mod:`wargame.resources`). A teacher's own folders (:func:`use_scenario_dirs`, the
``--scenarios-dir`` option, the ``WARGAME_SCENARIOS_DIR`` environment variable) are searched
first, and ``extends`` finds a base scenario beside the file or among the built-in ones.
A scenario error names the file, the field and the problem (:class:`ScenarioError`).
"""
from __future__ import annotations

import math
import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Sequence

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from wargame import resources
from wargame.errors import ScenarioError
from wargame.scenario_commitments import check_start_terms
from wargame.types import CLAUSES, DOMAINS, SEATS

SCENARIOS_ENV = "WARGAME_SCENARIOS_DIR"
"""Environment variable: folders of one's own scenarios (separated like PATH)."""

_user_dirs: list[Path] = []

_Strict = ConfigDict(extra="forbid", frozen=True)


class RoleBrief(BaseModel):
    """The long role brief a seat's team reads and prints: why it plays, how it scores, what it
    can do, and what the other seats know about its aims (``public``, shown in their briefs)."""

    model_config = _Strict
    motives: list[str] = Field(default_factory=list, description="paragraphs: why this seat plays as it does")
    scoring: dict[str, str] = Field(default_factory=dict,
                                    description="score component key -> how a team earns it, in plain words")
    levers: list[str] = Field(default_factory=list, description="what the seat can do, one line each")
    tensions: list[str] = Field(default_factory=list, description="dilemmas the seat faces, one line each")
    public: str = Field(default="", description="what the other seats are known to believe this seat wants")


class SeatSpec(BaseModel):
    """Starting state of one seat. ``cite`` gives a source (or 'judgement: ...') per figure."""

    model_config = _Strict
    name: str
    budget: int = Field(ge=0, description="discretionary budget at start, $m")
    income: int = Field(ge=0, description="discretionary income per quarter, $m")
    debt: int = Field(ge=0, default=0)
    reserves: int = Field(ge=0, default=0)
    political_capital: int = Field(ge=1, le=10)
    credibility: float = Field(ge=0, le=100)
    standing: float = Field(ge=0, le=100)
    stress: float = Field(ge=0, le=100)
    stress_drift: float = Field(default=0.0, description="stress added each quarter before inflows")
    sanctioned: bool = False
    brief: str = Field(default="", description="the role brief players read: motives and objectives")
    role: RoleBrief = Field(default_factory=RoleBrief, description="the long, printable role brief")
    capability: dict[str, float]
    cite: dict[str, str]

    @field_validator("capability")
    @classmethod
    def _domains(cls, value: dict[str, float]) -> dict[str, float]:
        missing = set(DOMAINS) - set(value)
        unknown = set(value) - set(DOMAINS)
        if missing or unknown:
            raise ValueError(f"capability needs exactly the domains {list(DOMAINS)}; "
                             f"missing {sorted(missing)}, unknown {sorted(unknown)}")
        if any(v < 0 for v in value.values()):
            raise ValueError("capability values must not be negative")
        return value

    @model_validator(mode="after")
    def _cited(self) -> "SeatSpec":
        needed = {"budget", "income", "credibility", "standing", "stress", "capability"}
        missing = needed - set(self.cite)
        if missing:
            raise ValueError(f"cite lacks a source or 'judgement' for {sorted(missing)}")
        return self


class SiteSpec(BaseModel):
    """A place on the map."""

    model_config = _Strict
    id: str
    name: str
    kind: Literal["capital", "base", "port", "industry", "crisis"]
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    owner: str | None = None
    host: str | None = Field(default=None, description="seat whose territory holds the site")
    posture: int = Field(default=0, ge=0, le=3, description="US force posture level at a base")


class ActorSpec(BaseModel):
    """A non-playable actor: a source of crises."""

    model_config = _Strict
    id: str
    name: str
    strength: float = Field(gt=0)
    resolve: float = Field(gt=0, le=3)
    cite: str


class CrisisSpec(BaseModel):
    """A crisis type of the deck."""

    model_config = _Strict
    id: str
    title: str
    actor: str
    targets: list[str]
    site: str
    kind: Literal["attack", "wavering"] = "attack"
    weights: dict[str, float]
    severity: float = Field(gt=0, le=3)
    likelihood: float = Field(gt=0, le=1)
    excludes: list[str] = Field(default_factory=list, description="commitment ids that do not apply")
    text: str
    cite: str
    damaging: float | None = Field(default=None, ge=0, le=1,
                                   description="the share of tests of this type that history suggests end damaging")
    damaging_cite: str = Field(default="", description="the history behind ``damaging``")
    calibration: float = Field(default=1.0, gt=0, le=10,
                               description="threat multiplier fitted by tools/calibrate_crises.py so that balanced "
                                           "play ends about ``damaging`` of these tests damaging")

    @field_validator("weights")
    @classmethod
    def _weights(cls, value: dict[str, float]) -> dict[str, float]:
        unknown = set(value) - set(DOMAINS)
        if unknown:
            raise ValueError(f"unknown domains {sorted(unknown)}")
        if abs(sum(value.values()) - 1.0) > 1e-6:
            raise ValueError(f"weights must add up to 1 (they add up to {sum(value.values()):g})")
        return value


class LineSpec(BaseModel):
    """A co-production line that can be built at a site."""

    model_config = _Strict
    id: str
    name: str
    site: str
    host: str
    domain: str
    capital: int = Field(gt=0, description="$m to build")
    build_turns: int = Field(ge=1, le=12)
    output: float = Field(gt=0, description="capability points per quarter once running")
    revenue: int = Field(ge=0, description="$m export revenue per quarter once running")
    cite: str


class CommitmentSpec(BaseModel):
    """A commitment in force when the game starts."""

    model_config = _Strict
    id: str
    kind: str
    name: str
    parties: list[str]
    public: bool = True
    terms: dict[str, Any] = Field(default_factory=dict)
    cite: str

    @model_validator(mode="after")
    def _typed_terms(self) -> "CommitmentSpec":
        check_start_terms(self.kind, self.parties, self.terms)
        return self


class MetaSpec(BaseModel):
    """Title, dates and sources of the scenario."""

    model_config = _Strict
    id: str
    title: str
    summary: str
    start_year: int = Field(ge=2000, le=2100)
    start_quarter: int = Field(ge=1, le=4)
    turns: int = Field(ge=1, le=1000)
    seats: list[str] = Field(default_factory=lambda: list(SEATS))


class ParSpec(BaseModel):
    """What balanced computer play scores in one seat, quarter by quarter (the seat's *par*).

    ``mean[i]`` and ``sd[i]`` are the mean and standard deviation of the seat's score at the end
    of quarter ``i + 1`` over ``games`` seeded games of balanced bots at every seat, measured by
    ``tools/score_reference.py``. A seat's result is judged against its own par, so that seats
    whose briefs score high or low by construction are compared fairly (issue 14).
    """

    model_config = _Strict
    mean: list[float] = Field(min_length=1)
    sd: list[float] = Field(min_length=1)
    games: int = Field(ge=2)
    measured: str = Field(description="how and when the par was measured")

    @model_validator(mode="after")
    def _same_length(self) -> "ParSpec":
        if len(self.mean) != len(self.sd):
            raise ValueError(f"mean has {len(self.mean)} quarters and sd {len(self.sd)}; they must match")
        if any(v <= 0 for v in self.sd):
            raise ValueError("every sd must be above 0")
        return self


class Scenario(BaseModel):
    """A whole validated scenario. Immutable; equal scenarios give equal games."""

    model_config = _Strict
    meta: MetaSpec
    sources: dict[str, str]
    params: dict[str, float]
    params_cite: dict[str, str]
    seats: dict[str, SeatSpec]
    sites: list[SiteSpec]
    actors: list[ActorSpec]
    crises: list[CrisisSpec]
    lines: list[LineSpec]
    commitments: list[CommitmentSpec]
    par: dict[str, ParSpec] = Field(default_factory=dict,
                                    description="each seat's par under balanced play (all four, or none)")

    @model_validator(mode="after")
    def _consistent(self) -> "Scenario":
        if sorted(self.seats) != sorted(SEATS):
            raise ValueError(f"seats must be exactly {list(SEATS)}")
        if self.par and sorted(self.par) != sorted(SEATS):
            raise ValueError(f"par must give every seat ({', '.join(SEATS)}) or none, got {sorted(self.par)}")
        site_ids = {s.id for s in self.sites}
        actor_ids = {a.id for a in self.actors}
        for i, crisis in enumerate(self.crises):
            if crisis.actor not in actor_ids:
                raise ValueError(f"crises[{i}] ({crisis.id}): unknown actor {crisis.actor!r}")
            if crisis.site not in site_ids:
                raise ValueError(f"crises[{i}] ({crisis.id}): unknown site {crisis.site!r}")
            bad = [t for t in crisis.targets if t not in SEATS]
            if bad or not crisis.targets:
                raise ValueError(f"crises[{i}] ({crisis.id}): targets must be seats, got {crisis.targets}")
        if len(self.crises) < 8:
            raise ValueError(f"the crisis deck needs at least 8 types, it has {len(self.crises)}")
        for i, line in enumerate(self.lines):
            if line.site not in site_ids:
                raise ValueError(f"lines[{i}] ({line.id}): unknown site {line.site!r}")
            if line.domain not in DOMAINS:
                raise ValueError(f"lines[{i}] ({line.id}): unknown domain {line.domain!r}")
        for i, com in enumerate(self.commitments):
            bad = [p for p in com.parties if p not in SEATS]
            if bad:
                raise ValueError(f"commitments[{i}] ({com.id}): unknown parties {bad}")
            clause = com.terms.get("clause")
            if clause is not None and clause not in CLAUSES:
                raise ValueError(f"commitments[{i}] ({com.id}): clause must be one of {list(CLAUSES)}")
        missing = set(REQUIRED_PARAMS) - set(self.params)
        if missing:
            raise ValueError(f"params lacks {sorted(missing)}")
        uncited = set(self.params) - set(self.params_cite)
        if uncited:
            raise ValueError(f"params_cite lacks a source or 'judgement' for {sorted(uncited)}")
        return self

    def site(self, site_id: str) -> SiteSpec:
        """The site with this id."""
        for site in self.sites:
            if site.id == site_id:
                return site
        raise KeyError(site_id)

    def crisis_type(self, crisis_id: str) -> CrisisSpec:
        """The crisis type with this id."""
        for crisis in self.crises:
            if crisis.id == crisis_id:
                return crisis
        raise KeyError(crisis_id)

    def line(self, line_id: str) -> LineSpec:
        """The co-production line with this id."""
        for line in self.lines:
            if line.id == line_id:
                return line
        raise KeyError(line_id)


REQUIRED_PARAMS = (
    "capability_per_bn", "foreign_discount", "crisis_cap", "threat_half", "signal_decay",
    "habit_gain", "habit_decay", "honour_gain", "defect_loss", "declare_boost", "premium_boost",
    "withdraw_loss", "exercise_cost", "posture_cost", "interest_default", "standing_floor",
)


def _format_error(path: str, err: ValidationError) -> ScenarioError:
    first = err.errors()[0]
    loc = ".".join(str(p) for p in first.get("loc", ())) or "(top level)"
    msg = first.get("msg", "invalid")
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    more = len(err.errors()) - 1
    if more:
        msg += f" (and {more} more problem{'s' if more > 1 else ''})"
    return ScenarioError(path, loc, msg + "; fix the file and check it with `wargame check-scenario`")


def parse_scenario(data: dict[str, Any], path: str = "<scenario>") -> Scenario:
    """Validate a scenario given as a dict (for instance the copy kept in a save file)."""
    try:
        return Scenario.model_validate(data)
    except ValidationError as err:
        raise _format_error(path, err) from None


def load_scenario(name_or_path: str | Path) -> Scenario:
    """Load and validate a scenario by id (``pact-2026``) or by file path."""
    path = resolve_scenario_path(name_or_path)
    return _load_cached(str(path), path.stat().st_mtime_ns)


MAX_EXTENDS = 8
"""How many bases an ``extends`` chain may have (a longer chain is refused as a likely mistake)."""


@lru_cache(maxsize=16)
def _load_cached(path: str, _mtime: int) -> Scenario:
    data = _merged_chain(Path(path))
    bad = _non_finite(data)
    if bad is not None:
        where, value = bad
        raise ScenarioError(path, where, f"must be a finite number, not {value!r}; "
                            "write a number such as 0.5")
    return parse_scenario(data, path)


def _read_toml(path: Path) -> dict[str, Any]:
    """One scenario file's TOML table, or a ScenarioError naming the file and the problem."""
    if path.is_dir():
        raise ScenarioError(str(path), "(file)", "is a folder, not a scenario file; name a .toml file")
    if path.exists() and not path.is_file():
        raise ScenarioError(str(path), "(file)", "is not a regular file (a pipe or device); name a .toml file")
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ScenarioError(str(path), "(file)", f"cannot be read: {err.strerror}") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ScenarioError(str(path), "(file)", "is not UTF-8 text; save it as UTF-8 TOML") from None
    except tomllib.TOMLDecodeError as err:
        raise ScenarioError(str(path), "(syntax)", f"not valid TOML: {err}") from None
    except RecursionError:
        raise ScenarioError(str(path), "(syntax)", "arrays or tables are nested too deeply to read") from None


def _merged_chain(path: Path) -> dict[str, Any]:
    """The file's table merged over its ``extends`` bases, nearest last; cycles and over-long
    chains are refused naming the files."""
    layers = [_read_toml(path)]
    seen = [path.resolve()]
    current = path
    while "extends" in layers[-1]:
        base = layers[-1].pop("extends")
        if not isinstance(base, str):
            raise ScenarioError(str(current), "extends", "must name another scenario file or id")
        base_path = _base_path(current, base)
        if base_path.resolve() in seen:
            chain = " -> ".join(p.name for p in [*seen, base_path.resolve()])
            raise ScenarioError(str(path), "extends", f"the bases form a cycle ({chain}); "
                                "make one of them stand alone")
        if len(seen) > MAX_EXTENDS:
            raise ScenarioError(str(path), "extends", f"more than {MAX_EXTENDS} bases in a chain; "
                                "merge some of them into one file")
        layers.append(_read_toml(base_path))
        seen.append(base_path.resolve())
        current = base_path
    data = layers.pop()
    while layers:
        data = _merge(data, layers.pop())
    return data


def _non_finite(data: Any) -> tuple[str, float] | None:
    """The first field (dotted path) holding nan or inf, with its value; None if all are finite."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return where or "(top level)", value
        if isinstance(value, dict):
            stack.extend((f"{where}.{k}" if where else str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", v) for i, v in enumerate(value))
    return None


def _by_id(items: Any) -> bool:
    return isinstance(items, list) and all(isinstance(i, dict) and "id" in i for i in items)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge tables. Arrays of tables with ``id`` keys merge by id (an override entry
    replaces the base entry with its id, keys merged; new ids are appended; an entry with
    ``remove = true`` drops it); other values in ``override`` replace the base's."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif _by_id(value) and _by_id(out.get(key)):
            merged = {item["id"]: dict(item) for item in out[key]}
            for item in value:
                if item.get("remove"):
                    merged.pop(item["id"], None)
                elif item["id"] in merged:
                    merged[item["id"]] = _merge(merged[item["id"]], item)
                else:
                    merged[item["id"]] = dict(item)
            out[key] = list(merged.values())
        else:
            out[key] = value
    return out


def use_scenario_dirs(folders: Sequence[str | Path]) -> None:
    """Search these folders of one's own scenarios (before the built-in ones) from now on.

    Raises ScenarioError naming a folder that does not exist.
    """
    dirs = [Path(f).expanduser() for f in folders]
    for d in dirs:
        if not d.is_dir():
            raise ScenarioError(str(d), "(folder)", "no such scenarios folder")
    _user_dirs[:] = dirs


def scenario_dirs() -> list[Path]:
    """Folders searched for scenario ids, in order: one's own, then the built-in scenarios."""
    env = [Path(p).expanduser() for p in os.environ.get(SCENARIOS_ENV, "").split(os.pathsep) if p]
    return [*_user_dirs, *(d for d in env if d.is_dir()), resources.builtin_scenarios_dir()]


def _base_path(path: Path, base: str) -> Path:
    """The file ``extends = base`` names: beside ``path`` first, else a known scenario id."""
    beside = path.parent / (base if base.endswith(".toml") else f"{base}.toml")
    if beside.resolve() != path.resolve() and beside.exists():
        return beside
    if base.endswith(".toml") and beside.resolve() == path.resolve():
        raise ScenarioError(str(path), "extends", "names this file itself; name a base scenario")
    if base.endswith(".toml"):
        raise ScenarioError(str(path), "extends", f"no file {beside}")
    return resolve_scenario_path(base, skip=path)


def resolve_scenario_path(name_or_path: str | Path, skip: Path | None = None) -> Path:
    """Turn a scenario id or a path into an existing file path, or raise ScenarioError.

    ``skip``: a file not to return (a scenario that extends a built-in one of the same id).
    """
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml" and candidate.exists():
        return candidate
    if candidate.suffix != ".toml":
        for folder in scenario_dirs():
            by_id = folder / f"{name_or_path}.toml"
            if by_id.exists() and (skip is None or by_id.resolve() != skip.resolve()):
                return by_id
    known = ", ".join(s for s, _ in list_scenarios()) or "none"
    raise ScenarioError(str(name_or_path), "(file)",
                        f"no such scenario file or id; known scenarios: {known}")


def list_scenarios() -> list[tuple[str, str]]:
    """``(id, title)`` of every scenario found: one's own folders first, then the built-in ones
    (an id in one's own folder hides the built-in scenario of that id)."""
    out: dict[str, str] = {}
    for folder in scenario_dirs():
        for path in sorted(folder.glob("*.toml")):
            if path.stem in out:
                continue
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
                out[path.stem] = str(data.get("meta", {}).get("title", path.stem))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                out[path.stem] = "(unreadable)"
    return list(out.items())
