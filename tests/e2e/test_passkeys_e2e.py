# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Passkeys in Debian's Chromium with its virtual authenticator (CDP ``WebAuthn``): a resident
activates with the caseworker's code, adds the passkey the app offers, signs out, and signs in
again with the passkey.

WebAuthn needs a domain as relying party id (an IP address is refused by the browser), so this
module runs its own demo server with ``WELKOM_PUBLIC_BASE_URL=http://localhost:<port>`` and the
browser visits it at that address; the RP id and origin are derived from it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import conftest as e2e
from tests.e2e.helpers import choose_language, open_view, wait_for_service_worker
from tests.e2e.helpers_actions import demo_token


@pytest.fixture(scope="module")
def localhost_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = e2e._free_port()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WELKOM_PUBLIC_BASE_URL", f"http://localhost:{port}")
        patch.setattr(e2e, "_free_port", lambda: port)
        with e2e.run_welkom(e2e.DIST, tmp_path_factory.mktemp("welkom-passkeys")):
            yield f"http://localhost:{port}"


@pytest.fixture
def phone(browser, localhost_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(
        base_url=localhost_server, locale="nl-NL", viewport={"width": 360, "height": 740}
    )
    context.set_default_timeout(15_000)
    yield context
    context.close()


def _virtual_authenticator(page: Page) -> tuple[object, str]:
    """A platform authenticator that verifies the user (as a phone's screen lock does)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return cdp, added["authenticatorId"]


def test_activate_add_passkey_sign_out_and_sign_in_with_it(phone, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    page = phone.new_page()
    name = f"Selam {uuid.uuid4().hex[:4]}"
    auth = {"Authorization": f"Bearer {demo_token(phone, 'demo-caseworker')}"}
    made = page.request.post(
        "/api/v1/admin/residents",
        data={"preferred_name": name, "preferred_language": "nl"},
        headers=auth,
    )
    assert made.status == 201, made.text()
    issued = page.request.post(
        f"/api/v1/admin/residents/{made.json()['id']}/activation-codes", headers=auth
    )
    assert issued.status == 201, issued.text()
    phone.clear_cookies()
    cdp, authenticator_id = _virtual_authenticator(page)

    choose_language(page, "nl")
    wait_for_service_worker(page)
    page.get_by_role("button", name="Ik heb een activeringscode").click()
    page.locator("#activation-code").fill(issued.json()["code"])
    page.locator("[data-testid=activation] button[type=submit]").click()
    expect(page.locator("#home-title")).to_contain_text(name)

    # Right after activation the app offers a passkey.
    offer = page.locator("[data-testid=passkey-offer]")
    expect(offer).to_be_visible()
    page.screenshot(path=str(artifacts / "passkey-offer-nl.png"))
    offer.locator("[data-testid=add-passkey]").click()
    expect(page.locator("[data-testid=passkey-added]")).to_be_visible()
    listed = page.request.get("/api/v1/auth/passkeys").json()
    assert [p["last_used_at"] for p in listed] == [None]
    credentials = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})
    assert len(credentials["credentials"]) == 1
    assert credentials["credentials"][0]["isResidentCredential"] is True

    # Sign out: the session ends on the server.
    open_view(page, "settings")
    expect(page.locator("[data-testid=passkey]")).to_have_count(1)
    page.get_by_role("button", name="Uitloggen", exact=True).click()
    expect(page.locator("#login-title")).to_be_visible()
    assert page.request.get("/api/v1/auth/session").status == 401

    # Back in with the passkey, no code needed.
    page.locator("[data-testid=passkey-login]").click()
    expect(page.locator("#home-title")).to_contain_text(name)
    session = page.request.get("/api/v1/auth/session")
    assert session.status == 200
    assert session.json()["display_name"] == name
    used = page.request.get("/api/v1/auth/passkeys").json()
    assert used[0]["last_used_at"] is not None
    credentials = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})
    assert credentials["credentials"][0]["signCount"] >= 1
