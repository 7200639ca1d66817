# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The short case reference (issue 19): random, readable out loud, unique per municipality,
on every case the resident sees, on the zaak, and found again however it is typed."""

from __future__ import annotations

import re
import uuid

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import login, row_counts
from tests.documents import pdf
from tests.residents_support import add_resident
from tests.support_admin import other_municipality, person
from welkom.audit.models import AuditEvent
from welkom.cases.models import LocalZaak
from welkom.core.database import migrate
from welkom.interactions import reference
from welkom.interactions.models import Interaction
from welkom.outbox.worker import OutboxWorker

SHOWN = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")


def test_references_are_crockford_base32_in_two_groups() -> None:
    drawn = {reference.new() for _ in range(2000)}
    assert len(drawn) == 2000  # 40 random bits: no repeats in a small sample
    for stored in drawn:
        assert len(stored) == 8
        assert set(stored) <= set(reference.ALPHABET)
        assert SHOWN.fullmatch(reference.display(stored))
    assert not set("ILOU") & set(reference.ALPHABET)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("K7Q2-9MXA", "K7Q29MXA"),
        ("k7q2 9mxa", "K7Q29MXA"),
        ("  K7Q2‐9MXA ", "K7Q29MXA"),  # a typographic hyphen from a phone keyboard
        ("1O0I-L1o0", "10011100"),  # O → 0, I and L → 1, whatever the case
        ("K7Q29MXA", "K7Q29MXA"),
    ],
)
def test_typed_references_are_forgiven(typed: str, stored: str) -> None:
    assert reference.normalize(typed) == stored


@pytest.mark.parametrize(
    "typed", ["", "K7Q2-9MX", "K7Q2-9MXAA", "K7Q2-9MXU", "K7Q2/9MXA", "ÅÅÅÅÅÅÅÅ"]
)
def test_what_cannot_be_a_reference_is_refused(typed: str) -> None:
    assert reference.normalize(typed) is None


async def test_every_case_shows_its_reference_and_is_found_by_it(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker, db: AsyncSession
) -> None:
    asked = await client.post(
        "/api/v1/me/questions", json={"text": "Waar is het gemeentehuis?", "language": "nl"},
        headers=resident,
    )  # fmt: skip
    sent = await client.post(
        "/api/v1/me/documents",
        files={"file": ("brief.pdf", pdf(), "application/pdf")},
        data={"language": "nl"},
        headers=resident,
    )
    assert asked.status_code == sent.status_code == 201, (asked.text, sent.text)
    question, document = asked.json(), sent.json()
    assert SHOWN.fullmatch(question["reference"])
    assert SHOWN.fullmatch(document["reference"])
    assert question["reference"] != document["reference"]
    assert question["registration"]["zaak_identificatie"] is None  # not registered yet

    await worker.drain()
    listed = (await client.get("/api/v1/me/questions", headers=resident)).json()["items"]
    assert listed[0]["reference"] == question["reference"]
    # The long identificatie stays in the API, for systems.
    assert listed[0]["registration"]["zaak_identificatie"].startswith("WLK-")
    cases = (await client.get("/api/v1/me/cases", headers=resident)).json()["items"]
    assert {c["interaction_id"]: c["reference"] for c in cases} == {
        question["id"]: question["reference"],
        document["id"]: document["reference"],
    }
    # The embedded register's zaak names it too.
    zaken = {
        z.identificatie: z.toelichting for z in (await db.execute(select(LocalZaak))).scalars()
    }
    assert zaken[listed[0]["registration"]["zaak_identificatie"]] == (
        f"Welkom-referentie {question['reference']}"
    )

    # Read out on the phone and typed as heard: lower case, a space, O for 0 and L for 1.
    typed = question["reference"].lower().replace("-", " ").replace("0", "o").replace("1", "l")
    found = await client.get(f"/api/v1/me/cases/by-reference/{typed}", headers=resident)
    assert found.status_code == 200, found.text
    assert found.json()["interaction_id"] == question["id"]
    assert found.json()["reference"] == question["reference"]
    assert found.json()["status"]


async def test_caseworkers_find_a_case_by_reference_within_their_municipality(
    client: AsyncTestClient, resident: dict, caseworker: dict, db: AsyncSession
) -> None:
    asked = await client.post(
        "/api/v1/me/questions", json={"text": "Vraag", "language": "nl"}, headers=resident
    )
    shown = asked.json()["reference"]
    found = await client.get(
        f"/api/v1/admin/cases/by-reference/{shown.lower()}", headers=caseworker
    )
    assert found.status_code == 200, found.text
    assert found.json()["interaction_id"] == asked.json()["id"]
    assert found.json()["kind"] == "question"
    audited = (
        (await db.execute(select(AuditEvent).where(AuditEvent.resource == "admin.case")))
        .scalars()
        .all()
    )
    assert len(audited) == 1
    conversation = await client.get(
        f"/api/v1/admin/conversations/{asked.json()['id']}", headers=caseworker
    )
    assert conversation.json()["question"]["reference"] == shown

    elsewhere = await other_municipality(db)
    stranger = await person(client, db, elsewhere, "caseworker")
    other = await client.get(f"/api/v1/admin/cases/by-reference/{shown}", headers=stranger.headers)
    assert other.status_code == 404


async def test_another_residents_reference_and_bad_input(
    client: AsyncTestClient, resident: dict, db: AsyncSession
) -> None:
    await add_resident(db, login_name="t-neighbour", name="Buur", language="ti")
    neighbour = await login(client, "t-neighbour")
    theirs = await client.post(
        "/api/v1/me/questions", json={"text": "Vraag", "language": "ti"}, headers=neighbour
    )
    before = await row_counts(db)
    response = await client.get(
        f"/api/v1/me/cases/by-reference/{theirs.json()['reference']}", headers=resident
    )
    assert response.status_code == 404
    for bad in ("K7Q2-9MXU", "123", "K7Q2%2F9MXA", "x" * 41):
        refused = await client.get(
            f"/api/v1/me/cases/by-reference/{bad}", headers=neighbour | {"Accept-Language": "ti"}
        )
        assert refused.status_code in (400, 404, 422), (bad, refused.text)
        assert refused.headers["content-type"].startswith("application/problem+json")
    malformed = await client.get("/api/v1/me/cases/by-reference/K7Q2-9MXU", headers=neighbour)
    assert malformed.status_code == 400
    [error] = malformed.json()["errors"]
    assert error["field"] == "reference"
    assert error["message"] != "A case reference has 8 letters and digits, like K7Q2-9MXA."
    assert await row_counts(db) == before


@pytest.fixture
def colliding(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The next references drawn, in order (then random again)."""
    queue: list[str] = []
    draw = reference.new
    monkeypatch.setattr(reference, "new", lambda: queue.pop(0) if queue else draw())
    return queue


async def test_a_colliding_reference_is_drawn_again(
    client: AsyncTestClient, resident: dict, db: AsyncSession, colliding: list[str]
) -> None:
    colliding += ["K7Q29MXA"]
    first = await client.post(
        "/api/v1/me/questions", json={"text": "Een", "language": "nl"}, headers=resident
    )
    assert first.json()["reference"] == "K7Q2-9MXA"
    colliding += ["K7Q29MXA", "K7Q29MXA", "AB12CD34"]  # the database refuses twice
    second = await client.post(
        "/api/v1/me/questions", json={"text": "Twee", "language": "nl"}, headers=resident
    )
    assert second.status_code == 201, second.text
    assert second.json()["reference"] == "AB12-CD34"
    rows = (await db.execute(select(Interaction.reference))).scalars().all()
    assert sorted(rows) == ["AB12CD34", "K7Q29MXA"]

    # Another municipality may hold the same reference: unique per municipality.
    elsewhere = await other_municipality(db)
    stranger = await person(client, db, elsewhere, "resident")
    colliding += ["K7Q29MXA"]
    third = await client.post(
        "/api/v1/me/questions", json={"text": "Drie", "language": "nl"}, headers=stranger.headers
    )
    assert third.json()["reference"] == "K7Q2-9MXA"


async def test_the_migration_gives_existing_cases_a_reference(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker, engine: AsyncEngine
) -> None:
    for n in range(3):
        await client.post(
            "/api/v1/me/questions", json={"text": f"Vraag {n}", "language": "nl"}, headers=resident
        )
    await worker.drain()
    await migrate(engine, "ci_passkeys", downgrade=True)
    await migrate(engine)
    async with engine.connect() as conn:
        rows = (await conn.execute(text("SELECT id, reference FROM interaction"))).all()
        zaken = dict(
            (await conn.execute(text("SELECT identificatie, toelichting FROM local_zaak"))).all()
        )
    references = [row.reference for row in rows]
    assert len(references) == len(set(references)) == 3
    for row in rows:
        assert reference.normalize(row.reference) == row.reference
        identificatie = f"WLK-{uuid.UUID(str(row.id)).hex}"
        assert zaken[identificatie] == f"Welkom-referentie {reference.display(row.reference)}"
