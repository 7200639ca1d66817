# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The consent ledger: derived state, immediate withdrawal, receipts, texts, bad input."""

from __future__ import annotations

import ast
import asyncio
from datetime import datetime
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import login, row_counts
from tests.residents_support import add_caseworker, add_resident, demo_resident, principal_for
from welkom.consent import service as consent
from welkom.consent import sharing
from welkom.consent.purposes import Channel, Purpose, Recipient
from welkom.consent.schemas import ConsentChangeIn
from welkom.core.database import session_factory
from welkom.core.i18n import format_date
from welkom.core.problems import Problem
from welkom.core.settings import Settings
from welkom.core.unit_of_work import unit_of_work
from welkom.municipalities.models import Municipality

VOLUNTEER = Purpose.share_contact_with_volunteer


def change(
    action: str = "grant", *, purpose: str = VOLUNTEER, version: int = 1, language: str = "nl"
) -> dict:
    return {"purpose": purpose, "action": action, "text_version": version, "language": language}


async def states(client: AsyncTestClient, headers: dict) -> dict[str, dict]:
    response = await client.get("/api/v1/me/consents", headers=headers)
    assert response.status_code == 200, response.text
    return {item["purpose"]: item for item in response.json()}


async def test_every_purpose_is_listed_with_its_text_and_nobody_has_answered_yet(
    client: AsyncTestClient, resident: dict
) -> None:
    chosen = await client.put("/api/v1/me/language", json={"language": "en"}, headers=resident)
    assert chosen.json() == {"language": "en", "direction": "ltr"}
    listed = await states(client, resident)
    assert set(listed) == {p.value for p in Purpose}
    volunteer = listed[VOLUNTEER]
    assert volunteer["state"] == "not_asked"
    assert volunteer["recipient"] == "role:volunteer"
    assert volunteer["legal_basis"] == "consent"
    assert volunteer["data_categories"] == ["name", "contact_details", "languages"]
    assert volunteer["label"] == "Share my contact details with a volunteer who helps me"
    # The demo's English text is a machine translation: shown, marked, the Dutch text beside it.
    assert volunteer["text"]["language"] == "en"
    assert volunteer["text"]["version"] == 1
    assert volunteer["text"]["title"] == "Share my contact details with a volunteer"
    assert (volunteer["text"]["translation_state"], volunteer["text"]["reviewed"]) == (
        "machine",
        False,
    )
    assert volunteer["source_text"]["language"] == "nl"
    assert volunteer["source_text"]["title"] == "Mijn contactgegevens delen met een vrijwilliger"
    assert volunteer["grant_requires_review"] is False
    # In Dutch the text is the source itself: nothing beside it.
    await client.put("/api/v1/me/language", json={"language": "nl"}, headers=resident)
    dutch = (await states(client, resident))[VOLUNTEER]
    assert (dutch["text"]["language"], dutch["text"]["translation_state"]) == ("nl", "source")
    assert dutch["text"]["title"] == "Mijn contactgegevens delen met een vrijwilliger"
    assert dutch["source_text"] is None


@pytest.mark.parametrize(
    "language", ["ar", "fa", "prs", "ps", "ti", "so", "tr", "uk", "ru", "kmr", "ckb", "fr"]
)
async def test_consent_is_read_and_given_in_the_language_the_resident_chose(
    client: AsyncTestClient, resident: dict, db: AsyncSession, language: str
) -> None:
    await client.put("/api/v1/me/language", json={"language": language}, headers=resident)
    listed = await states(client, resident)
    for state in listed.values():
        assert state["text"]["language"] == language, state["purpose"]
        assert state["text"]["reviewed"] is False  # machine translations say so
        assert state["source_text"]["language"] == "nl"
    granted = await client.post(
        "/api/v1/me/consents", json=change(language=language), headers=resident
    )
    assert granted.status_code == 201, granted.text
    assert (granted.json()["text_language"], granted.json()["text_translation_state"]) == (
        language,
        "machine",
    )
    [row] = (
        await db.execute(
            text("SELECT text_language, text_translation_state, text_version FROM consent_entry")
        )
    ).all()
    assert tuple(row) == (language, "machine", 1)
    receipt = await client.get(granted.json()["receipt"], headers=resident)
    assert receipt.headers["content-language"] == language
    assert receipt.json()["consent_text"]["language"] == language
    assert receipt.json()["action"]["label"] != "Consent given"  # in the resident's language
    # The date in the summary is written the language's own way (CLDR), not as ISO digits.
    recorded = datetime.fromisoformat(granted.json()["recorded_at"]).date()
    assert format_date(recorded, language) in receipt.json()["summary"]
    assert recorded.isoformat() not in receipt.json()["summary"]


async def test_a_municipality_can_require_a_reviewed_translation_before_consent(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    amal = await demo_resident(db)
    await db.execute(
        update(Municipality)
        .where(Municipality.id == amal.municipality_id)
        .values(consent_requires_reviewed_text=True)
    )
    await db.commit()
    await client.put("/api/v1/me/language", json={"language": "ti"}, headers=resident)
    assert (await states(client, resident))[VOLUNTEER]["grant_requires_review"] is True
    before = await row_counts(db)
    refused = await client.post("/api/v1/me/consents", json=change(language="ti"), headers=resident)
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["type"] == "urn:welkom:problem:consent-text-not-reviewed"
    assert refused.headers["content-language"] == "ti"
    assert any(0x1200 <= ord(c) < 0x1380 for c in problem["title"])  # Ge'ez script
    assert problem["translation_state"] == "machine"
    assert await row_counts(db) == before
    # On the authoritative Dutch text consent can be given.
    dutch = await client.post("/api/v1/me/consents", json=change(language="nl"), headers=resident)
    assert dutch.status_code == 201, dutch.text
    assert dutch.json()["text_translation_state"] == "source"
    # Once a native-speaker reviewer approves the Tigrinya text, consent in Tigrinya is accepted.
    reviewer = await login(client, "demo-reviewer")
    listed = await client.get("/api/v1/admin/consent-texts?language=ti", headers=reviewer)
    text_row = next(
        t for t in listed.json() if t["purpose"] == Purpose.share_household_with_social_team
    )
    assert (text_row["translation_state"], text_row["version"]) == ("machine", 1)
    reviewed = await client.post(
        f"/api/v1/admin/consent-texts/{Purpose.share_household_with_social_team}/1/ti/review",
        headers=reviewer,
    )
    assert reviewed.status_code == 200, reviewed.text
    assert (reviewed.json()["translation_state"], reviewed.json()["title"]) == (
        "reviewed",
        text_row["title"],  # the wording (and so its SHA-256) stays as it was
    )
    household = change(purpose=Purpose.share_household_with_social_team, language="ti")
    granted = await client.post("/api/v1/me/consents", json=household, headers=resident)
    assert granted.status_code == 201, granted.text
    assert granted.json()["text_translation_state"] == "reviewed"
    editor = await login(client, "demo-editor")
    assert (
        await client.post(f"/api/v1/admin/consent-texts/{VOLUNTEER}/1/ti/review", headers=editor)
    ).status_code == 403


async def test_withdrawal_hides_contact_details_from_volunteers_on_the_very_next_request(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    amal = await demo_resident(db)
    view = await sharing.shared_view(db, amal.id, Recipient.volunteer)
    assert view.contact is None  # nothing shared before consent

    granted = await client.post("/api/v1/me/consents", json=change("grant"), headers=resident)
    assert granted.status_code == 201, granted.text
    assert await consent.allows(db, amal.id, VOLUNTEER, Recipient.volunteer)
    view = await sharing.shared_view(db, amal.id, Recipient.volunteer)
    assert view.contact is not None
    assert view.contact.phone == "+31 6 12345678"
    assert view.household is None  # a volunteer never gets the household this way
    assert (await states(client, resident))[VOLUNTEER]["state"] == "granted"

    withdrawn = await client.post("/api/v1/me/consents", json=change("withdraw"), headers=resident)
    assert withdrawn.status_code == 201, withdrawn.text
    # The very next read, by the service a volunteer view uses and over HTTP:
    assert not await consent.allows(db, amal.id, VOLUNTEER, Recipient.volunteer)
    assert (await sharing.shared_view(db, amal.id, Recipient.volunteer)).contact is None
    assert (await states(client, resident))[VOLUNTEER]["state"] == "withdrawn"

    ledger = (await client.get("/api/v1/me/consents/entries", headers=resident)).json()["items"]
    assert [e["action"] for e in ledger] == ["withdrawn", "granted"]
    assert [e["seq"] for e in ledger] == [2, 1]
    assert all(e["channel"] == "app" for e in ledger)


async def test_consent_is_per_purpose_and_recipient(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    amal = await demo_resident(db)
    await client.post(
        "/api/v1/me/consents",
        json=change(purpose=Purpose.share_household_with_social_team),
        headers=resident,
    )
    assert await consent.allows(
        db, amal.id, Purpose.share_household_with_social_team, Recipient.social_team
    )
    # The same purpose for another recipient, or another purpose, is not allowed.
    assert not await consent.allows(
        db, amal.id, Purpose.share_household_with_social_team, Recipient.volunteer
    )
    assert not await consent.allows(db, amal.id, VOLUNTEER, Recipient.volunteer)
    social = await sharing.shared_view(db, amal.id, Recipient.social_team)
    assert social.contact is None
    assert social.household is not None
    assert {m.name for m in social.household} == {"Karim", "Lina"}


async def test_receipt_names_text_version_and_language(
    client: AsyncTestClient, resident: dict
) -> None:
    english = await client.post("/api/v1/me/consents", json=change(language="en"), headers=resident)
    receipt = await client.get(
        f"/api/v1/me/consents/entries/{english.json()['id']}/receipt", headers=resident
    )
    assert receipt.status_code == 200, receipt.text
    assert receipt.headers["content-language"] == "en"
    assert "attachment" in receipt.headers["content-disposition"]
    body = receipt.json()
    assert body["language"] == "en"
    assert body["consent_text"]["version"] == 1
    assert body["consent_text"]["language"] == "en"
    assert body["consent_text"]["title"] == "Share my contact details with a volunteer"
    assert len(body["consent_text"]["sha256"]) == 64
    assert body["action"] == {"code": "granted", "label": "Consent given"}
    assert body["recipient"]["label"] == "volunteers who help you"
    assert body["legal_basis_article"] == "AVG art. 6(1)(a)"
    assert body["controller"]["gemeentecode"] == "9999"
    assert "Consent given on" in body["summary"]

    dutch = await client.post("/api/v1/me/consents", json=change("withdraw"), headers=resident)
    body = (
        await client.get(
            f"/api/v1/me/consents/entries/{dutch.json()['id']}/receipt", headers=resident
        )
    ).json()
    assert body["language"] == "nl"
    assert body["action"]["code"] == "withdrawn"
    assert body["consent_text"]["language"] == "nl"
    assert body["consent_text"]["title"] == "Mijn contactgegevens delen met een vrijwilliger"


async def test_a_new_text_version_must_be_read_before_agreeing(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    amal = await demo_resident(db)
    assert (
        await client.post("/api/v1/me/consents", json=change(), headers=resident)
    ).status_code == 201
    version = await consent.publish_text_version(
        db,
        amal.municipality_id,
        VOLUNTEER,
        [
            consent.TextIn("nl", "Contact met vrijwilligers (nieuw)", "Nieuwe tekst.", "source"),
            consent.TextIn("ar", "مشاركة بيانات الاتصال", "نص مترجم آليًا.", "machine"),
        ],
    )
    await db.commit()
    assert version == 2
    listed = await states(client, resident)
    assert listed[VOLUNTEER]["state"] == "granted"
    assert listed[VOLUNTEER]["granted_text_version"] == 1
    assert listed[VOLUNTEER]["text_changed"] is True
    # Amal prefers Arabic: the machine translation is shown and marked as unreviewed.
    assert listed[VOLUNTEER]["text"]["language"] == "ar"
    assert listed[VOLUNTEER]["text"]["translation_state"] == "machine"
    assert listed[VOLUNTEER]["text"]["reviewed"] is False

    before = await row_counts(db)
    stale = await client.post("/api/v1/me/consents", json=change(version=1), headers=resident)
    assert stale.status_code == 409
    assert stale.json()["type"] == "urn:welkom:problem:consent-text-changed"
    assert await row_counts(db) == before
    fresh = await client.post(
        "/api/v1/me/consents", json=change(version=2, language="ar"), headers=resident
    )
    assert fresh.status_code == 201, fresh.text
    assert (await states(client, resident))[VOLUNTEER]["text_changed"] is False


async def test_texts_need_a_dutch_source(db: AsyncSession, seeded: None) -> None:
    amal = await demo_resident(db)
    with pytest.raises(ValueError, match="Dutch source"):
        await consent.publish_text_version(
            db, amal.municipality_id, VOLUNTEER, [consent.TextIn("en", "T", "B", "reviewed")]
        )
    with pytest.raises(ValueError, match="only the Dutch"):
        await consent.publish_text_version(
            db,
            amal.municipality_id,
            VOLUNTEER,
            [consent.TextIn("nl", "T", "B", "source"), consent.TextIn("en", "T", "B", "source")],
        )


BAD_CHANGES = [
    # (body, status, problem type suffix, field)
    (change(purpose="sell_my_data"), 400, "validation", "purpose"),
    (change(purpose="x" * 65), 400, "validation", "purpose"),
    (change(version=7), 400, "validation", "text_version"),
    (change(language="de"), 400, "validation", "text_version"),
    (change(version=0), 400, "validation", "text_version"),
    ({**change(), "action": "maybe"}, 400, "validation", "action"),
    ({**change(), "recipient": "organisation:anyone"}, 400, "validation", "recipient"),
    ({**change(), "language": "x" * 9}, 400, "validation", "language"),
    (change("withdraw"), 409, "consent-not-granted", None),
]


@pytest.mark.parametrize(("body", "status", "slug", "field"), BAD_CHANGES)
async def test_bad_consent_changes_are_problems_and_change_nothing(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    body: dict,
    status: int,
    slug: str,
    field: str | None,
) -> None:
    before = await row_counts(db)
    response = await client.post(
        "/api/v1/me/consents", json=body, headers={**resident, "Idempotency-Key": "bad-1"}
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == f"urn:welkom:problem:{slug}"
    if field:
        assert [e["field"] for e in response.json()["errors"]] == [field]
    assert await row_counts(db) == before


async def test_granting_twice_is_refused_and_a_retry_is_replayed(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    headers = {**resident, "Idempotency-Key": "grant-once"}
    first = await client.post("/api/v1/me/consents", json=change(), headers=headers)
    assert first.status_code == 201
    before = await row_counts(db)
    again = await client.post("/api/v1/me/consents", json=change(), headers=headers)
    assert again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    twice = await client.post("/api/v1/me/consents", json=change(), headers=resident)
    assert twice.status_code == 409
    assert twice.json()["type"] == "urn:welkom:problem:consent-already-granted"
    assert await row_counts(db) == before


async def test_another_residents_receipt_is_not_found(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    await add_resident(db, login_name="other-resident", name="Yonas")
    other = await login(client, "other-resident")
    entry = (await client.post("/api/v1/me/consents", json=change(), headers=other)).json()
    before = await row_counts(db)
    response = await client.get(
        f"/api/v1/me/consents/entries/{entry['id']}/receipt", headers=resident
    )
    assert response.status_code == 404
    assert response.json()["type"] == "urn:welkom:problem:not-found"
    assert (await client.get("/api/v1/me/consents/entries", headers=resident)).json()["items"] == []
    assert await row_counts(db) == before


async def test_a_caseworker_records_paper_consent_only_in_their_own_municipality(
    client: AsyncTestClient, db: AsyncSession, settings: Settings
) -> None:
    amal = await demo_resident(db)
    await add_caseworker(db, login_name="elsewhere-caseworker", municipality_code="0363")
    elsewhere = await principal_for(client, db, settings, "elsewhere-caseworker")
    before = await row_counts(db)
    with pytest.raises(Problem) as refused:
        await consent.record_for_resident(db, elsewhere, amal.id, ConsentChangeIn(**change()))
    assert refused.value.status_code == 404
    assert await row_counts(db) == before

    own = await principal_for(client, db, settings, "demo-caseworker")
    status, body, _ = await consent.record_for_resident(
        db, own, amal.id, ConsentChangeIn(**change()), channel=Channel.paper
    )
    assert status == 201
    assert body["channel"] == "paper"
    assert await consent.allows(db, amal.id, VOLUNTEER, Recipient.volunteer)


async def test_the_ledger_is_append_only_in_the_database(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    await client.post("/api/v1/me/consents", json=change(), headers=resident)
    for statement in (
        "UPDATE consent_entry SET action = 'withdrawn'",
        "DELETE FROM consent_entry",
    ):
        with pytest.raises((DBAPIError, IntegrityError), match="append-only"):
            await db.execute(text(statement))
        await db.rollback()
    assert (await client.get("/api/v1/me/consents/entries", headers=resident)).json()["items"][0][
        "action"
    ] == "granted"


def test_only_the_consent_package_reads_consent_tables() -> None:
    """Everyone else asks ``welkom.consent.service``; nobody imports the consent models."""
    root = Path(__file__).resolve().parents[1] / "backend" / "welkom"
    offenders = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if (
            relative.startswith("consent/")
            or relative in ("tables.py",)
            or "/migrations/" in f"/{relative}"
        ):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            if any(n.startswith("welkom.consent.models") for n in names):
                offenders.append(relative)
    assert offenders == []


async def test_simultaneous_changes_make_one_entry_and_the_others_are_told(
    client: AsyncTestClient, db: AsyncSession, engine: AsyncEngine, settings: Settings
) -> None:
    """Four grants at the same moment (separate sessions, as separate requests would be): the
    per-resident sequence lets exactly one in; the rest get a 409 and nothing half-made."""
    amal = await demo_resident(db)
    principal = await principal_for(client, db, settings, "demo-resident")
    before = await row_counts(db)
    sessions = session_factory(engine)

    async def grant() -> int | str:
        try:
            async with unit_of_work(sessions) as session:
                status, _, _ = await consent.record(
                    session,
                    principal,
                    amal.id,
                    amal.municipality_id,
                    ConsentChangeIn(**change()),
                    channel=Channel.app,
                    idempotency_key=None,
                )
        except Problem as problem:
            return problem.slug
        return status

    outcomes = await asyncio.gather(*(grant() for _ in range(4)))
    assert outcomes.count(201) == 1
    assert set(outcomes) - {201} <= {"changed-concurrently", "consent-already-granted"}
    assert await row_counts(db) == {**before, "consent_entry": before["consent_entry"] + 1}


async def test_an_editor_changes_the_dutch_consent_text_and_translations_wait_for_it(
    client: AsyncTestClient, resident: dict
) -> None:
    """New Dutch wording is a new version with only the Dutch text: residents read Dutch until
    a translation of the new text is saved; the translation view offers the old one, outdated."""
    editor = await login(client, "demo-editor")
    listed = await client.get("/api/v1/admin/consent-texts?language=so", headers=editor)
    before = next(t for t in listed.json() if t["purpose"] == VOLUNTEER)
    assert before["title"]
    assert before["outdated"] is False
    url = f"/api/v1/admin/consent-texts/{VOLUNTEER}/nl"
    dutch = {"title": "Gegevens delen met een vrijwilliger", "body": "Nieuwe tekst."}
    assert (await client.put(url, json=dutch, headers=editor)).status_code == 428
    reviewer = await login(client, "demo-reviewer")
    current = {"If-Match": f'"v{before["version"]}"'}
    assert (await client.put(url, json=dutch, headers={**reviewer, **current})).status_code == 403
    changed = await client.put(url, json=dutch, headers={**editor, **current})
    assert changed.status_code == 200, changed.text
    assert (changed.json()["version"], changed.json()["source_body"]) == (
        before["version"] + 1,
        "Nieuwe tekst.",
    )
    after = next(
        t
        for t in (
            await client.get("/api/v1/admin/consent-texts?language=so", headers=editor)
        ).json()
        if t["purpose"] == VOLUNTEER
    )
    assert (after["version"], after["source_body"], after["outdated"]) == (
        before["version"] + 1,
        "Nieuwe tekst.",
        True,
    )
    assert (after["title"], after["body"]) == (before["title"], before["body"])
    # A Somali reader gets the Dutch text of the new version.
    await client.put("/api/v1/me/language", json={"language": "so"}, headers=resident)
    shown = (await states(client, resident))[VOLUNTEER]["text"]
    assert shown["body"] == "Nieuwe tekst."
    # Saving the translation for the new version makes it current again.
    saved = await client.put(
        f"/api/v1/admin/consent-texts/{VOLUNTEER}/so",
        json={"title": after["title"], "body": after["body"], "state": "translated"},
        headers={**editor, "If-Match": changed.headers["etag"]},
    )
    assert (saved.json()["version"], saved.json()["outdated"]) == (before["version"] + 1, False)


async def test_a_second_editor_adding_a_language_does_not_replace_the_first_ones(
    client: AsyncTestClient, db: AsyncSession
) -> None:
    """Adding a language keeps the version, so both editors name it; ``If-None-Match: *``
    says "I add, I do not replace". A correction (without it) is a new version."""
    await db.execute(
        text("DELETE FROM consent_text WHERE language = 'so' AND purpose = :purpose"),
        {"purpose": VOLUNTEER.value},
    )
    await db.commit()
    editor = await login(client, "demo-editor")
    url = f"/api/v1/admin/consent-texts/{VOLUNTEER}/so"
    adding = {**editor, "If-Match": '"v1"', "If-None-Match": "*"}
    first = {"title": "La wadaag", "body": "Qoraalka koowaad.", "state": "translated"}
    added = await client.put(url, json=first, headers=adding)
    assert (added.status_code, added.json()["version"]) == (200, 1), added.text
    assert (await client.put(url, json=first, headers=adding)).status_code == 200  # no change
    before = await row_counts(db)
    second = await client.put(url, json={**first, "body": "Qoraalka labaad."}, headers=adding)
    assert second.status_code == 412
    assert second.json()["type"] == "urn:welkom:problem:precondition-failed"
    assert await row_counts(db) == before
    for value, status in (('"v1"', 400), ("W/*", 400)):
        assert (
            await client.put(url, json=first, headers={**adding, "If-None-Match": value})
        ).status_code == status
    dutch = await client.put(
        f"/api/v1/admin/consent-texts/{VOLUNTEER}/nl",
        json={"title": "T", "body": "B"},
        headers={**adding, **editor},
    )
    assert dutch.status_code == 412  # the Dutch source is always there
    corrected = await client.put(  # someone who read the first translation corrects it
        url, json={**first, "body": "Qoraalka la saxay."}, headers={**editor, "If-Match": '"v1"'}
    )
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["version"] == 2
    listed = await client.get("/api/v1/admin/consent-texts?language=so", headers=editor)
    assert next(t for t in listed.json() if t["purpose"] == VOLUNTEER)["body"] == (
        "Qoraalka la saxay."
    )


async def test_an_editor_translates_a_consent_text_and_new_wording_is_a_new_version(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    amal = await demo_resident(db)
    await db.execute(
        text("DELETE FROM consent_text WHERE language = 'so' AND purpose = :purpose"),
        {"purpose": VOLUNTEER.value},
    )
    await db.commit()
    editor = await login(client, "demo-editor")
    url = f"/api/v1/admin/consent-texts/{VOLUNTEER}/so"
    body = {"title": "La wadaag", "body": "Qoraal buuxa.", "state": "translated"}
    assert (await client.put(url, json=body, headers=editor)).status_code == 428
    v1 = {**editor, "If-Match": '"v1"'}  # the version the editor read
    added = await client.put(url, json=body, headers=v1)
    assert added.status_code == 200, added.text
    assert (added.json()["version"], added.json()["translation_state"]) == (1, "translated")
    assert added.headers["etag"] == '"v1"'
    again = await client.put(url, json=body, headers=v1)  # the same wording: nothing new
    assert (again.json()["version"], again.json()["translation_state"]) == (1, "translated")
    # Amal agrees to the Somali text of version 1 …
    await client.put("/api/v1/me/language", json={"language": "so"}, headers=resident)
    assert (await states(client, resident))[VOLUNTEER]["text"]["title"] == "La wadaag"
    granted = await client.post("/api/v1/me/consents", json=change(language="so"), headers=resident)
    assert granted.status_code == 201, granted.text
    # … so new Somali wording is a new version; the text she agreed to stays as it was.
    reworded = await client.put(url, json={**body, "body": "Qoraal cusub."}, headers=v1)
    assert reworded.json()["version"] == 2
    # An editor who still has version 1 open does not overwrite it unseen.
    stale = await client.put(url, json={**body, "body": "Oud."}, headers=v1)
    assert stale.status_code == 412
    assert stale.json()["type"] == "urn:welkom:problem:precondition-failed"
    listed = await states(client, resident)
    assert (listed[VOLUNTEER]["text"]["body"], listed[VOLUNTEER]["text_changed"]) == (
        "Qoraal cusub.",
        True,
    )
    receipt = (await client.get(granted.json()["receipt"], headers=resident)).json()
    assert receipt["consent_text"]["version"] == 1
    dutch = (await consent._texts_of_version(db, amal.municipality_id, VOLUNTEER, 2))["nl"]
    assert dutch.translation_state == "source"  # every other language carried over
    before = await row_counts(db)
    for bad_body, status in (
        ({**body, "state": "reviewed"}, 400),  # only a reviewer's review makes it reviewed
        ({**body, "title": "x" * 201}, 400),
        ({"title": "T"}, 400),
    ):
        assert (await client.put(url, json=bad_body, headers=v1)).status_code == status
    assert (
        await client.put(f"/api/v1/admin/consent-texts/{VOLUNTEER}/nl", json=body, headers=v1)
    ).status_code == 412  # the Dutch text is the source; version 1 is no longer current
    assert (
        await client.put("/api/v1/admin/consent-texts/sell_my_data/so", json=body, headers=v1)
    ).status_code == 404
    assert await row_counts(db) == before
