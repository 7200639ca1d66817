# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A resident asks a volunteer for help in the real PWA; volunteers claim it; one claim wins."""

from __future__ import annotations

import uuid

from playwright.sync_api import Page, expect

from tests.e2e.helpers import open_view, sign_in_as_resident
from tests.e2e.helpers_actions import ask_for_help, sign_in_as_volunteer


def test_a_volunteer_claims_a_help_request_and_a_second_cannot(browser, server) -> None:  # type: ignore[no-untyped-def]
    contexts = [
        browser.new_context(base_url=server, locale="nl-NL", viewport={"width": 412, "height": 900})
        for _ in range(3)
    ]
    for c in contexts:
        c.set_default_timeout(15_000)
    resident, pieter, noor = (c.new_page() for c in contexts)
    try:
        description = f"Ik begrijp een brief van de belasting niet {uuid.uuid4().hex[:8]}"
        sign_in_as_resident(resident)
        ask_for_help(resident, description, share=True)
        mine = resident.locator("[data-testid=help-requests] li", has_text=description)
        expect(mine).to_have_attribute("data-state", "open")
        own = [
            r
            for r in resident.request.get("/api/v1/me/help-requests?limit=100").json()["items"]
            if r["description"] == description
        ]
        assert len(own) == 1  # sent once
        request_id = own[0]["id"]
        consents = resident.request.get("/api/v1/me/consents").json()
        share = next(c for c in consents if c["purpose"] == "share_contact_with_volunteer")
        assert share["state"] == "granted"  # the resident's consent went with the request

        # Both volunteers see it among the open requests of their language and area.
        sign_in_as_volunteer(pieter)
        sign_in_as_volunteer(noor, "demo-volunteer-2")
        for page in (pieter, noor):
            card = page.locator(f"[data-testid=open] li[data-help-id='{request_id}']")
            expect(card).to_contain_text(description)
            expect(card.locator("[data-testid=contact]")).to_have_count(0)  # nothing before a claim

        # Pieter claims it: it moves to his requests, with what the resident consented to share.
        pieter.locator(f"[data-testid=open] li[data-help-id='{request_id}'] button.primary").click()
        held = pieter.locator(f"[data-testid=mine] li[data-help-id='{request_id}']")
        expect(held).to_have_attribute("data-state", "claimed")
        contact = held.locator("[data-testid=contact]")
        expect(contact).to_contain_text("Amal")
        shown = pieter.request.get(f"/api/v1/volunteer/help-requests/{request_id}").json()
        assert shown["contact"]["preferred_name"] == "Amal"
        if shown["contact"]["phone"]:
            expect(contact).to_contain_text(shown["contact"]["phone"])

        # Noor's screen still offers it; her claim is refused with the API's own (Dutch) reason.
        noor.locator(f"[data-testid=open] li[data-help-id='{request_id}'] button.primary").click()
        expect(noor.locator("section .error[role=alert]")).to_be_visible()
        expect(noor.locator(f"li[data-help-id='{request_id}']")).to_have_count(0)  # reloaded: gone
        theirs = noor.request.get("/api/v1/volunteer/help-requests/mine").json()["items"]
        assert all(r["id"] != request_id for r in theirs)
        assert noor.locator("html").get_attribute("lang") == "nl"

        # The resident sees who helps; Pieter marks it done; the resident sees that too.
        resident.reload()
        open_view(resident, "help")
        card = resident.locator(f"[data-testid=help-requests] li[data-help-id='{request_id}']")
        expect(card).to_have_attribute("data-state", "claimed")
        expect(card.locator("[data-testid=help-state]")).to_contain_text("Pieter")

        held.locator("button.primary").click()  # "Mark as done"
        expect(pieter.locator(f"li[data-help-id='{request_id}']")).to_have_count(0)
        done = pieter.request.get("/api/v1/volunteer/help-requests/mine?state=done").json()
        assert any(r["id"] == request_id and r["contact"] is None for r in done["items"])

        resident.reload()
        open_view(resident, "help")
        expect(card).to_have_attribute("data-state", "done")
        card.locator(".rating button").nth(3).click()  # rate: 4 out of 5
        expect(card.locator("button[aria-pressed=true]")).to_have_text("4")
        rated = resident.request.get(f"/api/v1/me/help-requests/{request_id}").json()
        assert rated["state"] == "done"
        assert rated["feedback"]["rating"] == 4
    finally:
        for c in contexts:
            c.close()


def test_an_offline_request_for_help_waits_and_is_sent_once(page: Page) -> None:
    sign_in_as_resident(page)
    description = f"Hulp bij het invullen van een formulier {uuid.uuid4().hex[:8]}"
    open_view(page, "help")
    expect(page.locator("[data-testid=help-consent]")).to_be_visible()
    page.context.set_offline(True)
    ask_for_help(page, description, share=False)
    queued = page.locator("[data-testid=queued-help] li", has_text=description)
    expect(queued.locator("[data-state=queued]")).to_be_visible()
    expect(page.locator(".notice.queued")).to_be_visible()

    page.context.set_offline(False)
    # As the other offline tests: a first send that fails as the connection returns is retried
    # by the queue itself (after 2, then 5 s), so allow for one retry.
    expect(page.locator("[data-testid=help-requests] li", has_text=description)).to_be_visible(
        timeout=20_000
    )
    expect(queued).to_have_count(0)
    sent = [
        r
        for r in page.request.get("/api/v1/me/help-requests?limit=100").json()["items"]
        if r["description"] == description
    ]
    assert len(sent) == 1

    # Cancelling goes through the queue too.
    card = page.locator("[data-testid=help-requests] li", has_text=description)
    card.get_by_role("button").click()
    expect(card).to_have_attribute("data-state", "cancelled")
