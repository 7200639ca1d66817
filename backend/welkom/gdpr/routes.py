from __future__ import annotations

from litestar import Controller, Request, Response, get, post
from litestar.openapi import ResponseSpec
from litestar.params import HeaderParameter, JSONBody

from welkom.auth.guards import Caller, requires_role
from welkom.core import idempotency
from welkom.core.deps import DbSession
from welkom.core.problems import request_language
from welkom.gdpr import service
from welkom.gdpr.schemas import ErasureRequestIn, ErasureRequestOut


class GdprController(Controller):
    path = "/api/v1/me"
    tags = ["gdpr"]
    guards = [requires_role("resident")]

    @get("/export", operation_id="exportMyData")
    async def export(self, db: DbSession, principal: Caller) -> Response[dict]:
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
        status_code=201,
        responses={
            200: ResponseSpec(ErasureRequestOut, description="The open request, answered again")
        },
        description="Ask the municipality to erase your data (AVG art. 17). A caseworker "
        "carries it out; an open request is answered again (200) instead of doubled.",
    )
    async def request_erasure(
        self,
        request: Request,
        data: JSONBody[ErasureRequestIn],
        db: DbSession,
        principal: Caller,
        idempotency_key: str | None = HeaderParameter(
            name="Idempotency-Key", default=None, max_length=255
        ),
    ) -> Response[ErasureRequestOut]:
        status, body, replayed = await service.request_erasure(
            db,
            principal,
            data,
            idempotency.validate_key(idempotency_key),
            request_language(request),
        )
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        return Response(body, status_code=status, headers=headers)  # type: ignore[arg-type]

    @get("/erasure-request", operation_id="getMyErasureRequest")
    async def get_request(
        self, request: Request, db: DbSession, principal: Caller
    ) -> ErasureRequestOut:
        latest = await service.latest_request(db, principal.resident_id)  # type: ignore[arg-type]
        return service.request_out(latest, request_language(request))
