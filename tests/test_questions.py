# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""A resident's question becomes a confidential zaak, exactly once."""

from __future__ import annotations

from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import login, row_counts
from welkom.cases.models import LocalDocument, LocalZaak
from welkom.interactions.models import Interaction
from welkom.outbox.worker import OutboxWorker


async def test_question_becomes_confidential_zaak(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker, db: AsyncSession
) -> None:
    asked = await client.post(
        "/api/v1/me/questions",
        json={"text": "Wanneer krijg ik een huis?", "language": "nl"},
        headers=resident,
    )
    assert asked.status_code == 201, asked.text
    question = asked.json()
    assert question["registration"] == {
        "state": "pending",
        "zaak_identificatie": None,
        "registered_at": None,
    }

    assert await worker.drain() == 1

    listed = (await client.get("/api/v1/me/questions", headers=resident)).json()
    registration = listed["items"][0]["registration"]
    assert registration["state"] == "registered"
    assert registration["zaak_identificatie"] == "WLK-" + question["id"].replace("-", "")

    zaak = (await db.execute(select(LocalZaak))).scalar_one()
    assert zaak.identificatie == registration["zaak_identificatie"]
    assert zaak.vertrouwelijkheidaanduiding == "vertrouwelijk"
    assert zaak.bronorganisatie == "111222333"
    assert "huis" not in zaak.omschrijving  # no personal content in the description
    document = (await db.execute(select(LocalDocument))).scalar_one()
    assert document.zaak_id == zaak.id
    assert document.taal == "dut"
    assert document.vertrouwelijkheidaanduiding == "vertrouwelijk"
    assert document.inhoud.decode() == "Wanneer krijg ik een huis?"
    assert document.bestandsomvang == len(document.inhoud)


async def test_same_idempotency_key_returns_first_question(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    headers = {**resident, "Idempotency-Key": "q-7f3a9c"}
    body = {"text": "Waar vind ik een huisarts?", "language": "nl"}
    first = await client.post("/api/v1/me/questions", json=body, headers=headers)
    again = await client.post("/api/v1/me/questions", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert len((await db.execute(select(Interaction))).scalars().all()) == 1

    before = await row_counts(db)
    other = await client.post(
        "/api/v1/me/questions", json={**body, "text": "Iets anders"}, headers=headers
    )
    assert other.status_code == 422
    assert other.json()["type"] == "urn:welkom:problem:idempotency-key-reused"
    assert await row_counts(db) == before


async def test_idempotency_keys_are_per_account(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    other_session = await login(client, "demo-resident")
    body = {"text": "Vraag", "language": "nl"}
    await client.post(
        "/api/v1/me/questions", json=body, headers={**resident, "Idempotency-Key": "k-12345678"}
    )
    # The same person on another device with the same key: still the first question.
    again = await client.post(
        "/api/v1/me/questions",
        json=body,
        headers={**other_session, "Idempotency-Key": "k-12345678"},
    )
    assert again.status_code == 201
    assert len((await db.execute(select(Interaction))).scalars().all()) == 1


async def test_questions_are_paginated_newest_first(
    client: AsyncTestClient, resident: dict
) -> None:
    for n in range(5):
        response = await client.post(
            "/api/v1/me/questions", json={"text": f"Vraag {n}", "language": "nl"}, headers=resident
        )
        assert response.status_code == 201
    seen, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = (await client.get("/api/v1/me/questions", params=params, headers=resident)).json()
        seen += [item["text"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"Vraag {n}" for n in reversed(range(5))]

    bad = await client.get(
        "/api/v1/me/questions", params={"cursor": "not-a-cursor"}, headers=resident
    )
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "cursor"


async def test_only_residents_ask_and_only_their_own_questions_show(
    client: AsyncTestClient, resident: dict, caseworker: dict
) -> None:
    await client.post(
        "/api/v1/me/questions", json={"text": "Mijn vraag", "language": "nl"}, headers=resident
    )
    client.cookies.clear()
    anonymous = await client.get("/api/v1/me/questions")
    assert anonymous.status_code == 401
    assert anonymous.json()["type"] == "urn:welkom:problem:unauthenticated"
    forbidden = await client.post(
        "/api/v1/me/questions", json={"text": "x", "language": "nl"}, headers=caseworker
    )
    assert forbidden.status_code == 403
    assert forbidden.headers["content-type"].startswith("application/problem+json")
