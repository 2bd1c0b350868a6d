"""The debrief as PDF through Qt's printing (ui.report_pdf): `wargame report FILE -o OUT.pdf`."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from test_report_support import NOTE_LIVE, make_save  # noqa: E402

from wargame import Game, load_scenario  # noqa: E402
from wargame.bots import make_bots, play_bots  # noqa: E402
from wargame.cli import main  # noqa: E402
from wargame.storage import GameRecord  # noqa: E402

LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}


def page_count(data: bytes) -> int:
    """Pages of a PDF, counted from its page objects."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def pdf_text(path: Path) -> str:
    """The PDF's text via poppler's ``pdftotext`` (the caller skips if it is missing)."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    for lig, plain in LIGATURES.items():
        text = text.replace(lig, plain)
    return re.sub(r"[ \t]+", " ", text)


@pytest.fixture(scope="module")
def save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_save(tmp_path_factory.mktemp("pdf") / "seminar.wargame")


@pytest.fixture(scope="module")
def pdf(save: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdfout") / "debrief.pdf"
    assert main(["report", str(save), "-o", str(out), "--quiet"]) == 0
    return out


def test_pdf_is_a_multipage_pdf(pdf: Path) -> None:
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 60_000
    assert page_count(data) > 4
    assert b"Debrief: Seminar group B, week 6" in data or b"/Title" in data


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_pdf_text_has_the_report(pdf: Path, save: Path) -> None:
    text = pdf_text(pdf)
    with GameRecord.open(save, readonly=True) as record:
        game = record.load()
    for heading in ("At a glance", "1. The scenario", "3. Timeline of key decisions", "5. Crises",
                    "6. Indicators over time", "7. Scores", "9. Discussion questions",
                    "Track 1 — Signal versus capability", "Track 2 — Defence industry and finance",
                    "Track 3 — Deterrence as perception"):
        assert heading in text
    for crisis in game.state.crises:
        assert crisis.title in text
        assert (crisis.ruling or crisis.outcome).upper() in text
    for seat, score in game.scores().items():
        assert f"{score.total:.1f} points" in text
    assert NOTE_LIVE in text
    pages = page_count(pdf.read_bytes())
    assert f"Page {pages} of {pages}" in text and "Page 1 of" in text


def test_pdf_from_a_game_without_a_save(tmp_path: Path) -> None:
    from ui.report_pdf import write_pdf

    g = Game(load_scenario("pact-2026"), 11)
    play_bots(g, make_bots(11))
    out = write_pdf(g, tmp_path / "sub" / "g.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and page_count(data) > 4


def test_chart_images_rendered_by_qt(save: Path) -> None:
    from ui.report_pdf import chart_image, ensure_app
    from wargame.report import figures

    ensure_app()
    with GameRecord.open(save, readonly=True) as record:
        game = record.load()
    fig = figures(game)[0]
    image = chart_image(fig, scale=1.0)
    assert image.width() == 720 and image.height() > 200
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3)}
    assert "#009e73" in colours and "#d55e00" in colours


def test_write_report_api_for_records_and_pdf(save: Path, tmp_path: Path) -> None:
    from wargame.report import build_report_html, write_report

    with GameRecord.open(save, readonly=True) as record:
        page = build_report_html(record)
        assert "Aylin Demir" in page and NOTE_LIVE in page
    out = write_report(save, tmp_path / "api.pdf")
    assert out.read_bytes().startswith(b"%PDF")


def short_class_save(path: Path) -> Path:
    """Three quarters of a four-team class game with a parameter change (a short debrief)."""
    from wargame import actions as A
    from wargame.storage import SeatInfo, Session

    seats = [SeatInfo(s, "person", f"Team {s.title()}") for s in ("ankara", "riyadh", "islamabad", "washington")]
    session = Session.new(path, load_scenario("pact-2026"), 7, seats, title="Class session")
    try:
        bots = make_bots(7)
        session.apply(A.SetParameter("facilitator", name="honour_gain", value=6.0, reason="a faster lesson"))
        while session.game.turn < 4:
            session.apply(bots[session.game.acting_seats()[0]].choose(session.game))
    finally:
        session.close()
    return path


@pytest.mark.parametrize("kind", ["seminar", "short"])
def test_no_page_is_left_mostly_blank(kind: str, save: Path, tmp_path: Path) -> None:
    """Issue 15: page 2 of the PDF was three-quarters blank (forced breaks before sections and
    whole long sections moved to the next page)."""
    from PySide6.QtCore import QSizeF

    from ui.report_pdf import (
        DOC_WIDTH, a4_writer, build_document, ensure_app, keep_together, page_fill, text_page_height,
    )
    from wargame.report import load_source

    ensure_app()
    path = save if kind == "seminar" else short_class_save(tmp_path / "short.wargame")
    doc = build_document(load_source(path))
    page_h = text_page_height(a4_writer(tmp_path / "probe.pdf", "probe"))
    doc.setPageSize(QSizeF(DOC_WIDTH, page_h))
    keep_together(doc, page_h)
    fill = page_fill(doc, page_h)
    assert len(fill) > 4
    assert min(fill[:-1]) >= 0.55, [round(f, 2) for f in fill]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_student_pdf_has_no_facilitator_notes(save: Path, tmp_path: Path) -> None:
    out = tmp_path / "students.pdf"
    assert main(["report", str(save), "-o", str(out), "--audience", "students", "-q"]) == 0
    text = pdf_text(out)
    assert NOTE_LIVE not in text and "Facilitator notes" not in text
    assert "4. Facilitator interventions" in text and "student handout" in text
