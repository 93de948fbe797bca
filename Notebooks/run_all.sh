#!/usr/bin/env bash
# Executes every notebook headless (jupytext percent-format files run as plain Python scripts),
# writing their figures to Notebooks/figures/. Fails if any notebook fails.
# The orbital binary is $ORBITAL (default .build/release/orbital, relative to the package root).
set -uo pipefail
cd "$(dirname "$0")/.."
export ORBITAL="${ORBITAL:-.build/release/orbital}"
export MPLBACKEND=Agg
if [ ! -x "$ORBITAL" ]; then
  echo "run_all.sh: no orbital binary at $ORBITAL (build it with: swift build -c release, or set ORBITAL)" >&2
  exit 2
fi
failed=0
passed=0
for notebook in Notebooks/[0-9][0-9]_*.py; do
  echo "=== $notebook"
  start=$(date +%s)
  if python3 "$notebook"; then
    passed=$((passed + 1))
    echo "--- ok ($(( $(date +%s) - start )) s)"
  else
    failed=$((failed + 1))
    echo "--- FAILED: $notebook" >&2
  fi
done
echo "notebooks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
