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
