# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Races at commit time in ``welkom.core.idempotency.create_once``, made deterministic on
PostgreSQL: another transaction holds a conflicting row uncommitted, the request blocks on it
inside its INSERT, and the test commits that transaction while the request waits.

- Same ``Idempotency-Key`` and payload committed first by the other transaction: the request
  answers with the stored first response (201, ``Idempotent-Replayed``), nothing is doubled.
- A different constraint lost (here: the resident was erased meanwhile, a foreign key): 409
  problem details, nothing half-made — never a 500 (the volunteers' and admin's own copy of
  this helper used to re-raise the ``IntegrityError``).
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Awaitable, Callable

import msgspec
import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    create_async_engine,
)

from tests.support_admin import demo_municipality, person, request_body
from welkom.core import idempotency
from welkom.core.settings import Settings
from welkom.volunteers.schemas import HelpRequestIn

pytestmark = pytest.mark.postgresql_only


async def _wait_until_blocked(conn: AsyncConnection, seconds: float = 15.0) -> None:
    """Until another session of this database waits for a row or index lock."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        waiting = (
            await conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
                )
            )
        ).scalar_one()
        if waiting:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the request never waited for the other transaction")


class OtherTransaction(threading.Thread):
    """Runs ``change`` in its own transaction on its own thread and event loop, keeps it open
    until a request blocks on it, then commits. (The test client serves a request on the
    test's event loop thread and blocks it, so the commit must come from elsewhere.)"""

    def __init__(self, url: str, change: Callable[[AsyncSession], Awaitable[None]]) -> None:
        super().__init__(daemon=True)
        self.url, self.change = url, change
        self.ready, self.error = threading.Event(), None

    def run(self) -> None:
        try:
            asyncio.run(self._run())
        except BaseException as error:
            self.error = error
            self.ready.set()

    async def _run(self) -> None:
        engine = create_async_engine(self.url)
        try:
            async with AsyncSession(engine) as other, engine.connect() as watcher:
                await self.change(other)
                await other.flush()
                self.ready.set()
                await _wait_until_blocked(watcher)
                await other.commit()
        finally:
            await engine.dispose()

    async def __aenter__(self) -> OtherTransaction:
        self.start()
        await asyncio.to_thread(self.ready.wait, 30)
        if self.error:
            raise self.error
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.to_thread(self.join, 30)
        if self.error:
            raise self.error


async def _count(conn: AsyncConnection, sql: str, **params: object) -> int:
    return (await conn.execute(text(sql), params)).scalar_one()


async def test_same_key_committed_meanwhile_answers_the_stored_response(
    backend: str,
    client: AsyncTestClient,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
) -> None:
    here = await demo_municipality(db)
    resident = await person(client, db, here, "resident")
    body = request_body()
    key = f"race-{uuid.uuid4().hex[:8]}"
    stored = {"id": str(uuid.uuid4()), "state": "open", "note": "the first request's answer"}

    async def first_request(other: AsyncSession) -> None:  # committed once the request waits
        idempotency.remember(
            other,
            f"help-requests:{resident.account_id}",
            key,
            idempotency.fingerprint(
                msgspec.to_builtins(msgspec.convert(body, HelpRequestIn, strict=False))
            ),
            201,
            stored,
        )

    async with OtherTransaction(settings.database.url, first_request):
        response = await client.post(
            "/api/v1/me/help-requests",
            json=body,
            headers={**resident.headers, "Idempotency-Key": key},
        )

    assert response.status_code == 201, response.text
    assert response.headers.get("idempotent-replayed") == "true"
    assert response.json() == stored
    async with engine.connect() as conn:
        made = await _count(
            conn, "SELECT count(*) FROM help_request WHERE resident_id = :r", r=resident.resident_id
        )
    assert made == 0  # the request's own help request was rolled back with its record


async def test_other_constraint_lost_meanwhile_answers_409_not_500(
    backend: str,
    client: AsyncTestClient,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
) -> None:
    here = await demo_municipality(db)
    resident = await person(client, db, here, "resident")
    key = f"race-{uuid.uuid4().hex[:8]}"

    async def erase(other: AsyncSession) -> None:  # the resident is erased meanwhile
        await other.execute(
            text("UPDATE account SET resident_id = NULL WHERE id = :a"), {"a": resident.account_id}
        )
        await other.execute(text("DELETE FROM resident WHERE id = :r"), {"r": resident.resident_id})

    async with OtherTransaction(settings.database.url, erase):
        response = await client.post(
            "/api/v1/me/help-requests",
            json=request_body(),
            headers={**resident.headers, "Idempotency-Key": key},
        )

    assert response.status_code == 409, response.text
    problem = response.json()
    assert problem["type"] == "urn:welkom:problem:changed-concurrently"
    assert response.headers["content-type"].startswith("application/problem+json")
    async with engine.connect() as conn:
        assert (
            await _count(
                conn,
                "SELECT count(*) FROM help_request WHERE resident_id = :r",
                r=resident.resident_id,
            )
            == 0
        )
        assert (
            await _count(conn, "SELECT count(*) FROM idempotency_record WHERE key = :k", k=key) == 0
        )
