# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The resident's journey: next step first, caseworker updates, translations, bad input."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import login, row_counts
from tests.residents_support import add_caseworker, add_resident, demo_resident, principal_for
from welkom.core.models import utcnow
from welkom.core.problems import Problem
from welkom.core.settings import Settings
from welkom.demo.content import translations
from welkom.journey import service as journey
from welkom.journey.models import JourneyTemplateStep
from welkom.journey.schemas import ExplanationIn, StepUpdate, TemplateIn, TemplateStepIn

pytestmark = pytest.mark.time_dependent


async def my_journey(client: AsyncTestClient, headers: dict) -> dict:
    response = await client.get("/api/v1/me/journey", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_next_step_comes_first(client: AsyncTestClient, resident: dict) -> None:
    body = await my_journey(client, resident)
    keys = [step["key"] for step in body["steps"]]
    assert body["next_step"]["key"] == "bank_account"  # in progress, the resident acts
    assert body["next_step"]["next_actor"] == "resident"
    assert body["next_step"]["note"] == "Neem uw verblijfsdocument en huurcontract mee."
    assert body["steps"][0] == body["next_step"]
    assert body["steps"][0]["is_next"] is True
    assert not any(step["is_next"] for step in body["steps"][1:])
    assert keys == [
        "bank_account",  # in progress
        "digid",  # waiting for the municipality
        "health_insurance", "benefits", "inburgering_pip", "gp", "language_course",  # not started, in order
        "housing", "brp_registration", "school",  # done or not applicable, in order
    ]  # fmt: skip
    assert (body["done"], body["total"]) == (3, 10)
    # Amal prefers Arabic: the demo's Arabic is a machine translation, and says so.
    assert body["next_step"]["title"] == translations("Bankrekening openen")["ar"].text
    assert body["next_step"]["language"] == "ar"
    assert body["next_step"]["translation_state"] == "machine"


async def test_explanations_follow_the_language_the_resident_chose(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    await client.put("/api/v1/me/language", json={"language": "ti"}, headers=resident)
    step = (await my_journey(client, resident))["next_step"]
    assert step["title"] == translations("Bankrekening openen")["ti"].text
    assert (step["language"], step["translation_state"]) == ("ti", "machine")
    assert step["typical_duration_days"] == 14
    # Not translated into Tigrinya: the next language Amal reads (English), marked as such …
    bank = (
        await db.execute(
            select(JourneyTemplateStep).where(JourneyTemplateStep.key == "bank_account")
        )
    ).scalar_one()
    bank.explanation = {lang: text for lang, text in bank.explanation.items() if lang != "ti"}
    await db.commit()
    step = (await my_journey(client, resident))["next_step"]
    assert (step["title"], step["language"]) == ("Opening a bank account", "en")
    # … and for someone who reads nothing else, the Dutch source.
    await client.patch("/api/v1/me", json={"languages": []}, headers=resident)
    step = (await my_journey(client, resident))["next_step"]
    assert step["title"] == "Bankrekening openen"
    assert (step["language"], step["translation_state"]) == ("nl", "source")


async def test_a_reviewer_approves_a_journey_translation_and_the_resident_sees_it(
    client: AsyncTestClient, resident: dict
) -> None:
    reviewer = await login(client, "demo-reviewer")
    listed = await client.get("/api/v1/admin/journey-texts?language=uk", headers=reviewer)
    assert listed.status_code == 200, listed.text
    bank = next(s for s in listed.json() if s["key"] == "bank_account")
    assert (bank["source_title"], bank["translation_state"]) == ("Bankrekening openen", "machine")
    reviewed = await client.post(
        "/api/v1/admin/journey-texts/bank_account/uk/review", headers=reviewer
    )
    assert reviewed.status_code == 200, reviewed.text
    assert reviewed.json()["translation_state"] == "reviewed"
    assert reviewed.json()["reviewed_by"] == "Oleksandr Kovalenko"
    await client.put("/api/v1/me/language", json={"language": "uk"}, headers=resident)
    step = (await my_journey(client, resident))["next_step"]
    assert (step["key"], step["language"], step["translation_state"]) == (
        "bank_account",
        "uk",
        "reviewed",
    )
    editor = await login(client, "demo-editor")
    refused = await client.post(
        "/api/v1/admin/journey-texts/bank_account/ar/review", headers=editor
    )
    assert refused.status_code == 403
    # New wording from an editor replaces the reviewed text and needs a new review; the editor
    # names the version they read (the review changed the step: the listed version is stale).
    assert reviewed.json()["version"] == bank["version"] + 1
    new_wording = {
        "title": "Відкрити банківський рахунок",
        "text": "Візьміть документ.",
        "state": "translated",
    }
    url = "/api/v1/admin/journey-texts/bank_account/uk"
    without = await client.put(url, json=new_wording, headers=editor)
    assert without.status_code == 428
    stale = await client.put(
        url, json=new_wording, headers={**editor, "If-Match": f'"v{bank["version"]}"'}
    )
    assert stale.status_code == 412
    corrected = await client.put(
        url,
        json=new_wording,
        headers={**editor, "If-Match": f'"v{reviewed.json()["version"]}"'},
    )
    assert corrected.status_code == 200, corrected.text
    assert corrected.headers["etag"] == f'"v{reviewed.json()["version"] + 1}"'
    assert (corrected.json()["translation_state"], corrected.json()["reviewed_by"]) == (
        "translated",
        None,
    )
    step = (await my_journey(client, resident))["next_step"]
    assert (step["title"], step["translation_state"]) == (
        "Відкрити банківський рахунок",
        "translated",
    )
    for body in (
        {"title": "T", "text": "x", "state": "reviewed"},  # only a review makes it reviewed
        {"title": " ", "text": "x", "state": "machine"},
        {"title": "T", "text": "x", "state": "machine", "extra": 1},
    ):
        bad = await client.put(
            "/api/v1/admin/journey-texts/bank_account/uk",
            json=body,
            headers={**editor, "If-Match": "*"},
        )
        assert bad.status_code == 400, body
    assert (await my_journey(client, resident))["next_step"][
        "title"
    ] == "Відкрити банківський рахунок"
    unknown = await client.put(
        "/api/v1/admin/journey-texts/no_such_step/uk",
        json={"title": "T", "text": "x", "state": "machine"},
        headers={**editor, "If-Match": "*"},
    )
    assert unknown.status_code == 404
    for bad in (
        "/api/v1/admin/journey-texts?language=nl",
        "/api/v1/admin/journey-texts?language=de",
    ):
        assert (await client.get(bad, headers=reviewer)).status_code == 400


async def test_an_editor_changes_a_steps_dutch_text_and_its_translations_become_outdated(
    client: AsyncTestClient, resident: dict
) -> None:
    editor = await login(client, "demo-editor")
    listed = await client.get("/api/v1/admin/journey-texts?language=uk", headers=editor)
    bank = next(s for s in listed.json() if s["key"] == "bank_account")
    assert (bank["outdated"], bank["translation_state"]) == (False, "machine")
    url = "/api/v1/admin/journey-texts/bank_account/nl"
    dutch = {"title": "Open een bankrekening", "text": "Neem uw verblijfsvergunning mee."}
    changed = await client.put(
        url, json=dutch, headers={**editor, "If-Match": f'"v{bank["version"]}"'}
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["source_title"], changed.json()["translation_state"]) == (
        "Open een bankrekening",
        "source",
    )
    # The same wording again changes nothing, not even the version.
    same = await client.put(
        url, json=dutch, headers={**editor, "If-Match": changed.headers["etag"]}
    )
    assert same.json()["version"] == changed.json()["version"]

    after = next(
        s
        for s in (
            await client.get("/api/v1/admin/journey-texts?language=uk", headers=editor)
        ).json()
        if s["key"] == "bank_account"
    )
    assert (after["source_title"], after["outdated"]) == ("Open een bankrekening", True)
    # An outdated translation is not approved as it stands; saved again, it is current.
    reviewer = await login(client, "demo-reviewer")
    refused = await client.post(
        "/api/v1/admin/journey-texts/bank_account/uk/review", headers=reviewer
    )
    assert refused.status_code == 409
    assert refused.json()["type"] == "urn:welkom:problem:translation-outdated"
    assert (
        await client.put(url, json=dutch, headers={**reviewer, "If-Match": "*"})
    ).status_code == 403  # the source is the editors'
    updated = await client.put(
        "/api/v1/admin/journey-texts/bank_account/uk",
        json={"title": "Відкрити рахунок", "text": "Візьміть дозвіл на проживання."},
        headers={**editor, "If-Match": f'"v{after["version"]}"'},
    )
    assert (updated.json()["outdated"], updated.json()["translation_state"]) == (
        False,
        "translated",
    )
    # A resident reading Dutch reads the source as changed.
    await client.put("/api/v1/me/language", json={"language": "nl"}, headers=resident)
    step = (await my_journey(client, resident))["next_step"]
    assert (step["key"], step["title"]) == ("bank_account", "Open een bankrekening")


async def test_a_caseworker_updates_a_step_and_the_resident_sees_it_next(
    client: AsyncTestClient, resident: dict, db: AsyncSession, settings: Settings
) -> None:
    amal = await demo_resident(db)
    caseworker = await principal_for(client, db, settings, "demo-caseworker")
    before = await my_journey(client, resident)
    bank = before["next_step"]
    due = (utcnow() + timedelta(days=3)).date()
    updated = await journey.update_step(
        db,
        caseworker,
        amal.id,
        uuid.UUID(bank["id"]),
        StepUpdate(status="done", note="Gelukt!", next_actor=None),
        if_match=f'"v{bank["version"]}"',
    )
    await db.commit()  # the caller's unit of work commits (services never do)
    assert updated.completed_at is not None
    digid = next(s for s in before["steps"] if s["key"] == "digid")
    await journey.update_step(
        db,
        caseworker,
        amal.id,
        uuid.UUID(digid["id"]),
        StepUpdate(
            status="in_progress", due_date=due, next_actor="other", next_actor_name="Logius"
        ),
    )
    await db.commit()
    after = await my_journey(client, resident)
    assert after["next_step"]["key"] == "digid"
    assert after["next_step"]["due_date"] == due.isoformat()
    assert after["next_step"]["next_actor_name"] == "Logius"
    done = next(s for s in after["steps"] if s["key"] == "bank_account")
    assert (done["status"], done["note"], done["is_next"]) == ("done", "Gelukt!", False)
    assert after["done"] == 4

    before_counts = await row_counts(db)
    with pytest.raises(Problem) as stale:
        await journey.update_step(
            db,
            caseworker,
            amal.id,
            uuid.UUID(bank["id"]),
            StepUpdate(status="in_progress"),
            if_match=f'"v{bank["version"]}"',
        )
    assert stale.value.status_code == 412
    assert await row_counts(db) == before_counts


BAD_UPDATES = [
    (StepUpdate(due_date=utcnow().date() + timedelta(days=365 * 20)), "due_date"),
    (StepUpdate(due_date=utcnow().date().replace(year=1999)), "due_date"),
    (StepUpdate(next_actor="other"), "next_actor_name"),
]


@pytest.mark.parametrize(("update", "field"), BAD_UPDATES)
async def test_bad_step_updates_are_problems_and_change_nothing(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    settings: Settings,
    update: StepUpdate,
    field: str,
) -> None:
    amal = await demo_resident(db)
    caseworker = await principal_for(client, db, settings, "demo-caseworker")
    step = (await my_journey(client, resident))["next_step"]
    before, before_journey = await row_counts(db), await my_journey(client, resident)
    with pytest.raises(Problem) as bad:
        await journey.update_step(db, caseworker, amal.id, uuid.UUID(step["id"]), update)
    assert bad.value.status_code == 400
    assert [e.field for e in bad.value.errors] == [field]
    assert await row_counts(db) == before
    assert await my_journey(client, resident) == before_journey


async def test_steps_of_other_residents_and_municipalities_are_not_found(
    client: AsyncTestClient, resident: dict, db: AsyncSession, settings: Settings
) -> None:
    amal = await demo_resident(db)
    yonas = await add_resident(db, login_name="other-resident", name="Yonas")
    caseworker = await principal_for(client, db, settings, "demo-caseworker")
    volunteer = await principal_for(client, db, settings, "demo-volunteer")
    await add_caseworker(db, login_name="elsewhere-caseworker", municipality_code="0363")
    elsewhere = await principal_for(client, db, settings, "elsewhere-caseworker")
    step_id = uuid.UUID((await my_journey(client, resident))["next_step"]["id"])
    before = await row_counts(db)
    for principal, resident_id in [
        (caseworker, yonas.id),  # Amal's step under another resident's id
        (elsewhere, amal.id),  # another municipality's caseworker
        (volunteer, amal.id),
    ]:
        with pytest.raises(Problem) as refused:
            await journey.update_step(
                db, principal, resident_id, step_id, StepUpdate(status="done")
            )
        assert refused.value.status_code == 404
    with pytest.raises(Problem) as refused:
        await journey.journey_for_caseworker(db, elsewhere, amal.id, "nl")
    assert refused.value.status_code == 404
    assert await row_counts(db) == before


async def test_starting_a_journey_from_the_active_template_is_idempotent(
    client: AsyncTestClient, db: AsyncSession, settings: Settings
) -> None:
    yonas = await add_resident(db, login_name="other-resident", name="Yonas")
    headers = await login(client, "other-resident")
    assert (await my_journey(client, headers)) == {
        "next_step": None,
        "steps": [],
        "done": 0,
        "total": 0,
    }
    caseworker = await principal_for(client, db, settings, "demo-caseworker")
    for _ in range(2):  # two requests, each its own unit of work
        await journey.start_journey(db, caseworker, yonas.id)
        await db.commit()  # the caller's unit of work commits (services never do)
    body = await my_journey(client, headers)
    assert body["total"] == 10
    assert body["next_step"]["key"] == "housing"
    assert all(step["status"] == "not_started" for step in body["steps"])


async def test_templates_need_dutch_source_texts_and_unique_steps(
    client: AsyncTestClient, db: AsyncSession, settings: Settings
) -> None:
    caseworker = await principal_for(client, db, settings, "demo-caseworker")
    english_only = {"en": ExplanationIn(title="GP", text="Find a GP.", state="reviewed")}
    dutch = {"nl": ExplanationIn(title="Huisarts", text="Zoek een huisarts.", state="source")}
    before = await row_counts(db)
    for template, field in [
        (TemplateIn(name="T", steps=[TemplateStepIn(key="gp", explanation=english_only)]),
         "steps[0].explanation"),
        (TemplateIn(name="T", steps=[TemplateStepIn(key="gp", explanation=dutch)] * 2), "steps"),
    ]:  # fmt: skip
        with pytest.raises(Problem) as bad:
            await journey.create_template(db, caseworker, template)
        assert [e.field for e in bad.value.errors] == [field]
    assert await row_counts(db) == before

    made = await journey.create_template(
        db, caseworker, TemplateIn(name="Kort", steps=[TemplateStepIn(key="gp", explanation=dutch)])
    )
    active = await journey.active_template(db, caseworker.municipality_id)
    assert active is not None
    assert active.id == made.id
