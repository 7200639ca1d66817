# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The caseworker's back office beyond answering, in Debian's Chromium against a real
`welkom demo`: intake of a new resident leading to the activation letter, the resident's file
(data, household, journey, consent, who looked: the caseworker's own read among them; the
registered data corrected, with a field error and the merge after a 412; a journey step's note),
handing a resident over to a colleague, "needs interpreter", reassigning a conversation to a named
colleague and the field-by-field merge after a 412.
axe-core (WCAG 2.2 AA) on every new view; screenshots in test-artifacts/staff-case-*.png."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.helpers import ask, sign_in_as_resident
from tests.e2e.test_staff_e2e import DESKTOP, csrf, no_violations, sign_in_at_staff
from tests.translation.server import running


@pytest.fixture
def staff(browser, server) -> Iterator[BrowserContext]:  # type: ignore[no-untyped-def]
    """A caseworker's browser: desktop-sized, Dutch."""
    context = browser.new_context(base_url=server, locale="nl-NL", viewport=DESKTOP)
    context.set_default_timeout(15_000)
    yield context
    context.close()


def signed_in(staff: BrowserContext) -> Page:
    office = staff.new_page()
    sign_in_at_staff(office)
    expect(office.locator("h1")).to_have_text("Gesprekken")
    return office


def test_intake_of_a_new_resident_leads_to_the_letter(
    staff: BrowserContext, artifacts: Path
) -> None:
    office = signed_in(staff)
    office.get_by_role("link", name="Inwoners").click()
    office.get_by_role("link", name="Nieuwe inwoner (intake)").click()
    expect(office.locator("h1")).to_have_text("Nieuwe inwoner (intake)")
    no_violations(office, "intake")

    # A future arrival date: the API's field error appears at its field, nothing typed is lost.
    name = f"Hana {uuid.uuid4().hex[:6]}"
    office.locator("#intake-preferred_name").fill(name)
    office.locator("#intake-preferred_language").select_option("ti")
    office.locator("#intake-arrival_date").fill("2999-01-01")
    office.get_by_role("button", name="Inschrijven en activeringscode uitgeven").click()
    expect(office.locator("#intake-arrival_date-error")).to_be_visible()
    expect(office.locator("#intake-arrival_date")).to_have_attribute("aria-invalid", "true")
    expect(office.locator("#intake-preferred_name")).to_have_value(name)
    no_violations(office, "intake with a field error")
    office.screenshot(path=str(artifacts / "staff-case-intake-error.png"), full_page=True)

    office.locator("#intake-arrival_date").fill("2026-01-15")
    with office.expect_response(
        lambda r: r.url.endswith("/activation-codes") and r.request.method == "POST"
    ) as issued:
        office.get_by_role("button", name="Inschrijven en activeringscode uitgeven").click()
    code = issued.value.json()["code"]
    expect(office.locator("h1")).to_have_text("Activeringsbrief")
    letters = office.locator("article.letter")
    expect(letters).to_have_count(2)
    expect(letters.nth(1)).to_have_attribute("lang", "ti")
    expect(letters.nth(0).locator("[data-testid=activation-code]")).to_have_text(code)
    office.screenshot(path=str(artifacts / "staff-case-intake-letter.png"), full_page=True)
    # The new resident is in the list, with the caseworker who took them in.
    found = office.request.get("/api/v1/admin/residents?caseload=mine&limit=100").json()["items"]
    assert [r["preferred_language"] for r in found if r["preferred_name"] == name] == ["ti"]

    # A resident taken in without a caseworker: "Make me the caseworker" from the file.
    other = office.request.post(
        "/api/v1/admin/residents",
        data={"preferred_name": f"Yonas {uuid.uuid4().hex[:6]}", "preferred_language": "ti",
              "become_caseworker": False},
        headers={"X-CSRF-Token": csrf(staff)},
    )  # fmt: skip
    assert other.status == 201, other.text()
    office.goto(f"/staff/#/residents/{other.json()['id']}")
    become = office.locator("[data-testid=become-caseworker]")
    office.locator("#caseworker-contact").fill("030 123 4567 (ma–do)")
    become.get_by_role("button", name="Maak mij de klantmanager").click()
    expect(office.locator("[data-testid=caseworker-status]")).to_have_text(
        "U bent nu de klantmanager van deze inwoner."
    )
    expect(office.locator("[data-testid=resident-data]")).to_contain_text("Sanne de Vries")
    expect(become).to_have_count(0)
    no_violations(office, "resident's file after becoming the caseworker")

    # Handed over to a colleague: the file names them as the resident's caseworker.
    hand_over = office.locator("[data-testid=assign-caseworker]")
    hand_over.locator("#caseworker-colleague").select_option(label="Daan Visser")
    hand_over.get_by_role("button", name="Toewijzen").click()
    expect(hand_over.get_by_role("status")).to_have_text(
        "Daan Visser is nu de klantmanager van deze inwoner."
    )
    expect(office.locator("[data-testid=resident-data] .facts")).to_contain_text("Daan Visser")
    expect(office.locator("[data-testid=become-caseworker]")).to_be_visible()
    no_violations(office, "resident's file after handing over to a colleague")


def test_the_residents_file_shows_who_looked(staff: BrowserContext, artifacts: Path) -> None:
    office = signed_in(staff)
    office.get_by_role("link", name="Inwoners").click()
    row = office.locator("[data-testid=residents] tbody tr", has_text="Amal")
    row.get_by_role("link").click()
    expect(office.locator("h1")).to_have_text("Amal")
    # The phone as the register holds it now: other tests on this shared demo change Amal's.
    resident_id = office.url.rsplit("/", 1)[-1]
    phone = office.request.get(f"/api/v1/admin/residents/{resident_id}").json()["phone"]
    assert phone
    expect(office.locator("[data-testid=resident-data]")).to_contain_text(phone)
    expect(office.locator("[data-testid=household]")).to_contain_text("Karim")
    expect(office.locator("[data-testid=household]")).to_contain_text("Lina")
    journey = office.locator("[data-testid=journey] li")
    expect(journey.first).to_be_visible()
    assert journey.count() >= 4
    consents = office.locator("[data-testid=consents] li[data-purpose]")
    expect(consents.first).to_be_visible()
    # Who looked: this very visit, recorded by the API, is in the list (the file's other
    # parts are read at the same moment, so not necessarily as the newest entry).
    # The field groups in words ("access_log" is "wie keek").
    looked = office.locator("[data-testid=who-looked] tbody tr", has_text="wie keek")
    expect(looked.first).to_contain_text("Sanne de Vries")
    expect(office.locator("[data-testid=who-looked]")).not_to_contain_text("access_log")
    no_violations(office, "resident's file")
    office.screenshot(path=str(artifacts / "staff-case-file.png"), full_page=True)

    # Correcting the registered data: the API's field error at its field, nothing typed lost.
    registered = office.locator("[data-testid=registered-data]")
    registered.get_by_role("button", name="Geregistreerde gegevens corrigeren").click()
    mine = f"Wet BRP art. 2.1 ({uuid.uuid4().hex[:6]})"
    office.locator("#registered-bsn").fill("123456789")  # fails the 11-proef
    office.locator("#registered-bsn_source").fill("BRP")
    office.locator("#registered-legal_basis").fill(mine)
    registered.get_by_role("button", name="Opslaan", exact=True).click()
    expect(office.locator("#registered-bsn-error")).to_be_visible()
    expect(office.locator("#registered-bsn")).to_have_attribute("aria-invalid", "true")
    expect(office.locator("#registered-legal_basis")).to_have_value(mine)
    no_violations(office, "registered data with a field error")

    # A colleague records a V-number and another legal basis meanwhile.
    version = office.request.get(f"/api/v1/admin/residents/{resident_id}").json()["version"]
    theirs = f"Vreemdelingenwet 2000 ({uuid.uuid4().hex[:6]})"
    colleague = office.request.put(
        f"/api/v1/admin/residents/{resident_id}/registered-data",
        data={"legal_basis": theirs, "v_number": "1234567890", "v_number_source": "IND"},
        headers={"X-CSRF-Token": csrf(staff), "If-Match": f'"v{version}"'},
    )
    assert colleague.status == 200, colleague.text()

    # Here, on the old version, a valid BSN: the 412 is merged field by field.
    office.locator("#registered-bsn").fill("111222333")
    registered.get_by_role("button", name="Opslaan", exact=True).click()
    conflict = office.locator("[data-testid=registered-conflict]")
    expect(conflict).to_be_visible()
    expect(conflict.locator("fieldset")).to_have_count(1)
    expect(conflict.locator("fieldset")).to_have_attribute("data-field", "legal_basis")
    expect(conflict).to_contain_text("111222333")  # applied on top without asking
    expect(office.locator("#registered-v_number")).to_have_value("1234567890")  # theirs taken
    no_violations(office, "registered data with a merge")
    office.screenshot(path=str(artifacts / "staff-case-registered-merge.png"), full_page=True)
    office.locator("#registered-merge-legal_basis-theirs").check()
    registered.get_by_role("button", name="Opslaan", exact=True).click()
    expect(office.locator("[data-testid=registered-saved]")).to_be_visible()
    expect(registered).to_contain_text("111222333 (bron: BRP)")
    expect(registered).to_contain_text("1234567890 (bron: IND)")
    after = office.request.get(f"/api/v1/admin/residents/{resident_id}").json()["registered"]
    assert (after["bsn"], after["v_number"], after["legal_basis"]) == (
        "111222333",
        "1234567890",
        theirs,
    )

    # A journey step: a note for the resident too long for the API (the error at the note, the
    # text kept), then a short one, saved with the step's version.
    step = office.locator("[data-testid=journey] li[data-step-key]").last
    key = step.get_attribute("data-step-key")
    step.get_by_role("button", name="Wijzigen").click()
    note = step.locator("textarea")
    note.fill("x" * 2001)
    step.get_by_role("button", name="Opslaan", exact=True).click()
    expect(step.locator("textarea[aria-invalid=true]")).to_be_visible()
    expect(step.locator("[id$=note-error]")).to_have_text("Hoogstens 2000 tekens.")
    expect(note).to_have_value("x" * 2001)
    no_violations(office, "journey step with a field error")
    message = f"Neem je paspoort mee. {uuid.uuid4().hex[:6]}"
    note.fill(message)
    step.get_by_role("button", name="Opslaan", exact=True).click()
    expect(step.locator("[data-testid=step-form]")).to_have_count(0)
    steps = office.request.get(f"/api/v1/admin/residents/{resident_id}/journey").json()["steps"]
    assert [s["note"] for s in steps if s["key"] == key] == [message]

    # Who acts next and the case reference: "someone else" without a name is the API's error
    # at the name; with one, both are saved.
    step.get_by_role("button", name="Wijzigen").click()
    step.locator("select[id$=-next_actor]").select_option("other")
    step.locator("input[id$=-next_actor_name]").fill("")
    reference = f"Z-{uuid.uuid4().hex[:6]}"
    step.locator("input[id$=-zaak_identificatie]").fill(reference)
    step.get_by_role("button", name="Opslaan", exact=True).click()
    expect(step.locator("[id$=-next_actor_name-error]")).to_have_text(
        "Geef aan wie de volgende stap zet."
    )
    expect(step.locator("input[id$=-zaak_identificatie]")).to_have_value(reference)
    no_violations(office, "journey step: who acts next")
    step.locator("input[id$=-next_actor_name]").fill("Woningcorporatie")
    step.get_by_role("button", name="Opslaan", exact=True).click()
    expect(step.locator("[data-testid=step-form]")).to_have_count(0)
    steps = office.request.get(f"/api/v1/admin/residents/{resident_id}/journey").json()["steps"]
    saved = next(s for s in steps if s["key"] == key)
    assert (saved["next_actor"], saved["next_actor_name"], saved["zaak_identificatie"]) == (
        "other",
        "Woningcorporatie",
        reference,
    )


def test_interpreter_reassignment_and_a_field_by_field_merge(
    page: Page, staff: BrowserContext, artifacts: Path
) -> None:
    sign_in_as_resident(page)
    ask(page, f"Kan iemand met mij meegaan naar de huisarts? {uuid.uuid4().hex[:8]}")
    question_id = page.request.get("/api/v1/me/questions?limit=1").json()["items"][0]["id"]

    office = signed_in(staff)
    # Signals: the caseworker's own or the team's.
    office.get_by_role("button", name="Mijn", exact=True).click()
    expect(office.get_by_role("button", name="Mijn", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    no_violations(office, "inbox with my signals")
    office.goto(f"/staff/#/conversations/{question_id}")
    expect(office.locator("[data-testid=question-text]")).to_be_visible()

    # Needs an interpreter, and handed to a named colleague, in one save.
    office.locator("#needs-interpreter").check()
    office.locator("#assign-to").select_option(label="Daan Visser")
    office.get_by_role("button", name="Opslaan", exact=True).click()
    expect(office.locator("[data-testid=interpreter]")).to_be_visible()
    expect(office.locator("[data-testid=assigned]")).to_have_text("Daan Visser")
    now = office.request.get(f"/api/v1/admin/conversations/{question_id}").json()
    assert now["needs_interpreter"] is True
    assert now["assigned_to"]["name"] == "Daan Visser"
    no_violations(office, "conversation that needs an interpreter")
    office.screenshot(path=str(artifacts / "staff-case-interpreter.png"), full_page=True)

    # A colleague changes "waiting for" and clears the interpreter meanwhile (two saves).
    headers = {"X-CSRF-Token": csrf(staff)}
    version = now["version"]
    for path, body in (
        ("waiting-for", {"waiting_for": "other_party"}),
        ("interpreter", {"needs_interpreter": False}),
    ):
        changed = office.request.put(
            f"/api/v1/admin/conversations/{question_id}/{path}",
            data=body,
            headers={**headers, "If-Match": f'"v{version}"'},
        )
        assert changed.status == 200, changed.text()
        version = changed.json()["version"]

    # Here, on the old version: waiting for the resident, and back to the team.
    office.locator("#waiting-for").select_option("resident")
    office.locator("#assign-to").select_option("")
    office.get_by_role("button", name="Opslaan", exact=True).click()
    conflict = office.locator("[data-testid=conflict]")
    expect(conflict).to_be_visible()
    # Only "waiting for" is a conflict; the assignment (changed only here) is kept on top.
    expect(conflict.locator("fieldset")).to_have_count(1)
    expect(conflict.locator("fieldset")).to_have_attribute("data-field", "waiting_for")
    expect(conflict).to_contain_text("Wacht op een andere partij")
    expect(office.locator("#assign-to")).to_have_value("")
    expect(office.locator("#needs-interpreter")).not_to_be_checked()
    no_violations(office, "conversation with a merge")
    office.screenshot(path=str(artifacts / "staff-case-merge.png"), full_page=True)

    # Take the colleague's "waiting for"; save applies the assignment on the new version.
    office.locator("#merge-waiting_for-theirs").check()
    expect(office.locator("#waiting-for")).to_have_value("other_party")
    with office.expect_response(
        lambda r: r.url.endswith("/assignment") and r.request.method == "PUT"
    ) as saved:
        office.get_by_role("button", name="Opslaan", exact=True).click()
    assert saved.value.status == 200
    expect(conflict).to_be_hidden()
    after = office.request.get(f"/api/v1/admin/conversations/{question_id}").json()
    assert after["assigned_to"] is None
    assert after["waiting_for"] == "other_party"
    assert after["needs_interpreter"] is False


def test_a_draft_answer_translated_and_sent_with_the_original(
    page: Page,
    staff: BrowserContext,
    browser,  # type: ignore[no-untyped-def]
    server: str,
    artifacts: Path,
) -> None:
    """With the municipality's LibreTranslate server (the test server): the caseworker's Dutch
    draft in the resident's language, marked as machine translation, sent with the original."""
    sign_in_as_resident(page, "ar")
    ask(page, f"متى أحصل على مفتاح بيتي؟ {uuid.uuid4().hex[:8]}")
    question_id = page.request.get("/api/v1/me/questions?limit=1").json()["items"][0]["id"]

    # Records management points the municipality at its translation server (its own browser).
    management = browser.new_context(base_url=server, locale="nl-NL")
    records = management.new_page()
    sign_in_at_staff(records, "demo-records-manager")
    expect(records.locator(".who")).to_have_text("Jeroen Smit")
    setting = "/api/v1/admin/translation-server"
    with running() as libretranslate:
        pointed = records.request.put(
            setting, data={"url": libretranslate.url}, headers={"X-CSRF-Token": csrf(management)}
        )
        assert pointed.status == 200, pointed.text()
        try:
            office = signed_in(staff)
            office.goto(f"/staff/#/conversations/{question_id}")
            expect(office.locator(".question .machine")).to_contain_text("[nl]")
            office.locator("#answer-language").select_option("nl")
            office.locator("#answer-text").fill("We bellen u volgende week.")
            office.get_by_role("button", name="Toon de machinevertaling").click()
            draft = office.locator("[data-testid=draft-translation] .machine")
            expect(draft).to_contain_text("سنتصل بك الأسبوع المقبل.")
            expect(draft.locator(".text")).to_have_attribute("lang", "ar")
            expect(draft).to_contain_text("Machinevertaling")
            office.locator("#send-translation").check()
            no_violations(office, "conversation with a draft translation")
            office.screenshot(path=str(artifacts / "staff-case-translation.png"), full_page=True)
            with office.expect_response(
                lambda r: r.url.endswith("/answers") and r.request.method == "POST"
            ) as sent:
                office.get_by_role("button", name="Antwoord versturen").click()
            answer = sent.value.json()
            assert sent.value.status == 201
            assert answer["text"] == "We bellen u volgende week."
            assert answer["translation"]["text"] == "سنتصل بك الأسبوع المقبل."
            assert answer["translation"]["state"] == "machine"
        finally:
            records.request.put(
                setting, data={"url": None}, headers={"X-CSRF-Token": csrf(management)}
            )
            management.close()
