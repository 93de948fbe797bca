#!/usr/bin/env bash
# Regenerates docs/notebooks/ (every notebook executed, with its figures, and an index) from
# the jupytext sources with the release binary: the one command after changing the model or a
# notebook. CI checks the result with `python3 Notebooks/publish.py --check`.
#   ORBITAL=path/to/orbital  the binary (default .build/release/orbital; built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
export ORBITAL="${ORBITAL:-.build/release/orbital}"
[ -x "$ORBITAL" ] || swift build -c release --product orbital
python3 -m pip install -q -r Notebooks/requirements.txt
python3 Notebooks/publish.py
