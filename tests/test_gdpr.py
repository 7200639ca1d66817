# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""GDPR rights: the export holds every table that references the resident (found from the
metadata), and erasure leaves nothing personal except what docs/residents.md says is retained."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import timedelta
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import Column, ForeignKey, MetaData, Table, Uuid, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import login, row_counts
from tests.residents_support import add_caseworker, add_resident, demo_resident, principal_for
from welkom.consent import service as consent
from welkom.consent.purposes import Purpose, Recipient
from welkom.core.database import session_factory
from welkom.core.gdpr import REGISTRY, GdprRegistry, TableHandler, missing, resident_tables
from welkom.core.models import utcnow
from welkom.core.problems import Problem
from welkom.core.settings import Settings
from welkom.core.unit_of_work import unit_of_work
from welkom.gdpr import service as gdpr
from welkom.gdpr.schemas import ErasureRequestIn
from welkom.outbox.worker import OutboxWorker
from welkom.tables import metadata

QUESTION = "Waar kan ik Nederlands leren? Mijn buurvrouw Marwa zegt in de bibliotheek."
#: The case system (simulated here by the local register) keeps its zaken: Welkom never erases them.
CASE_SYSTEM_TABLES = {"local_zaak", "local_document"}
#: Columns that only identify rows and their tenant; never personal data on their own.
KEY_COLUMNS = {"id", "municipality_id"}


async def give_amal_data_everywhere(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker
) -> None:
    """One row in every table that can hold something about Amal, made as she would."""
    asked = await client.post(
        "/api/v1/me/questions",
        json={"text": QUESTION, "language": "nl"},
        headers={**resident, "Idempotency-Key": "q-1"},
    )
    assert asked.status_code == 201
    assert await worker.drain() == 1  # the question is now a zaak
    granted = await client.post(
        "/api/v1/me/consents",
        json={
            "purpose": "share_contact_with_volunteer",
            "action": "grant",
            "text_version": 1,
            "language": "nl",
        },
        headers=resident,
    )
    assert granted.status_code == 201
    patched = await client.patch(
        "/api/v1/me",
        json={
            "email": "amal.haddad@example.org",
            "address": {
                "street": "Zonnebloemhof",
                "house_number": "12",
                "postcode": "1234 AB",
                "city": "Welkom",
            },
        },
        headers=resident,
    )
    assert patched.status_code == 200
    member = await client.post(
        "/api/v1/me/household",
        json={"relation": "child", "name": "Omar", "birth_year": 2021},
        headers={**resident, "Idempotency-Key": "m-1"},
    )
    assert member.status_code == 201
    # Volunteer help, a caseworker's answer and note, an activation code, audited reads
    # (tables of issues 4 and 8, added when merging them on branch issue8).
    helped = await client.post(
        "/api/v1/me/help-requests",
        json={
            "category": "paperwork",
            "description": "Hulp met de brief van Fatima",
            "wanted_from": (utcnow() + timedelta(days=2)).isoformat(),
            "wanted_until": (utcnow() + timedelta(days=2, hours=2)).isoformat(),
            "neighbourhood": "Centrum",
            "language": "nl",
        },
        headers=resident,
    )
    assert helped.status_code == 201, helped.text
    reported = await client.post(
        f"/api/v1/me/help-requests/{helped.json()['id']}/reports",
        json={"text": "Amal meldt: niemand kwam"},
        headers=resident,
    )
    assert reported.status_code == 201
    staff = await login(client, "demo-caseworker")
    question = f"/api/v1/admin/conversations/{asked.json()['id']}"
    answered = await client.post(
        f"{question}/answers", json={"text": "Beste Amal, ..."}, headers=staff
    )
    assert answered.status_code == 201, answered.text
    noted = await client.post(f"{question}/notes", json={"text": "Amal belt terug"}, headers=staff)
    assert noted.status_code == 201
    assert await worker.drain() == 1  # the answer joins the zaak
    me = (await client.get("/api/v1/me", headers=resident)).json()
    # An activation code: an activation_code row, and an audit_event row for the staff action.
    code = await client.post(f"/api/v1/admin/residents/{me['id']}/activation-codes", headers=staff)
    assert code.status_code == 201
    request = await client.post(
        "/api/v1/me/erasure-request",
        json={"reason": "Ik verhuis naar Duitsland."},
        headers=resident,
    )
    assert request.status_code == 201, request.text


async def rows_about(
    db: AsyncSession, table_name: str, column: str, resident_id: uuid.UUID
) -> list[dict[str, Any]]:
    table = metadata.tables[table_name]
    result = await db.execute(select(table).where(table.c[column] == resident_id))
    return [dict(row._mapping) for row in result]


def test_every_table_that_references_a_resident_has_an_exporter_and_an_eraser() -> None:
    found = resident_tables(metadata)
    assert {"resident", "account", "interaction", "consent_entry", "household_member",
            "resident_change", "journey_step", "erasure_request"} <= set(found)  # fmt: skip
    assert missing(metadata, REGISTRY.handlers) == set()
    assert all(handler.erase is not None for handler in REGISTRY.handlers)


def test_the_registry_refuses_a_second_handler_for_a_table_and_an_empty_walk() -> None:
    """Domains register their handlers at start: the same one again is harmless, a second one
    for the same table is refused, and an unfilled registry refuses to be walked (an export
    must never come out empty because nobody registered)."""
    registry = GdprRegistry()
    with pytest.raises(RuntimeError):
        registry.handlers  # noqa: B018
    first = REGISTRY.handlers[0]
    registry.register(first)
    registry.register(first)
    assert registry.handlers == (first,)
    with pytest.raises(ValueError, match=first.table):
        registry.register(TableHandler(first.table, first.export, first.erase))


def test_a_new_resident_table_without_handlers_is_caught() -> None:
    """The completeness check can fail: a table with a foreign key to resident.id, or with a
    ``resident_id`` column, and no handler is reported."""
    extended = MetaData()
    for table in metadata.sorted_tables:
        table.to_metadata(extended)
    Table(
        "pet",
        extended,
        Column("id", Uuid, primary_key=True),
        Column("owner", Uuid, ForeignKey("resident.id")),
    )
    Table("note", extended, Column("id", Uuid, primary_key=True), Column("resident_id", Uuid))
    assert missing(extended, REGISTRY.handlers) == {"pet", "note"}


async def test_the_export_contains_every_row_of_every_table_that_references_the_resident(
    client: AsyncTestClient, resident: dict, db: AsyncSession, worker: OutboxWorker
) -> None:
    await give_amal_data_everywhere(client, resident, worker)
    yonas = await add_resident(db, login_name="other-resident", name="Yonas")
    other = await login(client, "other-resident")
    await client.post(
        "/api/v1/me/household", json={"relation": "partner", "name": "Selam"}, headers=other
    )
    amal = await demo_resident(db)

    response = await client.get("/api/v1/me/export", headers=resident)
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    assert response.headers["cache-control"] == "no-store"
    export = response.json()
    assert export["resident_id"] == str(amal.id)
    assert export["controller"]["gemeentecode"] == "9999"

    for table_name, column in resident_tables(metadata).items():
        in_database = await rows_about(db, table_name, column, amal.id)
        assert in_database, f"the test must give Amal a row in {table_name}"
        exported = export["tables"].get(table_name)
        assert exported is not None, f"{table_name} is missing from the export"
        assert {str(row["id"]) for row in in_database} <= {row["id"] for row in exported}, (
            table_name
        )

    text = json.dumps(export, ensure_ascii=False)
    assert QUESTION in text
    assert "Zonnebloemhof" in text
    assert "Omar" in text
    assert "Selam" not in text
    assert str(yonas.id) not in text
    assert "token_hash" not in text  # session secrets stay out
    assert export["tables"]["account"][0]["sessions"]
    assert export["retained_after_erasure"]["consent_entry"]["columns"]


async def test_erasure_leaves_only_what_is_documented_as_retained(
    client: AsyncTestClient,
    resident: dict,
    db: AsyncSession,
    settings: Settings,
    worker: OutboxWorker,
) -> None:
    await give_amal_data_everywhere(client, resident, worker)
    await add_resident(db, login_name="other-resident", name="Yonas")
    other = await login(client, "other-resident")
    await client.post(
        "/api/v1/me/household", json={"relation": "partner", "name": "Selam"}, headers=other
    )
    amal = await demo_resident(db)
    sentinels = [
        "Amal", "Haddad", "12345678", "amal.haddad@example.org", "Zonnebloemhof", "1234 AB",
        "Karim", "Lina", "Omar", "Regenboog", "1234567890", QUESTION, "Marwa", "Duitsland",
    ]  # fmt: skip

    # Asking again while the first request is open answers with the same request.
    again = await client.post("/api/v1/me/erasure-request", json={}, headers=resident)
    assert again.status_code == 200
    request_id = uuid.UUID(again.json()["id"])
    assert again.json()["state"] == "requested"

    records = await principal_for(client, db, settings, "demo-records-manager")
    done = await gdpr.complete_erasure(db, records, request_id)
    await db.commit()  # the caller's unit of work commits (services never do)
    assert done.state == "completed"
    assert done.outcome["household_member"] == {"deleted": 3, "anonymised": 0, "retained": 0}
    assert done.outcome["interaction"]["retained"] == 1

    handlers = {h.table: h for h in REGISTRY.handlers}
    for table_name, column in resident_tables(metadata).items():
        allowed = KEY_COLUMNS | {column} | set(handlers[table_name].retained)
        for row in await rows_about(db, table_name, column, amal.id):
            leftovers = {
                name: value
                for name, value in row.items()
                if name not in allowed and value not in (None, "", [], {})
            }
            assert leftovers == {}, f"{table_name} keeps undocumented data: {sorted(leftovers)}"

    for table in metadata.sorted_tables:
        if table.name in CASE_SYSTEM_TABLES:
            continue
        for row in (await db.execute(select(table))).mappings():
            cells = json.dumps({k: str(v) for k, v in row.items()}, ensure_ascii=False)
            for sentinel in sentinels:
                assert sentinel not in cells, f"{sentinel!r} is still in {table.name}"

    # What the law makes the municipality keep is still there.
    zaken = (await db.execute(select(metadata.tables["local_zaak"]))).mappings().all()
    assert [z["initiator_reference"] for z in zaken] == [amal.id.hex]
    interaction = (await rows_about(db, "interaction", "resident_id", amal.id))[0]
    assert interaction["zaak_identificatie"] == zaken[0]["identificatie"]
    ledger = await rows_about(db, "consent_entry", "resident_id", amal.id)
    assert [(e["action"], e["channel"]) for e in sorted(ledger, key=lambda e: e["seq"])] == [
        ("granted", "app"),
        ("withdrawn", "erasure"),
    ]
    assert not await consent.allows(
        db, amal.id, Purpose.share_contact_with_volunteer, Recipient.volunteer
    )
    # Amal's sessions ended with her account; Yonas is untouched.
    assert (await client.get("/api/v1/me", headers=resident)).status_code == 401
    assert [
        m["name"] for m in (await client.get("/api/v1/me/household", headers=other)).json()
    ] == ["Selam"]

    before = await row_counts(db)
    with pytest.raises(Problem) as twice:
        await gdpr.complete_erasure(db, records, request_id)
    assert twice.value.status_code == 409
    assert await row_counts(db) == before


async def test_a_question_not_yet_in_the_case_system_holds_the_erasure_and_nothing_changes(
    client: AsyncTestClient, resident: dict, db: AsyncSession, settings: Settings
) -> None:
    await client.post(
        "/api/v1/me/questions", json={"text": QUESTION, "language": "nl"}, headers=resident
    )
    request = await client.post("/api/v1/me/erasure-request", json={}, headers=resident)
    records = await principal_for(client, db, settings, "demo-records-manager")
    # The export is itself a processing (one processing-log record): count after it.
    before_export = await client.get("/api/v1/me/export", headers=resident)
    before = await row_counts(db)
    with pytest.raises(Problem) as held:
        await gdpr.complete_erasure(db, records, uuid.UUID(request.json()["id"]))
    assert held.value.status_code == 409
    assert held.value.slug == "erasure-waits-for-registration"
    assert await row_counts(db) == before
    after_export = await client.get("/api/v1/me/export", headers=resident)
    assert after_export.json()["tables"] == before_export.json()["tables"]
    status = await client.get("/api/v1/me/erasure-request", headers=resident)
    assert status.json()["state"] == "requested"


async def test_only_records_management_of_the_residents_municipality_completes_an_erasure(
    client: AsyncTestClient, resident: dict, db: AsyncSession, settings: Settings
) -> None:
    request = await client.post("/api/v1/me/erasure-request", json={}, headers=resident)
    request_id = uuid.UUID(request.json()["id"])
    await add_caseworker(
        db, login_name="elsewhere-records", municipality_code="0363", role="records_manager"
    )
    before = await row_counts(db)
    for login_name in ("elsewhere-records", "demo-caseworker", "demo-volunteer"):
        principal = await principal_for(client, db, settings, login_name)
        with pytest.raises(Problem) as refused:
            await gdpr.complete_erasure(db, principal, request_id)
        assert refused.value.status_code == 404
    with pytest.raises(Problem) as unknown:
        await gdpr.complete_erasure(
            db, await principal_for(client, db, settings, "demo-records-manager"), uuid.uuid4()
        )
    assert unknown.value.status_code == 404
    after = await row_counts(db)
    assert after == {**before, "auth_session": after["auth_session"]}  # only sign-ins were added
    assert (await client.get("/api/v1/me", headers=resident)).status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"reason": "x" * 1001}, "reason"),
        ({"reason": "ok", "erase_bsn_only": True}, "erase_bsn_only"),
    ],
)
async def test_bad_erasure_requests_are_problems_and_change_nothing(
    client: AsyncTestClient, resident: dict, db: AsyncSession, body: dict, field: str
) -> None:
    before = await row_counts(db)
    response = await client.post(
        "/api/v1/me/erasure-request", json=body, headers={**resident, "Idempotency-Key": "bad-e"}
    )
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert await row_counts(db) == before
    assert (await client.get("/api/v1/me/erasure-request", headers=resident)).status_code == 404


async def test_staff_have_no_export_or_erasure_of_their_own(
    client: AsyncTestClient, caseworker: dict
) -> None:
    assert (await client.get("/api/v1/me/export", headers=caseworker)).status_code == 403
    assert (
        await client.post("/api/v1/me/erasure-request", json={}, headers=caseworker)
    ).status_code == 403


async def test_simultaneous_erasure_requests_make_one_open_request(
    client: AsyncTestClient, db: AsyncSession, engine: AsyncEngine, settings: Settings
) -> None:
    principal = await principal_for(client, db, settings, "demo-resident")
    sessions = session_factory(engine)

    async def ask() -> int | str:
        try:
            async with unit_of_work(sessions) as session:
                status, _, _ = await gdpr.request_erasure(
                    session, principal, ErasureRequestIn(), None, "nl"
                )
        except Problem as problem:
            return problem.slug
        return status

    outcomes = await asyncio.gather(*(ask() for _ in range(3)))
    assert outcomes.count(201) == 1
    assert set(outcomes) - {201} <= {200, "changed-concurrently"}
    amal = await demo_resident(db)
    assert len(await rows_about(db, "erasure_request", "resident_id", amal.id)) == 1
