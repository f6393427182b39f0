#!/usr/bin/env bash
# Run every fuzz target for DURATION each (default 10m), one after another.
# Findings are saved by Go under each package's testdata/fuzz/ and then run
# as regression cases by the normal tests.
#   scripts/fuzz.sh 10m
# FUZZ_PARALLEL=1 runs one fuzzing worker, to leave the other cores free.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10m}
targets=(
  "./questions FuzzParseCondition"
  "./questions FuzzParseLens"
  "./internal/yamlnode FuzzParseJSON"
  "./internal/yamlnode FuzzParseYAML"
  "./internal/yamlnode FuzzStringRoundTrip"
  "./review FuzzParseReview"
  "./review FuzzDiff"
  "./review FuzzRoundTrip"
  "./review FuzzMerge"
  "./watool FuzzImportAnswers"
  "./internal/yamlfast FuzzSame"
  "./internal/yamlfast FuzzSameEncoded"
  "./questions FuzzDecodeLens"
)
parallel=()
if [ -n "${FUZZ_PARALLEL:-}" ]; then parallel=(-parallel "$FUZZ_PARALLEL"); fi
only=${FUZZ_ONLY:-}  # a regular expression: run only the targets it matches
status=0
for t in "${targets[@]}"; do
  set -- $t
  if [ -n "$only" ] && ! [[ $2 =~ $only ]]; then continue; fi
  echo "== $2 ($1) for $duration"
  # One target's finding must not stop the others; the exit status says.
  go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$duration" -timeout 0 "${parallel[@]}" || status=1
done
exit $status
