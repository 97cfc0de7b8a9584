"""The headless Chromium both explorer scripts drive (explorer.py and
explorer_world.py): Debian's chromium and its own chromedriver, through
selenium, with the browser's console and network logs kept."""

import os

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def start():
    """A 1280 by 900 headless Chromium whose logs hold every console
    message and every request it makes."""
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("IGO_CHROMIUM", "/usr/bin/chromium")
    for flag in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars",
    ]:
        opts.add_argument(flag)
    # The performance log has every request the browser makes, file:// ones
    # too (the page's Resource Timing entries leave those out).
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = Service(os.environ.get("IGO_CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=opts, service=service)
    driver.set_window_size(1280, 900)
    return driver


def console(driver):
    """The console's errors and warnings since the last call."""
    return [e["message"] for e in driver.get_log("browser")
            if e["level"] in ("SEVERE", "WARNING")]


def settled(driver):
    """Waits until the page has drawn its view: the files of data/ that it
    needs have run (`main` is busy while they load). The limit only keeps
    a broken page from hanging the test."""
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, 300).until(lambda d: d.execute_script(
        "const m = document.getElementById('main');"
        "return m !== null && !m.hasAttribute('aria-busy')"))


def requests(driver):
    """Every address the browser asked for since the last call, in order."""
    import json
    new = []
    for entry in driver.get_log("performance"):
        m = json.loads(entry["message"])["message"]
        if m["method"] == "Network.requestWillBeSent":
            new.append(m["params"]["request"]["url"])
    return new
