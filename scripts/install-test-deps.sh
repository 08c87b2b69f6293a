#!/usr/bin/env bash
# Installs what the test suite needs beyond Maven: a real redis-server to compare replies against, and
# Debian's chromium + chromium-driver for the dkv serve browser tests (Selenium uses /usr/bin/chromedriver;
# nothing is downloaded at test time). Idempotent; needs root (or sudo) only when something is missing.
set -euo pipefail
missing=()
{ command -v redis-server && command -v redis-cli; } >/dev/null 2>&1 || missing+=(redis-server redis-tools)
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || missing+=(chromium chromium-driver)
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "install-test-deps: installing ${missing[*]} (Debian packages)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
