# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Helpers for the service information tests."""

from __future__ import annotations

import uuid

from litestar.testing import AsyncTestClient
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import login
from welkom.demo.content import translations
from welkom.services.models import ServiceText

ANON = {"municipality": "9999"}


async def bearer_only(client: AsyncTestClient, demo_login: str) -> dict[str, str]:
    """Sign in, keeping only the bearer header (the login's cookie would make every later
    request of this client signed in)."""
    headers = await login(client, demo_login)
    client.cookies.clear()
    return headers


async def editor(client: AsyncTestClient) -> dict[str, str]:
    return await bearer_only(client, "demo-editor")


async def reviewer(client: AsyncTestClient) -> dict[str, str]:
    return await bearer_only(client, "demo-reviewer")


async def find(client: AsyncTestClient, title: str, **params: str) -> dict:
    """The summary with this title in an anonymous Dutch listing."""
    listed = await client.get("/api/v1/services", params={**ANON, "limit": "100", **params})
    assert listed.status_code == 200, listed.text
    matches = [i for i in listed.json()["items"] if i["title"] == title]
    assert matches, f"{title!r} not listed"
    return matches[0]


async def create_item(client: AsyncTestClient, headers: dict, **overrides: object) -> dict:
    body = {
        "category": "daily_life",
        "title": "Fietsenmaker in de wijk",
        "summary": "Goedkope reparatie van uw fiets.",
        "body": "Kom langs op **zaterdag**.",
        **overrides,
    }
    created = await client.post("/api/v1/admin/services", json=body, headers=headers)
    assert created.status_code == 201, created.text
    return created.json()


async def untranslate(
    db: AsyncSession, owner_id: str, *languages: str, fields: tuple[str, ...] = ()
) -> None:
    """Remove an item's translations into ``languages`` (only ``fields``, if given): the demo
    has every text in every language, so a test of a missing translation makes one missing."""
    condition = [ServiceText.owner_id == uuid.UUID(owner_id), ServiceText.language.in_(languages)]
    if fields:
        condition.append(ServiceText.field.in_(fields))
    await db.execute(delete(ServiceText).where(*condition))
    await db.commit()


def demo_translation(dutch: str, language: str) -> str:
    """The demo content's translation of a Dutch text (backend/welkom/demo/content/)."""
    return translations(dutch)[language].text
