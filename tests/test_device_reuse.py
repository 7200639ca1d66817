# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Device credentials ("this phone"): rotation, and reuse detection that revokes the family."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
import time_machine
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.auth_fixtures import World, build_world
from tests.test_auth_activation import issue, redeem
from welkom.audit.models import AuditEvent
from welkom.auth.models import AuthSession, DeviceCredential
from welkom.core.models import utcnow

pytestmark = pytest.mark.time_dependent


@pytest.fixture
async def world(db: AsyncSession, seeded: None) -> World:
    return await build_world(db)


def _cookie(response, name: str) -> str:
    header = next(h for h in response.headers.get_list("set-cookie") if h.startswith(f"{name}="))
    return header.split(";")[0].split("=", 1)[1]


async def remembered(client: AsyncTestClient, world: World) -> str:
    code = (await issue(client, world))["code"]
    response = await redeem(client, code, remember_device=True)
    assert response.status_code == 200, response.text
    return _cookie(response, "welkom_device")


async def device_login(client: AsyncTestClient, token: str):
    """Sign in with ``token`` as the only cookie; returns the response."""
    client.cookies.clear()
    return await client.post(
        "/api/v1/auth/device-login", headers={"Cookie": f"welkom_device={token}"}
    )


async def me(client: AsyncTestClient, session_token: str) -> int:
    client.cookies.clear()
    response = await client.get("/api/v1/me", headers={"Cookie": f"welkom_session={session_token}"})
    return response.status_code


async def test_normal_rotation_keeps_working(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    token = await remembered(client, world)
    seen = {token}
    for _ in range(4):
        response = await device_login(client, token)
        assert response.status_code == 200, response.text
        token = _cookie(response, "welkom_device")
        assert token not in seen
        seen.add(token)
        assert await me(client, _cookie(response, "welkom_session")) == 200
    rows = (await db.execute(select(DeviceCredential))).scalars().all()
    assert len({row.family_id for row in rows}) == 1
    assert [row.revoked_at for row in rows] == [None] * 5
    assert sum(row.rotated_at is None for row in rows) == 1


async def test_replay_of_a_rotated_credential_revokes_the_family(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    stolen = await remembered(client, world)
    first = await device_login(client, stolen)  # the phone's owner signs in: stolen is rotated
    assert first.status_code == 200
    newest = _cookie(first, "welkom_device")
    owners_session = _cookie(first, "welkom_session")
    assert await me(client, owners_session) == 200

    with time_machine.travel(utcnow() + timedelta(minutes=5), tick=False):
        replay = await device_login(client, stolen)
        assert replay.status_code == 401
        assert replay.json()["type"] == "urn:welkom:problem:device-not-recognised"
        # The newer value stops working too, and so does the session it started.
        refused = await device_login(client, newest)
        assert refused.status_code == 401
        assert await me(client, owners_session) == 401

    db.expire_all()
    assert all(
        row.revoked_at is not None
        for row in (await db.execute(select(DeviceCredential))).scalars().all()
    )
    ended = (
        (await db.execute(select(AuthSession).where(AuthSession.device_family_id.isnot(None))))
        .scalars()
        .all()
    )
    assert ended
    assert all(session.revoked_at is not None for session in ended)
    event = (
        await db.execute(select(AuditEvent).where(AuditEvent.resource == "auth.device_credential"))
    ).scalar_one()
    assert event.resident_id == world.same_municipality_resident_id
    assert event.actor_role == "system"


async def test_a_repeat_within_the_grace_window_is_refused_without_revoking(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    token = await remembered(client, world)
    with time_machine.travel(utcnow(), tick=False):
        won = await device_login(client, token)
        assert won.status_code == 200
        lost = await device_login(client, token)  # a second tab, same instant
        assert lost.status_code == 401
    assert await me(client, _cookie(won, "welkom_session")) == 200
    again = await device_login(client, _cookie(won, "welkom_device"))
    assert again.status_code == 200
    assert not (
        await db.execute(select(DeviceCredential).where(DeviceCredential.revoked_at.isnot(None)))
    ).all()


async def test_two_simultaneous_rotations_leave_one_working_credential(
    client: AsyncTestClient, world: World, db: AsyncSession
) -> None:
    token = await remembered(client, world)
    client.cookies.clear()
    headers = {"Cookie": f"welkom_device={token}"}
    responses = await asyncio.gather(
        client.post("/api/v1/auth/device-login", headers=headers),
        client.post("/api/v1/auth/device-login", headers=headers),
    )
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200, 401]
    winner = next(response for response in responses if response.status_code == 200)
    assert (await device_login(client, _cookie(winner, "welkom_device"))).status_code == 200
    assert not (
        await db.execute(select(DeviceCredential).where(DeviceCredential.revoked_at.isnot(None)))
    ).all()
