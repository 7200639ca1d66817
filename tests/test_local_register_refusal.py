# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The embedded case register's refusal switch (demos and tests): while the file exists every
registration is refused with its problem details and parked; after the file is gone a records
manager's retry registers it. Refused in production."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import PRODUCTION_SECRET, MakeHandlers, login, make_settings
from welkom.core.database import session_factory
from welkom.core.settings import Settings
from welkom.interactions.models import Interaction
from welkom.outbox.models import OutboxEntry
from welkom.outbox.worker import OutboxWorker

REFUSAL = {
    "status": 400,
    "code": "invalid",
    "title": "Invalid input.",
    "detail": "Het zaaktype is nog niet gepubliceerd.",
    "invalidParams": [
        {"name": "zaaktype", "code": "zaaktype-concept", "reason": "Zaaktype is een concept."}
    ],
}


@pytest.fixture
def refusal_file(tmp_path: Path) -> Path:
    return tmp_path / "refuse.json"


@pytest.fixture
def settings(database_url: str, refusal_file: Path) -> Settings:
    return make_settings(database_url, local_register_refusal_file=refusal_file)


@pytest.fixture
def worker(engine: AsyncEngine, settings: Settings, make_handlers: MakeHandlers) -> OutboxWorker:
    sessions = session_factory(engine)
    return OutboxWorker(sessions, make_handlers(sessions, settings), settings)


def _refuse(path: Path) -> None:
    path.write_text(json.dumps(REFUSAL), encoding="utf-8")


def _fix(path: Path) -> None:
    """The register's administrator published the zaaktype."""
    path.unlink()


async def _states(db: AsyncSession) -> list[tuple[str, str]]:
    db.expire_all()
    rows = await db.execute(
        select(OutboxEntry.state, Interaction.registration_state).join(
            Interaction, Interaction.id == OutboxEntry.reference
        )
    )
    return sorted(rows.all())  # type: ignore[arg-type]


async def test_a_refusal_is_parked_with_the_registers_reason_and_a_retry_after_the_fix_registers(
    client: AsyncTestClient, worker: OutboxWorker, refusal_file: Path, db: AsyncSession
) -> None:
    resident = await login(client, "demo-resident")
    records = await login(client, "demo-records-manager")
    _refuse(refusal_file)
    asked = await client.post(
        "/api/v1/me/questions", json={"text": "Waar haal ik mijn pas?", "language": "nl"},
        headers=resident,
    )  # fmt: skip
    assert asked.status_code == 201
    await worker.drain()
    assert await _states(db) == [("parked", "parked")]

    listed = (await client.get("/api/v1/admin/registrations", headers=records)).json()["items"]
    [entry] = listed
    assert entry["interaction_id"] == asked.json()["id"]
    assert entry["problem"]["detail"] == REFUSAL["detail"]
    assert entry["problem"]["invalidParams"][0]["code"] == "zaaktype-concept"

    _fix(refusal_file)
    retried = await client.post(f"/api/v1/admin/registrations/{entry['id']}/retry", headers=records)
    assert retried.status_code == 202, retried.text
    await worker.drain()
    assert await _states(db) == [("delivered", "registered")]
    assert (await client.get("/api/v1/admin/registrations", headers=records)).json()["items"] == []


async def test_without_the_file_the_register_accepts(
    client: AsyncTestClient, worker: OutboxWorker, db: AsyncSession
) -> None:
    resident = await login(client, "demo-resident")
    asked = await client.post(
        "/api/v1/me/questions", json={"text": "Hoi", "language": "nl"}, headers=resident
    )
    assert asked.status_code == 201
    await worker.drain()
    assert await _states(db) == [("delivered", "registered")]


def test_production_refuses_the_switch(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="WELKOM_LOCAL_REGISTER_REFUSAL_FILE"):
        Settings(
            env="production",  # type: ignore[arg-type]
            secret_key=PRODUCTION_SECRET,
            session_cookie_secure=True,
            public_base_url="https://welkom.example.nl",
            local_register_refusal_file=tmp_path / "refuse.json",
        )
