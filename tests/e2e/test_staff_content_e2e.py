# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The editor's and the reviewer's screens at /staff/ in Debian's Chromium against a real
`welkom demo`: the editor changes a service item's Dutch text with a preview, sees the API's
field error at its field, unpublishes and publishes the item; the reviewer sees only their
languages, approves a machine translation (first refused with 412 after a colleague corrected
it in another tab: the corrected text is shown, then approved), and the resident app shows that item's texts without
the "not checked yet" notice. The editor adds a phone number and opening hours to an item (a
field error first) that the resident API then serves, ticks a place and a journey step on it
(kept through a 412 merge), changes a journey step's Dutch text (its
translations become outdated), creates an item (a field error first) and archives it, and creates
and changes a place, also after a colleague changed it in the meantime (412: merged, then saved).
axe-core (WCAG 2.2 AA) on every view; screenshots in test-artifacts/."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.helpers import axe_violations, open_view, sign_in_as_resident
from tests.e2e.helpers_actions import csrf

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def staff(browser, server) -> Iterator[BrowserContext]:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=server, locale="nl-NL", viewport=DESKTOP)
    context.set_default_timeout(15_000)
    yield context
    context.close()


def no_violations(page: Page, view: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{view}: {violations}"


def sign_in_at_staff(page: Page, login: str) -> None:
    """With the keyboard only: the login field, then Enter."""
    page.goto("/staff/")
    expect(page.locator("h1")).to_have_text("Inloggen in de backoffice")
    page.locator("#login").fill(login)
    page.locator("#login").press("Enter")


def test_editor_edits_previews_unpublishes_and_publishes(
    staff: BrowserContext, artifacts: Path
) -> None:
    office = staff.new_page()
    sign_in_at_staff(office, "demo-editor")
    expect(office.locator("h1")).to_have_text("Dienstverlening")
    rows = office.locator("[data-testid=items] tbody tr[data-status=published]")
    expect(rows.first).to_be_visible()
    no_violations(office, "service items")
    office.screenshot(path=str(artifacts / "staff-content-items.png"), full_page=True)

    row = rows.last
    item_id = row.get_attribute("data-item-id")
    row.get_by_role("link").click()
    expect(office.locator("#item-body")).not_to_have_value("")
    title = office.locator("#item-title").input_value()
    expect(office.locator("h1")).to_have_text(title)

    # Markdown with a preview rendered as residents get it.
    extra = f"Meer weten? Bel **14 9999**. {uuid.uuid4().hex[:6]}"
    body = office.locator("#item-body").input_value() + "\n\n" + extra
    office.locator("#item-body").fill(body)
    office.get_by_role("button", name="Voorbeeld", exact=True).click()
    expect(office.locator("[data-testid=preview] strong", has_text="14 9999")).to_be_visible()

    # A blank title: the API's problem at the title field, the typed body still there.
    office.locator("#item-title").fill("")
    office.get_by_role("button", name="Opslaan", exact=True).click()
    expect(office.locator("#item-title-error")).to_be_visible()
    expect(office.locator("#item-title")).to_have_attribute("aria-invalid", "true")
    expect(office.locator("#item-body")).to_have_value(body)
    no_violations(office, "service item with a field error")
    office.screenshot(path=str(artifacts / "staff-content-item-error.png"), full_page=True)

    office.locator("#item-title").fill(title)
    office.get_by_role("button", name="Opslaan", exact=True).click()
    expect(office.locator("[role=status]")).to_have_text("Opgeslagen.")
    expect(office.locator("#item-title-error")).to_be_hidden()
    saved = office.request.get(f"/api/v1/admin/services/{item_id}").json()
    assert extra in next(t["text"] for t in saved["texts"]["body"] if t["language"] == "nl")

    # Unpublish: residents no longer get it; publish: they do again.
    office.get_by_role("button", name="Publicatie intrekken").click()
    expect(office.locator("[data-testid=item-status]")).to_contain_text("Concept")
    anonymous = {"municipality": "9999"}
    gone = office.request.get(f"/api/v1/services/{item_id}", params=anonymous)
    assert gone.status == 404
    office.get_by_role("button", name="Publiceren").click()
    expect(office.locator("[data-testid=item-status]")).to_contain_text("Gepubliceerd")
    back = office.request.get(f"/api/v1/services/{item_id}", params=anonymous)
    assert back.status == 200
    assert "14 9999" in back.json()["body_html"]
    no_violations(office, "service item")
    office.screenshot(path=str(artifacts / "staff-content-item.png"), full_page=True)

    # A phone number and opening hours: a malformed number first (the API's error at its input).
    phones = office.locator("[data-testid=item-phones] input")
    n = phones.count()
    office.get_by_role("button", name="Telefoonnummer toevoegen").click()
    phone = office.locator(f"#item-phones-{n}")
    phone.fill("bel me")
    m = office.locator("[data-testid=item-hours] select").count()
    office.get_by_role("button", name="Openingstijden toevoegen").click()
    office.locator(f"#item-opening_hours-{m}-day").select_option("6")
    office.locator(f"#item-opening_hours-{m}-opens").fill("10:00")
    office.locator(f"#item-opening_hours-{m}-closes").fill("12:30")
    office.get_by_role("button", name="Opslaan", exact=True).click()
    expect(office.locator(f"#item-phones-{n}-error")).to_be_visible()
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(office.locator(f"#item-opening_hours-{m}-closes")).to_have_value("12:30")
    no_violations(office, "service item with a phone number error")
    office.screenshot(path=str(artifacts / "staff-content-item-hours.png"), full_page=True)
    phone.fill("+31 30 999 1234")
    office.get_by_role("button", name="Opslaan", exact=True).click()
    expect(office.locator("[role=status]")).to_have_text("Opgeslagen.")
    served = office.request.get(f"/api/v1/services/{item_id}", params=anonymous).json()
    assert "+31 30 999 1234" in served["phones"]
    assert {"day": 6, "opens": "10:00", "closes": "12:30"} in served["opening_hours"]

    # A colleague adds a phone number meanwhile; here the body is changed and a place and a
    # journey step ticked (with the keyboard) on the old version: 412, merged field by field
    # (their phone numbers kept, my body, place and step on top), then saved.
    places = office.locator("[data-testid=item-place_ids] input[type=checkbox]:not(:checked)")
    steps = office.locator("[data-testid=item-journey_steps] input[type=checkbox]:not(:checked)")
    expect(places.first).to_be_visible()
    expect(steps.first).to_be_visible()
    place = places.first.get_attribute("value")
    step_key = steps.first.get_attribute("value")
    place_box = office.locator(f"#item-place_ids-{place}")
    step_box = office.locator(f"#item-journey_steps-{step_key}")
    # The step is labelled by its Dutch title, not by its key.
    titles = office.request.get("/api/v1/admin/journey-texts", params={"language": "en"}).json()
    step_title = next(s["source_title"] for s in titles if s["key"] == step_key)
    expect(office.get_by_role("checkbox", name=step_title, exact=True)).to_have_id(
        f"item-journey_steps-{step_key}"
    )
    place_box.focus()
    office.keyboard.press("Space")
    step_box.focus()
    office.keyboard.press("Space")
    expect(place_box).to_be_checked()
    expect(step_box).to_be_checked()
    read = office.request.get(f"/api/v1/admin/services/{item_id}")
    theirs = [*read.json()["phones"], "030 111 2222"]
    colleague = office.request.patch(
        f"/api/v1/admin/services/{item_id}",
        data={"phones": theirs},
        headers={"X-CSRF-Token": csrf(staff), "If-Match": read.headers["etag"]},
    )
    assert colleague.status == 200, colleague.text()
    body = office.locator("#item-body").input_value() + f" Ook op zondag. {uuid.uuid4().hex[:4]}"
    office.locator("#item-body").fill(body)
    office.get_by_role("button", name="Opslaan", exact=True).click()
    conflict = office.locator("[data-testid=conflict]")
    expect(conflict).to_be_visible()
    expect(conflict.locator("fieldset")).to_have_count(0)  # nobody else changed the body
    expect(office.locator(f"#item-phones-{len(theirs) - 1}")).to_have_value("030 111 2222")
    expect(office.locator("#item-body")).to_have_value(body)
    expect(place_box).to_be_checked()
    expect(step_box).to_be_checked()
    no_violations(office, "service item with a merge")
    office.screenshot(path=str(artifacts / "staff-content-item-merge.png"), full_page=True)
    office.get_by_role("button", name="Opslaan", exact=True).click()
    expect(office.locator("[role=status]")).to_have_text("Opgeslagen.")
    expect(conflict).to_be_hidden()
    merged = office.request.get(f"/api/v1/admin/services/{item_id}").json()
    assert merged["version"] == read.json()["version"] + 2
    assert merged["phones"] == theirs
    assert next(t["text"] for t in merged["texts"]["body"] if t["language"] == "nl") == body
    assert place in merged["place_ids"]
    assert step_key in merged["journey_steps"]
    served = office.request.get(f"/api/v1/services/{item_id}", params=anonymous).json()
    assert place in [p["id"] for p in served["places"]]
    assert step_key in served["journey_steps"]

    # A journey step's Dutch text: its translations become outdated.
    office.get_by_role("link", name="Traject", exact=True).click()
    step = office.locator("form[data-step]").last
    key = step.get_attribute("data-step")
    expect(step.locator("textarea")).not_to_have_value("")
    no_violations(office, "journey texts")
    sentence = f" Vraag het loket om hulp. {uuid.uuid4().hex[:4]}"
    step.locator("textarea").fill(step.locator("textarea").input_value() + sentence)
    step.get_by_role("button", name="Opslaan", exact=True).click()
    expect(step.locator("[role=status]")).to_have_text("Opgeslagen.")
    office.screenshot(path=str(artifacts / "staff-content-journey-nl.png"), full_page=True)
    english = office.request.get("/api/v1/admin/journey-texts", params={"language": "en"}).json()
    changed = next(s for s in english if s["key"] == key)
    assert changed["source_text"].endswith(sentence.strip())
    assert changed["outdated"] is True
    office.goto("/staff/#/translations/en/journey")
    expect(office.locator(f"[data-pair='journey-{key}'] [data-testid=outdated]")).to_be_visible()

    # The consent texts' Dutch source, editable the same way (not changed here: the resident
    # tests on this demo agree to these texts).
    office.goto("/staff/#/content/consent")
    expect(office.locator("form[data-step] textarea").first).not_to_have_value("")
    no_violations(office, "consent texts")

    office.get_by_role("link", name="Locaties").click()
    expect(office.locator("[data-testid=places] tbody tr").first).to_be_visible()
    no_violations(office, "places")
    office.get_by_role("link", name="Vertalingen").click()
    expect(office.locator("[data-testid=languages] tbody tr")).to_have_count(13)
    no_violations(office, "translations: every language for an editor")


def test_reviewer_approves_a_translation_and_the_resident_sees_it_reviewed(
    page: Page, staff: BrowserContext, artifacts: Path
) -> None:
    office = staff.new_page()
    sign_in_at_staff(office, "demo-reviewer")
    # Only the reviewer's languages (the API lists only those).
    expect(office.locator("h1")).to_have_text("Vertalingen")
    languages = office.locator("[data-testid=languages] tbody tr")
    expect(languages).to_have_count(3)
    assert [languages.nth(i).get_attribute("data-language") for i in range(3)] == [
        "ar",
        "ti",
        "uk",
    ]
    no_violations(office, "translations: the reviewer's languages")
    office.screenshot(path=str(artifacts / "staff-content-languages.png"), full_page=True)

    # A published item whose Arabic title and summary a machine made.
    anonymous = {"municipality": "9999", "limit": "100"}
    listed = office.request.get(
        "/api/v1/services", params=anonymous, headers={"Accept-Language": "ar"}
    ).json()["items"]
    item = next(i for i in listed if i.get("unreviewed") and i["language"] == "ar")

    office.locator("[data-language=ar] a").click()
    expect(office.locator("h1")).to_contain_text("Arabisch")
    owner = office.locator(f"[data-owner-id='{item['id']}']")
    title = owner.locator(f"[data-pair='{item['id']}-title']")
    expect(title).to_have_attribute("data-state", "machine")
    target = title.locator("input")
    expect(target).to_have_attribute("dir", "rtl")
    expect(target).to_have_attribute("lang", "ar")
    expect(target).to_have_value(item["title"])
    no_violations(office, "side by side, Arabic")
    title.scroll_into_view_if_needed()
    office.screenshot(path=str(artifacts / "staff-content-side-by-side.png"))

    # A colleague corrects the Arabic title meanwhile (another tab): approving the version read
    # here is refused (412); the title as it is now is shown, and approving that works.
    entries = office.request.get("/api/v1/admin/translations", params={"language": "ar"}).json()
    read = next(e for e in entries if (e["owner_id"], e["field"]) == (item["id"], "title"))
    corrected_title = item["title"] + " (٢)"
    colleague = office.request.put(
        f"/api/v1/admin/translations/{item['id']}/title/ar",
        data={"text": corrected_title, "state": "machine"},
        headers={"X-CSRF-Token": csrf(staff), "If-Match": f'"v{read["version"]}"'},
    )
    assert colleague.status == 200, colleague.text()
    title.get_by_role("button", name="Goedkeuren", exact=True).click()
    expect(title.locator("[data-testid=conflict]")).to_be_visible()
    expect(target).to_have_value(corrected_title)
    no_violations(office, "side by side with a merge")

    for field in ("title", "summary"):
        pair = owner.locator(f"[data-pair='{item['id']}-{field}']")
        pair.get_by_role("button", name="Goedkeuren", exact=True).click()
        expect(pair).to_have_attribute("data-state", "reviewed")
        expect(pair.locator("[data-testid=state]")).to_have_text("Gecontroleerd")
    expect(title.locator("[data-testid=conflict]")).to_be_hidden()

    # Tigrinya in Ge'ez script, with the app's font.
    office.goto("/staff/#/translations/ti/journey")
    first = office.locator("[data-pair^=journey-] textarea").first
    expect(first).to_have_attribute("lang", "ti")
    assert "Ethiopic" in first.evaluate("e => getComputedStyle(e).fontFamily")
    no_violations(office, "side by side, Tigrinya journey")
    office.screenshot(path=str(artifacts / "staff-content-journey-ti.png"), full_page=True)

    # The resident (Arabic) sees that item without the "not checked yet" notice.
    sign_in_as_resident(page, "ar")
    open_view(page, "services")
    card = page.locator(f"[data-testid=services] li[data-service-id='{item['id']}']")
    expect(card).to_contain_text(corrected_title)
    expect(card.locator("[data-testid=machine-notice]")).to_have_count(0)
    # Another item still carries it.
    expect(page.locator("[data-testid=machine-notice]").first).to_be_visible()
    page.screenshot(path=str(artifacts / "staff-content-resident-reviewed.png"), full_page=True)


def test_editor_creates_and_archives_an_item_and_creates_and_edits_a_place(
    staff: BrowserContext, artifacts: Path
) -> None:
    office = staff.new_page()
    sign_in_at_staff(office, "demo-editor")
    expect(office.locator("h1")).to_have_text("Dienstverlening")

    # A new item: a blank title first (the API's problem at the title, the rest kept).
    office.get_by_role("link", name="Nieuw dienstitem").click()
    expect(office.locator("h1")).to_have_text("Nieuw dienstitem")
    office.locator("#item-category").select_option("health")
    office.locator("#item-summary").fill("Waar u terecht kunt voor een huisarts.")
    body = "Bel **14 9999** voor een huisarts."
    office.locator("#item-body").fill(body)
    office.get_by_role("button", name="Voorbeeld", exact=True).click()
    expect(office.locator("[data-testid=preview] strong", has_text="14 9999")).to_be_visible()
    office.get_by_role("button", name="Aanmaken", exact=True).click()
    expect(office.locator("#item-title-error")).to_be_visible()
    expect(office.locator("#item-title")).to_have_attribute("aria-invalid", "true")
    expect(office.locator("#item-body")).to_have_value(body)
    no_violations(office, "new service item with a field error")
    office.screenshot(path=str(artifacts / "staff-content-new-item.png"), full_page=True)

    title = f"Huisarts vinden {uuid.uuid4().hex[:6]}"
    office.locator("#item-title").fill(title)
    office.get_by_role("button", name="Aanmaken", exact=True).click()
    expect(office.locator("h1")).to_have_text(title)
    expect(office.locator("[data-testid=item-status]")).to_contain_text("Concept")
    item_id = office.url.rsplit("/", 1)[1]

    # Archive with a confirmation step, with the keyboard: focus on the question, Enter on "Ja".
    office.get_by_role("button", name="Archiveren", exact=True).click()
    confirm = office.locator("[data-testid=confirm-archive]")
    expect(confirm).to_be_focused()
    no_violations(office, "archive confirmation")
    office.screenshot(path=str(artifacts / "staff-content-archive.png"), full_page=True)
    office.keyboard.press("Tab")
    expect(confirm.get_by_role("button", name="Ja, archiveren")).to_be_focused()
    office.keyboard.press("Enter")
    expect(office.locator("h1")).to_have_text("Dienstverlening")
    expect(office.locator(f"tr[data-item-id='{item_id}']")).to_have_attribute(
        "data-status", "archived"
    )

    # A new place: an invalid postcode first, then right; then change its name.
    office.get_by_role("link", name="Locaties").click()
    office.get_by_role("link", name="Nieuwe locatie").click()
    expect(office.locator("h1")).to_have_text("Nieuwe locatie")
    name = f"Wijkcentrum {uuid.uuid4().hex[:6]}"
    for field, value in {
        "name": name,
        "street": "Marktplein",
        "house_number": "3",
        "postal_code": "12345",
        "city": "Welkom",
        "latitude": "52,09",
        "longitude": "5.12",
    }.items():
        office.locator(f"#place-{field}").fill(value)
    office.get_by_role("button", name="Aanmaken", exact=True).click()
    expect(office.locator("#place-postal_code-error")).to_be_visible()
    expect(office.locator("#place-name")).to_have_value(name)
    no_violations(office, "new place with a field error")
    office.screenshot(path=str(artifacts / "staff-content-new-place.png"), full_page=True)
    office.locator("#place-postal_code").fill("1234 AB")
    office.get_by_role("button", name="Aanmaken", exact=True).click()
    expect(office.locator("h1")).to_have_text(name)

    office.locator("#place-name").fill(name + " Oost")
    office.get_by_role("button", name="Opslaan", exact=True).click()
    expect(office.locator("[role=status]")).to_have_text("Opgeslagen.")
    expect(office.locator("h1")).to_have_text(name + " Oost")
    no_violations(office, "place")
    office.screenshot(path=str(artifacts / "staff-content-place.png"), full_page=True)

    # A colleague changes the phone meanwhile (another tab); here the accessibility text is
    # changed on the old version: 412, merged (theirs kept, mine on top), then saved.
    place_id = office.url.rsplit("/", 1)[1]
    read = office.request.get(f"/api/v1/admin/services/places/{place_id}")
    current = read.json()
    colleague = office.request.put(
        f"/api/v1/admin/services/places/{place_id}",
        data={
            "name": name + " Oost",
            "street": current["street"],
            "house_number": current["house_number"],
            "postal_code": current["postal_code"],
            "city": current["city"],
            "latitude": current["latitude"],
            "longitude": current["longitude"],
            "phone": "030 123 4567",
            "opening_hours": current["opening_hours"],
            "accessibility": "",
        },
        headers={"X-CSRF-Token": csrf(staff), "If-Match": read.headers["etag"]},
    )
    assert colleague.status == 200, colleague.text()
    office.locator("#place-accessibility").fill("Drempelvrij, met een lift.")
    office.get_by_role("button", name="Opslaan", exact=True).click()
    conflict = office.locator("[data-testid=conflict]")
    expect(conflict).to_be_visible()
    expect(conflict.locator("fieldset")).to_have_count(0)  # nobody else changed this field
    expect(office.locator("#place-phone")).to_have_value("030 123 4567")
    expect(office.locator("#place-accessibility")).to_have_value("Drempelvrij, met een lift.")
    no_violations(office, "place with a merge")
    office.screenshot(path=str(artifacts / "staff-content-place-merge.png"), full_page=True)
    # The place's opening hours, with the same editor as an item's.
    office.get_by_role("button", name="Openingstijden toevoegen").click()
    office.locator("#place-opening_hours-0-day").select_option("3")
    office.locator("#place-opening_hours-0-opens").fill("13:00")
    office.locator("#place-opening_hours-0-closes").fill("16:30")
    office.get_by_role("button", name="Opslaan", exact=True).click()
    expect(office.locator("[role=status]")).to_have_text("Opgeslagen.")
    expect(conflict).to_be_hidden()
    stored = office.request.get(f"/api/v1/admin/services/places/{place_id}").json()
    assert stored["phone"] == "030 123 4567"
    assert stored["opening_hours"] == [{"day": 3, "opens": "13:00", "closes": "16:30"}]
    assert stored["version"] == current["version"] + 2
    accessibility = next(t for t in stored["texts"]["accessibility"] if t["language"] == "nl")
    assert accessibility["text"] == "Drempelvrij, met een lift."
    office.get_by_role("link", name="Terug naar de locaties").click()
    expect(office.locator("[data-testid=places]")).to_contain_text(name + " Oost")
