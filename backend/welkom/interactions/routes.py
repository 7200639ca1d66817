from __future__ import annotations

from collections.abc import Callable

from litestar import Controller, Response, get, post
from litestar.di import NamedDependency
from litestar.params import HeaderParameter, JSONBody, QueryParameter

from welkom.auth.guards import Caller, requires_role
from welkom.core import idempotency
from welkom.core.deps import DbSession
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
        data: JSONBody[QuestionIn],
        db: DbSession,
        principal: Caller,
        outbox_wake: NamedDependency[Callable[[], None]],
        idempotency_key: str | None = HeaderParameter(
            name="Idempotency-Key", default=None, max_length=255
        ),
    ) -> Response[QuestionOut]:
        status, body, replayed = await service.ask_question(
            db, principal, data, idempotency.validate_key(idempotency_key)
        )
        if not replayed:
            outbox_wake()
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        return Response(body, status_code=status, headers=headers)  # type: ignore[arg-type]

    @get("/", operation_id="listQuestions")
    async def list_questions(
        self,
        db: DbSession,
        principal: Caller,
        cursor: str | None = QueryParameter(name="cursor", default=None, max_length=200),
        limit: int = QueryParameter(name="limit", default=20, ge=1, le=100),
    ) -> Page[QuestionOut]:
        assert principal.resident_id is not None
        return await service.list_questions(db, principal.resident_id, cursor=cursor, limit=limit)
