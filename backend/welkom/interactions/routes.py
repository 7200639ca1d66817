# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency
from litestar.params import JSONBody, MultipartBody, QueryParameter

from welkom.core.deps import AppSettings, DbSession, IdempotencyKey
from welkom.core.guards import Caller, requires_role
from welkom.core.pagination import Page
from welkom.interactions import service
from welkom.interactions.schemas import DocumentOut, QuestionIn, QuestionOut
from welkom.interactions.uploads import UPLOAD_HARD_LIMIT, receive_document


class QuestionController(Controller):
    path = "/api/v1/me/questions"
    tags = ["interactions"]
    guards = [requires_role("resident")]

    @post(
        "/",
        operation_id="askQuestion",
        summary="Ask the municipality a question",
        status_code=201,
        description="Ask the municipality a question; it is registered in the municipality's "
        "case system in the background. Send an `Idempotency-Key` so a retry returns the first "
        "answer instead of asking twice (the same key with another body: 422). Too many "
        "questions in a short time: 429.",
    )
    async def ask(
        self,
        data: JSONBody[QuestionIn],
        db: DbSession,
        principal: Caller,
        settings: AppSettings,
        outbox_wake: NamedDependency[Callable[[], None]],
        idempotency_key: IdempotencyKey,
    ) -> Response[QuestionOut]:
        status, body, replayed = await service.ask_question(
            db, settings, principal, data, idempotency_key
        )
        if not replayed:
            outbox_wake()
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        # body: the QuestionOut as JSON builtins (kept as such for an idempotent replay).
        return Response(body, status_code=status, headers=headers)  # type: ignore[arg-type]

    @get(
        "/",
        operation_id="listQuestions",
        summary="List your questions",
        description="Your questions, newest first, with whether each is registered in the "
        "municipality's case system yet. Paged by `cursor` (a malformed cursor: 422).",
    )
    async def list_questions(
        self,
        db: DbSession,
        principal: Caller,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 20,
    ) -> Page[QuestionOut]:
        assert principal.resident_id is not None
        return await service.list_questions(db, principal.resident_id, cursor=cursor, limit=limit)


@dataclass
class DocumentUpload:
    file: UploadFile
    language: str


class DocumentController(Controller):
    path = "/api/v1/me/documents"
    tags = ["interactions"]
    guards = [requires_role("resident")]

    @post(
        "/",
        operation_id="uploadDocument",
        summary="Send the municipality a document",
        status_code=201,
        request_max_body_size=UPLOAD_HARD_LIMIT,
        description="Send the municipality a document (multipart: `file`, `language`). The type "
        "is recognised from the content (PDF, JPEG, PNG, HEIC by default); the size limit is "
        "configured. Send an `Idempotency-Key` so a retry does not upload twice. Too large: "
        "413; a type not accepted: 415; a file that does not decode in full or carries active "
        "content: 422; the file store is away: 503 (nothing kept).",
    )
    async def upload(
        self,
        request: Request[Any, Any, Any],
        data: MultipartBody[DocumentUpload],
        db: DbSession,
        settings: AppSettings,
        principal: Caller,
        outbox_wake: NamedDependency[Callable[[], None]],
        idempotency_key: IdempotencyKey,
    ) -> Response[DocumentOut]:
        content = await data.file.read(settings.upload.max_bytes + 1)
        await data.file.close()
        status, body, replayed = await receive_document(
            db,
            request.app.state.case_routing.storage,
            settings,
            principal,
            content=content,
            language=data.language,
            idempotency_key=idempotency_key,
        )
        if not replayed:
            outbox_wake()
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        # body: the DocumentOut as JSON builtins (kept as such for an idempotent replay).
        return Response(body, status_code=status, headers=headers)  # type: ignore[arg-type]
