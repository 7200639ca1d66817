from __future__ import annotations

from litestar import Controller, Request, get

from welkom.auth.guards import Caller, requires_role
from welkom.core.deps import DbSession
from welkom.core.problems import request_language
from welkom.journey import service
from welkom.journey.schemas import JourneyOut
from welkom.residents import service as residents


class JourneyController(Controller):
    path = "/api/v1/me/journey"
    tags = ["journey"]
    guards = [requires_role("resident")]

    @get("/", operation_id="getMyJourney")
    async def get_journey(self, request: Request, db: DbSession, principal: Caller) -> JourneyOut:
        """Your steps: the next one first, then the other open steps, then the finished ones."""
        resident = await residents.get_own(db, principal.resident_id)  # type: ignore[arg-type]
        return await service.journey(
            db,
            resident.id,
            resident.municipality_id,
            residents.reading_languages(resident, request_language(request)),
        )
