"""Drives the explorer page (`igo export html`) in headless Chromium.

Usage: python3 explorer.py SITE_DIR SHOTS_DIR ORG/DAY...

Prints one JSON object of what the page showed, for tests/explorer.rs to
check against the `igo` binary's own answers. Needs selenium (PyPI) and
Debian's chromium and chromium-driver; the driver is the system's, so
selenium downloads nothing.
"""

import json
import os
import sys

import browser
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

site, shots, views = sys.argv[1], sys.argv[2], sys.argv[3:]
index = "file://" + os.path.abspath(os.path.join(site, "index.html"))

driver = browser.start()
out = {"views": {}, "console": []}
requested = []


def console():
    out["console"].extend(browser.console(driver))


def settled():
    browser.settled(driver)


def requests(keep=True):
    """Every address the browser asked for since the last call, in order;
    with `keep`, also added to `requested`."""
    new = browser.requests(driver)
    if keep:
        requested.extend(new)
    return new


def shown():
    """The states the page shows on its day: certain ones by status, and
    the uncertain ones."""
    settled()
    rows = driver.find_elements(By.CSS_SELECTOR, "#roster tr[data-state]")
    by = {}
    for r in rows:
        by.setdefault(r.get_attribute("data-status"), []).append(r.get_attribute("data-state"))
    unc = [r.get_attribute("data-state") for r in driver.find_elements(By.CSS_SELECTOR, "#uncertain tr[data-state]")]
    drawn = sorted(e.get_attribute("data-state") for e in driver.find_elements(By.CSS_SELECTOR, "svg.diagram [data-state]"))
    p = driver.find_element(By.ID, "shown")
    caveat = driver.find_elements(By.ID, "caveat")
    offices = driver.find_element(By.ID, "offices")
    return {
        "caveat": caveat[0].text if caveat else None,
        "chair": offices.get_attribute("data-chair") or None,
        "secretary_general": offices.get_attribute("data-secretary-general") or None,
        "date": p.get_attribute("data-date"),
        "statuses": {k: sorted(v) for k, v in by.items()},
        "uncertain": sorted(unc),
        "drawn": drawn,
        "hash": driver.execute_script("return location.hash"),
    }


def go(hash_):
    driver.get(index + "#" + hash_)
    settled()


if views and views[0] == "--hostile":
    # Data whose names are markup: the page must show them as text.
    try:
        res = {}
        for view in views[1:]:
            go(view)
            res[view] = {
                "scripts": len(driver.find_elements(By.TAG_NAME, "script")),
                "bold": len(driver.find_elements(By.CSS_SELECTOR, "main b")),
                "text": driver.find_element(By.ID, "main").text,
            }
        console()
        out["hostile"] = res
    finally:
        driver.quit()
    print(json.dumps(out, indent=1, sort_keys=True))
    sys.exit(0)

try:
    for view in views:
        go(view)
        if "first_load" not in out:
            # The first view loads the page and its organisation's file.
            out["first_load"] = requests()
        out["views"][view] = shown()
    console()

    # The date control, from the keyboard: one step right on the slider.
    go(views[0])
    before = shown()
    slider = driver.find_element(By.ID, "slider")
    slider.send_keys(Keys.ARROW_RIGHT)
    out["slider"] = {"before": before, "after": shown()}
    # Two more steps, then the back button: one step back.
    slider = driver.find_element(By.ID, "slider")
    slider.send_keys(Keys.ARROW_RIGHT)
    second = shown()["date"]
    slider.send_keys(Keys.ARROW_RIGHT)
    third = shown()["date"]
    driver.back()
    out["slider_back"] = {"second": second, "third": third, "after_back": shown()}
    # Between two days of change, "Previous change" goes to the one shown.
    go("SCO/2010-05-20")
    since = driver.find_element(By.ID, "shown").get_attribute("data-since")
    driver.find_element(By.ID, "prev").click()
    out["prev_between"] = {"since": since, "after": shown()["date"]}
    # A typed date, then Enter.
    go(views[0])
    typed = driver.find_element(By.ID, "day")
    typed.clear()
    typed.send_keys("2001-06-15" + Keys.ENTER)
    out["typed"] = shown()
    typed = driver.find_element(By.ID, "day")
    typed.clear()
    typed.send_keys("2001-02-30" + Keys.ENTER)
    out["typed_bad"] = driver.find_element(By.ID, "date-error").text
    typed = driver.find_element(By.ID, "day")
    typed.clear()
    typed.send_keys("2017-6-9" + Keys.ENTER)
    out["typed_short"] = driver.find_element(By.ID, "date-error").text

    # Addresses that name no view or no day: a notice, never a blank page.
    out["odd"] = {}
    for odd in ["%", "SCO/%E0", "state/%ZZ", "SCO/2017-02-30", "SHANGHAI5/1990-01-01", "region/1900-01-01", "state/XXX"]:
        driver.get(index + "#" + odd)
        settled()
        notices = driver.find_elements(By.CSS_SELECTOR, "main [role=alert]")
        dates = driver.find_elements(By.ID, "shown")
        out["odd"][odd] = {
            "h1": driver.find_element(By.TAG_NAME, "h1").text,
            "notice": " ".join(n.text for n in notices),
            "date": dates[0].get_attribute("data-date") if dates else None,
            "title": driver.title,
        }
    console()

    # The sources of uncertain states are links.
    go("BRICS/2025-01-01")
    out["uncertain_links"] = [a.get_dom_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#uncertain a.source")]

    # The keyboard alone: Tab reaches every control, Enter on "Next change"
    # moves the day.
    go(views[0])
    reached = []
    for _ in range(40):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        reached.append(driver.execute_script(
            "const a = document.activeElement; return a.id || a.tagName.toLowerCase() + ' ' + (a.getAttribute('href') || '')"))
    out["tab_order"] = reached
    driver.find_element(By.ID, "next").send_keys(Keys.ENTER)
    out["next_by_enter"] = shown()["date"]

    # A state's page, reached by a link from the organisation's table, and
    # the back button.
    go(views[0])
    driver.find_element(By.CSS_SELECTOR, '#roster tr[data-state="IND"] a').click()
    settled()
    out["state_hash"] = driver.execute_script("return location.hash")
    out["state_title"] = driver.find_element(By.CSS_SELECTOR, "h1[data-state]").get_attribute("data-state")
    driver.back()
    settled()
    out["back_hash"] = driver.execute_script("return location.hash")
    out["back_shown"] = driver.find_element(By.ID, "shown").get_attribute("data-date")

    go("state/ARM")
    out["state"] = {
        "spans": [
            [r.get_attribute("data-org"), r.get_attribute("data-status")]
            for r in driver.find_elements(By.CSS_SELECTOR, "#spans tr[data-state]")
        ],
        "sources": {
            s.get_attribute("data-org"): [a.get_dom_attribute("href") for a in s.find_elements(By.CSS_SELECTOR, "ul.sources a")]
            for s in driver.find_elements(By.CSS_SELECTOR, "section[data-org]")
        },
        "quotes": sorted({q.get_property("textContent") for q in driver.find_elements(By.CSS_SELECTOR, "ul.sources blockquote")}),
        "bars": [[r.get_attribute("data-org"), r.get_attribute("data-status")] for r in driver.find_elements(By.CSS_SELECTOR, "#timeline rect")],
    }
    out["timeline"] = {}
    for st in ["MDA", "LAO"]:
        go("state/" + st)
        out["timeline"][st] = {
            "bars": [[r.get_attribute("data-org"), r.get_attribute("data-status")] for r in driver.find_elements(By.CSS_SELECTOR, "#timeline rect")],
            "titles": [t.get_property("textContent") for t in driver.find_elements(By.CSS_SELECTOR, "#timeline rect title")],
        }
    # Following a source link: the browser goes to the source's address
    # (this machine has no network, so only the address is checked).
    first = driver.find_element(By.CSS_SELECTOR, "ul.sources a")
    href = first.get_attribute("href")
    requests()
    first.click()
    out["followed"] = {"href": href, "url": driver.current_url}
    driver.back()
    requests(keep=False)

    go("region/2025-01-01")
    out["region"] = {
        "cards": [c.get_attribute("data-org") for c in driver.find_elements(By.CSS_SELECTOR, "section.card")],
        "holdings": {
            r.get_attribute("data-state"): {
                td.get_attribute("data-org"): td.get_attribute("data-status")
                for td in r.find_elements(By.CSS_SELECTOR, "td[data-org]")
            }
            for r in driver.find_elements(By.CSS_SELECTOR, "#holdings tr[data-state]")
        },
        "matrix": {
            td.get_attribute("data-a") + "/" + td.get_attribute("data-b"): int(td.text.split()[0])
            for td in driver.find_elements(By.CSS_SELECTOR, "#matrix td[data-a]")
        },
    }
    console()

    # Every address the page asked for is a file of the folder.
    requests()
    out["resources"] = requested

    # Screenshots, and whether the page fits the width without scrolling
    # sideways: a wide screen, then a phone.
    os.makedirs(shots, exist_ok=True)
    out["widths"] = {}
    for name, width, height, view in [
        ("explorer-desktop", 1280, 1000, views[0]),
        ("explorer-region", 1280, 1000, "region/2025-01-01"),
        ("explorer-phone", 375, 800, views[0]),
        ("explorer-state-phone", 375, 800, "state/ARM"),
    ]:
        driver.set_window_size(width, height)
        go(view)
        driver.execute_script("window.scrollTo(0, 0)")
        inner = driver.execute_script("return window.innerWidth")
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        out["widths"][name] = [inner, scroll]
        driver.save_screenshot(os.path.join(shots, name + ".png"))
    console()
finally:
    driver.quit()

print(json.dumps(out, indent=1, sort_keys=True))
