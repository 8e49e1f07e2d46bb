#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
# A notice's public page in Debian's headless Chromium (through chromedriver), for
# central_comment_page_test, on a 360x640 phone viewport with no script of the page's own:
#   1. OPEN_URL: types an opinion and a contact, sends the form, prints "RECEIPT <code>";
#   2. the same page: an opinion of 2,100 characters (the maxlength taken off, as a hostile or old
#      browser would), prints "REFUSED <message> | KEPT <characters still in the box>";
#   3. CLOSED_URL: prints "CLOSED <state line> | FORM <number of forms>".
# Then "WIDTH <px>" (the widest page scrolled sideways, if any). Screenshots go to OUTDIR.
#   comment_page_check.py OPEN_URL CLOSED_URL OUTDIR
import signal
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def browser(profile):
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=360,640", "--user-data-dir=" + profile,
                 "--lang=zh-CN"):
        o.add_argument(flag)
    o.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 360, "height": 640, "pixelRatio": 2}})
    o.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def wait_for(d, element_id, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = d.find_elements(By.ID, element_id)
        if found:
            return found[0]
        time.sleep(0.1)
    return None


def full_screenshot(d, path):
    # The phone emulation fixes the viewport, so the whole page is shot by growing it through the
    # DevTools protocol, then put back.
    height = d.execute_script("return document.documentElement.scrollHeight")
    metrics = {"width": 360, "deviceScaleFactor": 2, "mobile": True}
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(metrics, height=min(max(640, height), 4000)))
    d.save_screenshot(path)
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(metrics, height=640))


def main():
    open_url, closed_url, out = sys.argv[1], sys.argv[2], sys.argv[3]
    widest = 0
    with tempfile.TemporaryDirectory() as profile:
        d = browser(profile)
        try:
            d.get(open_url)
            box = wait_for(d, "opinion")
            if box is None:
                print("NO-FORM", flush=True)
                return 1
            full_screenshot(d, out + "/notice-draft.png")
            widest = max(widest, d.execute_script("return document.documentElement.scrollWidth"))
            box.send_keys("建议补助向独居老人家庭倾斜，并简化申请材料。")
            d.find_element(By.ID, "contact").send_keys("王先生 139 1234 5678")
            d.find_element(By.ID, "send").click()
            receipt = wait_for(d, "receipt")
            if receipt is None:
                print("NO-RECEIPT " + d.find_element(By.TAG_NAME, "body").text[:200].replace("\n", " "), flush=True)
                return 1
            d.save_screenshot(out + "/notice-comment-received.png")
            print("RECEIPT " + receipt.text, flush=True)

            d.get(open_url)
            box = wait_for(d, "opinion")
            d.execute_script("arguments[0].removeAttribute('maxlength'); arguments[0].value = arguments[1];",
                             box, "长" * 2100)
            d.find_element(By.ID, "send").click()
            refused = wait_for(d, "refused")
            if refused is None:
                print("NOT-REFUSED", flush=True)
                return 1
            kept = len(d.find_element(By.ID, "opinion").get_attribute("value"))
            d.save_screenshot(out + "/notice-comment-refused.png")
            print("REFUSED " + refused.text + " | KEPT " + str(kept), flush=True)

            d.get(closed_url)
            left = wait_for(d, "left")
            forms = len(d.find_elements(By.TAG_NAME, "form"))
            full_screenshot(d, out + "/notice-draft-closed.png")
            widest = max(widest, d.execute_script("return document.documentElement.scrollWidth"))
            print("CLOSED " + (left.text if left else "") + " | FORM " + str(forms), flush=True)
            print("WIDTH " + str(widest), flush=True)
        finally:
            d.quit()
    return 0


if __name__ == "__main__":
    # Stopped with SIGTERM when the test fails early: leave by the finally block, so chromedriver
    # and Chromium are quit instead of left running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
