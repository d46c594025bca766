#!/usr/bin/env bash
# Fresh-machine set-up for the tests: Debian's Chromium (the integration tests
# drive the VS Code web build in it), a Japanese font, and the npm dependencies
# from the lockfile.
# .npmrc sets ignore-scripts, so no install step downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
# A Japanese font too, so screenshots of Japanese keys are legible (the tests do not need it).
PKGS=""
command -v chromium >/dev/null 2>&1 || PKGS="$PKGS chromium"
[ -d /usr/share/fonts/opentype/ipafont-gothic ] || PKGS="$PKGS fonts-ipafont-gothic"
if [ -n "$PKGS" ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PKGS >/dev/null
fi
npm ci --no-audit --no-fund
