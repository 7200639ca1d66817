# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Steps a resident takes in the PWA, shared by the end-to-end tests."""

from __future__ import annotations

import re
import time
from typing import Any

from playwright.sync_api import Page, expect

from tests.e2e.conftest import AXE, DIST

LANGUAGE_NAMES = {"nl": "Nederlands", "ar": "العربية", "ti": "ትግርኛ", "en": "English"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def choose_language(page: Page, code: str) -> None:
    """First visit: the language choice, each language in its own script."""
    page.goto("/")
    page.get_by_role("button", name=LANGUAGE_NAMES[code], exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", code)


# Every file of the app the service worker precaches (its two lists in the built sw.js).
PRECACHED_JS = """(paths) => {
  // wait_for_function takes a promise for true: check in the background, answer from the last.
  (async () => {
    const cached = new Set();
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) cached.add(new URL(r.url).pathname);
    window.__welkomPrecached = paths.every(p => cached.has(p));
  })();
  return window.__welkomPrecached === true;
}"""


def wait_for_service_worker(page: Page) -> None:
    """Until the service worker controls the page and has cached the whole app, so that every
    view opens offline. It registers once a language is chosen and the page has been quiet for
    2 s, and precaches after that (docs/pwa.md, "Offline"): generous, for a CI machine running
    two browsers at once."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
    source = (DIST / "sw.js").read_text()
    paths = sorted(
        set(re.findall(r'"(/assets/[^"]+|/manifest\.webmanifest|/icons/[^"]+)"', source))
    )
    page.wait_for_function(PRECACHED_JS, arg=paths, timeout=60_000)


def sign_in_as_resident(page: Page, code: str = "nl") -> None:
    choose_language(page, code)
    # The service worker controls the page from its first visit on (clients.claim()).
    wait_for_service_worker(page)
    page.locator("section button.primary").first.click()
    expect(page.locator("h1")).to_contain_text("Amal")


def open_view(page: Page, view: str) -> None:
    """A view through the main menu: its link in the bottom bar, or under "More"."""
    expect(page.locator("nav.bar")).to_be_visible()
    link = page.locator(f'nav a[href="#/{view}"]')
    if not link.is_visible():
        page.locator('nav button[aria-controls="more-menu"]').click()
    link.click()


def ask(page: Page, text: str) -> None:
    """Ask a question, see the confirmation where the form was, then go to "My questions"."""
    open_view(page, "ask")
    page.locator("textarea#question").fill(text)
    page.locator('form button[type="submit"]').click()
    confirmation = page.locator("[data-testid=ask-confirmation]")
    expect(confirmation).to_be_visible()
    confirmation.locator('a[href="#/questions"]').click()
    expect(page).to_have_url(re.compile(r"#/questions$"))


def api_questions(page: Page) -> list[dict[str, Any]]:
    """What the API itself holds for the signed-in resident (same cookie as the page)."""
    response = page.request.get("/api/v1/me/questions?limit=100")
    assert response.status == 200, response.text()
    return response.json()["items"]


def wait_for_question(page: Page, containing: str, seconds: float = 15) -> list[dict[str, Any]]:
    """The resident's questions on the server whose text holds ``containing``, once there is one.

    The PWA sends a question through its outbox, so it reaches the server a moment after the
    view shows it; this asks the server itself (not through the service worker's cache).
    """
    deadline = time.monotonic() + seconds
    while True:
        found = [q for q in api_questions(page) if containing in q["text"]]
        if found or time.monotonic() > deadline:
            return found
        page.wait_for_timeout(200)


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core on the current view, WCAG 2.2 AA rules (evaluated over CDP, so the CSP holds)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text("utf-8"))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' '))})))",
        AXE_TAGS,
    )
