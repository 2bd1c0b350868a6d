"""Writing output files (reports, briefs, JSON) so that a failure never leaves a torn file.

Every output is written to a temporary file beside its target and moved onto the target only once
it is whole. A full disk or a write error then leaves the target as it was (absent, or the
previous version) and raises ``OSError``. No 0-byte or truncated file is left behind to claim
success.
"""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

PDF_TRAILER = b"%%EOF"


@contextmanager
def replaced_on_success(out: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``out``. If the block succeeds, the file at that path is
    moved onto ``out``; if it fails, the file is removed and ``out`` is left untouched."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=out.suffix or ".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def write_text_whole(out: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``out`` through a temporary file; returns ``out``."""
    with replaced_on_success(out) as tmp:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
    return out


def check_pdf_whole(path: Path) -> None:
    """Raise ``OSError`` unless ``path`` is a complete PDF (it ends with the ``%%EOF`` trailer).

    A PDF writer that fills the disk may stop short without reporting it, so the file itself is
    checked.
    """
    size = path.stat().st_size
    with open(path, "rb") as fh:
        fh.seek(max(0, size - 1024))
        tail = fh.read()
    if size == 0 or PDF_TRAILER not in tail:
        raise OSError(errno.ENOSPC, "the PDF came out incomplete (is the disk full?); free some space "
                      "or choose another place")
