"""The translation pipeline of the app: extract texts, then compile the catalogues.

    python tools/i18n.py update    # pyside6-lupdate: ui/**/*.py -> i18n/wargame_<code>.ts
    python tools/i18n.py release   # pyside6-lrelease: i18n/*.ts -> ui/translations/wargame_<code>.qm
    python tools/i18n.py count     # how many texts lupdate finds (a check for the tests)

The ``.ts`` files are the translators' sources and live in the repository; the ``.qm`` files are
compiled from them and shipped as package data of ``ui`` (``ui/translations/``). Run ``update`` after
changing texts in ``ui/``, translate (Qt Linguist: ``pyside6-linguist i18n/wargame_ar.ts``, or
any editor), then ``release``. The glossary of the game's terms is ``docs/glossary.md``.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "i18n"
COMPILED = ROOT / "ui" / "translations"
LANGS = ("ar", "tr", "ur")
"""The languages with a catalogue (English is the source language)."""


def _tool(name: str) -> str:
    """The path of a Qt Linguist tool shipped with PySide6 (beside this Python first)."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"error: {name} not found; install PySide6 (pip install -e '.[test]')")
    return found


def source_files() -> list[Path]:
    """The Python files of the app whose texts are extracted."""
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def update(langs: tuple[str, ...] = LANGS, target: Path = SOURCES,
           files: list[Path] | None = None) -> list[Path]:
    """Extract every ``tr()``/``translate()`` text of ``files`` (default: all of ``ui/``) into
    one ``.ts`` per language, keeping the translations already made (texts no longer in the code
    are dropped)."""
    target.mkdir(parents=True, exist_ok=True)
    out = [target / f"wargame_{code}.ts" for code in langs]
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(str(p) for p in (files or source_files())))
    try:
        for code, ts in zip(langs, out):
            subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                            "-target-language", code, f"@{lst.name}", "-ts", str(ts)], check=True)
    finally:
        Path(lst.name).unlink()
    return out


def release(source: Path = SOURCES, target: Path = COMPILED) -> list[Path]:
    """Compile each ``.ts`` in ``source`` into a ``.qm`` in ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    out = []
    for ts in sorted(source.glob("wargame_*.ts")):
        qm = target / (ts.stem + ".qm")
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def count_texts() -> int:
    """How many distinct source texts lupdate extracts from ``ui/`` today."""
    with tempfile.TemporaryDirectory() as tmp:
        ts = update(("ar",), Path(tmp))[0]
        return len(re.findall(r"<source>", ts.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    """Command line of the pipeline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("update", "release", "count"))
    args = parser.parse_args(argv)
    if args.step == "update":
        for path in update():
            print(path.relative_to(ROOT))
    elif args.step == "release":
        for path in release():
            print(path.relative_to(ROOT))
    else:
        print(count_texts())
    return 0


if __name__ == "__main__":
    sys.exit(main())
