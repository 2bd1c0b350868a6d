"""The app's log: a rotating file under the platform's user log folder (platformdirs).

Windows: ``%LOCALAPPDATA%\\LayeredDeterrence\\Logs``; macOS: ``~/Library/Logs/LayeredDeterrence``;
Linux: ``~/.local/state/LayeredDeterrence/log``. ``$WARGAME_LOG_DIR`` overrides it (tests).
The command-line tools keep their one-line errors; only the app writes this log.
"""
from __future__ import annotations

import logging
import os
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from wargame import resources

APP_DIR_NAME = "LayeredDeterrence"
LOG_FILE = "wargame.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
LOG_ENV = "WARGAME_LOG_DIR"

log = logging.getLogger("wargame.app")


def log_dir() -> Path:
    """The folder of the app's log files."""
    env = os.environ.get(LOG_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_log_path
    return user_log_path(APP_DIR_NAME, appauthor=False)


def log_path() -> Path:
    """The current log file."""
    return log_dir() / LOG_FILE


def setup_logging() -> Path | None:
    """Log INFO and above to the rotating file (once per process); returns its path, or None
    when the folder cannot be written (the app still runs, and says so on stderr)."""
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "wargame_log", False):
            return Path(handler.baseFilename)  # type: ignore[attr-defined]
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as err:
        print(f"warning: cannot write the log file {path}: {err.strerror}", file=sys.stderr)
        return None
    handler.wargame_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    log.info("Layered Deterrence %s started (Python %s, %s)", resources.version(),
             platform.python_version(), platform.platform())
    return path
