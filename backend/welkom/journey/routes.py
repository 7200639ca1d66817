# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post, put
from litestar.params import FromPath, JSONBody, QueryParameter

from welkom.core.deps import DbSession
from welkom.core.guards import Caller, require_language, requires_role
from welkom.core.preconditions import IfMatchHeader, etag
from welkom.core.problems import request_language
from welkom.journey import service
from welkom.journey.schemas import JourneyOut, StepTranslationIn, StepTranslationOut
from welkom.residents import service as residents


class JourneyController(Controller):
    path = "/api/v1/me/journey"
    tags = ["journey"]
    guards = [requires_role("resident")]

    @get("/", operation_id="getMyJourney", summary="Read your journey")
    async def get_journey(
        self, request: Request[Any, Any, Any], db: DbSession, principal: Caller
    ) -> JourneyOut:
        """Your steps: the next one first, then the other open steps, then the finished ones."""
        # requires_role("resident"): a resident's principal always has its resident_id.
        resident = await residents.get_own(db, principal.resident_id)  # type: ignore[arg-type]
        return await service.journey(
            db,
            resident.id,
            resident.municipality_id,
            residents.reading_languages(resident, request_language(request)),
        )


class JourneyTranslationController(Controller):
    """The journey's texts in the translation workflow: editors and reviewers see each step's
    Dutch text beside its translation; a reviewer approves a translation as it stands."""

    path = "/api/v1/admin/journey-texts"
    tags = ["journey-admin"]
    guards = [requires_role("editor", "reviewer", "admin")]

    @get(
        "/",
        operation_id="adminListJourneyTranslations",
        summary="List journey step translations",
        description="Each step of the municipality's active journey template: its Dutch text "
        "beside its translation in `language`, with the translation's state (machine, translated, "
        "reviewed), whether it lags behind the source (`outdated`) and the step's `version` "
        "(what `If-Match` names). An unknown language: 422; a reviewer limited to some languages: 403 for any other.",
    )
    async def list_translations(
        self,
        db: DbSession,
        principal: Caller,
        language: Annotated[str, QueryParameter(name="language", max_length=8)],
    ) -> list[StepTranslationOut]:
        require_language(principal, language)
        return await service.translations(db, principal.municipality_id, language)

    @put(
        "/{key:str}/{language:str}",
        operation_id="adminSubmitJourneyTranslation",
        summary="Translate a journey step",
        description="Translate a step of the active journey template (state machine or "
        "translated; only a reviewer's review makes it reviewed). Language `nl` changes the "
        "Dutch source text itself (editors only): translations made from the older text are "
        'then `outdated`. `If-Match` is required: the step\'s ETag `"v<version>"` as listed; '
        "without it 428, a stale one 412 with nothing changed; of two simultaneous changes of "
        "one step (in any languages) one is applied, the other gets 412. Answers with the new "
        "`ETag`.",
    )
    async def submit(
        self,
        data: JSONBody[StepTranslationIn],
        db: DbSession,
        principal: Caller,
        key: FromPath[str],
        language: FromPath[str],
        if_match: IfMatchHeader = None,
    ) -> Response[StepTranslationOut]:
        require_language(principal, language)
        out = await service.submit_translation(db, principal, key, language, data, if_match)
        return Response(out, headers={"ETag": etag(out.version)})

    @post(
        "/{key:str}/{language:str}/review",
        operation_id="adminReviewJourneyTranslation",
        summary="Approve a journey step translation",
        guards=[requires_role("reviewer")],
        status_code=200,
    )
    async def review(
        self, db: DbSession, principal: Caller, key: FromPath[str], language: FromPath[str]
    ) -> StepTranslationOut:
        """Approve this translation of a journey step as it stands (reviewers only)."""
        require_language(principal, language, reviewing=True)
        return await service.review_translation(db, principal, key, language)
