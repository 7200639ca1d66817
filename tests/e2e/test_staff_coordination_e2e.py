# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The coordinator's and records management's back office in Debian's Chromium against a real
`welkom demo` of this module's own: the coordinator vets a volunteer (a bad VOG date shows at its
field), suspends and reinstates her, reassigns a help request and reads the resident's report
about it; records management sees a question the case register refused with the register's
reason, retries it after the fix and sees it leave the list, filters the audit log on a resident
and on a colleague, refuses an erasure request, reads a report with suppressed cells and
downloads its CSV. axe-core (WCAG 2.2 AA) on every view; screenshots in test-artifacts/.

The refusal is the demo register's documented switch (``WELKOM_LOCAL_REGISTER_REFUSAL_FILE``):
while the file exists the embedded register refuses as Open Zaak refuses a zaaktype that is
still a concept; removing it is the fix."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import APIRequestContext, Browser, BrowserContext, Page, expect

from tests.e2e.conftest import DIST, EXPECT_TIMEOUT_MS, run_welkom
from tests.e2e.helpers import axe_violations

DESKTOP = {"width": 1280, "height": 900}
REFUSAL = {
    "status": 400,
    "code": "invalid",
    "title": "Invalid input.",
    "detail": "Het zaaktype is een concept en kan nog niet gebruikt worden.",
    "invalidParams": [
        {"name": "zaaktype", "code": "zaaktype-concept", "reason": "Zaaktype is een concept."}
    ],
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """This module's demo, its register refusing while the returned file exists."""
    data_dir = tmp_path_factory.mktemp("welkom-coordination")
    refusal = data_dir / "register-refuses.json"
    env = {"WELKOM_LOCAL_REGISTER_REFUSAL_FILE": str(refusal)}
    with run_welkom(DIST, data_dir, env) as base:
        yield base, refusal


@pytest.fixture
def office(browser: Browser, demo: tuple[str, Path]) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=demo[0], locale="nl-NL", viewport=DESKTOP)
    context.set_default_timeout(EXPECT_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def resident(browser: Browser, demo: tuple[str, Path]) -> Iterator[tuple[APIRequestContext, dict]]:
    """The demo resident's app talking to the API (a bearer token, no cookies of the office)."""
    context = browser.new_context(base_url=demo[0])
    answer = context.request.post("/api/v1/auth/demo-login", data={"login": "demo-resident"})
    assert answer.ok, answer.text()
    yield context.request, {"Authorization": f"Bearer {answer.json()['token']}"}
    context.close()


def no_violations(page: Page, view: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{view}: {violations}"


def shot(page: Page, artifacts: Path, name: str) -> None:
    page.screenshot(path=str(artifacts / f"staff-coordination-{name}.png"), full_page=True)


def sign_in(page: Page, login: str) -> None:
    """With the keyboard only: the login field, then Enter."""
    page.goto("/staff/")
    expect(page.locator("h1")).to_have_text("Inloggen in de backoffice")
    page.locator("#login").fill(login)
    page.locator("#login").press("Enter")


def eventually(check: Callable[[], Any], what: str, timeout: float = 15.0) -> Any:
    """Poll an API until ``check`` answers something (the outbox worker runs every 0.5 s)."""
    deadline = time.monotonic() + timeout
    while not (found := check()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)
    return found


def test_coordinator_vets_suspends_and_reassigns(
    office: BrowserContext, resident: tuple[APIRequestContext, dict], artifacts: Path
) -> None:
    resident_api, resident_auth = resident
    page = office.new_page()
    sign_in(page, "demo-coordinator")

    # The volunteers, narrowed to those awaiting vetting.
    expect(page.locator("h1")).to_have_text("Vrijwilligers")
    expect(page.locator("[data-testid=volunteers] tbody tr").first).to_be_visible()
    no_violations(page, "volunteers")
    page.locator("#filter-vetting").select_option("unvetted")
    waiting = page.locator("[data-testid=volunteers] tbody tr[data-state=unvetted]")
    expect(waiting).to_have_count(1)
    shot(page, artifacts, "volunteers")
    waiting.get_by_role("link").focus()
    page.keyboard.press("Enter")

    # Her page: a VOG from too long ago is refused at the date field, what was typed stays.
    expect(page.locator("h1")).to_have_text("Sara")
    expect(page.locator("[data-testid=vetting-state]")).to_have_attribute("data-state", "unvetted")
    no_violations(page, "volunteer")
    page.locator("#vog-date").fill("2001-02-03")
    page.locator("#vog-date").press("Enter")
    expect(page.locator("#vog-date-error")).to_be_visible()
    expect(page.locator("#vog-date")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#vog-date")).to_have_value("2001-02-03")
    no_violations(page, "volunteer with a field error")
    shot(page, artifacts, "vetting-error")
    page.locator("#vog-date").fill((date.today() - timedelta(days=20)).isoformat())
    page.locator("#vog-date").press("Enter")
    expect(page.locator("[data-testid=vetting-state]")).to_have_attribute("data-state", "vetted")
    expect(page.locator("#vog-date-error")).to_have_count(0)

    # Suspend (a reason is required: the API's error at the field), then reinstate.
    page.locator("#suspension-reason").focus()
    page.get_by_role("button", name="Schorsen").click()
    expect(page.locator("#suspension-reason-error")).to_be_visible()
    page.locator("#suspension-reason").fill("Klacht van een inwoner, in onderzoek.")
    page.get_by_role("button", name="Schorsen").click()
    expect(page.locator("[data-testid=vetting-state]")).to_have_attribute("data-state", "suspended")
    no_violations(page, "suspended volunteer")
    shot(page, artifacts, "suspended")
    page.get_by_role("button", name="Schorsing opheffen").click()
    expect(page.locator("[data-testid=vetting-state]")).to_have_attribute("data-state", "vetted")

    # A resident asks for help; the coordinator sees it by state and age and gives it to Noor.
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    asked = resident_api.post(
        "/api/v1/me/help-requests",
        data={
            "category": "language_help",
            "description": "Hulp bij het lezen van een brief van de Belastingdienst.",
            "wanted_from": start.isoformat(),
            "wanted_until": (start + timedelta(days=3)).isoformat(),
            "neighbourhood": "Centrum",
            "language": "ar",
        },
        headers={**resident_auth, "Idempotency-Key": f"help-{time.time_ns()}"},
    )
    assert asked.status == 201, asked.text()
    request_id = asked.json()["id"]
    page.get_by_role("link", name="Hulpvragen").click()
    expect(page.locator("h1")).to_have_text("Hulpvragen")
    # The ageing list for another waiting time than the configured one: a week.
    waited = page.locator("#ageing-older-than")
    expect(waited.locator("option[value='168']")).to_have_text("7 dagen")
    with page.expect_response(lambda r: "ageing" in r.url and "older_than_hours=168" in r.url) as a:
        waited.select_option("168")
    assert a.value.ok
    expect(page.locator(f"[data-testid=ageing] tr[data-request-id='{request_id}']")).to_have_count(
        0
    )
    row = page.locator(f"[data-testid=help-requests] tr[data-request-id='{request_id}']")
    expect(row).to_have_attribute("data-state", "open")
    page.locator("#filter-help-state").select_option("open")
    expect(row).to_be_visible()
    no_violations(page, "help requests")
    shot(page, artifacts, "help-requests")
    row.get_by_role("button").click()
    expect(page.locator("#reassign-title")).to_be_focused()
    page.locator("#reassign-volunteer").select_option(label="Noor")
    no_violations(page, "reassign")
    page.locator("form.reassign button[type=submit]").click()
    expect(page.locator("[role=status]")).to_have_text(
        "De hulpvraag is aan een andere vrijwilliger gegeven."
    )
    page.locator("#filter-help-state").select_option("")
    expect(row).to_have_attribute("data-state", "claimed")
    expect(row).to_contain_text("Noor")
    shot(page, artifacts, "reassigned")

    # The resident reports a problem with the help; the coordinator reads it, linked to Noor.
    reported = resident_api.post(
        f"/api/v1/me/help-requests/{request_id}/reports",
        data={"text": "De vrijwilliger kwam niet opdagen."},
        headers={**resident_auth, "Idempotency-Key": f"report-{time.time_ns()}"},
    )
    assert reported.status == 201, reported.text()
    page.get_by_role("link", name="Meldingen over hulp").click()
    expect(page.locator("h1")).to_have_text("Meldingen over hulp")
    report = page.locator(f"[data-testid=help-reports] [data-report-id='{reported.json()['id']}']")
    expect(report).to_contain_text("De vrijwilliger kwam niet opdagen.")
    no_violations(page, "reports about help")
    shot(page, artifacts, "help-reports")
    report.get_by_role("link", name="De betrokken vrijwilliger").click()
    expect(page.locator("h1")).to_have_text("Noor")


def test_records_manager_retries_a_refused_registration_and_reads_the_log_and_a_report(
    office: BrowserContext,
    resident: tuple[APIRequestContext, dict],
    demo: tuple[str, Path],
    artifacts: Path,
) -> None:
    _, refusal = demo
    page = office.new_page()
    resident_api, resident_auth = resident

    # The register refuses: the resident's question is parked.
    refusal.write_text(json.dumps(REFUSAL), encoding="utf-8")
    asked = resident_api.post(
        "/api/v1/me/questions",
        data={"text": "Waar vraag ik een parkeervergunning aan?", "language": "nl"},
        headers=resident_auth,
    )
    assert asked.status == 201, asked.text()
    question_id = asked.json()["id"]

    def parked() -> bool:
        items = resident_api.get("/api/v1/me/questions", headers=resident_auth).json()["items"]
        return any(q["id"] == question_id and q["registration"]["state"] == "parked" for q in items)

    eventually(parked, "the refusal")
    resident_id = resident_api.get("/api/v1/me", headers=resident_auth).json()["id"]

    sign_in(page, "demo-records-manager")
    expect(page.locator("h1")).to_have_text("Registraties die aandacht nodig hebben")
    row = page.locator(f"[data-testid=registrations] tr[data-interaction-id='{question_id}']")
    expect(row).to_have_attribute("data-state", "parked")
    expect(row.locator("[data-testid=reason]")).to_contain_text(REFUSAL["detail"])
    expect(row.locator("[data-testid=reason]")).to_contain_text(
        "zaaktype: Zaaktype is een concept."
    )
    no_violations(page, "registrations")
    shot(page, artifacts, "registrations")

    # The register's administrator publishes the zaaktype; the retry goes through and the
    # registration leaves the list.
    refusal.unlink()
    row.get_by_role("button").click()
    expect(row).to_have_count(0)
    expect(page.locator("[role=status]")).to_have_text(
        "Het zaaksysteem heeft de registratie aangenomen; ze staat niet meer in de lijst."
    )
    shot(page, artifacts, "registration-retried")

    # The audit log, filtered on one resident (the look-up itself is logged).
    page.get_by_role("link", name="Auditlog").click()
    expect(page.locator("h1")).to_have_text("Auditlog")
    no_violations(page, "audit log")
    page.locator("#audit-resident_id").fill("not-an-id")
    page.locator("#audit-resident_id").press("Enter")
    expect(page.locator("#audit-resident_id-error")).to_be_visible()
    expect(page.locator("#audit-resident_id")).to_have_value("not-an-id")
    no_violations(page, "audit log with a field error")
    page.locator("#audit-resident_id").fill(resident_id)
    page.locator("#audit-resident_id").press("Enter")
    events = page.locator("[data-testid=audit-events] tbody tr")
    expect(events.first).to_have_attribute("data-resident", resident_id)
    expect(page.locator("[data-testid=audit-events]")).to_have_attribute("data-filtered", "yes")
    expect(
        page.locator(f"[data-testid=audit-events] tbody tr:not([data-resident='{resident_id}'])")
    ).to_have_count(0)
    no_violations(page, "audit log filtered")
    shot(page, artifacts, "audit-log")
    # One colleague, asked of the API (actor_account_id): the list names every colleague, also
    # those without a row loaded here; the records manager's own look-up above is one of his.
    page.get_by_role("button", name="Filters wissen").click()
    colleague = page.locator("#audit-actor_account_id")
    expect(colleague.locator("option", has_text="Noor")).to_have_count(1)
    me = colleague.locator("option", has_text="Jeroen Smit").get_attribute("value")
    assert me
    colleague.select_option(me)
    with page.expect_response(lambda r: f"actor_account_id={me}" in r.url) as asked_api:
        page.get_by_role("button", name="Filters toepassen").click()
    assert asked_api.value.ok
    expect(page.locator("[data-testid=audit-events]")).to_have_attribute("data-filtered", "yes")
    expect(page.locator("[data-testid=audit-events] tbody tr").first).to_have_attribute(
        "data-actor", me
    )
    expect(
        page.locator(f"[data-testid=audit-events] tbody tr:not([data-actor='{me}'])")
    ).to_have_count(0)

    # An erasure request, refused with a reason (required: the API's error at the field).
    erasure = resident_api.post(
        "/api/v1/me/erasure-request",
        data={"reason": "Ik verhuis naar een andere gemeente."},
        headers={**resident_auth, "Idempotency-Key": f"erase-{time.time_ns()}"},
    )
    assert erasure.status == 201, erasure.text()
    page.get_by_role("link", name="Verwijderverzoeken").click()
    listed = page.locator("[data-testid=erasure-requests] tbody tr")
    expect(listed).to_have_count(1)
    no_violations(page, "erasure requests")
    listed.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text("Verwijderverzoek")
    expect(page.locator("[data-testid=erasure-state]")).to_be_visible()
    no_violations(page, "erasure request")
    shot(page, artifacts, "erasure-request")
    page.get_by_role("button", name="Verzoek weigeren").click()
    expect(page.locator("#refusal-reason-error")).to_be_visible()
    page.locator("#refusal-reason").fill(
        "Wij moeten uw gegevens nog twee jaar bewaren (Archiefwet)."
    )
    page.get_by_role("button", name="Verzoek weigeren").click()
    expect(page.locator("[data-testid=erasure-state]")).to_have_text("Geweigerd")

    # A report: one resident's journey, so its counts are suppressed, shown as such (not 0).
    with page.expect_response(lambda r: "/api/v1/admin/reports/journey" in r.url) as shown:
        page.get_by_role("link", name="Rapportages").click()
    expect(page.locator("h1")).to_have_text("Rapportages")
    table = page.locator("[data-testid=report-table]")
    expect(table.locator(".suppressed").first).to_have_text("onderdrukt")
    # Each journey step is read by its template's Dutch title, not by its code.
    journey = shown.value.json()
    first_step = journey["rows"][0]["key"]
    expect(table.locator("tbody th").first).to_have_text(journey["labels"][first_step])
    expect(page.locator("[data-testid=report-chart] li[data-suppressed=yes]").first).to_be_visible()
    no_violations(page, "report")
    shot(page, artifacts, "report")
    # Its CSV, fetched with the session and saved as a file.
    with page.expect_download() as downloading:
        page.get_by_role("button", name="CSV downloaden").click()
    download = downloading.value
    assert download.suggested_filename == "welkom-journey.csv"
    csv_text = Path(download.path()).read_text(encoding="utf-8")
    assert csv_text.splitlines()[0].endswith(",total")
    assert ",x" in csv_text  # the suppressed cells, as the table shows them
