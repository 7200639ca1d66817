# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A resident asks questions in the real PWA, online and offline, against the real backend."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, Route, expect

from tests.e2e.helpers import api_questions, ask, open_view, sign_in_as_resident


def test_question_is_registered_as_a_zaak(page: Page, artifacts: Path) -> None:
    sign_in_as_resident(page)
    text = f"Wanneer krijg ik de sleutel van mijn huis? {uuid.uuid4().hex[:8]}"

    ask(page, text)

    card = page.locator("[data-testid=questions] li", has_text=text)
    badge = card.locator("[data-state=registered]")
    expect(badge).to_be_visible(timeout=20_000)  # the outbox worker registers it in the demo
    mine = [q for q in api_questions(page) if q["text"] == text]
    assert len(mine) == 1
    zaak = mine[0]["registration"]["zaak_identificatie"]
    assert mine[0]["registration"]["state"] == "registered"
    assert zaak
    # The badge names the short reference a person can read out, not the long identificatie.
    expect(badge).to_contain_text(mine[0]["reference"])
    expect(badge).not_to_contain_text(zaak)
    page.screenshot(path=str(artifacts / "questions-nl-zaak.png"), full_page=True)

    # Registering it put a notification in the resident's inbox; home shows it as unread.
    inbox = page.request.get("/api/v1/me/notifications?limit=1").json()
    assert inbox["unread_count"] >= 1
    open_view(page, "home")
    unread = page.locator(".updates [data-unread]")
    expect(unread).to_have_attribute("data-unread", str(inbox["unread_count"]))
    expect(page.locator(".updates .text")).to_have_text(inbox["items"][0]["title"])


def test_offline_question_waits_and_is_sent_exactly_once(page: Page, artifacts: Path) -> None:
    sign_in_as_resident(page)
    before = len(api_questions(page))
    text = f"Waar kan ik taalles volgen? {uuid.uuid4().hex[:8]}"

    page.context.set_offline(True)
    ask(page, text)
    queued = page.locator("[data-testid=queued] li", has_text=text)
    expect(queued.locator("[data-state=queued]")).to_be_visible()
    expect(page.locator(".notice.queued")).to_contain_text("1")
    expect(page.locator(".notice.queued a")).to_have_attribute("href", "#/questions")
    expect(page.locator(".notice.offline")).to_be_visible()
    page.screenshot(path=str(artifacts / "questions-nl-offline-queued.png"), full_page=True)

    # Still there after a reload without network: the shell comes from the service worker,
    # the question from IndexedDB.
    page.reload()
    expect(page.locator("h1")).to_be_visible()
    open_view(page, "questions")
    expect(page.locator("[data-testid=queued] li", has_text=text)).to_be_visible()

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("[data-testid=queued]")).to_have_count(0, timeout=20_000)
    expect(page.locator("[data-testid=questions] li", has_text=text)).to_be_visible()
    expect(page.locator(".notice.queued")).to_have_count(0)

    mine = [q for q in api_questions(page) if q["text"] == text]
    assert len(mine) == 1
    # Coming back online again, or another flush, must not send it a second time.
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.reload()
    expect(page.locator("[data-testid=questions] li", has_text=text)).to_have_count(1)
    after = api_questions(page)
    assert len([q for q in after if q["text"] == text]) == 1
    assert len(after) == before + 1
    expect(
        page.locator("[data-testid=questions] li", has_text=text).locator("[data-state]")
    ).to_have_attribute("data-state", re.compile("pending|registered"))


def test_a_volunteer_sees_no_resident_actions(page: Page) -> None:
    page.goto("/")
    page.get_by_role("button", name="Nederlands", exact=True).click()
    page.locator("section button.primary").nth(1).click()  # the demo volunteer
    expect(page.locator("#home-title")).to_contain_text("Pieter")
    expect(page.locator('nav a[href="#/ask"]')).to_have_count(0)
    page.goto("/#/questions")
    expect(page.locator("#home-title")).to_be_visible()


def test_signing_out_leaves_nothing_personal_on_the_phone(page: Page) -> None:
    sign_in_as_resident(page)
    open_view(page, "questions")
    expect(page.locator("#questions-title")).to_be_visible()
    page.context.set_offline(True)
    ask(page, "Nog niet verstuurd")
    expect(page.locator("[data-testid=queued] li")).to_have_count(1)
    page.context.set_offline(False)

    open_view(page, "settings")
    page.locator("#settings-title ~ button.primary").click()
    expect(page.locator("#login-title")).to_be_visible()
    # Nothing personal is kept: no answer of /api/v1/me… or of the session (public reads such as
    # /api/v1/languages, fetched by the sign-in view, may be cached again).
    kept = page.evaluate(
        "async () => (await caches.has('welkom-api'))"
        " ? (await (await caches.open('welkom-api')).keys()).map(r => new URL(r.url).pathname)"
        " : []"
    )
    assert [p for p in kept if p.startswith(("/api/v1/me", "/api/v1/auth"))] == [], kept
    waiting = page.evaluate(
        "() => new Promise(r => { const q = indexedDB.open('welkom-queue');"
        " q.onsuccess = () => { const all = q.result.transaction('requests')"
        ".objectStore('requests').getAll(); all.onsuccess = () => r(all.result.length) } })"
    )
    assert waiting == 0  # sent when the connection returned, or removed on signing out

    # Offline and reloaded: the app opens at sign-in, with no one's data.
    page.context.set_offline(True)
    page.reload()
    expect(page.locator("#login-title")).to_be_visible()
    expect(page.locator("nav")).to_have_count(0)


def test_a_send_that_fails_when_the_connection_returns_is_retried_by_itself(page: Page) -> None:
    """The first send after coming back online meets a busy server (503): the question is not
    lost and not left waiting for another `online` event, the app tries again on its own."""
    sign_in_as_resident(page)
    text = f"Is de bibliotheek open op zondag? {uuid.uuid4().hex[:8]}"
    page.context.set_offline(True)
    ask(page, text)
    expect(page.locator("[data-testid=queued] li", has_text=text)).to_be_visible()

    refused: list[str] = []

    def busy_once(route: Route) -> None:
        if route.request.method == "POST" and not refused:
            refused.append(route.request.headers.get("idempotency-key", ""))
            route.fulfill(
                status=503,
                content_type="application/problem+json",
                body='{"type":"about:blank","title":"Busy","status":503}',
            )
        else:
            route.continue_()

    page.route("**/api/v1/me/questions", busy_once)
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("[data-testid=questions] li", has_text=text)).to_be_visible(timeout=20_000)
    expect(page.locator("[data-testid=queued]")).to_have_count(0)
    assert len(refused) == 1  # the busy answer came once
    assert refused[0]  # to a request with its Idempotency-Key
    assert len([q for q in api_questions(page) if q["text"] == text]) == 1


#: "When does the letter come?" as a resident would write it.
ASKED_IN = {"ar": "متى تصل الرسالة؟", "ti": "እቲ ደብዳቤ መዓስ ይመጽእ?"}


@pytest.mark.parametrize("code", ["ar", "ti"])
def test_case_reference_fits_a_small_screen(page: Page, artifacts: Path, code: str) -> None:
    """Issue 19: `WLK-` and 32 hex characters overflowed "My questions" and "My cases" on a
    360 px phone; the short reference fits, in Arabic (right to left) and Tigrinya."""
    page.set_viewport_size({"width": 360, "height": 740})
    sign_in_as_resident(page, code)
    # Written in the app's language, as a resident would: a question in Dutch tagged `ti` would
    # read as untranslated text to tests that check the views' script on the same demo.
    text = f"{ASKED_IN[code]} {uuid.uuid4().hex[:8]}"
    ask(page, text)
    card = page.locator("[data-testid=questions] li", has_text=text)
    badge = card.locator("[data-state=registered]")
    expect(badge).to_be_visible(timeout=20_000)
    [mine] = [q for q in api_questions(page) if q["text"] == text]
    reference = mine["reference"]
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", reference)
    expect(badge).to_contain_text(reference)
    assert fits(page, badge)
    page.screenshot(path=str(artifacts / f"questions-{code}-360-reference.png"), full_page=True)

    open_view(page, "cases")
    title = page.locator("[data-testid=cases] li .card-title", has_text=reference)
    expect(title).to_be_visible()
    expect(title).not_to_contain_text("WLK-")
    assert fits(page, title)
    page.screenshot(path=str(artifacts / f"cases-{code}-360-reference.png"), full_page=True)


def fits(page: Page, element: Locator) -> bool:
    """Within the 360 px viewport, its text not cut off, and the page does not scroll sideways."""
    box = element.bounding_box()
    assert box is not None
    inside = box["x"] >= 0 and box["x"] + box["width"] <= 360
    whole = element.evaluate("e => e.scrollWidth <= e.clientWidth")
    no_sideways = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    return inside and whole and no_sideways
