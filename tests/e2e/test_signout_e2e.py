# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Signing out on a shared phone: offline too, the app forgets the resident at once and ends the
server session as soon as it is back online; unsent items are not deleted without asking."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.helpers import ask, open_view, sign_in_as_resident


def test_signing_out_offline_ends_the_session_when_back_online(page: Page) -> None:
    sign_in_as_resident(page)
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    page.context.set_offline(True)
    ask(page, "Mag ik mijn vraag later sturen?")
    expect(page.locator("[data-testid=queued] li")).to_have_count(1)

    # Sign out offline: first the app says what is still unsent, and Cancel keeps it.
    open_view(page, "settings")
    page.locator("[data-testid=logout]").click()
    unsent = page.locator("[data-testid=unsent-before-sign-out]")
    expect(unsent).to_contain_text("1")
    unsent.get_by_role("button", name="Annuleren").click()
    expect(unsent).to_have_count(0)
    page.locator("[data-testid=logout]").click()
    unsent.get_by_role("button", name="Uitloggen en ze verwijderen").click()
    expect(page.locator("#login-title")).to_be_visible()

    # Back online, the app reopened: still signed out, and the old session no longer works.
    page.context.set_offline(False)
    page.reload()
    expect(page.locator("#login-title")).to_be_visible()
    page.wait_for_function("() => localStorage.getItem('welkom.signOutPending') === null")
    for name in ("welkom_session", "welkom_csrf"):  # even if a copy of the cookie was kept
        if name in cookies:
            page.context.add_cookies([{"name": name, "value": cookies[name], "url": page.url}])
    assert page.request.get("/api/v1/auth/session").status == 401
    assert page.request.get("/api/v1/me/questions").status == 401
