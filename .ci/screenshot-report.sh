#!/usr/bin/env bash
# Builds the comparison report from the shipped scenarios, renders it in headless Chromium at a
# phone (390 px), laptop (1280 px) and desktop (1920 px) width and in its print layout, and
# fails when anything overflows the viewport (the page scrolls sideways or an element sticks
# out) or when chart text is drawn smaller than is legible (.ci/report-layout.py). Full-page
# screenshots (report-screen-WIDTH.png, report-print-688.png) and report.pdf go beside the report.
#
#   ORBITAL=path/to/orbital  the binary (default .build/release/orbital; built if missing)
#   OUT=folder               where report.html, the PNGs and the PDF go (default .build/report-screenshot)
set -euo pipefail
cd "$(dirname "$0")/.."
ORBITAL="${ORBITAL:-.build/release/orbital}"
OUT="${OUT:-.build/report-screenshot}"
WIDTHS="390 1280 1920"
# A4 (210 mm) less 2 × 14 mm margins at 96 px/inch: the width the print stylesheet lays out in.
PRINT_WIDTH=688

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
for needle in 'id="summary"' 'Break-even launch price' '<footer>' 'orbital report orbital-1gw-dawn-dusk colossus-1'; do
  grep -q "$needle" "$OUT/report.html" || { echo "screenshot-report: the report lacks $needle" >&2; exit 1; }
done

# Selenium drives Debian's chromium through chromium-driver (python3-selenium, Debian's python).
if ! command -v chromedriver >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import selenium' 2>/dev/null; then
  echo "screenshot-report: installing chromium-driver and python3-selenium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium-driver python3-selenium >/dev/null
fi
/usr/bin/python3 .ci/report-layout.py "$OUT/report.html" "$OUT" $WIDTHS --print "$PRINT_WIDTH"
echo "screenshot-report: ok"
