#!/usr/bin/env bash
# Builds the comparison report from the shipped scenarios and takes a headless Chromium
# screenshot of it, to check that the HTML renders in a real browser with every chart.
#
#   ORBITAL=path/to/orbital  the binary (default .build/release/orbital; built if missing)
#   OUT=folder               where report.html and report.png go (default .build/report-screenshot)
#   HEIGHT=pixels            window height of the screenshot (default 11000: every chart)
set -euo pipefail
cd "$(dirname "$0")/.."
ORBITAL="${ORBITAL:-.build/release/orbital}"
OUT="${OUT:-.build/report-screenshot}"
HEIGHT="${HEIGHT:-11000}"

if ! command -v chromium >/dev/null 2>&1; then
  echo "screenshot-report: installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if [ ! -x "$ORBITAL" ]; then
  echo "screenshot-report: building $ORBITAL"
  swift build -c release --product orbital
  ORBITAL=.build/release/orbital
fi

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
"$ORBITAL" report orbital-1gw-dawn-dusk colossus-1 --output "$OUT/report.html"
"$ORBITAL" report orbital-1gw-dawn-dusk colossus-1 --output "$OUT/report.md"

charts=$(grep -o '<svg xmlns="http://www.w3.org/2000/svg" id="chart-[a-z-]*"' "$OUT/report.html" | wc -l)
echo "screenshot-report: $charts charts in $OUT/report.html"
[ "$charts" -ge 10 ] || { echo "screenshot-report: expected at least 10 charts" >&2; exit 1; }

rm -f "$OUT/report.png"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --screenshot="$OUT/report.png" --window-size="1400,$HEIGHT" "file://$OUT/report.html" 2>"$OUT/chromium.log" || {
  cat "$OUT/chromium.log" >&2; exit 1; }
[ -s "$OUT/report.png" ] || { echo "screenshot-report: no screenshot" >&2; cat "$OUT/chromium.log" >&2; exit 1; }
size=$(stat -c %s "$OUT/report.png")
echo "screenshot-report: $OUT/report.png ($size bytes, 1400x$HEIGHT)"
[ "$size" -gt 100000 ] || { echo "screenshot-report: the screenshot looks blank" >&2; exit 1; }
