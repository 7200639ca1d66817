# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import uuid
from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post, put
from litestar.params import FromPath, JSONBody, QueryParameter

from welkom.consent import service
from welkom.consent.purposes import Channel
from welkom.consent.schemas import (
    ConsentChangeIn,
    ConsentEntryOut,
    ConsentReceipt,
    ConsentStateOut,
    ConsentTranslationIn,
    ConsentTranslationOut,
)
from welkom.core.deps import DbSession, IdempotencyKey
from welkom.core.guards import Caller, require_language, requires_role
from welkom.core.pagination import Page
from welkom.core.preconditions import IfMatchHeader, IfNoneMatchHeader, etag
from welkom.core.problems import request_language
from welkom.residents import service as residents


class ConsentController(Controller):
    path = "/api/v1/me/consents"
    tags = ["consent"]
    guards = [requires_role("resident")]

    @get("/", operation_id="listMyConsents", summary="List your consents")
    async def list_states(
        self, request: Request[Any, Any, Any], db: DbSession, principal: Caller
    ) -> list[ConsentStateOut]:
        """Every purpose, your current answer (derived from the ledger) and the text to read."""
        # requires_role("resident"): a resident's principal always has its resident_id.
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
        summary="Grant or withdraw consent",
        status_code=201,
        description="Grant or withdraw consent for one purpose. Name the text version and the "
        "language you were shown. Withdrawal counts for every later read at once.",
    )
    async def change(
        self,
        data: JSONBody[ConsentChangeIn],
        db: DbSession,
        principal: Caller,
        idempotency_key: IdempotencyKey,
    ) -> Response[ConsentEntryOut]:
        # requires_role("resident"): a resident's principal always has its resident_id.
        resident = await residents.get_own(db, principal.resident_id)  # type: ignore[arg-type]
        status, body, replayed = await service.record(
            db,
            principal,
            resident.id,
            resident.municipality_id,
            data,
            channel=Channel.app,
            idempotency_key=idempotency_key,
        )
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        # body: the ConsentEntryOut as JSON builtins (kept as such for an idempotent replay).
        return Response(body, status_code=status, headers=headers)  # type: ignore[arg-type]

    @get("/entries", operation_id="listMyConsentEntries", summary="List your consent history")
    async def entries(
        self,
        db: DbSession,
        principal: Caller,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 20,
    ) -> Page[ConsentEntryOut]:
        """The ledger: every grant and withdrawal, newest first."""
        # requires_role("resident"): a resident's principal always has its resident_id.
        resident = await residents.get_own(db, principal.resident_id)  # type: ignore[arg-type]
        return await service.entries(db, resident.id, cursor=cursor, limit=limit)

    @get(
        "/entries/{entry_id:uuid}/receipt",
        operation_id="getMyConsentReceipt",
        summary="Read a consent receipt",
    )
    async def receipt(
        self, entry_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> Response[ConsentReceipt]:
        """A consent receipt (JSON), in the language the consent text was shown in."""
        # requires_role("resident"): a resident's principal always has its resident_id.
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


class ConsentTranslationController(Controller):
    """Consent texts in the translation workflow: editors and reviewers see each purpose's
    current Dutch text beside its translation; a reviewer approves a translation as it stands."""

    path = "/api/v1/admin/consent-texts"
    tags = ["consent-admin"]
    guards = [requires_role("editor", "reviewer", "admin")]

    @get(
        "/",
        operation_id="adminListConsentTranslations",
        summary="List consent text translations",
        description="Each purpose's current Dutch consent text beside its translation in "
        "`language`, with the translation's state (machine, translated, reviewed); `outdated`: "
        "the current version has none since its Dutch text changed, the earlier one is shown. "
        "An unknown "
        "language: 422; a reviewer limited to some languages: 403 for any other.",
    )
    async def list_translations(
        self,
        db: DbSession,
        principal: Caller,
        language: Annotated[str, QueryParameter(name="language", max_length=8)],
    ) -> list[ConsentTranslationOut]:
        require_language(principal, language)
        return await service.translations(db, principal.municipality_id, language)

    @put(
        "/{purpose:str}/{language:str}",
        operation_id="adminSubmitConsentTranslation",
        summary="Translate a consent text",
        description="Translate a purpose's current consent text (state machine or translated; "
        "only a reviewer's review makes it reviewed). New wording for a language the text "
        "already has publishes a new version: residents who agreed are asked to read it again. "
        '`If-Match: "v<version>"` naming the current version (as listed) is required: '
        "without it 428; if another version was published in the meantime 412 and nothing "
        "changes; of two simultaneous changes naming the same version one is applied, the other "
        "gets 412. Adding a language the version lacks keeps its version: send "
        "`If-None-Match: *` with it, and if another translation into that language was saved "
        "for the version in the meantime the answer is 412 instead of a new version with yours "
        "(the same wording again is no change). Answers with the `ETag` of the version the text "
        "is now in. Language `nl` "
        "changes the Dutch source (editors only): new wording is a new version with only the "
        "Dutch text, residents read it until a translation is saved for that version, and the "
        "list offers the earlier translation marked `outdated`.",
    )
    async def submit(
        self,
        data: JSONBody[ConsentTranslationIn],
        db: DbSession,
        principal: Caller,
        purpose: FromPath[str],
        language: FromPath[str],
        if_match: IfMatchHeader = None,
        if_none_match: IfNoneMatchHeader = None,
    ) -> Response[ConsentTranslationOut]:
        require_language(principal, language)
        out = await service.submit_translation(
            db, principal, purpose, language, data, if_match, if_none_match
        )
        return Response(out, headers={"ETag": etag(out.version)})

    @post(
        "/{purpose:str}/{version:int}/{language:str}/review",
        operation_id="adminReviewConsentTranslation",
        summary="Approve a consent text translation",
        guards=[requires_role("reviewer")],
        status_code=200,
        description="Approve this translation of a consent text version as it stands. Only a "
        "reviewer can; a municipality that requires reviewed consent texts accepts consent "
        "in this language from then on.",
    )
    async def review(
        self,
        db: DbSession,
        principal: Caller,
        purpose: FromPath[str],
        version: FromPath[int],
        language: FromPath[str],
    ) -> ConsentTranslationOut:
        require_language(principal, language, reviewing=True)
        return await service.review_translation(db, principal, purpose, version, language)
