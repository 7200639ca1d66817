# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Outages are waited out, refusals are parked for records management, nothing is dropped."""

from __future__ import annotations

import json

import httpx
import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import row_counts
from tests.zgw.fixtures import (  # noqa: F401 - fixtures
    SECRET,
    Clock,
    Unreachable,
    app,
    case_type_toml,
    client,
    clock,
    network,
    on_zgw,
    records_manager,
    routing,
    settings,
    worker,
    write_case_types,
    zgw,
)
from tests.zgw.server import ZGWServer
from welkom.core.settings import Settings
from welkom.interactions.models import Interaction
from welkom.outbox.models import OutboxEntry
from welkom.outbox.worker import OutboxWorker


async def ask(client: AsyncTestClient, resident: dict, n: int = 1) -> list[str]:
    ids = []
    for i in range(n):
        response = await client.post(
            "/api/v1/me/questions", json={"text": f"Vraag {i}", "language": "nl"}, headers=resident
        )
        assert response.status_code == 201
        ids.append(response.json()["id"])
    return ids


async def states(db: AsyncSession) -> list[tuple[str, str]]:
    db.expire_all()
    rows = await db.execute(select(OutboxEntry.state, Interaction.registration_state).join(
        Interaction, Interaction.id == OutboxEntry.reference))  # fmt: skip
    return sorted(rows.all())


@pytest.mark.parametrize("failure", ["503", "connect", "timeout"])
async def test_an_outage_of_minutes_loses_nothing_and_duplicates_nothing(
    failure: str,
    client: AsyncTestClient,
    resident: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    network: Unreachable,
    clock: Clock,
    db: AsyncSession,
) -> None:
    def down(on: bool) -> None:
        if failure == "503":
            zgw.outage = on
        else:
            network.failure = (
                (httpx.ConnectError if failure == "connect" else httpx.ReadTimeout) if on else None
            )

    down(True)
    await ask(client, resident, 3)
    for _ in range(10):  # ten minutes of outage, a worker pass every minute
        assert await worker.run_once() in (0, 3)
        clock.advance(60)
    assert await states(db) == [("pending", "pending")] * 3
    entries = (await db.execute(select(OutboxEntry))).scalars().all()
    assert all(e.attempts >= 5 for e in entries)
    assert all(e.last_error.startswith("CaseRegisterError") for e in entries)
    assert zgw.zaken == {}

    down(False)
    clock.advance(60)
    await worker.drain()
    assert await states(db) == [("delivered", "registered")] * 3
    assert len(zgw.zaken) == len(zgw.documenten) == len(zgw.zios) == 3


async def test_a_refusal_is_parked_listed_and_retried_after_the_fix(
    client: AsyncTestClient,
    resident: dict,
    records_manager: dict,
    caseworker: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    settings: Settings,
    db: AsyncSession,
) -> None:
    wrong = dict(zgw.types)
    wrong["question"] = dict(wrong["question"], zaaktype=zgw.url("catalogi", "/zaaktypen/gone"))
    write_case_types(settings, case_type_toml(wrong))
    [question_id] = await ask(client, resident)
    await worker.drain()
    assert await states(db) == [("parked", "parked")]  # a 400 is not retried blindly
    assert zgw.zaken == {}
    assert [c for c in zgw.log if c[0] == "POST"] == [("POST", "/zaken/api/v1/zaken", 400)]

    listed = await client.get("/api/v1/admin/registrations?state=parked", headers=records_manager)
    assert listed.status_code == 200
    [entry] = listed.json()["items"]
    assert entry["interaction_id"] == question_id
    assert entry["problem"]["status"] == 400
    assert entry["problem"]["invalidParams"][0]["name"] == "zaaktype"
    assert "Vraag 0" not in json.dumps(entry)  # no content of the question in the admin view
    pending = await client.get("/api/v1/admin/registrations?state=pending", headers=records_manager)
    assert pending.json()["items"] == []
    own = (await client.get("/api/v1/me/questions", headers=resident)).json()["items"][0]
    assert own["registration"]["state"] == "parked"

    # Only records management sees or retries registrations.
    assert (await client.get("/api/v1/admin/registrations", headers=caseworker)).status_code == 403
    before = await row_counts(db)
    bad = await client.get("/api/v1/admin/registrations?state=lost", headers=records_manager)
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "state"

    write_case_types(settings, case_type_toml(zgw.types))  # records management fixes the file
    retried = await client.post(
        f"/api/v1/admin/registrations/{entry['id']}/retry", headers=records_manager
    )
    assert retried.status_code == 202, retried.text
    assert retried.json()["state"] == "pending"
    again = await client.post(
        f"/api/v1/admin/registrations/{entry['id']}/retry", headers=records_manager
    )
    assert again.status_code == 409
    await worker.drain()
    assert await states(db) == [("delivered", "registered")]
    assert len(zgw.zaken) == 1
    assert before["outbox_entry"] == (await row_counts(db))["outbox_entry"]
    parked = await client.get("/api/v1/admin/registrations?state=parked", headers=records_manager)
    assert parked.json()["items"] == []


async def test_registrations_of_another_municipality_are_not_found(
    client: AsyncTestClient, records_manager: dict, db: AsyncSession
) -> None:
    from welkom.municipalities import service as municipalities

    other = municipalities.new("0001", "Andere gemeente", "123456782")
    db.add(other)
    await db.flush()
    entry = OutboxEntry(
        kind="cases.register_interaction",
        municipality_id=other.id,
        reference=other.id,
        state="parked",
    )
    db.add(entry)
    await db.commit()
    entry_id = entry.id
    listed = await client.get("/api/v1/admin/registrations?state=parked", headers=records_manager)
    assert listed.json()["items"] == []
    retry = await client.post(
        f"/api/v1/admin/registrations/{entry_id}/retry", headers=records_manager
    )
    assert retry.status_code == 404
    db.expire_all()
    assert (await db.get(OutboxEntry, entry_id)).state == "parked"


async def test_a_wrong_secret_is_parked_and_the_secret_is_never_shown(
    client: AsyncTestClient,
    resident: dict,
    records_manager: dict,
    worker: OutboxWorker,
    zgw: ZGWServer,
    db: AsyncSession,
    capsys: pytest.CaptureFixture[str],
) -> None:
    zgw.clients = {"welkom-9999": "another-secret-the-register-expects"}
    await ask(client, resident)
    await worker.drain()
    assert await states(db) == [("parked", "parked")]
    assert zgw.auth_failures
    zgw.auth_failures.clear()
    [entry] = (
        await client.get("/api/v1/admin/registrations?state=parked", headers=records_manager)
    ).json()["items"]
    assert entry["problem"]["status"] == 403
    output = capsys.readouterr()
    assert SECRET not in output.out + output.err + json.dumps(entry)


async def test_each_request_carries_a_fresh_standard_jwt(
    client: AsyncTestClient, resident: dict, worker: OutboxWorker, zgw: ZGWServer, routing
) -> None:
    import base64
    import time

    seen: list[dict] = []

    def capture(call):
        token = call.headers["authorization"].removeprefix("Bearer ")
        header, payload = (
            json.loads(base64.urlsafe_b64decode(p + "==")) for p in token.split(".")[:2]
        )
        seen.append(header | payload)

    zgw.before = capture
    await ask(client, resident)
    await worker.drain()
    # zaak, initiator roltype (Catalogi, once per process), rol, status, document, link
    assert len(seen) == 6
    for claims in seen:
        assert claims["alg"] == "HS256"
        assert claims["iss"] == claims["client_id"] == "welkom-9999"
        assert claims["user_id"]
        assert claims["user_representation"]
        assert time.time() - 5 <= claims["iat"] <= time.time()
