# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, Response, delete, get, patch, post, put
from litestar.params import FromPath, JSONBody, QueryParameter

from welkom.core.deps import DbSession, IdempotencyKey
from welkom.core.guards import Caller, requires_role
from welkom.core.i18n import direction
from welkom.core.pagination import Page
from welkom.core.preconditions import IfMatchHeader, etag
from welkom.residents import service
from welkom.residents.schemas import (
    ChangeOut,
    HouseholdMemberIn,
    HouseholdMemberOut,
    HouseholdMemberPatch,
    LanguageChoice,
    LanguageChoiceOut,
    MeOut,
    MePatch,
)


class MeController(Controller):
    path = "/api/v1/me"
    tags = ["residents"]
    guards = [requires_role("resident")]

    @get(
        "/",
        operation_id="getMe",
        summary="Read your own data",
        description="Your resident record: names, languages, contact details, address, arrival "
        "date, the registered data the municipality holds (with source and legal basis), your "
        "caseworker and household. The `ETag` header is what `If-Match` names when you correct "
        "it.",
    )
    async def get_me(self, db: DbSession, principal: Caller) -> Response[MeOut]:
        assert principal.resident_id is not None
        resident = await service.get_own(db, principal.resident_id)
        return Response(
            await service.me_out(db, resident), headers={"ETag": etag(resident.version)}
        )

    @patch(
        "/",
        operation_id="updateMe",
        summary="Correct your own data",
        description="Correct your own data. Registered name, BSN and V-number belong to the "
        "municipality and cannot be changed here. Send `If-Match` with the ETag you read: if "
        "the record changed in the meantime the request is refused (412) and nothing changes. "
        "Invalid fields: 422.",
    )
    async def update_me(
        self,
        data: JSONBody[MePatch],
        db: DbSession,
        principal: Caller,
        if_match: IfMatchHeader = None,
    ) -> Response[MeOut]:
        resident = await service.update_own(db, principal, data, if_match=if_match)
        return Response(
            await service.me_out(db, resident), headers={"ETag": etag(resident.version)}
        )

    @put(
        "/language",
        operation_id="chooseMyLanguage",
        summary="Choose your language",
        description="The language you chose in the app. Welkom then speaks it everywhere: texts, "
        "content, notifications, receipts and exports (a language staff recorded at intake "
        "counts only until you choose). `?lang=` still asks for one response in another.",
    )
    async def choose_language(
        self, data: JSONBody[LanguageChoice], db: DbSession, principal: Caller
    ) -> LanguageChoiceOut:
        assert principal.resident_id is not None
        language = await service.choose_language(db, principal.resident_id, data.language)
        return LanguageChoiceOut(language=language, direction=direction(language))

    @get("/history", operation_id="listMyDataChanges", summary="List changes to your data")
    async def history(
        self,
        db: DbSession,
        principal: Caller,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 20,
    ) -> Page[ChangeOut]:
        """Every change to your data: what, old and new value, by whom (role) and when."""
        # requires_role("resident"): a resident's principal always has its resident_id.
        resident = await service.get_own(db, principal.resident_id)  # type: ignore[arg-type]
        return await service.history(db, resident.id, cursor=cursor, limit=limit)


class HouseholdController(Controller):
    path = "/api/v1/me/household"
    tags = ["residents"]
    guards = [requires_role("resident")]

    @get(
        "/",
        operation_id="listHousehold",
        summary="List your household",
        description="The members of your household you registered, in the order you added them.",
    )
    async def list_members(self, db: DbSession, principal: Caller) -> list[HouseholdMemberOut]:
        # requires_role("resident"): a resident's principal always has its resident_id.
        resident = await service.get_own(db, principal.resident_id)  # type: ignore[arg-type]
        return [service.member_out(m) for m in await service.household(db, resident.id)]

    @post(
        "/",
        operation_id="addHouseholdMember",
        summary="Add a household member",
        description="Register a member of your household. Honours `Idempotency-Key`: a retry with "
        "the same key and body answers the first response again (`Idempotent-Replayed: true`); "
        "the same key with another body is refused (422). Invalid fields: 422.",
        status_code=201,
    )
    async def add_member(
        self,
        data: JSONBody[HouseholdMemberIn],
        db: DbSession,
        principal: Caller,
        idempotency_key: IdempotencyKey,
    ) -> Response[HouseholdMemberOut]:
        status, body, replayed = await service.add_member(db, principal, data, idempotency_key)
        headers = {"Idempotent-Replayed": "true"} if replayed else {}
        # body: the HouseholdMemberOut as JSON builtins (kept as such for an idempotent replay).
        return Response(body, status_code=status, headers=headers)  # type: ignore[arg-type]

    @patch(
        "/{member_id:uuid}",
        operation_id="updateHouseholdMember",
        summary="Change a household member",
        description="Change some fields of one member. Send `If-Match` with the member's ETag: if "
        "the member was changed in the meantime the request is refused (412) and nothing changes. "
        "Another resident's member answers 404.",
    )
    async def update_member(
        self,
        member_id: FromPath[uuid.UUID],
        data: JSONBody[HouseholdMemberPatch],
        db: DbSession,
        principal: Caller,
        if_match: IfMatchHeader = None,
    ) -> Response[HouseholdMemberOut]:
        member = await service.update_member(db, principal, member_id, data, if_match=if_match)
        return Response(service.member_out(member), headers={"ETag": etag(member.version)})

    @delete(
        "/{member_id:uuid}",
        operation_id="removeHouseholdMember",
        summary="Remove a household member",
        description="Remove one member of your household. Another resident's member answers 404.",
        status_code=204,
    )
    async def remove_member(
        self, member_id: FromPath[uuid.UUID], db: DbSession, principal: Caller
    ) -> None:
        await service.remove_member(db, principal, member_id)
