#!/usr/bin/env python3
"""The what-if page in a real browser: Debian's chromium, headless, through Selenium and
chromium-driver (as .ci/report-layout.py drives it).

    serve-browser.py BASE_URL OUTDIR

Loads the page, moves the launch-price slider with the keyboard, waits for the verdict to
change and checks it equals the API's answer for the same inputs (read back from the URL);
opens the shared URL in a fresh tab and checks the same numbers; types an out-of-range
altitude and checks the message appears beside that input; and takes full-page screenshots at
390 px and 1440 px, failing when the page scrolls sideways or a chart's text is drawn smaller
than 9 px.
"""
import base64
import json
import re
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

LAUNCH = "ctl-orbital-launch-cost-per-kg-usd"
ALTITUDE = "ctl-orbital-orbit-altitude-km"
HEIGHT = 900


def wait_ready(driver, previous=None, timeout=60):
    """Waits until the page has finished a computation (body[data-state]) and, if given, the
    ratio differs from `previous`."""
    end = time.time() + timeout
    while time.time() < end:
        state = driver.execute_script("return document.body.dataset.state || ''")
        ratio = driver.execute_script("return document.getElementById('ratio').dataset.value || ''")
        if state in ("ready", "error") and ratio and ratio != previous:
            return state, ratio
        time.sleep(0.05)
    raise SystemExit(f"serve-browser: the page did not finish (state {state!r}, ratio {ratio!r})")


def numbers(driver):
    return driver.execute_script("""
        const t = id => document.getElementById(id).textContent;
        return {verdict: t('verdict'), ratio: document.getElementById('ratio').dataset.value,
                orbital: t('pflop-orbital'), ground: t('pflop-ground'), url: location.href,
                breakeven: t('breakeven-text'), eclipse: t('eclipse-text'), mass: t('mass-text')};""")


def api_compare(base, url):
    query = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)
    body = {"orbital": query.get("oy", query.get("o"))[0], "ground": query.get("gy", query.get("g"))[0], "set": query.get("set", [])}
    request = urllib.request.Request(base + "/api/v1/compare", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as r:
        return json.load(r)["result"], body


PROBE = """
const width = document.documentElement.clientWidth;
let smallest = 1e9;
for (const svg of document.querySelectorAll('.chart svg')) {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  for (const t of svg.querySelectorAll('text')) smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
}
const unlabelled = [...document.querySelectorAll('input, select, textarea')].filter(el =>
  el.type !== 'hidden' && !el.labels?.length && !el.getAttribute('aria-label') && !el.closest('label')).map(el => el.id);
return {width, scrollWidth: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight,
        smallestChartTextPx: Math.round(smallest * 10) / 10, unlabelled,
        computed: document.getElementById('timing-ms').textContent};
"""


def screenshot(driver, base, out, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.get(base + "/?o=orbital-1gw-dawn-dusk&g=colossus-1&set=orbital:launch.cost_per_kg_usd=200")
    wait_ready(driver)
    time.sleep(0.3)
    probe = driver.execute_script(PROBE)
    print(f"serve-browser: {width} px: {json.dumps(probe)}")
    problems = []
    if probe["scrollWidth"] > probe["width"]:
        problems.append(f"the page scrolls sideways at {width} px ({probe['scrollWidth']} px wide)")
    if probe["smallestChartTextPx"] < 9:
        problems.append(f"chart text drawn at {probe['smallestChartTextPx']} px at {width} px")
    if probe["unlabelled"]:
        problems.append(f"inputs without a label: {probe['unlabelled']}")
    # The whole page as a tall window shows it (the input panel scrolls within the window's height).
    height = probe["height"]
    for _ in range(3):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        time.sleep(0.3)
        taller = driver.execute_script("return document.documentElement.scrollHeight")
        if taller <= height:
            break
        height = taller
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"captureBeyondViewport": True, "clip": {
        "x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    path = out / f"serve-{width}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    print(f"serve-browser: {path} ({path.stat().st_size} bytes, {width}x{height})")
    return problems


def main() -> int:
    base, out = sys.argv[1].rstrip("/"), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    problems = []
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1440, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
        driver.get(base + "/")
        _, before = wait_ready(driver)
        first = numbers(driver)
        print(f"serve-browser: loaded: ratio {before}: {first['verdict']}")
        # The launch-price slider is labelled and keyboard-operable: End moves it to its top.
        slider = driver.find_element(By.ID, LAUNCH)
        label = driver.find_element(By.CSS_SELECTOR, f"label[for='{LAUNCH}']").text
        assert "Launch price" in label, label
        slider.send_keys(Keys.HOME)
        _, after = wait_ready(driver, previous=before)
        moved = numbers(driver)
        print(f"serve-browser: launch slider to its lowest: ratio {after}: {moved['verdict']} ({moved['url']})")
        api, body = api_compare(base, moved["url"])
        if not any("launch.cost_per_kg_usd" in s for s in body["set"]):
            problems.append(f"the URL does not hold the launch price: {moved['url']}")
        if float(moved["ratio"]) != api["cost_ratio"]:
            problems.append(f"page ratio {moved['ratio']} != API {api['cost_ratio']}")
        if moved["verdict"].lower() != api["verdict"].lower():
            problems.append(f"page verdict {moved['verdict']!r} != API {api['verdict']!r}")
        if moved["verdict"] == first["verdict"]:
            problems.append("the verdict did not change when the launch price moved")

        # The shared URL in a fresh tab reproduces the same numbers.
        driver.switch_to.new_window("tab")
        driver.get(moved["url"])
        wait_ready(driver)
        shared = numbers(driver)
        for k in ("verdict", "ratio", "orbital", "ground", "breakeven", "mass", "eclipse"):
            if shared[k] != moved[k]:
                problems.append(f"shared URL: {k} {shared[k]!r} != {moved[k]!r}")
        print(f"serve-browser: shared URL reproduces ratio {shared['ratio']}")

        # A value the engine refuses: the CLI's message beside the altitude input.
        exact = driver.find_element(By.ID, ALTITUDE + "-exact")
        exact.clear()
        exact.send_keys("50", Keys.TAB)
        end = time.time() + 30
        message = ""
        while time.time() < end and not message:
            message = driver.execute_script(f"const e = document.getElementById('{ALTITUDE}-error'); return e.hidden ? '' : e.textContent")
            time.sleep(0.05)
        print(f"serve-browser: altitude 50 km: {message!r}")
        if "out of range" not in message or "[160, 1400] km" not in message:
            problems.append(f"no range error beside the altitude input: {message!r}")
        driver.close()
        driver.switch_to.window(driver.window_handles[0])

        # Live: the time from a change to the drawn verdict, as the page measures it.
        times = []
        for key in [Keys.ARROW_RIGHT] * 5:
            previous = driver.execute_script("return document.getElementById('ratio').dataset.value")
            slider = driver.find_element(By.ID, LAUNCH)
            slider.send_keys(key)
            wait_ready(driver, previous=previous)
            times.append(driver.execute_script("return document.getElementById('timing-ms').textContent"))
        # "verdict in 85 ms, all charts in 85 ms" (the verdict's part only when it was redrawn) →
        # the range of each over the slider moves.
        verdict = [int(m) for t in times for m in re.findall(r"verdict in (\d+) ms", t)]
        charts = [int(m) for t in times for m in re.findall(r"all charts in (\d+) ms", t)]
        if len(charts) != len(times) or not verdict:
            problems.append(f"unreadable recompute times: {times}")
        else:
            print(f"serve-browser: recompute times over {len(times)} slider moves: verdict in {min(verdict)}–{max(verdict)} ms, "
                  f"all charts in {min(charts)}–{max(charts)} ms")

        for width in (390, 1440, 1920):
            problems += screenshot(driver, base, out, width)
    finally:
        driver.quit()
    for p in problems:
        print(f"serve-browser: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
