# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Signals: questions unanswered for more than N working days, registrations the case register
refused, journey steps overdue — per caseworker and for the team."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tests.conftest import MakeHandlers
from tests.support_admin import demo_municipality, person
from welkom.admin.conversations import ANSWER_KIND
from welkom.admin.routing import RegisterAnswerHandler
from welkom.admin.signals import working_days_before
from welkom.cases.ports import RegistrationRequest, RegistrationResult
from welkom.core.database import session_factory
from welkom.core.models import utcnow
from welkom.core.settings import Settings
from welkom.interactions.models import Interaction
from welkom.outbox.worker import OutboxWorker
from welkom.residents.models import Resident
from welkom.zgw.errors import CaseRegisterRefused

pytestmark = pytest.mark.time_dependent


def test_working_days_skip_the_weekend() -> None:
    tuesday = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert working_days_before(tuesday, 1) == datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert working_days_before(tuesday, 2) == datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # Friday
    assert working_days_before(tuesday, 6) == datetime(2026, 11, 16, 10, 0, tzinfo=UTC)


async def _ask(client: AsyncTestClient, headers: dict, db: AsyncSession, days_ago: int) -> str:
    response = await client.post(
        "/api/v1/me/questions", json={"text": "Vraag", "language": "nl"}, headers=headers
    )
    question_id = response.json()["id"]
    await db.execute(
        update(Interaction)
        .where(Interaction.id == uuid.UUID(question_id))
        .values(created_at=utcnow() - timedelta(days=days_ago))
    )
    await db.commit()
    return question_id


async def test_signals_per_caseworker_and_team(
    client: AsyncTestClient, db: AsyncSession, resident: dict, caseworker: dict
) -> None:
    here = await demo_municipality(db)
    colleague = await person(client, db, here, "caseworker", name="Joris")
    amal = (
        await db.execute(select(Resident).where(Resident.preferred_name == "Amal"))
    ).scalar_one()
    base = f"/api/v1/admin/residents/{amal.id}"
    assert (await client.put(f"{base}/caseworker", json={}, headers=caseworker)).status_code == 200

    old = await _ask(client, resident, db, days_ago=8)
    await _ask(client, resident, db, days_ago=0)  # fresh: not a signal yet
    answered = await _ask(client, resident, db, days_ago=8)
    reply = await client.post(
        f"/api/v1/admin/conversations/{answered}/answers", json={"text": "Ja"}, headers=caseworker
    )
    assert reply.status_code == 201
    parked = await _ask(client, resident, db, days_ago=0)
    await db.execute(
        update(Interaction)
        .where(Interaction.id == uuid.UUID(parked))
        .values(registration_state="parked")
    )
    await db.commit()
    step = (await client.get(f"{base}/journey", headers=caseworker)).json()["steps"][0]
    overdue = (utcnow() - timedelta(days=10)).date().isoformat()
    patched = await client.patch(
        f"{base}/journey/steps/{step['id']}",
        json={"status": "in_progress", "due_date": overdue},
        headers=caseworker,
    )
    assert patched.status_code == 200, patched.text

    mine = (await client.get("/api/v1/admin/signals", headers=caseworker)).json()
    assert mine["scope"] == "mine"
    assert mine["counts"] == {
        "unanswered_question": 1,
        "failed_registration": 1,
        "stalled_journey_step": 1,
    }
    by_kind = {item["kind"]: item for item in mine["items"]}
    assert by_kind["unanswered_question"]["subject_id"] == old
    assert by_kind["unanswered_question"]["resident_name"] == "Amal"
    assert by_kind["failed_registration"]["subject_id"] == parked
    assert by_kind["stalled_journey_step"]["subject_id"] == step["id"]
    assert by_kind["stalled_journey_step"]["detail"]["due_date"] == overdue

    not_theirs = (await client.get("/api/v1/admin/signals", headers=colleague.headers)).json()
    assert not_theirs["items"] == []
    team = (
        await client.get(
            "/api/v1/admin/signals", params={"scope": "team"}, headers=colleague.headers
        )
    ).json()
    assert len(team["items"]) == 3

    # Handing the old question to the colleague moves its signal to them.
    await client.put(
        f"/api/v1/admin/conversations/{old}/assignment",
        json={"account_id": str(colleague.account_id)},
        headers=caseworker,
    )
    moved = (await client.get("/api/v1/admin/signals", headers=colleague.headers)).json()
    assert [item["subject_id"] for item in moved["items"]] == [old]
    # Once settled ("waiting for nobody") it is no longer a signal.
    await client.put(
        f"/api/v1/admin/conversations/{old}/waiting-for",
        json={"waiting_for": "nobody"},
        headers=colleague.headers,
    )
    assert (await client.get("/api/v1/admin/signals", headers=colleague.headers)).json()[
        "items"
    ] == []

    bad = await client.get("/api/v1/admin/signals", params={"scope": "all"}, headers=caseworker)
    assert bad.status_code == 400


class RefusingRegister:
    """A case register that refuses every request (as a ZGW API answering 400 would)."""

    async def register(self, request: RegistrationRequest) -> RegistrationResult:
        raise CaseRegisterRefused("400 identificatie-ongeldig")


async def test_an_answer_the_case_register_refuses_is_parked_and_signalled(
    client: AsyncTestClient,
    db: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    resident: dict,
    caseworker: dict,
    make_handlers: MakeHandlers,
) -> None:
    sessions = session_factory(engine)
    handlers = make_handlers(sessions, settings)  # the test's settings, not the process's
    handlers[ANSWER_KIND] = RegisterAnswerHandler(sessions, lambda _m: RefusingRegister())
    worker = OutboxWorker(sessions, handlers, settings)
    question = await _ask(client, resident, db, days_ago=0)
    assert await worker.drain() == 1  # the question itself is registered
    answered = await client.post(
        f"/api/v1/admin/conversations/{question}/answers", json={"text": "Ja"}, headers=caseworker
    )
    assert answered.status_code == 201
    await worker.drain()

    conversation = (
        await client.get(f"/api/v1/admin/conversations/{question}", headers=caseworker)
    ).json()
    assert conversation["question"]["registration"]["state"] == "registered"
    assert conversation["messages"][0]["registration"]["state"] == "parked"
    team = (
        await client.get("/api/v1/admin/signals", params={"scope": "team"}, headers=caseworker)
    ).json()
    failed = [item for item in team["items"] if item["kind"] == "failed_registration"]
    assert [(item["subject_id"], item["detail"]["what"]) for item in failed] == [
        (answered.json()["id"], "answer")
    ]
    # The resident still sees the answer: it was given, only its filing failed.
    seen = await client.get(f"/api/v1/me/questions/{question}/answers", headers=resident)
    assert [a["text"] for a in seen.json()] == ["Ja"]
