"""Drives the explorer's map, search and downloads in headless Chromium.

Usage: python3 explorer_world.py SITE_DIR SHOTS_DIR DOWNLOAD_DIR ORG/DAY...

Prints one JSON object of what the page showed and the files it gave, for
tests/explorer_world.rs to check against the `igo` binary.
"""

import json
import os
import sys
import time

import browser
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

site, shots, downloads, views = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
index = "file://" + os.path.abspath(os.path.join(site, "index.html"))

driver = browser.start()
driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                       {"behavior": "allow", "downloadPath": os.path.abspath(downloads)})
out = {"maps": {}, "console": [], "search": {}, "downloads": {}, "keys": {}}
requested = []


def console():
    out["console"].extend(browser.console(driver))


def requests():
    requested.extend(browser.requests(driver))


def settled():
    browser.settled(driver)


def go(hash_):
    driver.get(index + "#" + hash_)
    settled()


def the_map(scope="#map"):
    """Every shape of the map with a state: its status; the states listed
    under it; the time it took to draw."""
    shapes = driver.execute_script(
        "return [...document.querySelectorAll(arguments[0] + ' [data-state]')]"
        ".map(e => [e.getAttribute('data-state'), e.getAttribute('data-status')])", scope)
    listed = driver.execute_script(
        "return [...document.querySelectorAll('#not-drawn [data-state]')]"
        ".map(e => [e.getAttribute('data-state'), e.getAttribute('data-status')])")
    ms = driver.find_element(By.CSS_SELECTOR, scope).get_attribute("data-ms")
    return {"shapes": shapes, "listed": listed, "ms": float(ms)}


def download(button_format, name):
    """Clicks the view's download button and returns the file's text."""
    path = os.path.join(downloads, name)
    if os.path.exists(path):
        os.remove(path)
    driver.find_element(By.CSS_SELECTOR, f"#downloads button[data-format='{button_format}']").click()
    for _ in range(600):
        if os.path.exists(path) and os.path.getsize(path) > 0 and not os.path.exists(path + ".crdownload"):
            time.sleep(0.1)
            with open(path, encoding="utf-8") as f:
                return f.read()
        time.sleep(0.05)
    return None


try:
    # The map of each view, and its downloads.
    for view in views:
        go(view)
        out["maps"][view] = the_map()
        org, day = view.split("/")
        for fmt in ["csv", "json"]:
            out["downloads"][f"at {view} {fmt}"] = download(fmt, f"igo-at-{org}-{day}.{fmt}")
    out["cite"] = driver.find_element(By.ID, "cite").text

    # The region: the map of the organisation picked, and the matrix.
    go("region/2020-01-01")
    select = driver.find_element(By.ID, "map-org")
    driver.execute_script("arguments[0].value = 'UN'; arguments[0].dispatchEvent(new Event('change'))", select)
    out["region_map"] = the_map()
    for fmt in ["csv", "json"]:
        out["downloads"][f"overlap 2020-01-01 {fmt}"] = download(fmt, f"igo-overlap-2020-01-01.{fmt}")

    # A state's history.
    go("state/ARM")
    for fmt in ["csv", "json"]:
        out["downloads"][f"history ARM {fmt}"] = download(fmt, f"igo-history-ARM.{fmt}")
    out["timeline_key"] = [e.get_attribute("data-status") for e in
                           driver.find_elements(By.CSS_SELECTOR, "#timeline-key li[data-status]")]

    # Other days the sources give: on the state's page, and a day between
    # them in the organisation's view.
    go("state/GEO")
    out["other_days"] = [e.get_attribute("data-other-day")
                         for e in driver.find_elements(By.CSS_SELECTOR, ".other-day")]
    go("CIS/2009-08-18")
    out["between"] = [[e.get_attribute("data-state"), e.get_attribute("data-reason"), e.text]
                      for e in driver.find_elements(By.CSS_SELECTOR, "tr[data-status='uncertain']")]

    # The chair whose term's day is inferred, and one reported.
    out["chair_inferred"] = {}
    for view in ["SCO/2006-07-01", "SCO/2007-09-01"]:
        go(view)
        out["chair_inferred"][view] = [
            driver.find_element(By.ID, "offices").get_attribute("data-chair"),
            len(driver.find_elements(By.CSS_SELECTOR, "#offices [data-evidence='inferred']")) > 0]

    # Search from the keyboard alone: Tab to the box, type, Enter.
    for word in ["Burma", "ukg", "in", "GW:260", "Shanghai Cooperation", "Türkiye", "Atlantis"]:
        # A fresh page, so that Tab starts from its top.
        go("states")
        driver.refresh()
        settled()
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        focused = lambda: driver.switch_to.active_element.get_attribute("id")
        for _ in range(60):
            if focused() == "search":
                break
            driver.switch_to.active_element.send_keys(Keys.TAB)
        out["keys"]["search reached by Tab"] = focused() == "search"
        driver.switch_to.active_element.send_keys(word, Keys.ENTER)
        settled()
        hits = [[e.get_attribute("data-kind"), e.get_attribute("data-id")]
                for e in driver.find_elements(By.CSS_SELECTOR, "#search-results li")]
        out["search"][word] = {"hash": driver.execute_script("return location.hash"), "hits": hits}

    # The map from the keyboard: Tab onto a state, read it, Enter opens it.
    go(views[0])
    first = driver.find_element(By.CSS_SELECTOR, "#map [tabindex='0']")
    driver.execute_script("arguments[0].focus()", first)
    out["keys"]["map focus"] = [first.get_attribute("data-state"),
                                driver.find_element(By.ID, "map-info").text]
    first.send_keys(Keys.TAB)
    second = driver.switch_to.active_element
    out["keys"]["map tab"] = second.get_attribute("data-state")
    second.send_keys(Keys.ENTER)
    settled()
    out["keys"]["map enter"] = driver.execute_script("return location.hash")

    # The states list: by name, filtered.
    go("states")
    out["states_order"] = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".states-index li a")]
    driver.execute_script("const s = document.getElementById('filter-org'); s.value = 'NATO'; s.dispatchEvent(new Event('change'))")
    out["states_nato"] = [e.get_attribute("data-state") for e in driver.find_elements(By.CSS_SELECTOR, ".states-index li")]
    driver.execute_script("const s = document.getElementById('filter-region'); s.value = 'Americas'; s.dispatchEvent(new Event('change'))")
    out["states_nato_americas"] = [e.get_attribute("data-state") for e in driver.find_elements(By.CSS_SELECTOR, ".states-index li")]

    # Today's view: the day something last changed.
    go(views[0].split("/")[0])
    out["today"] = driver.find_element(By.ID, "shown").get_attribute("data-since")
    requests()

    # Screenshots at a wide screen and a phone; whether the page scrolls
    # sideways.
    os.makedirs(shots, exist_ok=True)
    out["widths"] = {}
    for name, width, height, view in [
        ("explorer-map-desktop", 1280, 1000, "AU/2024-01-01"),
        ("explorer-map-phone", 375, 800, "AU/2024-01-01"),
        ("explorer-states-phone", 375, 800, "states"),
    ]:
        driver.set_window_size(width, height)
        go(view)
        driver.execute_script("window.scrollTo(0, 0)")
        if name == "explorer-map-phone":
            driver.execute_script("document.getElementById('map').scrollIntoView()")
        out["widths"][name] = [driver.execute_script("return window.innerWidth"),
                               driver.execute_script("return document.documentElement.scrollWidth")]
        driver.save_screenshot(os.path.join(shots, name + ".png"))
    requests()
    console()
finally:
    driver.quit()

out["resources"] = requested
print(json.dumps(out, indent=1, sort_keys=True))
