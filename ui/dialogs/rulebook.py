"""Help → Rulebook: ``docs/rules.md`` rendered in the app, with a table of contents.

Other code links to a section with :func:`show_rulebook` (``show_rulebook(win, "10.4")`` opens
the rulebook at "10.4 Responses"). A section is named by its number (``"10.4"``), its title
(``"Responses"``), or its slug (``"10-4-responses"``). References such as "§12" in the text are
links to that section.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QSplitter, QTextBrowser, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

HEADING = re.compile(r"^(#{2,3})\s+(.*\S)\s*$")
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(.*)$")
SECTION_REF = re.compile(r"§\s?(\d+(?:\.\d+)?)")


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the rulebook: ``number`` ("10.4", or "" when unnumbered), ``title``
    ("Responses"), ``level`` (2 for a chapter, 3 for a section) and ``slug`` ("10-4-responses")."""

    number: str
    title: str
    level: int

    @property
    def heading(self) -> str:
        """The heading as printed: ``10.4 Responses`` (chapters keep their dot: ``10. Crises``)."""
        if not self.number:
            return self.title
        return f"{self.number}. {self.title}" if self.level == 2 else f"{self.number} {self.title}"

    @property
    def slug(self) -> str:
        """A stable anchor name: lower case, words joined by hyphens."""
        return re.sub(r"[^a-z0-9]+", "-", f"{self.number} {self.title}".lower()).strip("-")


def sections(markdown: str) -> list[Section]:
    """The chapters (``##``) and sections (``###``) of a Markdown text, in order (code blocks skipped)."""
    out: list[Section] = []
    fenced = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if fenced:
            continue
        match = HEADING.match(line)
        if not match:
            continue
        text = match.group(2).replace("*", "").replace("`", "")
        numbered = NUMBERED.match(text)
        number, title = (numbered.group(1), numbered.group(2)) if numbered else ("", text)
        out.append(Section(number, title.strip(), len(match.group(1))))
    return out


def find_section(found: list[Section], name: str) -> Section | None:
    """The section called ``name`` (number, title, heading or slug; case does not matter)."""
    key = name.strip().lstrip("§").strip().rstrip(".").lower()
    for section in found:
        if key in (section.number, section.title.lower(), section.heading.lower().rstrip("."), section.slug):
            return section
    return None


def linked(markdown: str) -> str:
    """The text with each "§10.4" made a link to that section (``#10.4``)."""
    return SECTION_REF.sub(lambda m: f"[§{m.group(1)}](#{m.group(1)})", markdown)


class RulebookDialog(QDialog):
    """The rulebook: contents on the left, the text on the right, a search box above."""

    def __init__(self, parent: QWidget | None = None, markdown: str | None = None) -> None:
        super().__init__(parent)
        if markdown is None:
            from wargame.resources import rulebook_text
            markdown = rulebook_text()
        self.setWindowTitle("Rulebook — Layered Deterrence")
        self.setObjectName("rulebook")
        self.resize(1180, 680)
        self.sections = sections(markdown)
        layout = QVBoxLayout(self)
        search_row = QHBoxLayout()
        search_row.addWidget(QLabel("Find in the rules:"))
        self.search = QLineEdit()
        self.search.setPlaceholderText("a word, e.g. accession — Enter finds the next")
        self.search.returnPressed.connect(self.find_next)
        search_row.addWidget(self.search, 1)
        layout.addLayout(search_row)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.toc = QTreeWidget()
        self.toc.setObjectName("rulebook_toc")
        self.toc.setHeaderHidden(True)
        self.toc.setMinimumWidth(250)
        chapter: QTreeWidgetItem | None = None
        for section in self.sections:
            parent_item = chapter if section.level == 3 and chapter is not None else self.toc
            item = QTreeWidgetItem(parent_item, [section.heading])
            item.setData(0, Qt.ItemDataRole.UserRole, section.slug)
            item.setToolTip(0, section.heading)
            if section.level == 2:
                chapter = item
        self.toc.itemActivated.connect(self._toc_clicked)
        self.toc.itemClicked.connect(self._toc_clicked)
        split.addWidget(self.toc)
        self.text = QTextBrowser()
        self.text.setObjectName("rulebook_text")
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._link)
        self.text.document().setDefaultStyleSheet("h2{color:#1a1a1a;} h3{color:#333333;} code{color:#5b2a86;}")
        self.text.setStyleSheet("QTextBrowser{font-size:15px;padding:6px 14px;background:white;}")
        self.text.setMarkdown(linked(markdown))
        split.addWidget(self.text)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 880])
        layout.addWidget(split, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._pending: Section | None = None

    # ------------------------------------------------------------------ navigation
    def go_to(self, name: str) -> bool:
        """Scroll so that section ``name`` is at the top; ``False`` if there is no such section."""
        section = find_section(self.sections, name)
        if section is None:
            return False
        block = self._block_of(section)
        if block is None:
            return False
        self._pending = section
        self._scroll_to(block)
        QTimer.singleShot(0, lambda: self._scroll_pending())  # again once the layout has its width
        self._select_toc(section)
        return True

    def current_section(self) -> Section | None:
        """The section whose heading is the last one at or above the top of the view."""
        top = self.text.verticalScrollBar().value() + 4
        layout = self.text.document().documentLayout()
        found = None
        block = self.text.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() in (2, 3):
                if layout.blockBoundingRect(block).top() > top:
                    break
                found = block
            block = block.next()
        return find_section(self.sections, self._section_text(found)) if found is not None else None

    def _section_text(self, block) -> str:
        text = block.text().strip()
        numbered = NUMBERED.match(text)
        return numbered.group(1) if numbered else text

    def _block_of(self, section: Section):
        block = self.text.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == section.level:
                if find_section([section], self._section_text(block)) is section:
                    return block
            block = block.next()
        return None

    def _scroll_to(self, block) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.text.setTextCursor(cursor)  # from the end, so the heading comes to the top
        self.text.setTextCursor(QTextCursor(block))
        self.text.ensureCursorVisible()
        top = self.text.document().documentLayout().blockBoundingRect(block).top()
        bar = self.text.verticalScrollBar()
        bar.setValue(min(bar.maximum(), int(top)))

    def _scroll_pending(self) -> None:
        if self._pending is not None:
            block = self._block_of(self._pending)
            if block is not None:
                self._scroll_to(block)

    def _select_toc(self, section: Section) -> None:
        for item in self._items(self.toc.invisibleRootItem()):
            if item.data(0, Qt.ItemDataRole.UserRole) == section.slug:
                self.toc.setCurrentItem(item)
                self.toc.scrollToItem(item)
                return

    def _items(self, root: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        out = []
        for i in range(root.childCount()):
            out.append(root.child(i))
            out.extend(self._items(root.child(i)))
        return out

    def _toc_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.go_to(str(item.data(0, Qt.ItemDataRole.UserRole)))

    def _link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.fragment():
            self.go_to(url.fragment())

    def find_next(self) -> bool:
        """Find the search box's text after the cursor (wrapping round); ``False`` if it is absent."""
        word = self.search.text().strip()
        if not word:
            return False
        if self.text.find(word):
            return True
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        return self.text.find(word)


_orphan: list[RulebookDialog] = []
"""The rulebook opened without a parent window (kept so it is not collected while open)."""


def show_rulebook(parent: QWidget | None = None, section: str | None = None) -> RulebookDialog:
    """Open the rulebook (one window per parent, kept open alongside the game) at ``section``
    (a number such as ``"10.4"``, a title or a slug; ``None``: where it was)."""
    found = parent.findChild(RulebookDialog, "rulebook") if parent is not None else (
        _orphan[0] if _orphan else None)
    dialog = found if isinstance(found, RulebookDialog) else RulebookDialog(parent)
    if parent is None and not _orphan:
        _orphan.append(dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    if section:
        dialog.go_to(section)
    return dialog
