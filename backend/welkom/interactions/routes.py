from __future__ import annotations

from litestar import Controller, Response, get, post
from litestar.params import Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.auth.guards import requires_role
from welkom.auth.service import Principal
from welkom.core import idempotency
from welkom.core.pagination import Page
from welkom.interactions import service
from welkom.interactions.schemas import QuestionIn, QuestionOut


class QuestionController(Controller):
    path = "/api/v1/me/questions"
    tags = ["interactions"]
    guards = [requires_role("resident")]

    @post(
        "/",
        operation_id="askQuestion",
        status_code=201,
        description="Ask the municipality a question. Send an `Idempotency-Key` so a retry "
        "returns the first answer instead of asking twice.",
    )
    async def ask(
        self,
        data: QuestionIn,
        db: AsyncSession,
        principal: Principal,
        outbox_wake: object,
        idempotency_key: str | None = Parameter(header="Idempotency-Key", default=None, max_length=255),
    ) -> Response[QuestionOut]:
        status, body, replayed = await service.ask_question(
            db, principal, data, idempotency.validate_key(idempotency_key)
        )
        if not replayed:
            outbox_wake()  # type: ignore[operator]
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        return Response(body, status_code=status, headers=headers)  # type: ignore[arg-type]

    @get("/", operation_id="listQuestions")
    async def list_questions(
        self,
        db: AsyncSession,
        principal: Principal,
        cursor: str | None = Parameter(query="cursor", default=None, max_length=200),
        limit: int = Parameter(query="limit", default=20, ge=1, le=100),
    ) -> Page[QuestionOut]:
        assert principal.resident_id is not None
        return await service.list_questions(db, principal.resident_id, cursor=cursor, limit=limit)
