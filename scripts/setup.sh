#!/usr/bin/env bash
# Everything a fresh Debian/Ubuntu machine needs before `npm start` or `npm test`, installed
# only when missing: Chromium (driven by the UI tests), ripgrep (code-server's install looks
# for it), the Kerberos headers and a compiler (code-server's native modules), git; then the
# npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v git >/dev/null 2>&1 || missing+=(git)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm runs the root `preinstall` only after the dependencies' install scripts, so code-server's
# ripgrep postinstall (which would download rg from GitHub) must find Debian's rg cached first.
node scripts/prepareRipgrep.js
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # As root, code-server's install scripts need unsafe-perm and node-pty's needs yes (.npmrc
  # says so too); playwright-core must never download a browser of its own.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_config_unsafe_perm=true npm_config_yes=true \
    npm ci --no-audit --no-fund
fi
