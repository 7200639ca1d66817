# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Helpers for the admin, volunteers and reports tests: people in two municipalities."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import login
from welkom.auth.models import Account
from welkom.core.models import utcnow
from welkom.demo.seed import DEMO_MUNICIPALITY_CODE
from welkom.municipalities import service as municipalities
from welkom.municipalities.models import Municipality
from welkom.residents.models import Resident

OTHER_CODE, OTHER_RSIN = "0363", "123456782"  # the RSIN passes the 11-proef


async def demo_municipality(db: AsyncSession) -> Municipality:
    found = await municipalities.by_code(db, DEMO_MUNICIPALITY_CODE)
    assert found is not None
    return found


async def other_municipality(db: AsyncSession) -> Municipality:
    found = await municipalities.by_code(db, OTHER_CODE)
    if found is None:
        found = municipalities.new(OTHER_CODE, "Gemeente Elders", OTHER_RSIN)
        db.add(found)
        await db.commit()
    return found


@dataclass
class Person:
    account_id: uuid.UUID
    login: str
    headers: dict[str, str]
    resident_id: uuid.UUID | None = None


async def person(
    client: AsyncTestClient,
    db: AsyncSession,
    municipality: Municipality,
    role: str,
    *,
    name: str | None = None,
    language: str = "ar",
    phone: str | None = None,
    email: str | None = None,
) -> Person:
    """A signed-in account with ``role`` (a resident gets a resident record too)."""
    login_name = f"t-{role}-{uuid.uuid4().hex[:10]}"
    resident_id = None
    if role == "resident":
        resident = Resident(
            municipality_id=municipality.id,
            preferred_name=name or "Resident",
            preferred_language=language,
            phone=phone,
            email=email,
        )
        db.add(resident)
        await db.flush()
        resident_id = resident.id
    account = Account(
        municipality_id=municipality.id,
        roles=[role],
        display_name=name or role.title(),
        resident_id=resident_id,
        demo_login=login_name,
    )
    db.add(account)
    await db.commit()
    return Person(account.id, login_name, await login(client, login_name), resident_id)


def request_body(**overrides: object) -> dict:
    start = utcnow() + timedelta(days=2)
    body = {
        "category": "accompany_appointment",
        "description": "Help me at the GP appointment",
        "wanted_from": start.isoformat(),
        "wanted_until": (start + timedelta(hours=2)).isoformat(),
        "neighbourhood": "Oosterpark",
        "language": "ar",
    }
    body.update(overrides)
    return body


def profile_body(**overrides: object) -> dict:
    body = {
        "display_name": "Pieter",
        "languages": ["nl", "ar"],
        "skills": ["accompany_appointment", "bike"],
        "areas": ["Oosterpark", "Centrum"],
        "availability": ["mon-evening", "sat-morning"],
        "organisation": "Vluchtelingenwerk",
    }
    body.update(overrides)
    return body


async def volunteer(
    client: AsyncTestClient,
    db: AsyncSession,
    municipality: Municipality,
    coordinator: Person,
    *,
    vetted: bool = True,
    **profile: object,
) -> tuple[Person, str]:
    """A volunteer with a profile (vetted by ``coordinator`` unless told otherwise)."""
    someone = await person(client, db, municipality, "volunteer")
    saved = await client.put(
        "/api/v1/volunteer/profile", json=profile_body(**profile), headers=someone.headers
    )
    assert saved.status_code == 201, saved.text
    profile_id = saved.json()["id"]
    if vetted:
        vetted_response = await client.put(
            f"/api/v1/admin/volunteers/{profile_id}/vetting",
            json={"vog_date": (utcnow() - timedelta(days=30)).date().isoformat()},
            headers=coordinator.headers,
        )
        assert vetted_response.status_code == 200, vetted_response.text
    return someone, profile_id


def leaks(text: str, *secrets: str | None) -> list[str]:
    """Which of ``secrets`` occur in ``text``."""
    return [secret for secret in secrets if secret and secret in text]
