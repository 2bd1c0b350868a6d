"""Content of a save that does not make sense, caught at the command boundary.

:mod:`wargame.storage.record` parses what a save holds (JSON, numbers, seat and style names).
A save damaged on purpose or by accident can make that parsing raise plain Python errors
(``RecursionError`` for JSON nested 100,000 deep, ``TypeError`` for a text seed,
``ValueError`` for a garbage timestamp or an unknown seat...). :func:`save_content` turns
exactly those into one :class:`SaveError` naming the file, so every command prints one line and
exits with status 1, and the app shows a dialog instead of a traceback.
"""
from __future__ import annotations

import zlib
from contextlib import contextmanager
from typing import Iterator

from wargame.errors import WargameError
from wargame.storage.backend import damaged

CONTENT_ERRORS: tuple[type[BaseException], ...] = (
    RecursionError, ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
    ArithmeticError, zlib.error, UnicodeError)
"""What reading nonsense values out of a save can raise (parsing, conversion, lookups)."""

MAX_DETAIL = 160


def describe(err: BaseException) -> str:
    """A short, one-line description of what did not read."""
    if isinstance(err, RecursionError):
        return "its data is nested too deeply to be read"
    text = " ".join(str(err).split())
    if len(text) > MAX_DETAIL:
        text = text[:MAX_DETAIL] + "..."
    return f"a stored value does not make sense ({type(err).__name__}: {text})" if text else \
        f"a stored value does not make sense ({type(err).__name__})"


@contextmanager
def save_content(where: str) -> Iterator[None]:
    """Run a command on the save ``where``: nonsense content becomes a :class:`SaveError`."""
    try:
        yield
    except WargameError:
        raise
    except CONTENT_ERRORS as err:
        raise damaged(where, describe(err)) from None
