# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The resident's own views in the real PWA against the real backend: journey, services, cases,
my data, consent (given, withdrawn, receipts, also offline) and who looked at my data."""

from __future__ import annotations

import json
import re
import urllib.parse
import uuid
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from tests.e2e.helpers import ask, sign_in_as_resident


def api(page: Page, path: str) -> Any:
    """What the API itself answers for the signed-in resident (same cookie as the page)."""
    response = page.request.get(path)
    assert response.status == 200, response.text()
    return response.json()


def open_view(page: Page, view: str) -> None:
    page.evaluate("view => { location.hash = `#/${view}` }", view)
    # Focused: the app has moved the focus to the view's heading, so nothing the view does on
    # arrival takes it away from what the test clicks or types next (a busy machine is slow).
    expect(page.locator(f"#{view.split('?')[0]}-title")).to_be_focused()


def consent_card(page: Page, purpose: str):  # type: ignore[no-untyped-def]
    return page.locator(f"[data-testid=consents] li[data-purpose={purpose}]")


def ledger_of(page: Page, purpose: str) -> list[dict[str, Any]]:
    items = api(page, "/api/v1/me/consents/entries?limit=100")["items"]
    return [e for e in items if e["purpose"] == purpose]


def state_of(page: Page, purpose: str) -> str:
    states = api(page, "/api/v1/me/consents")
    return next(s["state"] for s in states if s["purpose"] == purpose)


def change_consent(page: Page, purpose: str, action: str) -> None:
    """Press give/withdraw, check the exact text and version are shown, and confirm."""
    card = consent_card(page, purpose)
    shown = next(s for s in api(page, "/api/v1/me/consents") if s["purpose"] == purpose)["text"]
    card.locator(f"button[data-action={action}]").click()
    confirm = card.locator("[data-testid=confirm]")
    expect(confirm).to_contain_text(shown["title"])
    expect(confirm).to_contain_text(shown["body"])
    expect(confirm.locator("[data-testid=text-version]")).to_contain_text(str(shown["version"]))
    expect(confirm.locator("h3")).to_be_focused()
    confirm.locator(f"button[data-confirm={action}]").click()


def test_consent_given_and_withdrawn_with_ledger_and_receipt(page: Page, artifacts: Path) -> None:
    purpose = "share_household_with_social_team"
    sign_in_as_resident(page)
    open_view(page, "data")
    page.locator('a[href="#/consent"]').click()
    expect(page.locator("#consent-title")).to_be_focused()
    card = consent_card(page, purpose)
    expect(card).to_have_attribute("data-state", "not_asked")

    change_consent(page, purpose, "grant")
    expect(card).to_have_attribute("data-state", "granted")
    # Other tests on the same demo may have given other consents: count this purpose's entries.
    expect(page.locator(f"[data-testid=ledger] li[data-purpose={purpose}]")).to_have_count(1)
    assert state_of(page, purpose) == "granted"

    change_consent(page, purpose, "withdraw")
    expect(card).to_have_attribute("data-state", "withdrawn")
    assert state_of(page, purpose) == "withdrawn"

    # The ledger shows both, newest first, as the API holds them.
    entries = ledger_of(page, purpose)
    assert [e["action"] for e in entries] == ["withdrawn", "granted"]
    rows = page.locator(f"[data-testid=ledger] li[data-purpose={purpose}]")
    expect(rows).to_have_count(2)
    assert [rows.nth(i).get_attribute("data-entry-id") for i in range(2)] == [
        e["id"] for e in entries
    ]
    assert [rows.nth(i).get_attribute("data-action") for i in range(2)] == [
        "withdrawn",
        "granted",
    ]
    page.screenshot(path=str(artifacts / "consent-nl-withdrawn.png"), full_page=True)

    # The withdrawal's receipt downloads, and says what the ledger says.
    with page.expect_download() as info:
        rows.nth(0).locator("[data-testid=receipt]").click()
    download = info.value
    assert download.suggested_filename == f"consent-receipt-{entries[0]['id']}.json"
    receipt = json.loads(Path(download.path()).read_text("utf-8"))
    assert receipt["action"]["code"] == "withdrawn"
    assert receipt["purpose"]["code"] == purpose
    assert receipt["consent_text"]["version"] == entries[0]["text_version"]


def test_consent_withdrawn_offline_is_sent_once_on_reconnect(page: Page, artifacts: Path) -> None:
    purpose = "contact_by_partner_organisations"
    sign_in_as_resident(page)
    open_view(page, "consent")
    card = consent_card(page, purpose)
    change_consent(page, purpose, "grant")
    expect(card).to_have_attribute("data-state", "granted")
    before = ledger_of(page, purpose)
    assert [e["action"] for e in before] == ["granted"]

    page.context.set_offline(True)
    change_consent(page, purpose, "withdraw")
    expect(card.locator("[data-state=queued]")).to_be_visible()
    expect(card.locator("button[data-action]")).to_have_count(0)  # no second change meanwhile
    expect(page.locator(".notice.queued")).to_contain_text("1")
    expect(page.locator(".notice.queued a")).to_have_attribute("href", "#/consent")
    assert state_of(page, purpose) == "granted"  # nothing has reached the server
    page.screenshot(path=str(artifacts / "consent-nl-offline-queued.png"), full_page=True)

    # Still waiting after an offline reload: the view from the worker, the change from IndexedDB.
    page.reload()
    open_view(page, "consent")
    expect(consent_card(page, purpose).locator("[data-state=queued]")).to_be_visible()

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    card = consent_card(page, purpose)
    expect(card).to_have_attribute("data-state", "withdrawn", timeout=20_000)
    expect(card.locator("[data-state=queued]")).to_have_count(0)
    expect(page.locator(".notice.queued")).to_have_count(0)
    assert [e["action"] for e in ledger_of(page, purpose)] == ["withdrawn", "granted"]

    # Another reconnect or reload sends nothing again.
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.reload()
    open_view(page, "consent")
    expect(page.locator("[data-testid=ledger] li")).not_to_have_count(0)
    assert [e["action"] for e in ledger_of(page, purpose)] == ["withdrawn", "granted"]
    assert state_of(page, purpose) == "withdrawn"


def test_journey_and_home_show_the_api_steps(page: Page) -> None:
    sign_in_as_resident(page)
    journey = api(page, "/api/v1/me/journey")
    nxt = journey["next_step"]
    assert nxt is not None
    expect(page.locator("[data-testid=next-step]")).to_contain_text(nxt["title"])

    page.locator('[data-testid=next-step] a[href="#/journey"]').click()
    expect(page.locator("#journey-title")).to_be_focused()
    steps = page.locator("[data-testid=journey] > li")
    expect(steps).to_have_count(len(journey["steps"]))
    for i, step in enumerate(journey["steps"]):
        expect(steps.nth(i)).to_have_attribute("data-step", step["key"])
        expect(steps.nth(i)).to_have_attribute("data-status", step["status"])
        expect(steps.nth(i).locator("h2")).to_have_text(step["title"])
    highlighted = page.locator("[data-testid=journey] > li[aria-current=step]")
    expect(highlighted).to_have_count(1)
    expect(highlighted).to_have_attribute("data-step", nxt["key"])
    expect(page.locator("[data-testid=journey-progress]")).to_contain_text(
        re.compile(rf"{journey['done']}\D+{journey['total']}")
    )


def test_services_list_search_category_and_detail(page: Page) -> None:
    sign_in_as_resident(page)
    open_view(page, "services")
    everything = api(page, "/api/v1/services?limit=50")["items"]
    cards = page.locator("[data-testid=services] > li")
    expect(cards).to_have_count(len(everything))

    # Search: what the API finds for the same words, no more, no less.
    words = "DigiD"
    found = api(page, f"/api/v1/services?limit=50&q={words}")["items"]
    assert 0 < len(found) < len(everything)
    page.locator("#services-q").fill(words)
    page.locator("form[role=search] button[type=submit]").click()
    expect(cards).to_have_count(len(found))
    assert sorted(cards.evaluate_all("els => els.map(e => e.dataset.serviceId)")) == sorted(
        s["id"] for s in found
    )
    expect(page).to_have_url(re.compile(r"#/services\?q=DigiD$"))

    # A category, after clearing the search.
    page.locator("#services-q").fill("")
    page.locator("form[role=search] button[type=submit]").click()
    expect(cards).to_have_count(len(everything))
    health = api(page, "/api/v1/services?limit=50&category=health")["items"]
    page.locator("button[data-category=health]").click()
    expect(page.locator("button[data-category=health]")).to_have_attribute("aria-pressed", "true")
    expect(cards).to_have_count(len(health))

    # A service with a place: hours, a plain map link, a route and a call button.
    page.locator("button[data-category=money]").click()
    money = api(page, "/api/v1/services?limit=50&category=money")["items"]
    expect(cards).to_have_count(len(money))
    detail = next(
        d
        for d in (api(page, f"/api/v1/services/{s['id']}") for s in money)
        if d.get("places") and d.get("body_html")
    )
    cards.locator(f"a[href='#/service?id={detail['id']}']").click()
    expect(page.locator("#service-title")).to_have_text(detail["title"])
    place = detail["places"][0]
    card = page.locator(f"[data-place-id='{place['id']}']")
    lat, lon = f"{place['latitude']:.5f}", f"{place['longitude']:.5f}"
    expect(card.locator("a[data-action=map]")).to_have_attribute(
        "href", re.compile(rf"^https://www\.openstreetmap\.org/\?mlat={lat}&mlon={lon}")
    )
    expect(card.locator("a[data-action=route]")).to_have_attribute(
        "href", re.compile(rf"^https://www\.openstreetmap\.org/directions\?route=%3B{lat}%2C{lon}$")
    )
    if place.get("phone"):
        expect(card.locator("a[data-action=call]")).to_have_attribute(
            "href", "tel:" + re.sub(r"[^+0-9]", "", place["phone"])
        )
    expect(card.locator(".hours dt")).to_have_count(
        len({h["day"] for h in place.get("opening_hours", [])})
    )
    # The body is rebuilt from an allowlist: the API's text, no script, no inline handlers.
    rich = page.locator(".rich")
    expect(rich).to_be_visible()
    assert rich.locator("script, style, [onclick], [style]").count() == 0
    if detail.get("body_language"):
        expect(rich).to_have_attribute("lang", detail["body_language"])


def test_cases_show_the_api_status(page: Page) -> None:
    sign_in_as_resident(page)
    ask(page, f"Hoe staat mijn zaak ervoor? {uuid.uuid4().hex[:8]}")
    open_view(page, "cases")
    expect(page.locator("#cases-title")).to_be_focused()
    cases = api(page, "/api/v1/me/cases?limit=20")["items"]
    assert cases
    rows = page.locator("[data-testid=cases] > li")
    expect(rows).to_have_count(len(cases))
    newest = rows.nth(0)
    expect(newest).to_have_attribute("data-case-id", cases[0]["interaction_id"])
    if cases[0]["status"]:
        expect(newest.locator("[data-status]")).to_have_text(cases[0]["status"])


def _caseworker_reads(page: Page, resident_id: str, times: int = 1) -> None:
    """The demo caseworker opens the resident's file (an audited read), in a context of their own."""
    other = page.context.browser.new_context(base_url=page.url.split("/#")[0])
    try:
        login = other.request.post("/api/v1/auth/demo-login", data={"login": "demo-caseworker"})
        assert login.status == 200, login.text()
        token = login.json()["token"]
        for _ in range(times):
            read = other.request.get(
                f"/api/v1/admin/residents/{resident_id}",
                headers={"Authorization": f"Bearer {token}"},
            )
            assert read.status == 200, read.text()
    finally:
        other.close()


def test_who_looked_at_my_data_shows_more_pages_on_request(page: Page) -> None:
    sign_in_as_resident(page)
    _caseworker_reads(page, api(page, "/api/v1/me")["id"], times=21)  # more than one page
    first = api(page, "/api/v1/me/access-log?limit=20")
    assert first["next_cursor"] is not None
    page.evaluate("() => { location.hash = '#/access' }")
    rows = page.locator("[data-testid=access-log] > li")
    expect(rows).to_have_count(20)
    page.locator("#access-title ~ button").click()  # "Show more"
    cursor = urllib.parse.quote(first["next_cursor"])
    second = api(page, f"/api/v1/me/access-log?limit=20&cursor={cursor}")
    expect(rows).to_have_count(20 + len(second["items"]))
    expect(rows.nth(20)).to_contain_text(second["items"][0]["actor_name"])


def test_my_data_correction_with_field_errors_and_access_log(page: Page) -> None:
    sign_in_as_resident(page)
    me = api(page, "/api/v1/me")
    _caseworker_reads(page, me["id"])
    open_view(page, "data")
    expect(page.locator("#me-preferred_name")).to_have_value(me["preferred_name"])
    household = api(page, "/api/v1/me/household")
    expect(page.locator("[data-testid=household] > li")).to_have_count(len(household))

    # A wrong postcode: the server's localized message under that field, nothing changed.
    page.locator("#me-street").fill("Stationsstraat")
    page.locator("#me-house_number").fill("12")
    page.locator("#me-postcode").fill("12")
    page.locator("#me-city").fill("Welkom")
    page.locator("#data-title ~ form button[type=submit]").click()
    expect(page.locator("#me-postcode")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#me-postcode-error")).to_be_visible()
    assert api(page, "/api/v1/me")["address"] == me["address"]

    page.locator("#me-postcode").fill("3811 MH")
    page.locator("#data-title ~ form button[type=submit]").click()
    expect(page.locator("#me-postcode")).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator(".status")).to_contain_text(re.compile(r"\S"))
    address = api(page, "/api/v1/me")["address"]
    assert address == {
        "street": "Stationsstraat",
        "house_number": "12",
        "postcode": "3811 MH",
        "city": "Welkom",
    }

    # Changed elsewhere meanwhile (another phone): the save is refused, nothing is lost silently.
    etag = page.request.get("/api/v1/me").headers["etag"]
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "welkom_csrf")
    elsewhere = page.request.patch(
        "/api/v1/me",
        data={"full_name": "Amal H. Haddad"},
        headers={"If-Match": etag, "X-CSRF-Token": csrf},
    )
    assert elsewhere.status == 200, elsewhere.text()
    page.locator("#me-phone").fill("+31 6 11111111")
    page.locator("#data-title ~ form button[type=submit]").click()
    expect(page.locator("[data-testid=data-problem]")).to_be_visible()
    expect(page.locator("#me-full_name")).to_have_value("Amal H. Haddad")
    assert api(page, "/api/v1/me")["phone"] == me["phone"]
    page.locator("#me-phone").fill("+31 6 11111111")
    page.locator("#data-title ~ form button[type=submit]").click()
    expect(page.locator("[data-testid=data-problem]")).to_have_count(0)
    page.wait_for_function(
        "() => fetch('/api/v1/me').then(r => r.json()).then(m => m.phone === '+31 6 11111111')"
    )

    page.locator('a[href="#/access"]').click()
    log = api(page, "/api/v1/me/access-log?limit=20")["items"]
    assert log
    rows = page.locator("[data-testid=access-log] > li")
    expect(rows).to_have_count(len(log))
    expect(rows.nth(0)).to_contain_text(log[0]["actor_name"])


def household_named(page: Page, name: str) -> list[dict[str, Any]]:
    return [m for m in api(page, "/api/v1/me/household") if m["name"] == name]


def test_household_member_added_corrected_and_removed(page: Page) -> None:
    sign_in_as_resident(page)
    open_view(page, "data")
    before = api(page, "/api/v1/me/household")
    expect(page.locator("[data-testid=household] > li")).to_have_count(len(before))

    # Add: a year that is not four digits is caught before sending; then added exactly once.
    page.locator("[data-action=add-member]").click()
    expect(page.locator("#member-new-title")).to_be_focused()
    page.locator("#member-new-relation").select_option("child")
    page.locator("#member-new-name").fill("Sami Haddad")
    page.locator("#member-new-birth_year").fill("15")
    page.locator("[data-testid=member-form] button[type=submit]").click()
    expect(page.locator("#member-new-birth_year")).to_have_attribute("aria-invalid", "true")
    assert len(api(page, "/api/v1/me/household")) == len(before)
    page.locator("#member-new-birth_year").fill("2015")
    page.locator("#member-new-school").fill("De Regenboog")
    page.locator("[data-testid=member-form] button[type=submit]").click()
    card = page.locator("[data-testid=household] > li", has_text="Sami Haddad")
    expect(card).to_contain_text("2015")
    expect(page.locator("[data-testid=member-form]")).to_have_count(0)
    expect(page.locator("[data-action=add-member]")).to_be_focused()  # not lost with the form
    (added,) = household_named(page, "Sami Haddad")
    assert (added["relation"], added["birth_year"], added["school"]) == (
        "child",
        2015,
        "De Regenboog",
    )
    form_id = f"#member-{added['id']}"

    # Correct: the server's localized field error (a year before 1900), nothing changed; then
    # saved with the school emptied.
    card.locator("[data-action=correct]").click()
    expect(page.locator(f"{form_id}-title")).to_be_focused()  # the form took the focus: type now
    page.locator(f"{form_id}-birth_year").fill("1800")
    card.locator("[data-testid=member-form] button[type=submit]").click()
    expect(page.locator(f"{form_id}-birth_year-error")).to_be_visible()
    assert household_named(page, "Sami Haddad")[0]["birth_year"] == 2015
    page.locator(f"{form_id}-birth_year").fill("2016")
    page.locator(f"{form_id}-school").fill("")
    card.locator("[data-testid=member-form] button[type=submit]").click()
    expect(card).to_contain_text("2016")
    expect(card.locator("[data-action=correct]")).to_be_focused()
    (corrected,) = household_named(page, "Sami Haddad")
    assert (corrected["birth_year"], corrected["school"]) == (2016, None)

    # Changed elsewhere meanwhile: the save is refused and the form shows what is there now.
    card.locator("[data-action=correct]").click()
    expect(page.locator(f"{form_id}-title")).to_be_focused()  # the form took the focus: type now
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "welkom_csrf")
    elsewhere = page.request.patch(
        f"/api/v1/me/household/{added['id']}",
        data={"school": "Het Anker"},
        headers={"If-Match": f'"v{corrected["version"]}"', "X-CSRF-Token": csrf},
    )
    assert elsewhere.status == 200, elsewhere.text()
    page.locator(f"{form_id}-birth_year").fill("2017")
    card.locator("[data-testid=member-form] button[type=submit]").click()
    expect(page.locator("[data-testid=household-problem]")).to_be_visible()
    expect(page.locator(f"{form_id}-school")).to_have_value("Het Anker")
    expect(page.locator(f"{form_id}-birth_year")).to_have_value("2016")
    assert household_named(page, "Sami Haddad")[0]["birth_year"] == 2016
    page.locator(f"{form_id}-birth_year").fill("2017")  # again, on what is there now
    card.locator("[data-testid=member-form] button[type=submit]").click()
    expect(card).to_contain_text("2017")
    (merged,) = household_named(page, "Sami Haddad")
    assert (merged["birth_year"], merged["school"]) == (2017, "Het Anker")

    # Remove, after a confirmation.
    card.locator("[data-action=remove]").click()
    card.locator("[data-testid=confirm-remove] button.primary").click()
    expect(page.locator("[data-testid=household] > li", has_text="Sami Haddad")).to_have_count(0)
    assert household_named(page, "Sami Haddad") == []
    assert len(api(page, "/api/v1/me/household")) == len(before)


def test_views_seen_online_open_offline_with_saved_data(page: Page) -> None:
    sign_in_as_resident(page)
    journey = api(page, "/api/v1/me/journey")
    services = api(page, "/api/v1/services?limit=50")["items"]
    for view in ["journey", "services", "cases", "consent"]:
        open_view(page, view)
        expect(page.locator("[aria-busy=true]")).to_have_count(0)
    open_view(page, f"service?id={services[0]['id']}")
    expect(page.locator("#service-title")).to_have_text(services[0]["title"])

    page.context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_be_visible()
    open_view(page, "journey")
    expect(page.locator("[data-testid=journey] > li")).to_have_count(len(journey["steps"]))
    expect(page.locator("#journey-title ~ .hint")).to_be_visible()  # saved on this phone
    open_view(page, "services")
    expect(page.locator("[data-testid=services] > li")).to_have_count(len(services))
    open_view(page, f"service?id={services[0]['id']}")
    expect(page.locator("#service-title")).to_have_text(services[0]["title"])
    open_view(page, "cases")
    expect(page.locator("#cases-title ~ .hint")).to_be_visible()
    open_view(page, "consent")
    expect(page.locator("[data-testid=consents] > li")).not_to_have_count(0)
    page.context.set_offline(False)


HOSTILE_BODY = (
    "<p>Veilig <strong>vet</strong></p><script>window.__pwned = 1</script>"
    '<img src="x" onerror="window.__pwned = 2">'
    '<a href="javascript:window.__pwned = 3">klik</a>'
    '<a href="https://example.org/x" onclick="window.__pwned = 4">goed</a>'
    '<iframe src="https://example.org/"></iframe><h2 style="color: red">Kop</h2>'
    "<svg><script>window.__pwned = 5</script></svg><custom-el>tekst</custom-el>"
)


def test_service_body_is_rebuilt_from_an_allowlist_even_if_the_server_slipped(
    browser,  # type: ignore[no-untyped-def]
    server: str,
) -> None:
    """Defence in depth: the server cleans bodies with nh3; if a hostile body got through anyway,
    the PWA still renders only allowlisted elements and runs nothing. (Service workers are blocked
    in this context so the test can replace the API's answer.)"""
    context = browser.new_context(
        base_url=server,
        locale="nl-NL",
        service_workers="block",
        viewport={"width": 412, "height": 900},
    )
    try:
        page = context.new_page()
        page.goto("/")
        page.get_by_role("button", name="Nederlands", exact=True).click()
        page.locator("section button.primary").first.click()
        expect(page.locator("#home-title")).to_contain_text("Amal")
        first = page.request.get("/api/v1/services?limit=1").json()["items"][0]
        detail = page.request.get(f"/api/v1/services/{first['id']}").json()
        page.route(
            f"**/api/v1/services/{first['id']}",
            lambda route: route.fulfill(json={**detail, "body_html": HOSTILE_BODY}),
        )
        open_view(page, f"service?id={first['id']}")
        rich = page.locator(".rich")
        expect(rich).to_contain_text("Veilig vet")
        expect(rich.locator("h2")).to_have_text("Kop")
        expect(rich).to_contain_text("klik")  # the text of a dropped link stays
        expect(rich).to_contain_text("tekst")
        assert rich.locator("script, img, iframe, svg, [onclick], [onerror], [style]").count() == 0
        links = rich.locator("a")
        expect(links).to_have_count(1)
        expect(links).to_have_attribute("href", "https://example.org/x")
        expect(links).to_have_attribute("rel", re.compile("noopener"))
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
    finally:
        context.close()
