#!/usr/bin/env bash
# Build the sdist and the wheel (the wheel from the sdist), check that they carry the data,
# install the wheel into a fresh virtual environment OUTSIDE the repository and run the
# commands a new user runs first: scenarios, play, report, gui --screenshot (offscreen).
# Usage: bash tools/smoke_install.sh [WORKDIR]   (default: a new folder under /tmp)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-python3}"
WORK="${1:-$(mktemp -d /tmp/wargame-smoke.XXXXXX)}"
mkdir -p "$WORK"
echo "== smoke install in $WORK"
start=$SECONDS

"$PY" -m venv "$WORK/build-env"
"$WORK/build-env/bin/python" -m pip install --quiet --upgrade pip build
"$WORK/build-env/bin/python" -m build --outdir "$WORK/dist" "$REPO" >"$WORK/build.log" 2>&1 \
  || { tail -n 40 "$WORK/build.log"; exit 1; }
WHEEL="$(ls "$WORK"/dist/*.whl)"
SDIST="$(ls "$WORK"/dist/*.tar.gz)"
"$PY" - "$WHEEL" "$SDIST" <<'EOF'
"""The wheel and the sdist carry the scenarios, the map, the rulebook, the licence and credits."""
import sys
import tarfile
import zipfile

wheel, sdist = sys.argv[1], sys.argv[2]
names = zipfile.ZipFile(wheel).namelist()
need = ["wargame_assets/scenarios/pact-2026.toml", "wargame_assets/scenarios/us-recommits-2026.toml",
        "wargame_assets/map/region.geojson", "wargame_assets/map/README.md",
        "wargame_assets/rulebook/rules.md", "ui/icons/wargame.png", "wargame/py.typed"]
missing = [n for n in need if n not in names]
if not any(n.endswith(".dist-info/licenses/LICENSE") for n in names):
    missing.append("*.dist-info/licenses/LICENSE")
stray = [n for n in names if n.startswith(("tests/", "bench/", "tools/", "wargame_assets/rulebook/screenshot"))]
sd = [n.split("/", 1)[1] for n in tarfile.open(sdist).getnames() if "/" in n]
missing += [f"sdist:{n}" for n in ("LICENSE", "assets/scenarios/pact-2026.toml",
                                   "assets/map/region.geojson", "docs/rules.md") if n not in sd]
if missing or stray:
    sys.exit(f"error: packaging: missing {missing}, unexpected {stray}")
print(f"wheel and sdist carry the data ({len(names)} files in the wheel)")
EOF

"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet --upgrade pip
"$WORK/venv/bin/python" -m pip install --quiet "$WHEEL"
echo "built and installed in $((SECONDS - start)) s"

rm -rf "$WORK/run" && mkdir -p "$WORK/run"
cd "$WORK/run"  # outside the repository: nothing may be found through the source tree
export QT_QPA_PLATFORM=offscreen
BIN="$WORK/venv/bin"
"$BIN/python" - <<'EOF'
import ui, wargame, wargame_assets
for mod in (ui, wargame, wargame_assets):
    assert "site-packages" in mod.__file__, f"{mod.__name__} imported from {mod.__file__}"
EOF
"$BIN/wargame" --version
"$BIN/wargame" scenarios | tee scenarios.txt
grep -q "^pact-2026" scenarios.txt
"$BIN/wargame" play --seed 1 --bots all --quiet
"$BIN/wargame" play --seed 1 --bots all --quiet --save "$PWD/game.wargame" >/dev/null
"$BIN/wargame" report "$PWD/game.wargame" -o debrief.html
test -s debrief.html
"$BIN/wargame" gui --screenshot shot.png
"$BIN/python" -c "from PySide6.QtGui import QImage; i = QImage('shot.png'); assert (i.width(), i.height()) == (1600, 900), i.size()"
echo "== smoke install passed in $((SECONDS - start)) s"
