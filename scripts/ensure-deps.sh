#!/usr/bin/env bash
# Checks Node.js and moto, and installs the npm dependencies when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v node >/dev/null 2>&1 || { echo "Node.js 20 or later is needed: https://nodejs.org" >&2; exit 1; }
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || { echo "Node.js 20 or later is needed; this is $(node --version)." >&2; exit 1; }
python="${SE_PYTHON:-python3}"
if ! "$python" -c 'import moto' >/dev/null 2>&1; then
  echo "The tests and the demo need moto, the local AWS emulator, for $python, which does not have it." >&2
  echo "Install it with: $python -m pip install 'moto[server]'   (or set SE_PYTHON to an interpreter that has it)" >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
