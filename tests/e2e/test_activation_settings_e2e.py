# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Activation-code login (a caseworker issues the code through the admin API, the resident redeems
it in the app), "this phone" sign-in, and the settings: quiet hours, export, erasure, sign out."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.helpers import (
    choose_language,
    open_view,
    sign_in_as_resident,
    wait_for_service_worker,
)
from tests.e2e.helpers_actions import demo_token


def _new_resident_with_code(page: Page, name: str) -> tuple[str, str]:
    """A caseworker (bearer token, like a staff tool) makes a resident and issues a code."""
    token = demo_token(page.context, "demo-caseworker")
    auth = {"Authorization": f"Bearer {token}"}
    made = page.request.post(
        "/api/v1/admin/residents",
        data={"preferred_name": name, "preferred_language": "nl", "phone": "+31 6 87654321"},
        headers=auth,
    )
    assert made.status == 201, made.text()
    resident_id = made.json()["id"]
    issued = page.request.post(
        f"/api/v1/admin/residents/{resident_id}/activation-codes", headers=auth
    )
    assert issued.status == 201, issued.text()
    page.context.clear_cookies()  # the caseworker's calls left no session in this browser
    return resident_id, issued.json()["code"]


def test_a_resident_activates_with_the_code_from_the_caseworker(
    page: Page, browser, server
) -> None:  # type: ignore[no-untyped-def]
    name = f"Yonas {uuid.uuid4().hex[:4]}"
    resident_id, code = _new_resident_with_code(page, name)

    choose_language(page, "nl")
    wait_for_service_worker(page)
    page.get_by_role("button", name="Ik heb een activeringscode").click()
    # A wrong code: the API's reason, in Dutch, next to the field; nothing else happens.
    page.locator("#activation-code").fill("AAAA-BBBB-CCCC-DDDD-EEEE")
    page.locator("[data-testid=activation] button[type=submit]").click()
    error = page.locator("#activation-error")
    expect(error).to_be_visible()
    wrong = page.request.post(
        "/api/v1/auth/activation",
        data={"code": "AAAA-BBBB-CCCC-DDDD-EEEE"},
        headers={"Accept-Language": "nl"},
    ).json()
    expect(error).to_contain_text(wrong["detail"])
    expect(page.locator("#activation-code")).to_have_attribute("aria-invalid", "true")

    # The right code, typed in small letters with spaces: signed in as the new resident.
    page.locator("#activation-code").fill(code.lower().replace("-", " "))
    page.locator("[data-testid=activation] button[type=submit]").click()
    expect(page.locator("#home-title")).to_contain_text(name)
    session = page.request.get("/api/v1/auth/session").json()
    assert session["resident_id"] == resident_id
    assert session["roles"] == ["resident"]
    assert any(c["name"] == "welkom_device" for c in page.context.cookies())

    # The code is spent: another phone trying it gets the API's (Dutch) "already used".
    other = browser.new_context(base_url=server, locale="nl-NL")
    try:
        second = other.new_page()
        choose_language(second, "nl")
        second.get_by_role("button", name="Ik heb een activeringscode").click()
        second.locator("#activation-code").fill(code)
        second.locator("[data-testid=activation] button[type=submit]").click()
        expect(second.locator("#activation-error")).to_be_visible()
        used = other.request.post(
            "/api/v1/auth/activation", data={"code": code}, headers={"Accept-Language": "nl"}
        )
        assert used.status == 409
        expect(second.locator("#activation-error")).to_contain_text(used.json()["detail"])
    finally:
        other.close()

    # The session ends (idle timeout, simulated by dropping it): "this phone" signs in again.
    page.context.clear_cookies(name="welkom_session")
    page.reload()
    expect(page.locator("#login-title")).to_be_visible()
    page.get_by_role("button", name="Inloggen op deze telefoon").click()
    expect(page.locator("#home-title")).to_contain_text(name)

    # Asking for erasure needs a clear confirmation, and then tells what happens next.
    open_view(page, "settings")
    page.get_by_role("button", name="Vraag om mijn gegevens te wissen").click()
    expect(page.get_by_role("group", name="Weet je zeker")).to_contain_text("Weet je zeker")
    page.get_by_role("button", name="Nee, mijn gegevens bewaren").click()
    assert page.request.get("/api/v1/me/erasure-request").status == 404
    page.get_by_role("button", name="Vraag om mijn gegevens te wissen").click()
    page.get_by_role("button", name="Ja, wis mijn gegevens").click()
    erasure = page.locator("[data-testid=erasure]")
    expect(erasure).to_be_visible()
    state = page.request.get("/api/v1/me/erasure-request").json()
    expect(erasure).to_contain_text(state["what_happens"])

    # Sign out everywhere: the session and the remembered phone both stop working.
    page.locator("[data-testid=logout-everywhere]").click()
    expect(page.locator("#login-title")).to_be_visible()
    assert page.request.get("/api/v1/auth/session").status == 401
    assert page.request.post("/api/v1/auth/device-login", data={}).status == 401
    expect(page.get_by_role("button", name="Inloggen op deze telefoon")).to_have_count(0)


def test_settings_quiet_hours_and_export(page: Page) -> None:
    sign_in_as_resident(page)
    open_view(page, "settings")
    form = page.locator("[data-testid=quiet-hours]")
    expect(form).to_be_visible()
    # The accessibility statement is one tap away (docs/accessibility.md).
    statement = page.locator("[data-testid=accessibility-statement]")
    expect(statement).to_have_attribute("href", re.compile(r"accessibility"))
    page.locator("#quiet-start-hour").select_option("21")
    page.locator("#quiet-start-minute").select_option("30")
    page.locator("#quiet-end-hour").select_option("06")
    page.locator("#quiet-end-minute").select_option("45")
    form.locator("button[type=submit]").click()
    expect(page.locator("footer [role=status]")).not_to_be_empty()
    saved = page.request.get("/api/v1/me/notification-preferences").json()["quiet_hours"]
    assert (saved["start"], saved["end"]) == ("21:30", "06:45")
    page.reload()
    expect(page.locator("#quiet-start-hour")).to_have_value("21")
    expect(page.locator("#quiet-start-minute")).to_have_value("30")

    with page.expect_download() as download:
        page.locator("[data-testid=export]").click()
    path = download.value.path()
    assert download.value.suggested_filename == "welkom-export.json"
    exported = json.loads(Path(path).read_text(encoding="utf-8"))
    assert "Amal" in json.dumps(exported, ensure_ascii=False)
