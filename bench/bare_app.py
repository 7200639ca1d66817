# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The baseline for bench/api.py: a bare Litestar app doing one comparable query per endpoint.

No sessions, no ORM, no problem details, no idempotency, no outbox: one asyncpg query on the same
PostgreSQL database and the same tables as Welkom, so the difference is what Welkom adds.
Configured by BENCH_DSN, BENCH_RESIDENT_ID and BENCH_MUNICIPALITY_ID.
"""

from __future__ import annotations

import os
import secrets
import uuid
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import msgspec
from litestar import Litestar, get, post
from litestar.datastructures import State

RESIDENT = uuid.UUID(os.environ.get("BENCH_RESIDENT_ID", str(uuid.UUID(int=0))))
MUNICIPALITY = uuid.UUID(os.environ.get("BENCH_MUNICIPALITY_ID", str(uuid.UUID(int=0))))


class QuestionIn(msgspec.Struct):
    text: str
    language: str


@get("/api/v1/me")
async def me(state: State) -> dict[str, Any]:
    row = await state.pool.fetchrow(
        "SELECT r.id, r.preferred_name, r.preferred_language, r.email, r.phone, r.updated_at, "
        "m.code, m.name FROM resident r JOIN municipality m ON m.id = r.municipality_id "
        "WHERE r.id = $1",
        RESIDENT,
    )
    return {
        "id": row["id"],
        "preferred_name": row["preferred_name"],
        "preferred_language": row["preferred_language"],
        "email": row["email"],
        "phone": row["phone"],
        "municipality": {"code": row["code"], "name": row["name"]},
        "updated_at": row["updated_at"],
    }


@get("/api/v1/me/questions")
async def questions(state: State) -> dict[str, Any]:
    rows = await state.pool.fetch(
        "SELECT id, text, language, created_at, registration_state, zaak_identificatie, "
        "registered_at FROM interaction WHERE resident_id = $1 AND kind = 'question' "
        "ORDER BY created_at DESC, id DESC LIMIT 21",
        RESIDENT,
    )
    return {"items": [dict(row) for row in rows[:20]], "next_cursor": None}


@post("/api/v1/me/questions")
async def ask(state: State, data: QuestionIn) -> dict[str, Any]:
    reference = "".join(secrets.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(8))
    row = await state.pool.fetchrow(  # the reference is NOT NULL since migration cj_case_reference
        "INSERT INTO interaction (id, municipality_id, resident_id, kind, reference, language, "
        "text, created_at, registration_state) "
        "VALUES ($1, $2, $3, 'question', $4, $5, $6, now(), 'pending') RETURNING id, created_at",
        uuid.uuid4(),
        MUNICIPALITY,
        RESIDENT,
        reference,
        data.language,
        data.text,
    )
    return {"id": row["id"], "text": data.text, "language": data.language,
            "created_at": row["created_at"], "registration": {"state": "pending"}}  # fmt: skip


@get("/api/v1/me/journey")
async def journey(state: State) -> dict[str, Any]:
    rows = await state.pool.fetch(
        "SELECT s.id, s.key, s.position, s.status, s.due_date, s.next_actor, s.note, "
        "s.updated_at, s.version, t.explanation, t.typical_duration_days "
        "FROM journey_step s LEFT JOIN journey_template_step t ON t.id = s.template_step_id "
        "WHERE s.resident_id = $1 ORDER BY s.position",
        RESIDENT,
    )
    steps = []
    for row in rows:
        step = dict(row)
        explanation = msgspec.json.decode(step.pop("explanation") or "{}")
        step["title"] = explanation.get("nl", {}).get("title", step["key"])
        steps.append(step)
    return {"steps": steps}


@get("/api/v1/services")
async def services(state: State) -> dict[str, Any]:
    rows = await state.pool.fetch(
        "SELECT i.id, i.category, t.field, t.language, t.text FROM service_item i "
        "JOIN service_text t ON t.owner_id = i.id AND t.field IN ('title', 'summary') "
        "WHERE i.municipality_id = $1 AND i.status = 'published' AND t.language = 'nl'",
        MUNICIPALITY,
    )
    items: dict[uuid.UUID, dict[str, Any]] = {}
    for row in rows:
        item = items.setdefault(row["id"], {"id": row["id"], "category": row["category"]})
        item[row["field"]] = row["text"]
    return {"language": "nl", "items": list(items.values()), "next_cursor": None}


@asynccontextmanager
async def lifespan(app: Litestar):
    app.state.pool = await asyncpg.create_pool(os.environ["BENCH_DSN"], min_size=2, max_size=10)
    try:
        yield
    finally:
        await app.state.pool.close()


app = Litestar(
    [me, questions, ask, journey, services],
    lifespan=[lifespan],
    openapi_config=None,
    logging_config=None,
)
