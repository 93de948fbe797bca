#!/usr/bin/env python3
"""Renders the HTML report in headless Chromium (Debian's chromium + chromium-driver, through
Selenium) at each width and in the print layout, saves full-page screenshots, and fails when
anything overflows the viewport or chart text is drawn too small to read.

    report-layout.py REPORT.html OUTDIR WIDTH... [--print WIDTH]

Widths are emulated with the DevTools protocol (Emulation.setDeviceMetricsOverride), so that
390 px is really 390 px (a headless window cannot be narrower than 500 px).
"""
import base64
import json
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# Smallest chart text, in CSS px after the SVG is scaled to its box, that still reads: on a
# screen, and on paper (7 px at 96 px/inch is 5.3 pt, the smallest print the eye reads at arm's length).
MIN_CHART_TEXT_PX = {"screen": 9, "print": 7}
# From this width up (a laptop) every table and chart fits the page: none needs its scroll box.
FITS_FROM_PX = 1280
# Viewport height of the emulated screens (a phone's and a desktop's are alike enough here).
VIEWPORT_HEIGHT = 900

# Run after layout: the page's scrollWidth against the viewport, every element that sticks out
# (outside a scroll box on screen; anywhere in print, where boxes do not scroll), and the
# smallest chart text as drawn.
PROBE = """
const print = arguments[0];
const width = document.documentElement.clientWidth, bad = [];
for (const el of document.querySelectorAll("body *")) {
  if (!print && el.parentElement && el.parentElement.closest(".scroll")) continue;
  const r = el.getBoundingClientRect();
  if (r.width > 0 && (r.right > width + 1 || r.left < -1))
    bad.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "@" + Math.round(r.right));
}
let smallest = 1e9;
for (const svg of document.querySelectorAll("svg.chart")) {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  for (const t of svg.querySelectorAll("text")) smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
}
// Boxes that scroll sideways (allowed on screen, listed for the record).
const scrolling = [...document.querySelectorAll(".scroll")].filter(b => b.scrollWidth > b.clientWidth + 1)
  .map(b => (b.firstElementChild && b.firstElementChild.id) || "?");
return {width, scrollWidth: document.documentElement.scrollWidth, overflowing: bad.length, scrolling,
        first: bad.slice(0, 8), smallestChartTextPx: Math.round(smallest * 10) / 10,
        height: document.documentElement.scrollHeight};
"""


def main() -> int:
    args = sys.argv[1:]
    print_width = None
    if "--print" in args:
        i = args.index("--print")
        print_width = int(args[i + 1])
        del args[i:i + 2]
    report, out, widths = Path(args[0]).resolve(), Path(args[1]), [int(w) for w in args[2:]]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failed = False
    try:
        cases = [("screen", w) for w in widths] + ([("print", print_width)] if print_width else [])
        for media, width in cases:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": VIEWPORT_HEIGHT, "deviceScaleFactor": 1, "mobile": width < 600})
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
            driver.get(report.as_uri())
            result = driver.execute_script(PROBE, media == "print")
            print(f"report-layout: {media} at {width} px: {json.dumps(result)}")
            problems = []
            if result["width"] != width:
                problems.append(f"the viewport is {result['width']} px, not {width}")
            if result["scrollWidth"] > result["width"]:
                problems.append(f"the page scrolls sideways ({result['scrollWidth']} px wide)")
            if result["overflowing"]:
                problems.append(f"{result['overflowing']} elements overflow: {', '.join(result['first'])}")
            if media == "screen" and width >= FITS_FROM_PX and result["scrolling"]:
                problems.append(f"at {width} px these still scroll sideways in their box: {', '.join(result['scrolling'])}")
            if result["smallestChartTextPx"] < MIN_CHART_TEXT_PX[media]:
                problems.append(f"chart text drawn at {result['smallestChartTextPx']} px (< {MIN_CHART_TEXT_PX[media]})")
            for p in problems:
                print(f"report-layout: {media} at {width} px: {p}", file=sys.stderr)
            failed |= bool(problems)
            # The whole page, as a reader scrolling it would see it.
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"captureBeyondViewport": True, "clip": {
                "x": 0, "y": 0, "width": width, "height": result["height"], "scale": 1}})
            path = out / f"report-{media}-{width}.png"
            path.write_bytes(base64.b64decode(shot["data"]))
            print(f"report-layout: {path} ({path.stat().st_size} bytes, {width}x{result['height']})")
        if print_width:
            pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
            (out / "report.pdf").write_bytes(base64.b64decode(pdf["data"]))
            print(f"report-layout: {out / 'report.pdf'}")
    finally:
        driver.quit()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
