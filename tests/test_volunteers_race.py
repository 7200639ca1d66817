# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Claiming is atomic: many volunteers claiming the same request at once, exactly one wins."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.support_admin import demo_municipality, person, request_body, volunteer
from welkom.volunteers.models import HelpRequest


async def _race(client: AsyncTestClient, db: AsyncSession, claimers: int) -> None:
    here = await demo_municipality(db)
    resident = await person(client, db, here, "resident")
    coordinator = await person(client, db, here, "coordinator")
    asked = await client.post(
        "/api/v1/me/help-requests", json=request_body(), headers=resident.headers
    )
    request_id = asked.json()["id"]
    volunteers = [await volunteer(client, db, here, coordinator) for _ in range(claimers)]

    responses = await asyncio.gather(
        *(
            client.post(f"/api/v1/volunteer/help-requests/{request_id}/claim", headers=v.headers)
            for v, _ in volunteers
        )
    )

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [409] * (claimers - 1), statuses
    losers = [response.json() for response in responses if response.status_code == 409]
    assert {problem["type"] for problem in losers} == {"urn:welkom:problem:already-claimed"}
    winner = next(i for i, r in enumerate(responses) if r.status_code == 200)
    row = await db.get(HelpRequest, uuid.UUID(request_id))
    assert row is not None
    await db.refresh(row)
    assert row.state == "claimed"
    assert str(row.volunteer_id) == volunteers[winner][1]
    assert row.version == 2  # changed exactly once


@pytest.mark.postgresql_only
async def test_many_concurrent_claims_have_exactly_one_winner_on_postgresql(
    backend: str, client: AsyncTestClient, db: AsyncSession
) -> None:
    await _race(client, db, claimers=16)


async def test_concurrent_claims_have_one_winner(client: AsyncTestClient, db: AsyncSession) -> None:
    await _race(client, db, claimers=4)
