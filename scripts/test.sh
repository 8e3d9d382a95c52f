#!/usr/bin/env bash
# The project's test command (README, .ci/run): installs what the tests
# need, runs every Go test, then each fuzz target briefly (scripts/fuzz.sh).
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

# go test above already ran every fuzz target on its seed corpus and on
# the inputs earlier campaigns found (testdata/fuzz/). Then each target
# fuzzes briefly: FUZZTIME per target (default 3s; 0 skips; longer
# campaigns: FUZZTIME=60s ./scripts/fuzz.sh).
fuzztime=${FUZZTIME:-3s}
if [ "$fuzztime" != "0" ]; then
  echo "== fuzz ($fuzztime per target)"
  FUZZTIME=$fuzztime "$(dirname "$0")/fuzz.sh"
fi
echo "all tests passed"
