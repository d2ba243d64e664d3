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
# Each skipped test with its reason (e.g. the CUDA tests on a machine without a GPU), so a skip is never silent.
python3 - "$trx" <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for result in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if result.get("outcome") == "NotExecuted":
        message = result.find(".//t:Message", ns)
        print(f"skipped {result.get('testName')}: {message.text if message is not None else 'no reason given'}")
PY
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "test.sh: no test was executed" >&2
  exit 1
fi
exit $status
