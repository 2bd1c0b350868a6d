"""The UI holds no rule or formula: every figure it shows comes from an engine query (issue 9).

Four scans of ``ui/**/*.py`` (with :mod:`ast`, nothing is imported or run):

* arithmetic (a ``BinOp``) between a game value and a literal equal to one of the engine's
  numbers: a module-level number of ``wargame/rules/*.py``, a literal of the rules' own
  arithmetic, or a scenario parameter's value;
* arithmetic on a rule parameter read from the state (``state.params``);
* a name imported from ``wargame.rules`` whose value there is a number or a table of numbers;
* a pair of literals ``low, high`` (in a tuple or a call's arguments) equal to the bounds of a
  deal term or a purchase, i.e. a copy of the ranges ``wargame.rules.terms`` holds.

A "game value" is an expression that reads the game: it mentions ``g``/``game``/``self.game``,
the state, a commitment and its terms, a production line, a site, a crisis or a proposal, or a
local variable assigned from one. Tests at the end feed the scanner known copies, so it can fail.
"""
from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

from wargame.rules.terms import DEAL_TERMS, PURCHASE

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "wargame" / "rules"
SCENARIOS = ROOT / "assets" / "scenarios"

TRIVIAL = {0, 1, 2, 100, 0.5, 1000}
"""Numbers too common to mean a rule: identities, halves and doubles, percent, and $m → $bn."""

def _numbers(node: ast.AST) -> set[float]:
    out: set[float] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and type(sub.value) in (int, float):
            out.add(sub.value)
        elif (isinstance(sub, ast.UnaryOp) and isinstance(sub.op, ast.USub) and isinstance(sub.operand, ast.Constant)
              and type(sub.operand.value) in (int, float)):
            out.add(-sub.operand.value)
    return out


def _only_numbers(node: ast.AST) -> bool:
    """Whether ``node`` is a number, or a dict/tuple/list/set whose values are all numbers."""
    if isinstance(node, ast.Constant):
        return type(node.value) in (int, float)
    if isinstance(node, ast.UnaryOp):
        return _only_numbers(node.operand)
    if isinstance(node, ast.Dict):
        return bool(node.values) and all(_only_numbers(v) for v in node.values)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return bool(node.elts) and all(_only_numbers(v) for v in node.elts)
    return False


def _module_assignments(tree: ast.Module) -> list[tuple[str, ast.AST]]:
    out = []
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and stmt.value is not None:
            out += [(t.id, stmt.value) for t in stmt.targets if isinstance(t, ast.Name)]
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None and isinstance(stmt.target, ast.Name):
            out.append((stmt.target.id, stmt.value))
    return out


def engine_numbers() -> set[float]:
    """The engine's rule numbers (see the module docstring), less the trivial ones."""
    found: set[float] = set()
    for path in RULES.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for _, value in _module_assignments(tree):
            found |= _numbers(value)
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp):
                for side in (node.left, node.right):
                    found |= _numbers(side) if isinstance(side, (ast.Constant, ast.UnaryOp)) else set()
    for path in SCENARIOS.glob("*.toml"):
        params = tomllib.loads(path.read_text(encoding="utf-8")).get("params", {})
        found |= {v for v in params.values() if type(v) in (int, float)}
    return {n for n in found if n not in TRIVIAL and -n not in TRIVIAL}


def engine_constant_names() -> dict[str, set[str]]:
    """Per ``wargame.rules`` module, its module-level names bound to numbers or tables of numbers."""
    return {f"wargame.rules.{path.stem}": {name for name, value in _module_assignments(ast.parse(
        path.read_text(encoding="utf-8"))) if _only_numbers(value)} for path in RULES.glob("*.py")}


def term_bounds() -> set[tuple[float, float]]:
    """The (low, high) of every deal term and of a purchase."""
    return {(r.low, r.high) for terms in DEAL_TERMS.values() for r in terms.values()} | {(PURCHASE.low, PURCHASE.high)}


# ---------------------------------------------------------------------------- the scanner
def game_fields() -> set[str]:
    """The numeric fields of the game's records (seat state, commitment, crisis, state, scenario
    specs): attributes that are game values wherever they are read."""
    fields: set[str] = set()
    for path in (ROOT / "wargame" / "state.py", ROOT / "wargame" / "scenario.py"):
        for cls in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(cls, ast.ClassDef):
                fields |= {stmt.target.id for stmt in cls.body if isinstance(stmt, ast.AnnAssign)
                           and isinstance(stmt.target, ast.Name)
                           and re.match(r"(int|float|dict\[str, (int|float)\])\b", ast.unparse(stmt.annotation))}
    return fields


FIELDS = game_fields()
TABLES = {"params", "terms", "layers"}
"""Attributes holding a game record's tables of numbers."""


def _reads_game(node: ast.AST, tainted: set[str], queries: set[str]) -> bool:
    """Whether ``node`` reads the game: a numeric field of a game record, the terms, layers or
    parameters, the result of a rule query, or a local variable holding one of these."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id in tainted:
            return True
        if isinstance(sub, ast.Attribute) and (sub.attr in FIELDS or sub.attr in TABLES):
            return True
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id in queries:
            return True
    return False


def _own_nodes(scope: ast.AST) -> list[ast.AST]:
    """The nodes of a function's (or the module's) own code, not of the functions defined in it."""
    out: list[ast.AST] = []
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        out.append(node)
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            todo += ast.iter_child_nodes(node)
    return out


def _tainted_names(nodes: list[ast.AST], queries: set[str]) -> set[str]:
    """Local names assigned (or looped over) from game values, to a fixed point."""
    tainted: set[str] = set()
    while True:
        before = len(tainted)
        for node in nodes:
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if _reads_game(node.value, tainted, queries):
                    tainted |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            elif isinstance(node, (ast.For, ast.comprehension)) and _reads_game(node.iter, tainted, queries):
                tainted |= {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
        if len(tainted) == before:
            return tainted


def _literal(node: ast.AST) -> float | None:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _literal(node.operand)
        return None if inner is None else -inner
    return None


def _reads_params(node: ast.AST) -> bool:
    return any(isinstance(sub, ast.Attribute) and sub.attr == "params" for sub in ast.walk(node))


def _functions(tree: ast.Module) -> list[tuple[str, ast.AST]]:
    """Every function (methods included) with its name, and the module itself as ``<module>``."""
    funcs: list[tuple[str, ast.AST]] = [("<module>", tree)]
    funcs += [(n.name, n) for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return funcs


def scan_source(source: str, where: str, numbers: set[float], constants: dict[str, set[str]],
                bounds: set[tuple[float, float]]) -> list[str]:
    """Every place in ``source`` (a ui file named ``where``) that holds an engine rule or number."""
    tree = ast.parse(source)
    queries = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
               and (node.module or "").startswith("wargame.rules") for alias in node.names}
    found: list[str] = []
    for fname, func in _functions(tree):
        nodes = _own_nodes(func)
        tainted = _tainted_names(nodes, queries)
        for node in nodes:
            if not isinstance(node, ast.BinOp):
                continue
            for lit, other in ((node.left, node.right), (node.right, node.left)):
                value = _literal(lit)
                if value is not None and value in numbers and _reads_game(other, tainted, queries):
                    found.append(f"{where}:{node.lineno} ({fname}): {ast.unparse(node)} uses the engine's {value:g}")
            if _reads_params(node):
                found.append(f"{where}:{node.lineno} ({fname}): {ast.unparse(node)} computes with a rule parameter")
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in constants:
            for alias in node.names:
                if alias.name in constants[node.module]:
                    found.append(f"{where}:{node.lineno}: imports the engine constant {node.module}.{alias.name}")
        literals: list[ast.AST] = []
        if isinstance(node, ast.Tuple):
            literals = node.elts
        elif isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id == "range"):
            literals = node.args
        values = [_literal(x) for x in literals]
        for low, high in zip(values, values[1:]):
            if low is not None and high is not None and (low, high) in bounds:
                found.append(f"{where}:{node.lineno}: {ast.unparse(node)[:80]} copies the term range {low:g}..{high:g}")
    return sorted(set(found))


def scan_ui() -> list[str]:
    """Every place in ``ui/`` that holds an engine rule or number."""
    numbers, constants, bounds = engine_numbers(), engine_constant_names(), term_bounds()
    found: list[str] = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        found += scan_source(path.read_text(encoding="utf-8"), where, numbers, constants, bounds)
    return found


# ---------------------------------------------------------------------------- the tests
def test_ui_holds_no_engine_numbers_formulas_or_ranges() -> None:
    found = scan_ui()
    assert not found, "the UI repeats the engine's rules; ask an engine query instead:\n" + "\n".join(found)


def test_the_engine_numbers_include_the_known_rules() -> None:
    numbers = engine_numbers()
    assert {1.5, 0.8, 400, 8, 25} <= numbers  # visible exercise, bought premium, quarterly interest, credit repayment
    assert 4 in numbers and 0.85 in numbers  # quarters a year's fee is valued at, sanctions' bite
    assert not TRIVIAL & numbers
    names = engine_constant_names()
    assert "SANCTION_BITE" in names["wargame.rules.flows"] and "DEAL_TERMS" not in names["wargame.rules.terms"]
    assert (100, 10000) in term_bounds() and (0, 15) in term_bounds() and (10, 70) in term_bounds()


def _scan(source: str) -> list[str]:
    return scan_source(source, "ui/example.py", engine_numbers(), engine_constant_names(), term_bounds())


def test_the_scanner_catches_the_copies_this_issue_removed() -> None:
    copies = {
        "exercise cost": "def f(g):\n    return int(g.state.params.get('exercise_cost', 0) * 1.5)\n",
        "interest": "def f(com):\n    t = com.terms\n    out = int(t['outstanding'])\n    return round(out * t['rate'] / 400.0)\n",
        "credit repayment": "def f(com):\n    t = com.terms\n    owed = int(t.get('outstanding', 0))\n    return owed // 8\n",
        "bought premium": "def f(g):\n    boost = g.state.params.get('premium_boost', 0.0)\n    return boost * 0.8\n",
        "amount range": "AMOUNT = {'loan': (100, 10000, 1000, 'Amount')}\n",
        "spin range": "def f(spin):\n    spin.setRange(0.0, 15.0)\n",
        "share range": "def f(self):\n    self._spin('share', 10, 70, 40)\n",
        "constant": "from wargame.rules.flows import SANCTION_BITE\n",
    }
    for what, source in copies.items():
        assert _scan(source), f"the scanner misses a copied {what}"


def test_the_scanner_leaves_layout_and_queries_alone() -> None:
    fine = ("def f(self, need, fm, g, seat):\n"
            "    w = need * 4 + fm.height() * 1.5\n"
            "    cost = show_exercise_cost(g)\n"
            "    pts = g.state.seats[seat].budget / 1000.0\n"
            "    return w, cost, pts, range(1, 12)\n")
    assert _scan(fine) == []
