"""The welcome screen: start a new game, open a saved one, recent games, and how to play."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from ui import settings
from ui.main_menus import HOW_TO_PLAY
from ui.scenario_folder import scenario_row
from ui.theme import SEAT_COLORS
from wargame.bots import STYLES
from wargame.scenario import list_scenarios
from wargame.types import SEAT_NAMES, SEATS

TEAM_MAX = 200
"""Longest team / students text a save holds."""
DEFAULT_PLAYERS = {"ankara": "computer", "riyadh": "person", "islamabad": "computer", "washington": "computer"}
"""A person alone plays Riyadh (the seat the tutorial teaches); the computer plays the others."""


class WelcomeScreen(QWidget):
    """New game (scenario, who plays each seat, computer style, seed), open, recent games.

    Signals:
        newGame(str, int, list): scenario id, seed and the seats (``wargame.storage.SeatInfo``).
        openGame(str): a save file to open.
    """

    newGame = Signal(str, int, list)
    openGame = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Layered Deterrence")
        self.setObjectName("welcome")
        self.resize(1100, 680)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 20)
        title = QLabel("<span style='font-size:30px;font-weight:bold'>Layered Deterrence</span><br>"
                       "<span style='font-size:15px;color:#5C636E'>The Saudi–Pakistani defence pact, "
                       "Turkey at the door, and Washington watching: sign, finance and test commitments.</span>")
        title.setWordWrap(True)
        outer.addWidget(title)
        row = QHBoxLayout()
        row.setSpacing(18)
        outer.addLayout(row, 1)
        row.addWidget(self._new_game_box(), 3)
        side = QVBoxLayout()
        row.addLayout(side, 2)
        side.addWidget(self._open_box(), 1)
        how = QLabel(HOW_TO_PLAY)
        how.setWordWrap(True)
        how.setFrameShape(QFrame.Shape.StyledPanel)
        how.setStyleSheet("QLabel{background:white;padding:10px;}")
        how.setAlignment(Qt.AlignmentFlag.AlignTop)
        side.addWidget(how, 2)

    # ------------------------------------------------------------------ new game
    def _new_game_box(self) -> QGroupBox:
        box = QGroupBox("New game")
        form = QFormLayout(box)
        self.scenario = QComboBox()
        for sid, title in list_scenarios():
            self.scenario.addItem(f"{title} ({sid})", sid)
        self._select(self.scenario, settings.get("new/scenario", "pact-2026"))
        form.addRow("Scenario", scenario_row(self.scenario, self))  # with "Your scenarios…"
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color:#3C4043;")
        form.addRow(self.summary)
        self.scenario.currentIndexChanged.connect(self._show_summary)
        self._show_summary()
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>Seat</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Played by</b>"), 0, 1)
        grid.addWidget(QLabel("<b>Computer style</b>"), 0, 2)
        grid.addWidget(QLabel("<b>Team / students</b>"), 0, 3)
        self.players: dict[str, QComboBox] = {}
        self.styles: dict[str, QComboBox] = {}
        self.teams: dict[str, QLineEdit] = {}  # team and student names: in the save, the report, the hand-over
        for i, seat in enumerate(SEATS, start=1):
            name = QLabel(f"<span style='color:{SEAT_COLORS[seat]};font-size:18px'>■</span> {SEAT_NAMES[seat]}")
            player = QComboBox()
            player.setObjectName(f"player_{seat}")
            player.addItem("A person", "person")
            player.addItem("The computer", "computer")
            self._select(player, settings.get(f"new/player/{seat}", DEFAULT_PLAYERS[seat]))
            style = QComboBox()
            style.setObjectName(f"style_{seat}")
            style.setStyleSheet("QComboBox:disabled{color:#A5ABB3;}")
            for s in STYLES:
                style.addItem(s.capitalize(), s)
            self._select(style, settings.get(f"new/style/{seat}", "balanced"))
            player.currentIndexChanged.connect(lambda _=0, p=player, s=style: s.setEnabled(p.currentData() == "computer"))
            style.setEnabled(player.currentData() == "computer")
            grid.addWidget(name, i, 0)
            grid.addWidget(player, i, 1)
            grid.addWidget(style, i, 2)
            grid.addWidget(self._team_field(seat, player), i, 3)
            self.players[seat], self.styles[seat] = player, style
        form.addRow(grid)
        from wargame.players import DEFAULT_LEVEL, LEVELS
        self.level = QComboBox()
        self.level.setObjectName("level")
        for lv in LEVELS:
            self.level.addItem(lv.label, lv.id)
            self.level.setItemData(self.level.count() - 1, lv.description, Qt.ItemDataRole.ToolTipRole)
        self._select(self.level, settings.get("new/level", DEFAULT_LEVEL))
        self.level_note = QLabel()
        self.level_note.setWordWrap(True)
        self.level_note.setStyleSheet("color:#5C636E;")
        self.level.currentIndexChanged.connect(
            lambda _=0: self.level_note.setText(self.level.currentData(Qt.ItemDataRole.ToolTipRole) or ""))
        self.level_note.setText(self.level.currentData(Qt.ItemDataRole.ToolTipRole) or "")
        form.addRow("Difficulty", self.level)
        form.addRow(self.level_note)
        self.seed = QSpinBox()
        self.seed.setRange(0, 999_999)
        self.seed.setValue(int(settings.get("new/seed", 7) or 7))
        self.seed.setToolTip("The same seed and the same moves give the same game.")
        form.addRow("Seed", self.seed)
        from ui.facilitator.pin import pin_field
        self.facilitator_pin = pin_field()  # optional: protects facilitator mode in this game
        form.addRow("Facilitator PIN", self.facilitator_pin)
        note = QLabel("Several people can share this computer: a hand-over screen hides each seat's "
                      "secrets. The game is saved after every move.")
        note.setWordWrap(True)
        note.setStyleSheet("color:#5C636E;")
        form.addRow(note)
        self.start = QPushButton("Start the game")
        self.start.setObjectName("start")
        self.start.setDefault(True)
        self.start.setStyleSheet("font-size:16px;font-weight:bold;padding:8px 24px;")
        self.start.clicked.connect(self._start)
        self.tutorial = QPushButton("New to the game? Play the guided first quarter as Riyadh")
        self.tutorial.setObjectName("tutorial")
        self.tutorial.setToolTip("A short tutorial game: a deal, an investment and a crisis in the first "
                                 "quarter, with an adviser linked to the rulebook. The computer plays the "
                                 "other seats.")
        self.tutorial.clicked.connect(self._start_tutorial)
        starts = QHBoxLayout()
        starts.addWidget(self.start)
        starts.addWidget(self.tutorial)
        starts.addStretch(1)
        form.addRow(starts)
        return box

    def _start_tutorial(self) -> None:
        """Start the tutorial scenario: Riyadh a person, the others the balanced computer player
        (the choices on the form are left as they are, for the next real game)."""
        from ui.tutorial import SCENARIO, SEAT
        from wargame.storage import SeatInfo
        seats = [SeatInfo(seat, "person" if seat == SEAT else "computer", SEAT_NAMES[seat], "balanced")
                 for seat in SEATS]
        self.newGame.emit(SCENARIO, self.seed.value(), seats)

    def _show_summary(self, *_: object) -> None:
        from wargame.errors import ScenarioError
        from wargame.scenario import load_scenario
        try:
            meta = load_scenario(self.scenario.currentData()).meta
        except ScenarioError as err:
            self.summary.setText(f"<span style='color:#8A1C1C'>{err}</span>")
            self.start.setEnabled(False) if hasattr(self, "start") else None
            return
        self.summary.setText(f"{meta.summary}<br><span style='color:#5C636E'>{meta.turns} quarters from "
                             f"{meta.start_year}-Q{meta.start_quarter}.</span>")
        if hasattr(self, "start"):
            self.start.setEnabled(True)

    def _team_field(self, seat: str, player: QComboBox) -> QLineEdit:
        team = QLineEdit()
        team.setObjectName(f"team_{seat}")
        team.setMaxLength(TEAM_MAX)
        team.setToolTip(f"Who plays {SEAT_NAMES[seat]}: a team name and the students' names (optional). "
                        "It is saved with the game, named on the hand-over screen and in the debrief report.")
        def follow(*_: object) -> None:
            person = player.currentData() == "person"
            team.setEnabled(person)
            team.setPlaceholderText("e.g. Falcons: Aylin, Bora" if person else "the computer plays")
        follow()
        player.currentIndexChanged.connect(follow)
        self.teams[seat] = team
        return team

    def team_name(self, seat: str) -> str:
        """The team and students entered for a person's seat ("" for none or a computer seat)."""
        if self.players[seat].currentData() != "person":
            return ""
        return " ".join(self.teams[seat].text().split())

    def seats(self) -> list[Any]:
        """The seat choices as ``wargame.storage.SeatInfo`` (``name``: the team and students, else
        the seat's name)."""
        from wargame.storage import SeatInfo
        return [SeatInfo(seat, self.players[seat].currentData(), self.team_name(seat) or SEAT_NAMES[seat],
                         self.styles[seat].currentData()) for seat in SEATS]

    def levels(self, seats: list[Any] | None = None) -> dict[str, str]:
        """The difficulty level (``wargame.players`` id) of each seat the computer plays (in
        ``seats``, the ``SeatInfo`` list a new game was started with; else as on the form)."""
        computer = [s.seat for s in (seats if seats is not None else self.seats()) if s.player == "computer"]
        return {seat: self.level.currentData() for seat in computer}

    def set_player(self, seat: str, player: str, style: str = "balanced") -> None:
        """Choose who plays a seat (for scripting and tests)."""
        self._select(self.players[seat], player)
        self._select(self.styles[seat], style)

    def preset(self, scenario: str | None, seed: int | None) -> None:
        """Preselect a scenario and a seed (from the command line)."""
        if scenario:
            self._select(self.scenario, scenario)
        if seed is not None:
            self.seed.setValue(seed)

    def _start(self) -> None:
        scenario = self.scenario.currentData()
        settings.put("new/scenario", scenario)
        settings.put("new/seed", self.seed.value())
        settings.put("new/level", self.level.currentData())
        for seat in SEATS:
            settings.put(f"new/player/{seat}", self.players[seat].currentData())
            settings.put(f"new/style/{seat}", self.styles[seat].currentData())
        from ui.facilitator.pin import remember_new_game_pin
        remember_new_game_pin(self.facilitator_pin.text().strip(), scenario, self.seed.value())
        self.newGame.emit(scenario, self.seed.value(), self.seats())

    # ------------------------------------------------------------------ open
    def _open_box(self) -> QGroupBox:
        box = QGroupBox("Continue a game")
        layout = QVBoxLayout(box)
        self.recent = QListWidget()
        self.recent.setObjectName("recent")
        self.recent.itemActivated.connect(lambda item: self.openGame.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.refresh_recent()
        layout.addWidget(self.recent, 1)
        buttons = QHBoxLayout()
        self.open_recent = QPushButton("Open selected")
        self.open_recent.clicked.connect(self._open_selected)
        self.open_file = QPushButton("Open saved game…")
        self.open_file.setObjectName("open_file")
        self.open_file.clicked.connect(self._browse)
        buttons.addWidget(self.open_recent)
        buttons.addWidget(self.open_file)
        from ui.replay.hooks import add_welcome_button
        self.replay_file = add_welcome_button(self, buttons)
        layout.addLayout(buttons)
        return box

    def refresh_recent(self) -> None:
        """List the recent games (newest first)."""
        self.recent.clear()
        files = settings.recent_files()
        for path in files:
            item = QListWidgetItem(path.rsplit("/", 1)[-1])
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        if not files:
            item = QListWidgetItem("No recent games yet: start one on the left.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)
        else:
            self.recent.setCurrentRow(0)

    def _open_selected(self) -> None:
        item = self.recent.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.openGame.emit(item.data(Qt.ItemDataRole.UserRole))

    def _browse(self) -> None:
        from wargame.storage import default_saves_dir
        path, _ = QFileDialog.getOpenFileName(self, "Open a saved game", str(default_saves_dir()),
                                              "Saved games (*.wargame);;All files (*)")
        if path:
            self.openGame.emit(path)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        for i in range(combo.count()):
            if combo.itemData(i) == value:
                combo.setCurrentIndex(i)
                return
