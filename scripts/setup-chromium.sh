#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests of package server
# (go test ./server/ -run Browser). Idempotent: does nothing when a
# chromium binary is already on PATH. Called from scripts/setup.sh.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
sudo=""
if [ "$(id -u)" != "0" ]; then
  sudo="sudo"
fi
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
