# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Steps for the action views (help, documents, volunteers, push), shared by the e2e tests."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import BrowserContext, Page, expect

from tests.documents import pdf
from tests.e2e.helpers import open_view, wait_for_service_worker

#: A real one-page PDF (the server verifies the whole file, not only its first bytes).
PDF = pdf()


def csrf(context: BrowserContext) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "welkom_csrf")


def api_post(page: Page, path: str, body: dict[str, Any] | None = None) -> Any:
    """A POST with the page's own session (cookie + CSRF token), as the app sends it."""
    response = page.request.post(
        path, data=body or {}, headers={"X-CSRF-Token": csrf(page.context)}
    )
    assert response.ok, response.text()
    return response.json() if response.status != 204 else None


def demo_token(context: BrowserContext, login: str) -> str:
    """A bearer token for a demo account (staff calls made by the test, not by the app)."""
    response = context.request.post("/api/v1/auth/demo-login", data={"login": login})
    assert response.ok, response.text()
    return response.json()["token"]


def sign_in_as_volunteer(page: Page, login: str = "demo-volunteer") -> None:
    """The demo volunteer through the app's button; another demo volunteer through the API."""
    page.goto("/")
    page.get_by_role("button", name="Nederlands", exact=True).click()
    wait_for_service_worker(page)
    if login == "demo-volunteer":
        page.locator("section button.primary").nth(1).click()
    else:
        page.request.post("/api/v1/auth/demo-login", data={"login": login})
        page.reload()
    expect(page.locator('nav a[href="#/volunteer"]')).to_be_visible()
    open_view(page, "volunteer")
    expect(page.locator("#volunteer-title")).to_be_visible()


def ask_for_help(page: Page, description: str, *, share: bool = True) -> None:
    open_view(page, "help")
    expect(page.locator("#help-title")).to_be_visible()
    page.locator("#help-category").select_option("paperwork")
    page.locator("#help-description").fill(description)
    page.locator("#help-neighbourhood").fill("Centrum")
    page.locator("#help-language").select_option("nl")
    if share:
        box = page.locator("[data-testid=help-consent] input[type=checkbox]")
        expect(box).to_be_visible()
        if box.is_enabled():
            box.check()
    page.locator("[data-testid=help-form] button[type=submit]").click()
