#!/usr/bin/env bash
# Build the double-clickable app with PyInstaller (packaging/wargame.spec) from the wheel that
# tools/smoke_install.sh installed, then run it outside the repository: scenarios, play,
# report (HTML and PDF), a sweep in worker processes, gui --screenshot (offscreen).
# Prints how long the build took and the bundle's size.
# Usage: bash tools/smoke_bundle.sh WORKDIR   (the folder tools/smoke_install.sh used)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${1:?usage: bash tools/smoke_bundle.sh WORKDIR (after tools/smoke_install.sh WORKDIR)}"
[ -x "$WORK/venv/bin/python" ] || bash "$REPO/tools/smoke_install.sh" "$WORK"
PYINSTALLER_VERSION="${PYINSTALLER_VERSION:-6.22.3}"
echo "== PyInstaller bundle in $WORK/bundle"
start=$SECONDS
"$WORK/venv/bin/python" -m pip install --quiet "pyinstaller==${PYINSTALLER_VERSION}"
mkdir -p "$WORK/bundle"
cd "$WORK/bundle"
"$WORK/venv/bin/pyinstaller" --noconfirm --log-level ERROR --distpath dist --workpath build \
  "$REPO/packaging/wargame.spec"
APP="$WORK/bundle/dist/LayeredDeterrence/LayeredDeterrence"
echo "bundle built in $((SECONDS - start)) s, $(du -sh dist/LayeredDeterrence | cut -f1)"

rm -rf run && mkdir -p run && cd run
export QT_QPA_PLATFORM=offscreen WARGAME_SAVES_DIR="$PWD/saves"
"$APP" --version
"$APP" scenarios | grep -q "^pact-2026"
"$APP" play --seed 1 --bots all --quiet | tail -n 1
"$APP" play --seed 1 --bots all --quiet --save "$PWD/game.wargame" >/dev/null
"$APP" report "$PWD/game.wargame" -o "$PWD/debrief.html"
test -s debrief.html
"$APP" report "$PWD/game.wargame" -o "$PWD/debrief.pdf"  # Qt printing inside the bundle
test -s debrief.pdf
# worker processes re-enter the bundle's program (multiprocessing.freeze_support in the launcher)
"$APP" simulate --games 4 --seed 1 --workers 2 --json "$PWD/sweep.json" >/dev/null
test -s sweep.json
"$APP" gui --screenshot "$PWD/shot.png"
"$WORK/venv/bin/python" -c "from PySide6.QtGui import QImage; i = QImage('shot.png'); assert (i.width(), i.height()) == (1600, 900), i.size()"
echo "== bundle smoke test passed in $((SECONDS - start)) s"
