#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
# The visitor's phone page in Debian's headless Chromium (through chromedriver), for hub_phone_test:
# opens URL on a 360x640 phone viewport, prints "SHOWN <number>" once the number is on the page,
# then waits (no reload by hand) until the page names the window and prints "CALLED <text>".
# Screenshots go to OUTDIR: phone-waiting.png, phone-called.png, and the same page with large
# system text (default font size 28 px) as phone-called-large.png.
#   phone_page_check.py URL OUTDIR [LANG]
import signal
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def browser(profile, font_px, lang):
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=360,640", "--user-data-dir=" + profile,
                 "--lang=" + lang):
        o.add_argument(flag)
    # A phone's viewport, not a desktop window (headless windows are at least 500 px wide).
    o.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 360, "height": 640, "pixelRatio": 2}})
    o.add_experimental_option("prefs", {"webkit.webprefs.default_font_size": font_px,
                                        "intl.accept_languages": lang})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def text_of(d, element_id):
    found = d.find_elements(By.ID, element_id)
    return found[0].text if found else ""


def main():
    url, out = sys.argv[1], sys.argv[2]
    lang = sys.argv[3] if len(sys.argv) > 3 else "zh-CN"
    with tempfile.TemporaryDirectory() as profile:
        d = browser(profile, 16, lang)
        try:
            d.get(url)
            deadline = time.time() + 30
            while not text_of(d, "number") and time.time() < deadline:
                time.sleep(0.1)
            number = text_of(d, "number")
            if not number:
                print("NO-NUMBER", flush=True)
                return 1
            d.save_screenshot(out + "/phone-waiting.png")
            print("SHOWN " + number + " | " + text_of(d, "ahead"), flush=True)
            deadline = time.time() + 40
            while not text_of(d, "window") and time.time() < deadline:
                time.sleep(0.2)
            window = text_of(d, "window")
            if not window:
                print("NOT-CALLED", flush=True)
                return 1
            d.save_screenshot(out + "/phone-called.png")
            print("CALLED " + window, flush=True)
            # No horizontal scrolling on a small phone: the page fits 360 px.
            wide = d.execute_script("return document.documentElement.scrollWidth")
            print("WIDTH " + str(wide), flush=True)
        finally:
            d.quit()
    with tempfile.TemporaryDirectory() as profile:
        d = browser(profile, 28, lang)
        try:
            d.get(url)
            time.sleep(0.5)
            d.save_screenshot(out + "/phone-called-large.png")
            wide = d.execute_script("return document.documentElement.scrollWidth")
            print("LARGE-WIDTH " + str(wide) + " " + text_of(d, "window"), flush=True)
        finally:
            d.quit()
    return 0


if __name__ == "__main__":
    # The test stops this script with SIGTERM when it fails early: leave by the finally blocks, so
    # chromedriver and Chromium are quit instead of left running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
