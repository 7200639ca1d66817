from __future__ import annotations

import uuid

from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath, HeaderParameter, JSONBody, QueryParameter

from welkom.auth.guards import Caller, requires_role
from welkom.consent import service
from welkom.consent.purposes import Channel
from welkom.consent.schemas import ConsentChangeIn, ConsentEntryOut, ConsentReceipt, ConsentStateOut
from welkom.core import idempotency
from welkom.core.deps import DbSession
from welkom.core.pagination import Page
from welkom.core.problems import request_language
from welkom.residents import service as residents


class ConsentController(Controller):
    path = "/api/v1/me/consents"
    tags = ["consent"]
    guards = [requires_role("resident")]

    @get("/", operation_id="listMyConsents")
    async def list_states(
        self, request: Request, db: DbSession, principal: Caller
    ) -> list[ConsentStateOut]:
        """Every purpose, your current answer (derived from the ledger) and the text to read."""
        resident = await residents.get_own(db, principal.resident_id)  # type: ignore[arg-type]
        return await service.states(
            db,
            resident.id,
            resident.municipality_id,
            residents.reading_languages(resident, request_language(request)),
        )

    @post(
        "/",
        operation_id="changeMyConsent",
        status_code=201,
        description="Grant or withdraw consent for one purpose. Name the text version and the "
        "language you were shown. Withdrawal counts for every later read at once.",
    )
    async def change(
        self,
        data: JSONBody[ConsentChangeIn],
        db: DbSession,
        principal: Caller,
        idempotency_key: str | None = HeaderParameter(
            name="Idempotency-Key", default=None, max_length=255
        ),
    ) -> Response[ConsentEntryOut]:
        resident = await residents.get_own(db, principal.resident_id)  # type: ignore[arg-type]
        status, body, replayed = await service.record(
            db,
            principal,
            resident.id,
            resident.municipality_id,
            data,
            channel=Channel.app,
            idempotency_key=idempotency.validate_key(idempotency_key),
        )
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        return Response(body, status_code=status, headers=headers)  # type: ignore[arg-type]

    @get("/entries", operation_id="listMyConsentEntries")
    async def entries(
        self,
        db: DbSession,
        principal: Caller,
        cursor: str | None = QueryParameter(name="cursor", default=None, max_length=200),
        limit: int = QueryParameter(name="limit", default=20, ge=1, le=100),
    ) -> Page[ConsentEntryOut]:
        """The ledger: every grant and withdrawal, newest first."""
        resident = await residents.get_own(db, principal.resident_id)  # type: ignore[arg-type]
        return await service.entries(db, resident.id, cursor=cursor, limit=limit)

    @get("/entries/{entry_id:uuid}/receipt", operation_id="getMyConsentReceipt")
    async def receipt(
        self, entry_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> Response[ConsentReceipt]:
        """A consent receipt (JSON), in the language the consent text was shown in."""
        resident = await residents.get_own(db, principal.resident_id)  # type: ignore[arg-type]
        body = await service.receipt(db, resident.id, entry_id)
        return Response(
            body,
            headers={
                "Content-Disposition": f'attachment; filename="consent-receipt-{entry_id}.json"',
                "Content-Language": body.language,
                "Cache-Control": "no-store",
            },
        )
