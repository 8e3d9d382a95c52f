#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine of this kind.
# Idempotent: does nothing when everything is already there.
set -euo pipefail
need=()
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}"
fi
