# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Helpers for the resident-data, consent, journey and GDPR tests: more residents and
municipalities than the demo seed has, and principals for calling caseworker services."""

from __future__ import annotations

import uuid

from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import login
from welkom.auth.models import Account
from welkom.auth.service import resolve
from welkom.core.identity import Principal
from welkom.core.settings import Settings
from welkom.demo.seed import DEMO_MUNICIPALITY_CODE
from welkom.municipalities import service as municipalities
from welkom.residents.models import Resident


async def add_resident(
    db: AsyncSession,
    *,
    login_name: str,
    name: str,
    municipality_code: str = DEMO_MUNICIPALITY_CODE,
    language: str = "nl",
) -> Resident:
    """Another resident with a demo login (creates the municipality if needed)."""
    municipality = await municipalities.by_code(db, municipality_code)
    if municipality is None:
        municipality = municipalities.new(
            municipality_code, f"Gemeente {municipality_code}", "123456782"
        )
        db.add(municipality)
        await db.flush()
    resident = Resident(
        municipality_id=municipality.id, preferred_name=name, preferred_language=language
    )
    db.add(resident)
    await db.flush()
    db.add(
        Account(
            municipality_id=municipality.id,
            roles=["resident"],
            display_name=name,
            resident_id=resident.id,
            demo_login=login_name,
        )
    )
    await db.commit()
    return resident


async def add_caseworker(
    db: AsyncSession, *, login_name: str, municipality_code: str, role: str = "caseworker"
) -> None:
    municipality = await municipalities.by_code(db, municipality_code)
    if municipality is None:
        municipality = municipalities.new(
            municipality_code, f"Gemeente {municipality_code}", "123456782"
        )
        db.add(municipality)
        await db.flush()
    db.add(
        Account(
            municipality_id=municipality.id,
            roles=[role],
            display_name=f"{role} {municipality_code}",
            demo_login=login_name,
        )
    )
    await db.commit()


async def principal_for(
    client: AsyncTestClient, db: AsyncSession, settings: Settings, demo_login: str
) -> Principal:
    """Sign in as a demo account and return its principal (for calling services directly)."""
    headers = await login(client, demo_login)
    principal = await resolve(db, settings, headers["Authorization"].removeprefix("Bearer "))
    assert principal is not None
    return principal


async def demo_resident(db: AsyncSession) -> Resident:
    account = (
        await db.execute(select(Account).where(Account.demo_login == "demo-resident"))
    ).scalar_one()
    assert account.resident_id is not None
    resident = await db.get(Resident, account.resident_id)
    assert resident is not None
    return resident


def other_id() -> uuid.UUID:
    return uuid.uuid4()
