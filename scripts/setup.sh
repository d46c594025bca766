#!/usr/bin/env bash
# Fresh-machine set-up for the tests: Debian's Chromium (the integration tests
# drive the VS Code web build in it) and the npm dependencies from the lockfile.
# .npmrc sets ignore-scripts, so no install step downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
npm ci --no-audit --no-fund
