#!/usr/bin/env bash
# Runs every test of Switchboard on a fresh machine: installs the peers the tests talk to (PostgreSQL, sipp,
# baresip, Chromium), starts PostgreSQL, then runs the whole solution's tests on SQLite and PostgreSQL.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Sip).
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-dependencies.sh
export SWITCHBOARD_TEST_POSTGRES="${SWITCHBOARD_TEST_POSTGRES:-$(scripts/start-postgres.sh)}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# One test project at a time: the end-to-end suites start real SIP peers and servers, and share two cores.
# A test that hangs is stopped and named instead of holding the run until CI's limit.
dotnet test Switchboard.slnx -m:1 --blame-hang-timeout 5m --blame-hang-dump-type none "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
