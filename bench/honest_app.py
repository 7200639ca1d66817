# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The honest reference for bench/api.py: what a minimal app must do for the same endpoints.

Like bench/bare_app.py (Litestar, asyncpg, no ORM, no logs), but it checks the caller on every
request as Welkom does: the session token from ``Authorization: Bearer`` or the session cookie,
hashed as Welkom hashes it (HMAC-SHA256 keyed with the secret key,
``welkom.auth.service.hash_token``), looked up in ``auth_session`` joined to ``account`` with
the same conditions (not revoked, not expired, not idle longer than the idle timeout; the
account holds the ``resident`` role), ``last_seen_at`` moved on when older than a minute; an
unknown or ended session is a 401. The resident and municipality come from the session, not
from the environment. Then the same resource query as the bare app. A cookie-authenticated
``POST`` must carry the CSRF token derived from the session (double submit), as in Welkom.

``POST /api/v1/me/questions`` writes what the resident's question needs, in one transaction:
the interaction (with a fresh short reference; a collision with another case's reference draws
again) and its outbox entry (``cases.register_interaction``, ordering key the zaak
identificatie). Not done (Welkom does them): the Idempotency-Key record, the questions-per-hour
quota count, audit and request logs, problem details, language negotiation.

Configured by BENCH_DSN, BENCH_SECRET_KEY, BENCH_IDLE_SECONDS (default 1800) and
BENCH_COOKIE_NAME (default ``welkom_session``).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import uuid
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import msgspec
from litestar import Litestar, Request, get, post
from litestar.datastructures import State
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException

SECRET = os.environ.get("BENCH_SECRET_KEY", "").encode()
IDLE_SECONDS = int(os.environ.get("BENCH_IDLE_SECONDS", "1800"))
COOKIE = os.environ.get("BENCH_COOKIE_NAME", "welkom_session")
CSRF_COOKIE, CSRF_HEADER = "welkom_csrf", "x-csrf-token"
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # welkom.interactions.reference

# Same conditions as welkom.auth.service.resolve, in SQL: one round trip for the check.
SESSION = (
    "SELECT s.id, a.resident_id, a.municipality_id, "
    "s.last_seen_at < now() - interval '60 seconds' AS stale "
    "FROM auth_session s JOIN account a ON a.id = s.account_id "
    "WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() "
    "AND s.last_seen_at >= now() - make_interval(secs => $2) AND a.roles ? 'resident'"
)


class QuestionIn(msgspec.Struct):
    text: str
    language: str


class Caller(msgspec.Struct):
    resident_id: uuid.UUID
    municipality_id: uuid.UUID


async def caller(request: Request, conn: asyncpg.Connection) -> Caller:
    """The signed-in resident, or a 401 (403 for a cookie POST without its CSRF token)."""
    authorization = request.headers.get("authorization", "")
    via_cookie = authorization[:7].lower() != "bearer "
    token = request.cookies.get(COOKIE, "") if via_cookie else authorization[7:].strip()
    if not token:
        raise NotAuthorizedException()
    token_hash = hmac.new(SECRET, token.encode(), hashlib.sha256).hexdigest()
    row = await conn.fetchrow(SESSION, token_hash, IDLE_SECONDS)
    if row is None or row["resident_id"] is None:
        raise NotAuthorizedException()
    if via_cookie and request.method == "POST":
        expected = hmac.new(SECRET, f"csrf:{token}".encode(), hashlib.sha256).hexdigest()
        header = request.headers.get(CSRF_HEADER, "")
        if not (
            hmac.compare_digest(header, request.cookies.get(CSRF_COOKIE, ""))
            and hmac.compare_digest(header, expected)
        ):
            raise PermissionDeniedException()
    if row["stale"]:  # as Welkom: the idle clock moves on at most once a minute
        await conn.execute("UPDATE auth_session SET last_seen_at = now() WHERE id = $1", row["id"])
    return Caller(row["resident_id"], row["municipality_id"])


@get("/api/v1/me")
async def me(request: Request, state: State) -> dict[str, Any]:
    async with state.pool.acquire() as conn:
        who = await caller(request, conn)
        row = await conn.fetchrow(
            "SELECT r.id, r.preferred_name, r.preferred_language, r.email, r.phone, "
            "r.updated_at, m.code, m.name FROM resident r "
            "JOIN municipality m ON m.id = r.municipality_id WHERE r.id = $1",
            who.resident_id,
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
async def questions(request: Request, state: State) -> dict[str, Any]:
    async with state.pool.acquire() as conn:
        who = await caller(request, conn)
        rows = await conn.fetch(
            "SELECT id, text, language, created_at, registration_state, zaak_identificatie, "
            "registered_at FROM interaction WHERE resident_id = $1 AND kind = 'question' "
            "ORDER BY created_at DESC, id DESC LIMIT 21",
            who.resident_id,
        )
    return {"items": [dict(row) for row in rows[:20]], "next_cursor": None}


@post("/api/v1/me/questions")
async def ask(request: Request, state: State, data: QuestionIn) -> dict[str, Any]:
    question_id = uuid.uuid4()
    async with state.pool.acquire() as conn:
        who = await caller(request, conn)
        for attempt in range(5):
            reference = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
            try:
                async with conn.transaction():
                    row = await conn.fetchrow(
                        "INSERT INTO interaction (id, municipality_id, resident_id, kind, "
                        "reference, language, text, created_at, registration_state) "
                        "VALUES ($1, $2, $3, 'question', $4, $5, $6, now(), 'pending') "
                        "RETURNING created_at",
                        question_id, who.municipality_id, who.resident_id, reference,
                        data.language, data.text,
                    )  # fmt: skip
                    await conn.execute(
                        "INSERT INTO outbox_entry (id, municipality_id, kind, reference, "
                        "ordering_key, subject, state, attempts, next_attempt_at, created_at) "
                        "VALUES ($1, $2, 'cases.register_interaction', $3, $4, 'question', "
                        "'pending', 0, now(), now())",
                        uuid.uuid4(), who.municipality_id, question_id,
                        f"WLK-{question_id.hex}",
                    )  # fmt: skip
                break
            except asyncpg.UniqueViolationError as exc:
                if exc.constraint_name != "uq_interaction_reference" or attempt == 4:
                    raise
    return {"id": question_id, "reference": f"{reference[:4]}-{reference[4:]}",
            "text": data.text, "language": data.language, "created_at": row["created_at"],
            "registration": {"state": "pending"}}  # fmt: skip


@get("/api/v1/me/journey")
async def journey(request: Request, state: State) -> dict[str, Any]:
    async with state.pool.acquire() as conn:
        who = await caller(request, conn)
        rows = await conn.fetch(
            "SELECT s.id, s.key, s.position, s.status, s.due_date, s.next_actor, s.note, "
            "s.updated_at, s.version, t.explanation, t.typical_duration_days "
            "FROM journey_step s LEFT JOIN journey_template_step t ON t.id = s.template_step_id "
            "WHERE s.resident_id = $1 ORDER BY s.position",
            who.resident_id,
        )
    steps = []
    for row in rows:
        step = dict(row)
        explanation = msgspec.json.decode(step.pop("explanation") or "{}")
        step["title"] = explanation.get("nl", {}).get("title", step["key"])
        steps.append(step)
    return {"steps": steps}


@get("/api/v1/services")
async def services(request: Request, state: State) -> dict[str, Any]:
    async with state.pool.acquire() as conn:
        who = await caller(request, conn)
        rows = await conn.fetch(
            "SELECT i.id, i.category, t.field, t.language, t.text FROM service_item i "
            "JOIN service_text t ON t.owner_id = i.id AND t.field IN ('title', 'summary') "
            "WHERE i.municipality_id = $1 AND i.status = 'published' AND t.language = 'nl'",
            who.municipality_id,
        )
    items: dict[uuid.UUID, dict[str, Any]] = {}
    for row in rows:
        item = items.setdefault(row["id"], {"id": row["id"], "category": row["category"]})
        item[row["field"]] = row["text"]
    return {"language": "nl", "items": list(items.values()), "next_cursor": None}


@asynccontextmanager
async def lifespan(app: Litestar):
    if not SECRET:
        raise RuntimeError("BENCH_SECRET_KEY is required (Welkom's WELKOM_SECRET_KEY)")
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
