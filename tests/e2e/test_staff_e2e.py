# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The back office at /staff/ in Debian's Chromium against a real `welkom demo`: a caseworker
signs in, opens the oldest unanswered question, answers it, and the resident sees the answer in
My questions. axe-core (WCAG 2.2 AA) on every back-office view; screenshots in test-artifacts/."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.helpers import ask, axe_violations, open_view, sign_in_as_resident

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def staff(browser, server) -> Iterator[BrowserContext]:  # type: ignore[no-untyped-def]
    """A caseworker's browser: desktop-sized, Dutch, no service worker of the resident app."""
    context = browser.new_context(base_url=server, locale="nl-NL", viewport=DESKTOP)
    context.set_default_timeout(15_000)
    yield context
    context.close()


def no_violations(page: Page, view: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{view}: {violations}"


def sign_in_at_staff(page: Page, login: str = "demo-caseworker") -> None:
    """With the keyboard only: the login field, then Enter."""
    page.goto("/staff/")
    expect(page.locator("h1")).to_have_text("Inloggen in de backoffice")
    page.locator("#login").fill(login)
    page.locator("#login").press("Enter")


def oldest_unanswered(page: Page) -> dict[str, Any]:
    items = page.request.get("/api/v1/admin/conversations?limit=100").json()["items"]
    waiting = [c for c in items if not c["first_answered_at"]]
    return min(waiting, key=lambda c: c["question"]["created_at"])


def csrf(context: BrowserContext) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "welkom_csrf")


def test_caseworker_answers_the_oldest_question_and_the_resident_sees_it(
    page: Page, staff: BrowserContext, artifacts: Path
) -> None:
    # The resident asks (in Dutch, on a phone).
    sign_in_as_resident(page)
    ask(page, f"Wanneer krijg ik mijn huurtoeslag? {uuid.uuid4().hex[:8]}")

    # The caseworker signs in at /staff/.
    office = staff.new_page()
    office.goto("/staff/")
    expect(office.locator("h1")).to_have_text("Inloggen in de backoffice")
    no_violations(office, "login")
    office.screenshot(path=str(artifacts / "staff-login.png"), full_page=True)
    office.locator("#login").fill("demo-nobody")
    office.locator("#login").press("Enter")
    # The API's problem detail at the field it is about.
    expect(office.locator("#login-error")).to_be_visible()
    expect(office.locator("#login")).to_have_attribute("aria-invalid", "true")
    sign_in_at_staff(office)

    # The inbox: unanswered first, the oldest of them on top.
    expect(office.locator("h1")).to_have_text("Gesprekken")
    expect(office.locator(".who")).to_have_text("Sanne de Vries")
    rows = office.locator("[data-testid=inbox] tbody tr")
    expect(rows.first).to_be_visible()
    oldest = oldest_unanswered(office)
    expect(rows.first).to_have_attribute("data-question-id", oldest["question"]["id"])
    # The team's signals, counted by the API, above the inbox.
    signals = office.request.get("/api/v1/admin/signals?scope=team").json()
    kinds = office.locator("[data-testid=signals] [data-kind]")
    expect(kinds).to_have_count(3)
    unanswered = signals["counts"].get("unanswered_question", 0)
    expect(kinds.first).to_contain_text(f"{unanswered} Te lang onbeantwoord")
    no_violations(office, "inbox")
    office.screenshot(path=str(artifacts / "staff-inbox.png"), full_page=True)

    # The conversation, the resident's language prominent.
    rows.first.locator("a").click()
    expect(office.locator("h1")).to_contain_text(oldest["question"]["reference"])
    expect(office.locator("[data-testid=resident-language]")).to_contain_text("Nederlands")
    expect(office.locator("[data-testid=question-text]")).to_have_text(oldest["question"]["text"])
    no_violations(office, "conversation")

    # Bad input: the API's problem at the answer field, and what was typed is still there.
    office.locator("#answer-text").fill("   ")
    office.get_by_role("button", name="Antwoord versturen").click()
    expect(office.locator("#answer-text-error")).to_be_visible()
    expect(office.locator("#answer-text")).to_have_value("   ")
    no_violations(office, "conversation with a field error")

    answer = f"Je krijgt de huurtoeslag aan het eind van de maand. {uuid.uuid4().hex[:8]}"
    office.locator("#answer-text").fill(answer)
    office.get_by_role("button", name="Antwoord versturen").click()
    expect(office.locator("[role=status]")).to_have_text("Het antwoord is verstuurd.")
    expect(office.locator("[data-testid=messages]")).to_contain_text(answer)
    expect(office.locator("#answer-text")).to_have_value("")
    # Answered and settled (the answer's default): the handling panel shows the new state.
    expect(office.locator("#waiting-for")).to_have_value("nobody")
    office.screenshot(path=str(artifacts / "staff-conversation-answered.png"), full_page=True)

    # The resident sees the answer under that question in My questions.
    open_view(page, "home")
    open_view(page, "questions")
    card = page.locator(
        f"[data-testid=questions] li[data-question-id='{oldest['question']['id']}']"
    )
    expect(card.locator("[data-testid=answers]")).to_contain_text(answer)
    no_violations(page, "resident's questions with an answer")
    page.screenshot(path=str(artifacts / "questions-nl-answered.png"), full_page=True)


def test_a_colleagues_change_is_shown_and_the_choice_kept(
    page: Page, staff: BrowserContext, artifacts: Path
) -> None:
    sign_in_as_resident(page)
    ask(page, f"Hoe schrijf ik mijn kind in op school? {uuid.uuid4().hex[:8]}")
    question_id = page.request.get("/api/v1/me/questions?limit=1").json()["items"][0]["id"]

    office = staff.new_page()
    sign_in_at_staff(office)
    expect(office.locator("h1")).to_have_text("Gesprekken")
    office.goto(f"/staff/#/conversations/{question_id}")
    expect(office.locator("[data-testid=question-text]")).to_be_visible()

    # A colleague (the same API, another request) sets "waiting for" first.
    seen = office.request.get(f"/api/v1/admin/conversations/{question_id}").json()
    changed = office.request.put(
        f"/api/v1/admin/conversations/{question_id}/waiting-for",
        data={"waiting_for": "other_party"},
        headers={"If-Match": f'"v{seen["version"]}"', "X-CSRF-Token": csrf(staff)},
    )
    assert changed.status == 200, changed.text()

    office.locator("#waiting-for").select_option("resident")
    save = office.get_by_role("button", name="Opslaan", exact=True)
    save.focus()
    save.press("Enter")
    conflict = office.locator("[data-testid=conflict]")
    expect(conflict).to_contain_text("Wacht op een andere partij")
    expect(office.locator("#waiting-for")).to_have_value("resident")
    no_violations(office, "conversation with a conflict")
    office.screenshot(path=str(artifacts / "staff-conversation-conflict.png"), full_page=True)

    # Saving again applies the kept choice on the new version.
    with office.expect_response(
        lambda r: r.url.endswith("/waiting-for") and r.request.method == "PUT"
    ) as saved:
        save.click()
    assert saved.value.status == 200
    expect(conflict).to_be_hidden()
    after = office.request.get(f"/api/v1/admin/conversations/{question_id}").json()
    assert after["waiting_for"] == "resident"


def test_the_residents_service_worker_leaves_the_back_office_alone(page: Page) -> None:
    """A browser that has the resident app (and its service worker) still gets /staff/ itself."""
    sign_in_as_resident(page)
    page.goto("/staff/")
    expect(page.locator("#staff")).to_be_visible()
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    # Signed in as a resident: the back office says there is nothing here for this account.
    expect(page.locator("h1")).to_have_text("Geen toegang")
    no_violations(page, "no access")


def test_caseworker_issues_a_code_and_prints_the_letter(
    staff: BrowserContext, artifacts: Path
) -> None:
    office = staff.new_page()
    sign_in_at_staff(office)
    expect(office.locator("h1")).to_have_text("Gesprekken")
    office.get_by_role("link", name="Inwoners").click()
    expect(office.locator("h1")).to_have_text("Inwoners")
    row = office.locator("[data-testid=residents] tbody tr", has_text="Amal")
    expect(row).to_be_visible()
    no_violations(office, "residents")
    resident_id = row.get_attribute("data-resident-id")
    resident = office.request.get(f"/api/v1/admin/residents/{resident_id}").json()

    row.get_by_role("link").click()
    expect(office.locator("h1")).to_have_text(resident["preferred_name"])
    no_violations(office, "resident")
    with office.expect_response(
        lambda r: r.url.endswith("/activation-codes") and r.request.method == "POST"
    ) as issued:
        office.get_by_role("button", name="Activeringscode uitgeven").click()
    code = issued.value.json()["code"]

    # The letter: in Dutch and in the resident's language, the code in each.
    expect(office.locator("h1")).to_have_text("Activeringsbrief")
    letters = office.locator("article.letter")
    languages = (
        ["nl"] if resident["preferred_language"] == "nl" else ["nl", resident["preferred_language"]]
    )
    expect(letters).to_have_count(len(languages))
    for i, lang in enumerate(languages):
        expect(letters.nth(i)).to_have_attribute("lang", lang)
        expect(letters.nth(i).locator("[data-testid=activation-code]")).to_have_text(code)
    expect(letters.first).to_contain_text("Je activeringscode voor Welkom")
    expect(letters.first).to_contain_text("Ik heb een activeringscode")
    no_violations(office, "letter")
    office.screenshot(path=str(artifacts / "staff-activation-letter.png"), full_page=True)
    office.emulate_media(media="print")
    office.pdf(path=str(artifacts / "staff-activation-letter.pdf"))
    office.emulate_media(media="screen")

    # Shown once: on the resident's page, then back in the history to the letter: the code is gone.
    office.get_by_role("link", name="Terug naar de inwoner").click()
    expect(office.locator("[data-testid=codes]")).to_contain_text("Bruikbaar")
    office.go_back()
    expect(office.locator("h1")).to_have_text("Activeringsbrief")
    expect(office.locator("article.letter")).to_have_count(0)
    expect(office.get_by_text(code)).to_have_count(0)


def test_the_back_office_in_english_on_a_tablet(
    page: Page, staff: BrowserContext, artifacts: Path
) -> None:
    sign_in_as_resident(page, "ar")
    ask(page, f"متى أحصل على مفتاح بيتي؟ {uuid.uuid4().hex[:8]}")
    office = staff.new_page()
    office.set_viewport_size({"width": 820, "height": 1180})
    sign_in_at_staff(office)
    expect(office.locator("h1")).to_have_text("Gesprekken")
    office.get_by_role("button", name="English").click()
    expect(office.locator("h1")).to_have_text("Conversations")
    expect(office.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "true")
    expect(office.locator("html")).to_have_attribute("lang", "en")
    expect(office.locator("[data-testid=inbox]")).to_contain_text("Arabic")
    # The table fits the tablet's width: nothing scrolls sideways.
    assert office.evaluate("document.documentElement.scrollWidth <= innerWidth")
    no_violations(office, "inbox in English on a tablet")
    office.screenshot(path=str(artifacts / "staff-inbox-en-tablet.png"), full_page=True)
    # The choice is remembered for the next visit, apart from the resident app's language.
    office.reload()
    expect(office.locator("h1")).to_have_text("Conversations")
    assert office.evaluate("localStorage.getItem('welkom.language')") is None


def test_an_ended_session_signs_in_again_and_keeps_the_answer(
    page: Page, staff: BrowserContext
) -> None:
    sign_in_as_resident(page)
    ask(page, f"Waar haal ik een fiets? {uuid.uuid4().hex[:8]}")
    question_id = page.request.get("/api/v1/me/questions?limit=1").json()["items"][0]["id"]
    office = staff.new_page()
    sign_in_at_staff(office)
    expect(office.locator("h1")).to_have_text("Gesprekken")
    office.goto(f"/staff/#/conversations/{question_id}")
    answer = f"Bij het fietsdepot aan de Stationsweg. {uuid.uuid4().hex[:8]}"
    office.locator("#answer-text").fill(answer)

    staff.clear_cookies()  # the session ends (expired, or signed out elsewhere)
    office.get_by_role("button", name="Antwoord versturen").click()
    # The sign-in stands above the conversation, which stays in the page, hidden.
    expect(office.locator("h1:visible")).to_have_text("Inloggen in de backoffice")
    expect(office.locator("#conversation-title")).to_be_hidden()
    expect(office.locator(".notice")).to_contain_text("Je sessie is beëindigd")
    no_violations(office, "sign in again")
    office.locator("#login").press("Enter")

    expect(office.locator("#answer-text")).to_have_value(answer)
    office.get_by_role("button", name="Antwoord versturen").click()
    expect(office.locator("[data-testid=messages]")).to_contain_text(answer)
