"""The package list for setuptools (everything else is in pyproject.toml).

Every package under ``wargame/`` and ``ui/``, plus the two data packages that pyproject.toml maps
from the repository's folders: ``wargame_assets`` (``assets/``: scenarios, map, credits) and
``wargame_assets.rulebook`` (``docs/``: only ``rules.md`` is shipped).
"""
from setuptools import find_packages, setup

DATA_PACKAGES = ["ui.icons", "ui.translations", "wargame_assets", "wargame_assets.map", "wargame_assets.scenarios",
                 "wargame_assets.rulebook"]
"""Folders that hold only data (listed so setuptools does not warn that they look like packages)."""

setup(packages=find_packages(include=["wargame", "wargame.*", "ui", "ui.*"]) + DATA_PACKAGES)
