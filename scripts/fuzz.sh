#!/usr/bin/env bash
# Fuzz campaign: runs every fuzz target in the module for FUZZTIME each
# (default 30s), one after another. A failure keeps its input under the
# package's testdata/fuzz/ (commit it: it becomes a regression seed that
# `go test` runs from then on) and ends the script with status 1.
# ./scripts/fuzz.sh [TARGET_REGEXP]   e.g. ./scripts/fuzz.sh 'Segment|Search'
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime=${FUZZTIME:-30s}
filter=${1:-.}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=0
while read -r f; do
  pkg="./$(dirname "${f#./}")"
  for t in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$f" | sed 's/^func //'); do
    grep -qE "$filter" <<<"$t" || continue
    echo "-- $pkg $t ($fuzztime)"
    # A run can end with "context deadline exceeded" when the time is up
    # while a worker is busy (a go test quirk on loaded machines); that
    # alone is retried once. A real failure writes its input.
    for attempt in 1 2; do
      if go test -run '^$' -fuzz "^${t}\$" -fuzztime "$fuzztime" "$pkg" >"$log" 2>&1; then
        break
      fi
      if [ "$attempt" = 1 ] && ! grep -q 'Failing input written' "$log" && grep -q 'context deadline exceeded' "$log"; then
        echo "   (retrying after: context deadline exceeded)"
        continue
      fi
      cat "$log"
      failed=1
      break
    done
  done
done < <(grep -rl --include='*_test.go' '^func Fuzz' . | sort)
if [ "$failed" != 0 ]; then
  echo "fuzzing found failures (inputs under testdata/fuzz/)"
  exit 1
fi
echo "fuzzing passed"
