#!/usr/bin/env bash
# Set up (tools/setup.sh) and run the whole test suite offscreen.
# PostgreSQL storage tests run when WARGAME_TEST_PG_URL is set (.ci/run starts a server and sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/lint-imports
.venv/bin/python -m pytest "$@"
