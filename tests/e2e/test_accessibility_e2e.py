# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""axe-core on every view of the PWA in Dutch, Arabic and Tigrinya: 0 WCAG 2.2 AA violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import (
    LANGUAGE_NAMES,
    ask,
    axe_violations,
    open_view,
    wait_for_service_worker,
)
from tests.e2e.helpers_actions import ask_for_help

VIEWS = [
    "home",
    "ask",
    "questions",
    "journey",
    "services",
    "cases",
    "data",
    "documents",
    "help",
    "notifications",
    "settings",
]
# Reached from links in other views, not from the menu.
LINKED = ["access", "consent"]  # ends on consent for the confirmation below


@pytest.mark.parametrize("code", ["nl", "ar", "ti"])
def test_every_view_has_no_wcag_violations(page: Page, code: str) -> None:
    found: dict[str, list] = {}
    csp: list[str] = []
    page.on(
        "console",
        lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto("/")
    expect(page.locator("#language-title")).to_be_visible()
    found["language"] = axe_violations(page)

    page.get_by_role("button", name=LANGUAGE_NAMES[code], exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page.locator("#login-title")).to_be_visible()
    found["login"] = axe_violations(page)
    page.locator("section > .actions > button:not(.primary)").first.click()  # activation code
    page.locator("[data-testid=activation] button[type=submit]").click()  # empty: an error
    expect(page.locator("#activation-error")).to_be_visible()
    found["login-activation"] = axe_violations(page)
    page.reload()
    expect(page.locator("#login-title")).to_be_visible()

    wait_for_service_worker(page)
    page.locator("section button.primary").first.click()
    expect(page.locator("#home-title")).to_be_visible()
    ask(page, f"Toegankelijkheid {code}")  # so the lists and badges are on screen
    expect(page.locator("[data-testid=questions] li").first).to_be_visible()
    ask_for_help(page, f"Toegankelijkheid {code}", share=False)
    expect(page.locator("[data-testid=help-requests] li").first).to_be_visible()
    for view in VIEWS:
        open_view(page, view)
        expect(page.locator(f"#{view}-title")).to_be_visible()
        expect(page.locator("main [aria-busy=true]")).to_have_count(0)
        found[view] = axe_violations(page)
    for view in LINKED:
        page.evaluate("view => { location.hash = `#/${view}` }", view)
        expect(page.locator(f"#{view}-title")).to_be_visible()
        expect(page.locator("main [aria-busy=true]")).to_have_count(0)
        found[view] = axe_violations(page)
    page.locator("[data-testid=consents] button[data-action]").first.click()
    expect(page.locator("[data-testid=confirm]")).to_be_visible()
    found["consent-confirm"] = axe_violations(page)
    open_view(page, "data")
    page.locator("[data-action=add-member]").click()
    page.locator("[data-testid=member-form] button[type=submit]").click()  # empty: an error
    expect(page.locator("#member-new-name-error")).to_be_visible()
    found["household-form"] = axe_violations(page)
    open_view(page, "services")
    page.locator("[data-testid=services] a").first.click()
    expect(page.locator("#service-title ~ .summary")).to_be_visible()  # the service has loaded
    found["service"] = axe_violations(page)

    page.context.set_offline(True)
    ask(page, f"Offline {code}")
    expect(page.locator("[data-testid=queued] li").first).to_be_visible()
    found["questions-offline"] = axe_violations(page)
    page.context.set_offline(False)
    expect(page.locator(".notice.queued")).to_have_count(0)

    open_view(page, "settings")
    page.locator("#settings-title ~ button.primary").click()  # sign out; the volunteer's views
    page.locator("section button.primary").nth(1).click()
    open_view(page, "volunteer")
    expect(page.locator("[data-testid=open] li").first).to_be_visible()
    found["volunteer"] = axe_violations(page)

    assert {view: v for view, v in found.items() if v} == {}
    assert csp == []  # the app runs under its strict policy without a single violation
    assert set(found) == {
        "language",
        "login",
        "login-activation",
        *VIEWS,
        *LINKED,
        "consent-confirm",
        "household-form",
        "service",
        "questions-offline",
        "volunteer",
    }


def test_the_checker_does_find_violations(page: Page) -> None:
    """Guards the test above: axe really runs here and reports what it finds."""
    page.goto("/")
    expect(page.locator("#language-title")).to_be_visible()  # the app has rendered
    page.evaluate(
        "() => { const b = document.createElement('button');"
        " b.style.color = '#ddd'; b.style.background = '#fff'; b.textContent = 'low contrast';"
        " document.querySelector('main').append(b, document.createElement('input')); }"
    )
    ids = {v["id"] for v in axe_violations(page)}
    assert {"color-contrast", "label"} <= ids
