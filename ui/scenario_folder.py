"""A teacher's own scenario folder in the app: a remembered setting and a welcome-screen button.

The folder (setting ``scenarios/dir``) is searched before the built-in scenarios, like the
command line's ``--scenarios-dir`` (which comes first when both are given).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QPushButton, QWidget

from ui import settings
from wargame.errors import ScenarioError
from wargame.scenario import list_scenarios, scenario_dirs, use_scenario_dirs

SETTING = "scenarios/dir"


def saved_folder() -> Path | None:
    """The remembered folder of one's own scenarios, if it still exists."""
    value = settings.get(SETTING, "")
    path = Path(str(value)).expanduser() if value else None
    return path if path is not None and path.is_dir() else None


def apply_saved_folder() -> None:
    """Add the remembered folder to the scenario search (after folders given on the command line)."""
    folder = saved_folder()
    if folder is None:
        return
    builtin = scenario_dirs()[-1]
    own = [d for d in scenario_dirs() if d != builtin and d.resolve() != folder.resolve()]
    use_scenario_dirs([*own, folder])


def choose_folder(parent: QWidget | None = None, folder: str | None = None) -> Path | None:
    """Ask for a folder of one's own scenarios (or take ``folder``), remember and use it."""
    chosen = folder if folder is not None else QFileDialog.getExistingDirectory(
        parent, "Folder of your own scenarios (.toml files)", str(saved_folder() or Path.home()))
    if not chosen:
        return None
    try:
        use_scenario_dirs([Path(chosen)])
    except ScenarioError:
        return None
    settings.put(SETTING, str(Path(chosen)))
    return Path(chosen)


def fill_scenarios(combo: QComboBox) -> None:
    """(Re)list every scenario found in ``combo``, keeping the current choice if it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for sid, title in list_scenarios():
        combo.addItem(f"{title} ({sid})", sid)
    combo.blockSignals(False)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.currentIndexChanged.emit(combo.currentIndex())


def scenario_row(combo: QComboBox, parent: QWidget | None = None) -> QHBoxLayout:
    """``combo`` with a "Your scenarios…" button that picks one's folder and relists."""
    row = QHBoxLayout()
    row.addWidget(combo, 1)
    button = QPushButton("Your scenarios…")
    button.setToolTip("Choose a folder of your own scenario files (.toml); they are listed first "
                      "and may extend a built-in scenario (extends = \"pact-2026\")")
    button.setAccessibleName("Choose a folder of your own scenarios")

    def pick() -> None:
        if choose_folder(parent) is not None:
            fill_scenarios(combo)
    button.clicked.connect(pick)
    row.addWidget(button)
    return row
