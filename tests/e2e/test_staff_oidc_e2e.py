# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Staff sign in to the back office through a real OpenID Connect provider (npm
``oidc-provider``, tests/oidc/server.mjs, its login page), and the activation letter's QR link
opens the resident app with the code filled in. Debian's Chromium against a `welkom demo`
configured with the provider as the demo municipality's staff IdP: a refusal at the provider and a
callback that names no sign-in both come back to the sign-in page with their own message; the
letter tells the resident to scan the QR code. axe-core (WCAG 2.2 AA) on the sign-in page;
screenshots in test-artifacts/staff-oidc-*.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.conftest import DIST, _free_port, run_welkom
from tests.e2e.helpers import LANGUAGE_NAMES, axe_violations
from tests.oidc.provider import ACCOUNTS, providers, run_provider, welkom_client

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 412, "height": 900}
#: Every test account's password at the test provider's login page.
PASSWORD = "correct horse battery staple"
SIGN_IN = "Inloggen met Gemeente Welkom (demo)"  # the demo municipality's name


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's demo: the test provider as the demo municipality's staff IdP."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    config = {
        "password": PASSWORD,
        "providers": [
            {
                "name": "staff",
                "clients": [welkom_client("staff", base)],
                "accounts": ACCOUNTS["staff"],
            }
        ],
    }
    with run_provider(config, tmp_path_factory.mktemp("oidc-e2e")) as issuers:
        staff = providers(dict.fromkeys(("staff", "volunteers", "digid"), issuers["staff"]))[0]
        env = {
            "WELKOM_PUBLIC_BASE_URL": base,
            "WELKOM_OIDC_PROVIDERS": f"[{staff.model_dump_json()}]",
        }
        with run_welkom(DIST, tmp_path_factory.mktemp("welkom-oidc-e2e"), env, port=port) as served:
            yield served


@pytest.fixture
def office(browser, server) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    """A member of staff's browser: desktop-sized, Dutch."""
    context = browser.new_context(base_url=server, locale="nl-NL", viewport=DESKTOP)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def no_violations(page: Page, view: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{view}: {violations}"


def at_the_provider(page: Page, user: str, password: str) -> None:
    """The provider's own login page (another origin): user name, password, Sign in."""
    expect(page.locator("h1")).to_have_text("Sign in at staff")
    assert "/interaction/" in page.url
    page.locator("#username").fill(user)
    page.locator("#password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def test_staff_sign_in_through_the_provider(office: Page, artifacts: Path) -> None:
    office.goto("/staff/")
    expect(office.locator("h1")).to_have_text("Inloggen in de backoffice")
    button = office.get_by_role("button", name=SIGN_IN)
    expect(button).to_be_visible()
    # Demo login is on in the demo: the demo accounts below the provider's button.
    expect(office.get_by_role("heading", name="Demo-accounts")).to_be_visible()
    assert office.locator("button").filter(has_text=SIGN_IN).count() == 1
    no_violations(office, "sign-in with a provider")
    office.screenshot(path=str(artifacts / "staff-oidc-login.png"), full_page=True)

    # With the keyboard; a wrong password at the provider: back here, told so in Dutch.
    button.focus()
    office.keyboard.press("Enter")
    at_the_provider(office, "sanne", "not the password")
    refused = office.get_by_role("alert")
    expect(refused).to_have_text(
        "Het inloggen is afgebroken of geweigerd. Probeer het opnieuw, of vraag je beheerder om "
        "toegang."
    )
    assert "signin_error" not in office.url  # taken out of the address bar
    assert office.request.get("/api/v1/auth/session").status == 401
    no_violations(office, "sign-in refused")
    office.screenshot(path=str(artifacts / "staff-oidc-refused.png"), full_page=True)

    # A callback that names no sign-in (a stale link, the back button): back here, not to a
    # problem document, with its own message.
    office.goto("/api/v1/auth/oidc/staff/callback?code=x&state=made-up")
    expect(office.locator("h1")).to_have_text("Inloggen in de backoffice")
    expect(office.get_by_role("alert")).to_have_text("Inloggen is niet gelukt. Begin opnieuw.")
    assert urlsplit(office.url).path == "/staff/"
    assert "signin_error" not in office.url

    # The right password: back in the back office as a caseworker, at the caseworker's work list.
    office.get_by_role("button", name=SIGN_IN).click()
    at_the_provider(office, "sanne", PASSWORD)
    expect(office.locator("h1")).to_have_text("Gesprekken")
    expect(office.locator(".who")).to_have_text("Sanne de Vries")
    expect(office.locator("[data-testid=signals]")).to_be_visible()
    assert urlsplit(office.url).path == "/staff/"
    assert office.request.get("/api/v1/auth/session").json()["roles"] == ["caseworker"]
    office.screenshot(path=str(artifacts / "staff-oidc-inbox.png"), full_page=True)


def test_the_letters_qr_link_opens_the_activation(
    office: Page, browser, server, artifacts: Path
) -> None:  # type: ignore[no-untyped-def]
    # The caseworker (the demo account) issues a code for Amal; the letter carries the link.
    office.goto("/staff/")
    office.locator("#login").fill("demo-caseworker")
    office.locator("#login").press("Enter")
    office.get_by_role("link", name="Inwoners").click()
    office.locator("[data-testid=residents] tbody tr", has_text="Amal").get_by_role("link").click()
    with office.expect_response(
        lambda r: r.url.endswith("/activation-codes") and r.request.method == "POST"
    ) as issued:
        office.get_by_role("button", name="Activeringscode uitgeven").click()
    code, link = issued.value.json()["code"], issued.value.json()["qr_payload"]
    expect(office.locator("h1")).to_have_text("Activeringsbrief")
    # The instructions start with scanning the QR code, in both languages of the letter.
    scan = office.locator("article.letter [data-testid=letter-scan]")
    expect(scan).to_have_count(2)
    expect(scan.nth(0)).to_contain_text("QR-code")
    expect(scan.nth(1)).to_contain_text("QR")
    # The resident app's address, the code only in the fragment (never sent to a server).
    assert link == f"{server}/#/activate?code={code}"

    # A phone that never opened Welkom scans it: language first, then the code is filled in.
    phone: BrowserContext = browser.new_context(locale="nl-NL", viewport=PHONE)
    try:
        page = phone.new_page()
        page.goto(link)
        expect(page).to_have_url(f"{server}/#/login")  # the code is out of the address bar
        page.get_by_role("button", name=LANGUAGE_NAMES["nl"], exact=True).click()
        expect(page.locator("#activation-code")).to_have_value(code)
        assert "code=" not in page.evaluate("location.href")
        page.screenshot(path=str(artifacts / "staff-oidc-activation-link.png"), full_page=True)
        page.locator("[data-testid=activation] button[type=submit]").click()
        expect(page.locator("#home-title")).to_contain_text("Amal")
        assert page.request.get(f"{server}/api/v1/auth/session").json()["roles"] == ["resident"]
    finally:
        phone.close()
