#!/usr/bin/env bash
# README's test command: bootstrap, build, run every test, and end with one line
# "N passed, N failed" read from the test results (so a run that executed nothing is visible).
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh || exit 1

results=$(mktemp -d)
dotnet test tests/SeqGan.Research.Tests/SeqGan.Research.Tests.csproj -c Release \
  --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?

trx="$results/results.trx"
if [ ! -f "$trx" ]; then
  echo "test.sh: no test results were written (build failure?)" >&2
  echo "0 passed, 0 failed"
  exit $(( status == 0 ? 1 : status ))
fi
counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
# Skipped tests are not in <Counters>: count the results whose outcome is NotExecuted.
skipped=$(grep -c '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" || true)
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "test.sh: no test was executed" >&2
  exit 1
fi
exit $status
