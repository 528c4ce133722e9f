#!/usr/bin/env bash
# Every test, on a fresh machine too: installs what is missing, checks types and lint, builds the .vsix,
# then runs the unit, integration (real VS Code extension host) and e2e (Chromium) suites.
# Ends with one "N passed, N failed" line; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
started=$(date +%s)
bash scripts/ensure-deps.sh
bash scripts/setup-vscode.sh
echo "[test] typecheck and lint"
npm run --silent typecheck
npm run --silent lint
echo "[test] package the .vsix, then a development build for the extension-host tests"
npm run --silent package >/dev/null
npm run --silent build
npm run --silent compile-tests
status=0
node out/test/support/testAll.js || status=$?
echo "[test] finished in $(( $(date +%s) - started )) s"
exit $status
