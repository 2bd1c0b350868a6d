#!/usr/bin/env bash
# Create .venv and install Layered Deterrence with its test extras (idempotent).
# Usage: bash tools/setup.sh [--app-only]
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  found="$("$PY" --version 2>/dev/null | head -n 1 || true)"
  echo "error: Layered Deterrence needs Python 3.11 or newer; '$PY' is ${found:-not a Python found on PATH}" \
       "(choose another with PYTHON=python3.12 bash tools/setup.sh)" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "${1:-}" = "--app-only" ]; then
  .venv/bin/python -m pip install --quiet -e .
else
  .venv/bin/python -m pip install --quiet -e ".[test]"
fi
