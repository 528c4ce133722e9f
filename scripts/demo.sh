#!/usr/bin/env bash
# The demo: builds and packages the extension, installs it into a real VS Code (code-server), wires it to a
# local moto_server seeded with demo Lambda functions, Fargate services, logs and metrics, and prints the URL.
#   bash scripts/demo.sh          start (or show the running one)
#   bash scripts/demo.sh stop     stop both servers
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
if [ "${1:-start}" = stop ]; then
  [ -f out/scripts/demo.js ] || { echo "The demo is not running."; exit 0; }
  exec node out/scripts/demo.js stop
fi
bash scripts/ensure-deps.sh
bash scripts/setup-vscode.sh
npm run --silent package >/dev/null
npm run --silent compile-tests
exec node out/scripts/demo.js "$@"
