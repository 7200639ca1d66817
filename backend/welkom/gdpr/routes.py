# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import uuid
from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post
from litestar.openapi import ResponseSpec
from litestar.params import FromPath, JSONBody, QueryParameter

from welkom.core.deps import DbSession, IdempotencyKey
from welkom.core.guards import Caller, requires_role
from welkom.core.i18n import N_
from welkom.core.pagination import Page
from welkom.core.problems import FieldError, Problem, request_language
from welkom.gdpr import service
from welkom.gdpr.models import ErasureRequest, ErasureState
from welkom.gdpr.schemas import (
    ErasureRefusalIn,
    ErasureRequestDetail,
    ErasureRequestIn,
    ErasureRequestOut,
    ErasureRequestSummary,
)


class GdprController(Controller):
    path = "/api/v1/me"
    tags = ["gdpr"]
    guards = [requires_role("resident")]

    @get("/export", operation_id="exportMyData", summary="Export your data")
    async def export(self, db: DbSession, principal: Caller) -> Response[dict[str, Any]]:
        """Everything Welkom holds on you, as one JSON document (AVG art. 15 and 20)."""
        body = await service.export(db, principal.resident_id)  # type: ignore[arg-type]
        return Response(
            body,
            headers={
                "Content-Disposition": 'attachment; filename="welkom-export.json"',
                "Cache-Control": "no-store",
            },
        )

    @post(
        "/erasure-request",
        operation_id="requestErasure",
        summary="Ask to erase your data",
        status_code=201,
        responses={
            200: ResponseSpec(ErasureRequestOut, description="The open request, answered again")
        },
        description="Ask the municipality to erase your data (AVG art. 17). A caseworker "
        "carries it out; an open request is answered again (200) instead of doubled.",
    )
    async def request_erasure(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[ErasureRequestIn],
        db: DbSession,
        principal: Caller,
        idempotency_key: IdempotencyKey,
    ) -> Response[ErasureRequestOut]:
        status, body, replayed = await service.request_erasure(
            db,
            principal,
            data,
            idempotency_key,
            request_language(request),
        )
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        return Response(body, status_code=status, headers=headers)  # type: ignore[arg-type]

    @get(
        "/erasure-request", operation_id="getMyErasureRequest", summary="Read your erasure request"
    )
    async def get_request(
        self, request: Request[Any, Any, Any], db: DbSession, principal: Caller
    ) -> ErasureRequestOut:
        """Your latest request: its state, what that means (in your language) and, if the
        municipality refused it, their reason."""
        latest = await service.latest_request(db, principal.resident_id)  # type: ignore[arg-type]
        return service.request_out(latest, request_language(request))


def _summary(request: ErasureRequest) -> ErasureRequestSummary:
    return ErasureRequestSummary(
        id=request.id,
        resident_id=request.resident_id,
        state=request.state,
        requested_at=request.requested_at,
        completed_at=request.completed_at,
        refused_at=request.refused_at,
    )


_STATES = tuple(state.value for state in ErasureState)


class ErasureAdminController(Controller):
    """Records management decides residents' erasure requests (docs/residents.md)."""

    path = "/api/v1/admin/erasure-requests"
    tags = ["gdpr"]
    guards = [requires_role(service.RECORDS_ROLE)]

    @get("/", operation_id="listErasureRequests", summary="List erasure requests")
    async def list_requests(
        self,
        db: DbSession,
        principal: Caller,
        wanted: Annotated[str | None, QueryParameter(name="state", max_length=16)] = None,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=200)] = 50,
    ) -> Page[ErasureRequestSummary]:
        """Erasure requests of the caller's municipality, oldest first, optionally by state
        (`requested`, `completed`, `refused`)."""
        if wanted is not None and wanted not in _STATES:
            raise Problem.validation(
                [
                    FieldError(
                        "state",
                        N_("Use one of: {choices}."),
                        {"choices": ", ".join(_STATES)},
                        source="query",
                    )
                ]
            )
        page = await service.list_requests(db, principal, state=wanted, cursor=cursor, limit=limit)
        return Page(items=[_summary(r) for r in page.items], next_cursor=page.next_cursor)

    @get("/{request_id:uuid}", operation_id="getErasureRequest", summary="Read an erasure request")
    async def get_request(
        self, db: DbSession, principal: Caller, request_id: FromPath[uuid.UUID]
    ) -> ErasureRequestDetail:
        """One request, with what completing it keeps under a legal duty and why (read from
        the erasure handlers), and questions it still waits for. The read is audited."""
        return await service.request_detail(db, principal, request_id)

    @post(
        "/{request_id:uuid}/complete",
        operation_id="completeErasureRequest",
        summary="Carry out an erasure",
        status_code=200,
    )
    async def complete(
        self,
        request: Request[Any, Any, Any],
        db: DbSession,
        principal: Caller,
        request_id: FromPath[uuid.UUID],
    ) -> ErasureRequestSummary:
        """Carry out the erasure: everything about the resident is deleted or anonymised except
        what `retained` lists. 409 if already decided or a question is not yet registered; 503
        (nothing changed) if the file store is away."""
        done = await service.complete_erasure(
            db, principal, request_id, request.app.state.case_routing.storage
        )
        return _summary(done)

    @post(
        "/{request_id:uuid}/refuse",
        operation_id="refuseErasureRequest",
        summary="Refuse an erasure request",
        status_code=200,
    )
    async def refuse(
        self,
        db: DbSession,
        principal: Caller,
        request_id: FromPath[uuid.UUID],
        data: JSONBody[ErasureRefusalIn],
    ) -> ErasureRequestSummary:
        """Refuse the request with a reason the resident reads; they are notified."""
        return _summary(await service.refuse_erasure(db, principal, request_id, data))
