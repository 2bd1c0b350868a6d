"""The ``wargame gui`` command's clear messages when no window can be opened."""
from __future__ import annotations

import ctypes.util
import sys

import pytest

from wargame.cli import main


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 checks are Linux-only")
def test_no_display_gives_a_clear_message(monkeypatch, capsys):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "no display found" in err and "--screenshot" in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 checks are Linux-only")
def test_missing_x11_libraries_are_named_with_the_install_command(monkeypatch, capsys):
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else f"lib{name}.so")
    assert main(["gui"]) == 2
    err = capsys.readouterr().err
    assert "libxcb-cursor0" in err and "sudo apt-get install libxcb-cursor0" in err
