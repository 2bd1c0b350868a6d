"""Architecture: the engine never imports Qt, pyqtgraph or the ui package.

Two checks: import-linter's contracts (from ``pyproject.toml``, used exactly as written), and a
subprocess that imports ``wargame`` and every submodule and then looks at ``sys.modules``. The app
reaches the ``wargame`` command only through the ``wargame.commands`` entry point.
"""
from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")
FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6", "ui")


@pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed in this environment")
def test_import_linter_contracts_hold() -> None:
    result = subprocess.run([str(LINT), "--no-cache", "--no-logo"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower() or "0 broken" in result.stdout.lower()


def _engine_modules() -> list[str]:
    import wargame
    names = ["wargame"]
    for info in pkgutil.walk_packages(wargame.__path__, "wargame."):
        if info.name == "wargame.__main__":  # running it is running the command, not importing
            continue
        names.append(info.name)
    return sorted(names)


def test_engine_imports_no_qt() -> None:
    modules = _engine_modules()
    assert "wargame.rules.game" in modules and "wargame.bots" in modules
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(json.dumps(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_headless_play_imports_no_qt() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from wargame.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['play', '--seed', '1', '--quiet'])\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
