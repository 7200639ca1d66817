# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The network budget of a first visit on a cheap phone (docs/pwa.md, "Performance"), in bytes:
deterministic, unlike times (those are in bench/pwa.py).

Every byte passes through a relay in front of the server (tests/e2e/netshape.py) that counts
what crosses the wire in both directions, the service worker's downloads included (DevTools'
network events and emulation miss those). Also: the home view does not shift when its data
arrives late (CLS 0), and large text does not make the bottom bar fill the screen.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import netshape
from tests.e2e.helpers import LANGUAGE_NAMES

BUDGET_BEFORE_TAP = 100 * 1024
# The full Tigrinya font (the 1 KB one for the language button is "noto-sans-ethiopic-names").
GEEZ_FONT = r"/noto-sans-ethiopic-(?!names)[^/]*\.woff2$"
WIDTH, HEIGHT = 360, 740
# Layout shifts without recent input, summed over the page's life (CLS as one session window).
LAYOUT_SHIFT_JS = """() => new Promise(resolve => {
  let sum = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(sum), 300);
})"""


# Whether some cache of the service worker holds a path matching the pattern. wait_for_function
# does not wait for a promise: the check runs in the background, the answer is the last one's.
CACHED_JS = """(pattern) => {
  (async () => {
    const found = [];
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) found.push(new URL(r.url).pathname);
    window.__cached = window.__cached || {};
    window.__cached[pattern] = found.some(p => new RegExp(pattern).test(p));
  })();
  return (window.__cached || {})[pattern] === true;
}"""


def port_of(server: str) -> int:
    return int(server.rsplit(":", 1)[1])


@pytest.fixture
def link(server: str) -> Iterator[netshape.Link]:
    relay = netshape.Link(port_of(server))
    relay.start()
    yield relay
    relay.stop()


def quiet(page: Page, link: netshape.Link, seconds: float, limit: float = 60) -> None:
    """Until nothing has crossed the link for `seconds`: a resident reading what is on screen."""
    deadline = time.monotonic() + limit
    last, since = link.total(), time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        if link.total() != last:
            last, since = link.total(), time.monotonic()
        elif time.monotonic() - since >= seconds:
            return
    raise AssertionError(f"the link did not go quiet within {limit} s")


def new_phone(browser, link: netshape.Link):  # type: ignore[no-untyped-def]
    context = browser.new_context(
        base_url=f"http://127.0.0.1:{link.start()}",
        locale="nl-NL",
        viewport={"width": WIDTH, "height": HEIGHT},
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(30_000)
    return context


def test_first_visit_stays_within_100_kb_before_the_first_tap_and_fetches_the_geez_font_once(  # type: ignore[no-untyped-def]
    browser, link: netshape.Link
) -> None:
    context = new_phone(browser, link)
    page = context.new_page()
    page.goto("/")
    expect(page.locator(".languages button").first).to_be_visible()
    # Reading the list: whatever the page or a service worker would fetch meanwhile counts.
    quiet(page, link, 3)
    before_tap = link.total()
    assert before_tap <= BUDGET_BEFORE_TAP, (before_tap, link.requests)
    assert link.count(GEEZ_FONT) == 0, "the full Ge'ez font is not needed for one button"

    page.get_by_role("button", name=LANGUAGE_NAMES["ti"], exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "ti")
    expect(page.locator("#login-title")).to_be_visible()
    # Tigrinya is on screen in its font.
    page.wait_for_function(
        "() => document.fonts.check('16px \"Welkom Ethiopic\"', 'ትግርኛ')"
        " && [...document.fonts].some(f => f.family.includes('Welkom Ethiopic')"
        " && !f.family.includes('Names') && f.status === 'loaded')"
    )
    # After the tap the worker installs and takes the rest of the app; the page's font is
    # reused, never downloaded again.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
    page.wait_for_function(CACHED_JS, arg=r"^/assets/noto-sans-ethiopic-(?!names)", timeout=30_000)
    for view in ("settings", "consent", "help"):
        page.wait_for_function(CACHED_JS, arg=f"^/assets/{view}-", timeout=60_000)
    quiet(page, link, 2)
    assert link.count(GEEZ_FONT) == 1, [p for p in link.requests if "ethiopic" in p]
    assert link.total() > before_tap  # the worker's precache came after the tap
    context.close()


def test_home_does_not_shift_when_its_data_arrives(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    """Slow 4G: the journey, the latest question and the inbox arrive after the first paint."""
    link = netshape.Link(port_of(server), netshape.SLOW_4G)
    context = new_phone(browser, link)
    try:
        context.add_init_script("localStorage.setItem('welkom.language', 'nl')")
        assert context.request.post("/api/v1/auth/demo-login", data={"login": "demo-resident"}).ok
        page = context.new_page()
        page.goto("/#/home")
        expect(page.locator("#home-title")).to_contain_text("Amal", timeout=60_000)
        expect(page.locator("[data-testid=next-step]")).to_be_visible(timeout=60_000)
        expect(page.locator(".card.updates")).to_be_visible(timeout=60_000)
        page.wait_for_timeout(500)
        assert page.evaluate(LAYOUT_SHIFT_JS) == 0
    finally:
        context.close()
        link.stop()


@pytest.mark.parametrize("code", ["nl", "ar", "ti"])
def test_large_text_keeps_the_bottom_bar_small(  # type: ignore[no-untyped-def]
    browser, link: netshape.Link, code: str, artifacts: Path
) -> None:
    """The phone's text size at 200 %: the bar stays one row, at most 15 % of the screen."""
    context = new_phone(browser, link)
    context.add_init_script(f"localStorage.setItem('welkom.language', '{code}')")
    assert context.request.post("/api/v1/auth/demo-login", data={"login": "demo-resident"}).ok
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page.goto("/#/home")
    expect(page.locator("#home-title")).to_contain_text("Amal")
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == 32
    bar = page.locator("nav.bar")
    expect(bar).to_be_visible()
    height = bar.evaluate("e => e.getBoundingClientRect().height")
    assert height <= 0.15 * HEIGHT, height
    # Every destination keeps its name for assistive technology.
    for link_name in page.locator("nav.bar .tabs a").all():
        assert link_name.evaluate("e => e.textContent.trim().length") > 0
    page.screenshot(path=str(artifacts / f"layout-{code}-large-text.png"))
    context.close()
