# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Audit: every staff read or change of a resident's data leaves exactly one row; the resident
sees who looked; records managers query it; nobody can change or remove it."""

from __future__ import annotations

import uuid

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from tests.auth_fixtures import World, bearer, build_world
from tests.conftest import login
from welkom.audit import service as audit
from welkom.audit.models import AuditEvent
from welkom.core.identity import Principal


@pytest.fixture
async def world(db: AsyncSession, seeded: None) -> World:
    return await build_world(db)


def codes_path(resident_id: uuid.UUID) -> str:
    return f"/api/v1/admin/residents/{resident_id}/activation-codes"


async def events(db: AsyncSession) -> list[AuditEvent]:
    return list((await db.execute(select(AuditEvent))).scalars().all())


async def test_a_staff_read_leaves_one_row_the_resident_sees(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    caseworker = await bearer(client, "caseworker")
    response = await client.get(codes_path(world.own_resident_id), headers=caseworker)
    assert response.status_code == 200

    rows = await events(db)
    assert len(rows) == 1
    row = rows[0]
    assert row.resident_id == world.own_resident_id
    assert row.municipality_id == world.municipality_id
    assert (row.actor_role, row.actor_display_name) == ("caseworker", "Sanne de Vries")
    assert (row.action, row.resource, row.fields) == (
        "read",
        "resident.activation_code",
        ["activation_code"],
    )
    assert row.purpose
    assert row.request_id == response.headers["x-request-id"]

    resident = await login(client, "demo-resident")
    log = await client.get("/api/v1/me/access-log", headers=resident)
    assert log.status_code == 200
    (entry,) = log.json()["items"]
    assert entry["actor_name"] == "Sanne de Vries"
    assert entry["actor_role"] == "caseworker"
    assert entry["action"] == "read"
    assert entry["resource"] == "resident.activation_code"
    assert entry["fields"] == ["activation_code"]
    assert entry["purpose"] == row.purpose
    assert "request_id" not in entry
    assert "actor_account_id" not in entry


async def test_a_staff_change_is_audited_with_the_change(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    caseworker = await bearer(client, "caseworker")
    issued = await client.post(codes_path(world.own_resident_id), headers=caseworker)
    assert issued.status_code == 201
    (row,) = await events(db)
    assert (row.action, row.resource) == ("create", "resident.activation_code")
    assert issued.json()["code"] not in repr(row.__dict__)  # what, never the value


async def test_refused_requests_leave_no_audit_row(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    caseworker = await bearer(client, "caseworker")
    await client.get(codes_path(world.other_municipality_resident_id), headers=caseworker)
    await client.get(codes_path(uuid.uuid4()), headers=caseworker)
    await client.get(codes_path(world.own_resident_id), headers=await bearer(client, "editor"))
    assert await events(db) == []


async def test_residents_own_use_is_not_audited_and_logs_are_private(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    resident = await login(client, "demo-resident")
    await client.get("/api/v1/me", headers=resident)
    await client.patch("/api/v1/me", json={"preferred_name": "Amal A."}, headers=resident)
    assert await events(db) == []

    caseworker = await bearer(client, "caseworker")
    await client.get(codes_path(world.same_municipality_resident_id), headers=caseworker)
    # Another resident's access is not in this resident's log.
    log = await client.get("/api/v1/me/access-log", headers=resident)
    assert log.json() == {"items": [], "next_cursor": None}


async def test_access_log_pages_newest_first(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    caseworker = await bearer(client, "caseworker")
    for _ in range(3):
        await client.get(codes_path(world.own_resident_id), headers=caseworker)
    await client.post(codes_path(world.own_resident_id), headers=caseworker)
    resident = await login(client, "demo-resident")
    seen, cursor = [], None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = (await client.get("/api/v1/me/access-log", params=params, headers=resident)).json()
        seen += [item["action"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ["create", "read", "read", "read"]


async def test_records_managers_query_their_own_municipality(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    caseworker = await bearer(client, "caseworker")
    await client.get(codes_path(world.own_resident_id), headers=caseworker)
    await client.get(codes_path(world.same_municipality_resident_id), headers=caseworker)
    await client.get(
        codes_path(world.other_municipality_resident_id),
        headers=await login(client, "other-caseworker"),
    )
    records = await bearer(client, "records_manager")
    everything = await client.get("/api/v1/admin/audit-events", headers=records)
    assert everything.status_code == 200
    residents = {item["resident_id"] for item in everything.json()["items"]}
    assert residents == {str(world.own_resident_id), str(world.same_municipality_resident_id)}

    one = await client.get(
        "/api/v1/admin/audit-events",
        params={"resident_id": str(world.own_resident_id)},
        headers=records,
    )
    # Newest first: the records manager's own look-up of this resident's trail, then the read.
    review, read = one.json()["items"]
    assert (review["actor_role"], review["resource"]) == ("records_manager", "resident.access_log")
    assert review["request_id"] == one.headers["x-request-id"]
    assert read["actor_name"] == "Sanne de Vries"
    assert read["request_id"]

    elsewhere = await client.get(
        "/api/v1/admin/audit-events",
        params={"resident_id": str(world.other_municipality_resident_id)},
        headers=records,
    )
    assert elsewhere.json()["items"] == []
    # Nothing about the other municipality's resident was written by that look-up.
    foreign = [e for e in await events(db) if e.resident_id == world.other_municipality_resident_id]
    assert [e.actor_role for e in foreign] == ["caseworker"]
    assert (await client.get("/api/v1/admin/audit-events", headers=caseworker)).status_code == 403

    # Whom the log can be filtered on: the municipality's staff, not another's, not residents.
    colleagues = await client.get("/api/v1/admin/colleagues", headers=records)
    assert colleagues.status_code == 200
    sanne = next(c for c in colleagues.json() if c["name"] == "Sanne de Vries")
    assert "caseworker" in sanne["roles"]
    assert all("resident" not in c["roles"] for c in colleagues.json())
    assert "Elders caseworker" not in colleagues.text  # the other municipality's
    by_sanne = await client.get(
        "/api/v1/admin/audit-events",
        params={"actor_account_id": sanne["account_id"]},
        headers=records,
    )
    assert {e["actor_name"] for e in by_sanne.json()["items"]} == {"Sanne de Vries"}
    assert (await client.get("/api/v1/admin/colleagues", headers=caseworker)).status_code == 403


async def test_audit_rows_cannot_be_changed_or_removed(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    await client.get(codes_path(world.own_resident_id), headers=await bearer(client, "caseworker"))
    with pytest.raises(DBAPIError, match="append-only"):
        await db.execute(update(AuditEvent).values(purpose="nothing to see"))
    await db.rollback()
    with pytest.raises(DBAPIError, match="append-only"):
        await db.execute(delete(AuditEvent))
    await db.rollback()
    (row,) = await events(db)
    assert row.purpose != "nothing to see"


async def test_record_refuses_values_instead_of_names(db: AsyncSession, seeded: None) -> None:
    principal = Principal(
        account_id=uuid.uuid4(),
        municipality_id=uuid.uuid4(),
        roles=frozenset({"caseworker"}),
        session_id=uuid.uuid4(),
        display_name="x",
    )
    ok = {"resident_id": uuid.uuid4(), "resource": "resident.profile", "purpose": "Intake"}
    with pytest.raises(ValueError, match="action"):
        await audit.record(db, principal, fields=("contact",), action="peek", **ok)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="fields"):
        await audit.record(db, principal, fields=("+31 6 1234",), action="read", **ok)
    with pytest.raises(ValueError, match="purpose"):
        await audit.record(db, principal, fields=(), action="read", **{**ok, "purpose": ""})


async def test_audit_query_filters_by_time_and_needs_time_zones(
    client: AsyncTestClient, world: World
) -> None:
    await client.get(codes_path(world.own_resident_id), headers=await bearer(client, "caseworker"))
    records = await bearer(client, "records_manager")
    url = "/api/v1/admin/audit-events"
    future = await client.get(url, params={"since": "2999-01-01T00:00:00Z"}, headers=records)
    assert future.json()["items"] == []
    past = await client.get(url, params={"since": "2000-01-01T00:00:00+01:00"}, headers=records)
    assert len(past.json()["items"]) == 1
    naive = await client.get(url, params={"until": "2000-01-01T00:00:00"}, headers=records)
    assert naive.status_code == 400
    assert naive.json()["errors"][0]["field"] == "until"
