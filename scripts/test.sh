#!/usr/bin/env bash
# The project's test command (README, .ci/run): installs what the tests
# need, runs every Go test, then each fuzz target briefly.
# FUZZTIME (default 3s) sets how long each fuzz target runs; 0 skips fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."

"$(dirname "$0")/setup.sh"

echo "== go vet"
go vet ./...

echo "== go test"
log=$(mktemp)
set +e
go test -count=1 -timeout 30m ./... 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -c '^ok' "$log" || true)
failed=$(grep -cE '^FAIL[[:space:]]+[^[:space:]]' "$log" || true)
rm -f "$log"
echo "packages: $passed passed, $failed failed"
[ "$status" -eq 0 ] || { echo "go test failed"; exit 1; }

fuzztime=${FUZZTIME:-3s}
if [ "$fuzztime" != "0" ]; then
  echo "== fuzz ($fuzztime per target)"
  grep -rl --include='*_test.go' '^func Fuzz' . | while read -r f; do
    pkg="./$(dirname "${f#./}")"
    for t in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$f" | sed 's/^func //'); do
      echo "-- $pkg $t"
      # A fuzz run can end with "context deadline exceeded" when the time
      # is up while a worker is busy (a go test quirk on loaded machines);
      # that is retried once. A real failure writes its input and fails.
      for attempt in 1 2; do
        if go test -run '^$' -fuzz "^${t}\$" -fuzztime "$fuzztime" "$pkg" >/tmp/dateline-fuzz.log 2>&1; then
          break
        fi
        if [ "$attempt" = 2 ] || grep -q 'Failing input written' /tmp/dateline-fuzz.log || ! grep -q 'context deadline exceeded' /tmp/dateline-fuzz.log; then
          cat /tmp/dateline-fuzz.log
          exit 1
        fi
        echo "   (retrying after: context deadline exceeded)"
      done
    done
  done
fi
echo "all tests passed"
