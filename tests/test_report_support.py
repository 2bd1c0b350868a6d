"""Shared helpers of the report tests: a real save file with a ruling, notes and a bookmark."""
from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wargame import actions as A  # noqa: E402
from wargame import load_scenario  # noqa: E402
from wargame.bots import make_bots  # noqa: E402

SEED = 7
RATIONALE = "Partners' aid arrived too late"
NOTE_LIVE = "Ask Riyadh why it stayed material-only"
NOTE_AFTER = "Debrief: compare the bluff gaps"
BOOKMARK = "After the first crisis"
PARAM_REASON = "Partners learn faster from a delivered promise in this seminar"
EVENT_TITLE = "Oil price slump"


def make_save(path: Path) -> Path:
    """Play ``pact-2026`` seed 7 with computer players into a save file, with a facilitator
    ruling on the first crisis, a parameter change with its reason, an injected world event,
    a live note, a note added afterwards and a bookmark; people at two seats, with team names."""
    from wargame.storage import SeatInfo, Session

    seats = [SeatInfo("ankara", "person", "Team Anatolia: Aylin Demir, Bora Kaya", "balanced"),
             SeatInfo("riyadh", "computer", "Computer (cautious)", "cautious"),
             SeatInfo("islamabad", "computer", "Computer (balanced)", "balanced"),
             SeatInfo("washington", "person", "Washington", "balanced")]
    session = Session.new(path, load_scenario("pact-2026"), SEED, seats, title="Seminar group B, week 6")
    try:
        bots = make_bots(SEED)
        while not session.game.state.crises and not session.game.over:
            session.apply(bots[session.game.acting_seats()[0]].choose(session.game))
        crisis = session.game.state.crises[0]
        new = "damaging" if crisis.outcome != "damaging" else "contained"
        session.apply(A.Ruling("facilitator", crisis=crisis.id, outcome=new, rationale=RATIONALE))
        session.apply(A.SetParameter("facilitator", name="honour_gain", value=6.0, reason=PARAM_REASON))
        session.apply(A.InjectEvent("facilitator", title=EVENT_TITLE, text="Brent falls below $60.",
                                    target="riyadh", terms=(("budget", -300),)))
        session.apply(A.Note("facilitator", text=NOTE_LIVE))
        session.record.add_bookmark(len(session.game.actions), BOOKMARK, "discuss the ruling")
        session.play_bots(bots)
        session.record.add_note(len(session.game.actions), NOTE_AFTER)
    finally:
        session.close()
    return path


class _Collector(HTMLParser):
    """Collects the text of h1–h3 headings and list items, and checks tags are balanced."""

    VOID = {"meta", "br", "img", "hr", "link", "input", "col"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.headings: list[str] = []
        self.items: list[str] = []
        self.errors: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if tag in ("h1", "h2", "h3", "li"):
            self._text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()
        if tag in ("h1", "h2", "h3", "li") and self._text is not None:
            text = re.sub(r"\s+", " ", "".join(self._text)).strip()
            (self.items if tag == "li" else self.headings).append(text)
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def parse_html(html: str) -> _Collector:
    """Parse the report's HTML; the collector has ``headings``, ``items`` and ``errors``."""
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser
