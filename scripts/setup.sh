#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine of this kind, by
# running every scripts/setup-*.sh (PostgreSQL, Chromium, ...). Each of
# them is idempotent: it does nothing when its tool is already there.
set -euo pipefail
dir=$(dirname "$0")
for s in "$dir"/setup-*.sh; do
  [ -e "$s" ] || continue
  echo "== $(basename "$s")"
  bash "$s"
done
