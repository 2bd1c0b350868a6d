"""Packaged data: the built-in scenarios, the map, the rulebook and the credits.

In the repository these live in ``assets/`` and ``docs/rules.md``; an installed copy (wheel,
sdist, editable install or the PyInstaller bundle) carries them as the data packages
``wargame_assets`` (``assets/``) and ``wargame_assets.rulebook`` (``docs/``), declared in
``pyproject.toml``. Everything here goes through :mod:`importlib.resources`, so no code depends
on where the source tree is.
"""
from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib import resources
from importlib.abc import Traversable
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from wargame.errors import WargameError

ASSETS_PACKAGE = "wargame_assets"
"""The installed data package made from ``assets/`` (scenarios, map, attribution)."""

RULEBOOK_PACKAGE = "wargame_assets.rulebook"
"""The installed data package made from ``docs/`` (only ``rules.md`` is shipped)."""

DISTRIBUTION = "layered-deterrence"
"""The distribution name on PyPI and in ``pyproject.toml``."""

_extracted = ExitStack()
atexit.register(_extracted.close)


class MissingResourceError(WargameError):
    """A data file that every installed copy must carry is not there (a broken install)."""


def _file(package: str, *parts: str) -> Traversable:
    try:
        node = resources.files(package)
    except ModuleNotFoundError:
        raise MissingResourceError(
            f"the data package {package!r} is not installed; reinstall Layered Deterrence "
            f"(pip install --force-reinstall {DISTRIBUTION})") from None
    for part in parts:
        node = node / part
    return node


def _as_path(node: Traversable, what: str) -> Path:
    """A real file-system path for ``node`` (extracted to a temporary file if zipped)."""
    if not node.is_file() and not node.is_dir():
        raise MissingResourceError(
            f"{what} is missing from this installation ({node}); reinstall Layered Deterrence "
            f"(pip install --force-reinstall {DISTRIBUTION})")
    if isinstance(node, Path):
        return node
    return _extracted.enter_context(resources.as_file(node))


def builtin_scenarios_dir() -> Path:
    """The folder holding the built-in scenario files (``*.toml``)."""
    return _as_path(_file(ASSETS_PACKAGE, "scenarios"), "the scenarios folder")


def map_path() -> Path:
    """The regional map (GeoJSON, Natural Earth country outlines)."""
    return _as_path(_file(ASSETS_PACKAGE, "map", "region.geojson"), "the map (region.geojson)")


def rulebook_path() -> Path:
    """The rulebook, ``docs/rules.md`` in the repository (Markdown)."""
    return _as_path(_file(RULEBOOK_PACKAGE, "rules.md"), "the rulebook (rules.md)")


def rulebook_text() -> str:
    """The rulebook's Markdown text."""
    return rulebook_path().read_text(encoding="utf-8")


def map_attribution() -> str:
    """Where the map comes from (Natural Earth, public domain), as Markdown."""
    return _as_path(_file(ASSETS_PACKAGE, "map", "README.md"),
                    "the map credits (map/README.md)").read_text(encoding="utf-8")


def version() -> str:
    """The installed version, or ``"unknown"`` when run from a bare source tree."""
    try:
        return distribution(DISTRIBUTION).version
    except PackageNotFoundError:
        return "unknown"


def license_text() -> str:
    """The licence's full text: from the installed metadata (``licenses/LICENSE``), else the
    LICENSE file of the source tree this copy runs from."""
    try:
        text = distribution(DISTRIBUTION).read_text("licenses/LICENSE")
    except PackageNotFoundError:
        text = None
    source = Path(__file__).resolve().parents[1] / "LICENSE"
    if not text and source.is_file():
        text = source.read_text(encoding="utf-8")
    return text or f"{license_name()} licence (the LICENSE file is missing from this installation)."


def license_name() -> str:
    """The licence's SPDX expression from the installed metadata (``MIT``)."""
    try:
        meta = distribution(DISTRIBUTION).metadata
    except PackageNotFoundError:
        return "MIT"
    return str(meta["License-Expression"] or meta["License"] or "MIT")
