from __future__ import annotations

from litestar import Controller, Response, get, patch
from litestar.params import HeaderParameter, JSONBody
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.auth.guards import Caller, requires_role
from welkom.core.deps import DbSession
from welkom.municipalities import service as municipalities
from welkom.residents import service
from welkom.residents.models import Resident
from welkom.residents.schemas import MeOut, MePatch, MunicipalityRef


async def _out(db: AsyncSession, resident: Resident) -> Response[MeOut]:
    municipality = await municipalities.get(db, resident.municipality_id)
    body = MeOut(
        id=resident.id,
        preferred_name=resident.preferred_name,
        preferred_language=resident.preferred_language,
        email=resident.email,
        phone=resident.phone,
        municipality=MunicipalityRef(code=municipality.code, name=municipality.name),
        updated_at=resident.updated_at,
    )
    return Response(body, headers={"ETag": service.etag(resident)})


class MeController(Controller):
    path = "/api/v1/me"
    tags = ["residents"]
    guards = [requires_role("resident")]

    @get("/", operation_id="getMe")
    async def get_me(self, db: DbSession, principal: Caller) -> Response[MeOut]:
        assert principal.resident_id is not None
        return await _out(db, await service.get_own(db, principal.resident_id))

    @patch("/", operation_id="updateMe")
    async def update_me(
        self,
        data: JSONBody[MePatch],
        db: DbSession,
        principal: Caller,
        if_match: str | None = HeaderParameter(name="If-Match", default=None, max_length=100),
    ) -> Response[MeOut]:
        assert principal.resident_id is not None
        resident = await service.update_own(db, principal.resident_id, data, if_match=if_match)
        return await _out(db, resident)
