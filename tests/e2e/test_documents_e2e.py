# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A resident sends a document from the PWA: queued offline with its Idempotency-Key, kept across
a reload, sent exactly once — also when the first answer is lost on the way back."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, Route, expect

from tests.e2e.helpers import open_view, sign_in_as_resident
from tests.e2e.helpers_actions import PDF


def _documents(page: Page) -> list[dict]:
    items = page.request.get("/api/v1/me/cases?limit=100").json()["items"]
    return [i for i in items if i["kind"] == "document"]


def _pick(page: Page, name: str, content: bytes = PDF) -> None:
    page.locator("#document-file").set_input_files(
        files=[{"name": name, "mimeType": "application/pdf", "buffer": content}]
    )


def test_a_document_sent_offline_waits_and_is_sent_once(page: Page, artifacts: Path) -> None:
    sign_in_as_resident(page)
    before = len(_documents(page))
    open_view(page, "documents")
    expect(page.locator("#documents-title")).to_be_visible()
    file_input = page.locator("#document-file")
    assert file_input.get_attribute("accept") == "image/*,application/pdf"
    assert file_input.get_attribute("capture") == "environment"  # the camera on a phone

    posts: list[str] = []
    page.on(
        "request",
        lambda r: (
            posts.append(r.headers.get("idempotency-key", ""))
            if r.method == "POST" and r.url.endswith("/api/v1/me/documents")
            else None
        ),
    )
    page.context.set_offline(True)
    _pick(page, "brief-offline.pdf")
    page.locator("form button[type=submit]").click()
    queued = page.locator("[data-testid=queued-documents] li", has_text="brief-offline.pdf")
    expect(queued.locator("[data-state=queued]")).to_be_visible()
    expect(page.locator(".notice.queued")).to_contain_text("1")
    expect(page.locator(".notice.queued a")).to_have_attribute("href", "#/documents")
    page.screenshot(path=str(artifacts / "documents-nl-offline-queued.png"), full_page=True)

    # The file's bytes survive a reload without network (IndexedDB, the shell from the worker).
    page.reload()
    open_view(page, "documents")
    expect(
        page.locator("[data-testid=queued-documents] li", has_text="brief-offline.pdf")
    ).to_be_visible()

    page.context.set_offline(False)
    expect(page.locator("[data-testid=sent-documents] [data-state=sent]")).to_be_visible()
    expect(page.locator("[data-testid=queued-documents]")).to_have_count(0)
    expect(page.locator(".notice.queued")).to_have_count(0)
    after = _documents(page)
    assert len(after) == before + 1  # exactly one document, and the API knows it
    keys = [k for k in posts if k]
    assert keys
    assert len(set(keys)) == 1


def test_a_lost_answer_is_retried_with_the_same_key_and_stored_once(browser, server) -> None:  # type: ignore[no-untyped-def]
    """The server stores the document but the answer never reaches the phone: the retry with the
    same key is answered from the first response, so there is still one document."""
    # Without a service worker, so Playwright can route the page's own request.
    context = browser.new_context(base_url=server, locale="nl-NL", service_workers="block")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto("/")
        page.get_by_role("button", name="Nederlands", exact=True).click()
        page.locator("section button.primary").first.click()
        expect(page.locator("h1")).to_contain_text("Amal")
        before = len(_documents(page))
        seen: list[tuple[str, int, str | None]] = []

        def lose_first_answer(route: Route) -> None:
            response = route.fetch()  # the server really receives and stores it
            key = route.request.headers.get("idempotency-key", "")
            seen.append((key, response.status, response.headers.get("idempotent-replayed")))
            if len(seen) == 1:
                route.abort("connectionreset")  # … but the phone never hears back
            else:
                route.fulfill(response=response)

        page.route("**/api/v1/me/documents", lose_first_answer)
        open_view(page, "documents")
        _pick(page, "brief-verloren-antwoord.pdf")
        page.locator("form button[type=submit]").click()
        expect(page.locator("[data-testid=queued-documents] [data-state=queued]")).to_be_visible()

        # The app retries when the connection comes back ('online'); the first attempt may
        # still be on its way when the event fires (then that flush is shared), so fire it
        # until the retry has happened.
        sent = page.locator("[data-testid=sent-documents] [data-state=sent]")
        for _ in range(40):
            if sent.count() or len(seen) >= 2:
                break
            page.evaluate("window.dispatchEvent(new Event('online'))")
            page.wait_for_timeout(250)
        expect(sent).to_be_visible()
        # Stored, then the first answer replayed (same status, marked as a replay).
        assert [(s, r) for _, s, r in seen] == [(201, None), (201, "true")]
        assert seen[0][0]
        assert seen[0][0] == seen[1][0]
        assert len(_documents(page)) == before + 1
    finally:
        context.close()
