# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""Service information: resident reads (public, cacheable) and the editors' admin API."""

from __future__ import annotations

import hashlib
import uuid
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get, patch, post, put
from litestar.params import FromPath, JSONBody, QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from welkom.core.deps import DbSession, IdempotencyKey
from welkom.core.guards import Caller, public, require_language, requires_role
from welkom.core.i18n import N_, current_language, parse_accept_language
from welkom.core.identity import Principal
from welkom.core.preconditions import IfMatchHeader, etag
from welkom.core.problems import FieldError, Problem, language_override
from welkom.municipalities import service as municipalities
from welkom.services import reading, service, texts, translations
from welkom.services.models import ItemStatus
from welkom.services.schemas import (
    AdminItem,
    AdminPlace,
    ImportResult,
    ItemIn,
    ItemPatch,
    LanguageProgress,
    PlaceIn,
    PreviewIn,
    PreviewOut,
    ReviewIn,
    ServiceDetail,
    ServiceList,
    TranslationEntry,
    TranslationIn,
)

#: Residents' service information changes rarely: cache briefly, revalidate with the ETag.
CACHE_CONTROL = "max-age=300, stale-while-revalidate=86400"
VARY = "Accept-Language, Authorization, Cookie"
EDITORS = ("editor", "admin")
CONTENT_STAFF = ("editor", "reviewer", "admin")
MAX_PO_BYTES = 5 * 1024 * 1024


async def _reader_context(
    request: Request[Any, Any, Any], db: AsyncSession, municipality_code: str | None
) -> tuple[uuid.UUID, list[str]]:
    """(municipality, language chain): a signed-in caller reads their own municipality; an
    anonymous caller names one by its CBS code."""
    principal: Principal | None = request.scope.get("user")
    accept = parse_accept_language(request.headers.get("accept-language"))
    if principal is not None:
        chain = reading.language_chain(
            language_override(request),
            principal.preferred_language,
            accept,
            default=principal.municipality_default_language,
        )
        municipality_id = principal.municipality_id
    else:
        if municipality_code is None:
            raise Problem.validation(
                [
                    FieldError(
                        "municipality",
                        N_("Sign in, or name the municipality by its CBS code."),
                        source="query",
                    )
                ]
            )
        municipality = await municipalities.by_code(db, municipality_code)
        if municipality is None:
            raise Problem.not_found()
        chain = reading.language_chain(
            language_override(request), accept, default=municipality.default_language
        )
        municipality_id = municipality.id
    request.scope.setdefault("state", {})["language"] = chain[0]  # problems answer in it too
    current_language.set(chain[0])
    return municipality_id, chain


def _cached(request: Request[Any, Any, Any], body: Any, language: str) -> Response[Any]:
    encoded = msgspec.json.encode(body)
    etag = '"' + hashlib.sha256(encoded).hexdigest()[:32] + '"'
    scope = "private" if request.scope.get("user") is not None else "public"
    headers = {
        "ETag": etag,
        "Cache-Control": f"{scope}, {CACHE_CONTROL}",
        "Vary": VARY,
        "Content-Language": language,
    }
    if_none_match = request.headers.get("if-none-match", "")
    if etag in [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]:
        return Response(b"", status_code=304, headers=headers)
    return Response(encoded, media_type="application/json", headers=headers)


class ServiceController(Controller):
    path = "/api/v1/services"
    tags = ["services"]
    guards = [public]

    @get(
        "/",
        operation_id="listServices",
        summary="List service information",
        description="Published service information in the caller's best language (resident "
        "preference → Accept-Language → municipality default → Dutch source, per text). "
        "Anonymous callers name the municipality by its CBS code. `unreviewed` marks texts not "
        "reviewed by a person; `outdated` texts that lag behind a changed source. "
        "Send `If-None-Match` to revalidate cheaply.",
        response_description="A page of compact service summaries",
    )
    async def list_services(
        self,
        request: Request[Any, Any, Any],
        db: DbSession,
        municipality: Annotated[
            str | None, QueryParameter(name="municipality", pattern=r"^\d{4}$")
        ] = None,
        category: Annotated[str | None, QueryParameter(name="category", max_length=32)] = None,
        q: Annotated[str | None, QueryParameter(name="q", max_length=100)] = None,
        near: Annotated[str | None, QueryParameter(name="near", max_length=50)] = None,
        radius_km: Annotated[float, QueryParameter(name="radius_km", gt=0, le=100)] = 10.0,
        cursor: Annotated[str | None, QueryParameter(name="cursor", max_length=200)] = None,
        limit: Annotated[int, QueryParameter(name="limit", ge=1, le=100)] = 50,
    ) -> Response[ServiceList]:
        position = reading.parse_near(near, radius_km)
        municipality_id, chain = await _reader_context(request, db, municipality)
        result = await reading.list_services(
            db,
            municipality_id,
            chain,
            category=category,
            query=q,
            near=position,
            cursor=cursor,
            limit=limit,
        )
        return _cached(request, result, chain[0])

    @get(
        "/{item_id:uuid}",
        operation_id="getService",
        summary="Read one service",
        description="One published service item with its places and opening hours, in the "
        "caller's best language (as `listServices`). Anonymous callers name the municipality by "
        "its CBS code. An item that is not published answers 404. Send `If-None-Match` to "
        "revalidate cheaply (304).",
    )
    async def get_service(
        self,
        request: Request[Any, Any, Any],
        db: DbSession,
        item_id: FromPath[uuid.UUID],
        municipality: Annotated[
            str | None, QueryParameter(name="municipality", pattern=r"^\d{4}$")
        ] = None,
    ) -> Response[ServiceDetail]:
        municipality_id, chain = await _reader_context(request, db, municipality)
        detail = await reading.get_service(db, municipality_id, item_id, chain)
        return _cached(request, detail, chain[0])


def _with_etag(item: AdminItem, status_code: int = 200) -> Response[AdminItem]:
    return Response(item, status_code=status_code, headers={"ETag": etag(item.version)})


class AdminServiceController(Controller):
    path = "/api/v1/admin/services"
    tags = ["services-admin"]
    guards = [requires_role(*CONTENT_STAFF)]

    @get(
        "/",
        operation_id="adminListServices",
        summary="List service items",
        description="Every service item of your municipality in creation order, optionally by "
        "`status` (`draft`, `published`, `archived`), with its Dutch source texts and version.",
    )
    async def list_items(
        self,
        db: DbSession,
        principal: Caller,
        status: Annotated[
            str | None, QueryParameter(name="status", pattern=r"^(draft|published|archived)$")
        ] = None,
    ) -> list[AdminItem]:
        return await service.list_items(db, principal.municipality_id, status)

    @post(
        "/",
        operation_id="adminCreateService",
        summary="Create a service item",
        guards=[requires_role(*EDITORS)],
        status_code=201,
        description="A new draft item; texts are the Dutch source. Honours `Idempotency-Key` "
        "(the same key with another body: 422). Invalid fields: 422.",
    )
    async def create_item(
        self,
        data: JSONBody[ItemIn],
        db: DbSession,
        principal: Caller,
        idempotency_key: IdempotencyKey,
    ) -> Response[AdminItem]:
        body, replayed = await service.create_item(db, principal, data, idempotency_key)
        headers = {"ETag": etag(body["version"])}
        if replayed:
            headers["Idempotent-Replayed"] = "true"
        return Response(body, status_code=201, headers=headers)  # type: ignore[arg-type]

    @post(
        "/preview",
        operation_id="adminPreviewServiceBody",
        summary="Preview a service body",
        guards=[requires_role(*EDITORS)],
        status_code=200,
        description="The HTML residents would get for this markdown body: rendered and cleaned "
        "exactly as on save (the same subset and allowlist). Nothing is stored. A body that "
        "saving would refuse is refused here with the same 400 at `body`.",
    )
    async def preview(self, data: JSONBody[PreviewIn]) -> PreviewOut:
        if not data.body.strip():
            return PreviewOut(html="")
        _, html, _ = texts.prepare("body", data.body)
        return PreviewOut(html=html or "")

    @get(
        "/{item_id:uuid}",
        operation_id="adminGetService",
        summary="Read a service item",
        description="One item with its source texts, status and version; the `ETag` header is "
        "what `If-Match` names when you change it. An item of another municipality answers 404.",
    )
    async def get_item(
        self, db: DbSession, principal: Caller, item_id: FromPath[uuid.UUID]
    ) -> Response[AdminItem]:
        item = await service.get_item(db, principal.municipality_id, item_id)
        return _with_etag(await service.admin_item(db, item))

    @patch(
        "/{item_id:uuid}",
        operation_id="adminUpdateService",
        summary="Change a service item",
        guards=[requires_role(*EDITORS)],
        description="Change an item. `If-Match` with the ETag is required (428 without), so "
        "that no update is lost: if the item changed in the meantime the request is refused "
        "(412) and nothing changes; "
        "a weak or unknown tag is stale too; a malformed `If-Match` or invalid fields: 400. "
        "Of two simultaneous changes naming the same ETag one is applied, the other gets 412. "
        "A changed source text makes its "
        "translations outdated.",
    )
    async def update_item(
        self,
        data: JSONBody[ItemPatch],
        db: DbSession,
        principal: Caller,
        item_id: FromPath[uuid.UUID],
        if_match: IfMatchHeader = None,
    ) -> Response[AdminItem]:
        return _with_etag(await service.update_item(db, principal, item_id, data, if_match))

    @post(
        "/{item_id:uuid}/publish",
        operation_id="adminPublishService",
        summary="Publish a service item",
        description="Make the item visible to residents as it stands now (publishing again "
        "changes nothing). Answers the item with its new `ETag`. An item of another municipality "
        "answers 404.",
        guards=[requires_role(*EDITORS)],
        status_code=200,
    )
    async def publish(
        self, db: DbSession, principal: Caller, item_id: FromPath[uuid.UUID]
    ) -> Response[AdminItem]:
        return _with_etag(await service.set_status(db, principal, item_id, ItemStatus.published))

    @post(
        "/{item_id:uuid}/unpublish",
        operation_id="adminUnpublishService",
        summary="Unpublish a service item",
        description="Take the item back to draft: residents no longer see it. Answers the item "
        "with its new `ETag`. An item of another municipality answers 404.",
        guards=[requires_role(*EDITORS)],
        status_code=200,
    )
    async def unpublish(
        self, db: DbSession, principal: Caller, item_id: FromPath[uuid.UUID]
    ) -> Response[AdminItem]:
        return _with_etag(await service.set_status(db, principal, item_id, ItemStatus.draft))

    @post(
        "/{item_id:uuid}/archive",
        operation_id="adminArchiveService",
        summary="Archive a service item",
        description="Archive the item: residents no longer see it. Answers the item with its new "
        "`ETag`. An item of another municipality answers 404.",
        guards=[requires_role(*EDITORS)],
        status_code=200,
    )
    async def archive(
        self, db: DbSession, principal: Caller, item_id: FromPath[uuid.UUID]
    ) -> Response[AdminItem]:
        return _with_etag(await service.set_status(db, principal, item_id, ItemStatus.archived))

    @get(
        "/places",
        operation_id="adminListPlaces",
        summary="List places",
        description="The municipality's places where services are offered: address, coordinates, "
        "phone, opening hours and texts, with their version.",
    )
    async def list_places(self, db: DbSession, principal: Caller) -> list[AdminPlace]:
        return await service.list_places(db, principal.municipality_id)

    @post(
        "/places",
        operation_id="adminCreatePlace",
        summary="Create a place",
        description="A new place where services are offered: address, coordinates, opening hours "
        "and accessibility text (Dutch source). Invalid postcode, coordinates or hours: 422.",
        guards=[requires_role(*EDITORS)],
        status_code=201,
    )
    async def create_place(
        self, data: JSONBody[PlaceIn], db: DbSession, principal: Caller
    ) -> Response[AdminPlace]:
        place = await service.create_place(db, principal, data)
        return Response(place, status_code=201, headers={"ETag": etag(place.version)})

    @get(
        "/places/{place_id:uuid}",
        operation_id="adminGetPlace",
        summary="Read a place",
        description="One place with its texts and version; the `ETag` header is what `If-Match` "
        "names when you replace it. A place of another municipality answers 404.",
    )
    async def get_place(
        self, db: DbSession, principal: Caller, place_id: FromPath[uuid.UUID]
    ) -> Response[AdminPlace]:
        place = await service.get_place(db, principal.municipality_id, place_id)
        body = await service.admin_place(db, place)
        return Response(body, headers={"ETag": etag(body.version)})

    @put(
        "/places/{place_id:uuid}",
        operation_id="adminReplacePlace",
        summary="Replace a place",
        description="Replace a place's address, opening hours and texts as a whole. `If-Match` "
        "with the ETag you read is required: without it 428 `precondition-required`; if the place "
        "changed in the meantime (or the tag is weak or unknown) 412 and nothing changes; a "
        "malformed `If-Match` or invalid fields: 400. Of two simultaneous replacements naming the "
        "same ETag one is applied, the other gets 412. A place of another municipality answers "
        "404.",
        guards=[requires_role(*EDITORS)],
    )
    async def replace_place(
        self,
        data: JSONBody[PlaceIn],
        db: DbSession,
        principal: Caller,
        place_id: FromPath[uuid.UUID],
        if_match: IfMatchHeader = None,
    ) -> Response[AdminPlace]:
        place = await service.update_place(db, principal, place_id, data, if_match)
        return Response(place, headers={"ETag": etag(place.version)})


class AdminTranslationController(Controller):
    path = "/api/v1/admin/translations"
    tags = ["services-admin"]
    guards = [requires_role(*CONTENT_STAFF)]

    @get("/", operation_id="adminListTranslations", summary="List content translations")
    async def list_translations(
        self,
        db: DbSession,
        principal: Caller,
        language: Annotated[str, QueryParameter(name="language", max_length=8)],
        status: Annotated[str, QueryParameter(name="status", max_length=16)] = "all",
    ) -> list[TranslationEntry]:
        """Source texts with their translation in `language`; `status` filters on `missing`,
        `outdated`, `unreviewed`, `reviewed` or `all` (otherwise 422, as for a language that is
        not offered). A reviewer limited to some languages: 403 for any other."""
        require_language(principal, language)
        return await translations.list_translations(db, principal.municipality_id, language, status)

    @get(
        "/progress",
        operation_id="adminTranslationProgress",
        summary="Read translation progress",
        description="Per offered language: how many of the municipality's content texts there are "
        "and how many are missing, outdated, machine-translated, translated or reviewed. A "
        "reviewer limited to some languages gets only those.",
    )
    async def progress(self, db: DbSession, principal: Caller) -> list[LanguageProgress]:
        every = await translations.progress(db, principal.municipality_id)
        return [row for row in every if principal.handles_language(row.language)]

    @put(
        "/{owner_id:uuid}/{field:str}/{language:str}",
        operation_id="adminSubmitTranslation",
        summary="Submit a content translation",
        description="Submit a translation of the current source text (state machine or "
        "translated; only a reviewer's review makes it reviewed). `If-Match` is required: the "
        'ETag `"v<version>"` of the translation as listed (`"v0"` when there is none yet); '
        "without it 428, a stale one 412 with nothing changed; of two simultaneous submits naming "
        "the same version one is stored, the other gets 412. Answers the translation with its new "
        "`ETag`. A reviewer limited to some languages: 403 for any other.",
    )
    async def submit(
        self,
        data: JSONBody[TranslationIn],
        db: DbSession,
        principal: Caller,
        owner_id: FromPath[uuid.UUID],
        field: FromPath[str],
        language: FromPath[str],
        if_match: IfMatchHeader = None,
    ) -> Response[TranslationEntry]:
        require_language(principal, language)
        entry = await translations.submit(db, principal, owner_id, field, language, data, if_match)
        return Response(entry, headers={"ETag": etag(entry.version)})

    @post(
        "/{owner_id:uuid}/{field:str}/{language:str}/review",
        operation_id="adminReviewTranslation",
        summary="Approve a content translation",
        description="Mark the translation of the current source text reviewed, optionally "
        "correcting its text in the same step. A translation made for an older source text is "
        "refused (409 `translation-outdated`: update it first); no translation yet: 404. An "
        "optional `If-Match` names the version reviewed (stale: 412). A "
        "reviewer limited to some languages: 403 for any other.",
        guards=[requires_role("reviewer")],
        status_code=200,
    )
    async def review(
        self,
        data: JSONBody[ReviewIn],
        db: DbSession,
        principal: Caller,
        owner_id: FromPath[uuid.UUID],
        field: FromPath[str],
        language: FromPath[str],
        if_match: IfMatchHeader = None,
    ) -> Response[TranslationEntry]:
        require_language(principal, language, reviewing=True)
        entry = await translations.review(db, principal, owner_id, field, language, data, if_match)
        return Response(entry, headers={"ETag": etag(entry.version)})

    @get(
        "/export",
        operation_id="adminExportTranslations",
        summary="Export translations as a PO file",
        media_type=translations.PO_MEDIA_TYPE,
    )
    async def export(
        self,
        db: DbSession,
        principal: Caller,
        language: Annotated[str, QueryParameter(name="language", max_length=8)],
    ) -> Response[bytes]:
        """A gettext PO file for a translation agency (msgctxt identifies each text). A
        reviewer limited to some languages: 403 for any other."""
        require_language(principal, language)
        payload = await translations.export_po(db, principal.municipality_id, language)
        return Response(
            payload,
            media_type=translations.PO_MEDIA_TYPE,
            headers={"Content-Disposition": f'attachment; filename="welkom-content-{language}.po"'},
        )

    @post(
        "/import",
        operation_id="adminImportTranslations",
        summary="Import translations from a PO file",
        status_code=200,
        description="Upload a PO file (request body, any text media type). Stale entries "
        "(source changed since export) are skipped; nothing is marked reviewed. A reviewer "
        "limited to some languages: 403 for any other.",
    )
    async def import_po(
        self,
        request: Request[Any, Any, Any],
        db: DbSession,
        principal: Caller,
        language: Annotated[str, QueryParameter(name="language", max_length=8)],
    ) -> ImportResult:
        require_language(principal, language)
        payload = await request.body()
        if len(payload) > MAX_PO_BYTES:
            raise Problem(
                413, "too-large", N_("Request too large"), N_("The request is larger than allowed.")
            )
        return await translations.import_po(db, principal, language, payload)
