#!/usr/bin/env bash
# Fuzzing and file-safety trials against the release binary (issue 15), bounded in time:
#   1. kept crashers replayed, then the scenario-loader / --set mutation fuzzer (FUZZ_SECONDS, default 90);
#   2. the property test over generated in-range scenarios, every verb (≈30 s);
#   3. kill-and-resume, concurrent-writer, foreign-file and symlinked-temporary trials (≈1 min).
# Prints one summary line per part and a closing line with the counts; exits non-zero on any finding.
set -uo pipefail
cd "$(dirname "$0")/.."
export ORBITAL="${ORBITAL:-.build/release/orbital}"
[ -x "$ORBITAL" ] || swift build -c release
seed="${FUZZ_SEED:-$(date +%j)}"     # a new seed each day; the seed is printed so a finding can be replayed
status=0
fuzz=$(python3 Tests/Fuzz/fuzz_loader.py --seconds "${FUZZ_SECONDS:-90}" --seed "$seed") || status=1
echo "$fuzz"
property=$(python3 Tests/Fuzz/property.py --scenarios "${PROPERTY_SCENARIOS:-3000}" --verb-sample 24 --seed "$seed") || status=1
echo "$property"
files=$(python3 Tests/Fuzz/files.py --trials 10 --seed "$seed") || status=1
echo "$files"
cases=$(echo "$fuzz" | grep -oE '^fuzz: [0-9]+' | grep -oE '[0-9]+')
scenarios=$(echo "$property" | grep -oE '^property: [0-9]+' | grep -oE '[0-9]+')
checks=$(echo "$files" | grep -oE '^files: [0-9]+' | grep -oE '[0-9]+')
echo "fuzz summary (seed $seed): ${cases:-0} fuzz cases, ${scenarios:-0} generated scenarios, ${checks:-0} file-safety checks, $([ $status = 0 ] && echo 'no findings' || echo 'FINDINGS: see above; inputs kept in Tests/Fuzz/crashers')"
exit $status
