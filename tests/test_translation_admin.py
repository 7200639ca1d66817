# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Translation aids for conversations, end to end: a municipality's LibreTranslate server set by
records management, the resident's question in Dutch and a draft answer in the resident's
language for the caseworker (marked machine translation, the original always kept), answers
sent with their translation, and a server that is absent, down, busy or without the language."""

from __future__ import annotations

import uuid

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import make_settings, row_counts
from tests.residents_support import principal_for
from tests.support_admin import Person, demo_municipality, other_municipality, person
from tests.translation.fixtures import _libretranslate_session, libretranslate
from tests.translation.server import LibreTranslateServer, closed_port_url
from welkom.admin.models import ConversationMessage
from welkom.audit.models import AuditEvent
from welkom.cases.models import LocalDocument
from welkom.core.settings import Settings
from welkom.demo.seed import DEMO_MUNICIPALITY_CODE
from welkom.gdpr import service as gdpr
from welkom.outbox.worker import OutboxWorker

__all__ = ["_libretranslate_session", "libretranslate"]

API_KEY = "7d1c0e52-3b84-4f6a-9e21-c5a8b0f94d37"
QUESTION = "متى سأحصل على منزل؟"
SERVER = "/api/v1/admin/translation-server"
MACHINE = {"state": "machine", "engine": "libretranslate"}
#: How long the test server takes to answer when it is slow.
SLOW_SECONDS = 30.0


@pytest.fixture
def settings(database_url: str) -> Settings:
    # Long enough for a busy machine; the "slow" server below answers after ten times as long.
    return make_settings(
        database_url,
        translation_timeout_seconds=SLOW_SECONDS / 10,
        translation_api_keys={DEMO_MUNICIPALITY_CODE: API_KEY},
    )


@pytest.fixture
async def office(client: AsyncTestClient, db: AsyncSession) -> dict[str, Person]:
    here, there = await demo_municipality(db), await other_municipality(db)
    return {
        "resident": await person(client, db, here, "resident", name="Amira", language="ar"),
        "tigrinya": await person(client, db, here, "resident", name="Semhar", language="ti"),
        "caseworker": await person(client, db, here, "caseworker", name="Sanne"),
        "records": await person(client, db, here, "records_manager", name="Dirk"),
        "elsewhere": await person(client, db, there, "caseworker", name="Elders"),
        "their_records": await person(client, db, there, "records_manager", name="Ria"),
        "their_resident": await person(client, db, there, "resident", name="Farid"),
    }


async def ask(client: AsyncTestClient, resident: Person, text: str = QUESTION) -> str:
    response = await client.post(
        "/api/v1/me/questions", json={"text": text, "language": "ar"}, headers=resident.headers
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def point_at(client: AsyncTestClient, records: Person, url: str | None) -> dict:
    response = await client.put(SERVER, json={"url": url}, headers=records.headers)
    assert response.status_code == 200, response.text
    return response.json()


def conversation(question_id: str) -> str:
    return f"/api/v1/admin/conversations/{question_id}"


async def test_without_a_server_the_aids_are_absent(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person]
) -> None:
    caseworker = office["caseworker"].headers
    question_id = await ask(client, office["resident"])
    server = await client.get(SERVER, headers=office["records"].headers)
    assert server.json() == {
        "configured": False,
        "engine": None,
        "url": None,
        "api_key_configured": True,
    }
    before = await row_counts(db)
    for response in [
        await client.get("/api/v1/admin/translation/languages", headers=caseworker),
        await client.get(f"{conversation(question_id)}/translation", headers=caseworker),
        await client.post(
            f"{conversation(question_id)}/answer-translation",
            json={"text": "We bellen u volgende week."},
            headers=caseworker,
        ),
        await client.post(
            f"{conversation(question_id)}/answers",
            json={"text": "We bellen u.", "language": "nl", "send_translation": True},
            headers=caseworker,
        ),
    ]:
        assert response.status_code == 404, response.text
        assert response.json()["type"].endswith(":translation-not-configured")
    assert await row_counts(db) == before
    answered = await client.post(
        f"{conversation(question_id)}/answers",
        json={"text": "We bellen u.", "language": "nl"},
        headers=caseworker,
    )
    assert answered.status_code == 201
    assert "translation" not in answered.json()  # the field is not there, not null
    shown = await client.get(conversation(question_id), headers=caseworker)
    assert "translation" not in shown.json()["messages"][0]


async def test_records_management_points_the_municipality_at_its_server(
    client: AsyncTestClient, office: dict[str, Person], libretranslate: LibreTranslateServer
) -> None:
    records = office["records"]
    body = await point_at(client, records, libretranslate.url + "/")
    assert body["configured"] is True
    assert body["url"] == libretranslate.url
    assert body["engine"] == "libretranslate"
    assert body["reachable"] is True
    assert {"code": "ar", "targets": ["en", "fa", "fr", "nl", "prs", "ru", "tr", "uk"]} in body[
        "languages"
    ]
    # The other municipality has none: settings are per municipality.
    theirs = await client.get(SERVER, headers=office["their_records"].headers)
    assert theirs.json()["configured"] is False
    assert theirs.json()["api_key_configured"] is False
    # Caseworkers see the languages, not the server.
    languages = await client.get(
        "/api/v1/admin/translation/languages", headers=office["caseworker"].headers
    )
    assert languages.status_code == 200
    assert languages.json()["engine"] == "libretranslate"
    assert "ti" not in {entry["code"] for entry in languages.json()["languages"]}
    # A server that does not answer is saved, and shown as unreachable.
    down = await point_at(client, records, closed_port_url())
    assert (down["reachable"], down["languages"]) == (False, [])
    # Switched off: absent again.
    off = await point_at(client, records, None)
    assert off["configured"] is False
    assert "reachable" not in off


@pytest.mark.parametrize(
    "url",
    [
        "translate.example.nl",
        "ftp://translate.example.nl",
        "https://user:secret@translate.example.nl",
        "https://translate.example.nl/?api_key=abc",
        "https://translate.example.nl/#x",
    ],
)
async def test_a_server_address_must_be_a_plain_http_url(
    client: AsyncTestClient, db: AsyncSession, office: dict[str, Person], url: str
) -> None:
    before = await row_counts(db)
    response = await client.put(SERVER, json={"url": url}, headers=office["records"].headers)
    assert response.status_code == 400, response.text
    assert [e["field"] for e in response.json()["errors"]] == ["url"]
    assert "secret" not in response.text
    assert await row_counts(db) == before


async def test_the_question_in_dutch_marked_machine_translation_and_audited(
    client: AsyncTestClient,
    db: AsyncSession,
    office: dict[str, Person],
    libretranslate: LibreTranslateServer,
) -> None:
    await point_at(client, office["records"], libretranslate.url)
    libretranslate.state.api_keys = {API_KEY}  # the key from WELKOM_TRANSLATION_API_KEYS
    question_id = await ask(client, office["resident"])
    response = await client.get(
        f"{conversation(question_id)}/translation", headers=office["caseworker"].headers
    )
    assert response.status_code == 200, response.text
    assert response.json() == {
        "question_id": question_id,
        "original": {"text": QUESTION, "language": "ar"},
        "translation": {"text": "Wanneer krijg ik een huis?", "language": "nl", **MACHINE},
    }
    sent = libretranslate.state.requests[-1]
    assert sent == (
        "POST",
        "/translate",
        {"q": QUESTION, "source": "ar", "target": "nl", "format": "text", "api_key": API_KEY},
    )
    purposes = (
        await db.execute(
            select(AuditEvent.purpose).where(
                AuditEvent.resident_id == office["resident"].resident_id
            )
        )
    ).scalars()
    assert "caseworker: question translation" in list(purposes)


async def test_a_draft_answer_in_the_residents_language_stores_nothing(
    client: AsyncTestClient,
    db: AsyncSession,
    office: dict[str, Person],
    libretranslate: LibreTranslateServer,
) -> None:
    await point_at(client, office["records"], libretranslate.url)
    question_id = await ask(client, office["resident"])
    response = await client.post(
        f"{conversation(question_id)}/answer-translation",
        json={"text": "We bellen u volgende week."},
        headers=office["caseworker"].headers,
    )
    assert response.status_code == 200, response.text
    assert response.json() == {
        "original": {"text": "We bellen u volgende week.", "language": "nl"},
        "translation": {"text": "سنتصل بك الأسبوع المقبل.", "language": "ar", **MACHINE},
    }
    assert (await db.execute(select(ConversationMessage))).first() is None
    other_target = await client.post(
        f"{conversation(question_id)}/answer-translation",
        json={"text": "Hello", "language": "en", "target": "uk"},
        headers=office["caseworker"].headers,
    )
    assert other_target.json()["translation"]["text"] == "[uk] Hello"


async def test_an_answer_sent_with_its_translation_keeps_the_original(
    client: AsyncTestClient,
    db: AsyncSession,
    office: dict[str, Person],
    libretranslate: LibreTranslateServer,
    worker: OutboxWorker,
) -> None:
    await point_at(client, office["records"], libretranslate.url)
    question_id = await ask(client, office["resident"])
    headers = {**office["caseworker"].headers, "Idempotency-Key": "answer-translated-1"}
    body = {"text": "We bellen u volgende week.", "language": "nl", "send_translation": True}
    answered = await client.post(f"{conversation(question_id)}/answers", json=body, headers=headers)
    assert answered.status_code == 201, answered.text
    answer = answered.json()
    assert (answer["text"], answer["language"]) == ("We bellen u volgende week.", "nl")
    assert answer["translation"] == {
        "text": "سنتصل بك الأسبوع المقبل.",
        "language": "ar",
        **MACHINE,
    }
    # A replay answers the same without asking the server again.
    asked = len(libretranslate.state.requests)
    replay = await client.post(f"{conversation(question_id)}/answers", json=body, headers=headers)
    assert replay.json() == answer
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert len(libretranslate.state.requests) == asked

    stored = (await db.execute(select(ConversationMessage))).scalar_one()
    assert (stored.text, stored.language) == ("We bellen u volgende week.", "nl")
    assert (stored.translation_language, stored.translation_state) == ("ar", "machine")
    mine = await client.get(
        f"/api/v1/me/questions/{question_id}/answers", headers=office["resident"].headers
    )
    assert mine.json()[0]["text"] == "We bellen u volgende week."
    assert mine.json()[0]["translation"] == answer["translation"]
    # The case system gets the original, as written.
    assert await worker.drain() == 2
    documents = (await db.execute(select(LocalDocument.inhoud))).scalars().all()
    assert b"We bellen u volgende week." in documents


async def test_already_in_the_residents_language(
    client: AsyncTestClient, office: dict[str, Person], libretranslate: LibreTranslateServer
) -> None:
    await point_at(client, office["records"], libretranslate.url)
    question_id = await ask(client, office["resident"])
    response = await client.post(
        f"{conversation(question_id)}/answers",
        json={"text": "مرحبا", "send_translation": True},
        headers=office["caseworker"].headers,
    )
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["send_translation"]


@pytest.mark.parametrize("outage", ["down", "slow", "busy", "failing", "wrong key"])
async def test_a_server_that_cannot_serve_is_a_503_and_changes_nothing(
    client: AsyncTestClient,
    db: AsyncSession,
    office: dict[str, Person],
    libretranslate: LibreTranslateServer,
    outage: str,
) -> None:
    await point_at(
        client, office["records"], closed_port_url() if outage == "down" else libretranslate.url
    )
    state = libretranslate.state
    if outage == "slow":
        state.latency = SLOW_SECONDS
    elif outage == "busy":
        state.requests_left = 0
    elif outage == "failing":
        state.failing = True
    elif outage == "wrong key":
        state.api_keys = {"another-key-5e8d"}
    question_id = await ask(client, office["resident"])
    caseworker = office["caseworker"].headers
    before = await row_counts(db)
    for response in [
        await client.get(f"{conversation(question_id)}/translation", headers=caseworker),
        await client.post(
            f"{conversation(question_id)}/answer-translation",
            json={"text": "We bellen u."},
            headers=caseworker,
        ),
        await client.post(
            f"{conversation(question_id)}/answers",
            json={"text": "We bellen u.", "language": "nl", "send_translation": True},
            headers={**caseworker, "Idempotency-Key": f"answer-{outage.replace(' ', '-')}"},
        ),
    ]:
        assert response.status_code == 503, response.text
        assert response.json()["type"].endswith(":translation-unavailable")
        assert response.headers["Retry-After"].isdigit()
        assert QUESTION not in response.text
    assert await row_counts(db) == before
    # Back up: the same key now sends the answer.
    state.latency, state.requests_left, state.failing, state.api_keys = 0.0, None, False, None
    await point_at(client, office["records"], libretranslate.url)
    answered = await client.post(
        f"{conversation(question_id)}/answers",
        json={"text": "We bellen u.", "language": "nl", "send_translation": True},
        headers={**caseworker, "Idempotency-Key": f"answer-{outage.replace(' ', '-')}"},
    )
    assert answered.status_code == 201, answered.text


async def test_no_model_for_the_residents_language(
    client: AsyncTestClient,
    db: AsyncSession,
    office: dict[str, Person],
    libretranslate: LibreTranslateServer,
) -> None:
    await point_at(client, office["records"], libretranslate.url)
    question_id = await ask(client, office["tigrinya"])
    caseworker = office["caseworker"].headers
    before = await row_counts(db)
    for response in [
        await client.post(
            f"{conversation(question_id)}/answer-translation",
            json={"text": "We bellen u."},
            headers=caseworker,
        ),
        await client.post(
            f"{conversation(question_id)}/answers",
            json={"text": "We bellen u.", "language": "nl", "send_translation": True},
            headers=caseworker,
        ),
    ]:
        assert response.status_code == 422, response.text
        problem = response.json()
        assert problem["type"].endswith(":translation-language-not-available")
        assert "ti" in problem["detail"]
    assert await row_counts(db) == before
    assert all(path == "/languages" for _, path, _ in libretranslate.state.requests)


async def test_text_over_the_servers_limit(
    client: AsyncTestClient, office: dict[str, Person], libretranslate: LibreTranslateServer
) -> None:
    await point_at(client, office["records"], libretranslate.url)
    libretranslate.state.char_limit = 20
    question_id = await ask(client, office["resident"])
    response = await client.post(
        f"{conversation(question_id)}/answer-translation",
        json={"text": "Een antwoord dat langer is dan wat de server aanneemt."},
        headers=office["caseworker"].headers,
    )
    assert response.status_code == 422
    assert response.json()["type"].endswith(":translation-refused")


async def test_another_municipalitys_question_is_not_found(
    client: AsyncTestClient, office: dict[str, Person], libretranslate: LibreTranslateServer
) -> None:
    await point_at(client, office["records"], libretranslate.url)
    question_id = await ask(client, office["their_resident"])
    libretranslate.state.requests.clear()
    for response in [
        await client.get(
            f"{conversation(question_id)}/translation", headers=office["caseworker"].headers
        ),
        await client.post(
            f"{conversation(question_id)}/answer-translation",
            json={"text": "Hallo"},
            headers=office["caseworker"].headers,
        ),
    ]:
        assert response.status_code == 404
        assert response.json()["type"].endswith(":not-found")
    assert libretranslate.state.requests == []


async def test_export_and_erasure_include_the_translation(
    client: AsyncTestClient,
    db: AsyncSession,
    settings: Settings,
    office: dict[str, Person],
    libretranslate: LibreTranslateServer,
    worker: OutboxWorker,
) -> None:
    await point_at(client, office["records"], libretranslate.url)
    question_id = await ask(client, office["resident"])
    answered = await client.post(
        f"{conversation(question_id)}/answers",
        json={"text": "We bellen u volgende week.", "language": "nl", "send_translation": True},
        headers=office["caseworker"].headers,
    )
    assert answered.status_code == 201
    assert await worker.drain() == 2  # question and answer in the zaak: erasure may proceed
    resident = office["resident"].headers
    exported = await client.get("/api/v1/me/export", headers=resident)
    assert exported.status_code == 200, exported.text
    assert "سنتصل بك الأسبوع المقبل." in exported.text

    requested = await client.post("/api/v1/me/erasure-request", json={}, headers=resident)
    assert requested.status_code == 201, requested.text
    records = await principal_for(client, db, settings, office["records"].login)
    done = await gdpr.complete_erasure(db, records, uuid.UUID(requested.json()["id"]))
    assert done.state == "completed"
    db.expire_all()
    answer = (await db.execute(select(ConversationMessage))).scalar_one()
    assert (answer.text, answer.translation_text, answer.translation_language) == ("", None, None)
